/* tests/unit/test_parser.c — the parser (core/compiler/parser*.c).
 *
 * Trees are checked through a compact S-expression rendering (see sx_*
 * below); locations and SyntaxError messages/positions were taken from
 * CPython 3.11 (ast.dump(..., include_attributes=True) and `python3 f.py`).
 * The parser was also compared with CPython on the whole standard library
 * and on fuzzed inputs; these tests pin the important behaviours.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "core/compiler/parser.h"

/* ---- S-expression rendering ------------------------------------------- */

typedef struct {
    char buf[8192];
    size_t n;
} Sx;

static void sx_put(Sx *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(b->buf + b->n, sizeof b->buf - b->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        b->n += (size_t)k;
    if (b->n >= sizeof b->buf)
        b->n = sizeof b->buf - 1;
}

static void sx_obj(Sx *b, TnObject *o)
{
    if (o == NULL) {
        sx_put(b, "_");
        return;
    }
    TnObject *r = tn_object_repr(o);
    assert_non_null(r);
    sx_put(b, "%s", tn_str_utf8(r, NULL));
    tn_decref(r);
}

static void sx_id(Sx *b, TnObject *id) { sx_put(b, "%s", id ? tn_str_utf8(id, NULL) : "_"); }

static const char *ctx_suffix(TnExprContext c)
{
    return c == TN_CTX_STORE ? "!s" : c == TN_CTX_DEL ? "!d" : "";
}

static const char *op_name(TnOperator op)
{
    static const char *const n[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
    return n[op];
}

static void sx_expr(Sx *b, TnExpr *e);
static void sx_stmts(Sx *b, TnAstSeq *s);

static void sx_exprs(Sx *b, TnAstSeq *s)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(s); i++) {
        sx_put(b, " ");
        if (s->items[i] == NULL)
            sx_put(b, "_");
        else
            sx_expr(b, s->items[i]);
    }
}

static void sx_arg(Sx *b, TnArg *a)
{
    sx_id(b, a->arg);
    if (a->annotation) {
        sx_put(b, ":");
        sx_expr(b, a->annotation);
    }
}

static void sx_args(Sx *b, TnArguments *a)
{
    sx_put(b, "(");
    int first = 1;
#define SEP() do { if (!first) sx_put(b, " "); first = 0; } while (0)
    tn_ssize_t npos = tn_ast_seq_len(a->posonlyargs) + tn_ast_seq_len(a->args);
    tn_ssize_t ndef = tn_ast_seq_len(a->defaults);
    for (tn_ssize_t i = 0; i < npos; i++) {
        tn_ssize_t np = tn_ast_seq_len(a->posonlyargs);
        TnArg *arg = i < np ? a->posonlyargs->items[i] : a->args->items[i - np];
        SEP();
        sx_arg(b, arg);
        if (i >= npos - ndef) {
            sx_put(b, "=");
            sx_expr(b, a->defaults->items[i - (npos - ndef)]);
        }
        if (np > 0 && i == np - 1)
            sx_put(b, " /");
    }
    if (a->vararg) {
        SEP();
        sx_put(b, "*");
        sx_arg(b, a->vararg);
    }
    else if (tn_ast_seq_len(a->kwonlyargs) > 0) {
        SEP();
        sx_put(b, "*");
    }
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(a->kwonlyargs); i++) {
        SEP();
        sx_arg(b, a->kwonlyargs->items[i]);
        if (a->kw_defaults->items[i]) {
            sx_put(b, "=");
            sx_expr(b, a->kw_defaults->items[i]);
        }
    }
    if (a->kwarg) {
        SEP();
        sx_put(b, "**");
        sx_arg(b, a->kwarg);
    }
#undef SEP
    sx_put(b, ")");
}

static void sx_comps(Sx *b, TnAstSeq *gens)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(gens); i++) {
        TnComprehension *c = gens->items[i];
        sx_put(b, " (%s ", c->is_async ? "async-for" : "for");
        sx_expr(b, c->target);
        sx_put(b, " ");
        sx_expr(b, c->iter);
        for (tn_ssize_t j = 0; j < tn_ast_seq_len(c->ifs); j++) {
            sx_put(b, " (if ");
            sx_expr(b, c->ifs->items[j]);
            sx_put(b, ")");
        }
        sx_put(b, ")");
    }
}

static void sx_expr(Sx *b, TnExpr *e)
{
    static const char *const cmp[] = {"", "==", "!=", "<", "<=", ">", ">=", "is", "is-not", "in", "not-in"};
    static const char *const uop[] = {"", "inv", "not", "pos", "neg"};
    switch (e->kind) {
    case TN_EXPR_NAME:
        sx_id(b, e->v.name.id);
        sx_put(b, "%s", ctx_suffix(e->v.name.ctx));
        return;
    case TN_EXPR_CONSTANT:
        sx_obj(b, e->v.constant.value);
        if (e->v.constant.kind)
            sx_put(b, "u");
        return;
    case TN_EXPR_BINOP:
        sx_put(b, "(%s ", op_name(e->v.binop.op));
        sx_expr(b, e->v.binop.left);
        sx_put(b, " ");
        sx_expr(b, e->v.binop.right);
        break;
    case TN_EXPR_UNARYOP:
        sx_put(b, "(%s ", uop[e->v.unaryop.op]);
        sx_expr(b, e->v.unaryop.operand);
        break;
    case TN_EXPR_BOOLOP:
        sx_put(b, "(%s", e->v.boolop.op == TN_BOOL_AND ? "and" : "or");
        sx_exprs(b, e->v.boolop.values);
        break;
    case TN_EXPR_COMPARE:
        sx_put(b, "(cmp ");
        sx_expr(b, e->v.compare.left);
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.compare.comparators); i++) {
            sx_put(b, " %s ", cmp[e->v.compare.ops[i]]);
            sx_expr(b, e->v.compare.comparators->items[i]);
        }
        break;
    case TN_EXPR_CALL:
        sx_put(b, "(call ");
        sx_expr(b, e->v.call.func);
        sx_exprs(b, e->v.call.args);
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.call.keywords); i++) {
            TnKeyword *k = e->v.call.keywords->items[i];
            if (k->arg) {
                sx_put(b, " ");
                sx_id(b, k->arg);
                sx_put(b, "=");
            }
            else {
                sx_put(b, " **");
            }
            sx_expr(b, k->value);
        }
        break;
    case TN_EXPR_STARRED:
        sx_put(b, "*%s", ctx_suffix(e->v.starred.ctx));
        sx_expr(b, e->v.starred.value);
        return;
    case TN_EXPR_ATTRIBUTE:
        sx_put(b, "(.%s ", ctx_suffix(e->v.attribute.ctx));
        sx_expr(b, e->v.attribute.value);
        sx_put(b, " ");
        sx_id(b, e->v.attribute.attr);
        break;
    case TN_EXPR_SUBSCRIPT:
        sx_put(b, "([]%s ", ctx_suffix(e->v.subscript.ctx));
        sx_expr(b, e->v.subscript.value);
        sx_put(b, " ");
        sx_expr(b, e->v.subscript.slice);
        break;
    case TN_EXPR_SLICE:
        sx_put(b, "(slice ");
        if (e->v.slice.lower) sx_expr(b, e->v.slice.lower); else sx_put(b, "_");
        sx_put(b, " ");
        if (e->v.slice.upper) sx_expr(b, e->v.slice.upper); else sx_put(b, "_");
        sx_put(b, " ");
        if (e->v.slice.step) sx_expr(b, e->v.slice.step); else sx_put(b, "_");
        break;
    case TN_EXPR_TUPLE:
        sx_put(b, "(tuple%s", ctx_suffix(e->v.tuple.ctx));
        sx_exprs(b, e->v.tuple.elts);
        break;
    case TN_EXPR_LIST:
        sx_put(b, "(list%s", ctx_suffix(e->v.list.ctx));
        sx_exprs(b, e->v.list.elts);
        break;
    case TN_EXPR_SET:
        sx_put(b, "(set");
        sx_exprs(b, e->v.set.elts);
        break;
    case TN_EXPR_DICT:
        sx_put(b, "(dict");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.dict.keys); i++) {
            sx_put(b, " ");
            if (e->v.dict.keys->items[i]) {
                sx_expr(b, e->v.dict.keys->items[i]);
                sx_put(b, ":");
            }
            else {
                sx_put(b, "**");
            }
            sx_expr(b, e->v.dict.values->items[i]);
        }
        break;
    case TN_EXPR_IFEXP:
        sx_put(b, "(if ");
        sx_expr(b, e->v.ifexp.test);
        sx_put(b, " ");
        sx_expr(b, e->v.ifexp.body);
        sx_put(b, " ");
        sx_expr(b, e->v.ifexp.orelse);
        break;
    case TN_EXPR_LAMBDA:
        sx_put(b, "(lambda ");
        sx_args(b, e->v.lambda.args);
        sx_put(b, " ");
        sx_expr(b, e->v.lambda.body);
        break;
    case TN_EXPR_NAMEDEXPR:
        sx_put(b, "(:= ");
        sx_expr(b, e->v.namedexpr.target);
        sx_put(b, " ");
        sx_expr(b, e->v.namedexpr.value);
        break;
    case TN_EXPR_LISTCOMP: case TN_EXPR_SETCOMP: case TN_EXPR_GENERATOREXP:
        sx_put(b, "(%s ", e->kind == TN_EXPR_LISTCOMP ? "listcomp"
                         : e->kind == TN_EXPR_SETCOMP ? "setcomp" : "genexp");
        sx_expr(b, e->v.comp.elt);
        sx_comps(b, e->v.comp.generators);
        break;
    case TN_EXPR_DICTCOMP:
        sx_put(b, "(dictcomp ");
        sx_expr(b, e->v.dictcomp.key);
        sx_put(b, ":");
        sx_expr(b, e->v.dictcomp.value);
        sx_comps(b, e->v.dictcomp.generators);
        break;
    case TN_EXPR_AWAIT:
        sx_put(b, "(await ");
        sx_expr(b, e->v.await_.value);
        break;
    case TN_EXPR_YIELD:
        sx_put(b, "(yield");
        if (e->v.yield.value) {
            sx_put(b, " ");
            sx_expr(b, e->v.yield.value);
        }
        break;
    case TN_EXPR_YIELDFROM:
        sx_put(b, "(yield-from ");
        sx_expr(b, e->v.yieldfrom.value);
        break;
    case TN_EXPR_JOINEDSTR:
        sx_put(b, "(f");
        sx_exprs(b, e->v.joinedstr.values);
        break;
    case TN_EXPR_FORMATTEDVALUE:
        sx_put(b, "(fv ");
        sx_expr(b, e->v.formattedvalue.value);
        if (e->v.formattedvalue.conversion != -1)
            sx_put(b, " !%c", e->v.formattedvalue.conversion);
        if (e->v.formattedvalue.format_spec) {
            sx_put(b, " ");
            sx_expr(b, e->v.formattedvalue.format_spec);
        }
        break;
    }
    sx_put(b, ")");
}

static void sx_pattern(Sx *b, TnPattern *p)
{
    switch (p->kind) {
    case TN_PAT_VALUE:
        sx_put(b, "(value ");
        sx_expr(b, p->v.value.value);
        break;
    case TN_PAT_SINGLETON:
        sx_put(b, "(single ");
        sx_obj(b, p->v.singleton.value);
        break;
    case TN_PAT_SEQUENCE:
        sx_put(b, "(seq");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(p->v.sequence.patterns); i++) {
            sx_put(b, " ");
            sx_pattern(b, p->v.sequence.patterns->items[i]);
        }
        break;
    case TN_PAT_MAPPING:
        sx_put(b, "(map");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(p->v.mapping.keys); i++) {
            sx_put(b, " ");
            sx_expr(b, p->v.mapping.keys->items[i]);
            sx_put(b, ":");
            sx_pattern(b, p->v.mapping.patterns->items[i]);
        }
        if (p->v.mapping.rest) {
            sx_put(b, " **");
            sx_id(b, p->v.mapping.rest);
        }
        break;
    case TN_PAT_CLASS:
        sx_put(b, "(class ");
        sx_expr(b, p->v.class_.cls);
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(p->v.class_.patterns); i++) {
            sx_put(b, " ");
            sx_pattern(b, p->v.class_.patterns->items[i]);
        }
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(p->v.class_.kwd_attrs); i++) {
            sx_put(b, " ");
            sx_id(b, p->v.class_.kwd_attrs->items[i]);
            sx_put(b, "=");
            sx_pattern(b, p->v.class_.kwd_patterns->items[i]);
        }
        break;
    case TN_PAT_STAR:
        sx_put(b, "(star ");
        sx_id(b, p->v.star.name);
        break;
    case TN_PAT_AS:
        sx_put(b, "(as ");
        if (p->v.as.pattern) sx_pattern(b, p->v.as.pattern); else sx_put(b, "_");
        sx_put(b, " ");
        sx_id(b, p->v.as.name);
        break;
    case TN_PAT_OR:
        sx_put(b, "(or");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(p->v.or_.patterns); i++) {
            sx_put(b, " ");
            sx_pattern(b, p->v.or_.patterns->items[i]);
        }
        break;
    }
    sx_put(b, ")");
}

static void sx_block(Sx *b, const char *name, TnAstSeq *s)
{
    if (tn_ast_seq_len(s) == 0 && name[0] != 'b')
        return;
    sx_put(b, " (%s", name);
    sx_stmts(b, s);
    sx_put(b, ")");
}

static void sx_stmt(Sx *b, TnStmt *s)
{
    switch (s->kind) {
    case TN_STMT_EXPR:
        sx_expr(b, s->v.expr.value);
        return;
    case TN_STMT_PASS: sx_put(b, "(pass"); break;
    case TN_STMT_BREAK: sx_put(b, "(break"); break;
    case TN_STMT_CONTINUE: sx_put(b, "(continue"); break;
    case TN_STMT_ASSIGN:
        sx_put(b, "(=");
        sx_exprs(b, s->v.assign.targets);
        sx_put(b, " ");
        sx_expr(b, s->v.assign.value);
        break;
    case TN_STMT_AUGASSIGN:
        sx_put(b, "(%s= ", op_name(s->v.augassign.op));
        sx_expr(b, s->v.augassign.target);
        sx_put(b, " ");
        sx_expr(b, s->v.augassign.value);
        break;
    case TN_STMT_ANNASSIGN:
        sx_put(b, "(ann%s ", s->v.annassign.simple ? "" : "-complex");
        sx_expr(b, s->v.annassign.target);
        sx_put(b, " ");
        sx_expr(b, s->v.annassign.annotation);
        if (s->v.annassign.value) {
            sx_put(b, " ");
            sx_expr(b, s->v.annassign.value);
        }
        break;
    case TN_STMT_RETURN:
        sx_put(b, "(return");
        if (s->v.return_.value) {
            sx_put(b, " ");
            sx_expr(b, s->v.return_.value);
        }
        break;
    case TN_STMT_DELETE:
        sx_put(b, "(del");
        sx_exprs(b, s->v.delete_.targets);
        break;
    case TN_STMT_GLOBAL: case TN_STMT_NONLOCAL: {
        TnAstSeq *names = s->kind == TN_STMT_GLOBAL ? s->v.global.names : s->v.nonlocal.names;
        sx_put(b, "(%s", s->kind == TN_STMT_GLOBAL ? "global" : "nonlocal");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(names); i++) {
            sx_put(b, " ");
            sx_id(b, names->items[i]);
        }
        break;
    }
    case TN_STMT_IF:
        sx_put(b, "(if ");
        sx_expr(b, s->v.if_.test);
        sx_block(b, "body", s->v.if_.body);
        sx_block(b, "else", s->v.if_.orelse);
        break;
    case TN_STMT_WHILE:
        sx_put(b, "(while ");
        sx_expr(b, s->v.while_.test);
        sx_block(b, "body", s->v.while_.body);
        sx_block(b, "else", s->v.while_.orelse);
        break;
    case TN_STMT_FOR: case TN_STMT_ASYNCFOR:
        sx_put(b, "(%s ", s->kind == TN_STMT_FOR ? "for" : "async-for");
        sx_expr(b, s->v.for_.target);
        sx_put(b, " ");
        sx_expr(b, s->v.for_.iter);
        sx_block(b, "body", s->v.for_.body);
        sx_block(b, "else", s->v.for_.orelse);
        break;
    case TN_STMT_FUNCTIONDEF: case TN_STMT_ASYNCFUNCTIONDEF:
        sx_put(b, "(%s", s->kind == TN_STMT_FUNCTIONDEF ? "def" : "async-def");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.functiondef.decorator_list); i++) {
            sx_put(b, " @");
            sx_expr(b, s->v.functiondef.decorator_list->items[i]);
        }
        sx_put(b, " ");
        sx_id(b, s->v.functiondef.name);
        sx_put(b, " ");
        sx_args(b, s->v.functiondef.args);
        if (s->v.functiondef.returns) {
            sx_put(b, " -> ");
            sx_expr(b, s->v.functiondef.returns);
        }
        sx_block(b, "body", s->v.functiondef.body);
        break;
    case TN_STMT_CLASSDEF:
        sx_put(b, "(class");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.classdef.decorator_list); i++) {
            sx_put(b, " @");
            sx_expr(b, s->v.classdef.decorator_list->items[i]);
        }
        sx_put(b, " ");
        sx_id(b, s->v.classdef.name);
        sx_put(b, " (bases");
        sx_exprs(b, s->v.classdef.bases);
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.classdef.keywords); i++) {
            TnKeyword *k = s->v.classdef.keywords->items[i];
            sx_put(b, " ");
            sx_id(b, k->arg);
            sx_put(b, "=");
            sx_expr(b, k->value);
        }
        sx_put(b, ")");
        sx_block(b, "body", s->v.classdef.body);
        break;
    case TN_STMT_WITH: case TN_STMT_ASYNCWITH:
        sx_put(b, "(%s", s->kind == TN_STMT_WITH ? "with" : "async-with");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.with.items); i++) {
            TnWithItem *w = s->v.with.items->items[i];
            sx_put(b, " (");
            sx_expr(b, w->context_expr);
            if (w->optional_vars) {
                sx_put(b, " as ");
                sx_expr(b, w->optional_vars);
            }
            sx_put(b, ")");
        }
        sx_block(b, "body", s->v.with.body);
        break;
    case TN_STMT_RAISE:
        sx_put(b, "(raise");
        if (s->v.raise.exc) {
            sx_put(b, " ");
            sx_expr(b, s->v.raise.exc);
        }
        if (s->v.raise.cause) {
            sx_put(b, " from ");
            sx_expr(b, s->v.raise.cause);
        }
        break;
    case TN_STMT_TRY: case TN_STMT_TRYSTAR:
        sx_put(b, "(%s", s->kind == TN_STMT_TRY ? "try" : "try*");
        sx_block(b, "body", s->v.try_.body);
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.try_.handlers); i++) {
            TnExceptHandler *h = s->v.try_.handlers->items[i];
            sx_put(b, " (except");
            if (h->type) {
                sx_put(b, " ");
                sx_expr(b, h->type);
            }
            if (h->name) {
                sx_put(b, " as ");
                sx_id(b, h->name);
            }
            sx_stmts(b, h->body);
            sx_put(b, ")");
        }
        sx_block(b, "else", s->v.try_.orelse);
        sx_block(b, "finally", s->v.try_.finalbody);
        break;
    case TN_STMT_ASSERT:
        sx_put(b, "(assert ");
        sx_expr(b, s->v.assert_.test);
        if (s->v.assert_.msg) {
            sx_put(b, " ");
            sx_expr(b, s->v.assert_.msg);
        }
        break;
    case TN_STMT_IMPORT: case TN_STMT_IMPORTFROM: {
        TnAstSeq *names;
        if (s->kind == TN_STMT_IMPORT) {
            sx_put(b, "(import");
            names = s->v.import.names;
        }
        else {
            sx_put(b, "(from %d ", s->v.importfrom.level);
            sx_id(b, s->v.importfrom.module);
            names = s->v.importfrom.names;
        }
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(names); i++) {
            TnAlias *a = names->items[i];
            sx_put(b, " ");
            sx_id(b, a->name);
            if (a->asname) {
                sx_put(b, " as ");
                sx_id(b, a->asname);
            }
        }
        break;
    }
    case TN_STMT_MATCH:
        sx_put(b, "(match ");
        sx_expr(b, s->v.match.subject);
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.match.cases); i++) {
            TnMatchCase *c = s->v.match.cases->items[i];
            sx_put(b, " (case ");
            sx_pattern(b, c->pattern);
            if (c->guard) {
                sx_put(b, " if ");
                sx_expr(b, c->guard);
            }
            sx_stmts(b, c->body);
            sx_put(b, ")");
        }
        break;
    }
    sx_put(b, ")");
}

static void sx_stmts(Sx *b, TnAstSeq *s)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(s); i++) {
        sx_put(b, " ");
        sx_stmt(b, s->items[i]);
    }
}

/* ---- helpers ------------------------------------------------------------ */

static TnMod *parse(const char *src, TnCompileMode mode, TnArena **arena)
{
    assert_null(tn_err_occurred());
    *arena = tn_arena_new();
    assert_non_null(*arena);
    return tn_parse_string(src, (tn_ssize_t)strlen(src), "test.py", mode, *arena);
}

/* Parse a module and compare the rendering of its body (statements joined
 * by spaces). */
static void assert_module(const char *src, const char *expected)
{
    TnArena *arena;
    TnMod *m = parse(src, TN_MODE_FILE, &arena);
    if (m == NULL) {
        TnObject *exc = tn_err_fetch();
        TnObject *s = tn_object_str(exc);
        fprintf(stderr, "unexpected error for %s: %s\n", src, tn_str_utf8(s, NULL));
        fail();
    }
    Sx b = {{0}, 0};
    sx_stmts(&b, m->body);
    assert_string_equal(b.buf + (b.n > 0), expected);
    tn_arena_free(arena);
}

static void assert_expr(const char *src, const char *expected)
{
    TnArena *arena;
    TnMod *m = parse(src, TN_MODE_EVAL, &arena);
    assert_non_null(m);
    Sx b = {{0}, 0};
    sx_expr(&b, m->expr);
    assert_string_equal(b.buf, expected);
    tn_arena_free(arena);
}

static void assert_loc(TnAstLoc l, int lineno, int col, int end_lineno, int end_col)
{
    assert_int_equal(l.lineno, lineno);
    assert_int_equal(l.col_offset, col);
    assert_int_equal(l.end_lineno, end_lineno);
    assert_int_equal(l.end_col_offset, end_col);
}

static int64_t int_attr(TnObject *o)
{
    int overflow = 0;
    assert_non_null(o);
    return tn_int_as_i64(o, &overflow);
}

typedef struct {
    const char *src, *type, *msg;
    int lineno, offset, end_lineno, end_offset;
} ErrCase;

static void check_error(const ErrCase *c)
{
    TnArena *arena;
    TnMod *m = parse(c->src, TN_MODE_FILE, &arena);
    if (m != NULL) {
        fprintf(stderr, "no error for: %s\n", c->src);
        fail();
    }
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    TnSyntaxErrorObject *se = (TnSyntaxErrorObject *)exc;
    if (strcmp(tn_type(exc)->name, c->type) != 0 || se->msg == NULL
        || strcmp(tn_str_utf8(se->msg, NULL), c->msg) != 0 || int_attr(se->lineno) != c->lineno
        || int_attr(se->offset) != c->offset || int_attr(se->end_lineno) != c->end_lineno
        || int_attr(se->end_offset) != c->end_offset) {
        fprintf(stderr, "for %s\n  expected %s: %s (%d,%d)-(%d,%d)\n  got      %s: %s (%d,%d)-(%d,%d)\n",
                c->src, c->type, c->msg, c->lineno, c->offset, c->end_lineno, c->end_offset,
                tn_type(exc)->name, se->msg ? tn_str_utf8(se->msg, NULL) : "?",
                (int)int_attr(se->lineno), (int)int_attr(se->offset),
                (int)int_attr(se->end_lineno), (int)int_attr(se->end_offset));
        fail();
    }
    tn_decref(exc);
    tn_arena_free(arena);
}

/* ---- expressions ---------------------------------------------------------- */

static void test_precedence(void **state)
{
    (void)state;
    assert_expr("-2**2", "(neg (** 2 2))");
    assert_expr("2**-1", "(** 2 (neg 1))");
    assert_expr("2**3**2", "(** 2 (** 3 2))");
    assert_expr("1 + 2 * 3 - 4", "(- (+ 1 (* 2 3)) 4)");
    assert_expr("a // b % c @ d / e", "(/ (@ (% (// a b) c) d) e)");
    assert_expr("a | b ^ c & d << e >> f", "(| a (^ b (& c (>> (<< d e) f))))");
    assert_expr("not a and b or c", "(or (and (not a) b) c)");
    assert_expr("a or b or c and d", "(or a b (and c d))");
    assert_expr("a < b <= c == d != e > f >= g", "(cmp a < b <= c == d != e > f >= g)");
    assert_expr("a in b not in c is d is not e", "(cmp a in b not-in c is d is-not e)");
    assert_expr("not a in b", "(not (cmp a in b))");
    assert_expr("~a + +b - -c", "(- (+ (inv a) (pos b)) (neg c))");
    assert_expr("a if b else c if d else e", "(if b a (if d c e))");
    assert_expr("lambda: a if b else c", "(lambda () (if b a c))");
    assert_expr("await x ** 2", "(** (await x) 2)");
    assert_expr("-await x", "(neg (await x))");
    assert_expr("(y := 1 + 2)", "(:= y!s (+ 1 2))");
    assert_expr("a.b.c(d)[e]", "([] (call (. (. a b) c) d) e)");
}

static void test_atoms(void **state)
{
    (void)state;
    assert_expr("None, True, False, ...", "(tuple None True False Ellipsis)");
    assert_expr("0x10 + 0o10 + 0b10 + 1_000", "(+ (+ (+ 16 8) 2) 1000)");
    assert_expr("1.5 + .5 + 1e3 + 1_0.0e-1", "(+ (+ (+ 1.5 0.5) 1000.0) 1.0)");
    assert_expr("'a' \"b\" '''c'''", "'abc'");
    assert_expr("u'a' 'b'", "'ab'u");
    assert_expr("'a' u'b'", "'ab'");
    assert_expr("'\\n\\t\\x41\\u00e9\\U0001F600\\101\\0\\q'", "'\\n\\tAé😀A\\x00\\\\q'");
    assert_expr("r'\\n\\d'", "'\\\\n\\\\d'");
    assert_expr("'a\\\nb'", "'ab'");
    assert_expr("[]", "(list)");
    assert_expr("()", "(tuple)");
    assert_expr("{}", "(dict)");
    assert_expr("(1,)", "(tuple 1)");
    assert_expr("[1, *a, 2]", "(list 1 *a 2)");
    assert_expr("{1, *a}", "(set 1 *a)");
    assert_expr("{1: 2, **d, 3: 4}", "(dict 1:2 **d 3:4)");
    assert_expr("(x)", "x");
}

static void test_calls_and_subscripts(void **state)
{
    (void)state;
    assert_expr("f(1, x=2, *a, **k)", "(call f 1 *a x=2 **k)");
    assert_expr("f(*a, b, *c, d=1, *e, **f, g=2)", "(call f *a b *c *e d=1 **f g=2)");
    assert_expr("f(x for x in y)", "(call f (genexp x (for x!s y)))");
    assert_expr("f(a)(b)", "(call (call f a) b)");
    assert_expr("a[1:2]", "([] a (slice 1 2 _))");
    assert_expr("a[::2]", "([] a (slice _ _ 2))");
    assert_expr("a[:, 1:]", "([] a (tuple (slice _ _ _) (slice 1 _ _)))");
    assert_expr("a[1, *b]", "([] a (tuple 1 *b))");
    assert_expr("a[(y := 1)]", "([] a (:= y!s 1))");
}

static void test_comprehensions(void **state)
{
    (void)state;
    assert_expr("[x for x in y if x if z for a, b in c]",
                "(listcomp x (for x!s y (if x) (if z)) (for (tuple!s a!s b!s) c))");
    assert_expr("{x for x in y}", "(setcomp x (for x!s y))");
    assert_expr("{k: v for k, v in d}", "(dictcomp k:v (for (tuple!s k!s v!s) d))");
    assert_expr("(x async for x in y)", "(genexp x (async-for x!s y))");
    assert_expr("[(y := f(x)) for x in d]", "(listcomp (:= y!s (call f x)) (for x!s d))");
}

static void test_lambda(void **state)
{
    (void)state;
    assert_expr("lambda a, b=1, *c, d, e=2, **f: 0", "(lambda (a b=1 *c d e=2 **f) 0)");
    assert_expr("lambda a, /, b: 0", "(lambda (a / b) 0)");
    assert_expr("lambda *, a: 0", "(lambda (* a) 0)");
}

static void test_fstrings(void **state)
{
    (void)state;
    assert_expr("f'a{x}b'", "(f 'a' (fv x) 'b')");
    assert_expr("f'{x!r:>{w}}'", "(f (fv x !r (f '>' (fv w))))");
    assert_expr("f'{x=}'", "(f 'x=' (fv x !r))");
    assert_expr("f'{x = :>3}'", "(f 'x = ' (fv x (f '>3')))");
    assert_expr("f'{{}}{x}{{'", "(f '{}' (fv x) '{')");
    assert_expr("f'{x}' 'y' f'{z}'", "(f (fv x) 'y' (fv z))");
    assert_expr("f''", "(f)");
    assert_expr("f'{x:}'", "(f (fv x (f)))");
    assert_expr("f'{a[\"b\"]}'", "(f (fv ([] a 'b')))");
    assert_expr("f'{x!s}{y!a}'", "(f (fv x !s) (fv y !a))");
    assert_expr("rf'\\d{x}'", "(f '\\\\d' (fv x))");
    assert_expr("f'{3.14:.2f}'", "(f (fv 3.14 (f '.2f')))");
    /* locations of the expression inside, as CPython 3.11 reports them */
    TnArena *arena;
    TnMod *m = parse("x = f'ab{y + 1}'\n", TN_MODE_FILE, &arena);
    assert_non_null(m);
    TnStmt *s = m->body->items[0];
    TnExpr *js = s->v.assign.value;
    assert_loc(js->loc, 1, 4, 1, 16);
    TnExpr *fv = js->v.joinedstr.values->items[1];
    assert_loc(fv->loc, 1, 4, 1, 16);
    assert_loc(fv->v.formattedvalue.value->loc, 1, 9, 1, 14);
    tn_arena_free(arena);
}

/* ---- statements ----------------------------------------------------------- */

static void test_assignments(void **state)
{
    (void)state;
    assert_module("x = 1\n", "(= x!s 1)");
    assert_module("a = b = c\n", "(= a!s b!s c)");
    assert_module("a, b = b, a\n", "(= (tuple!s a!s b!s) (tuple b a))");
    assert_module("[a, (b, *c)] = x\n", "(= (list!s a!s (tuple!s b!s *!sc!s)) x)");
    assert_module("a.b, c[0], d[1:2] = x\n",
                  "(= (tuple!s (.!s a b) ([]!s c 0) ([]!s d (slice 1 2 _))) x)");
    assert_module("x += 1\nx //= 2\nx **= 3\nx @= y\nx >>= 1\n",
                  "(+= x!s 1) (//= x!s 2) (**= x!s 3) (@= x!s y) (>>= x!s 1)");
    assert_module("a.b += 1\n", "(+= (.!s a b) 1)");
    assert_module("x: int\nx: int = 1\n(x): int\na.b: int = 2\n",
                  "(ann x!s int) (ann x!s int 1) (ann-complex x!s int) (ann-complex (.!s a b) int 2)");
    assert_module("x = yield\ny = yield from z\n", "(= x!s (yield)) (= y!s (yield-from z))");
    assert_module("x = *a, b\n", "(= x!s (tuple *a b))");
    assert_module("del a, b.c, d[0], (e, f), [g]\n",
                  "(del a!d (.!d b c) ([]!d d 0) (tuple!d e!d f!d) (list!d g!d))");
}

static void test_simple_statements(void **state)
{
    (void)state;
    assert_module("pass; break; continue\n", "(pass) (break) (continue)");
    assert_module("global a, b\nnonlocal c\n", "(global a b) (nonlocal c)");
    assert_module("return\nreturn 1, 2\n", "(return) (return (tuple 1 2))");
    assert_module("raise\nraise E\nraise E from c\n", "(raise) (raise E) (raise E from c)");
    assert_module("assert x\nassert x, 'm'\n", "(assert x) (assert x 'm')");
    assert_module("import a, b.c as d\n", "(import a b.c as d)");
    assert_module("from . import a\nfrom ..x.y import (b as c, d,)\nfrom ... import *\n",
                  "(from 1 _ a) (from 2 x.y b as c d) (from 3 _ *)");
    assert_module("f(x)\n", "(call f x)");
    assert_module("# only a comment\n\n", "");
    assert_module("", "");
    assert_module("x = 1", "(= x!s 1)");
}

static void test_compound_statements(void **state)
{
    (void)state;
    assert_module("if a:\n    x\nelif b:\n    y\nelse:\n    z\n",
                  "(if a (body x) (else (if b (body y) (else z))))");
    assert_module("while x: pass\nelse: y\n", "(while x (body (pass)) (else y))");
    assert_module("for i, j in k:\n  break\nelse:\n  pass\n",
                  "(for (tuple!s i!s j!s) k (body (break)) (else (pass)))");
    assert_module("for x in *a, b: pass\n", "(for x!s (tuple *a b) (body (pass)))");
    assert_module("if (n := 10) > 5: pass\n", "(if (cmp (:= n!s 10) > 5) (body (pass)))");
    assert_module("with a as b, c: pass\n", "(with (a as b!s) (c) (body (pass)))");
    assert_module("with (a as b, c as (d, e)): pass\n",
                  "(with (a as b!s) (c as (tuple!s d!s e!s)) (body (pass)))");
    assert_module("with (a, b): pass\n", "(with (a) (b) (body (pass)))");
    assert_module("with (a, b) as c: pass\n", "(with ((tuple a b) as c!s) (body (pass)))");
    assert_module("try:\n  a\nexcept E as e:\n  b\nexcept (F, G):\n  c\nexcept:\n  d\n"
                  "else:\n  e\nfinally:\n  f\n",
                  "(try (body a) (except E as e b) (except (tuple F G) c) (except d) (else e) "
                  "(finally f))");
    assert_module("try:\n  a\nfinally:\n  b\n", "(try (body a) (finally b))");
    assert_module("try:\n  a\nexcept* E:\n  b\n", "(try* (body a) (except E b))");
    assert_module("class A(B, metaclass=M):\n  x = 1\n", "(class A (bases B metaclass=M) (body (= x!s 1)))");
    assert_module("@d1\n@d2(x)\nclass A: pass\n", "(class @d1 @(call d2 x) A (bases) (body (pass)))");
}

static void test_functions(void **state)
{
    (void)state;
    assert_module("def f(): pass\n", "(def f () (body (pass)))");
    assert_module("def f(a, b=1, *args, c, d=2, **kw) -> int:\n  return a\n",
                  "(def f (a b=1 *args c d=2 **kw) -> int (body (return a)))");
    assert_module("def f(a, /, b, *, c): pass\n", "(def f (a / b * c) (body (pass)))");
    assert_module("def f(a=1, /, b=2): pass\n", "(def f (a=1 / b=2) (body (pass)))");
    assert_module("def f(a: int, *b: str, **c: 'x'): pass\n",
                  "(def f (a:int *b:str **c:'x') (body (pass)))");
    assert_module("@dec\ndef f(): pass\n", "(def @dec f () (body (pass)))");
    assert_module("async def f():\n  await x\n  async for a in b: pass\n  async with c: pass\n",
                  "(async-def f () (body (await x) (async-for a!s b (body (pass))) "
                  "(async-with (c) (body (pass)))))");
    assert_module("def g():\n  x = yield 1\n", "(def g () (body (= x!s (yield 1))))");
    /* FunctionDef location starts at 'def', not at the decorator */
    TnArena *arena;
    TnMod *m = parse("@dec\ndef f(a, b=1):\n    pass\n", TN_MODE_FILE, &arena);
    assert_non_null(m);
    TnStmt *s = m->body->items[0];
    assert_loc(s->loc, 2, 0, 3, 8);
    TnArg *a = s->v.functiondef.args->args->items[1];
    assert_loc(a->loc, 2, 9, 2, 10);
    tn_arena_free(arena);
}

static void test_match(void **state)
{
    (void)state;
    assert_module("match x:\n"
                  "  case 1 | -2 | 'a': pass\n"
                  "  case None: pass\n"
                  "  case [a, *rest]: pass\n"
                  "  case (b, _): pass\n"
                  "  case {'k': v, **kw}: pass\n"
                  "  case Point(x=0, y=yy) as p: pass\n"
                  "  case C(1, a.b): pass\n"
                  "  case _ if cond: pass\n",
                  "(match x "
                  "(case (or (value 1) (value (neg 2)) (value 'a')) (pass)) "
                  "(case (single None) (pass)) "
                  "(case (seq (as _ a) (star rest)) (pass)) "
                  "(case (seq (as _ b) (as _ _)) (pass)) "
                  "(case (map 'k':(as _ v) **kw) (pass)) "
                  "(case (as (class Point x=(value 0) y=(as _ yy)) p) (pass)) "
                  "(case (class C (value 1) (value (. a b))) (pass)) "
                  "(case (as _ _) if cond (pass)))");
    assert_module("match a, b:\n  case x, y: pass\n",
                  "(match (tuple a b) (case (seq (as _ x) (as _ y)) (pass)))");
    /* soft keywords stay usable as names */
    assert_module("match = case = _ = 1\nmatch(x)\nprint(match, case, _)\n",
                  "(= match!s case!s _!s 1) (call match x) (call print match case _)");
}

static void test_locations(void **state)
{
    (void)state;
    TnArena *arena;
    TnMod *m = parse("x = a.b[1:2, ::3] + f(*args, k=v, **kw)\n", TN_MODE_FILE, &arena);
    assert_non_null(m);
    TnStmt *s = m->body->items[0];
    assert_loc(s->loc, 1, 0, 1, 39);
    TnExpr *bin = s->v.assign.value;
    TnExpr *sub = bin->v.binop.left;
    assert_loc(sub->loc, 1, 4, 1, 17);
    TnExpr *tup = sub->v.subscript.slice;
    assert_loc(((TnExpr *)tup->v.tuple.elts->items[0])->loc, 1, 8, 1, 11);
    assert_loc(((TnExpr *)tup->v.tuple.elts->items[1])->loc, 1, 13, 1, 16);
    TnExpr *call = bin->v.binop.right;
    assert_loc(call->loc, 1, 20, 1, 39);
    assert_loc(((TnExpr *)call->v.call.args->items[0])->loc, 1, 22, 1, 27);
    assert_loc(((TnKeyword *)call->v.call.keywords->items[0])->loc, 1, 29, 1, 32);
    assert_loc(((TnKeyword *)call->v.call.keywords->items[1])->loc, 1, 34, 1, 38);
    tn_arena_free(arena);
    /* columns are UTF-8 byte offsets */
    m = parse("s = '\xC3\xA9' + x\n", TN_MODE_FILE, &arena);
    assert_non_null(m);
    s = m->body->items[0];
    assert_loc(s->v.assign.value->v.binop.right->loc, 1, 11, 1, 12);
    tn_arena_free(arena);
    /* multi-line statement */
    m = parse("if a:\n    b = (1,\n         2)\n", TN_MODE_FILE, &arena);
    assert_non_null(m);
    s = m->body->items[0];
    assert_loc(s->loc, 1, 0, 3, 11);
    tn_arena_free(arena);
}

static void test_modes(void **state)
{
    (void)state;
    TnArena *arena;
    TnMod *m = parse("1 + 2\n\n", TN_MODE_EVAL, &arena);
    assert_non_null(m);
    assert_int_equal(m->kind, TN_MODE_EVAL);
    assert_int_equal(m->expr->kind, TN_EXPR_BINOP);
    tn_arena_free(arena);
    m = parse("x = 1\n", TN_MODE_EVAL, &arena);
    assert_null(m);
    TnObject *exc = tn_err_fetch();
    assert_string_equal(tn_type(exc)->name, "SyntaxError");
    tn_decref(exc);
    tn_arena_free(arena);
    m = parse("if x:\n  y\n", TN_MODE_SINGLE, &arena);
    assert_non_null(m);
    assert_int_equal(m->kind, TN_MODE_SINGLE);
    assert_int_equal(tn_ast_seq_len(m->body), 1);
    tn_arena_free(arena);
    m = parse("x = 1\ny = 2\n", TN_MODE_SINGLE, &arena);
    assert_null(m);
    exc = tn_err_fetch();
    assert_string_equal(tn_str_utf8(((TnSyntaxErrorObject *)exc)->msg, NULL),
                        "multiple statements found while compiling a single statement");
    tn_decref(exc);
    tn_arena_free(arena);
}

/* ---- errors --------------------------------------------------------------- */

static const ErrCase error_cases[] = {
    {"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"x = (1,\ny = 2\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"x = )\n", "SyntaxError", "unmatched ')'", 1, 5, 1, 5},
    {"x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1, 6},
    {"x = (\n]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1, 2, 1},
    {"s = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"s = '''abc\nfoo\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
    {"if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 3, -1},
    {"if x:\nb\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 2, 2},
    {"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6, 1, -1},
    {"  x\n", "IndentationError", "unexpected indent", 1, 2, 1, -1},
    {"x = 08\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 1, 6},
    {"x = 1a\n", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5},
    {"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6},
    {"x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6, 1, 6},
    {"x = 0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 7, 1, 7},
    {"print 'x'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 10},
    {"print x\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 8},
    {"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2},
    {"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 1, 4},
    {"x + 1 = 2\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 1, 6},
    {"a = 1 = 2\n", "SyntaxError", "cannot assign to literal", 1, 5, 1, 6},
    {"(a, 1) = x\n", "SyntaxError", "cannot assign to literal", 1, 5, 1, 6},
    {"x = (1 2)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9},
    {"f(a b)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6},
    {"f(c b)\n", "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {"if x\n  pass\n", "SyntaxError", "expected ':'", 1, 5, 1, 5},
    {"while x\n  pass\n", "SyntaxError", "expected ':'", 1, 8, 1, 8},
    {"for x in y\n  pass\n", "SyntaxError", "expected ':'", 1, 11, 1, 11},
    {"def f()\n  pass\n", "SyntaxError", "expected ':'", 1, 8, 1, 8},
    {"class A\n  pass\n", "SyntaxError", "expected ':'", 1, 8, 1, 8},
    {"def f:\n  pass\n", "SyntaxError", "expected '('", 1, 6, 1, 7},
    {"while x:\npass\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1, 2, 5},
    {"for x in y:\npass\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1, 2, 5},
    {"def f():\npass\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1, 2, 5},
    {"class A:\npass\n", "IndentationError", "expected an indented block after class definition on line 1", 2, 1, 2, 5},
    {"with a:\npass\n", "IndentationError", "expected an indented block after 'with' statement on line 1", 2, 1, 2, 5},
    {"try:\npass\n", "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1, 2, 5},
    {"try:\n  pass\nexcept:\npass\n", "IndentationError", "expected an indented block after 'except' statement on line 3", 4, 1, 4, 5},
    {"try:\n  pass\nfinally:\npass\n", "IndentationError", "expected an indented block after 'finally' statement on line 3", 4, 1, 4, 5},
    {"if x:\n  pass\nelse:\npass\n", "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1, 4, 5},
    {"if x:\n  pass\nelif y:\npass\n", "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1, 4, 5},
    {"try:\n  pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1, 3, 2},
    {"x = $\n", "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8, 1, 8},
    {"x = 1 if 2\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 1, 11},
    {"del f()\n", "SyntaxError", "cannot delete function call", 1, 5, 1, 8},
    {"for 1 in x: pass\n", "SyntaxError", "cannot assign to literal", 1, 5, 1, 6},
    {"f(**x, *y)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8, 1, 9},
    {"f(x for x in y, 1)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3, 1, 15},
    {"f(a=1, b)\n", "SyntaxError", "positional argument follows keyword argument", 1, 9, 1, 10},
    {"True = 1\n", "SyntaxError", "cannot assign to True", 1, 1, 1, 5},
    {"x = yield = 3\n", "SyntaxError", "assignment to yield expression not possible", 1, 5, 1, 10},
    {"a, b: int\n", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1, 1, 2},
    {"f(): int\n", "SyntaxError", "illegal target for annotation", 1, 1, 1, 4},
    {"None += 1\n", "SyntaxError", "'None' is an illegal expression for augmented assignment", 1, 1, 1, 5},
    {"def f(x=1, y): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12, 1, 13},
    {"lambda x=1, y: 0\n", "SyntaxError", "non-default argument follows default argument", 1, 13, 1, 14},
    {"def f(*): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 7, 1, 8},
    {"x = {1: 2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 12, 1, 0},
    {"{1: 2, 3 4}\n", "SyntaxError", "':' expected after dictionary key", 1, 8, 1, 0},
    {"from x import a,\n", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17, 1, 17},
    {"x = 1 \\\\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1, 0},
    {"x = f'{a b}'\n", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
    {"x = f'{}'\n", "SyntaxError", "f-string: empty expression not allowed", 1, 10, 1, 10},
    {"x = f'}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 9, 1, 9},
    {"x = f'{a!x}'\n", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13, 1, 13},
    {"x = '\\x4'\n", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, 1, 10},
    {"if 1:\n\tx = 1\n        y = 2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"x = 1 <> 2\n", "SyntaxError", "invalid syntax", 1, 7, 1, 9},
    {"else:\n", "SyntaxError", "invalid syntax", 1, 1, 1, 5},
    {"match x:\n  case 1 as _: pass\n", "SyntaxError", "cannot use '_' as a target", 2, 13, 2, 14},
    {"f(x=)\n", "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {"import\n", "SyntaxError", "invalid syntax", 1, 7, 1, 7},
    {"x = (\n", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"a[1:2:3:4]\n", "SyntaxError", "invalid syntax", 1, 8, 1, 9},
    {"x = [1, 2 3]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9, 1, 12},
    {"break = 1\n", "SyntaxError", "invalid syntax", 1, 7, 1, 8},
    {"x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8, 1, -1},
    /* tokenizer errors later in the file take priority over generic ones */
    {"x = = 1\ny = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5, 2, 5},
};

static void test_syntax_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++)
        check_error(&error_cases[i]);
}

static void test_bytes_literal_errors(void **state)
{
    (void)state;
    static const ErrCase cases[] = {
        {"x = b'a' 'b'\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13, 1, 13},
        {"x = b'\\x1'\n", "SyntaxError", "(value error) invalid \\x escape at position 0", 1, 11, 1, 11},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_error(&cases[i]);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    /* more than 200 levels of brackets: the tokenizer's limit */
    char src[1024];
    memset(src, '(', 201);
    memset(src + 201, ')', 201);
    src[402] = '\0';
    TnArena *arena;
    TnMod *m = parse(src, TN_MODE_FILE, &arena);
    assert_null(m);
    TnObject *exc = tn_err_fetch();
    assert_string_equal(tn_str_utf8(((TnSyntaxErrorObject *)exc)->msg, NULL),
                        "too many nested parentheses");
    tn_decref(exc);
    tn_arena_free(arena);
    /* 200 levels parse */
    memset(src, '(', 200);
    src[200] = '1';
    memset(src + 201, ')', 200);
    src[401] = '\0';
    m = parse(src, TN_MODE_FILE, &arena);
    assert_non_null(m);
    tn_arena_free(arena);
    /* thousands of unary operators: a clean RecursionError, no crash */
    static char deep[9000];
    memset(deep, '-', 8000);
    deep[8000] = '1';
    deep[8001] = '\0';
    m = parse(deep, TN_MODE_FILE, &arena);
    assert_null(m);
    exc = tn_err_fetch();
    assert_string_equal(tn_type(exc)->name, "RecursionError");
    tn_decref(exc);
    tn_arena_free(arena);
}

int main(void)
{
    if (tn_runtime_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_atoms),
        cmocka_unit_test(test_calls_and_subscripts),
        cmocka_unit_test(test_comprehensions),
        cmocka_unit_test(test_lambda),
        cmocka_unit_test(test_fstrings),
        cmocka_unit_test(test_assignments),
        cmocka_unit_test(test_simple_statements),
        cmocka_unit_test(test_compound_statements),
        cmocka_unit_test(test_functions),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_locations),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_bytes_literal_errors),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
