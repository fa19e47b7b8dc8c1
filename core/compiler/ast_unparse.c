/* core/compiler/ast_unparse.c — an expression AST back to source text.
 *
 * `from __future__ import annotations` stores every annotation as the
 * string CPython 3.11's Python/ast_unparse.c produces: the expression
 * re-printed with the minimal parentheses its operator precedence needs
 * and CPython's spacing (" + ", ", ", "lambda x: ...", f-strings rebuilt
 * and then repr()'d).  Only expressions are unparsed.
 */
#include "core/tn.h"
#include "core/compiler/ast_unparse.h"
#include "core/objects/complex.h"

/* Operator precedence, loosest first (CPython's ast_unparse.c order). */
enum {
    PR_TUPLE,
    PR_TEST,    /* if-else, lambda */
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,
    PR_POWER,
    PR_AWAIT,
    PR_ATOM
};

typedef TnStrWriter W;

#define TN_TRY(x) do { if ((x) < 0) return -1; } while (0)

static int unparse(W *w, TnExpr *e, int level);

#define PUT(s) do { if (tn_strw_puts(w, (s)) < 0) return -1; } while (0)
#define PUT_IF(cond, s) do { if ((cond) && tn_strw_puts(w, (s)) < 0) return -1; } while (0)
#define EXPR(e, lv) do { if (unparse(w, (e), (lv)) < 0) return -1; } while (0)

/* A float or complex repr with infinities spelled as the literal 1e309
 * (which is what evaluates back to inf). */
static int put_number_repr(W *w, TnObject *v)
{
    TnObject *r = tn_object_repr(v);
    if (r == NULL)
        return -1;
    tn_ssize_t n;
    const char *s = tn_str_utf8(r, &n);
    int res = s != NULL ? 0 : -1;
    for (tn_ssize_t i = 0; res == 0 && i < n; i++) {
        if (i + 3 <= n && s[i] == 'i' && s[i + 1] == 'n' && s[i + 2] == 'f') {
            res = tn_strw_puts(w, "1e309");
            i += 2;
        } else {
            res = tn_strw_putc(w, (unsigned char)s[i]);
        }
    }
    tn_decref(r);
    return res;
}

static int put_constant(W *w, TnExpr *e)
{
    TnObject *v = e->v.constant.value;
    if (v == TN_ELLIPSIS)
        return tn_strw_puts(w, "...");
    if (tn_float_check(v) || tn_complex_check(v))
        return put_number_repr(w, v);
    if (e->v.constant.kind != NULL)
        PUT("u");
    return tn_strw_put_repr(w, v);
}

static int put_seq(W *w, TnAstSeq *elts, int level)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(elts); i++) {
        PUT_IF(i > 0, ", ");
        EXPR(TN_SEQ_GET(elts, i), level);
    }
    return 0;
}

static int put_tuple(W *w, TnExpr *e, int level)
{
    tn_ssize_t n = tn_ast_seq_len(e->v.tuple.elts);
    if (n == 0)
        return tn_strw_puts(w, "()");
    PUT_IF(level > PR_TUPLE, "(");
    TN_TRY(put_seq(w, e->v.tuple.elts, PR_TEST));
    PUT_IF(n == 1, ",");
    PUT_IF(level > PR_TUPLE, ")");
    return 0;
}

static int put_comprehensions(W *w, TnAstSeq *gens)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(gens); i++) {
        TnComprehension *g = TN_SEQ_GET(gens, i);
        PUT(g->is_async ? " async for " : " for ");
        EXPR(g->target, PR_TUPLE);
        PUT(" in ");
        EXPR(g->iter, PR_TEST + 1);
        for (tn_ssize_t j = 0; j < tn_ast_seq_len(g->ifs); j++) {
            PUT(" if ");
            EXPR(TN_SEQ_GET(g->ifs, j), PR_TEST + 1);
        }
    }
    return 0;
}

static int put_comp(W *w, const char *open, TnExpr *elt, TnAstSeq *gens, const char *close)
{
    PUT(open);
    EXPR(elt, PR_TEST);
    TN_TRY(put_comprehensions(w, gens));
    PUT(close);
    return 0;
}

static int put_arg(W *w, TnArg *a)
{
    TN_TRY(tn_strw_put_str(w, a->arg));
    if (a->annotation != NULL) {
        PUT(": ");
        EXPR(a->annotation, PR_TEST);
    }
    return 0;
}

static int put_arguments(W *w, TnArguments *args)
{
    bool first = true;
    tn_ssize_t npos = tn_ast_seq_len(args->posonlyargs), nargs = tn_ast_seq_len(args->args);
    tn_ssize_t ndef = tn_ast_seq_len(args->defaults);
    for (tn_ssize_t i = 0; i < npos + nargs; i++) {
        PUT_IF(!first, ", ");
        first = false;
        TN_TRY(put_arg(w, TN_SEQ_GET(i < npos ? args->posonlyargs : args->args, i < npos ? i : i - npos)));
        tn_ssize_t di = i - npos - nargs + ndef;
        if (di >= 0) {
            PUT("=");
            EXPR(TN_SEQ_GET(args->defaults, di), PR_TEST);
        }
        PUT_IF(npos > 0 && i + 1 == npos, ", /");
    }
    tn_ssize_t nkw = tn_ast_seq_len(args->kwonlyargs);
    if (args->vararg != NULL || nkw > 0) {
        PUT_IF(!first, ", ");
        first = false;
        PUT("*");
        if (args->vararg != NULL)
            TN_TRY(put_arg(w, args->vararg));
    }
    for (tn_ssize_t i = 0; i < nkw; i++) {
        PUT_IF(!first, ", ");
        first = false;
        TN_TRY(put_arg(w, TN_SEQ_GET(args->kwonlyargs, i)));
        TnExpr *d = TN_SEQ_GET(args->kw_defaults, i);
        if (d != NULL) {
            PUT("=");
            EXPR(d, PR_TEST);
        }
    }
    if (args->kwarg != NULL) {
        PUT_IF(!first, ", ");
        PUT("**");
        TN_TRY(put_arg(w, args->kwarg));
    }
    return 0;
}

static int put_lambda(W *w, TnExpr *e, int level)
{
    TnArguments *a = e->v.lambda.args;
    bool any = a != NULL && (tn_ast_seq_len(a->posonlyargs) + tn_ast_seq_len(a->args) > 0
                             || a->vararg != NULL || a->kwarg != NULL || tn_ast_seq_len(a->kwonlyargs) > 0);
    PUT_IF(level > PR_TEST, "(");
    PUT(any ? "lambda " : "lambda");
    if (a != NULL)
        TN_TRY(put_arguments(w, a));
    PUT(": ");
    EXPR(e->v.lambda.body, PR_TEST);
    PUT_IF(level > PR_TEST, ")");
    return 0;
}

static const char *binop_text(TnOperator op, int *pr)
{
    switch (op) {
    case TN_OP_ADD: *pr = PR_ARITH; return " + ";
    case TN_OP_SUB: *pr = PR_ARITH; return " - ";
    case TN_OP_MULT: *pr = PR_TERM; return " * ";
    case TN_OP_MATMUL: *pr = PR_TERM; return " @ ";
    case TN_OP_DIV: *pr = PR_TERM; return " / ";
    case TN_OP_MOD: *pr = PR_TERM; return " % ";
    case TN_OP_FLOORDIV: *pr = PR_TERM; return " // ";
    case TN_OP_LSHIFT: *pr = PR_SHIFT; return " << ";
    case TN_OP_RSHIFT: *pr = PR_SHIFT; return " >> ";
    case TN_OP_BITOR: *pr = PR_BOR; return " | ";
    case TN_OP_BITXOR: *pr = PR_BXOR; return " ^ ";
    case TN_OP_BITAND: *pr = PR_BAND; return " & ";
    case TN_OP_POW: *pr = PR_POWER; return " ** ";
    }
    *pr = PR_ATOM;
    return " ? ";
}

static int put_binop(W *w, TnExpr *e, int level)
{
    int pr;
    const char *op = binop_text(e->v.binop.op, &pr);
    int rassoc = e->v.binop.op == TN_OP_POW;   /* ** groups to the right */
    PUT_IF(level > pr, "(");
    EXPR(e->v.binop.left, pr + rassoc);
    PUT(op);
    EXPR(e->v.binop.right, pr + !rassoc);
    PUT_IF(level > pr, ")");
    return 0;
}

static int put_unaryop(W *w, TnExpr *e, int level)
{
    const char *op = "~";
    int pr = PR_FACTOR;
    switch (e->v.unaryop.op) {
    case TN_UOP_INVERT: op = "~"; break;
    case TN_UOP_NOT: op = "not "; pr = PR_NOT; break;
    case TN_UOP_UADD: op = "+"; break;
    case TN_UOP_USUB: op = "-"; break;
    }
    PUT_IF(level > pr, "(");
    PUT(op);
    EXPR(e->v.unaryop.operand, pr);
    PUT_IF(level > pr, ")");
    return 0;
}

static int put_compare(W *w, TnExpr *e, int level)
{
    static const char *const ops[] = {
        [TN_CMP_EQ] = " == ", [TN_CMP_NOTEQ] = " != ", [TN_CMP_LT] = " < ",
        [TN_CMP_LTE] = " <= ", [TN_CMP_GT] = " > ", [TN_CMP_GTE] = " >= ",
        [TN_CMP_IS] = " is ", [TN_CMP_ISNOT] = " is not ", [TN_CMP_IN] = " in ",
        [TN_CMP_NOTIN] = " not in ",
    };
    PUT_IF(level > PR_CMP, "(");
    EXPR(e->v.compare.left, PR_CMP + 1);
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.compare.comparators); i++) {
        PUT(ops[e->v.compare.ops[i]]);
        EXPR(TN_SEQ_GET(e->v.compare.comparators, i), PR_CMP + 1);
    }
    PUT_IF(level > PR_CMP, ")");
    return 0;
}

static int put_call(W *w, TnExpr *e)
{
    TnAstSeq *args = e->v.call.args, *kws = e->v.call.keywords;
    EXPR(e->v.call.func, PR_ATOM);
    if (tn_ast_seq_len(args) == 1 && tn_ast_seq_len(kws) == 0) {
        TnExpr *only = TN_SEQ_GET(args, 0);
        if (only->kind == TN_EXPR_GENERATOREXP)   /* f(x for x in y): no extra parentheses */
            return unparse(w, only, PR_TEST);
    }
    PUT("(");
    TN_TRY(put_seq(w, args, PR_TEST));
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(kws); i++) {
        TnKeyword *k = TN_SEQ_GET(kws, i);
        PUT_IF(i > 0 || tn_ast_seq_len(args) > 0, ", ");
        if (k->arg == NULL) {
            PUT("**");
        } else {
            TN_TRY(tn_strw_put_str(w, k->arg));
            PUT("=");
        }
        EXPR(k->value, PR_TEST);
    }
    PUT(")");
    return 0;
}

static int put_dict(W *w, TnExpr *e)
{
    PUT("{");
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.dict.values); i++) {
        PUT_IF(i > 0, ", ");
        TnExpr *k = TN_SEQ_GET(e->v.dict.keys, i);
        if (k != NULL) {
            EXPR(k, PR_TEST);
            PUT(": ");
            EXPR(TN_SEQ_GET(e->v.dict.values, i), PR_TEST);
        } else {
            PUT("**");
            EXPR(TN_SEQ_GET(e->v.dict.values, i), PR_EXPR);
        }
    }
    PUT("}");
    return 0;
}

static int put_slice(W *w, TnExpr *e)
{
    if (e->v.slice.lower != NULL)
        EXPR(e->v.slice.lower, PR_TEST);
    PUT(":");
    if (e->v.slice.upper != NULL)
        EXPR(e->v.slice.upper, PR_TEST);
    if (e->v.slice.step != NULL) {
        PUT(":");
        EXPR(e->v.slice.step, PR_TEST);
    }
    return 0;
}

static int put_attribute(W *w, TnExpr *e)
{
    TnExpr *v = e->v.attribute.value;
    EXPR(v, PR_ATOM);
    /* `1 .real`: an int literal needs a space before the dot. */
    bool int_literal = v->kind == TN_EXPR_CONSTANT && tn_int_check_exact(v->v.constant.value);
    PUT(int_literal ? " ." : ".");
    return tn_strw_put_str(w, e->v.attribute.attr);
}

/* ---- f-strings: the body is rebuilt, then written as f + repr(body) ---- */

static int put_fstring_element(W *w, TnExpr *e, bool is_format_spec);

/* A literal part: braces doubled. */
static int put_fstring_literal(W *w, TnObject *s)
{
    tn_ssize_t n = tn_str_length(s);
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t cp = tn_str_read(s, i);
        if (tn_strw_putc(w, cp) < 0 || ((cp == '{' || cp == '}') && tn_strw_putc(w, cp) < 0))
            return -1;
    }
    return 0;
}

static int put_formatted_value(W *w, TnExpr *e)
{
    W inner;
    tn_strw_init(&inner);
    /* Parenthesize a lambda (its ':' would start the format spec). */
    if (unparse(&inner, e->v.formattedvalue.value, PR_TEST + 1) < 0) {
        tn_strw_discard(&inner);
        return -1;
    }
    TnObject *text = tn_strw_finish(&inner);
    if (text == NULL)
        return -1;
    bool brace_first = tn_str_length(text) > 0 && tn_str_read(text, 0) == '{';
    int r = tn_strw_puts(w, brace_first ? "{ " : "{");
    if (r == 0)
        r = tn_strw_put_str(w, text);
    tn_decref(text);
    TN_TRY(r);
    switch (e->v.formattedvalue.conversion) {
    case 'a': PUT("!a"); break;
    case 'r': PUT("!r"); break;
    case 's': PUT("!s"); break;
    default: break;
    }
    if (e->v.formattedvalue.format_spec != NULL) {
        PUT(":");
        TN_TRY(put_fstring_element(w, e->v.formattedvalue.format_spec, true));
    }
    PUT("}");
    return 0;
}

static int put_fstring_body(W *w, TnAstSeq *values, bool is_format_spec)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(values); i++)
        TN_TRY(put_fstring_element(w, TN_SEQ_GET(values, i), is_format_spec));
    return 0;
}

static int put_joinedstr(W *w, TnExpr *e, bool is_format_spec)
{
    if (is_format_spec)
        return put_fstring_body(w, e->v.joinedstr.values, true);
    W body;
    tn_strw_init(&body);
    if (put_fstring_body(&body, e->v.joinedstr.values, false) < 0) {
        tn_strw_discard(&body);
        return -1;
    }
    TnObject *s = tn_strw_finish(&body);
    if (s == NULL)
        return -1;
    int r = tn_strw_puts(w, "f");
    if (r == 0)
        r = tn_strw_put_repr(w, s);
    tn_decref(s);
    return r;
}

static int put_fstring_element(W *w, TnExpr *e, bool is_format_spec)
{
    switch (e->kind) {
    case TN_EXPR_CONSTANT:
        return put_fstring_literal(w, e->v.constant.value);
    case TN_EXPR_JOINEDSTR:
        return put_joinedstr(w, e, is_format_spec);
    case TN_EXPR_FORMATTEDVALUE:
        return put_formatted_value(w, e);
    default:
        tn_err_set_str(&tn_exc_SystemError, "unknown expression kind inside f-string");
        return -1;
    }
}

/* ---- dispatch ---------------------------------------------------------- */

static int unparse_inner(W *w, TnExpr *e, int level)
{
    switch (e->kind) {
    case TN_EXPR_BOOLOP: {
        int pr = e->v.boolop.op == TN_BOOL_AND ? PR_AND : PR_OR;
        PUT_IF(level > pr, "(");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.boolop.values); i++) {
            PUT_IF(i > 0, pr == PR_AND ? " and " : " or ");
            EXPR(TN_SEQ_GET(e->v.boolop.values, i), pr + 1);
        }
        PUT_IF(level > pr, ")");
        return 0;
    }
    case TN_EXPR_NAMEDEXPR:
        PUT_IF(level > PR_TUPLE, "(");
        EXPR(e->v.namedexpr.target, PR_ATOM);
        PUT(" := ");
        EXPR(e->v.namedexpr.value, PR_ATOM);
        PUT_IF(level > PR_TUPLE, ")");
        return 0;
    case TN_EXPR_BINOP:
        return put_binop(w, e, level);
    case TN_EXPR_UNARYOP:
        return put_unaryop(w, e, level);
    case TN_EXPR_LAMBDA:
        return put_lambda(w, e, level);
    case TN_EXPR_IFEXP:
        PUT_IF(level > PR_TEST, "(");
        EXPR(e->v.ifexp.body, PR_TEST + 1);
        PUT(" if ");
        EXPR(e->v.ifexp.test, PR_TEST + 1);
        PUT(" else ");
        EXPR(e->v.ifexp.orelse, PR_TEST);
        PUT_IF(level > PR_TEST, ")");
        return 0;
    case TN_EXPR_DICT:
        return put_dict(w, e);
    case TN_EXPR_SET:
        PUT("{");
        TN_TRY(put_seq(w, e->v.set.elts, PR_TEST));
        PUT("}");
        return 0;
    case TN_EXPR_LISTCOMP:
        return put_comp(w, "[", e->v.comp.elt, e->v.comp.generators, "]");
    case TN_EXPR_SETCOMP:
        return put_comp(w, "{", e->v.comp.elt, e->v.comp.generators, "}");
    case TN_EXPR_GENERATOREXP:
        return put_comp(w, "(", e->v.comp.elt, e->v.comp.generators, ")");
    case TN_EXPR_DICTCOMP:
        PUT("{");
        EXPR(e->v.dictcomp.key, PR_TEST);
        PUT(": ");
        EXPR(e->v.dictcomp.value, PR_TEST);
        TN_TRY(put_comprehensions(w, e->v.dictcomp.generators));
        PUT("}");
        return 0;
    case TN_EXPR_AWAIT:
        PUT_IF(level > PR_AWAIT, "(");
        PUT("await ");
        EXPR(e->v.await_.value, PR_ATOM);
        PUT_IF(level > PR_AWAIT, ")");
        return 0;
    case TN_EXPR_YIELD:
        if (e->v.yield.value == NULL)
            return tn_strw_puts(w, "(yield)");
        PUT("(yield ");
        EXPR(e->v.yield.value, PR_TEST);
        PUT(")");
        return 0;
    case TN_EXPR_YIELDFROM:
        PUT("(yield from ");
        EXPR(e->v.yieldfrom.value, PR_TEST);
        PUT(")");
        return 0;
    case TN_EXPR_COMPARE:
        return put_compare(w, e, level);
    case TN_EXPR_CALL:
        return put_call(w, e);
    case TN_EXPR_CONSTANT:
        return put_constant(w, e);
    case TN_EXPR_JOINEDSTR:
        return put_joinedstr(w, e, false);
    case TN_EXPR_FORMATTEDVALUE:
        return put_formatted_value(w, e);
    case TN_EXPR_ATTRIBUTE:
        return put_attribute(w, e);
    case TN_EXPR_SUBSCRIPT:
        EXPR(e->v.subscript.value, PR_ATOM);
        PUT("[");
        EXPR(e->v.subscript.slice, PR_TUPLE);
        PUT("]");
        return 0;
    case TN_EXPR_STARRED:
        PUT("*");
        EXPR(e->v.starred.value, PR_EXPR);
        return 0;
    case TN_EXPR_NAME:
        return tn_strw_put_str(w, e->v.name.id);
    case TN_EXPR_LIST:
        PUT("[");
        TN_TRY(put_seq(w, e->v.list.elts, PR_TEST));
        PUT("]");
        return 0;
    case TN_EXPR_TUPLE:
        return put_tuple(w, e, level);
    case TN_EXPR_SLICE:
        return put_slice(w, e);
    }
    tn_err_set_str(&tn_exc_SystemError, "unknown expression kind");
    return -1;
}

static int unparse(W *w, TnExpr *e, int level)
{
    if (tn_enter_recursive_call(" during ast unparsing") < 0)
        return -1;
    int r = unparse_inner(w, e, level);
    tn_leave_recursive_call();
    return r;
}

TnObject *tn_ast_unparse_expr(TnExpr *e)
{
    W w;
    tn_strw_init(&w);
    if (unparse(&w, e, PR_TEST) < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}
