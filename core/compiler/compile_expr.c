/* core/compiler/compile_expr.c — compiling expressions (see compile.c for
 * the bytecode patterns). */
#include <string.h>
#include "core/compiler/ast_unparse.h"
#include "core/compiler/compile_internal.h"

/* ==================================================================== */
/* Constant folding (what CPython's AST optimizer does for us)           */
/* ==================================================================== */

/* The value of e if it is a constant expression: a Constant, a negated int
 * or float constant, or a tuple display of those.  1 with *out = new
 * reference, 0 if not constant, -1 on error. */
static int fold_const(TnExpr *e, TnObject **out)
{
    switch (e->kind) {
    case TN_EXPR_CONSTANT:
        *out = tn_newref(e->v.constant.value);
        return 1;
    case TN_EXPR_UNARYOP: {
        TnExpr *op = e->v.unaryop.operand;
        if (e->v.unaryop.op != TN_UOP_USUB || op->kind != TN_EXPR_CONSTANT)
            return 0;
        TnObject *v = op->v.constant.value;
        if (tn_int_check_exact(v)) {
            int overflow = 0;
            int64_t x = tn_int_as_i64(v, &overflow);
            if (overflow || x == INT64_MIN)
                return 0;
            *out = tn_int_from_i64(-x);
        } else if (tn_float_check_exact(v)) {
            *out = tn_float_from_double(-tn_float_value(v));
        } else {
            return 0;
        }
        return *out ? 1 : -1;
    }
    case TN_EXPR_TUPLE: {
        if (e->v.tuple.ctx != TN_CTX_LOAD)
            return 0;
        tn_ssize_t n = tn_ast_seq_len(e->v.tuple.elts);
        TnObject *t = tn_tuple_new(n);
        if (t == NULL)
            return -1;
        for (tn_ssize_t i = 0; i < n; i++) {
            TnObject *item;
            int r = fold_const(TN_SEQ_GET(e->v.tuple.elts, i), &item);
            if (r <= 0) {
                for (tn_ssize_t j = i; j < n; j++)
                    tn_tuple_set_steal(t, j, tn_newref(TN_NONE));
                tn_decref(t);
                return r;
            }
            tn_tuple_set_steal(t, i, item);
        }
        *out = t;
        return 1;
    }
    default:
        return 0;
    }
}

/* Fold items [begin, end) of seq into a tuple: 1 (*out), 0 not all constant, -1. */
static int fold_items(TnAstSeq *seq, tn_ssize_t begin, tn_ssize_t end, TnObject **out)
{
    for (tn_ssize_t i = begin; i < end; i++) {
        TnExpr *e = TN_SEQ_GET(seq, i);
        if (e == NULL || (e->kind != TN_EXPR_CONSTANT && e->kind != TN_EXPR_UNARYOP
                          && e->kind != TN_EXPR_TUPLE))
            return 0;
    }
    TnObject *t = tn_tuple_new(end - begin);
    if (t == NULL)
        return -1;
    for (tn_ssize_t i = begin; i < end; i++) {
        TnObject *item;
        int r = fold_const(TN_SEQ_GET(seq, i), &item);
        if (r <= 0) {
            for (tn_ssize_t j = i; j < end; j++)
                tn_tuple_set_steal(t, j - begin, tn_newref(TN_NONE));
            tn_decref(t);
            return r;
        }
        tn_tuple_set_steal(t, i - begin, item);
    }
    *out = t;
    return 1;
}

int tn_comp_const_truth(TnExpr *e)
{
    if (e->kind != TN_EXPR_CONSTANT)
        return -1;
    TnObject *v = e->v.constant.value;
    if (v == TN_TRUE)
        return 1;
    if (v == TN_FALSE || v == TN_NONE)
        return 0;
    if (tn_int_check_exact(v))
        return tn_int_sign(v) != 0;
    return -1;
}

/* ==================================================================== */
/* Helpers                                                               */
/* ==================================================================== */

static int compile_exprs(TnCompiler *c, TnAstSeq *seq)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(seq); i++)
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(seq, i)));
    return 0;
}

static int emit_compare(TnCompiler *c, int op)
{
    switch (op) {
    case TN_CMP_EQ: return tn_comp_emit(c, TN_COMPARE_OP, TN_EQ);
    case TN_CMP_NOTEQ: return tn_comp_emit(c, TN_COMPARE_OP, TN_NE);
    case TN_CMP_LT: return tn_comp_emit(c, TN_COMPARE_OP, TN_LT);
    case TN_CMP_LTE: return tn_comp_emit(c, TN_COMPARE_OP, TN_LE);
    case TN_CMP_GT: return tn_comp_emit(c, TN_COMPARE_OP, TN_GT);
    case TN_CMP_GTE: return tn_comp_emit(c, TN_COMPARE_OP, TN_GE);
    case TN_CMP_IS: return tn_comp_emit(c, TN_IS_OP, 0);
    case TN_CMP_ISNOT: return tn_comp_emit(c, TN_IS_OP, 1);
    case TN_CMP_IN: return tn_comp_emit(c, TN_CONTAINS_OP, 0);
    case TN_CMP_NOTIN: return tn_comp_emit(c, TN_CONTAINS_OP, 1);
    default:
        tn_err_set_str(&tn_exc_SystemError, "compiler: unknown comparison operator");
        return -1;
    }
}

/* A tuple of the given identifiers (borrowed), as a new reference. */
static TnObject *names_to_tuple(TnObject *const *names, tn_ssize_t n)
{
    TnObject *t = tn_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++)
        tn_tuple_set_steal(t, i, tn_newref(names[i]));
    return t;
}

/* ==================================================================== */
/* Compile-time warnings (CPython 3.11's check_compare, check_caller,    */
/* check_subscripter, check_index)                                      */
/* ==================================================================== */

/* Name of the type e certainly evaluates to, or NULL (CPython's infer_type). */
static const char *infer_type(TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_TUPLE: return "tuple";
    case TN_EXPR_LIST: case TN_EXPR_LISTCOMP: return "list";
    case TN_EXPR_DICT: case TN_EXPR_DICTCOMP: return "dict";
    case TN_EXPR_SET: case TN_EXPR_SETCOMP: return "set";
    case TN_EXPR_GENERATOREXP: return "generator";
    case TN_EXPR_LAMBDA: return "function";
    case TN_EXPR_JOINEDSTR: case TN_EXPR_FORMATTEDVALUE: return "str";
    case TN_EXPR_CONSTANT: return tn_type(e->v.constant.value)->name;
    default: return NULL;
    }
}

/* Operands of `is` other than None/True/False/... and non-constants. */
static bool is_literal_operand(TnExpr *e)
{
    if (e->kind != TN_EXPR_CONSTANT)
        return false;
    TnObject *v = e->v.constant.value;
    return !(v == TN_NONE || v == TN_FALSE || v == TN_TRUE || v == TN_ELLIPSIS);
}

static int check_compare(TnCompiler *c, TnExpr *e)
{
    bool left = !is_literal_operand(e->v.compare.left);
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.compare.comparators); i++) {
        int op = e->v.compare.ops[i];
        bool right = !is_literal_operand(TN_SEQ_GET(e->v.compare.comparators, i));
        if ((op == TN_CMP_IS || op == TN_CMP_ISNOT) && (!right || !left))
            tn_comp_warn(c, op == TN_CMP_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                            : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return 0;
}

static void check_caller(TnCompiler *c, TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_CONSTANT: case TN_EXPR_TUPLE: case TN_EXPR_LIST: case TN_EXPR_LISTCOMP:
    case TN_EXPR_DICT: case TN_EXPR_DICTCOMP: case TN_EXPR_SET: case TN_EXPR_SETCOMP:
    case TN_EXPR_GENERATOREXP: case TN_EXPR_JOINEDSTR: case TN_EXPR_FORMATTEDVALUE:
        tn_comp_warn(c, "'%.200s' object is not callable; perhaps you missed a comma?",
                     infer_type(e));
        break;
    default:
        break;
    }
}

static void check_subscripter(TnCompiler *c, TnExpr *e)
{
    if (e->kind == TN_EXPR_CONSTANT) {
        TnObject *v = e->v.constant.value;
        if (!(v == TN_NONE || v == TN_ELLIPSIS || tn_int_check(v) || tn_float_check(v)
              || strcmp(tn_type(v)->name, "complex") == 0))
            return;
    } else if (e->kind != TN_EXPR_SET && e->kind != TN_EXPR_SETCOMP
               && e->kind != TN_EXPR_GENERATOREXP && e->kind != TN_EXPR_LAMBDA) {
        return;
    }
    tn_comp_warn(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                 infer_type(e));
}

static void check_index(TnCompiler *c, TnExpr *e, TnExpr *s)
{
    const char *index_type = infer_type(s);
    if (index_type == NULL || (s->kind == TN_EXPR_CONSTANT && tn_int_check(s->v.constant.value)))
        return;
    if (e->kind == TN_EXPR_CONSTANT) {
        TnObject *v = e->v.constant.value;
        if (!(tn_str_check(v) || tn_tuple_check(v) || strcmp(tn_type(v)->name, "bytes") == 0))
            return;
    } else if (e->kind != TN_EXPR_TUPLE && e->kind != TN_EXPR_LIST && e->kind != TN_EXPR_LISTCOMP
               && e->kind != TN_EXPR_JOINEDSTR && e->kind != TN_EXPR_FORMATTEDVALUE) {
        return;
    }
    tn_comp_warn(c, "%.200s indices must be integers or slices, not %.200s; "
                 "perhaps you missed a comma?", infer_type(e), index_type);
}

/* ==================================================================== */
/* Operators, comparisons, boolean operations                            */
/* ==================================================================== */

static int compile_boolop(TnCompiler *c, TnExpr *e)
{
    int jumpi = e->v.boolop.op == TN_BOOL_AND ? TN_JUMP_IF_FALSE_OR_POP : TN_JUMP_IF_TRUE_OR_POP;
    int end = tn_comp_new_label(c);
    TN_TRY(end);
    TnAstSeq *s = e->v.boolop.values;
    tn_ssize_t n = tn_ast_seq_len(s) - 1;
    for (tn_ssize_t i = 0; i < n; i++) {
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(s, i)));
        TN_TRY(tn_comp_emit_jump(c, jumpi, end));
    }
    TN_TRY(tn_comp_expr(c, TN_SEQ_GET(s, n)));
    tn_comp_bind_label(c, end);
    return 0;
}

static int compile_compare(TnCompiler *c, TnExpr *e)
{
    TnAstSeq *cmps = e->v.compare.comparators;
    tn_ssize_t n = tn_ast_seq_len(cmps) - 1;
    TN_TRY(check_compare(c, e));
    TN_TRY(tn_comp_expr(c, e->v.compare.left));
    if (n == 0) {
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(cmps, 0)));
        return emit_compare(c, e->v.compare.ops[0]);
    }
    int cleanup = tn_comp_new_label(c), end = tn_comp_new_label(c);
    TN_TRY(cleanup);
    TN_TRY(end);
    for (tn_ssize_t i = 0; i < n; i++) {
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(cmps, i)));
        TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        TN_TRY(tn_comp_emit(c, TN_COPY, 2));
        TN_TRY(emit_compare(c, e->v.compare.ops[i]));
        TN_TRY(tn_comp_emit_jump(c, TN_JUMP_IF_FALSE_OR_POP, cleanup));
    }
    TN_TRY(tn_comp_expr(c, TN_SEQ_GET(cmps, n)));
    TN_TRY(emit_compare(c, e->v.compare.ops[n]));
    TN_TRY(tn_comp_emit_goto(c, end));
    tn_comp_bind_label(c, cleanup);
    TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    tn_comp_bind_label(c, end);
    return 0;
}

/* Chained comparison as a condition. */
static int jump_if_chain(TnCompiler *c, TnExpr *e, int label, bool cond)
{
    TnAstSeq *cmps = e->v.compare.comparators;
    tn_ssize_t n = tn_ast_seq_len(cmps) - 1;
    int cleanup = tn_comp_new_label(c), end = tn_comp_new_label(c);
    TN_TRY(cleanup);
    TN_TRY(end);
    TN_TRY(check_compare(c, e));
    TN_TRY(tn_comp_expr(c, e->v.compare.left));
    for (tn_ssize_t i = 0; i < n; i++) {
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(cmps, i)));
        TN_TRY(tn_comp_emit(c, TN_SWAP, 2));
        TN_TRY(tn_comp_emit(c, TN_COPY, 2));
        TN_TRY(emit_compare(c, e->v.compare.ops[i]));
        TN_TRY(tn_comp_emit_jump(c, TN_POP_JUMP_IF_FALSE, cleanup));
    }
    TN_TRY(tn_comp_expr(c, TN_SEQ_GET(cmps, n)));
    TN_TRY(emit_compare(c, e->v.compare.ops[n]));
    TN_TRY(tn_comp_emit_jump(c, cond ? TN_POP_JUMP_IF_TRUE : TN_POP_JUMP_IF_FALSE, label));
    TN_TRY(tn_comp_emit_goto(c, end));
    tn_comp_bind_label(c, cleanup);
    TN_TRY(tn_comp_emit(c, TN_POP_TOP, 0));
    if (!cond)
        TN_TRY(tn_comp_emit_goto(c, label));
    tn_comp_bind_label(c, end);
    return 0;
}

static bool is_none_const(TnExpr *e)
{
    return e->kind == TN_EXPR_CONSTANT && e->v.constant.value == TN_NONE;
}

static int jump_if_inner(TnCompiler *c, TnExpr *e, int label, bool cond)
{
    switch (e->kind) {
    case TN_EXPR_UNARYOP:
        if (e->v.unaryop.op == TN_UOP_NOT)
            return tn_comp_jump_if(c, e->v.unaryop.operand, label, !cond);
        break;
    case TN_EXPR_BOOLOP: {
        TnAstSeq *s = e->v.boolop.values;
        tn_ssize_t n = tn_ast_seq_len(s) - 1;
        bool cond2 = e->v.boolop.op == TN_BOOL_OR;
        int next2 = label;
        if (cond2 != cond) {
            next2 = tn_comp_new_label(c);
            TN_TRY(next2);
        }
        for (tn_ssize_t i = 0; i < n; i++)
            TN_TRY(tn_comp_jump_if(c, TN_SEQ_GET(s, i), next2, cond2));
        TN_TRY(tn_comp_jump_if(c, TN_SEQ_GET(s, n), label, cond));
        if (next2 != label)
            tn_comp_bind_label(c, next2);
        return 0;
    }
    case TN_EXPR_IFEXP: {
        int end = tn_comp_new_label(c), next2 = tn_comp_new_label(c);
        TN_TRY(end);
        TN_TRY(next2);
        TN_TRY(tn_comp_jump_if(c, e->v.ifexp.test, next2, false));
        TN_TRY(tn_comp_jump_if(c, e->v.ifexp.body, label, cond));
        TN_TRY(tn_comp_emit_goto(c, end));
        tn_comp_bind_label(c, next2);
        TN_TRY(tn_comp_jump_if(c, e->v.ifexp.orelse, label, cond));
        tn_comp_bind_label(c, end);
        return 0;
    }
    case TN_EXPR_COMPARE: {
        TnAstSeq *cmps = e->v.compare.comparators;
        if (tn_ast_seq_len(cmps) > 1)
            return jump_if_chain(c, e, label, cond);
        int op = e->v.compare.ops[0];
        if ((op == TN_CMP_IS || op == TN_CMP_ISNOT) && is_none_const(TN_SEQ_GET(cmps, 0))
            && e->v.compare.left->kind != TN_EXPR_CONSTANT) {
            TN_TRY(tn_comp_expr(c, e->v.compare.left));
            bool jump_on_none = (op == TN_CMP_IS) == cond;
            return tn_comp_emit_jump(c, jump_on_none ? TN_POP_JUMP_IF_NONE
                                                     : TN_POP_JUMP_IF_NOT_NONE, label);
        }
        break;
    }
    default:
        break;
    }
    TN_TRY(tn_comp_expr(c, e));
    return tn_comp_emit_jump(c, cond ? TN_POP_JUMP_IF_TRUE : TN_POP_JUMP_IF_FALSE, label);
}

int tn_comp_jump_if(TnCompiler *c, TnExpr *e, int label, bool cond)
{
    TN_TRY(tn_comp_enter_recursion(c));
    TnAstLoc old = c->u->loc;
    c->u->loc = e->loc;
    int r = jump_if_inner(c, e, label, cond);
    c->u->loc = old;
    tn_comp_leave_recursion(c);
    return r;
}

static int compile_ifexp(TnCompiler *c, TnExpr *e)
{
    int end = tn_comp_new_label(c), next = tn_comp_new_label(c);
    TN_TRY(end);
    TN_TRY(next);
    TN_TRY(tn_comp_jump_if(c, e->v.ifexp.test, next, false));
    TN_TRY(tn_comp_expr(c, e->v.ifexp.body));
    TN_TRY(tn_comp_emit_goto(c, end));
    tn_comp_bind_label(c, next);
    TN_TRY(tn_comp_expr(c, e->v.ifexp.orelse));
    tn_comp_bind_label(c, end);
    return 0;
}

static int compile_unaryop(TnCompiler *c, TnExpr *e)
{
    TnObject *folded;
    int r = fold_const(e, &folded);
    if (r != 0)
        return r < 0 ? -1 : tn_comp_emit_const_steal(c, folded);
    TN_TRY(tn_comp_expr(c, e->v.unaryop.operand));
    switch (e->v.unaryop.op) {
    case TN_UOP_INVERT: return tn_comp_emit(c, TN_UNARY_INVERT, 0);
    case TN_UOP_NOT: return tn_comp_emit(c, TN_UNARY_NOT, 0);
    case TN_UOP_UADD: return tn_comp_emit(c, TN_UNARY_POSITIVE, 0);
    case TN_UOP_USUB: return tn_comp_emit(c, TN_UNARY_NEGATIVE, 0);
    }
    tn_err_set_str(&tn_exc_SystemError, "compiler: unknown unary operator");
    return -1;
}

/* ==================================================================== */
/* Displays                                                              */
/* ==================================================================== */

/* Build a list/set/tuple from elts (which may contain *starred), with
 * `pushed` items already on the stack (CPython's starunpack_helper). */
static int starunpack(TnCompiler *c, TnAstSeq *elts, int pushed, int build, int add,
                      int extend, bool tuple)
{
    tn_ssize_t n = tn_ast_seq_len(elts);
    if (n > 2) {
        TnObject *folded;
        int r = fold_items(elts, 0, n, &folded);
        TN_TRY(r);
        if (r > 0) {
            if (tuple && pushed == 0)
                return tn_comp_emit_const_steal(c, folded);
            if (build == TN_BUILD_SET) {
                /* CPython folds a set display of constants into a frozenset
                 * constant, which fixes the resulting set's iteration order. */
                TnObject *fs = tn_frozenset_from_const_tuple(folded);
                tn_decref(folded);
                if (fs == NULL)
                    return -1;
                folded = fs;
            }
            if (tn_comp_emit(c, build, pushed) < 0) {
                tn_decref(folded);
                return -1;
            }
            TN_TRY(tn_comp_emit_const_steal(c, folded));
            TN_TRY(tn_comp_emit(c, extend, 1));
            return tuple ? tn_comp_emit(c, TN_LIST_TO_TUPLE, 0) : 0;
        }
    }
    bool big = n + pushed > TN_STACK_USE_GUIDELINE;
    bool seen_star = false;
    for (tn_ssize_t i = 0; i < n; i++)
        if (((TnExpr *)TN_SEQ_GET(elts, i))->kind == TN_EXPR_STARRED)
            seen_star = true;
    if (!seen_star && !big) {
        TN_TRY(compile_exprs(c, elts));
        return tn_comp_emit(c, tuple ? TN_BUILD_TUPLE : build, (int)(n + pushed));
    }
    bool built = false;
    if (big) {
        TN_TRY(tn_comp_emit(c, build, pushed));
        built = true;
    }
    for (tn_ssize_t i = 0; i < n; i++) {
        TnExpr *elt = TN_SEQ_GET(elts, i);
        if (elt->kind == TN_EXPR_STARRED) {
            if (!built) {
                TN_TRY(tn_comp_emit(c, build, (int)(i + pushed)));
                built = true;
            }
            TN_TRY(tn_comp_expr(c, elt->v.starred.value));
            TN_TRY(tn_comp_emit(c, extend, 1));
        } else {
            TN_TRY(tn_comp_expr(c, elt));
            if (built)
                TN_TRY(tn_comp_emit(c, add, 1));
        }
    }
    return tuple ? tn_comp_emit(c, TN_LIST_TO_TUPLE, 0) : 0;
}

/* Store into the targets of a tuple/list target: UNPACK_*, then stores. */
static int assignment_helper(TnCompiler *c, TnAstSeq *elts)
{
    tn_ssize_t n = tn_ast_seq_len(elts);
    bool seen_star = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnExpr *elt = TN_SEQ_GET(elts, i);
        if (elt->kind != TN_EXPR_STARRED)
            continue;
        if (seen_star)
            return tn_comp_error(c, "multiple starred expressions in assignment");
        if (i >= (1 << 8) || n - i - 1 >= (1 << 16))
            return tn_comp_error(c, "too many expressions in star-unpacking assignment");
        TN_TRY(tn_comp_emit(c, TN_UNPACK_EX, (int)(i + ((n - i - 1) << 8))));
        seen_star = true;
    }
    if (!seen_star)
        TN_TRY(tn_comp_emit(c, TN_UNPACK_SEQUENCE, (int)n));
    for (tn_ssize_t i = 0; i < n; i++) {
        TnExpr *elt = TN_SEQ_GET(elts, i);
        TN_TRY(tn_comp_expr(c, elt->kind == TN_EXPR_STARRED ? elt->v.starred.value : elt));
    }
    return 0;
}

static int compile_sequence(TnCompiler *c, TnExpr *e, TnAstSeq *elts, TnExprContext ctx,
                            bool tuple)
{
    switch (ctx) {
    case TN_CTX_STORE:
        return assignment_helper(c, elts);
    case TN_CTX_DEL:
        return compile_exprs(c, elts);
    default:
        if (tuple) {
            TnObject *folded;
            int r = fold_const(e, &folded);
            if (r != 0)
                return r < 0 ? -1 : tn_comp_emit_const_steal(c, folded);
        }
        return starunpack(c, elts, 0, TN_BUILD_LIST, TN_LIST_APPEND, TN_LIST_EXTEND, tuple);
    }
}

/* Items [begin, end) of a dict display (no ** among them). */
static int compile_subdict(TnCompiler *c, TnExpr *e, tn_ssize_t begin, tn_ssize_t end)
{
    TnAstSeq *keys = e->v.dict.keys, *values = e->v.dict.values;
    tn_ssize_t n = end - begin;
    bool big = n * 2 > TN_STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        TnObject *folded;
        int r = fold_items(keys, begin, end, &folded);
        TN_TRY(r);
        if (r > 0) {
            for (tn_ssize_t i = begin; i < end; i++) {
                if (tn_comp_expr(c, TN_SEQ_GET(values, i)) < 0) {
                    tn_decref(folded);
                    return -1;
                }
            }
            TN_TRY(tn_comp_emit_const_steal(c, folded));
            return tn_comp_emit(c, TN_BUILD_CONST_KEY_MAP, (int)n);
        }
    }
    if (big)
        TN_TRY(tn_comp_emit(c, TN_BUILD_MAP, 0));
    for (tn_ssize_t i = begin; i < end; i++) {
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(keys, i)));
        TN_TRY(tn_comp_expr(c, TN_SEQ_GET(values, i)));
        if (big)
            TN_TRY(tn_comp_emit(c, TN_MAP_ADD, 1));
    }
    return big ? 0 : tn_comp_emit(c, TN_BUILD_MAP, (int)n);
}

static int compile_dict(TnCompiler *c, TnExpr *e)
{
    tn_ssize_t n = tn_ast_seq_len(e->v.dict.values), elements = 0;
    bool have_dict = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        bool unpacking = TN_SEQ_GET(e->v.dict.keys, i) == NULL;
        if (unpacking) {
            if (elements) {
                TN_TRY(compile_subdict(c, e, i - elements, i));
                if (have_dict)
                    TN_TRY(tn_comp_emit(c, TN_DICT_UPDATE, 1));
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                TN_TRY(tn_comp_emit(c, TN_BUILD_MAP, 0));
                have_dict = true;
            }
            TN_TRY(tn_comp_expr(c, TN_SEQ_GET(e->v.dict.values, i)));
            TN_TRY(tn_comp_emit(c, TN_DICT_UPDATE, 1));
        } else if (elements * 2 > TN_STACK_USE_GUIDELINE) {
            TN_TRY(compile_subdict(c, e, i - elements, i + 1));
            if (have_dict)
                TN_TRY(tn_comp_emit(c, TN_DICT_UPDATE, 1));
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        TN_TRY(compile_subdict(c, e, n - elements, n));
        if (have_dict)
            TN_TRY(tn_comp_emit(c, TN_DICT_UPDATE, 1));
        have_dict = true;
    }
    return have_dict ? 0 : tn_comp_emit(c, TN_BUILD_MAP, 0);
}

static int compile_slice(TnCompiler *c, TnExpr *e)
{
    int n = 2;
    if (e->v.slice.lower)
        TN_TRY(tn_comp_expr(c, e->v.slice.lower));
    else
        TN_TRY(tn_comp_emit_const(c, TN_NONE));
    if (e->v.slice.upper)
        TN_TRY(tn_comp_expr(c, e->v.slice.upper));
    else
        TN_TRY(tn_comp_emit_const(c, TN_NONE));
    if (e->v.slice.step) {
        n++;
        TN_TRY(tn_comp_expr(c, e->v.slice.step));
    }
    return tn_comp_emit(c, TN_BUILD_SLICE, n);
}

/* ==================================================================== */
/* f-strings                                                             */
/* ==================================================================== */

static int compile_joined_str(TnCompiler *c, TnExpr *e)
{
    TnAstSeq *values = e->v.joinedstr.values;
    tn_ssize_t n = tn_ast_seq_len(values);
    if (n > TN_STACK_USE_GUIDELINE) {
        /* ''.join([v1, v2, ...]) */
        TnObject *join = tn_str_intern_cstr("join");
        if (join == NULL || tn_comp_emit_const_steal(c, tn_str_from_cstr("")) < 0)
            return -1;
        TN_TRY(tn_comp_emit_name_bit(c, TN_LOAD_ATTR, join, 1));
        TN_TRY(tn_comp_emit(c, TN_BUILD_LIST, 0));
        for (tn_ssize_t i = 0; i < n; i++) {
            TN_TRY(tn_comp_expr(c, TN_SEQ_GET(values, i)));
            TN_TRY(tn_comp_emit(c, TN_LIST_APPEND, 1));
        }
        return tn_comp_emit(c, TN_CALL, 1);
    }
    TN_TRY(compile_exprs(c, values));
    return n == 1 ? 0 : tn_comp_emit(c, TN_BUILD_STRING, (int)n);
}

static int compile_formatted_value(TnCompiler *c, TnExpr *e)
{
    int oparg;
    TN_TRY(tn_comp_expr(c, e->v.formattedvalue.value));
    switch (e->v.formattedvalue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    case -1: oparg = 0; break;
    default:
        tn_err_format(&tn_exc_SystemError, "Unrecognized conversion character %d",
                      e->v.formattedvalue.conversion);
        return -1;
    }
    if (e->v.formattedvalue.format_spec) {
        TN_TRY(tn_comp_expr(c, e->v.formattedvalue.format_spec));
        oparg |= 4;
    }
    return tn_comp_emit(c, TN_FORMAT_VALUE, oparg);
}

/* ==================================================================== */
/* Calls                                                                 */
/* ==================================================================== */

static int validate_keywords(TnCompiler *c, TnAstSeq *keywords)
{
    tn_ssize_t n = tn_ast_seq_len(keywords);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnKeyword *kw = TN_SEQ_GET(keywords, i);
        if (kw->arg == NULL)
            continue;
        for (tn_ssize_t j = i + 1; j < n; j++) {
            TnKeyword *other = TN_SEQ_GET(keywords, j);
            if (other->arg && tn_str_eq(kw->arg, other->arg)) {
                const char *s = tn_str_utf8(kw->arg, NULL);
                return tn_comp_error_at(c, other->loc, "keyword argument repeated: %s", s ? s : "?");
            }
        }
    }
    return 0;
}

/* Keyword values, then KW_NAMES with the tuple of their names. */
static int call_simple_kw_helper(TnCompiler *c, TnAstSeq *keywords)
{
    tn_ssize_t n = tn_ast_seq_len(keywords);
    for (tn_ssize_t i = 0; i < n; i++)
        TN_TRY(tn_comp_expr(c, ((TnKeyword *)TN_SEQ_GET(keywords, i))->value));
    TnObject *names = tn_tuple_new(n);
    if (names == NULL)
        return -1;
    for (tn_ssize_t i = 0; i < n; i++)
        tn_tuple_set_steal(names, i, tn_newref(((TnKeyword *)TN_SEQ_GET(keywords, i))->arg));
    tn_ssize_t idx = tn_comp_add_const(c, names);
    tn_decref(names);
    if (idx < 0)
        return -1;
    return tn_comp_emit(c, TN_KW_NAMES, (int)idx);
}

/* A dict of the named keywords [begin, end). */
static int compile_subkwargs(TnCompiler *c, TnAstSeq *keywords, tn_ssize_t begin, tn_ssize_t end)
{
    tn_ssize_t n = end - begin;
    bool big = n * 2 > TN_STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        TnObject *keys[TN_STACK_USE_GUIDELINE];
        for (tn_ssize_t i = begin; i < end; i++) {
            TnKeyword *kw = TN_SEQ_GET(keywords, i);
            TN_TRY(tn_comp_expr(c, kw->value));
            keys[i - begin] = kw->arg;
        }
        TN_TRY(tn_comp_emit_const_steal(c, names_to_tuple(keys, n)));
        return tn_comp_emit(c, TN_BUILD_CONST_KEY_MAP, (int)n);
    }
    if (big)
        TN_TRY(tn_comp_emit(c, TN_BUILD_MAP, 0));
    for (tn_ssize_t i = begin; i < end; i++) {
        TnKeyword *kw = TN_SEQ_GET(keywords, i);
        TN_TRY(tn_comp_emit_const(c, kw->arg));
        TN_TRY(tn_comp_expr(c, kw->value));
        if (big)
            TN_TRY(tn_comp_emit(c, TN_MAP_ADD, 1));
    }
    return big ? 0 : tn_comp_emit(c, TN_BUILD_MAP, (int)n);
}

/* CALL_FUNCTION_EX path: positional tuple, then the kwargs dict if any. */
static int call_ex(TnCompiler *c, int n, TnAstSeq *args, TnAstSeq *keywords)
{
    tn_ssize_t nelts = tn_ast_seq_len(args), nkw = tn_ast_seq_len(keywords);
    if (n == 0 && nelts == 1 && ((TnExpr *)TN_SEQ_GET(args, 0))->kind == TN_EXPR_STARRED)
        TN_TRY(tn_comp_expr(c, ((TnExpr *)TN_SEQ_GET(args, 0))->v.starred.value));
    else
        TN_TRY(starunpack(c, args, n, TN_BUILD_LIST, TN_LIST_APPEND, TN_LIST_EXTEND, true));
    if (nkw > 0) {
        bool have_dict = false;
        tn_ssize_t nseen = 0;
        for (tn_ssize_t i = 0; i < nkw; i++) {
            TnKeyword *kw = TN_SEQ_GET(keywords, i);
            if (kw->arg != NULL) {
                nseen++;
                continue;
            }
            if (nseen) {
                TN_TRY(compile_subkwargs(c, keywords, i - nseen, i));
                if (have_dict)
                    TN_TRY(tn_comp_emit(c, TN_DICT_MERGE, 1));
                have_dict = true;
                nseen = 0;
            }
            if (!have_dict) {
                TN_TRY(tn_comp_emit(c, TN_BUILD_MAP, 0));
                have_dict = true;
            }
            TN_TRY(tn_comp_expr(c, kw->value));
            TN_TRY(tn_comp_emit(c, TN_DICT_MERGE, 1));
        }
        if (nseen) {
            TN_TRY(compile_subkwargs(c, keywords, nkw - nseen, nkw));
            if (have_dict)
                TN_TRY(tn_comp_emit(c, TN_DICT_MERGE, 1));
        }
    }
    return tn_comp_emit(c, TN_CALL_FUNCTION_EX, nkw > 0);
}

/* Arguments of a call whose [callable, self_or_NULL] (+ n positional
 * arguments) are already pushed. */
static int call_helper(TnCompiler *c, int n, TnAstSeq *args, TnAstSeq *keywords)
{
    tn_ssize_t nelts = tn_ast_seq_len(args), nkw = tn_ast_seq_len(keywords);
    if (nelts + nkw * 2 > TN_STACK_USE_GUIDELINE)
        return call_ex(c, n, args, keywords);
    for (tn_ssize_t i = 0; i < nelts; i++)
        if (((TnExpr *)TN_SEQ_GET(args, i))->kind == TN_EXPR_STARRED)
            return call_ex(c, n, args, keywords);
    for (tn_ssize_t i = 0; i < nkw; i++)
        if (((TnKeyword *)TN_SEQ_GET(keywords, i))->arg == NULL)
            return call_ex(c, n, args, keywords);
    TN_TRY(compile_exprs(c, args));
    if (nkw > 0)
        TN_TRY(call_simple_kw_helper(c, keywords));
    return tn_comp_emit(c, TN_CALL, (int)(n + nelts + nkw));
}

int tn_comp_call_helper(TnCompiler *c, int n, TnAstSeq *args, TnAstSeq *keywords)
{
    TN_TRY(validate_keywords(c, keywords));
    return call_helper(c, n, args, keywords);
}

static bool is_import_originated(TnCompiler *c, TnExpr *e)
{
    if (e->kind != TN_EXPR_NAME)
        return false;
    return (tn_symentry_flags(c->st->top, e->v.name.id) & TN_DEF_IMPORT) != 0;
}

/* o.m(args) as LOAD_ATTR in method form.  1 done, 0 not applicable, -1. */
static int maybe_method_call(TnCompiler *c, TnExpr *e)
{
    TnExpr *meth = e->v.call.func;
    TnAstSeq *args = e->v.call.args, *kws = e->v.call.keywords;
    if (meth->kind != TN_EXPR_ATTRIBUTE || meth->v.attribute.ctx != TN_CTX_LOAD)
        return 0;
    if (is_import_originated(c, meth->v.attribute.value))
        return 0;
    tn_ssize_t argsl = tn_ast_seq_len(args), kwdsl = tn_ast_seq_len(kws);
    if (argsl + kwdsl + (kwdsl != 0) >= TN_STACK_USE_GUIDELINE)
        return 0;
    for (tn_ssize_t i = 0; i < argsl; i++)
        if (((TnExpr *)TN_SEQ_GET(args, i))->kind == TN_EXPR_STARRED)
            return 0;
    for (tn_ssize_t i = 0; i < kwdsl; i++)
        if (((TnKeyword *)TN_SEQ_GET(kws, i))->arg == NULL)
            return 0;
    TN_TRY(tn_comp_expr(c, meth->v.attribute.value));
    TnAstLoc old = c->u->loc;
    c->u->loc = meth->loc;
    int r = tn_comp_emit_name_bit(c, TN_LOAD_ATTR, meth->v.attribute.attr, 1);
    c->u->loc = old;
    TN_TRY(r);
    TN_TRY(compile_exprs(c, args));
    if (kwdsl)
        TN_TRY(call_simple_kw_helper(c, kws));
    TN_TRY(tn_comp_emit(c, TN_CALL, (int)(argsl + kwdsl)));
    return 1;
}

static int compile_call(TnCompiler *c, TnExpr *e)
{
    TN_TRY(validate_keywords(c, e->v.call.keywords));
    int r = maybe_method_call(c, e);
    if (r != 0)
        return r < 0 ? -1 : 0;
    TnExpr *func = e->v.call.func;
    check_caller(c, func);
    if (func->kind == TN_EXPR_NAME) {
        c->u->loc = func->loc;
        r = tn_comp_load_callable_name(c, func->v.name.id);
        c->u->loc = e->loc;
        TN_TRY(r);
    } else {
        TN_TRY(tn_comp_expr(c, func));
        TN_TRY(tn_comp_emit(c, TN_PUSH_NULL, 0));
    }
    return call_helper(c, 0, e->v.call.args, e->v.call.keywords);
}

/* ==================================================================== */
/* Functions: defaults, lambda, comprehensions                           */
/* ==================================================================== */

int tn_comp_default_arguments(TnCompiler *c, TnArguments *args)
{
    int flags = 0;
    if (args == NULL)
        return 0;
    tn_ssize_t nd = tn_ast_seq_len(args->defaults);
    if (nd > 0) {
        TnObject *folded;
        int r = fold_items(args->defaults, 0, nd, &folded);
        TN_TRY(r);
        if (r > 0) {
            TN_TRY(tn_comp_emit_const_steal(c, folded));
        } else {
            TN_TRY(compile_exprs(c, args->defaults));
            TN_TRY(tn_comp_emit(c, TN_BUILD_TUPLE, (int)nd));
        }
        flags |= 1;
    }
    tn_ssize_t nk = tn_ast_seq_len(args->kwonlyargs), nkeys = 0;
    for (tn_ssize_t i = 0; i < nk; i++)
        if (TN_SEQ_GET(args->kw_defaults, i) != NULL)
            nkeys++;
    if (nkeys > 0) {
        /* values, then the tuple of their names: BUILD_CONST_KEY_MAP. */
        TnObject *keys = tn_tuple_new(nkeys);
        if (keys == NULL)
            return -1;
        for (tn_ssize_t i = 0, k = 0; i < nk; i++) {
            if (TN_SEQ_GET(args->kw_defaults, i) != NULL) {
                TnArg *a = TN_SEQ_GET(args->kwonlyargs, i);
                TnObject *key = tn_comp_mangle(c, a->arg);
                tn_tuple_set_steal(keys, k++, tn_newref(key != NULL ? key : TN_NONE));
                if (key == NULL) {
                    for (; k < nkeys; k++)
                        tn_tuple_set_steal(keys, k, tn_newref(TN_NONE));
                    tn_decref(keys);
                    return -1;
                }
            }
        }
        for (tn_ssize_t i = 0; i < nk; i++) {
            TnExpr *d = TN_SEQ_GET(args->kw_defaults, i);
            if (d != NULL && tn_comp_expr(c, d) < 0) {
                tn_decref(keys);
                return -1;
            }
        }
        TN_TRY(tn_comp_emit_const_steal(c, keys));
        TN_TRY(tn_comp_emit(c, TN_BUILD_CONST_KEY_MAP, (int)nkeys));
        flags |= 2;
    }
    return flags;
}

int tn_comp_annotation(TnCompiler *c, TnExpr *annotation)
{
    if (c->future_annotations) {
        TnObject *text = tn_ast_unparse_expr(annotation);
        return text != NULL ? tn_comp_emit_const_steal(c, text) : -1;
    }
    if (annotation->kind == TN_EXPR_STARRED) {
        /* *args: *Ts  ->  [value] = [*Ts] */
        TN_TRY(tn_comp_expr(c, annotation->v.starred.value));
        return tn_comp_emit(c, TN_UNPACK_SEQUENCE, 1);
    }
    return tn_comp_expr(c, annotation);
}

/* Push 'name', <annotation> for one parameter (if annotated). */
static int arg_annotation(TnCompiler *c, TnObject *name, TnExpr *annotation, int *n)
{
    if (annotation == NULL)
        return 0;
    TnObject *key = tn_comp_mangle(c, name);
    if (key == NULL)
        return -1;
    TN_TRY(tn_comp_emit_const(c, key));
    TN_TRY(tn_comp_annotation(c, annotation));
    *n += 2;
    return 0;
}

static int args_annotations(TnCompiler *c, TnAstSeq *args, int *n)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(args); i++) {
        TnArg *a = TN_SEQ_GET(args, i);
        TN_TRY(arg_annotation(c, a->arg, a->annotation, n));
    }
    return 0;
}

int tn_comp_function_annotations(TnCompiler *c, TnArguments *args, TnExpr *returns)
{
    int n = 0;
    /* CPython 3.11's order: args before posonlyargs. */
    TN_TRY(args_annotations(c, args->args, &n));
    TN_TRY(args_annotations(c, args->posonlyargs, &n));
    if (args->vararg != NULL)
        TN_TRY(arg_annotation(c, args->vararg->arg, args->vararg->annotation, &n));
    TN_TRY(args_annotations(c, args->kwonlyargs, &n));
    if (args->kwarg != NULL)
        TN_TRY(arg_annotation(c, args->kwarg->arg, args->kwarg->annotation, &n));
    TnObject *ret = tn_str_intern_cstr("return");
    if (ret == NULL)
        return -1;
    TN_TRY(arg_annotation(c, ret, returns, &n));
    if (n == 0)
        return 0;
    TN_TRY(tn_comp_emit(c, TN_BUILD_TUPLE, n));
    return 1;
}

void tn_comp_set_arg_counts(TnCompiler *c, TnArguments *a)
{
    TnUnit *u = c->u;
    if (a == NULL)
        return;
    u->posonlyargcount = (int)tn_ast_seq_len(a->posonlyargs);
    u->argcount = u->posonlyargcount + (int)tn_ast_seq_len(a->args);
    u->kwonlyargcount = (int)tn_ast_seq_len(a->kwonlyargs);
}

static int compile_lambda(TnCompiler *c, TnExpr *e)
{
    int flags = tn_comp_default_arguments(c, e->v.lambda.args);
    TN_TRY(flags);
    TnObject *name = tn_str_intern_cstr("<lambda>");
    if (name == NULL || tn_comp_enter_scope(c, name, TN_UNIT_LAMBDA, e, e->loc.lineno) < 0)
        return -1;
    /* None first, so a lambda never has a docstring. */
    TN_TRY(tn_comp_add_const(c, TN_NONE));
    tn_comp_set_arg_counts(c, e->v.lambda.args);
    c->u->loc = e->v.lambda.body->loc;
    TN_TRY(tn_comp_expr(c, e->v.lambda.body));
    TN_TRY(tn_comp_emit(c, TN_RETURN_VALUE, 0));
    TnObject *co = tn_comp_assemble(c, false);
    tn_comp_exit_scope(c);
    if (co == NULL)
        return -1;
    int r = tn_comp_make_closure(c, co, flags);
    tn_decref(co);
    return r;
}

/* [v] -> [ASYNC_GEN_WRAP;] YIELD_VALUE; RESUME 1 -> [sent]. */
static int emit_yield(TnCompiler *c)
{
    if (c->u->ste->coroutine)
        TN_TRY(tn_comp_emit(c, TN_ASYNC_GEN_WRAP, 0));
    TN_TRY(tn_comp_emit(c, TN_YIELD_VALUE, 0));
    return tn_comp_emit(c, TN_RESUME, 1);
}

/* [recv, v] -> send: SEND end; YIELD_VALUE; RESUME resume_arg;
 * JUMP_BACKWARD send; end: -> [result]. */
int tn_comp_emit_send_loop(TnCompiler *c, int resume_arg)
{
    int send = tn_comp_new_label(c), end = tn_comp_new_label(c);
    TN_TRY(send);
    TN_TRY(end);
    tn_comp_bind_label(c, send);
    TN_TRY(tn_comp_emit_jump(c, TN_SEND, end));
    TN_TRY(tn_comp_emit(c, TN_YIELD_VALUE, 0));
    TN_TRY(tn_comp_emit(c, TN_RESUME, resume_arg));
    TN_TRY(tn_comp_emit_goto(c, send));
    tn_comp_bind_label(c, end);
    return 0;
}

/* [o] -> GET_AWAITABLE where; LOAD_CONST None; <send loop, RESUME 3> -> [result]. */
int tn_comp_emit_await(TnCompiler *c, int where)
{
    TN_TRY(tn_comp_emit(c, TN_GET_AWAITABLE, where));
    TN_TRY(tn_comp_emit_const(c, TN_NONE));
    return tn_comp_emit_send_loop(c, 3);
}

/* yield from: [iterable] -> GET_YIELD_FROM_ITER; LOAD_CONST None;
 * send: SEND end; YIELD_VALUE; RESUME 2; JUMP_BACKWARD send; end: -> [result]. */
static int emit_yield_from(TnCompiler *c)
{
    TN_TRY(tn_comp_emit(c, TN_GET_YIELD_FROM_ITER, 0));
    TN_TRY(tn_comp_emit_const(c, TN_NONE));
    return tn_comp_emit_send_loop(c, 2);
}

static int compile_yield(TnCompiler *c, TnExpr *e)
{
    if (c->u->ste->type != TN_BLOCK_FUNCTION)
        return tn_comp_error(c, "'yield' outside function");
    if (e->kind == TN_EXPR_YIELDFROM) {
        if (c->u->type == TN_UNIT_ASYNC_FUNCTION)
            return tn_comp_error(c, "'yield from' inside async function");
        TN_TRY(tn_comp_expr(c, e->v.yieldfrom.value));
        return emit_yield_from(c);
    }
    if (e->v.yield.value != NULL)
        TN_TRY(tn_comp_expr(c, e->v.yield.value));
    else
        TN_TRY(tn_comp_emit_const(c, TN_NONE));
    return emit_yield(c);
}

static int comprehension_generator(TnCompiler *c, TnAstSeq *gens, tn_ssize_t gen_index,
                                   int depth, TnExpr *elt, TnExpr *val, TnExprKind kind);

/* The innermost element: append / add / yield it. */
static int comprehension_element(TnCompiler *c, int depth, TnExpr *elt, TnExpr *val, TnExprKind kind)
{
    TN_TRY(tn_comp_expr(c, elt));
    switch (kind) {
    case TN_EXPR_LISTCOMP:
        return tn_comp_emit(c, TN_LIST_APPEND, depth + 1);
    case TN_EXPR_SETCOMP:
        return tn_comp_emit(c, TN_SET_ADD, depth + 1);
    case TN_EXPR_GENERATOREXP:
        TN_TRY(emit_yield(c));
        return tn_comp_emit(c, TN_POP_TOP, 0);
    default:
        TN_TRY(tn_comp_expr(c, val));
        return tn_comp_emit(c, TN_MAP_ADD, depth + 1);
    }
}

/* One `async for` of a comprehension (CPython 3.11's
 * compiler_async_comprehension_generator):
 *        [<iter>; GET_AITER]  (the outermost: LOAD_FAST .0)
 *   start: GET_ANEXT; LOAD_CONST None; <send loop, RESUME 3>  [h: except, depth d]
 *        <store target>; [ifs]; <inner / element>; if_cleanup: JUMP_BACKWARD start
 *   except: END_ASYNC_FOR */
static int async_comprehension_generator(TnCompiler *c, TnAstSeq *gens, tn_ssize_t gen_index,
                                         int depth, TnExpr *elt, TnExpr *val, TnExprKind kind)
{
    TnComprehension *gen = TN_SEQ_GET(gens, gen_index);
    int start = tn_comp_new_label(c), if_cleanup = tn_comp_new_label(c), except = tn_comp_new_label(c);
    TN_TRY(start);
    TN_TRY(if_cleanup);
    TN_TRY(except);
    if (gen_index == 0) {
        TnObject *dot0 = tn_str_intern_cstr(".0");
        if (dot0 == NULL || tn_comp_nameop(c, dot0, TN_CTX_LOAD) < 0)
            return -1;
    } else {
        TN_TRY(tn_comp_expr(c, gen->iter));
        TN_TRY(tn_comp_emit(c, TN_GET_AITER, 0));
    }
    tn_comp_bind_label(c, start);
    int h = tn_comp_setup_handler(c, except, 0);
    TN_TRY(h);
    TN_TRY(tn_comp_emit(c, TN_GET_ANEXT, 0));
    TN_TRY(tn_comp_emit_const(c, TN_NONE));
    TN_TRY(tn_comp_emit_send_loop(c, 3));
    tn_comp_pop_handler(c);
    TN_TRY(tn_comp_expr(c, gen->target));
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(gen->ifs); i++)
        TN_TRY(tn_comp_jump_if(c, TN_SEQ_GET(gen->ifs, i), if_cleanup, false));
    depth++;
    if (gen_index + 1 < tn_ast_seq_len(gens))
        TN_TRY(comprehension_generator(c, gens, gen_index + 1, depth, elt, val, kind));
    else
        TN_TRY(comprehension_element(c, depth, elt, val, kind));
    tn_comp_bind_label(c, if_cleanup);
    TN_TRY(tn_comp_emit_goto(c, start));
    tn_comp_bind_handler(c, h);
    return tn_comp_emit(c, TN_END_ASYNC_FOR, 0);
}

/* One `for` of a comprehension and, recursively, the ones after it. */
static int comprehension_generator(TnCompiler *c, TnAstSeq *gens, tn_ssize_t gen_index,
                                   int depth, TnExpr *elt, TnExpr *val, TnExprKind kind)
{
    TnComprehension *gen = TN_SEQ_GET(gens, gen_index);
    if (gen->is_async)
        return async_comprehension_generator(c, gens, gen_index, depth, elt, val, kind);
    int start = tn_comp_new_label(c), if_cleanup = tn_comp_new_label(c);
    int anchor = tn_comp_new_label(c);
    TN_TRY(start);
    TN_TRY(if_cleanup);
    TN_TRY(anchor);
    bool loop = true;
    if (gen_index == 0) {
        /* The outermost iterator is the implicit argument .0. */
        TnObject *dot0 = tn_str_intern_cstr(".0");
        if (dot0 == NULL || tn_comp_nameop(c, dot0, TN_CTX_LOAD) < 0)
            return -1;
    } else {
        /* `for y in [f(x)]` binds y without a loop. */
        TnAstSeq *elts = NULL;
        if (gen->iter->kind == TN_EXPR_LIST)
            elts = gen->iter->v.list.elts;
        else if (gen->iter->kind == TN_EXPR_TUPLE)
            elts = gen->iter->v.tuple.elts;
        if (tn_ast_seq_len(elts) == 1
            && ((TnExpr *)TN_SEQ_GET(elts, 0))->kind != TN_EXPR_STARRED) {
            TN_TRY(tn_comp_expr(c, TN_SEQ_GET(elts, 0)));
            loop = false;
        } else {
            TN_TRY(tn_comp_expr(c, gen->iter));
            TN_TRY(tn_comp_emit(c, TN_GET_ITER, 0));
        }
    }
    if (loop) {
        depth++;
        tn_comp_bind_label(c, start);
        TN_TRY(tn_comp_emit_jump(c, TN_FOR_ITER, anchor));
    }
    TN_TRY(tn_comp_expr(c, gen->target));
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(gen->ifs); i++)
        TN_TRY(tn_comp_jump_if(c, TN_SEQ_GET(gen->ifs, i), if_cleanup, false));
    if (gen_index + 1 < tn_ast_seq_len(gens)) {
        TN_TRY(comprehension_generator(c, gens, gen_index + 1, depth, elt, val, kind));
    } else {
        TN_TRY(comprehension_element(c, depth, elt, val, kind));
    }
    tn_comp_bind_label(c, if_cleanup);
    if (loop) {
        TN_TRY(tn_comp_emit_goto(c, start));
        tn_comp_bind_label(c, anchor);
    }
    return 0;
}

static int compile_comprehension(TnCompiler *c, TnExpr *e, const char *cname,
                                 TnAstSeq *gens, TnExpr *elt, TnExpr *val)
{
    TnComprehension *outermost = TN_SEQ_GET(gens, 0);
    TnObject *name = tn_str_intern_cstr(cname);
    TnUnitType scope_type = c->u->type;
    if (name == NULL || tn_comp_enter_scope(c, name, TN_UNIT_COMPREHENSION, e, e->loc.lineno) < 0)
        return -1;
    c->u->loc = e->loc;
    c->u->argcount = 1;
    bool genexp = e->kind == TN_EXPR_GENERATOREXP;
    bool is_async = c->u->ste->coroutine;
    if (is_async && !genexp && scope_type != TN_UNIT_ASYNC_FUNCTION && scope_type != TN_UNIT_COMPREHENSION) {
        return tn_comp_error(c, "asynchronous comprehension outside of an asynchronous function");
    }
    if (!genexp) {
        int build = e->kind == TN_EXPR_LISTCOMP ? TN_BUILD_LIST
                  : e->kind == TN_EXPR_SETCOMP ? TN_BUILD_SET : TN_BUILD_MAP;
        TN_TRY(tn_comp_emit(c, build, 0));
    }
    TN_TRY(comprehension_generator(c, gens, 0, 0, elt, val, e->kind));
    if (genexp)
        TN_TRY(tn_comp_emit_const(c, TN_NONE));
    TN_TRY(tn_comp_emit(c, TN_RETURN_VALUE, 0));
    TnObject *co = tn_comp_assemble(c, false);
    tn_comp_exit_scope(c);
    if (co == NULL)
        return -1;
    int r = tn_comp_make_closure(c, co, 0);
    tn_decref(co);
    TN_TRY(r);
    TN_TRY(tn_comp_expr(c, outermost->iter));
    TN_TRY(tn_comp_emit(c, outermost->is_async ? TN_GET_AITER : TN_GET_ITER, 0));
    TN_TRY(tn_comp_emit(c, TN_CALL, 0));
    if (is_async && !genexp)
        TN_TRY(tn_comp_emit_await(c, 0));
    return 0;
}

/* ==================================================================== */
/* Names, attributes, subscripts                                         */
/* ==================================================================== */

static int compile_name(TnCompiler *c, TnExpr *e)
{
    TnObject *id = e->v.name.id;
    if (tn_str_eq_cstr(id, "__debug__")) {
        if (e->v.name.ctx == TN_CTX_LOAD)
            return tn_comp_emit_const(c, TN_TRUE);
        return tn_comp_error(c, e->v.name.ctx == TN_CTX_STORE ? "cannot assign to __debug__"
                                                              : "cannot delete __debug__");
    }
    return tn_comp_nameop(c, id, e->v.name.ctx);
}

static int compile_attribute(TnCompiler *c, TnExpr *e)
{
    TN_TRY(tn_comp_expr(c, e->v.attribute.value));
    switch (e->v.attribute.ctx) {
    case TN_CTX_STORE:
        return tn_comp_emit_name(c, TN_STORE_ATTR, e->v.attribute.attr);
    case TN_CTX_DEL:
        return tn_comp_emit_name(c, TN_DELETE_ATTR, e->v.attribute.attr);
    default:
        return tn_comp_emit_name_bit(c, TN_LOAD_ATTR, e->v.attribute.attr, 0);
    }
}

static int compile_subscript(TnCompiler *c, TnExpr *e)
{
    if (e->v.subscript.ctx == TN_CTX_LOAD) {
        check_subscripter(c, e->v.subscript.value);
        check_index(c, e->v.subscript.value, e->v.subscript.slice);
    }
    TN_TRY(tn_comp_expr(c, e->v.subscript.value));
    TN_TRY(tn_comp_expr(c, e->v.subscript.slice));
    switch (e->v.subscript.ctx) {
    case TN_CTX_STORE: return tn_comp_emit(c, TN_STORE_SUBSCR, 0);
    case TN_CTX_DEL: return tn_comp_emit(c, TN_DELETE_SUBSCR, 0);
    default: return tn_comp_emit(c, TN_BINARY_SUBSCR, 0);
    }
}

/* ==================================================================== */
/* Dispatch                                                              */
/* ==================================================================== */

static int compile_expr_inner(TnCompiler *c, TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_BOOLOP:
        return compile_boolop(c, e);
    case TN_EXPR_NAMEDEXPR:
        TN_TRY(tn_comp_expr(c, e->v.namedexpr.value));
        TN_TRY(tn_comp_emit(c, TN_COPY, 1));
        return tn_comp_expr(c, e->v.namedexpr.target);
    case TN_EXPR_BINOP:
        TN_TRY(tn_comp_expr(c, e->v.binop.left));
        TN_TRY(tn_comp_expr(c, e->v.binop.right));
        return tn_comp_emit(c, TN_BINARY_OP, (int)e->v.binop.op);
    case TN_EXPR_UNARYOP:
        return compile_unaryop(c, e);
    case TN_EXPR_LAMBDA:
        return compile_lambda(c, e);
    case TN_EXPR_IFEXP:
        return compile_ifexp(c, e);
    case TN_EXPR_DICT:
        return compile_dict(c, e);
    case TN_EXPR_SET:
        return starunpack(c, e->v.set.elts, 0, TN_BUILD_SET, TN_SET_ADD, TN_SET_UPDATE, false);
    case TN_EXPR_LISTCOMP:
        return compile_comprehension(c, e, "<listcomp>", e->v.comp.generators, e->v.comp.elt, NULL);
    case TN_EXPR_SETCOMP:
        return compile_comprehension(c, e, "<setcomp>", e->v.comp.generators, e->v.comp.elt, NULL);
    case TN_EXPR_DICTCOMP:
        return compile_comprehension(c, e, "<dictcomp>", e->v.dictcomp.generators,
                                     e->v.dictcomp.key, e->v.dictcomp.value);
    case TN_EXPR_GENERATOREXP:
        return compile_comprehension(c, e, "<genexpr>", e->v.comp.generators, e->v.comp.elt, NULL);
    case TN_EXPR_YIELD:
    case TN_EXPR_YIELDFROM:
        return compile_yield(c, e);
    case TN_EXPR_AWAIT:
        if (c->u->ste->type != TN_BLOCK_FUNCTION)
            return tn_comp_error(c, "'await' outside function");
        if (c->u->type != TN_UNIT_ASYNC_FUNCTION && c->u->type != TN_UNIT_COMPREHENSION)
            return tn_comp_error(c, "'await' outside async function");
        TN_TRY(tn_comp_expr(c, e->v.await_.value));
        return tn_comp_emit_await(c, 0);
    case TN_EXPR_COMPARE:
        return compile_compare(c, e);
    case TN_EXPR_CALL:
        return compile_call(c, e);
    case TN_EXPR_FORMATTEDVALUE:
        return compile_formatted_value(c, e);
    case TN_EXPR_JOINEDSTR:
        return compile_joined_str(c, e);
    case TN_EXPR_CONSTANT:
        return tn_comp_emit_const(c, e->v.constant.value);
    case TN_EXPR_ATTRIBUTE:
        return compile_attribute(c, e);
    case TN_EXPR_SUBSCRIPT:
        return compile_subscript(c, e);
    case TN_EXPR_STARRED:
        if (e->v.starred.ctx == TN_CTX_STORE)
            return tn_comp_error(c, "starred assignment target must be in a list or tuple");
        return tn_comp_error(c, "can't use starred expression here");
    case TN_EXPR_NAME:
        return compile_name(c, e);
    case TN_EXPR_LIST:
        return compile_sequence(c, e, e->v.list.elts, e->v.list.ctx, false);
    case TN_EXPR_TUPLE:
        return compile_sequence(c, e, e->v.tuple.elts, e->v.tuple.ctx, true);
    case TN_EXPR_SLICE:
        return compile_slice(c, e);
    }
    tn_err_set_str(&tn_exc_SystemError, "compiler: unknown expression kind");
    return -1;
}

int tn_comp_expr(TnCompiler *c, TnExpr *e)
{
    TN_TRY(tn_comp_enter_recursion(c));
    TnAstLoc old = c->u->loc;
    c->u->loc = e->loc;
    int r = compile_expr_inner(c, e);
    c->u->loc = old;
    tn_comp_leave_recursion(c);
    return r;
}
