/* core/modules/ast_validate.c — checks a C syntax tree made from Python AST
 * objects before it is compiled, as CPython 3.11's PyAST_Validate
 * (Python/ast.c) does, with its messages (docs/ast.md).
 *
 * The parser only makes well-formed trees; a tree built by hand can have
 * None in a statement list, a Store context where Load is needed, a
 * Compare with fewer operators than operands, or a constant of a type code
 * objects cannot hold, which the compiler must never see.  The walk is
 * generic (the fields of the table in core/modules/ast_nodes.h); the rules
 * that concern one node type are in node_rules / expr_rules /
 * pattern_rules.
 */
#include <string.h>
#include "core/tn.h"
#include "core/modules/ast_nodes.h"
#include "core/compiler/ast.h"
#include "core/objects/complex.h"
#include "core/objects/set.h"

#define FIELD_PTR(node, off) ((char *)(node) + (off))
#define INHERIT (-1)

/* ctx: the context an expression must have; for a pattern, 1 if it may be
 * a MatchStar (an item of a MatchSequence). */
static int validate_node(TnAstType cat, const void *node, int ctx, bool positions);

static int fail(TnType *exc, const char *msg)
{
    tn_err_set_str(exc, msg);
    return -1;
}

static const char *ctx_name(int ctx)
{
    return ctx == TN_CTX_STORE ? "Store" : ctx == TN_CTX_DEL ? "Del" : "Load";
}

/* The context a field's expressions must have (INHERIT: the node's own). */
static int field_ctx(const char *node, const char *field)
{
    static const struct { const char *node, *field; int ctx; } rules[] = {
        {"Delete", "targets", TN_CTX_DEL}, {"Assign", "targets", TN_CTX_STORE},
        {"AugAssign", "target", TN_CTX_STORE}, {"AnnAssign", "target", TN_CTX_STORE},
        {"For", "target", TN_CTX_STORE}, {"AsyncFor", "target", TN_CTX_STORE},
        {"withitem", "optional_vars", TN_CTX_STORE}, {"comprehension", "target", TN_CTX_STORE},
        {"List", "elts", INHERIT}, {"Tuple", "elts", INHERIT}, {"Starred", "value", INHERIT},
    };
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
        if (strcmp(rules[i].node, node) == 0 && strcmp(rules[i].field, field) == 0)
            return rules[i].ctx;
    return TN_CTX_LOAD;
}

/* Statement lists that must not be empty ("empty body on For"). */
static bool body_required(const char *node, const char *field)
{
    if (strcmp(field, "body") != 0)
        return false;
    return strcmp(node, "Module") != 0 && strcmp(node, "Interactive") != 0;
}

/* Sequences that must not be empty: "empty targets on Assign" ... */
static const char *nonempty_seq(const char *node, const char *field)
{
    static const char *const rules[][2] = {
        {"Assign", "targets"}, {"Delete", "targets"}, {"With", "items"}, {"AsyncWith", "items"},
        {"Global", "names"}, {"Nonlocal", "names"}, {"Import", "names"}, {"Match", "cases"},
        {"ImportFrom", "names"},
    };
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
        if (strcmp(rules[i][0], node) == 0 && strcmp(rules[i][1], field) == 0)
            return rules[i][1];
    return NULL;
}

static bool valid_constant(TnObject *v)
{
    if (v == TN_NONE || v == TN_ELLIPSIS || tn_int_check_exact(v) || tn_float_check_exact(v) ||
        tn_complex_check_exact(v) || tn_bool_check(v) || tn_str_check_exact(v) || tn_type_check_exact(v, &tn_type_bytes))
        return true;
    if (tn_tuple_check_exact(v)) {
        for (tn_ssize_t i = 0; i < tn_tuple_size(v); i++)
            if (!valid_constant(tn_tuple_get(v, i)))
                return false;
        return true;
    }
    if (tn_type_check_exact(v, &tn_type_frozenset)) {
        TnObject *it = tn_object_get_iter(v), *item;
        bool ok = it != NULL;
        while (ok && (item = tn_iter_next(it)) != NULL) {
            ok = valid_constant(item);
            tn_decref(item);
        }
        tn_xdecref(it);
        tn_err_clear();
        return ok;
    }
    return false;
}

static int validate_name(TnObject *id)
{
    static const char *const consts[] = {"None", "True", "False"};
    for (int i = 0; i < 3; i++)
        if (tn_str_eq_cstr(id, consts[i])) {
            tn_err_format(&tn_exc_ValueError, "identifier field can't represent '%s' constant", consts[i]);
            return -1;
        }
    return 0;
}

static int expr_rules(const TnExpr *e, int ctx)
{
    int actual = 0;
    switch (e->kind) {
    case TN_EXPR_ATTRIBUTE: actual = e->v.attribute.ctx; break;
    case TN_EXPR_SUBSCRIPT: actual = e->v.subscript.ctx; break;
    case TN_EXPR_STARRED: actual = e->v.starred.ctx; break;
    case TN_EXPR_NAME:
        if (validate_name(e->v.name.id) < 0)
            return -1;
        actual = e->v.name.ctx;
        break;
    case TN_EXPR_LIST: actual = e->v.list.ctx; break;
    case TN_EXPR_TUPLE: actual = e->v.tuple.ctx; break;
    default:
        if (ctx != TN_CTX_LOAD) {
            tn_err_format(&tn_exc_ValueError, "expression which can't be assigned to in %s context", ctx_name(ctx));
            return -1;
        }
    }
    if (actual != 0 && actual != ctx) {
        tn_err_format(&tn_exc_ValueError, "expression must have %s context but has %s instead",
                      ctx_name(ctx), ctx_name(actual));
        return -1;
    }
    switch (e->kind) {
    case TN_EXPR_BOOLOP:
        if (tn_ast_seq_len(e->v.boolop.values) < 2)
            return fail(&tn_exc_ValueError, "BoolOp with less than 2 values");
        break;
    case TN_EXPR_DICT:
        if (tn_ast_seq_len(e->v.dict.keys) != tn_ast_seq_len(e->v.dict.values))
            return fail(&tn_exc_ValueError, "Dict doesn't have the same number of keys as values");
        break;
    case TN_EXPR_LISTCOMP: case TN_EXPR_SETCOMP: case TN_EXPR_GENERATOREXP:
        if (tn_ast_seq_len(e->v.comp.generators) == 0)
            return fail(&tn_exc_ValueError, "comprehension with no generators");
        break;
    case TN_EXPR_DICTCOMP:
        if (tn_ast_seq_len(e->v.dictcomp.generators) == 0)
            return fail(&tn_exc_ValueError, "comprehension with no generators");
        break;
    case TN_EXPR_COMPARE:
        if (tn_ast_seq_len(e->v.compare.comparators) == 0)
            return fail(&tn_exc_ValueError, "Compare with no comparators");
        /* Trees made from objects keep the length of the ops list just
         * before the array (ast_convert.c's seq_from_obj). */
        if (e->v.compare.ops[-1] != tn_ast_seq_len(e->v.compare.comparators))
            return fail(&tn_exc_ValueError, "Compare has a different number of comparators and operands");
        break;
    case TN_EXPR_CONSTANT:
        if (!valid_constant(e->v.constant.value)) {
            tn_err_format(&tn_exc_TypeError, "got an invalid type in Constant: %T", e->v.constant.value);
            return -1;
        }
        break;
    case TN_EXPR_NAMEDEXPR:
        if (e->v.namedexpr.target->kind != TN_EXPR_NAME)
            return fail(&tn_exc_TypeError, "NamedExpr target must be a Name");
        break;
    default:
        break;
    }
    return 0;
}

static int stmt_rules(const TnStmt *s)
{
    switch (s->kind) {
    case TN_STMT_ANNASSIGN:
        if (s->v.annassign.simple && s->v.annassign.target->kind != TN_EXPR_NAME)
            return fail(&tn_exc_TypeError, "AnnAssign with simple non-Name target");
        break;
    case TN_STMT_RAISE:
        if (s->v.raise.exc == NULL && s->v.raise.cause != NULL)
            return fail(&tn_exc_ValueError, "Raise with cause but no exception");
        break;
    case TN_STMT_TRY: case TN_STMT_TRYSTAR: {
        const char *owner = s->kind == TN_STMT_TRY ? "Try" : "TryStar";
        if (tn_ast_seq_len(s->v.try_.body) == 0) {
            tn_err_format(&tn_exc_ValueError, "empty body on %s", owner);
            return -1;
        }
        if (tn_ast_seq_len(s->v.try_.handlers) == 0 && tn_ast_seq_len(s->v.try_.finalbody) == 0) {
            tn_err_format(&tn_exc_ValueError, "%s has neither except handlers nor finalbody", owner);
            return -1;
        }
        /* CPython 3.11 compiles an except* handler without a type into
         * code that crashes when run; refused here. */
        for (tn_ssize_t i = 0; s->kind == TN_STMT_TRYSTAR && i < tn_ast_seq_len(s->v.try_.handlers); i++) {
            const TnExceptHandler *h = TN_SEQ_GET(s->v.try_.handlers, i);
            if (h != NULL && h->type == NULL)
                return fail(&tn_exc_ValueError, "except* handler without an exception type");
        }
        if (tn_ast_seq_len(s->v.try_.handlers) == 0 && tn_ast_seq_len(s->v.try_.orelse) != 0) {
            tn_err_format(&tn_exc_ValueError, "%s has orelse but no except handlers", owner);
            return -1;
        }
        break;
    }
    case TN_STMT_IMPORTFROM:
        if (s->v.importfrom.level < 0)
            return fail(&tn_exc_ValueError, "Negative ImportFrom level");
        break;
    default:
        break;
    }
    return 0;
}

static bool exact_number(const TnExpr *e, bool real, bool imaginary)
{
    if (e->kind != TN_EXPR_CONSTANT)
        return false;
    TnObject *v = e->v.constant.value;
    return (real && (tn_int_check_exact(v) || tn_float_check_exact(v))) || (imaginary && tn_complex_check_exact(v));
}

/* The value of a MatchValue: an expression in Load context, then a literal
 * (a number, str or bytes), an attribute lookup, a negated number or a
 * complex literal (CPython's validate_pattern_match_value, and its
 * folding of `-1` and `1+2j` that must give a constant). */
static int match_value_rules(const TnExpr *v)
{
    if (validate_node(TN_AST_EXPR, v, TN_CTX_LOAD, true) < 0)
        return -1;
    switch (v->kind) {
    case TN_EXPR_CONSTANT: {
        TnObject *c = v->v.constant.value;
        if (tn_int_check_exact(c) || tn_float_check_exact(c) || tn_complex_check_exact(c) ||
            tn_str_check_exact(c) || tn_type_check_exact(c, &tn_type_bytes))
            return 0;
        return fail(&tn_exc_ValueError, "unexpected constant inside of a literal pattern");
    }
    case TN_EXPR_ATTRIBUTE:
    case TN_EXPR_JOINEDSTR:   /* the compiler refuses it (SyntaxError) */
        return 0;
    case TN_EXPR_UNARYOP:
        if (v->v.unaryop.op == TN_UOP_USUB && exact_number(v->v.unaryop.operand, true, true))
            return 0;
        break;
    case TN_EXPR_BINOP: {
        const TnExpr *l = v->v.binop.left;
        if ((v->v.binop.op == TN_OP_ADD || v->v.binop.op == TN_OP_SUB) && exact_number(v->v.binop.right, false, true) &&
            (exact_number(l, true, false) ||
             (l->kind == TN_EXPR_UNARYOP && l->v.unaryop.op == TN_UOP_USUB && exact_number(l->v.unaryop.operand, true, false))))
            return 0;
        break;
    }
    default:
        break;
    }
    return fail(&tn_exc_ValueError, "patterns may only match literals and attribute lookups");
}

static int validate_capture(TnObject *name)
{
    if (name != NULL && tn_str_eq_cstr(name, "_"))
        return fail(&tn_exc_ValueError, "can't capture name '_' in patterns");
    return name != NULL ? validate_name(name) : 0;
}

static int pattern_rules(const TnPattern *p, bool star_ok)
{
    switch (p->kind) {
    case TN_PAT_VALUE:
        return match_value_rules(p->v.value.value);
    case TN_PAT_SINGLETON: {
        TnObject *v = p->v.singleton.value;
        if (v != TN_NONE && v != TN_TRUE && v != TN_FALSE)
            return fail(&tn_exc_ValueError, "MatchSingleton can only contain True, False and None");
        break;
    }
    case TN_PAT_MAPPING:
        if (tn_ast_seq_len(p->v.mapping.keys) != tn_ast_seq_len(p->v.mapping.patterns))
            return fail(&tn_exc_ValueError, "MatchMapping doesn't have the same number of keys as patterns");
        return validate_capture(p->v.mapping.rest);
    case TN_PAT_CLASS: {
        if (tn_ast_seq_len(p->v.class_.kwd_attrs) != tn_ast_seq_len(p->v.class_.kwd_patterns))
            return fail(&tn_exc_ValueError,
                        "MatchClass doesn't have the same number of keyword attributes as patterns");
        const TnExpr *cls = p->v.class_.cls;
        while (cls->kind == TN_EXPR_ATTRIBUTE)
            cls = cls->v.attribute.value;
        if (cls->kind != TN_EXPR_NAME)
            return fail(&tn_exc_ValueError, "MatchClass cls field can only contain Name or Attribute nodes.");
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(p->v.class_.kwd_attrs); i++)
            if (validate_name(TN_SEQ_GET(p->v.class_.kwd_attrs, i)) < 0)
                return -1;
        break;
    }
    case TN_PAT_STAR:
        if (!star_ok)
            return fail(&tn_exc_ValueError, "can't use MatchStar here");
        return validate_capture(p->v.star.name);
    case TN_PAT_AS:
        if (p->v.as.name == NULL && p->v.as.pattern != NULL)
            return fail(&tn_exc_ValueError, "MatchAs must specify a target name if a pattern is given");
        return validate_capture(p->v.as.name);
    case TN_PAT_OR:
        if (tn_ast_seq_len(p->v.or_.patterns) < 2)
            return fail(&tn_exc_ValueError, "MatchOr requires at least 2 patterns");
        break;
    default:
        break;
    }
    return 0;
}

static int arguments_rules(const TnArguments *a)
{
    if (tn_ast_seq_len(a->defaults) > tn_ast_seq_len(a->posonlyargs) + tn_ast_seq_len(a->args))
        return fail(&tn_exc_ValueError, "more positional defaults than args on arguments");
    if (tn_ast_seq_len(a->kw_defaults) != tn_ast_seq_len(a->kwonlyargs))
        return fail(&tn_exc_ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
    return 0;
}

/* A list field with no items where CPython requires some: "empty body on
 * For", "empty targets on Assign" ... */
static int check_not_empty(const TnAstNodeDef *d, const TnAstField *f, const TnAstSeq *seq)
{
    if (tn_ast_seq_len(seq) != 0)
        return 0;
    if (body_required(d->name, f->name)) {
        tn_err_format(&tn_exc_ValueError, "empty body on %s", d->name);
        return -1;
    }
    const char *ne = nonempty_seq(d->name, f->name);
    if (ne != NULL) {
        tn_err_format(&tn_exc_ValueError, "empty %s on %s", ne, d->name);
        return -1;
    }
    return 0;
}

/* A None item of a list field: allowed in Dict keys (**mapping) and
 * kw_defaults (no default), else an error.  0 / -1. */
static int check_none_item(const TnAstNodeDef *d, const TnAstField *f)
{
    if ((strcmp(d->name, "Dict") == 0 && strcmp(f->name, "keys") == 0) || strcmp(f->name, "kw_defaults") == 0)
        return 0;
    if (f->type == TN_AST_STMT)
        return fail(&tn_exc_ValueError, "None disallowed in statement list");
    if (f->type == TN_AST_IDENTIFIER) {   /* CPython 3.11 crashes on these */
        tn_err_format(&tn_exc_ValueError, "None disallowed in %s list", f->name);
        return -1;
    }
    return fail(&tn_exc_ValueError, "None disallowed in expression list");
}

static bool is_node_type(TnAstType t)
{
    return t < TN_AST_NCATEGORIES && t != TN_AST_CMPOP && t != TN_AST_EXPR_CONTEXT && t != TN_AST_BOOLOP &&
           t != TN_AST_OPERATOR && t != TN_AST_UNARYOP;
}

static int validate_fields(const TnAstNodeDef *d, const void *node, int ctx)
{
    for (int k = 0; k < d->nfields; k++) {
        const TnAstField *f = &d->fields[k];
        if (f->offset < 0 || f->type == TN_AST_CMPOP)
            continue;
        /* CPython checks only that a NamedExpr target is a Name (expr_rules). */
        if (strcmp(d->name, "NamedExpr") == 0 && strcmp(f->name, "target") == 0)
            continue;
        const void *p = FIELD_PTR(node, f->offset);
        int c = field_ctx(d->name, f->name);
        if (c == INHERIT)
            c = ctx;
        if (f->type == TN_AST_PATTERN)   /* for patterns: may it be a MatchStar? */
            c = strcmp(d->name, "MatchSequence") == 0;
        if (f->qual != TN_ASTQ_SEQ) {
            const void *child = is_node_type(f->type) ? *(void *const *)p : NULL;
            /* CPython checks the positions of vararg and kwarg only through
             * their annotations. */
            if (child != NULL && validate_node(f->type, child, c, f->type != TN_AST_ARG) < 0)
                return -1;
            continue;
        }
        const TnAstSeq *seq = *(TnAstSeq *const *)p;
        if (check_not_empty(d, f, seq) < 0)
            return -1;
        /* nor those of except* handlers. */
        bool positions = !(strcmp(d->name, "TryStar") == 0 && f->type == TN_AST_EXCEPTHANDLER);
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(seq); i++) {
            const void *child = TN_SEQ_GET(seq, i);
            if (child == NULL ? check_none_item(d, f) < 0
                              : is_node_type(f->type) && validate_node(f->type, child, c, positions) < 0)
                return -1;
        }
    }
    return 0;
}

/* CPython's VALIDATE_POSITIONS, for statements, expressions, patterns,
 * arguments and except handlers. */
static int validate_positions(const TnAstLoc *l)
{
    if (l->lineno > l->end_lineno) {
        tn_err_format(&tn_exc_ValueError, "AST node line range (%d, %d) is not valid", l->lineno, l->end_lineno);
        return -1;
    }
    if ((l->lineno < 0 && l->end_lineno != l->lineno) || (l->col_offset < 0 && l->col_offset != l->end_col_offset)) {
        tn_err_format(&tn_exc_ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid",
                      l->col_offset, l->end_col_offset, l->lineno, l->end_lineno);
        return -1;
    }
    if (l->lineno == l->end_lineno && l->col_offset > l->end_col_offset) {
        tn_err_format(&tn_exc_ValueError, "line %d, column %d-%d is not a valid range",
                      l->lineno, l->col_offset, l->end_col_offset);
        return -1;
    }
    return 0;
}

static int validate_node_inner(TnAstType cat, const void *node, int ctx, bool positions)
{
    int row = tn_ast_row_of(cat, node);
    if (row < 0)
        return fail(&tn_exc_SystemError, "invalid node in the syntax tree");
    const TnAstNodeDef *d = &tn_ast_nodes[row];
    if (positions && (cat == TN_AST_STMT || cat == TN_AST_EXPR || cat == TN_AST_PATTERN || cat == TN_AST_ARG ||
                      cat == TN_AST_EXCEPTHANDLER) &&
        validate_positions((const TnAstLoc *)FIELD_PTR(node, d->loc)) < 0)
        return -1;
    if (cat == TN_AST_EXPR && expr_rules(node, ctx) < 0)
        return -1;
    if (cat == TN_AST_STMT && stmt_rules(node) < 0)
        return -1;
    if (cat == TN_AST_ARGUMENTS && arguments_rules(node) < 0)
        return -1;
    if (cat == TN_AST_PATTERN && pattern_rules(node, ctx == 1) < 0)
        return -1;
    return validate_fields(d, node, ctx);
}

static int validate_node(TnAstType cat, const void *node, int ctx, bool positions)
{
    if (tn_enter_recursive_call(" during compilation") < 0)
        return -1;
    int r = validate_node_inner(cat, node, ctx, positions);
    tn_leave_recursive_call();
    return r;
}

int tn_ast_validate(const TnMod *mod)
{
    return validate_node(TN_AST_MOD, mod, TN_CTX_LOAD, true);
}
