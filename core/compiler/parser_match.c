/* core/compiler/parser_match.c — grammar rules for the match statement
 * and its patterns (CPython 3.11's match_stmt, case_block, patterns ...).
 * Conventions: see parser_internal.h and the top of parser_expr.c.
 */
#include <string.h>
#include "core/compiler/parser_internal.h"
#include "core/objects/complex.h"

#define TOK(t) tn_pr_expect(p, (t))
#define KW(k) tn_pr_expect_kw(p, (k))
#define LOOK(pos, t) tn_pr_lookahead_tok(p, (pos), (t))
#define EXTRA tn_pr_extra(p, mark)
#define INVALID (p->call_invalid_rules)

typedef struct { TnExpr *key; TnPattern *pattern; } KeyPatternPair;

static TnPattern *pattern_rule(TnParser *p);
static TnExpr *name_or_attr_rule(TnParser *p);
static void *name_token_fn(TnParser *p) { return tn_pr_name_token(p); }

/* ======================================================================
 * match statement
 * ==================================================================== */

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static TnExpr *subject_expr_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *value;
    if ((value = tn_pr_star_named_expression(p)) && TOK(TN_TOK_COMMA)) {
        TnAstSeq *values = tn_pr_star_named_expressions(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnAstSeq *s = tn_pr_seq_prepend(p, value, values);
        RULE_RETURN(p, s ? tn_pr_tuple(p, s, TN_CTX_LOAD, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if ((value = tn_pr_named_expression(p)))
        RULE_RETURN(p, value);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnPattern *patterns_rule(TnParser *p);

/* guard: 'if' named_expression */
static TnExpr *guard_rule(TnParser *p)
{
    int mark = p->mark;
    TnExpr *g;
    if (KW(TN_KW_IF) && (g = tn_pr_named_expression(p)))
        return g;
    p->mark = mark;
    return NULL;
}

/* invalid_case_block:
 *   | "case" patterns guard? NEWLINE { "expected ':'" }
 *   | a="case" patterns guard? ':' NEWLINE !INDENT { indentation error } */
static void *invalid_case_block_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (tn_pr_expect_soft_kw(p, TN_KW_CASE) && patterns_rule(p)) {
        guard_rule(p);
        if (!p->error_indicator && TOK(TN_TOK_NEWLINE))
            RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_expect_soft_kw(p, TN_KW_CASE)) && patterns_rule(p)) {
        guard_rule(p);
        if (!p->error_indicator && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
            RULE_RETURN(p, tn_pr_raise_indent_error(p, "'case' statement", a->loc.lineno));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* case_block: invalid_case_block | "case" patterns guard? ':' block */
static void *case_block_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_case_block_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnPattern *pat;
    TnAstSeq *body;
    if (tn_pr_expect_soft_kw(p, TN_KW_CASE) && (pat = patterns_rule(p))) {
        TnExpr *g = guard_rule(p);
        if (!p->error_indicator && TOK(TN_TOK_COLON) && (body = tn_pr_block(p))) {
            TnMatchCase *c = tn_pr_alloc(p, sizeof(TnMatchCase));
            if (c != NULL) {
                c->pattern = pat;
                c->guard = g;
                c->body = body;
            }
            RULE_RETURN(p, c);
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_match_stmt:
 *   | "match" subject_expr NEWLINE { "expected ':'" }
 *   | a="match" subject_expr ':' NEWLINE !INDENT { indentation error } */
static void *invalid_match_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (tn_pr_expect_soft_kw(p, TN_KW_MATCH) && subject_expr_rule(p) && TOK(TN_TOK_NEWLINE))
        RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
    ALT_FAIL(p, mark);
    if ((a = tn_pr_expect_soft_kw(p, TN_KW_MATCH)) && subject_expr_rule(p) && TOK(TN_TOK_COLON)
        && tn_pr_newline_no_indent(p))
        RULE_RETURN(p, tn_pr_raise_indent_error(p, "'match' statement", a->loc.lineno));
    p->mark = mark;
    RULE_FAIL(p);
}

/* match_stmt:
 *   | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt */
TnStmt *tn_pr_match_stmt(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *subject;
    TnAstSeq *cases;
    if (tn_pr_expect_soft_kw(p, TN_KW_MATCH) && (subject = subject_expr_rule(p))
        && TOK(TN_TOK_COLON) && TOK(TN_TOK_NEWLINE) && TOK(TN_TOK_INDENT)
        && (cases = tn_pr_loop(p, case_block_rule, 1)) && TOK(TN_TOK_DEDENT)) {
        TnStmt *s = tn_pr_stmt(p, TN_STMT_MATCH, EXTRA);
        if (s != NULL) {
            s->v.match.subject = subject;
            s->v.match.cases = cases;
        }
        RULE_RETURN(p, s);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_match_stmt_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ---- patterns --------------------------------------------------------- */

static TnPattern *pattern_new(TnParser *p, TnPatternKind kind, TnAstLoc loc)
{
    return tn_pr_pattern(p, kind, loc);
}

static TnAstSeq *maybe_sequence_pattern_rule(TnParser *p);
static TnAstSeq *open_sequence_pattern_rule(TnParser *p);

/* patterns: open_sequence_pattern | pattern */
static TnPattern *patterns_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *ps;
    if ((ps = open_sequence_pattern_rule(p))) {
        TnPattern *r = pattern_new(p, TN_PAT_SEQUENCE, EXTRA);
        if (r != NULL)
            r->v.sequence.patterns = ps;
        RULE_RETURN(p, r);
    }
    ALT_FAIL(p, mark);
    TnPattern *r;
    if ((r = pattern_rule(p)))
        RULE_RETURN(p, r);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnPattern *or_pattern_rule(TnParser *p);
static TnExpr *pattern_capture_target_rule(TnParser *p);

/* invalid_as_pattern:
 *   | or_pattern 'as' a="_" { RAISE_LOC(a, "cannot use '_' as a target") }
 *   | or_pattern 'as' !NAME a=expression { RAISE_LOC(a, "invalid pattern target") } */
static void *invalid_as_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (or_pattern_rule(p) && KW(TN_KW_AS) && (a = tn_pr_expect_soft_kw(p, TN_KW_UNDERSCORE)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "cannot use '_' as a target"));
    ALT_FAIL(p, mark);
    if (or_pattern_rule(p) && KW(TN_KW_AS) && tn_pr_lookahead(p, 0, name_token_fn)
        && (a = tn_pr_expression(p)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "invalid pattern target"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern */
static TnPattern *as_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnPattern *pat;
    TnExpr *target;
    if ((pat = or_pattern_rule(p)) && KW(TN_KW_AS) && (target = pattern_capture_target_rule(p))) {
        TnPattern *r = pattern_new(p, TN_PAT_AS, EXTRA);
        if (r != NULL) {
            r->v.as.pattern = pat;
            r->v.as.name = target->v.name.id;
        }
        RULE_RETURN(p, r);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_as_pattern_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* pattern: as_pattern | or_pattern */
static TnPattern *pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPattern *r;
    if ((r = as_pattern_rule(p)))
        RULE_RETURN(p, r);
    ALT_FAIL(p, mark);
    if ((r = or_pattern_rule(p)))
        RULE_RETURN(p, r);
    p->mark = mark;
    RULE_FAIL(p);
}

static void *pattern_fn(TnParser *p) { return pattern_rule(p); }
static TnPattern *closed_pattern_rule(TnParser *p);
static void *closed_pattern_fn(TnParser *p) { return closed_pattern_rule(p); }

/* or_pattern: '|'.closed_pattern+ */
static TnPattern *or_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *ps = tn_pr_gather(p, closed_pattern_fn, TN_TOK_VBAR);
    if (ps != NULL) {
        if (ps->n == 1)
            RULE_RETURN(p, ps->items[0]);
        TnPattern *r = pattern_new(p, TN_PAT_OR, EXTRA);
        if (r != NULL)
            r->v.or_.patterns = ps;
        RULE_RETURN(p, r);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* signed_number: NUMBER | '-' NUMBER */
static TnExpr *signed_number_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *n;
    if ((n = tn_pr_number_token(p)))
        RULE_RETURN(p, n);
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_MINUS) && (n = tn_pr_number_token(p)))
        RULE_RETURN(p, tn_pr_unaryop(p, TN_UOP_USUB, n, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

static bool is_complex_constant(TnExpr *e)
{
#ifdef TN_PARSER_TEST_HOOKS
    return e->kind == TN_EXPR_CONSTANT && tn_parser_test_is_complex(e->v.constant.value);
#else
    return e->kind == TN_EXPR_CONSTANT && tn_complex_check(e->v.constant.value);
#endif
}

/* real_number: NUMBER { ensure_real } */
static TnExpr *real_number_rule(TnParser *p)
{
    TnExpr *e = tn_pr_number_token(p);
    if (e == NULL)
        return NULL;
    if (e->kind != TN_EXPR_CONSTANT || is_complex_constant(e))
        return tn_pr_raise_on_loc(p, e->loc, "real number required in complex literal");
    return e;
}

/* imaginary_number: NUMBER { ensure_imaginary } */
static TnExpr *imaginary_number_rule(TnParser *p)
{
    TnExpr *e = tn_pr_number_token(p);
    if (e == NULL)
        return NULL;
    if (!is_complex_constant(e))
        return tn_pr_raise_on_loc(p, e->loc, "imaginary number required in complex literal");
    return e;
}

/* signed_real_number: real_number | '-' real_number */
static TnExpr *signed_real_number_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *n;
    if ((n = real_number_rule(p)))
        RULE_RETURN(p, n);
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_MINUS) && (n = real_number_rule(p)))
        RULE_RETURN(p, tn_pr_unaryop(p, TN_UOP_USUB, n, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

/* complex_number:
 *   | signed_real_number '+' imaginary_number | signed_real_number '-' imaginary_number */
static TnExpr *complex_number_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *real, *imag;
    if ((real = signed_real_number_rule(p)) && TOK(TN_TOK_PLUS) && (imag = imaginary_number_rule(p)))
        RULE_RETURN(p, tn_pr_binop(p, real, TN_OP_ADD, imag, EXTRA));
    ALT_FAIL(p, mark);
    if ((real = signed_real_number_rule(p)) && TOK(TN_TOK_MINUS) && (imag = imaginary_number_rule(p)))
        RULE_RETURN(p, tn_pr_binop(p, real, TN_OP_SUB, imag, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

/* !('+' | '-') */
static int no_sign_follows(TnParser *p)
{
    return LOOK(0, TN_TOK_PLUS) && LOOK(0, TN_TOK_MINUS);
}

/* literal_expr:
 *   | signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False' */
static void *literal_expr_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *v;
    if ((v = signed_number_rule(p)) && no_sign_follows(p))
        RULE_RETURN(p, v);
    ALT_FAIL(p, mark);
    if ((v = complex_number_rule(p)))
        RULE_RETURN(p, v);
    ALT_FAIL(p, mark);
    if ((v = tn_pr_strings(p)))
        RULE_RETURN(p, v);
    ALT_FAIL(p, mark);
    if (KW(TN_KW_NONE))
        RULE_RETURN(p, tn_pr_constant(p, TN_NONE, NULL, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_TRUE))
        RULE_RETURN(p, tn_pr_constant(p, TN_TRUE, NULL, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_FALSE))
        RULE_RETURN(p, tn_pr_constant(p, TN_FALSE, NULL, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

static TnPattern *match_value(TnParser *p, TnExpr *v, TnAstLoc loc)
{
    TnPattern *r = pattern_new(p, TN_PAT_VALUE, loc);
    if (r != NULL)
        r->v.value.value = v;
    return r;
}

static TnPattern *match_singleton(TnParser *p, TnObject *v, TnAstLoc loc)
{
    TnPattern *r = pattern_new(p, TN_PAT_SINGLETON, loc);
    if (r != NULL)
        r->v.singleton.value = v;
    return r;
}

/* literal_pattern:
 *   | signed_number !('+' | '-') | complex_number | strings | 'None' | 'True' | 'False' */
static TnPattern *literal_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *v;
    if ((v = signed_number_rule(p)) && no_sign_follows(p))
        RULE_RETURN(p, match_value(p, v, EXTRA));
    ALT_FAIL(p, mark);
    if ((v = complex_number_rule(p)))
        RULE_RETURN(p, match_value(p, v, EXTRA));
    ALT_FAIL(p, mark);
    if ((v = tn_pr_strings(p)))
        RULE_RETURN(p, match_value(p, v, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_NONE))
        RULE_RETURN(p, match_singleton(p, TN_NONE, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_TRUE))
        RULE_RETURN(p, match_singleton(p, TN_TRUE, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_FALSE))
        RULE_RETURN(p, match_singleton(p, TN_FALSE, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

/* !('.' | '(' | '=') */
static int no_dot_paren_eq_follows(TnParser *p)
{
    return LOOK(0, TN_TOK_DOT) && LOOK(0, TN_TOK_LPAR) && LOOK(0, TN_TOK_EQUAL);
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
static TnExpr *pattern_capture_target_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *name;
    if (tn_pr_ensure(p) == 0 && !(tn_pr_peek(p)->t.type == TN_TOK_NAME
                                  && tn_pr_peek(p)->t.kw == TN_KW_UNDERSCORE)
        && (name = tn_pr_name_token(p)) && no_dot_paren_eq_follows(p))
        RULE_RETURN(p, tn_pr_set_expr_context(p, name, TN_CTX_STORE));
    p->mark = mark;
    RULE_FAIL(p);
}

/* capture_pattern: pattern_capture_target */
static TnPattern *capture_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *t;
    if ((t = pattern_capture_target_rule(p))) {
        TnPattern *r = pattern_new(p, TN_PAT_AS, EXTRA);
        if (r != NULL)
            r->v.as.name = t->v.name.id;
        RULE_RETURN(p, r);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* wildcard_pattern: "_" */
static TnPattern *wildcard_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (tn_pr_expect_soft_kw(p, TN_KW_UNDERSCORE))
        RULE_RETURN(p, pattern_new(p, TN_PAT_AS, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

/* attr: name_or_attr '.' NAME  (left-recursive through name_or_attr)
 * name_or_attr: attr | NAME
 * Returns at least one dot (attr) or fails. */
static void *attr_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_name_token(p);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    int ndots = 0;
    for (;;) {
        int m = p->mark;
        TnExpr *b;
        if (!(TOK(TN_TOK_DOT) && (b = tn_pr_name_token(p)))) {
            p->mark = m;
            if (p->error_indicator)
                RULE_FAIL(p);
            break;
        }
        a = tn_pr_attribute(p, a, b->v.name.id, TN_CTX_LOAD, EXTRA);
        if (a == NULL)
            RULE_FAIL(p);
        ndots++;
    }
    if (ndots == 0) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    RULE_RETURN(p, a);
}

static TnExpr *attr_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_ATTR, attr_raw);
}

static TnExpr *name_or_attr_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = attr_rule(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_name_token(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* value_pattern: attr !('.' | '(' | '=') */
static TnPattern *value_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = attr_rule(p)) && no_dot_paren_eq_follows(p))
        RULE_RETURN(p, match_value(p, a, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

/* group_pattern: '(' pattern ')' */
static TnPattern *group_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPattern *r;
    if (TOK(TN_TOK_LPAR) && (r = pattern_rule(p)) && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, r);
    p->mark = mark;
    RULE_FAIL(p);
}

/* sequence_pattern:
 *   | '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')' */
static TnPattern *sequence_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    for (int paren = 0; paren <= 1; paren++) {
        if (TOK(paren ? TN_TOK_LPAR : TN_TOK_LSQB)) {
            TnAstSeq *ps = paren ? open_sequence_pattern_rule(p) : maybe_sequence_pattern_rule(p);
            if (!p->error_indicator && TOK(paren ? TN_TOK_RPAR : TN_TOK_RSQB)) {
                TnPattern *r = pattern_new(p, TN_PAT_SEQUENCE, EXTRA);
                if (r != NULL)
                    r->v.sequence.patterns = ps;
                RULE_RETURN(p, r);
            }
        }
        ALT_FAIL(p, mark);
    }
    RULE_FAIL(p);
}

static TnPattern *star_pattern_rule(TnParser *p);

/* maybe_star_pattern: star_pattern | pattern */
static void *maybe_star_pattern(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPattern *r;
    if ((r = star_pattern_rule(p)))
        RULE_RETURN(p, r);
    ALT_FAIL(p, mark);
    if ((r = pattern_rule(p)))
        RULE_RETURN(p, r);
    p->mark = mark;
    RULE_FAIL(p);
}

/* open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
static TnAstSeq *open_sequence_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPattern *a;
    if ((a = maybe_star_pattern(p)) && TOK(TN_TOK_COMMA)) {
        TnAstSeq *ps = maybe_sequence_pattern_rule(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, tn_pr_seq_prepend(p, a, ps));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* maybe_sequence_pattern: ','.maybe_star_pattern+ ','? */
static TnAstSeq *maybe_sequence_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *ps = tn_pr_gather(p, maybe_star_pattern, TN_TOK_COMMA);
    if (ps != NULL) {
        TOK(TN_TOK_COMMA);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, ps);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern */
static void *star_pattern_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *t;
    if (TOK(TN_TOK_STAR) && (t = pattern_capture_target_rule(p))) {
        TnPattern *r = pattern_new(p, TN_PAT_STAR, EXTRA);
        if (r != NULL)
            r->v.star.name = t->v.name.id;
        RULE_RETURN(p, r);
    }
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_STAR) && wildcard_pattern_rule(p))
        RULE_RETURN(p, pattern_new(p, TN_PAT_STAR, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

static TnPattern *star_pattern_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_STAR_PATTERN, star_pattern_raw);
}

/* key_value_pattern: (literal_expr | attr) ':' pattern */
static void *key_value_pattern(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *key = literal_expr_rule(p);
    if (key == NULL && !p->error_indicator) {
        p->mark = mark;
        key = attr_rule(p);
    }
    TnPattern *pat;
    if (key != NULL && TOK(TN_TOK_COLON) && (pat = pattern_rule(p))) {
        KeyPatternPair *kp = tn_pr_alloc(p, sizeof(KeyPatternPair));
        if (kp != NULL) {
            kp->key = key;
            kp->pattern = pat;
        }
        RULE_RETURN(p, kp);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* double_star_pattern: '**' pattern_capture_target */
static TnExpr *double_star_pattern_rule(TnParser *p)
{
    int mark = p->mark;
    TnExpr *t;
    if (TOK(TN_TOK_DOUBLESTAR) && (t = pattern_capture_target_rule(p)))
        return t;
    p->mark = mark;
    return NULL;
}

static TnPattern *make_mapping(TnParser *p, TnAstSeq *items, TnObject *rest, TnAstLoc loc)
{
    tn_ssize_t n = tn_ast_seq_len(items);
    TnAstSeq *keys = NULL, *pats = NULL;
    if (n > 0) {
        keys = tn_pr_seq_new(p, n);
        pats = tn_pr_seq_new(p, n);
        if (keys == NULL || pats == NULL)
            return NULL;
        for (tn_ssize_t i = 0; i < n; i++) {
            KeyPatternPair *kp = items->items[i];
            keys->items[i] = kp->key;
            pats->items[i] = kp->pattern;
        }
    }
    TnPattern *r = pattern_new(p, TN_PAT_MAPPING, loc);
    if (r != NULL) {
        r->v.mapping.keys = keys;
        r->v.mapping.patterns = pats;
        r->v.mapping.rest = rest;
    }
    return r;
}

/* mapping_pattern:
 *   | '{' '}' | '{' double_star_pattern ','? '}'
 *   | '{' items_pattern ',' double_star_pattern ','? '}' | '{' items_pattern ','? '}' */
static TnPattern *mapping_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *rest;
    TnAstSeq *items;
    if (TOK(TN_TOK_LBRACE) && TOK(TN_TOK_RBRACE))
        RULE_RETURN(p, make_mapping(p, NULL, NULL, EXTRA));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LBRACE) && (rest = double_star_pattern_rule(p))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && TOK(TN_TOK_RBRACE))
            RULE_RETURN(p, make_mapping(p, NULL, rest->v.name.id, EXTRA));
    }
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LBRACE) && (items = tn_pr_gather(p, key_value_pattern, TN_TOK_COMMA))
        && TOK(TN_TOK_COMMA) && (rest = double_star_pattern_rule(p))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && TOK(TN_TOK_RBRACE))
            RULE_RETURN(p, make_mapping(p, items, rest->v.name.id, EXTRA));
    }
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LBRACE) && (items = tn_pr_gather(p, key_value_pattern, TN_TOK_COMMA))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && TOK(TN_TOK_RBRACE))
            RULE_RETURN(p, make_mapping(p, items, NULL, EXTRA));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* keyword_pattern: NAME '=' pattern */
static void *keyword_pattern(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *arg;
    TnPattern *value;
    if ((arg = tn_pr_name_token(p)) && TOK(TN_TOK_EQUAL) && (value = pattern_rule(p))) {
        KeyPatternPair *kp = tn_pr_alloc(p, sizeof(KeyPatternPair));
        if (kp != NULL) {
            kp->key = arg;
            kp->pattern = value;
        }
        RULE_RETURN(p, kp);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

static TnPattern *make_class(TnParser *p, TnExpr *cls, TnAstSeq *pats, TnAstSeq *kws, TnAstLoc loc)
{
    TnAstSeq *attrs = NULL, *kpats = NULL;
    tn_ssize_t n = tn_ast_seq_len(kws);
    if (n > 0) {
        attrs = tn_pr_seq_new(p, n);
        kpats = tn_pr_seq_new(p, n);
        if (attrs == NULL || kpats == NULL)
            return NULL;
        for (tn_ssize_t i = 0; i < n; i++) {
            KeyPatternPair *kp = kws->items[i];
            attrs->items[i] = kp->key->v.name.id;
            kpats->items[i] = kp->pattern;
        }
    }
    TnPattern *r = pattern_new(p, TN_PAT_CLASS, loc);
    if (r != NULL) {
        r->v.class_.cls = cls;
        r->v.class_.patterns = pats;
        r->v.class_.kwd_attrs = attrs;
        r->v.class_.kwd_patterns = kpats;
    }
    return r;
}

/* invalid_class_pattern:
 *   | name_or_attr '(' a=invalid_class_argument_pattern {
 *       RAISE_RANGE(first(a), last(a), "positional patterns follow keyword patterns") }
 * invalid_class_argument_pattern:
 *   | [positional_patterns ','] keyword_patterns ',' a=positional_patterns { a } */
static void *invalid_class_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    if (name_or_attr_rule(p) && TOK(TN_TOK_LPAR)) {
        int m2 = p->mark;
        if (!(tn_pr_gather(p, pattern_fn, TN_TOK_COMMA) && TOK(TN_TOK_COMMA)))
            p->mark = m2;
        TnAstSeq *a;
        if (!p->error_indicator && tn_pr_gather(p, keyword_pattern, TN_TOK_COMMA)
            && TOK(TN_TOK_COMMA) && (a = tn_pr_gather(p, pattern_fn, TN_TOK_COMMA))) {
            TnPattern *first = a->items[0], *last = a->items[a->n - 1];
            RULE_RETURN(p, tn_pr_raise_range(p, first->loc, last->loc,
                                             "positional patterns follow keyword patterns"));
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* class_pattern:
 *   | name_or_attr '(' ')' | name_or_attr '(' positional_patterns ','? ')'
 *   | name_or_attr '(' keyword_patterns ','? ')'
 *   | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
 *   | invalid_class_pattern */
static TnPattern *class_pattern_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *cls;
    TnAstSeq *pats, *kws;
    if ((cls = name_or_attr_rule(p)) && TOK(TN_TOK_LPAR) && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, make_class(p, cls, NULL, NULL, EXTRA));
    ALT_FAIL(p, mark);
    if ((cls = name_or_attr_rule(p)) && TOK(TN_TOK_LPAR)
        && (pats = tn_pr_gather(p, pattern_fn, TN_TOK_COMMA))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, make_class(p, cls, pats, NULL, EXTRA));
    }
    ALT_FAIL(p, mark);
    if ((cls = name_or_attr_rule(p)) && TOK(TN_TOK_LPAR)
        && (kws = tn_pr_gather(p, keyword_pattern, TN_TOK_COMMA))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, make_class(p, cls, NULL, kws, EXTRA));
    }
    ALT_FAIL(p, mark);
    if ((cls = name_or_attr_rule(p)) && TOK(TN_TOK_LPAR)
        && (pats = tn_pr_gather(p, pattern_fn, TN_TOK_COMMA)) && TOK(TN_TOK_COMMA)
        && (kws = tn_pr_gather(p, keyword_pattern, TN_TOK_COMMA))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, make_class(p, cls, pats, kws, EXTRA));
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_class_pattern_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* closed_pattern (memo):
 *   | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
 *   | group_pattern | sequence_pattern | mapping_pattern | class_pattern */
static void *closed_pattern_raw(TnParser *p)
{
    typedef TnPattern *(*PatFn)(TnParser *);
    static const PatFn alts[] = {
        literal_pattern_rule, capture_pattern_rule, wildcard_pattern_rule, value_pattern_rule,
        group_pattern_rule, sequence_pattern_rule, mapping_pattern_rule, class_pattern_rule,
    };
    RULE_ENTER(p);
    int mark = p->mark;
    for (size_t i = 0; i < sizeof alts / sizeof alts[0]; i++) {
        TnPattern *r = alts[i](p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    RULE_FAIL(p);
}

static TnPattern *closed_pattern_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_CLOSED_PATTERN, closed_pattern_raw);
}
