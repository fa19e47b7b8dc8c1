/* core/modules/ast_convert.c — C syntax trees (core/compiler/ast.h) to
 * Python AST objects and back (docs/ast.md).
 *
 * Both directions walk the table of core/modules/ast_nodes.h: a node's row
 * gives its class and, for each field, its ASDL type, qualifier and the
 * offset of the C member that holds it, so one function converts every
 * node type.  Objects to C follows CPython 3.11's obj2ast_* (the same
 * isinstance dispatch, the same TypeError/ValueError messages, a
 * RecursionError for trees nested too deeply or cyclic) and then validates
 * the tree as CPython's PyAST_Validate does (core/modules/ast_validate.c)
 * before the compiler sees it.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "core/tn.h"
#include "core/modules/ast_nodes.h"
#include "core/compiler/ast.h"

static const char *const category_names[TN_AST_NCATEGORIES] = {
    "mod", "stmt", "expr", "expr_context", "boolop", "operator", "unaryop", "cmpop",
    "comprehension", "excepthandler", "arguments", "arg", "keyword", "alias", "withitem",
    "match_case", "pattern", "type_ignore",
};

/* Enumerations: stored as an int, converted to the class's one instance. */
static bool is_enum(TnAstType t)
{
    return t == TN_AST_EXPR_CONTEXT || t == TN_AST_BOOLOP || t == TN_AST_OPERATOR ||
           t == TN_AST_UNARYOP || t == TN_AST_CMPOP;
}

#define FIELD_PTR(node, off) ((char *)(node) + (off))

/* ======================================================================
 * C -> objects
 * ====================================================================== */

typedef struct {
    TnObject *const *classes;
    TnObject *const *singletons;
    int depth, limit;    /* CPython 3.11's ast2obj recursion count, see tn_ast_to_object */
} ToObj;

static TnObject *node_to_obj(ToObj *c, TnAstType cat, const void *node);

static TnObject *enum_to_obj(ToObj *c, TnAstType cat, int kind)
{
    int i = tn_ast_node_index(cat, kind);
    if (i < 0)
        return tn_err_format(&tn_exc_SystemError, "invalid %s kind %d in the syntax tree",
                             category_names[cat], kind);
    return tn_newref(c->singletons[i]);
}

/* One value of ASDL type t stored at p (not a sequence). */
static TnObject *value_to_obj(ToObj *c, TnAstType t, const void *p)
{
    if (t < TN_AST_NCATEGORIES) {
        if (is_enum(t))
            return enum_to_obj(c, t, *(const int *)p);
        return node_to_obj(c, t, *(void *const *)p);
    }
    if (t == TN_AST_INT)
        return tn_int_from_i64(*(const int *)p);
    TnObject *o = *(TnObject *const *)p;   /* identifier, constant, string */
    return tn_newref(o != NULL ? o : TN_NONE);
}

static TnObject *seq_to_obj(ToObj *c, const TnAstField *f, const void *node)
{
    const TnAstSeq *seq = f->offset >= 0 ? *(TnAstSeq *const *)FIELD_PTR(node, f->offset) : NULL;
    tn_ssize_t n = tn_ast_seq_len(seq);
    const int *ops = NULL;
    if (f->type == TN_AST_CMPOP) {
        /* Compare keeps its operators as an int array as long as comparators. */
        const TnExpr *e = node;
        ops = e->v.compare.ops;
        n = tn_ast_seq_len(e->v.compare.comparators);
    }
    TnObject *list = tn_list_new(n);
    for (tn_ssize_t i = 0; list != NULL && i < n; i++) {
        TnObject *item = ops != NULL ? enum_to_obj(c, TN_AST_CMPOP, ops[i])
                                     : value_to_obj(c, f->type, &seq->items[i]);
        if (item == NULL)
            TN_CLEAR(list);
        else
            tn_list_set_steal(list, i, item);
    }
    return list;
}

static int set_loc(TnObject *obj, const TnAstLoc *loc)
{
    const int v[4] = {loc->lineno, loc->col_offset, loc->end_lineno, loc->end_col_offset};
    static const char *const names[4] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    for (int i = 0; i < 4; i++) {
        TnObject *o = tn_int_from_i64(v[i]);
        int r = o != NULL ? tn_object_setattr(obj, tn_str_intern_cstr(names[i]), o) : -1;
        tn_xdecref(o);
        if (r < 0)
            return -1;
    }
    return 0;
}

static TnObject *node_to_obj_inner(ToObj *c, TnAstType cat, const void *node)
{
    int i = tn_ast_row_of(cat, node);
    if (i < 0)
        return tn_err_format(&tn_exc_SystemError, "invalid %s node in the syntax tree", category_names[cat]);
    const TnAstNodeDef *d = &tn_ast_nodes[i];
    TnType *cls = (TnType *)c->classes[i];
    TnObject *obj = cls->new_(cls, NULL, 0, NULL);
    for (int k = 0; obj != NULL && k < d->nfields; k++) {
        const TnAstField *f = &d->fields[k];
        TnObject *v;
        if (f->qual == TN_ASTQ_SEQ)
            v = seq_to_obj(c, f, node);
        else if (f->offset < 0)
            v = tn_newref(TN_NONE);
        else
            v = value_to_obj(c, f->type, FIELD_PTR(node, f->offset));
        if (v == NULL || tn_object_setattr(obj, tn_str_intern_cstr(f->name), v) < 0)
            TN_CLEAR(obj);
        tn_xdecref(v);
    }
    if (obj != NULL && d->loc >= 0 && set_loc(obj, (const TnAstLoc *)FIELD_PTR(node, d->loc)) < 0)
        TN_CLEAR(obj);
    return obj;
}

static TnObject *node_to_obj(ToObj *c, TnAstType cat, const void *node)
{
    if (node == NULL)
        return tn_newref(TN_NONE);
    if (++c->depth > c->limit) {
        c->depth--;
        return tn_err_format(&tn_exc_RecursionError, "maximum recursion depth exceeded during ast construction");
    }
    /* A recursion limit set very high must not overflow the C stack. */
    TnObject *obj = tn_check_c_stack(" during ast construction") < 0 ? NULL : node_to_obj_inner(c, cat, node);
    c->depth--;
    return obj;
}

/* As CPython 3.11's PyAST_mod2obj, each node counts 1 against three times
 * the recursion limit, starting from three times the current depth: a
 * chain of 5000 additions parses but cannot become objects. */
TnObject *tn_ast_to_object(const TnMod *mod)
{
    TnThreadState *ts = tn_tstate();
    int limit = ts->interp->recursion_limit;
    ToObj c = {tn_ast_classes(), NULL, 0, 0};
    if (c.classes == NULL)
        return NULL;
    c.limit = limit < INT_MAX / 3 ? limit * 3 : limit;
    c.depth = ts->py_recursion_depth < INT_MAX / 3 ? ts->py_recursion_depth * 3 : ts->py_recursion_depth;
    c.singletons = tn_ast_singletons();
    return node_to_obj(&c, TN_AST_MOD, mod);
}

/* ======================================================================
 * objects -> C
 * ====================================================================== */

typedef struct {
    TnObject *const *classes;
    TnArena *arena;
} FromObj;

static int obj_to_node(FromObj *c, TnAstType cat, TnObject *obj, void **out);

/* The row of the first concrete class of cat that obj is an instance of
 * (CPython's isinstance chain), or -1 with TypeError "expected some sort of
 * expr, but got ..."; -2 on another error. */
static int dispatch(FromObj *c, TnAstType cat, TnObject *obj)
{
    for (int i = 0; i < tn_ast_nnodes; i++) {
        if (tn_ast_nodes[i].category != cat || tn_ast_nodes[i].abstract)
            continue;
        int r = tn_object_isinstance(obj, c->classes[i]);
        if (r < 0)
            return -2;
        if (r)
            return i;
    }
    tn_err_format(&tn_exc_TypeError, "expected some sort of %s, but got %R", category_names[cat], obj);
    return -1;
}

static int keep_object(FromObj *c, TnObject *obj, TnObject **out)
{
    if (tn_arena_add_object_steal(c->arena, tn_newref(obj)) < 0)
        return -1;
    *out = obj;
    return 0;
}

/* One value of ASDL type t into *p (p NULL: check it and drop it). */
static int obj_to_value(FromObj *c, TnAstType t, TnObject *obj, void *p)
{
    if (t < TN_AST_NCATEGORIES && is_enum(t)) {
        int i = dispatch(c, t, obj);
        if (i < 0)
            return -1;
        if (p != NULL)
            *(int *)p = tn_ast_nodes[i].kind;
        return 0;
    }
    if (t < TN_AST_NCATEGORIES) {
        void *node = NULL;
        if (obj_to_node(c, t, obj, &node) < 0)
            return -1;
        if (p != NULL)
            *(void **)p = node;
        return 0;
    }
    TnObject *o = NULL;
    switch (t) {
    case TN_AST_INT: {
        if (!tn_int_check(obj)) {
            tn_err_format(&tn_exc_ValueError, "invalid integer value: %R", obj);
            return -1;
        }
        tn_ssize_t v = tn_number_as_ssize(obj, &tn_exc_OverflowError);
        if (v == -1 && tn_err_occurred())
            return -1;
        if (v > INT32_MAX || v < INT32_MIN) {
            tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        if (p != NULL)
            *(int *)p = (int)v;
        return 0;
    }
    case TN_AST_IDENTIFIER:
        if (!tn_str_check_exact(obj) && obj != TN_NONE) {
            tn_err_set_str(&tn_exc_TypeError, "AST identifier must be of type str");
            return -1;
        }
        if (obj != TN_NONE && p != NULL && keep_object(c, obj, &o) < 0)
            return -1;
        break;
    case TN_AST_STRING:
        if (!tn_str_check_exact(obj) && !tn_type_check_exact(obj, &tn_type_bytes)) {
            tn_err_set_str(&tn_exc_TypeError, "AST string must be of type str");
            return -1;
        }
        if (p != NULL && keep_object(c, obj, &o) < 0)
            return -1;
        break;
    default:   /* constant */
        if (p != NULL && keep_object(c, obj, &o) < 0)
            return -1;
        break;
    }
    if (p != NULL)
        *(TnObject **)p = o;
    return 0;
}

/* A list field: every item converted, into a TnAstSeq (or, for Compare's
 * ops, an int array). */
static int seq_from_obj(FromObj *c, const TnAstNodeDef *d, const TnAstField *f, TnObject *list, void *node)
{
    if (!tn_list_check(list)) {
        tn_err_format(&tn_exc_TypeError, "%s field \"%s\" must be a list, not a %T", d->name, f->name, list);
        return -1;
    }
    tn_ssize_t n = tn_list_size(list);
    bool keep = f->offset >= 0 && node != NULL;
    bool ops = f->type == TN_AST_CMPOP;
    TnAstSeq *seq = NULL;
    int *opv = NULL;
    if (keep && ops) {
        size_t bytes;
        if (tn_mem_mul((size_t)n + 1, sizeof(int), &bytes) || (opv = tn_arena_alloc(c->arena, bytes)) == NULL) {
            if (!tn_err_occurred())
                tn_err_no_memory();
            return -1;
        }
        /* The length goes before the array, for the validator to compare
         * with the comparators (ast_validate.c). */
        opv[0] = (int)n;
        opv++;
        *(int **)FIELD_PTR(node, f->offset) = opv;
    } else if (keep) {
        if ((seq = tn_ast_seq_new(c->arena, n)) == NULL)
            return -1;
        *(TnAstSeq **)FIELD_PTR(node, f->offset) = seq;
    }
    char where[80];
    snprintf(where, sizeof where, " while traversing '%s' node", d->name);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *item = tn_list_get_item_ref(list, i);
        if (item == NULL)
            return -1;
        int r = tn_enter_recursive_call(where);
        if (r == 0) {
            r = obj_to_value(c, f->type, item, !keep ? NULL : ops ? (void *)&opv[i] : (void *)&seq->items[i]);
            tn_leave_recursive_call();
        }
        tn_decref(item);
        if (r < 0)
            return -1;
        if (tn_list_size(list) != n) {
            tn_err_format(&tn_exc_RuntimeError, "%s field \"%s\" changed size during iteration", d->name, f->name);
            return -1;
        }
    }
    return 0;
}

/* The location attributes of obj into loc; `owner` names the class in the
 * "required field ... missing from" message. */
static int loc_from_obj(FromObj *c, const TnAstNodeDef *d, TnObject *obj, TnAstLoc *loc, const char *owner)
{
    static const char *const names[4] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    int *out[4] = {&loc->lineno, &loc->col_offset, &loc->end_lineno, &loc->end_col_offset};
    for (int i = 0; i < 4; i++) {
        TnObject *v = NULL;
        if (tn_object_lookup_attr(obj, tn_str_intern_cstr(names[i]), &v) < 0)
            return -1;
        if (v == NULL || (v == TN_NONE && i >= 2 && d->attrs_optional)) {
            tn_xdecref(v);
            if (i >= 2 && d->attrs_optional) {
                *out[i] = *out[i - 2];   /* end = start, as CPython 3.11 */
                continue;
            }
            tn_err_format(&tn_exc_TypeError, "required field \"%s\" missing from %s", names[i], owner);
            return -1;
        }
        int r = obj_to_value(c, TN_AST_INT, v, out[i]);
        tn_decref(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* Fields of row d from obj into node (NULL: checked only). */
static int fields_from_obj(FromObj *c, const TnAstNodeDef *d, TnObject *obj, void *node)
{
    for (int k = 0; k < d->nfields; k++) {
        const TnAstField *f = &d->fields[k];
        TnObject *v = NULL;
        if (tn_object_lookup_attr(obj, tn_str_intern_cstr(f->name), &v) < 0)
            return -1;
        if (v == NULL && f->qual != TN_ASTQ_OPT) {
            tn_err_format(&tn_exc_TypeError, "required field \"%s\" missing from %s", f->name, d->name);
            return -1;
        }
        int r = 0;
        if (v == NULL || (v == TN_NONE && f->qual == TN_ASTQ_OPT))
            r = 0;   /* the node is zeroed: NULL */
        else if (f->qual == TN_ASTQ_SEQ)
            r = seq_from_obj(c, d, f, v, node);
        else
            r = obj_to_value(c, f->type, v, node != NULL && f->offset >= 0 ? FIELD_PTR(node, f->offset) : NULL);
        tn_xdecref(v);
        if (r < 0)
            return -1;
    }
    /* CPython's node constructors: a required node or identifier given as None. */
    for (int k = 0; node != NULL && k < d->nfields; k++) {
        const TnAstField *f = &d->fields[k];
        if (f->qual == TN_ASTQ_ONE && f->offset >= 0 && (f->type == TN_AST_IDENTIFIER || f->type == TN_AST_CONSTANT ||
                                                         (f->type < TN_AST_NCATEGORIES && !is_enum(f->type))) &&
            *(void **)FIELD_PTR(node, f->offset) == NULL) {
            tn_err_format(&tn_exc_ValueError, "field '%s' is required for %s", f->name, d->name);
            return -1;
        }
    }
    return 0;
}

static int obj_to_node_inner(FromObj *c, TnAstType cat, TnObject *obj, void **out)
{
    /* A product's one row is its category's ("arguments"), based on AST. */
    int first = tn_ast_node_index(cat, 0);
    bool product = first >= 0 && strcmp(tn_ast_nodes[first].base, "AST") == 0;
    int i;
    TnAstLoc loc = {0, 0, 0, 0};
    if (product) {
        i = first;
    } else {
        if (obj == TN_NONE)
            return 0;
        /* The category's base row says whether it has locations. */
        const TnAstNodeDef *base = NULL;
        for (int b = 0; b < tn_ast_nnodes && base == NULL; b++)
            if (tn_ast_nodes[b].category == cat && tn_ast_nodes[b].abstract)
                base = &tn_ast_nodes[b];
        if (base != NULL && base->nattrs > 0 && loc_from_obj(c, base, obj, &loc, base->name) < 0)
            return -1;
        if ((i = dispatch(c, cat, obj)) < 0)
            return -1;
    }
    const TnAstNodeDef *d = &tn_ast_nodes[i];
    void *node = NULL;
    if (d->size > 0 && (node = tn_arena_alloc(c->arena, d->size)) == NULL)
        return -1;
    if (node != NULL && tn_ast_is_tagged(cat))
        *(int *)node = d->kind;
    if (fields_from_obj(c, d, obj, node) < 0)
        return -1;
    if (product && d->nattrs > 0 && loc_from_obj(c, d, obj, &loc, d->name) < 0)
        return -1;
    if (node != NULL && d->loc >= 0)
        *(TnAstLoc *)FIELD_PTR(node, d->loc) = loc;
    *out = node;
    return 0;
}

static int obj_to_node(FromObj *c, TnAstType cat, TnObject *obj, void **out)
{
    char where[64];
    snprintf(where, sizeof where, " while traversing '%s' node", category_names[cat]);
    if (tn_enter_recursive_call(where) < 0)
        return -1;
    int r = obj_to_node_inner(c, cat, obj, out);
    tn_leave_recursive_call();
    return r;
}

TnMod *tn_ast_from_object(TnObject *obj, TnCompileMode mode, TnArena *arena)
{
    FromObj c = {tn_ast_classes(), arena};
    if (c.classes == NULL)
        return NULL;
    const char *req = mode == TN_MODE_EVAL ? "Expression" : mode == TN_MODE_SINGLE ? "Interactive" : "Module";
    int i = tn_ast_node_index(TN_AST_MOD, (int)mode);
    int r = tn_object_isinstance(obj, c.classes[i]);
    if (r < 0)
        return NULL;
    if (!r) {
        tn_err_format(&tn_exc_TypeError, "expected %s node, got %s", req, tn_type_name(tn_type(obj)));
        return NULL;
    }
    void *mod = NULL;
    if (obj_to_node(&c, TN_AST_MOD, obj, &mod) < 0 || tn_ast_validate(mod) < 0)
        return NULL;
    return mod;
}
