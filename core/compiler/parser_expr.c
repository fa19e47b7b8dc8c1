/* core/compiler/parser_expr.c — grammar rules for expressions, call
 * arguments, assignment targets and function parameters.
 *
 * (Parameters of def and lambda are in parser_params.c.)
 *
 * Each function implements the CPython 3.11 rule named in the comment above
 * it (Grammar/python.gram), alternatives tried in order.  Conventions: see
 * parser_internal.h.  `invalid_*` rules only run in the second pass
 * (p->call_invalid_rules); they raise a SyntaxError or fail.  When a rule's
 * action yields NULL without an error, the rule fails at once without trying
 * its later alternatives, as in CPython's generated parser.
 */
#include <string.h>
#include "core/compiler/parser_internal.h"

#define TOK(t) tn_pr_expect(p, (t))
#define KW(k) tn_pr_expect_kw(p, (k))
#define LOOK(pos, t) tn_pr_lookahead_tok(p, (pos), (t))
#define LOOKKW(pos, k) tn_pr_lookahead_kw(p, (pos), (k))
#define EXTRA tn_pr_extra(p, mark)
#define INVALID (p->call_invalid_rules)

typedef struct { TnExpr *key; TnExpr *value; } KeyValuePair;
typedef struct { int cmpop; TnExpr *expr; } CmpopExprPair;
typedef struct { void *element; int is_keyword; } KeywordOrStarred;

/* forward declarations */
static TnExpr *conjunction_rule(TnParser *p);
static TnExpr *inversion_rule(TnParser *p);
static TnExpr *factor_rule(TnParser *p);
static TnExpr *primary_rule(TnParser *p);
static TnExpr *slices_rule(TnParser *p);
static TnExpr *lambdef_rule(TnParser *p);
static TnAstSeq *for_if_clauses_rule(TnParser *p);
static TnExpr *starred_expression_rule(TnParser *p);
static TnExpr *t_primary_rule(TnParser *p);
static TnExpr *target_with_star_atom_rule(TnParser *p);
static void *invalid_kwarg_rule(TnParser *p);
static TnExpr *args_rule(TnParser *p);
static TnAstSeq *kwargs_rule(TnParser *p);
static void *args_positional_item(TnParser *p);
static TnExpr *expression_without_invalid_rule(TnParser *p);
static TnExpr *set_rule(TnParser *p);
static TnExpr *dict_rule(TnParser *p);

/* ======================================================================
 * expressions
 * ==================================================================== */

/* (',' c=expression { c }) */
static void *comma_expression(TnParser *p)
{
    int mark = p->mark;
    TnExpr *c;
    if (TOK(TN_TOK_COMMA) && (c = tn_pr_expression(p)))
        return c;
    p->mark = mark;
    return NULL;
}

/* expressions:
 *     | expression (',' expression)+ [','] | expression ',' | expression */
TnExpr *tn_pr_expressions(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if ((a = tn_pr_expression(p)) && (b = tn_pr_loop(p, comma_expression, 1))) {
        TOK(TN_TOK_COMMA);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnAstSeq *s = tn_pr_seq_prepend(p, a, b);
        RULE_RETURN(p, s ? tn_pr_tuple(p, s, TN_CTX_LOAD, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_expression(p)) && TOK(TN_TOK_COMMA)) {
        TnAstSeq *s = tn_pr_seq1(p, a);
        RULE_RETURN(p, s ? tn_pr_tuple(p, s, TN_CTX_LOAD, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_expression(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_expression:
 *   | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid {
 *       check_legacy_stmt(a) ? NULL : tokens[mark-1]->level == 0 ? NULL :
 *       RAISE_RANGE(a, b, "invalid syntax. Perhaps you forgot a comma?") }
 *   | a=disjunction 'if' b=disjunction !('else'|':') {
 *       RAISE_RANGE(a, b, "expected 'else' after 'if' expression") } */
static void *name_string(TnParser *p)
{
    if (tn_pr_name_token(p) && TOK(TN_TOK_STRING))
        return TN_PR_OK;
    return NULL;
}

static void *name_string_or_soft_kw(TnParser *p)
{
    int mark = p->mark;
    if (name_string(p))
        return TN_PR_OK;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    if (tn_pr_soft_keyword_token(p))
        return TN_PR_OK;
    p->mark = mark;
    return NULL;
}

static void *invalid_expression_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a, *b;
    if (tn_pr_lookahead(p, 0, name_string_or_soft_kw) && (a = tn_pr_disjunction(p))
        && (b = expression_without_invalid_rule(p))) {
        if (tn_pr_check_legacy_stmt(p, a) || p->tokens[p->mark - 1]->t.level == 0)
            RULE_FAIL(p);
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc, b->loc,
                                         "invalid syntax. Perhaps you forgot a comma?"));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_disjunction(p)) && KW(TN_KW_IF) && (b = tn_pr_disjunction(p))
        && LOOKKW(0, TN_KW_ELSE) && LOOK(0, TN_TOK_COLON)) {
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc, b->loc,
                                         "expected 'else' after 'if' expression"));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_legacy_expression:
 *   | a=NAME !'(' b=star_expressions {
 *       check_legacy_stmt(a) ? RAISE_RANGE(a, b, "Missing parentheses in call to
 *       '%U'. Did you mean %U(...)?") : NULL } */
static void *invalid_legacy_expression_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a, *b;
    if ((a = tn_pr_name_token(p)) && LOOK(0, TN_TOK_LPAR) && (b = tn_pr_star_expressions(p))) {
        if (!tn_pr_check_legacy_stmt(p, a))
            RULE_FAIL(p);
        const char *n = tn_pr_utf8(a->v.name.id);
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc, b->loc,
                                         "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                         n, n));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* expression (memo):
 *   | invalid_expression | invalid_legacy_expression
 *   | disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
static void *expression_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_expression_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
        r = invalid_legacy_expression_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnExpr *a, *b, *c;
    if ((a = tn_pr_disjunction(p)) && KW(TN_KW_IF) && (b = tn_pr_disjunction(p))
        && KW(TN_KW_ELSE) && (c = tn_pr_expression(p))) {
        TnExpr *e = tn_pr_expr(p, TN_EXPR_IFEXP, EXTRA);
        if (e != NULL) {
            e->v.ifexp.test = b;
            e->v.ifexp.body = a;
            e->v.ifexp.orelse = c;
        }
        RULE_RETURN(p, e);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_disjunction(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = lambdef_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

TnExpr *tn_pr_expression(TnParser *p)
{
    return tn_pr_memoized(p, M_EXPRESSION, expression_raw);
}

/* expression_without_invalid:
 *   | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
 * (with the invalid rules switched off below it) */
static TnExpr *expression_without_invalid_rule(TnParser *p)
{
    int saved = p->call_invalid_rules;
    p->call_invalid_rules = 0;
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a, *b, *c, *res = NULL;
    if (tn_pr_ensure(p) < 0)
        goto done;
    if ((a = tn_pr_disjunction(p)) && KW(TN_KW_IF) && (b = tn_pr_disjunction(p))
        && KW(TN_KW_ELSE) && (c = tn_pr_expression(p))) {
        res = tn_pr_expr(p, TN_EXPR_IFEXP, EXTRA);
        if (res != NULL) {
            res->v.ifexp.test = b;
            res->v.ifexp.body = a;
            res->v.ifexp.orelse = c;
        }
        goto done;
    }
    p->mark = mark;
    if (p->error_indicator)
        goto done;
    if ((res = tn_pr_disjunction(p)))
        goto done;
    p->mark = mark;
    if (p->error_indicator)
        goto done;
    if ((res = lambdef_rule(p)))
        goto done;
    p->mark = mark;
done:
    p->call_invalid_rules = saved;
    p->level--;
    return p->error_indicator ? NULL : res;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
TnExpr *tn_pr_yield_expr(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if (KW(TN_KW_YIELD) && KW(TN_KW_FROM) && (a = tn_pr_expression(p))) {
        TnExpr *e = tn_pr_expr(p, TN_EXPR_YIELDFROM, EXTRA);
        if (e != NULL)
            e->v.yieldfrom.value = a;
        RULE_RETURN(p, e);
    }
    ALT_FAIL(p, mark);
    if (KW(TN_KW_YIELD)) {
        a = tn_pr_star_expressions(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnExpr *e = tn_pr_expr(p, TN_EXPR_YIELD, EXTRA);
        if (e != NULL)
            e->v.yield.value = a;
        RULE_RETURN(p, e);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* (',' c=star_expression { c }) */
static void *comma_star_expression(TnParser *p)
{
    int mark = p->mark;
    TnExpr *c;
    if (TOK(TN_TOK_COMMA) && (c = tn_pr_star_expression(p)))
        return c;
    p->mark = mark;
    return NULL;
}

/* star_expressions:
 *   | star_expression (',' star_expression)+ [','] | star_expression ',' | star_expression */
TnExpr *tn_pr_star_expressions(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if ((a = tn_pr_star_expression(p)) && (b = tn_pr_loop(p, comma_star_expression, 1))) {
        TOK(TN_TOK_COMMA);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnAstSeq *s = tn_pr_seq_prepend(p, a, b);
        RULE_RETURN(p, s ? tn_pr_tuple(p, s, TN_CTX_LOAD, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_star_expression(p)) && TOK(TN_TOK_COMMA)) {
        TnAstSeq *s = tn_pr_seq1(p, a);
        RULE_RETURN(p, s ? tn_pr_tuple(p, s, TN_CTX_LOAD, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_star_expression(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* star_expression (memo): '*' bitwise_or | expression */
static void *star_expression_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_STAR) && (a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, tn_pr_starred(p, a, TN_CTX_LOAD, EXTRA));
    ALT_FAIL(p, mark);
    if ((a = tn_pr_expression(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

TnExpr *tn_pr_star_expression(TnParser *p)
{
    return tn_pr_memoized(p, M_STAR_EXPRESSION, star_expression_raw);
}

static void *star_named_expression_fn(TnParser *p) { return tn_pr_star_named_expression(p); }

/* star_named_expressions: ','.star_named_expression+ [','] */
TnAstSeq *tn_pr_star_named_expressions(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_gather(p, star_named_expression_fn, TN_TOK_COMMA);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    TOK(TN_TOK_COMMA);
    if (p->error_indicator)
        RULE_FAIL(p);
    RULE_RETURN(p, a);
}

/* star_named_expression: '*' bitwise_or | named_expression */
TnExpr *tn_pr_star_named_expression(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_STAR) && (a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, tn_pr_starred(p, a, TN_CTX_LOAD, EXTRA));
    ALT_FAIL(p, mark);
    if ((a = tn_pr_named_expression(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* assignment_expression: NAME ':=' ~ expression */
TnExpr *tn_pr_assignment_expression(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a, *b;
    if ((a = tn_pr_name_token(p)) && TOK(TN_TOK_COLONEQUAL)) {
        /* cut: no other alternative after ':=' */
        if ((b = tn_pr_expression(p))) {
            TnExpr *t = tn_pr_set_expr_context(p, a, TN_CTX_STORE);
            TnExpr *e = t ? tn_pr_expr(p, TN_EXPR_NAMEDEXPR, EXTRA) : NULL;
            if (e != NULL) {
                e->v.namedexpr.target = t;
                e->v.namedexpr.value = b;
            }
            RULE_RETURN(p, e);
        }
        p->mark = mark;
        RULE_FAIL(p);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* list | tuple | genexp | 'True' | 'None' | 'False' */
static void *invalid_named_expression_lookahead(TnParser *p)
{
    int mark = p->mark;
    if (tn_pr_list(p))
        return TN_PR_OK;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    if (tn_pr_tuple_rule(p))
        return TN_PR_OK;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    if (tn_pr_genexp(p))
        return TN_PR_OK;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    if (KW(TN_KW_TRUE) || KW(TN_KW_NONE) || KW(TN_KW_FALSE))
        return TN_PR_OK;
    p->mark = mark;
    return NULL;
}

/* invalid_named_expression (memo):
 *   | a=expression ':=' expression {
 *       RAISE_LOC(a, "cannot use assignment expressions with %s", expr_name(a)) }
 *   | a=NAME '=' b=bitwise_or !('='|':=') {
 *       RAISE_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?") }
 *   | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=') {
 *       RAISE_LOC(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?") } */
static void *invalid_named_expression_raw(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a, *b;
    if ((a = tn_pr_expression(p)) && TOK(TN_TOK_COLONEQUAL) && tn_pr_expression(p)) {
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "cannot use assignment expressions with %s",
                                          tn_pr_expr_name(a)));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_name_token(p)) && TOK(TN_TOK_EQUAL) && (b = tn_pr_bitwise_or(p))
        && LOOK(0, TN_TOK_EQUAL) && LOOK(0, TN_TOK_COLONEQUAL)) {
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc, b->loc,
                                         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    }
    ALT_FAIL(p, mark);
    if (tn_pr_lookahead(p, 0, invalid_named_expression_lookahead) && (a = tn_pr_bitwise_or(p))
        && TOK(TN_TOK_EQUAL) && tn_pr_bitwise_or(p) && LOOK(0, TN_TOK_EQUAL)
        && LOOK(0, TN_TOK_COLONEQUAL)) {
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc,
                                          "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                          tn_pr_expr_name(a)));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* named_expression: assignment_expression | invalid_named_expression | expression !':=' */
TnExpr *tn_pr_named_expression(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_assignment_expression(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = tn_pr_memoized(p, M_INVALID_NAMED_EXPRESSION, invalid_named_expression_raw);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    if ((a = tn_pr_expression(p)) && LOOK(0, TN_TOK_COLONEQUAL))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Boolean operators and comparisons
 * ==================================================================== */

static void *or_conjunction(TnParser *p)
{
    int mark = p->mark;
    TnExpr *c;
    if (KW(TN_KW_OR) && (c = conjunction_rule(p)))
        return c;
    p->mark = mark;
    return NULL;
}

static void *and_inversion(TnParser *p)
{
    int mark = p->mark;
    TnExpr *c;
    if (KW(TN_KW_AND) && (c = inversion_rule(p)))
        return c;
    p->mark = mark;
    return NULL;
}

static TnExpr *make_boolop(TnParser *p, TnBoolOpKind op, TnExpr *a, TnAstSeq *b, TnAstLoc loc)
{
    TnAstSeq *vals = tn_pr_seq_prepend(p, a, b);
    TnExpr *e = vals ? tn_pr_expr(p, TN_EXPR_BOOLOP, loc) : NULL;
    if (e != NULL) {
        e->v.boolop.op = op;
        e->v.boolop.values = vals;
    }
    return e;
}

/* disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
static void *disjunction_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if ((a = conjunction_rule(p)) && (b = tn_pr_loop(p, or_conjunction, 1)))
        RULE_RETURN(p, make_boolop(p, TN_BOOL_OR, a, b, EXTRA));
    ALT_FAIL(p, mark);
    if ((a = conjunction_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

TnExpr *tn_pr_disjunction(TnParser *p)
{
    return tn_pr_memoized(p, M_DISJUNCTION, disjunction_raw);
}

/* conjunction (memo): inversion ('and' inversion)+ | inversion */
static void *conjunction_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if ((a = inversion_rule(p)) && (b = tn_pr_loop(p, and_inversion, 1)))
        RULE_RETURN(p, make_boolop(p, TN_BOOL_AND, a, b, EXTRA));
    ALT_FAIL(p, mark);
    if ((a = inversion_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *conjunction_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_CONJUNCTION, conjunction_raw);
}

static TnExpr *comparison_rule(TnParser *p);

/* inversion (memo): 'not' inversion | comparison */
static void *inversion_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if (KW(TN_KW_NOT) && (a = inversion_rule(p)))
        RULE_RETURN(p, tn_pr_unaryop(p, TN_UOP_NOT, a, EXTRA));
    ALT_FAIL(p, mark);
    if ((a = comparison_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *inversion_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_INVERSION, inversion_raw);
}

static CmpopExprPair *cmpop_pair(TnParser *p, int op, TnExpr *e)
{
    CmpopExprPair *c = tn_pr_alloc(p, sizeof(CmpopExprPair));
    if (c != NULL) {
        c->cmpop = op;
        c->expr = e;
    }
    return c;
}

/* compare_op_bitwise_or_pair: '==' bitwise_or | '!=' bitwise_or | '<=' ... |
 *   'not' 'in' bitwise_or | 'in' bitwise_or | 'is' 'not' bitwise_or | 'is' bitwise_or */
static void *compare_op_bitwise_or_pair(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    static const struct { TnTokType tok; int op; } simple[] = {
        {TN_TOK_EQEQUAL, TN_CMP_EQ}, {TN_TOK_NOTEQUAL, TN_CMP_NOTEQ},
        {TN_TOK_LESSEQUAL, TN_CMP_LTE}, {TN_TOK_LESS, TN_CMP_LT},
        {TN_TOK_GREATEREQUAL, TN_CMP_GTE}, {TN_TOK_GREATER, TN_CMP_GT},
    };
    TnExpr *a;
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
        TnPToken *t = TOK(simple[i].tok);
        if (t != NULL) {
            /* '<>' is tokenized as NOTEQUAL but only valid with barry_as_FLUFL. */
            if (simple[i].tok == TN_TOK_NOTEQUAL && t->t.start[0] == '<') {
                p->mark = mark;
                RULE_FAIL(p);
            }
            if ((a = tn_pr_bitwise_or(p)))
                RULE_RETURN(p, cmpop_pair(p, simple[i].op, a));
        }
        ALT_FAIL(p, mark);
    }
    if (KW(TN_KW_NOT) && KW(TN_KW_IN) && (a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, cmpop_pair(p, TN_CMP_NOTIN, a));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_IN) && (a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, cmpop_pair(p, TN_CMP_IN, a));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_IS) && KW(TN_KW_NOT) && (a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, cmpop_pair(p, TN_CMP_ISNOT, a));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_IS) && (a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, cmpop_pair(p, TN_CMP_IS, a));
    p->mark = mark;
    RULE_FAIL(p);
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static TnExpr *comparison_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if ((a = tn_pr_bitwise_or(p)) && (b = tn_pr_loop(p, compare_op_bitwise_or_pair, 1))) {
        tn_ssize_t n = b->n;
        int *ops = tn_pr_alloc(p, sizeof(int) * (size_t)n);
        TnAstSeq *cmps = tn_pr_seq_new(p, n);
        TnExpr *e = (ops && cmps) ? tn_pr_expr(p, TN_EXPR_COMPARE, EXTRA) : NULL;
        if (e == NULL)
            RULE_FAIL(p);
        for (tn_ssize_t i = 0; i < n; i++) {
            CmpopExprPair *c = b->items[i];
            ops[i] = c->cmpop;
            cmps->items[i] = c->expr;
        }
        e->v.compare.left = a;
        e->v.compare.ops = ops;
        e->v.compare.comparators = cmps;
        RULE_RETURN(p, e);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Binary operators (left-recursive rules, written as loops)
 * ==================================================================== */

typedef struct { TnTokType tok; TnOperator op; } OpMap;

/* left (op right)* for the operators in ops. */
static TnExpr *binop_loop(TnParser *p, TnRuleFn sub, const OpMap *ops, int nops)
{
    int mark = p->mark;
    TnExpr *a = sub(p);
    if (a == NULL)
        return NULL;
    for (;;) {
        int m = p->mark;
        TnExpr *b = NULL;
        int i;
        for (i = 0; i < nops; i++) {
            if (TOK(ops[i].tok)) {
                b = sub(p);
                break;
            }
        }
        if (p->error_indicator)
            return NULL;
        if (b == NULL) {
            p->mark = m;
            break;
        }
        a = tn_pr_binop(p, a, ops[i].op, b, EXTRA);
        if (a == NULL)
            return NULL;
    }
    return a;
}

static void *term_fn(TnParser *p);
static void *sum_fn(TnParser *p);
static void *shift_fn(TnParser *p);
static void *band_fn(TnParser *p);
static void *bxor_fn(TnParser *p);

static void *factor_fn(TnParser *p) { return factor_rule(p); }

/* term: term ('*'|'/'|'//'|'%'|'@') factor | factor */
static void *term_raw(TnParser *p)
{
    static const OpMap ops[] = {
        {TN_TOK_STAR, TN_OP_MULT}, {TN_TOK_SLASH, TN_OP_DIV},
        {TN_TOK_DOUBLESLASH, TN_OP_FLOORDIV}, {TN_TOK_PERCENT, TN_OP_MOD},
        {TN_TOK_AT, TN_OP_MATMUL},
    };
    RULE_ENTER(p);
    ENSURE(p);
    RULE_RETURN(p, binop_loop(p, factor_fn, ops, 5));
}
static void *term_fn(TnParser *p) { return tn_pr_memoized(p, M_TERM, term_raw); }

/* sum: sum ('+'|'-') term | term */
static void *sum_raw(TnParser *p)
{
    static const OpMap ops[] = {{TN_TOK_PLUS, TN_OP_ADD}, {TN_TOK_MINUS, TN_OP_SUB}};
    RULE_ENTER(p);
    ENSURE(p);
    RULE_RETURN(p, binop_loop(p, term_fn, ops, 2));
}
static void *sum_fn(TnParser *p) { return tn_pr_memoized(p, M_SUM, sum_raw); }

/* shift_expr: shift_expr ('<<'|'>>') sum | sum */
static void *shift_raw(TnParser *p)
{
    static const OpMap ops[] = {{TN_TOK_LEFTSHIFT, TN_OP_LSHIFT}, {TN_TOK_RIGHTSHIFT, TN_OP_RSHIFT}};
    RULE_ENTER(p);
    ENSURE(p);
    RULE_RETURN(p, binop_loop(p, sum_fn, ops, 2));
}
static void *shift_fn(TnParser *p) { return tn_pr_memoized(p, M_SHIFT_EXPR, shift_raw); }

/* bitwise_and: bitwise_and '&' shift_expr | shift_expr */
static void *band_raw(TnParser *p)
{
    static const OpMap ops[] = {{TN_TOK_AMPER, TN_OP_BITAND}};
    RULE_ENTER(p);
    ENSURE(p);
    RULE_RETURN(p, binop_loop(p, shift_fn, ops, 1));
}
static void *band_fn(TnParser *p) { return tn_pr_memoized(p, M_BITWISE_AND, band_raw); }

/* bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and */
static void *bxor_raw(TnParser *p)
{
    static const OpMap ops[] = {{TN_TOK_CIRCUMFLEX, TN_OP_BITXOR}};
    RULE_ENTER(p);
    ENSURE(p);
    RULE_RETURN(p, binop_loop(p, band_fn, ops, 1));
}
static void *bxor_fn(TnParser *p) { return tn_pr_memoized(p, M_BITWISE_XOR, bxor_raw); }

/* bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor */
static void *bor_raw(TnParser *p)
{
    static const OpMap ops[] = {{TN_TOK_VBAR, TN_OP_BITOR}};
    RULE_ENTER(p);
    ENSURE(p);
    RULE_RETURN(p, binop_loop(p, bxor_fn, ops, 1));
}

TnExpr *tn_pr_bitwise_or(TnParser *p)
{
    return tn_pr_memoized(p, M_BITWISE_OR, bor_raw);
}

/* ======================================================================
 * Unary operators, power, await, primary
 * ==================================================================== */

static TnExpr *power_rule(TnParser *p);

/* factor (memo): '+' factor | '-' factor | '~' factor | power */
static void *factor_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    static const struct { TnTokType tok; TnUnaryOpKind op; } ops[] = {
        {TN_TOK_PLUS, TN_UOP_UADD}, {TN_TOK_MINUS, TN_UOP_USUB}, {TN_TOK_TILDE, TN_UOP_INVERT},
    };
    TnExpr *a;
    for (int i = 0; i < 3; i++) {
        if (TOK(ops[i].tok) && (a = factor_rule(p)))
            RULE_RETURN(p, tn_pr_unaryop(p, ops[i].op, a, EXTRA));
        ALT_FAIL(p, mark);
    }
    if ((a = power_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *factor_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_FACTOR, factor_raw);
}

static TnExpr *await_primary_rule(TnParser *p);

/* power: await_primary '**' factor | await_primary */
static TnExpr *power_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a, *b;
    if ((a = await_primary_rule(p)) && TOK(TN_TOK_DOUBLESTAR) && (b = factor_rule(p)))
        RULE_RETURN(p, tn_pr_binop(p, a, TN_OP_POW, b, EXTRA));
    ALT_FAIL(p, mark);
    if ((a = await_primary_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* await_primary (memo): AWAIT primary | primary */
static void *await_primary_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if (KW(TN_KW_AWAIT) && (a = primary_rule(p))) {
        TnExpr *e = tn_pr_expr(p, TN_EXPR_AWAIT, EXTRA);
        if (e != NULL)
            e->v.await_.value = a;
        RULE_RETURN(p, e);
    }
    ALT_FAIL(p, mark);
    if ((a = primary_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *await_primary_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_AWAIT_PRIMARY, await_primary_raw);
}

/* One trailer of primary/t_primary after `a`:
 *   '.' NAME | genexp | '(' [arguments] ')' | '[' slices ']'
 * Returns the extended expression, or NULL (mark restored). */
static TnExpr *primary_trailer(TnParser *p, TnExpr *a, int mark, TnExprContext ctx)
{
    int m = p->mark;
    TnExpr *b;
    if (TOK(TN_TOK_DOT) && (b = tn_pr_name_token(p)))
        return tn_pr_attribute(p, a, b->v.name.id, ctx, EXTRA);
    p->mark = m;
    if (p->error_indicator)
        return NULL;
    if ((b = tn_pr_genexp(p))) {
        TnAstSeq *s = tn_pr_seq1(p, b);
        return s ? tn_pr_call(p, a, s, NULL, EXTRA) : NULL;
    }
    p->mark = m;
    if (p->error_indicator)
        return NULL;
    if (TOK(TN_TOK_LPAR)) {
        b = tn_pr_arguments(p);
        if (!p->error_indicator && TOK(TN_TOK_RPAR)) {
            return tn_pr_call(p, a, b ? b->v.call.args : NULL, b ? b->v.call.keywords : NULL,
                              EXTRA);
        }
    }
    p->mark = m;
    if (p->error_indicator)
        return NULL;
    if (TOK(TN_TOK_LSQB) && (b = slices_rule(p)) && TOK(TN_TOK_RSQB))
        return tn_pr_subscript(p, a, b, ctx, EXTRA);
    p->mark = m;
    return NULL;
}

/* primary:
 *   | primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *   | primary '[' slices ']' | atom */
static void *primary_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_atom(p);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    for (;;) {
        TnExpr *n = primary_trailer(p, a, mark, TN_CTX_LOAD);
        if (p->error_indicator)
            RULE_FAIL(p);
        if (n == NULL)
            break;
        a = n;
    }
    RULE_RETURN(p, a);
}

static TnExpr *primary_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_PRIMARY, primary_raw);
}

/* ======================================================================
 * Slices and atoms
 * ==================================================================== */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static void *slice_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_expression(p);
    if (!p->error_indicator && TOK(TN_TOK_COLON)) {
        TnExpr *b = tn_pr_expression(p), *c = NULL;
        if (p->error_indicator)
            RULE_FAIL(p);
        int m2 = p->mark;
        if (TOK(TN_TOK_COLON)) {
            c = tn_pr_expression(p);
            if (p->error_indicator)
                RULE_FAIL(p);
        }
        else {
            p->mark = m2;
        }
        TnExpr *e = tn_pr_expr(p, TN_EXPR_SLICE, EXTRA);
        if (e != NULL) {
            e->v.slice.lower = a;
            e->v.slice.upper = b;
            e->v.slice.step = c;
        }
        RULE_RETURN(p, e);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_named_expression(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* (slice | starred_expression) */
static void *slice_or_starred(TnParser *p)
{
    int mark = p->mark;
    void *r = slice_rule(p);
    if (r != NULL)
        return r;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    return starred_expression_rule(p);
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static TnExpr *slices_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = slice_rule(p)) && LOOK(0, TN_TOK_COMMA))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    TnAstSeq *s = tn_pr_gather(p, slice_or_starred, TN_TOK_COMMA);
    if (s != NULL) {
        TOK(TN_TOK_COMMA);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, tn_pr_tuple(p, s, TN_CTX_LOAD, EXTRA));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *group_rule(TnParser *p);
static TnExpr *listcomp_rule(TnParser *p);
static TnExpr *dictcomp_rule(TnParser *p);
static TnExpr *setcomp_rule(TnParser *p);

/* atom:
 *   | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
 *   | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
 *   | &'{' (dict | set | dictcomp | setcomp) | '...' */
TnExpr *tn_pr_atom(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_name_token(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if (KW(TN_KW_TRUE))
        RULE_RETURN(p, tn_pr_constant(p, TN_TRUE, NULL, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_FALSE))
        RULE_RETURN(p, tn_pr_constant(p, TN_FALSE, NULL, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_NONE))
        RULE_RETURN(p, tn_pr_constant(p, TN_NONE, NULL, EXTRA));
    ALT_FAIL(p, mark);
    if (LOOK(1, TN_TOK_STRING) && (a = tn_pr_strings(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_number_token(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if (LOOK(1, TN_TOK_LPAR)) {
        if ((a = tn_pr_tuple_rule(p)))
            RULE_RETURN(p, a);
        ALT_FAIL(p, mark);
        if ((a = group_rule(p)))
            RULE_RETURN(p, a);
        ALT_FAIL(p, mark);
        if ((a = tn_pr_genexp(p)))
            RULE_RETURN(p, a);
    }
    ALT_FAIL(p, mark);
    if (LOOK(1, TN_TOK_LSQB)) {
        if ((a = tn_pr_list(p)))
            RULE_RETURN(p, a);
        ALT_FAIL(p, mark);
        if ((a = listcomp_rule(p)))
            RULE_RETURN(p, a);
    }
    ALT_FAIL(p, mark);
    if (LOOK(1, TN_TOK_LBRACE)) {
        if ((a = dict_rule(p)))
            RULE_RETURN(p, a);
        ALT_FAIL(p, mark);
        if ((a = set_rule(p)))
            RULE_RETURN(p, a);
        ALT_FAIL(p, mark);
        if ((a = dictcomp_rule(p)))
            RULE_RETURN(p, a);
        ALT_FAIL(p, mark);
        if ((a = setcomp_rule(p)))
            RULE_RETURN(p, a);
    }
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_ELLIPSIS))
        RULE_RETURN(p, tn_pr_constant(p, TN_ELLIPSIS, NULL, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_group:
 *   | '(' a=starred_expression ')' { RAISE_LOC(a, "cannot use starred expression here") }
 *   | '(' a='**' expression ')' { RAISE_LOC(a, "cannot use double starred expression here") } */
static void *invalid_group_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_LPAR) && (a = starred_expression_rule(p)) && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "cannot use starred expression here"));
    ALT_FAIL(p, mark);
    TnPToken *t;
    if (TOK(TN_TOK_LPAR) && (t = TOK(TN_TOK_DOUBLESTAR)) && tn_pr_expression(p)
        && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                          "cannot use double starred expression here"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* group: '(' (yield_expr | named_expression) ')' | invalid_group */
static TnExpr *group_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (TOK(TN_TOK_LPAR)) {
        int m2 = p->mark;
        TnExpr *a = tn_pr_yield_expr(p);
        if (a == NULL && !p->error_indicator) {
            p->mark = m2;
            a = tn_pr_named_expression(p);
        }
        if (a != NULL && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, a);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_group_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Lambda
 * ==================================================================== */


/* lambdef: 'lambda' [lambda_params] ':' expression */
static TnExpr *lambdef_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (KW(TN_KW_LAMBDA)) {
        TnArguments *a = tn_pr_lambda_params(p);
        TnExpr *b;
        if (!p->error_indicator && TOK(TN_TOK_COLON) && (b = tn_pr_expression(p))) {
            if (a == NULL && (a = tn_pr_empty_arguments(p)) == NULL)
                RULE_FAIL(p);
            TnExpr *e = tn_pr_expr(p, TN_EXPR_LAMBDA, EXTRA);
            if (e != NULL) {
                e->v.lambda.args = a;
                e->v.lambda.body = b;
            }
            RULE_RETURN(p, e);
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Strings, displays and comprehensions
 * ==================================================================== */

static void *string_token_fn(TnParser *p) { return tn_pr_string_token(p); }

/* strings (memo): STRING+ */
static void *strings_raw(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_loop(p, string_token_fn, 1);
    if (a != NULL)
        RULE_RETURN(p, tn_pr_concatenate_strings(p, a));
    p->mark = mark;
    RULE_FAIL(p);
}

TnExpr *tn_pr_strings(TnParser *p)
{
    return tn_pr_memoized(p, M_STRINGS, strings_raw);
}

/* list: '[' [star_named_expressions] ']' */
TnExpr *tn_pr_list(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (TOK(TN_TOK_LSQB)) {
        TnAstSeq *a = tn_pr_star_named_expressions(p);
        if (!p->error_indicator && TOK(TN_TOK_RSQB)) {
            TnExpr *e = tn_pr_expr(p, TN_EXPR_LIST, EXTRA);
            if (e != NULL) {
                e->v.list.elts = a;
                e->v.list.ctx = TN_CTX_LOAD;
            }
            RULE_RETURN(p, e);
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
TnExpr *tn_pr_tuple_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (TOK(TN_TOK_LPAR)) {
        TnAstSeq *a = NULL;
        int m2 = p->mark;
        TnExpr *y;
        if ((y = tn_pr_star_named_expression(p)) && TOK(TN_TOK_COMMA)) {
            TnAstSeq *z = tn_pr_star_named_expressions(p);
            if (p->error_indicator)
                RULE_FAIL(p);
            a = tn_pr_seq_prepend(p, y, z);
            if (a == NULL)
                RULE_FAIL(p);
        }
        else {
            if (p->error_indicator)
                RULE_FAIL(p);
            p->mark = m2;
        }
        if (TOK(TN_TOK_RPAR))
            RULE_RETURN(p, tn_pr_tuple(p, a, TN_CTX_LOAD, EXTRA));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* set: '{' star_named_expressions '}' */
static TnExpr *set_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *a;
    if (TOK(TN_TOK_LBRACE) && (a = tn_pr_star_named_expressions(p)) && TOK(TN_TOK_RBRACE)) {
        TnExpr *e = tn_pr_expr(p, TN_EXPR_SET, EXTRA);
        if (e != NULL)
            e->v.set.elts = a;
        RULE_RETURN(p, e);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

static KeyValuePair *kv_pair(TnParser *p, TnExpr *k, TnExpr *v)
{
    KeyValuePair *kv = tn_pr_alloc(p, sizeof(KeyValuePair));
    if (kv != NULL) {
        kv->key = k;
        kv->value = v;
    }
    return kv;
}

/* kvpair: expression ':' expression */
static void *kvpair_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a, *b;
    if ((a = tn_pr_expression(p)) && TOK(TN_TOK_COLON) && (b = tn_pr_expression(p)))
        RULE_RETURN(p, kv_pair(p, a, b));
    p->mark = mark;
    RULE_FAIL(p);
}


/* double_starred_kvpair: '**' bitwise_or | kvpair */
static void *double_starred_kvpair(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_DOUBLESTAR) && (a = tn_pr_bitwise_or(p)))
        RULE_RETURN(p, kv_pair(p, NULL, a));
    ALT_FAIL(p, mark);
    void *kv = kvpair_rule(p);
    if (kv != NULL)
        RULE_RETURN(p, kv);
    p->mark = mark;
    RULE_FAIL(p);
}

/* double_starred_kvpairs: ','.double_starred_kvpair+ [','] */
static TnAstSeq *double_starred_kvpairs(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_gather(p, double_starred_kvpair, TN_TOK_COMMA);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    TOK(TN_TOK_COMMA);
    if (p->error_indicator)
        RULE_FAIL(p);
    RULE_RETURN(p, a);
}

/* invalid_kvpair:
 *   | a=expression !(':') { RAISE(a->lineno, a->end_col_offset - 1, a->end_lineno, -1,
 *                                 "':' expected after dictionary key") }
 *   | expression ':' a='*' bitwise_or { RAISE_STARTING_FROM(a, "cannot use a starred
 *                                       expression in a dictionary value") }
 *   | expression a=':' &('}'|',') { RAISE_LOC(a, "expression expected after dictionary key and ':'") } */
static void *invalid_kvpair_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    TnPToken *t;
    if ((a = tn_pr_expression(p)) && LOOK(0, TN_TOK_COLON)) {
        RULE_RETURN(p, tn_pr_raise_known_location(p, &tn_exc_SyntaxError, a->loc.lineno,
                                                  a->loc.end_col_offset - 1, a->loc.end_lineno,
                                                  -1, "':' expected after dictionary key"));
    }
    ALT_FAIL(p, mark);
    if (tn_pr_expression(p) && TOK(TN_TOK_COLON) && (t = TOK(TN_TOK_STAR)) && tn_pr_bitwise_or(p))
        RULE_RETURN(p, tn_pr_raise_starting_from(p, tn_pr_tok_loc(t),
                                                 "cannot use a starred expression in a dictionary value"));
    ALT_FAIL(p, mark);
    if (tn_pr_expression(p) && (t = TOK(TN_TOK_COLON))
        && (LOOK(1, TN_TOK_RBRACE) || LOOK(1, TN_TOK_COMMA)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                          "expression expected after dictionary key and ':'"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_double_starred_kvpairs:
 *   | ','.double_starred_kvpair+ ',' invalid_kvpair
 *   | expression ':' a='*' bitwise_or { RAISE_STARTING_FROM(a, ...) }
 *   | expression a=':' &('}'|',') { RAISE_LOC(a, ...) } */
static void *invalid_double_starred_kvpairs_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *t;
    void *r;
    if (tn_pr_gather(p, double_starred_kvpair, TN_TOK_COMMA) && TOK(TN_TOK_COMMA)
        && (r = invalid_kvpair_rule(p)))
        RULE_RETURN(p, r);
    ALT_FAIL(p, mark);
    if (tn_pr_expression(p) && TOK(TN_TOK_COLON) && (t = TOK(TN_TOK_STAR)) && tn_pr_bitwise_or(p))
        RULE_RETURN(p, tn_pr_raise_starting_from(p, tn_pr_tok_loc(t),
                                                 "cannot use a starred expression in a dictionary value"));
    ALT_FAIL(p, mark);
    if (tn_pr_expression(p) && (t = TOK(TN_TOK_COLON))
        && (LOOK(1, TN_TOK_RBRACE) || LOOK(1, TN_TOK_COMMA)))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                          "expression expected after dictionary key and ':'"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
static TnExpr *dict_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (TOK(TN_TOK_LBRACE)) {
        TnAstSeq *a = double_starred_kvpairs(p);
        if (!p->error_indicator && TOK(TN_TOK_RBRACE)) {
            tn_ssize_t n = tn_ast_seq_len(a);
            TnAstSeq *keys = tn_pr_seq_new(p, n), *vals = tn_pr_seq_new(p, n);
            TnExpr *e = (keys && vals) ? tn_pr_expr(p, TN_EXPR_DICT, EXTRA) : NULL;
            if (e == NULL)
                RULE_FAIL(p);
            for (tn_ssize_t i = 0; i < n; i++) {
                KeyValuePair *kv = a->items[i];
                keys->items[i] = kv->key;
                vals->items[i] = kv->value;
            }
            e->v.dict.keys = keys;
            e->v.dict.values = vals;
            RULE_RETURN(p, e);
        }
    }
    ALT_FAIL(p, mark);
    /* Not guarded by call_invalid_rules: CPython's generator only guards
     * alternatives made of a single invalid_ rule, so this one also runs
     * in the first pass. */
    void *r;
    if (TOK(TN_TOK_LBRACE) && (r = invalid_double_starred_kvpairs_rule(p)) && TOK(TN_TOK_RBRACE))
        RULE_RETURN(p, r);
    p->mark = mark;
    RULE_FAIL(p);
}

/* ('if' z=disjunction { z }) */
static void *if_disjunction(TnParser *p)
{
    int mark = p->mark;
    TnExpr *z;
    if (KW(TN_KW_IF) && (z = tn_pr_disjunction(p)))
        return z;
    p->mark = mark;
    return NULL;
}

/* invalid_for_target: ASYNC? 'for' a=star_expressions {
 *     RAISE_SYNTAX_ERROR_INVALID_TARGET(FOR_TARGETS, a) } */
static void *invalid_for_target_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    KW(TN_KW_ASYNC);
    if (p->error_indicator)
        RULE_FAIL(p);
    if (KW(TN_KW_FOR) && (a = tn_pr_star_expressions(p)))
        RULE_RETURN(p, tn_pr_raise_invalid_target(p, TN_FOR_TARGETS, a));
    p->mark = mark;
    RULE_FAIL(p);
}

/* for_if_clause:
 *   | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *   | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
 *   | invalid_for_target */
static void *for_if_clause_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    for (int is_async = 1; is_async >= 0; is_async--) {
        TnExpr *a, *b;
        TnAstSeq *c;
        if ((!is_async || KW(TN_KW_ASYNC)) && KW(TN_KW_FOR) && (a = tn_pr_star_targets(p))
            && KW(TN_KW_IN)) {
            /* cut */
            if ((b = tn_pr_disjunction(p)) && (c = tn_pr_loop(p, if_disjunction, 0))) {
                TnComprehension *comp = tn_pr_alloc(p, sizeof(TnComprehension));
                if (comp != NULL) {
                    comp->target = a;
                    comp->iter = b;
                    comp->ifs = c;
                    comp->is_async = is_async;
                }
                RULE_RETURN(p, comp);
            }
            p->mark = mark;
            RULE_FAIL(p);
        }
        ALT_FAIL(p, mark);
    }
    if (INVALID) {
        void *r = invalid_for_target_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* for_if_clauses: for_if_clause+ */
static TnAstSeq *for_if_clauses_rule(TnParser *p)
{
    return tn_pr_loop(p, for_if_clause_rule, 1);
}

/* invalid_comprehension:
 *   | ('[' | '(' | '{') a=starred_expression for_if_clauses {
 *       RAISE_LOC(a, "iterable unpacking cannot be used in comprehension") }
 *   | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses {
 *       RAISE_RANGE(a, last(b), "did you forget parentheses around the comprehension target?") }
 *   | ('[' | '{') a=star_named_expression b=',' for_if_clauses {
 *       RAISE_RANGE(a, b, "did you forget parentheses around the comprehension target?") } */
static void *invalid_comprehension_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    TnPToken *t;
    if ((TOK(TN_TOK_LSQB) || TOK(TN_TOK_LPAR) || TOK(TN_TOK_LBRACE))
        && (a = starred_expression_rule(p)) && for_if_clauses_rule(p))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc,
                                          "iterable unpacking cannot be used in comprehension"));
    ALT_FAIL(p, mark);
    if ((TOK(TN_TOK_LSQB) || TOK(TN_TOK_LBRACE)) && (a = tn_pr_star_named_expression(p))
        && TOK(TN_TOK_COMMA) && (b = tn_pr_star_named_expressions(p)) && for_if_clauses_rule(p)) {
        TnExpr *last = b->items[b->n - 1];
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc, last->loc,
                                         "did you forget parentheses around the comprehension target?"));
    }
    ALT_FAIL(p, mark);
    if ((TOK(TN_TOK_LSQB) || TOK(TN_TOK_LBRACE)) && (a = tn_pr_star_named_expression(p))
        && (t = TOK(TN_TOK_COMMA)) && for_if_clauses_rule(p))
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc, tn_pr_tok_loc(t),
                                         "did you forget parentheses around the comprehension target?"));
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *make_comp(TnParser *p, TnExprKind kind, TnExpr *elt, TnAstSeq *gens, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, kind, loc);
    if (e != NULL) {
        e->v.comp.elt = elt;
        e->v.comp.generators = gens;
    }
    return e;
}

/* listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension */
static TnExpr *listcomp_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if (TOK(TN_TOK_LSQB) && (a = tn_pr_named_expression(p)) && (b = for_if_clauses_rule(p))
        && TOK(TN_TOK_RSQB))
        RULE_RETURN(p, make_comp(p, TN_EXPR_LISTCOMP, a, b, EXTRA));
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_comprehension_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
static TnExpr *setcomp_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if (TOK(TN_TOK_LBRACE) && (a = tn_pr_named_expression(p)) && (b = for_if_clauses_rule(p))
        && TOK(TN_TOK_RBRACE))
        RULE_RETURN(p, make_comp(p, TN_EXPR_SETCOMP, a, b, EXTRA));
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_comprehension_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* genexp:
 *   | '(' (assignment_expression | expression !':=') for_if_clauses ')'
 *   | invalid_comprehension */
TnExpr *tn_pr_genexp(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (TOK(TN_TOK_LPAR)) {
        int m2 = p->mark;
        TnExpr *a = tn_pr_assignment_expression(p);
        if (a == NULL && !p->error_indicator) {
            p->mark = m2;
            a = tn_pr_expression(p);
            if (a != NULL && !LOOK(0, TN_TOK_COLONEQUAL))
                a = NULL;
        }
        TnAstSeq *b;
        if (a != NULL && (b = for_if_clauses_rule(p)) && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, make_comp(p, TN_EXPR_GENERATOREXP, a, b, EXTRA));
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_comprehension_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_dict_comprehension:
 *   | '{' a='**' bitwise_or for_if_clauses '}' {
 *       RAISE_LOC(a, "dict unpacking cannot be used in dict comprehension") } */
static void *invalid_dict_comprehension_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    if (TOK(TN_TOK_LBRACE) && (a = TOK(TN_TOK_DOUBLESTAR)) && tn_pr_bitwise_or(p)
        && for_if_clauses_rule(p) && TOK(TN_TOK_RBRACE))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(a),
                                          "dict unpacking cannot be used in dict comprehension"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
static TnExpr *dictcomp_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    KeyValuePair *a;
    TnAstSeq *b;
    if (TOK(TN_TOK_LBRACE) && (a = kvpair_rule(p)) && (b = for_if_clauses_rule(p))
        && TOK(TN_TOK_RBRACE)) {
        TnExpr *e = tn_pr_expr(p, TN_EXPR_DICTCOMP, EXTRA);
        if (e != NULL) {
            e->v.dictcomp.key = a->key;
            e->v.dictcomp.value = a->value;
            e->v.dictcomp.generators = b;
        }
        RULE_RETURN(p, e);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_dict_comprehension_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Call arguments
 * ==================================================================== */

/* invalid_arguments:
 *   | a=args ',' '*' { "iterable argument unpacking follows keyword argument
 *                      unpacking" (3.11.7 reports the '*') }
 *   | a=expression b=for_if_clauses ',' [args | expression for_if_clauses] {
 *       RAISE_RANGE(a, last_comprehension_item(last(b)), "Generator expression must be parenthesized") }
 *   | a=NAME b='=' expression for_if_clauses {
 *       RAISE_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?") }
 *   | a=args b=for_if_clauses { nonparen_genexp_in_call(a, b) }
 *   | args ',' a=expression b=for_if_clauses { RAISE_RANGE(a, ..., "Generator expression must be parenthesized") }
 *   | a=args ',' args { arguments_parsing_error(a) } */
static void *invalid_arguments_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    TnPToken *t;
    /* 3.11.7: ((','.(positional)+ ',' kwargs) | kwargs) ',' a='*' */
    {
        int ok = tn_pr_gather(p, args_positional_item, TN_TOK_COMMA) && TOK(TN_TOK_COMMA)
                 && kwargs_rule(p);
        if (!ok) {
            p->mark = mark;
            ok = !p->error_indicator && kwargs_rule(p);
        }
        if (ok && TOK(TN_TOK_COMMA) && (t = TOK(TN_TOK_STAR)))
            RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                              "iterable argument unpacking follows keyword argument unpacking"));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_expression(p)) && (b = for_if_clauses_rule(p)) && TOK(TN_TOK_COMMA)) {
        int m2 = p->mark;
        if (!args_rule(p)) {
            p->mark = m2;
            if (p->error_indicator)
                RULE_FAIL(p);
            if (!(tn_pr_expression(p) && for_if_clauses_rule(p)))
                p->mark = m2;
            if (p->error_indicator)
                RULE_FAIL(p);
        }
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc,
                                         tn_pr_last_comprehension_item(b->items[b->n - 1])->loc,
                                         "Generator expression must be parenthesized"));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_name_token(p)) && (t = TOK(TN_TOK_EQUAL)) && tn_pr_expression(p)
        && for_if_clauses_rule(p))
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc, tn_pr_tok_loc(t),
                                         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    ALT_FAIL(p, mark);
    if ((a = args_rule(p)) && (b = for_if_clauses_rule(p))) {
        /* nonparen_genexp_in_call: f(L, x for x in y) */
        tn_ssize_t len = tn_ast_seq_len(a->v.call.args);
        if (len <= 1)
            RULE_FAIL(p);
        TnExpr *last_arg = a->v.call.args->items[len - 1];
        RULE_RETURN(p, tn_pr_raise_range(p, last_arg->loc,
                                         tn_pr_last_comprehension_item(b->items[b->n - 1])->loc,
                                         "Generator expression must be parenthesized"));
    }
    ALT_FAIL(p, mark);
    if (args_rule(p) && TOK(TN_TOK_COMMA) && (a = tn_pr_expression(p))
        && (b = for_if_clauses_rule(p)))
        RULE_RETURN(p, tn_pr_raise_range(p, a->loc,
                                         tn_pr_last_comprehension_item(b->items[b->n - 1])->loc,
                                         "Generator expression must be parenthesized"));
    ALT_FAIL(p, mark);
    if ((a = args_rule(p)) && TOK(TN_TOK_COMMA) && args_rule(p)) {
        int kw_unpacking = 0;
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(a->v.call.keywords); i++) {
            TnKeyword *k = a->v.call.keywords->items[i];
            if (k->arg == NULL)
                kw_unpacking = 1;
        }
        RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                         kw_unpacking
                                             ? "positional argument follows keyword argument unpacking"
                                             : "positional argument follows keyword argument"));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* arguments (memo): args [','] &')' | invalid_arguments */
static void *arguments_raw(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = args_rule(p))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && LOOK(1, TN_TOK_RPAR))
            RULE_RETURN(p, a);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_arguments_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

TnExpr *tn_pr_arguments(TnParser *p)
{
    return tn_pr_memoized(p, M_ARGUMENTS, arguments_raw);
}

/* (starred_expression | (assignment_expression | expression !':=') !'=') */
static void *args_positional_item(TnParser *p)
{
    int mark = p->mark;
    TnExpr *a = starred_expression_rule(p);
    if (a != NULL)
        return a;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    a = tn_pr_assignment_expression(p);
    if (a == NULL && !p->error_indicator) {
        p->mark = mark;
        a = tn_pr_expression(p);
        if (a != NULL && !LOOK(0, TN_TOK_COLONEQUAL))
            a = NULL;
    }
    if (a != NULL && LOOK(0, TN_TOK_EQUAL))
        return a;
    p->mark = mark;
    return NULL;
}

static TnExpr *call_from_kwargs(TnParser *p, TnAstSeq *pos, TnAstSeq *kwargs, TnAstLoc loc)
{
    tn_ssize_t npos = tn_ast_seq_len(pos), nstar = 0, nkw = 0;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(kwargs); i++) {
        KeywordOrStarred *k = kwargs->items[i];
        if (k->is_keyword)
            nkw++;
        else
            nstar++;
    }
    TnAstSeq *args = NULL, *kws = NULL;
    if (npos + nstar > 0 && (args = tn_pr_seq_new(p, npos + nstar)) == NULL)
        return NULL;
    if (nkw > 0 && (kws = tn_pr_seq_new(p, nkw)) == NULL)
        return NULL;
    tn_ssize_t ia = 0, ik = 0;
    for (tn_ssize_t i = 0; i < npos; i++)
        args->items[ia++] = pos->items[i];
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(kwargs); i++) {
        KeywordOrStarred *k = kwargs->items[i];
        if (k->is_keyword)
            kws->items[ik++] = k->element;
        else
            args->items[ia++] = k->element;
    }
    return tn_pr_call(p, NULL, args, kws, loc);
}

/* args:
 *   | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
 *     [',' kwargs]
 *   | kwargs */
static TnExpr *args_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_gather(p, args_positional_item, TN_TOK_COMMA);
    if (a != NULL) {
        int m2 = p->mark;
        TnAstSeq *k = NULL;
        if (!(TOK(TN_TOK_COMMA) && (k = kwargs_rule(p)))) {
            k = NULL;
            p->mark = m2;
        }
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, call_from_kwargs(p, a, k, EXTRA));
    }
    ALT_FAIL(p, mark);
    TnAstSeq *k = kwargs_rule(p);
    if (k != NULL)
        RULE_RETURN(p, call_from_kwargs(p, NULL, k, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

static void *kwarg_or_starred_rule(TnParser *p);
static void *kwarg_or_double_starred_rule(TnParser *p);

/* kwargs:
 *   | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
 *   | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+ */
static TnAstSeq *kwargs_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a, *b;
    if ((a = tn_pr_gather(p, kwarg_or_starred_rule, TN_TOK_COMMA)) && TOK(TN_TOK_COMMA)
        && (b = tn_pr_gather(p, kwarg_or_double_starred_rule, TN_TOK_COMMA)))
        RULE_RETURN(p, tn_pr_seq_join(p, a, b));
    ALT_FAIL(p, mark);
    if ((a = tn_pr_gather(p, kwarg_or_starred_rule, TN_TOK_COMMA)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_gather(p, kwarg_or_double_starred_rule, TN_TOK_COMMA)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* starred_expression: '*' expression */
static TnExpr *starred_expression_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_STAR) && (a = tn_pr_expression(p)))
        RULE_RETURN(p, tn_pr_starred(p, a, TN_CTX_LOAD, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

static KeywordOrStarred *kw_or_starred(TnParser *p, void *element, int is_keyword)
{
    KeywordOrStarred *k = tn_pr_alloc(p, sizeof(KeywordOrStarred));
    if (k != NULL) {
        k->element = element;
        k->is_keyword = is_keyword;
    }
    return k;
}

/* NAME '=' expression -> keyword */
static void *name_eq_expression(TnParser *p, int mark)
{
    TnExpr *a, *b;
    if ((a = tn_pr_name_token(p)) && TOK(TN_TOK_EQUAL) && (b = tn_pr_expression(p))) {
        TnKeyword *k = tn_pr_keyword(p, a->v.name.id, b, EXTRA);
        return k ? kw_or_starred(p, k, 1) : NULL;
    }
    return NULL;
}

/* kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
static void *kwarg_or_starred_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    void *r;
    if (INVALID) {
        if ((r = invalid_kwarg_rule(p)))
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    if ((r = name_eq_expression(p, mark)))
        RULE_RETURN(p, r);
    ALT_FAIL(p, mark);
    TnExpr *a;
    if ((a = starred_expression_rule(p)))
        RULE_RETURN(p, kw_or_starred(p, a, 0));
    p->mark = mark;
    RULE_FAIL(p);
}

/* kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
static void *kwarg_or_double_starred_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    void *r;
    if (INVALID) {
        if ((r = invalid_kwarg_rule(p)))
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    if ((r = name_eq_expression(p, mark)))
        RULE_RETURN(p, r);
    ALT_FAIL(p, mark);
    TnExpr *a;
    if (TOK(TN_TOK_DOUBLESTAR) && (a = tn_pr_expression(p))) {
        TnKeyword *k = tn_pr_keyword(p, NULL, a, EXTRA);
        RULE_RETURN(p, k ? kw_or_starred(p, k, 1) : NULL);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

static void *name_eq(TnParser *p)
{
    if (tn_pr_name_token(p) && TOK(TN_TOK_EQUAL))
        return TN_PR_OK;
    return NULL;
}

/* invalid_kwarg:
 *   | a=('True'|'False'|'None') b='=' { RAISE_RANGE(a, b, "cannot assign to %s") }
 *   | a=NAME b='=' expression for_if_clauses {
 *       RAISE_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?") }
 *   | !(NAME '=') a=expression b='=' {
 *       RAISE_RANGE(a, b, "expression cannot contain assignment, perhaps you meant \"==\"?") } */
static void *invalid_kwarg_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a, *b;
    if (((a = KW(TN_KW_TRUE)) || (a = KW(TN_KW_FALSE)) || (a = KW(TN_KW_NONE)))
        && (b = TOK(TN_TOK_EQUAL))) {
        char name[8];
        size_t n = (size_t)(a->t.end - a->t.start);
        memcpy(name, a->t.start, n);
        name[n] = '\0';
        RULE_RETURN(p, tn_pr_raise_range(p, tn_pr_tok_loc(a), tn_pr_tok_loc(b),
                                         "cannot assign to %s", name));
    }
    ALT_FAIL(p, mark);
    TnExpr *e;
    if ((e = tn_pr_name_token(p)) && (b = TOK(TN_TOK_EQUAL)) && tn_pr_expression(p)
        && for_if_clauses_rule(p))
        RULE_RETURN(p, tn_pr_raise_range(p, e->loc, tn_pr_tok_loc(b),
                                         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
    ALT_FAIL(p, mark);
    if (tn_pr_lookahead(p, 0, name_eq) && (e = tn_pr_expression(p)) && (b = TOK(TN_TOK_EQUAL)))
        RULE_RETURN(p, tn_pr_raise_range(p, e->loc, tn_pr_tok_loc(b),
                                         "expression cannot contain assignment, perhaps you meant \"==\"?"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Assignment targets
 * ==================================================================== */

/* t_lookahead: '(' | '[' | '.' */
static int t_lookahead(TnParser *p)
{
    if (tn_pr_ensure(p) < 0)
        return 0;
    TnTokType t = tn_pr_peek(p)->t.type;
    return t == TN_TOK_LPAR || t == TN_TOK_LSQB || t == TN_TOK_DOT;
}

/* t_primary:
 *   | t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
 *   | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
 *   | atom &t_lookahead */
static void *t_primary_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_atom(p);
    if (a == NULL || !t_lookahead(p)) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    for (;;) {
        int m = p->mark;
        TnExpr *n = primary_trailer(p, a, mark, TN_CTX_LOAD);
        if (p->error_indicator)
            RULE_FAIL(p);
        if (n == NULL)
            break;
        if (!t_lookahead(p)) {
            if (p->error_indicator)
                RULE_FAIL(p);
            p->mark = m;
            break;
        }
        a = n;
    }
    RULE_RETURN(p, a);
}

static TnExpr *t_primary_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_T_PRIMARY, t_primary_raw);
}

/* t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead,
 * producing an Attribute/Subscript with context ctx. */
static TnExpr *subscript_attribute_target(TnParser *p, TnExprContext ctx)
{
    int mark = p->mark;
    TnExpr *a, *b;
    if ((a = t_primary_rule(p)) && TOK(TN_TOK_DOT) && (b = tn_pr_name_token(p))
        && !t_lookahead(p) && !p->error_indicator)
        return tn_pr_attribute(p, a, b->v.name.id, ctx, EXTRA);
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    if ((a = t_primary_rule(p)) && TOK(TN_TOK_LSQB) && (b = slices_rule(p)) && TOK(TN_TOK_RSQB)
        && !t_lookahead(p) && !p->error_indicator)
        return tn_pr_subscript(p, a, b, ctx, EXTRA);
    p->mark = mark;
    return NULL;
}

static void *star_target_fn(TnParser *p) { return tn_pr_star_target(p); }

/* (',' c=star_target { c }) */
static void *comma_star_target(TnParser *p)
{
    int mark = p->mark;
    TnExpr *c;
    if (TOK(TN_TOK_COMMA) && (c = tn_pr_star_target(p)))
        return c;
    p->mark = mark;
    return NULL;
}

/* star_targets:
 *   | star_target !',' | star_target (',' star_target)* [','] */
TnExpr *tn_pr_star_targets(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_star_target(p)) && LOOK(0, TN_TOK_COMMA))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    TnAstSeq *b;
    if ((a = tn_pr_star_target(p)) && (b = tn_pr_loop(p, comma_star_target, 0))) {
        TOK(TN_TOK_COMMA);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnAstSeq *s = tn_pr_seq_prepend(p, a, b);
        RULE_RETURN(p, s ? tn_pr_tuple(p, s, TN_CTX_STORE, EXTRA) : NULL);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* star_targets_list_seq: ','.star_target+ [','] */
static TnAstSeq *star_targets_list_seq(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_gather(p, star_target_fn, TN_TOK_COMMA);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    TOK(TN_TOK_COMMA);
    if (p->error_indicator)
        RULE_FAIL(p);
    RULE_RETURN(p, a);
}

/* star_targets_tuple_seq:
 *   | star_target (',' star_target)+ [','] | star_target ',' */
static TnAstSeq *star_targets_tuple_seq(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    TnAstSeq *b;
    if ((a = tn_pr_star_target(p)) && (b = tn_pr_loop(p, comma_star_target, 1))) {
        TOK(TN_TOK_COMMA);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, tn_pr_seq_prepend(p, a, b));
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_star_target(p)) && TOK(TN_TOK_COMMA))
        RULE_RETURN(p, tn_pr_seq1(p, a));
    p->mark = mark;
    RULE_FAIL(p);
}

/* star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
static void *star_target_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if (TOK(TN_TOK_STAR) && LOOK(0, TN_TOK_STAR) && (a = tn_pr_star_target(p))) {
        TnExpr *s = tn_pr_set_expr_context(p, a, TN_CTX_STORE);
        RULE_RETURN(p, s ? tn_pr_starred(p, s, TN_CTX_STORE, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if ((a = target_with_star_atom_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

TnExpr *tn_pr_star_target(TnParser *p)
{
    return tn_pr_memoized(p, M_STAR_TARGET, star_target_raw);
}

static TnExpr *star_atom_rule(TnParser *p);

/* target_with_star_atom (memo):
 *   | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom */
static void *target_with_star_atom_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = subscript_attribute_target(p, TN_CTX_STORE);
    if (a != NULL)
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = star_atom_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *target_with_star_atom_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_TARGET_WITH_STAR_ATOM, target_with_star_atom_raw);
}

/* star_atom:
 *   | NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
 *   | '[' [star_targets_list_seq] ']' */
static TnExpr *star_atom_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_name_token(p)))
        RULE_RETURN(p, tn_pr_set_expr_context(p, a, TN_CTX_STORE));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LPAR) && (a = target_with_star_atom_rule(p)) && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, tn_pr_set_expr_context(p, a, TN_CTX_STORE));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LPAR)) {
        TnAstSeq *s = star_targets_tuple_seq(p);
        if (!p->error_indicator && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, tn_pr_tuple(p, s, TN_CTX_STORE, EXTRA));
    }
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LSQB)) {
        TnAstSeq *s = star_targets_list_seq(p);
        if (!p->error_indicator && TOK(TN_TOK_RSQB)) {
            TnExpr *e = tn_pr_expr(p, TN_EXPR_LIST, EXTRA);
            if (e != NULL) {
                e->v.list.elts = s;
                e->v.list.ctx = TN_CTX_STORE;
            }
            RULE_RETURN(p, e);
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
TnExpr *tn_pr_single_target(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_single_subscript_attribute_target(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_name_token(p)))
        RULE_RETURN(p, tn_pr_set_expr_context(p, a, TN_CTX_STORE));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LPAR) && (a = tn_pr_single_target(p)) && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

/* single_subscript_attribute_target:
 *   | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead */
TnExpr *tn_pr_single_subscript_attribute_target(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    TnExpr *a = subscript_attribute_target(p, TN_CTX_STORE);
    RULE_RETURN(p, a);
}

static TnExpr *del_target_rule(TnParser *p);
static void *del_target_fn(TnParser *p) { return del_target_rule(p); }

/* del_targets: ','.del_target+ [','] */
TnAstSeq *tn_pr_del_targets(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_gather(p, del_target_fn, TN_TOK_COMMA);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    TOK(TN_TOK_COMMA);
    if (p->error_indicator)
        RULE_FAIL(p);
    RULE_RETURN(p, a);
}

/* del_t_atom:
 *   | NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']' */
static TnExpr *del_t_atom_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_name_token(p)))
        RULE_RETURN(p, tn_pr_set_expr_context(p, a, TN_CTX_DEL));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LPAR) && (a = del_target_rule(p)) && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, tn_pr_set_expr_context(p, a, TN_CTX_DEL));
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LPAR)) {
        TnAstSeq *s = tn_pr_del_targets(p);
        if (!p->error_indicator && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, tn_pr_tuple(p, s, TN_CTX_DEL, EXTRA));
    }
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LSQB)) {
        TnAstSeq *s = tn_pr_del_targets(p);
        if (!p->error_indicator && TOK(TN_TOK_RSQB)) {
            TnExpr *e = tn_pr_expr(p, TN_EXPR_LIST, EXTRA);
            if (e != NULL) {
                e->v.list.elts = s;
                e->v.list.ctx = TN_CTX_DEL;
            }
            RULE_RETURN(p, e);
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* del_target (memo):
 *   | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom */
static void *del_target_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = subscript_attribute_target(p, TN_CTX_DEL);
    if (a != NULL)
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = del_t_atom_rule(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExpr *del_target_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_DEL_TARGET, del_target_raw);
}

/* annotated_rhs: yield_expr | star_expressions */
TnExpr *tn_pr_annotated_rhs(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_yield_expr(p);
    if (a != NULL)
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_star_expressions(p)))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}
