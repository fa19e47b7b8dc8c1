/* core/compiler/parser_stmt.c — grammar rules for statements (the match
 * statement and its patterns are in parser_match.c).
 *
 * Each function implements the CPython 3.11 rule named in the comment above
 * it (Grammar/python.gram).  Conventions: see parser_internal.h and the top
 * of parser_expr.c.
 */
#include <string.h>
#include "core/compiler/parser_internal.h"

#define TOK(t) tn_pr_expect(p, (t))
#define KW(k) tn_pr_expect_kw(p, (k))
#define LOOK(pos, t) tn_pr_lookahead_tok(p, (pos), (t))
#define LOOKKW(pos, k) tn_pr_lookahead_kw(p, (pos), (k))
#define EXTRA tn_pr_extra(p, mark)
#define INVALID (p->call_invalid_rules)

static TnStmt *compound_stmt_rule(TnParser *p);

/* ======================================================================
 * Statement sequences
 * ==================================================================== */

/* statement: compound_stmt | simple_stmts */
static void *statement_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnStmt *a = compound_stmt_rule(p);
    if (a != NULL)
        RULE_RETURN(p, tn_pr_seq1(p, a));
    ALT_FAIL(p, mark);
    TnAstSeq *s = tn_pr_simple_stmts(p);
    if (s != NULL)
        RULE_RETURN(p, s);
    p->mark = mark;
    RULE_FAIL(p);
}

/* statements: statement+ */
TnAstSeq *tn_pr_statements(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_loop(p, statement_rule, 1);
    if (a != NULL)
        RULE_RETURN(p, tn_pr_seq_flatten(p, a));
    p->mark = mark;
    RULE_FAIL(p);
}

/* statement_newline:
 *   | compound_stmt NEWLINE | simple_stmts | NEWLINE { [Pass] } | ENDMARKER { exit } */
TnAstSeq *tn_pr_statement_newline(TnParser *p)
{
    RULE_ENTER(p);
    if (tn_pr_ensure(p) < 0)
        RULE_FAIL(p);
    int mark = p->mark;
    TnStmt *a;
    if ((a = compound_stmt_rule(p)) && TOK(TN_TOK_NEWLINE))
        RULE_RETURN(p, tn_pr_seq1(p, a));
    ALT_FAIL(p, mark);
    TnAstSeq *s;
    if ((s = tn_pr_simple_stmts(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_NEWLINE)) {
        TnStmt *st = tn_pr_stmt(p, TN_STMT_PASS, EXTRA);
        RULE_RETURN(p, st ? tn_pr_seq1(p, st) : NULL);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

static TnStmt *simple_stmt_rule(TnParser *p);
static void *simple_stmt_fn(TnParser *p) { return simple_stmt_rule(p); }

/* simple_stmts:
 *   | simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
TnAstSeq *tn_pr_simple_stmts(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnStmt *a;
    if ((a = simple_stmt_rule(p)) && LOOK(0, TN_TOK_SEMI) && TOK(TN_TOK_NEWLINE))
        RULE_RETURN(p, tn_pr_seq1(p, a));
    ALT_FAIL(p, mark);
    TnAstSeq *s;
    if ((s = tn_pr_gather(p, simple_stmt_fn, TN_TOK_SEMI))) {
        TOK(TN_TOK_SEMI);
        if (!p->error_indicator && TOK(TN_TOK_NEWLINE))
            RULE_RETURN(p, s);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Simple statements
 * ==================================================================== */

static TnStmt *assignment_rule(TnParser *p);
static TnStmt *return_stmt_rule(TnParser *p);
static TnStmt *import_stmt_rule(TnParser *p);
static TnStmt *raise_stmt_rule(TnParser *p);
static TnStmt *del_stmt_rule(TnParser *p);
static TnStmt *assert_stmt_rule(TnParser *p);
static TnStmt *global_stmt_rule(TnParser *p, int nonlocal);

static TnStmt *expr_stmt(TnParser *p, TnExpr *e, TnAstLoc loc)
{
    TnStmt *s = tn_pr_stmt(p, TN_STMT_EXPR, loc);
    if (s != NULL)
        s->v.expr.value = e;
    return s;
}

/* simple_stmt (memo):
 *   | assignment | star_expressions | &'return' return_stmt
 *   | &('import' | 'from') import_stmt | &'raise' raise_stmt | 'pass'
 *   | &'del' del_stmt | &'yield' yield_stmt | &'assert' assert_stmt
 *   | 'break' | 'continue' | &'global' global_stmt | &'nonlocal' nonlocal_stmt */
static void *simple_stmt_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnStmt *s;
    TnExpr *e;
    if ((s = assignment_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if ((e = tn_pr_star_expressions(p)))
        RULE_RETURN(p, expr_stmt(p, e, EXTRA));
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_RETURN) && (s = return_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if ((LOOKKW(1, TN_KW_IMPORT) || LOOKKW(1, TN_KW_FROM)) && (s = import_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_RAISE) && (s = raise_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (KW(TN_KW_PASS))
        RULE_RETURN(p, tn_pr_stmt(p, TN_STMT_PASS, EXTRA));
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_DEL) && (s = del_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_YIELD) && (e = tn_pr_yield_expr(p)))
        RULE_RETURN(p, expr_stmt(p, e, EXTRA));
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_ASSERT) && (s = assert_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (KW(TN_KW_BREAK))
        RULE_RETURN(p, tn_pr_stmt(p, TN_STMT_BREAK, EXTRA));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_CONTINUE))
        RULE_RETURN(p, tn_pr_stmt(p, TN_STMT_CONTINUE, EXTRA));
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_GLOBAL) && (s = global_stmt_rule(p, 0)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_NONLOCAL) && (s = global_stmt_rule(p, 1)))
        RULE_RETURN(p, s);
    p->mark = mark;
    RULE_FAIL(p);
}

static TnStmt *simple_stmt_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_SIMPLE_STMT, simple_stmt_raw);
}

/* augassign: '+=' | '-=' | ... ; returns op + 1 (0 = no match) */
static int augassign_rule(TnParser *p)
{
    static const struct { TnTokType tok; TnOperator op; } ops[] = {
        {TN_TOK_PLUSEQUAL, TN_OP_ADD}, {TN_TOK_MINEQUAL, TN_OP_SUB},
        {TN_TOK_STAREQUAL, TN_OP_MULT}, {TN_TOK_ATEQUAL, TN_OP_MATMUL},
        {TN_TOK_SLASHEQUAL, TN_OP_DIV}, {TN_TOK_PERCENTEQUAL, TN_OP_MOD},
        {TN_TOK_AMPEREQUAL, TN_OP_BITAND}, {TN_TOK_VBAREQUAL, TN_OP_BITOR},
        {TN_TOK_CIRCUMFLEXEQUAL, TN_OP_BITXOR}, {TN_TOK_LEFTSHIFTEQUAL, TN_OP_LSHIFT},
        {TN_TOK_RIGHTSHIFTEQUAL, TN_OP_RSHIFT}, {TN_TOK_DOUBLESTAREQUAL, TN_OP_POW},
        {TN_TOK_DOUBLESLASHEQUAL, TN_OP_FLOORDIV},
    };
    if (tn_pr_ensure(p) < 0)
        return 0;
    TnTokType t = tn_pr_peek(p)->t.type;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].tok == t) {
            p->mark++;
            return (int)ops[i].op + 1;
        }
    }
    return 0;
}

/* ['=' d=annotated_rhs { d }] */
static TnExpr *opt_eq_annotated_rhs(TnParser *p)
{
    int mark = p->mark;
    TnExpr *d;
    if (TOK(TN_TOK_EQUAL) && (d = tn_pr_annotated_rhs(p)))
        return d;
    p->mark = mark;
    return NULL;
}

static TnStmt *annassign(TnParser *p, TnExpr *target, TnExpr *ann, TnExpr *value, int simple,
                         TnAstLoc loc)
{
    TnStmt *s = tn_pr_stmt(p, TN_STMT_ANNASSIGN, loc);
    if (s != NULL) {
        s->v.annassign.target = target;
        s->v.annassign.annotation = ann;
        s->v.annassign.value = value;
        s->v.annassign.simple = simple;
    }
    return s;
}

/* (z=star_targets '=' { z }) */
static void *star_targets_eq(TnParser *p)
{
    int mark = p->mark;
    TnExpr *z;
    if ((z = tn_pr_star_targets(p)) && TOK(TN_TOK_EQUAL))
        return z;
    p->mark = mark;
    return NULL;
}

/* ('(' b=single_target ')' { b } | single_subscript_attribute_target) */
static TnExpr *paren_single_target_or_subattr(TnParser *p)
{
    int mark = p->mark;
    TnExpr *b;
    if (TOK(TN_TOK_LPAR) && (b = tn_pr_single_target(p)) && TOK(TN_TOK_RPAR))
        return b;
    p->mark = mark;
    if (p->error_indicator)
        return NULL;
    return tn_pr_single_subscript_attribute_target(p);
}

static void *invalid_assignment_rule(TnParser *p);

/* assignment:
 *   | NAME ':' expression ['=' annotated_rhs]
 *   | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
 *   | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
 *   | single_target augassign ~ (yield_expr | star_expressions)
 *   | invalid_assignment */
static TnStmt *assignment_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a, *b, *c;
    if ((a = tn_pr_name_token(p)) && TOK(TN_TOK_COLON) && (b = tn_pr_expression(p))) {
        c = opt_eq_annotated_rhs(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnExpr *t = tn_pr_set_expr_context(p, a, TN_CTX_STORE);
        RULE_RETURN(p, t ? annassign(p, t, b, c, 1, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if ((a = paren_single_target_or_subattr(p)) && TOK(TN_TOK_COLON) && (b = tn_pr_expression(p))) {
        c = opt_eq_annotated_rhs(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, annassign(p, a, b, c, 0, EXTRA));
    }
    ALT_FAIL(p, mark);
    TnAstSeq *targets;
    if ((targets = tn_pr_loop(p, star_targets_eq, 1)) && (b = tn_pr_annotated_rhs(p))
        && LOOK(0, TN_TOK_EQUAL)) {
        tn_pr_ensure(p);    /* [TYPE_COMMENT] */
        TnStmt *s = tn_pr_stmt(p, TN_STMT_ASSIGN, EXTRA);
        if (s != NULL) {
            s->v.assign.targets = targets;
            s->v.assign.value = b;
        }
        RULE_RETURN(p, s);
    }
    ALT_FAIL(p, mark);
    int op;
    if ((a = tn_pr_single_target(p)) && (op = augassign_rule(p))) {
        /* cut */
        if ((c = tn_pr_annotated_rhs(p))) {
            TnStmt *s = tn_pr_stmt(p, TN_STMT_AUGASSIGN, EXTRA);
            if (s != NULL) {
                s->v.augassign.target = a;
                s->v.augassign.op = (TnOperator)(op - 1);
                s->v.augassign.value = c;
            }
            RULE_RETURN(p, s);
        }
        p->mark = mark;
        RULE_FAIL(p);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_assignment_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
static TnExpr *invalid_ann_assign_target_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_list(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_tuple_rule(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_LPAR) && (a = invalid_ann_assign_target_rule(p)) && TOK(TN_TOK_RPAR))
        RULE_RETURN(p, a);
    p->mark = mark;
    RULE_FAIL(p);
}

static void *star_named_expressions_fn(TnParser *p) { return tn_pr_star_named_expressions(p); }

/* invalid_assignment:
 *   | a=invalid_ann_assign_target ':' expression {
 *       RAISE_LOC(a, "only single target (not %s) can be annotated") }
 *   | a=star_named_expression ',' star_named_expressions* ':' expression {
 *       RAISE_LOC(a, "only single target (not tuple) can be annotated") }
 *   | a=expression ':' expression { RAISE_LOC(a, "illegal target for annotation") }
 *   | (star_targets '=')* a=star_expressions '=' { INVALID_TARGET(STAR_TARGETS, a) }
 *   | (star_targets '=')* a=yield_expr '=' { RAISE_LOC(a, "assignment to yield expression not possible") }
 *   | a=star_expressions augassign (yield_expr | star_expressions) {
 *       RAISE_LOC(a, "'%s' is an illegal expression for augmented assignment") } */
static void *invalid_assignment_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = invalid_ann_assign_target_rule(p)) && TOK(TN_TOK_COLON) && tn_pr_expression(p))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "only single target (not %s) can be annotated",
                                          tn_pr_expr_name(a)));
    ALT_FAIL(p, mark);
    if ((a = tn_pr_star_named_expression(p)) && TOK(TN_TOK_COMMA)
        && tn_pr_loop(p, star_named_expressions_fn, 0) && TOK(TN_TOK_COLON) && tn_pr_expression(p))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "only single target (not tuple) can be annotated"));
    ALT_FAIL(p, mark);
    if ((a = tn_pr_expression(p)) && TOK(TN_TOK_COLON) && tn_pr_expression(p))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "illegal target for annotation"));
    ALT_FAIL(p, mark);
    if (tn_pr_loop(p, star_targets_eq, 0) && (a = tn_pr_star_expressions(p)) && TOK(TN_TOK_EQUAL))
        RULE_RETURN(p, tn_pr_raise_invalid_target(p, TN_STAR_TARGETS, a));
    ALT_FAIL(p, mark);
    if (tn_pr_loop(p, star_targets_eq, 0) && (a = tn_pr_yield_expr(p)) && TOK(TN_TOK_EQUAL))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc, "assignment to yield expression not possible"));
    ALT_FAIL(p, mark);
    if ((a = tn_pr_star_expressions(p)) && augassign_rule(p) && tn_pr_annotated_rhs(p))
        RULE_RETURN(p, tn_pr_raise_on_loc(p, a->loc,
                                          "'%s' is an illegal expression for augmented assignment",
                                          tn_pr_expr_name(a)));
    p->mark = mark;
    RULE_FAIL(p);
}

/* return_stmt: 'return' [star_expressions] */
static TnStmt *return_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (KW(TN_KW_RETURN)) {
        TnExpr *a = tn_pr_star_expressions(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnStmt *s = tn_pr_stmt(p, TN_STMT_RETURN, EXTRA);
        if (s != NULL)
            s->v.return_.value = a;
        RULE_RETURN(p, s);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* raise_stmt: 'raise' expression ['from' expression] | 'raise' */
static TnStmt *raise_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a, *b = NULL;
    if (KW(TN_KW_RAISE) && (a = tn_pr_expression(p))) {
        int m2 = p->mark;
        if (!(KW(TN_KW_FROM) && (b = tn_pr_expression(p)))) {
            b = NULL;
            p->mark = m2;
        }
        if (p->error_indicator)
            RULE_FAIL(p);
        TnStmt *s = tn_pr_stmt(p, TN_STMT_RAISE, EXTRA);
        if (s != NULL) {
            s->v.raise.exc = a;
            s->v.raise.cause = b;
        }
        RULE_RETURN(p, s);
    }
    ALT_FAIL(p, mark);
    if (KW(TN_KW_RAISE))
        RULE_RETURN(p, tn_pr_stmt(p, TN_STMT_RAISE, EXTRA));
    p->mark = mark;
    RULE_FAIL(p);
}

static void *name_token_fn(TnParser *p) { return tn_pr_name_token(p); }

static TnAstSeq *names_to_ids(TnParser *p, TnAstSeq *names)
{
    TnAstSeq *s = tn_pr_seq_new(p, tn_ast_seq_len(names));
    if (s != NULL) {
        for (tn_ssize_t i = 0; i < s->n; i++)
            s->items[i] = ((TnExpr *)names->items[i])->v.name.id;
    }
    return s;
}

/* global_stmt: 'global' ','.NAME+  /  nonlocal_stmt: 'nonlocal' ','.NAME+ */
static TnStmt *global_stmt_rule(TnParser *p, int nonlocal)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *a;
    if (KW(nonlocal ? TN_KW_NONLOCAL : TN_KW_GLOBAL)
        && (a = tn_pr_gather(p, name_token_fn, TN_TOK_COMMA))) {
        TnAstSeq *ids = names_to_ids(p, a);
        TnStmt *s = ids ? tn_pr_stmt(p, nonlocal ? TN_STMT_NONLOCAL : TN_STMT_GLOBAL, EXTRA) : NULL;
        if (s != NULL) {
            if (nonlocal)
                s->v.nonlocal.names = ids;
            else
                s->v.global.names = ids;
        }
        RULE_RETURN(p, s);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_del_stmt: 'del' a=star_expressions { INVALID_TARGET(DEL_TARGETS, a) } */
static void *invalid_del_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (KW(TN_KW_DEL) && (a = tn_pr_star_expressions(p)))
        RULE_RETURN(p, tn_pr_raise_invalid_target(p, TN_DEL_TARGETS, a));
    p->mark = mark;
    RULE_FAIL(p);
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt */
static TnStmt *del_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *a;
    if (KW(TN_KW_DEL) && (a = tn_pr_del_targets(p))
        && (LOOK(1, TN_TOK_SEMI) || LOOK(1, TN_TOK_NEWLINE))) {
        TnStmt *s = tn_pr_stmt(p, TN_STMT_DELETE, EXTRA);
        if (s != NULL)
            s->v.delete_.targets = a;
        RULE_RETURN(p, s);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_del_stmt_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* assert_stmt: 'assert' expression [',' expression] */
static TnStmt *assert_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a, *b = NULL;
    if (KW(TN_KW_ASSERT) && (a = tn_pr_expression(p))) {
        int m2 = p->mark;
        if (!(TOK(TN_TOK_COMMA) && (b = tn_pr_expression(p)))) {
            b = NULL;
            p->mark = m2;
        }
        if (p->error_indicator)
            RULE_FAIL(p);
        TnStmt *s = tn_pr_stmt(p, TN_STMT_ASSERT, EXTRA);
        if (s != NULL) {
            s->v.assert_.test = a;
            s->v.assert_.msg = b;
        }
        RULE_RETURN(p, s);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ---- imports ---------------------------------------------------------- */

/* dotted_name: dotted_name '.' NAME | NAME */
static void *dotted_name_raw(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_name_token(p);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    for (;;) {
        int m = p->mark;
        TnExpr *b;
        if (!(TOK(TN_TOK_DOT) && (b = tn_pr_name_token(p)))) {
            p->mark = m;
            if (p->error_indicator)
                RULE_FAIL(p);
            break;
        }
        const char *s1 = tn_pr_utf8(a->v.name.id), *s2 = tn_pr_utf8(b->v.name.id);
        size_t n1 = strlen(s1), n2 = strlen(s2);
        char *buf = tn_mem_alloc(n1 + n2 + 2);
        if (buf == NULL) {
            tn_err_no_memory();
            p->error_indicator = 1;
            RULE_FAIL(p);
        }
        memcpy(buf, s1, n1);
        buf[n1] = '.';
        memcpy(buf + n1 + 1, s2, n2);
        TnObject *id = tn_pr_new_identifier(p, buf, (tn_ssize_t)(n1 + n2 + 1));
        tn_mem_free(buf);
        if (id == NULL)
            RULE_FAIL(p);
        TnAstLoc loc = {a->loc.lineno, a->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset};
        a = tn_pr_name(p, id, TN_CTX_LOAD, loc);
        if (a == NULL)
            RULE_FAIL(p);
    }
    RULE_RETURN(p, a);
}

static TnExpr *dotted_name_rule(TnParser *p)
{
    return tn_pr_memoized(p, M_DOTTED_NAME, dotted_name_raw);
}

/* ['as' z=NAME { z }] -> identifier or NULL */
static TnObject *opt_as_name(TnParser *p)
{
    int mark = p->mark;
    TnExpr *z;
    if (KW(TN_KW_AS) && (z = tn_pr_name_token(p)))
        return z->v.name.id;
    p->mark = mark;
    return NULL;
}

/* dotted_as_name: dotted_name ['as' NAME] */
static void *dotted_as_name_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = dotted_name_rule(p))) {
        TnObject *b = opt_as_name(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, tn_pr_alias(p, a->v.name.id, b, EXTRA));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* import_from_as_name: NAME ['as' NAME] */
static void *import_from_as_name_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnExpr *a;
    if ((a = tn_pr_name_token(p))) {
        TnObject *b = opt_as_name(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, tn_pr_alias(p, a->v.name.id, b, EXTRA));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* import_name: 'import' dotted_as_names */
static TnStmt *import_name_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *a;
    if (KW(TN_KW_IMPORT) && (a = tn_pr_gather(p, dotted_as_name_rule, TN_TOK_COMMA))) {
        TnStmt *s = tn_pr_stmt(p, TN_STMT_IMPORT, EXTRA);
        if (s != NULL)
            s->v.import.names = a;
        RULE_RETURN(p, s);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* import_from_targets:
 *   | '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'
 *   | invalid_import_from_targets
 * invalid_import_from_targets: import_from_as_names ',' NEWLINE {
 *     RAISE_SYNTAX_ERROR("trailing comma not allowed without surrounding parentheses") } */
static TnAstSeq *import_from_targets_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *a;
    if (TOK(TN_TOK_LPAR) && (a = tn_pr_gather(p, import_from_as_name_rule, TN_TOK_COMMA))) {
        TOK(TN_TOK_COMMA);
        if (!p->error_indicator && TOK(TN_TOK_RPAR))
            RULE_RETURN(p, a);
    }
    ALT_FAIL(p, mark);
    if ((a = tn_pr_gather(p, import_from_as_name_rule, TN_TOK_COMMA)) && LOOK(0, TN_TOK_COMMA))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if (TOK(TN_TOK_STAR)) {
        TnObject *star = tn_pr_new_identifier(p, "*", 1);
        TnAlias *al = star ? tn_pr_alias(p, star, NULL, EXTRA) : NULL;
        RULE_RETURN(p, al ? tn_pr_seq1(p, al) : NULL);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        if (tn_pr_gather(p, import_from_as_name_rule, TN_TOK_COMMA) && TOK(TN_TOK_COMMA)
            && TOK(TN_TOK_NEWLINE))
            RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                             "trailing comma not allowed without surrounding parentheses"));
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ('.' | '...') -> number of dots */
static void *dots(TnParser *p)
{
    TnPToken *t;
    if ((t = TOK(TN_TOK_DOT)) || (t = TOK(TN_TOK_ELLIPSIS)))
        return t;
    return NULL;
}

static int count_dots(TnAstSeq *s)
{
    int n = 0;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(s); i++)
        n += ((TnPToken *)s->items[i])->t.type == TN_TOK_ELLIPSIS ? 3 : 1;
    return n;
}

/* import_from:
 *   | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *   | 'from' ('.' | '...')+ 'import' import_from_targets */
static TnStmt *import_from_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnAstSeq *a, *c;
    TnExpr *b;
    if (KW(TN_KW_FROM) && (a = tn_pr_loop(p, dots, 0)) && (b = dotted_name_rule(p))
        && KW(TN_KW_IMPORT) && (c = import_from_targets_rule(p))) {
        TnStmt *s = tn_pr_stmt(p, TN_STMT_IMPORTFROM, EXTRA);
        if (s != NULL) {
            s->v.importfrom.module = b->v.name.id;
            s->v.importfrom.names = c;
            s->v.importfrom.level = count_dots(a);
        }
        RULE_RETURN(p, s);
    }
    ALT_FAIL(p, mark);
    if (KW(TN_KW_FROM) && (a = tn_pr_loop(p, dots, 1)) && KW(TN_KW_IMPORT)
        && (c = import_from_targets_rule(p))) {
        TnStmt *s = tn_pr_stmt(p, TN_STMT_IMPORTFROM, EXTRA);
        if (s != NULL) {
            s->v.importfrom.module = NULL;
            s->v.importfrom.names = c;
            s->v.importfrom.level = count_dots(a);
        }
        RULE_RETURN(p, s);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* import_stmt: import_name | import_from */
static TnStmt *import_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnStmt *s;
    if ((s = import_name_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if ((s = import_from_rule(p)))
        RULE_RETURN(p, s);
    p->mark = mark;
    RULE_FAIL(p);
}

/* ======================================================================
 * Blocks and compound statements
 * ==================================================================== */

/* NEWLINE !INDENT, the shape of every "expected an indented block". */
int tn_pr_newline_no_indent(TnParser *p)
{
    return TOK(TN_TOK_NEWLINE) != NULL && LOOK(0, TN_TOK_INDENT);
}

void *tn_pr_raise_indent_error(TnParser *p, const char *what, int lineno)
{
    return tn_pr_raise_error(p, &tn_exc_IndentationError,
                             "expected an indented block after %s on line %d", what, lineno);
}

/* block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block */
static void *block_raw(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a;
    if (TOK(TN_TOK_NEWLINE) && TOK(TN_TOK_INDENT) && (a = tn_pr_statements(p))
        && TOK(TN_TOK_DEDENT))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if ((a = tn_pr_simple_stmts(p)))
        RULE_RETURN(p, a);
    ALT_FAIL(p, mark);
    if (INVALID) {
        if (tn_pr_newline_no_indent(p))
            RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_IndentationError,
                                             "expected an indented block"));
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

TnAstSeq *tn_pr_block(TnParser *p)
{
    return tn_pr_memoized(p, M_BLOCK, block_raw);
}

/* ('@' f=named_expression NEWLINE { f }) */
static void *decorator(TnParser *p)
{
    int mark = p->mark;
    TnExpr *f;
    if (TOK(TN_TOK_AT) && (f = tn_pr_named_expression(p)) && TOK(TN_TOK_NEWLINE))
        return f;
    p->mark = mark;
    return NULL;
}

/* decorators: ('@' named_expression NEWLINE)+ */
static TnAstSeq *decorators_rule(TnParser *p)
{
    return tn_pr_loop(p, decorator, 1);
}

/* ['(' [arguments] ')'] — returns the call holding bases/keywords or NULL;
 * *ok is 0 if the brackets were there but malformed. */
static TnExpr *class_arguments(TnParser *p)
{
    int mark = p->mark;
    if (TOK(TN_TOK_LPAR)) {
        TnExpr *z = tn_pr_arguments(p);
        if (!p->error_indicator && TOK(TN_TOK_RPAR))
            return z ? z : (TnExpr *)TN_PR_OK;
    }
    p->mark = mark;
    return NULL;
}

/* invalid_class_def_raw:
 *   | 'class' NAME ['(' [arguments] ')'] NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
 *   | a='class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT { indentation error } */
static void *invalid_class_def_raw_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    if (KW(TN_KW_CLASS) && tn_pr_name_token(p)) {
        class_arguments(p);
        if (!p->error_indicator && TOK(TN_TOK_NEWLINE))
            RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
    }
    ALT_FAIL(p, mark);
    if ((a = KW(TN_KW_CLASS)) && tn_pr_name_token(p)) {
        class_arguments(p);
        if (!p->error_indicator && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
            RULE_RETURN(p, tn_pr_raise_indent_error(p, "class definition", a->t.lineno));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block */
static TnStmt *class_def_raw_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_class_def_raw_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnExpr *a, *b;
    TnAstSeq *c;
    if (KW(TN_KW_CLASS) && (a = tn_pr_name_token(p))) {
        b = class_arguments(p);
        if (!p->error_indicator && TOK(TN_TOK_COLON) && (c = tn_pr_block(p))) {
            if (b == (TnExpr *)TN_PR_OK)
                b = NULL;
            TnStmt *s = tn_pr_stmt(p, TN_STMT_CLASSDEF, EXTRA);
            if (s != NULL) {
                s->v.classdef.name = a->v.name.id;
                s->v.classdef.bases = b ? b->v.call.args : NULL;
                s->v.classdef.keywords = b ? b->v.call.keywords : NULL;
                s->v.classdef.body = c;
            }
            RULE_RETURN(p, s);
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* class_def: decorators class_def_raw | class_def_raw */
static TnStmt *class_def_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *d;
    TnStmt *s;
    if ((d = decorators_rule(p)) && (s = class_def_raw_rule(p))) {
        TnStmt *n = tn_pr_alloc(p, sizeof(TnStmt));
        if (n != NULL) {
            *n = *s;
            n->v.classdef.decorator_list = d;
        }
        RULE_RETURN(p, n);
    }
    ALT_FAIL(p, mark);
    if ((s = class_def_raw_rule(p)))
        RULE_RETURN(p, s);
    p->mark = mark;
    RULE_FAIL(p);
}

/* ['->' z=expression { z }] */
static TnExpr *opt_return_annotation(TnParser *p)
{
    int mark = p->mark;
    TnExpr *z;
    if (TOK(TN_TOK_RARROW) && (z = tn_pr_expression(p)))
        return z;
    p->mark = mark;
    return NULL;
}

/* [func_type_comment]: never matches here (no type comments), but reads
 * the same tokens as CPython's attempt does. */
static void func_type_comment_probe(TnParser *p)
{
    int mark = p->mark;
    if (TOK(TN_TOK_NEWLINE))
        tn_pr_ensure(p);
    p->mark = mark;
    tn_pr_ensure(p);
}

/* invalid_def_raw:
 *   | [ASYNC] a='def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT { ... } */
static void *invalid_def_raw_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    KW(TN_KW_ASYNC);
    if (!p->error_indicator && (a = KW(TN_KW_DEF)) && tn_pr_name_token(p) && TOK(TN_TOK_LPAR)) {
        tn_pr_params(p);
        if (!p->error_indicator && TOK(TN_TOK_RPAR)) {
            opt_return_annotation(p);
            if (!p->error_indicator && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
                RULE_RETURN(p, tn_pr_raise_indent_error(p, "function definition", a->t.lineno));
        }
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* function_def_raw:
 *   | invalid_def_raw
 *   | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
 *   | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block */
static TnStmt *function_def_raw_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_def_raw_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    for (int is_async = 0; is_async <= 1; is_async++) {
        TnExpr *n, *a;
        TnArguments *params;
        TnAstSeq *b;
        if ((!is_async || KW(TN_KW_ASYNC)) && KW(TN_KW_DEF) && (n = tn_pr_name_token(p))
            && tn_pr_expect_forced(p, TN_TOK_LPAR, "(")) {
            params = tn_pr_params(p);
            if (!p->error_indicator && TOK(TN_TOK_RPAR)) {
                a = opt_return_annotation(p);
                if (!p->error_indicator && tn_pr_expect_forced(p, TN_TOK_COLON, ":")) {
                    func_type_comment_probe(p);
                    if (!p->error_indicator && (b = tn_pr_block(p))) {
                        if (params == NULL && (params = tn_pr_empty_arguments(p)) == NULL)
                            RULE_FAIL(p);
                        TnStmt *s = tn_pr_stmt(p, is_async ? TN_STMT_ASYNCFUNCTIONDEF
                                                           : TN_STMT_FUNCTIONDEF, EXTRA);
                        if (s != NULL) {
                            s->v.functiondef.name = n->v.name.id;
                            s->v.functiondef.args = params;
                            s->v.functiondef.body = b;
                            s->v.functiondef.returns = a;
                        }
                        RULE_RETURN(p, s);
                    }
                }
            }
        }
        ALT_FAIL(p, mark);
    }
    RULE_FAIL(p);
}

/* function_def: decorators function_def_raw | function_def_raw */
static TnStmt *function_def_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *d;
    TnStmt *s;
    if ((d = decorators_rule(p)) && (s = function_def_raw_rule(p))) {
        TnStmt *n = tn_pr_alloc(p, sizeof(TnStmt));
        if (n != NULL) {
            *n = *s;
            n->v.functiondef.decorator_list = d;
        }
        RULE_RETURN(p, n);
    }
    ALT_FAIL(p, mark);
    if ((s = function_def_raw_rule(p)))
        RULE_RETURN(p, s);
    p->mark = mark;
    RULE_FAIL(p);
}

/* ---- if / while ----------------------------------------------------- */

/* invalid_else_stmt: a='else' ':' NEWLINE !INDENT { indentation error } */
static TnAstSeq *else_block_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    if (INVALID) {
        if ((a = KW(TN_KW_ELSE)) && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
            RULE_RETURN(p, tn_pr_raise_indent_error(p, "'else' statement", a->t.lineno));
        ALT_FAIL(p, mark);
    }
    TnAstSeq *b;
    if (KW(TN_KW_ELSE) && tn_pr_expect_forced(p, TN_TOK_COLON, ":") && (b = tn_pr_block(p)))
        RULE_RETURN(p, b);
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt:
 *   | KW named_expression NEWLINE { RAISE_SYNTAX_ERROR("expected ':'") }
 *   | a=KW named_expression ':' NEWLINE !INDENT { indentation error } */
static void *invalid_cond_stmt(TnParser *p, int kw, const char *what)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    if (KW(kw) && tn_pr_named_expression(p) && TOK(TN_TOK_NEWLINE))
        RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
    ALT_FAIL(p, mark);
    if ((a = KW(kw)) && tn_pr_named_expression(p) && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
        RULE_RETURN(p, tn_pr_raise_indent_error(p, what, a->t.lineno));
    p->mark = mark;
    RULE_FAIL(p);
}

static TnStmt *make_if(TnParser *p, TnExpr *test, TnAstSeq *body, TnAstSeq *orelse, TnAstLoc loc)
{
    TnStmt *s = tn_pr_stmt(p, TN_STMT_IF, loc);
    if (s != NULL) {
        s->v.if_.test = test;
        s->v.if_.body = body;
        s->v.if_.orelse = orelse;
    }
    return s;
}

/* if_stmt / elif_stmt:
 *   | invalid_if_stmt
 *   | KW named_expression ':' block elif_stmt
 *   | KW named_expression ':' block [else_block] */
static TnStmt *if_like_rule(TnParser *p, int kw)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_cond_stmt(p, kw, kw == TN_KW_IF ? "'if' statement" : "'elif' statement");
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnExpr *a;
    TnAstSeq *b;
    TnStmt *c;
    if (KW(kw) && (a = tn_pr_named_expression(p)) && TOK(TN_TOK_COLON) && (b = tn_pr_block(p))
        && (c = if_like_rule(p, TN_KW_ELIF))) {
        TnAstSeq *orelse = tn_pr_seq1(p, c);
        RULE_RETURN(p, orelse ? make_if(p, a, b, orelse, EXTRA) : NULL);
    }
    ALT_FAIL(p, mark);
    if (KW(kw) && (a = tn_pr_named_expression(p)) && TOK(TN_TOK_COLON) && (b = tn_pr_block(p))) {
        TnAstSeq *orelse = else_block_rule(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        RULE_RETURN(p, make_if(p, a, b, orelse, EXTRA));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block] */
static TnStmt *while_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_cond_stmt(p, TN_KW_WHILE, "'while' statement");
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnExpr *a;
    TnAstSeq *b;
    if (KW(TN_KW_WHILE) && (a = tn_pr_named_expression(p)) && TOK(TN_TOK_COLON)
        && (b = tn_pr_block(p))) {
        TnAstSeq *c = else_block_rule(p);
        if (p->error_indicator)
            RULE_FAIL(p);
        TnStmt *s = tn_pr_stmt(p, TN_STMT_WHILE, EXTRA);
        if (s != NULL) {
            s->v.while_.test = a;
            s->v.while_.body = b;
            s->v.while_.orelse = c;
        }
        RULE_RETURN(p, s);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ---- for -------------------------------------------------------------- */

/* invalid_for_stmt:
 *   | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE { "expected ':'" }
 *   | [ASYNC] a='for' star_targets 'in' star_expressions ':' NEWLINE !INDENT { ... } */
static void *invalid_for_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    KW(TN_KW_ASYNC);
    if (!p->error_indicator && KW(TN_KW_FOR) && tn_pr_star_targets(p) && KW(TN_KW_IN)
        && tn_pr_star_expressions(p) && TOK(TN_TOK_NEWLINE))
        RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
    ALT_FAIL(p, mark);
    KW(TN_KW_ASYNC);
    if (!p->error_indicator && (a = KW(TN_KW_FOR)) && tn_pr_star_targets(p) && KW(TN_KW_IN)
        && tn_pr_star_expressions(p) && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
        RULE_RETURN(p, tn_pr_raise_indent_error(p, "'for' statement", a->t.lineno));
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_for_target: ASYNC? 'for' a=star_expressions { INVALID_TARGET(FOR_TARGETS, a) } */
static void *invalid_for_target_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    KW(TN_KW_ASYNC);
    if (!p->error_indicator && KW(TN_KW_FOR) && (a = tn_pr_star_expressions(p)))
        RULE_RETURN(p, tn_pr_raise_invalid_target(p, TN_FOR_TARGETS, a));
    p->mark = mark;
    RULE_FAIL(p);
}

/* for_stmt:
 *   | invalid_for_stmt
 *   | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
 *   | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
 *   | invalid_for_target */
static TnStmt *for_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_for_stmt_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    for (int is_async = 0; is_async <= 1; is_async++) {
        TnExpr *t, *ex;
        TnAstSeq *b;
        if ((!is_async || KW(TN_KW_ASYNC)) && KW(TN_KW_FOR) && (t = tn_pr_star_targets(p))
            && KW(TN_KW_IN)) {
            /* cut */
            if ((ex = tn_pr_star_expressions(p)) && TOK(TN_TOK_COLON) && tn_pr_ensure(p) == 0
                && (b = tn_pr_block(p))) {
                TnAstSeq *el = else_block_rule(p);
                if (p->error_indicator)
                    RULE_FAIL(p);
                TnStmt *s = tn_pr_stmt(p, is_async ? TN_STMT_ASYNCFOR : TN_STMT_FOR, EXTRA);
                if (s != NULL) {
                    s->v.for_.target = t;
                    s->v.for_.iter = ex;
                    s->v.for_.body = b;
                    s->v.for_.orelse = el;
                }
                RULE_RETURN(p, s);
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

/* ---- with ------------------------------------------------------------- */


/* (expression ['as' star_target]) / (expressions ['as' star_target]) */
static void *expr_opt_as_target(TnParser *p, int plural)
{
    int mark = p->mark;
    if (!(plural ? tn_pr_expressions(p) : tn_pr_expression(p)))
        return NULL;
    int m2 = p->mark;
    if (!(KW(TN_KW_AS) && tn_pr_star_target(p)))
        p->mark = m2;
    if (p->error_indicator) {
        p->mark = mark;
        return NULL;
    }
    return TN_PR_OK;
}
static void *expr_opt_as_target_1(TnParser *p) { return expr_opt_as_target(p, 0); }
static void *exprs_opt_as_target(TnParser *p) { return expr_opt_as_target(p, 1); }

/* invalid_with_stmt_indent (indent = 1) / invalid_with_stmt (indent = 0):
 *   | [ASYNC] a='with' ','.(expression ['as' star_target])+ (':' NEWLINE !INDENT | NEWLINE)
 *   | [ASYNC] a='with' '(' ','.(expressions ['as' star_target])+ ','? ')' (':' NEWLINE !INDENT | NEWLINE) */
static void *invalid_with_rule(TnParser *p, int indent)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    for (int alt = 0; alt < 2; alt++) {
        KW(TN_KW_ASYNC);
        if (!p->error_indicator && (a = KW(TN_KW_WITH))) {
            int ok;
            if (alt == 0) {
                ok = tn_pr_gather(p, expr_opt_as_target_1, TN_TOK_COMMA) != NULL;
            }
            else {
                ok = TOK(TN_TOK_LPAR) && tn_pr_gather(p, exprs_opt_as_target, TN_TOK_COMMA);
                if (ok) {
                    TOK(TN_TOK_COMMA);
                    ok = !p->error_indicator && TOK(TN_TOK_RPAR);
                }
            }
            if (ok && indent && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
                RULE_RETURN(p, tn_pr_raise_indent_error(p, "'with' statement", a->t.lineno));
            if (ok && !indent && TOK(TN_TOK_NEWLINE))
                RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
        }
        ALT_FAIL(p, mark);
    }
    RULE_FAIL(p);
}

/* with_item:
 *   | expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
 * invalid_with_item: expression 'as' a=expression &(',' | ')' | ':') {
 *     INVALID_TARGET(STAR_TARGETS, a) } */
static void *with_item_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *e, *t;
    if ((e = tn_pr_expression(p)) && KW(TN_KW_AS) && (t = tn_pr_star_target(p))
        && (LOOK(1, TN_TOK_COMMA) || LOOK(1, TN_TOK_RPAR) || LOOK(1, TN_TOK_COLON))) {
        TnWithItem *w = tn_pr_alloc(p, sizeof(TnWithItem));
        if (w != NULL) {
            w->context_expr = e;
            w->optional_vars = t;
        }
        RULE_RETURN(p, w);
    }
    ALT_FAIL(p, mark);
    if (INVALID) {
        TnExpr *a;
        if (tn_pr_expression(p) && KW(TN_KW_AS) && (a = tn_pr_expression(p))
            && (LOOK(1, TN_TOK_COMMA) || LOOK(1, TN_TOK_RPAR) || LOOK(1, TN_TOK_COLON)))
            RULE_RETURN(p, tn_pr_raise_invalid_target(p, TN_STAR_TARGETS, a));
        ALT_FAIL(p, mark);
    }
    if ((e = tn_pr_expression(p))) {
        TnWithItem *w = tn_pr_alloc(p, sizeof(TnWithItem));
        if (w != NULL)
            w->context_expr = e;
        RULE_RETURN(p, w);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* with_stmt:
 *   | invalid_with_stmt_indent
 *   | 'with' '(' ','.with_item+ ','? ')' ':' block
 *   | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
 *   | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
 *   | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
 *   | invalid_with_stmt */
static TnStmt *with_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_with_rule(p, 1);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    for (int is_async = 0; is_async <= 1; is_async++) {
        for (int paren = 1; paren >= 0; paren--) {
            TnAstSeq *a, *b;
            if ((!is_async || KW(TN_KW_ASYNC)) && KW(TN_KW_WITH) && (!paren || TOK(TN_TOK_LPAR))
                && (a = tn_pr_gather(p, with_item_rule, TN_TOK_COMMA))) {
                int ok = 1;
                if (paren) {
                    TOK(TN_TOK_COMMA);
                    ok = !p->error_indicator && TOK(TN_TOK_RPAR);
                }
                if (ok && TOK(TN_TOK_COLON) && (paren || tn_pr_ensure(p) == 0)
                    && (b = tn_pr_block(p))) {
                    TnStmt *s = tn_pr_stmt(p, is_async ? TN_STMT_ASYNCWITH : TN_STMT_WITH, EXTRA);
                    if (s != NULL) {
                        s->v.with.items = a;
                        s->v.with.body = b;
                    }
                    RULE_RETURN(p, s);
                }
            }
            ALT_FAIL(p, mark);
        }
    }
    if (INVALID) {
        void *r = invalid_with_rule(p, 0);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

/* ---- try -------------------------------------------------------------- */

/* ['as' NAME] */
static void opt_as_name_probe(TnParser *p)
{
    int mark = p->mark;
    if (!(KW(TN_KW_AS) && tn_pr_name_token(p)))
        p->mark = mark;
}

/* invalid_except_stmt:
 *   | 'except' '*'? a=expression ',' expressions ['as' NAME ] ':' {
 *       RAISE_STARTING_FROM(a, "multiple exception types must be parenthesized") }
 *   | a='except' '*'? expression ['as' NAME ] NEWLINE { "expected ':'" }
 *   | a='except' NEWLINE { "expected ':'" }
 *   | a='except' '*' (NEWLINE | ':') { "expected one or more exception types" } */
static void *invalid_except_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a;
    if (KW(TN_KW_EXCEPT)) {
        TOK(TN_TOK_STAR);
        if (!p->error_indicator && (a = tn_pr_expression(p)) && TOK(TN_TOK_COMMA)
            && tn_pr_expressions(p)) {
            opt_as_name_probe(p);
            if (!p->error_indicator && TOK(TN_TOK_COLON))
                RULE_RETURN(p, tn_pr_raise_starting_from(p, a->loc,
                                                         "multiple exception types must be parenthesized"));
        }
    }
    ALT_FAIL(p, mark);
    if (KW(TN_KW_EXCEPT)) {
        TOK(TN_TOK_STAR);
        if (!p->error_indicator && tn_pr_expression(p)) {
            opt_as_name_probe(p);
            if (!p->error_indicator && TOK(TN_TOK_NEWLINE))
                RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
        }
    }
    ALT_FAIL(p, mark);
    if (KW(TN_KW_EXCEPT) && TOK(TN_TOK_NEWLINE))
        RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError, "expected ':'"));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_EXCEPT) && TOK(TN_TOK_STAR) && (TOK(TN_TOK_NEWLINE) || TOK(TN_TOK_COLON)))
        RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                         "expected one or more exception types"));
    p->mark = mark;
    RULE_FAIL(p);
}

/* invalid_except_stmt_indent / invalid_except_star_stmt_indent:
 *   | a='except' ['*'] expression ['as' NAME ] ':' NEWLINE !INDENT { ... }
 *   | a='except' ':' NEWLINE !INDENT { ... }   (plain except only) */
static void *invalid_except_indent_rule(TnParser *p, int star)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    if ((a = KW(TN_KW_EXCEPT)) && (!star || TOK(TN_TOK_STAR)) && tn_pr_expression(p)) {
        opt_as_name_probe(p);
        if (!p->error_indicator && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
            RULE_RETURN(p, tn_pr_raise_indent_error(p, star ? "'except*' statement" : "'except' statement",
                                              a->t.lineno));
    }
    ALT_FAIL(p, mark);
    if (!star && (a = KW(TN_KW_EXCEPT)) && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
        RULE_RETURN(p, tn_pr_raise_indent_error(p, "'except' statement", a->t.lineno));
    p->mark = mark;
    RULE_FAIL(p);
}

static TnExceptHandler *make_handler(TnParser *p, TnExpr *type, TnObject *name, TnAstSeq *body,
                                     TnAstLoc loc)
{
    TnExceptHandler *h = tn_pr_alloc(p, sizeof(TnExceptHandler));
    if (h != NULL) {
        h->type = type;
        h->name = name;
        h->body = body;
        h->loc = loc;
    }
    return h;
}

/* except_block:
 *   | invalid_except_stmt_indent
 *   | 'except' expression ['as' NAME] ':' block | 'except' ':' block
 *   | invalid_except_stmt
 * except_star_block:
 *   | invalid_except_star_stmt_indent
 *   | 'except' '*' expression ['as' NAME] ':' block
 *   | invalid_except_stmt */
static void *except_block_impl(TnParser *p, int star)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_except_indent_rule(p, star);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnExpr *e;
    TnAstSeq *b;
    if (KW(TN_KW_EXCEPT) && (!star || TOK(TN_TOK_STAR)) && (e = tn_pr_expression(p))) {
        TnObject *t = opt_as_name(p);
        if (!p->error_indicator && TOK(TN_TOK_COLON) && (b = tn_pr_block(p)))
            RULE_RETURN(p, make_handler(p, e, t, b, EXTRA));
    }
    ALT_FAIL(p, mark);
    if (!star && KW(TN_KW_EXCEPT) && TOK(TN_TOK_COLON) && (b = tn_pr_block(p)))
        RULE_RETURN(p, make_handler(p, NULL, NULL, b, EXTRA));
    ALT_FAIL(p, mark);
    if (INVALID) {
        void *r = invalid_except_stmt_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    p->mark = mark;
    RULE_FAIL(p);
}

static void *except_block_fn(TnParser *p) { return except_block_impl(p, 0); }
static void *except_star_block_fn(TnParser *p) { return except_block_impl(p, 1); }

/* finally_block: invalid_finally_stmt | 'finally' &&':' block */
static TnAstSeq *finally_block_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a;
    if (INVALID) {
        if ((a = KW(TN_KW_FINALLY)) && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
            RULE_RETURN(p, tn_pr_raise_indent_error(p, "'finally' statement", a->t.lineno));
        ALT_FAIL(p, mark);
    }
    TnAstSeq *b;
    if (KW(TN_KW_FINALLY) && tn_pr_expect_forced(p, TN_TOK_COLON, ":") && (b = tn_pr_block(p)))
        RULE_RETURN(p, b);
    p->mark = mark;
    RULE_FAIL(p);
}

static void *block_fn(TnParser *p) { return tn_pr_block(p); }

/* invalid_try_stmt:
 *   | a='try' ':' NEWLINE !INDENT { indentation error }
 *   | 'try' ':' block !('except' | 'finally') { "expected 'except' or 'finally' block" }
 *   | 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':' {
 *       RAISE_RANGE(a, b, "cannot have both 'except' and 'except*' on the same 'try'") }
 *   | 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':' {
 *       RAISE_LOC(a, "cannot have both 'except' and 'except*' on the same 'try'") } */
static void *invalid_try_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnPToken *a, *b;
    if ((a = KW(TN_KW_TRY)) && TOK(TN_TOK_COLON) && tn_pr_newline_no_indent(p))
        RULE_RETURN(p, tn_pr_raise_indent_error(p, "'try' statement", a->t.lineno));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_TRY) && TOK(TN_TOK_COLON) && tn_pr_block(p) && LOOKKW(0, TN_KW_EXCEPT)
        && LOOKKW(0, TN_KW_FINALLY))
        RULE_RETURN(p, tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                         "expected 'except' or 'finally' block"));
    ALT_FAIL(p, mark);
    if (KW(TN_KW_TRY) && TOK(TN_TOK_COLON) && tn_pr_loop(p, block_fn, 0)
        && tn_pr_loop(p, except_block_fn, 1) && (a = KW(TN_KW_EXCEPT)) && (b = TOK(TN_TOK_STAR))
        && tn_pr_expression(p)) {
        opt_as_name_probe(p);
        if (!p->error_indicator && TOK(TN_TOK_COLON))
            RULE_RETURN(p, tn_pr_raise_range(p, tn_pr_tok_loc(a), tn_pr_tok_loc(b),
                                             "cannot have both 'except' and 'except*' on the same 'try'"));
    }
    ALT_FAIL(p, mark);
    if (KW(TN_KW_TRY) && TOK(TN_TOK_COLON) && tn_pr_loop(p, block_fn, 0)
        && tn_pr_loop(p, except_star_block_fn, 1) && (a = KW(TN_KW_EXCEPT))) {
        int m2 = p->mark;
        if (tn_pr_expression(p))
            opt_as_name_probe(p);
        else
            p->mark = m2;
        if (!p->error_indicator && TOK(TN_TOK_COLON))
            RULE_RETURN(p, tn_pr_raise_on_loc(p, tn_pr_tok_loc(a),
                                              "cannot have both 'except' and 'except*' on the same 'try'"));
    }
    p->mark = mark;
    RULE_FAIL(p);
}

static TnStmt *make_try(TnParser *p, TnStmtKind kind, TnAstSeq *body, TnAstSeq *handlers,
                        TnAstSeq *orelse, TnAstSeq *finalbody, TnAstLoc loc)
{
    TnStmt *s = tn_pr_stmt(p, kind, loc);
    if (s != NULL) {
        s->v.try_.body = body;
        s->v.try_.handlers = handlers;
        s->v.try_.orelse = orelse;
        s->v.try_.finalbody = finalbody;
    }
    return s;
}

/* try_stmt:
 *   | invalid_try_stmt
 *   | 'try' &&':' block finally_block
 *   | 'try' &&':' block except_block+ [else_block] [finally_block]
 *   | 'try' &&':' block except_star_block+ [else_block] [finally_block] */
static TnStmt *try_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    if (INVALID) {
        void *r = invalid_try_stmt_rule(p);
        if (r != NULL)
            RULE_RETURN(p, r);
        ALT_FAIL(p, mark);
    }
    TnAstSeq *b, *f, *ex, *el;
    if (KW(TN_KW_TRY) && tn_pr_expect_forced(p, TN_TOK_COLON, ":") && (b = tn_pr_block(p))
        && (f = finally_block_rule(p)))
        RULE_RETURN(p, make_try(p, TN_STMT_TRY, b, NULL, NULL, f, EXTRA));
    ALT_FAIL(p, mark);
    for (int star = 0; star <= 1; star++) {
        if (KW(TN_KW_TRY) && tn_pr_expect_forced(p, TN_TOK_COLON, ":") && (b = tn_pr_block(p))
            && (ex = tn_pr_loop(p, star ? except_star_block_fn : except_block_fn, 1))) {
            el = else_block_rule(p);
            if (p->error_indicator)
                RULE_FAIL(p);
            f = finally_block_rule(p);
            if (p->error_indicator)
                RULE_FAIL(p);
            RULE_RETURN(p, make_try(p, star ? TN_STMT_TRYSTAR : TN_STMT_TRY, b, ex, el, f, EXTRA));
        }
        ALT_FAIL(p, mark);
    }
    RULE_FAIL(p);
}

/* ======================================================================
 * compound_stmt
 * ==================================================================== */

/* compound_stmt:
 *   | &('def' | '@' | ASYNC) function_def | &'if' if_stmt | &('class' | '@') class_def
 *   | &('with' | ASYNC) with_stmt | &('for' | ASYNC) for_stmt | &'try' try_stmt
 *   | &'while' while_stmt | match_stmt */
static TnStmt *compound_stmt_rule(TnParser *p)
{
    RULE_ENTER(p);
    ENSURE(p);
    int mark = p->mark;
    TnStmt *s;
    if ((LOOKKW(1, TN_KW_DEF) || LOOK(1, TN_TOK_AT) || LOOKKW(1, TN_KW_ASYNC))
        && (s = function_def_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_IF) && (s = if_like_rule(p, TN_KW_IF)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if ((LOOKKW(1, TN_KW_CLASS) || LOOK(1, TN_TOK_AT)) && (s = class_def_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if ((LOOKKW(1, TN_KW_WITH) || LOOKKW(1, TN_KW_ASYNC)) && (s = with_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if ((LOOKKW(1, TN_KW_FOR) || LOOKKW(1, TN_KW_ASYNC)) && (s = for_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_TRY) && (s = try_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if (LOOKKW(1, TN_KW_WHILE) && (s = while_stmt_rule(p)))
        RULE_RETURN(p, s);
    ALT_FAIL(p, mark);
    if ((s = tn_pr_match_stmt(p)))
        RULE_RETURN(p, s);
    p->mark = mark;
    RULE_FAIL(p);
}
