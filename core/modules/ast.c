/* core/modules/ast.c — the _ast module: ast.AST and the class of every node
 * of CPython 3.11's Python.asdl, made from the table of
 * core/modules/ast_nodes.h (docs/ast.md), and the PyCF_* flags.
 *
 * AST is a builtin type whose instances carry a __dict__ (as CPython's);
 * every node class is an ordinary class made by calling type() with the
 * row's _fields, _attributes, __match_args__, __doc__ and, as CPython 3.11
 * does, a class attribute None for each optional field (`expr? returns`)
 * and for the optional end positions.  Node objects are thus ordinary
 * instances: their fields live in the instance dict, and the collector
 * sees them through AST's traverse.
 *
 * The classes are made once per process, the first time _ast is imported
 * (under the import lock), and published with a release store: compile()
 * converts C trees to instances of these classes (core/modules/ast_convert.c)
 * and may run in any thread.  A second module object (after
 * `del sys.modules['_ast']`) reuses them, as _struct reuses struct.error.
 */
#include <string.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/modules/ast_nodes.h"
#include "core/compiler/ast.h"
#include "core/compiler/compile.h"
#include "core/vm/import.h"
#include "threading/atomic.h"

const TnAstNodeDef tn_ast_nodes[] = {
#include "core/modules/ast_nodes.inc"
};
const int tn_ast_nnodes = (int)(sizeof(tn_ast_nodes) / sizeof(tn_ast_nodes[0]));

#define NNODES (sizeof(tn_ast_nodes) / sizeof(tn_ast_nodes[0]))

static TnObject *node_classes[NNODES];
static TnObject *node_singletons[NNODES];
static TnObject *const *published;       /* node_classes once all are made */

typedef struct {
    TnObject ob;
    TnObject *dict;
} AstObject;

static TnType ast_type;

bool tn_ast_check(TnObject *obj)
{
    return tn_object_type_check(obj, &ast_type);
}

bool tn_ast_is_tagged(TnAstType cat)
{
    return cat == TN_AST_MOD || cat == TN_AST_STMT || cat == TN_AST_EXPR || cat == TN_AST_PATTERN;
}

int tn_ast_row_of(TnAstType cat, const void *node)
{
    return tn_ast_node_index(cat, tn_ast_is_tagged(cat) ? *(const int *)node : 0);
}

int tn_ast_node_index(TnAstType cat, int kind)
{
    for (int i = 0; i < tn_ast_nnodes; i++)
        if (tn_ast_nodes[i].category == cat && !tn_ast_nodes[i].abstract && tn_ast_nodes[i].kind == kind)
            return i;
    return -1;
}

/* ---- ast.AST ------------------------------------------------------------ */

static void ast_dealloc(TnObject *self)
{
    tn_xdecref(((AstObject *)self)->dict);
    tn_object_free(self);
}

static int ast_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((AstObject *)self)->dict);
    return 0;
}

/* The dict is read lock-free by attribute lookups: replaced as a QSBR field. */
static int ast_clear(TnObject *self)
{
    tn_field_replace_steal(&((AstObject *)self)->dict, NULL);
    return 0;
}

/* CPython's _PyType_Name: the part of the type's name after the last dot. */
static const char *short_name(TnType *tp)
{
    const char *name = tn_type_name(tp);
    const char *dot = strrchr(name, '.');
    return dot != NULL ? dot + 1 : name;
}

/* AST.__init__(*args, **kwargs): positional arguments name the _fields in
 * order, keywords any attribute (CPython 3.11's ast_type_init; fields not
 * given are left unset). */
static TnObject *ast_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *fields = NULL;
    tn_ssize_t numfields = 0;
    if (tn_object_lookup_attr(TN_OBJ(tn_type(self)), tn_str_intern_cstr("_fields"), &fields) < 0)
        return NULL;
    if (fields != NULL && (numfields = tn_object_length(fields)) < 0)
        goto error;
    if (numfields < nargs) {
        tn_err_format(&tn_exc_TypeError, "%s constructor takes at most %zd positional argument%s",
                      short_name(tn_type(self)), numfields, numfields == 1 ? "" : "s");
        goto error;
    }
    for (tn_ssize_t i = 0; i < nargs; i++) {
        TnObject *idx = tn_int_from_i64(i);
        TnObject *name = idx != NULL ? tn_object_getitem(fields, idx) : NULL;
        tn_xdecref(idx);
        int r = name != NULL ? tn_object_setattr(self, name, args[i]) : -1;
        tn_xdecref(name);
        if (r < 0)
            goto error;
    }
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    for (tn_ssize_t k = 0; k < nkw; k++) {
        TnObject *key = tn_tuple_get(kwnames, k);
        if (fields != NULL) {
            int contains = tn_sequence_contains(fields, key);
            if (contains < 0)
                goto error;
            if (contains) {
                TnObject *pos = tn_call_method_cstr(fields, "index", &key, 1);
                tn_ssize_t p = pos != NULL ? tn_number_as_ssize(pos, &tn_exc_OverflowError) : -1;
                tn_xdecref(pos);
                if (p < 0)
                    goto error;
                if (p < nargs) {
                    tn_err_format(&tn_exc_TypeError, "%s got multiple values for argument '%U'",
                                  tn_type_name(tn_type(self)), key);
                    goto error;
                }
            }
        }
        if (tn_object_setattr(self, key, args[nargs + k]) < 0)
            goto error;
    }
    tn_xdecref(fields);
    return tn_newref(TN_NONE);
error:
    tn_xdecref(fields);
    return NULL;
}

/* Instances start empty; heap subclasses (every node class) run __init__
 * after this through the class call, AST itself here. */
static TnObject *ast_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *self = tn_object_new(type, (size_t)type->basicsize);
    if (self == NULL || type != &ast_type)
        return self;
    TnObject *r = ast_init(self, args, nargs, kwnames);
    if (r == NULL)
        TN_CLEAR(self);
    tn_xdecref(r);
    return self;
}

/* __reduce__: (type(self), (), self.__dict__), so copy and pickle work. */
static TnObject *ast_reduce(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *dict = NULL;
    if (tn_object_lookup_attr(self, tn_str_intern_cstr("__dict__"), &dict) < 0)
        return NULL;
    TnObject *empty = tn_tuple_new(0);
    TnObject *res = empty != NULL ? tn_tuple_new(dict != NULL ? 3 : 2) : NULL;
    if (res == NULL) {
        tn_xdecref(empty);
        tn_xdecref(dict);
        return NULL;
    }
    tn_tuple_set_steal(res, 0, tn_newref(TN_OBJ(tn_type(self))));
    tn_tuple_set_steal(res, 1, empty);
    if (dict != NULL)
        tn_tuple_set_steal(res, 2, dict);
    return res;
}

static const TnMethodDef ast_methods[] = {
    {"__init__", ast_init, 0, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__reduce__", ast_reduce, 0, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

/* AST.__dict__ (the node classes inherit it). */
static TnObject *ast_get_dict(TnObject *self, void *closure)
{
    TnObject *dict = tn_object_dict_get_or_create(tn_object_dict_ptr(self));
    return dict != NULL ? tn_newref(dict) : NULL;
}

static const TnGetSetDef ast_getsets[] = {
    {"__dict__", ast_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnType ast_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "ast.AST",
    .basicsize = sizeof(AstObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = ast_dealloc,
    .traverse = ast_traverse,
    .clear = ast_clear,
    .new_ = ast_new,
    .methods = ast_methods,
    .getsets = ast_getsets,
    .dictoffset = offsetof(AstObject, dict),
};

/* ---- the node classes ----------------------------------------------------- */

static TnObject *str_tuple(const char *const *names, int n)
{
    TnObject *t = tn_tuple_new(n);
    for (int i = 0; t != NULL && i < n; i++) {
        TnObject *s = tn_str_intern_cstr(names[i]);
        if (s == NULL)
            TN_CLEAR(t);
        else
            tn_tuple_set_steal(t, i, tn_newref(s));
    }
    return t;
}

static const char *const attr_names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};

/* _fields / __match_args__ (and _attributes for a category's base) of row d
 * in ns.  0 / -1. */
static int set_layout(TnObject *ns, const TnAstNodeDef *d)
{
    const char *names[TN_AST_MAX_FIELDS];
    for (int i = 0; i < d->nfields; i++)
        names[i] = d->fields[i].name;
    TnObject *fields = str_tuple(names, d->nfields);
    int r = fields != NULL && tn_dict_set_item_cstr(ns, "_fields", fields) == 0 &&
            tn_dict_set_item_cstr(ns, "__match_args__", fields) == 0 ? 0 : -1;
    tn_xdecref(fields);
    if (r == 0 && strcmp(d->base, "AST") == 0) {
        TnObject *attrs = str_tuple(attr_names, d->nattrs);
        r = attrs != NULL && tn_dict_set_item_cstr(ns, "_attributes", attrs) == 0 ? 0 : -1;
        tn_xdecref(attrs);
        if (r == 0 && d->attrs_optional)
            r = tn_dict_set_item_cstr(ns, "end_lineno", TN_NONE) == 0 &&
                tn_dict_set_item_cstr(ns, "end_col_offset", TN_NONE) == 0 ? 0 : -1;
    }
    for (int i = 0; r == 0 && i < d->nfields; i++)
        if (d->fields[i].qual == TN_ASTQ_OPT)
            r = tn_dict_set_item_cstr(ns, d->fields[i].name, TN_NONE);
    return r;
}

static TnObject *class_by_name(const char *name, int upto)
{
    if (strcmp(name, "AST") == 0)
        return TN_OBJ(&ast_type);
    for (int i = 0; i < upto; i++)
        if (strcmp(tn_ast_nodes[i].name, name) == 0)
            return node_classes[i];
    return NULL;
}

/* type(name, (base,), ns) for row i.  New reference or NULL. */
static TnObject *make_class(int i)
{
    const TnAstNodeDef *d = &tn_ast_nodes[i];
    TnObject *name = tn_str_from_cstr(d->name);
    TnObject *bases = tn_tuple_pack(1, class_by_name(d->base, i));
    TnObject *ns = tn_dict_new();
    TnObject *doc = tn_str_from_cstr(d->doc);
    TnObject *mod = tn_str_from_cstr("ast");
    TnObject *cls = NULL;
    if (name != NULL && bases != NULL && ns != NULL && doc != NULL && mod != NULL &&
        tn_dict_set_item_cstr(ns, "__module__", mod) == 0 && tn_dict_set_item_cstr(ns, "__doc__", doc) == 0 &&
        set_layout(ns, d) == 0) {
        TnObject *cargs[3] = {name, bases, ns};
        cls = tn_call(TN_OBJ(&tn_type_type), cargs, 3, NULL);
    }
    tn_xdecref(name);
    tn_xdecref(bases);
    tn_xdecref(ns);
    tn_xdecref(doc);
    tn_xdecref(mod);
    return cls;
}

/* AST's own class attributes, then every class in table order (a base comes
 * before its subclasses), and the instances of the classes without fields. */
static int make_classes(void)
{
    TnObject *empty = tn_tuple_new(0);
    TnObject *mod = tn_str_from_cstr("ast");
    int r = empty != NULL && mod != NULL && tn_dict_set_item_cstr(ast_type.dict, "_fields", empty) == 0 &&
            tn_dict_set_item_cstr(ast_type.dict, "_attributes", empty) == 0 &&
            tn_dict_set_item_cstr(ast_type.dict, "__match_args__", empty) == 0 &&
            tn_dict_set_item_cstr(ast_type.dict, "__module__", mod) == 0 ? 0 : -1;
    tn_xdecref(empty);
    tn_xdecref(mod);
    for (int i = 0; r == 0 && i < tn_ast_nnodes; i++) {
        if ((node_classes[i] = make_class(i)) == NULL)
            r = -1;
        else if (!tn_ast_nodes[i].abstract && tn_ast_nodes[i].nfields == 0 && tn_ast_nodes[i].size == 0 &&
                 (node_singletons[i] = tn_call_noargs(node_classes[i])) == NULL)
            r = -1;
    }
    if (r < 0) {
        for (int i = 0; i < tn_ast_nnodes; i++) {
            TN_CLEAR(node_classes[i]);
            TN_CLEAR(node_singletons[i]);
        }
        return -1;
    }
    tn_atomic_store_ptr_release((void **)&published, (void *)node_classes);
    return 0;
}

TnObject *const *tn_ast_classes(void)
{
    TnObject *const *classes = tn_atomic_load_ptr_acquire((void *const *)&published);
    if (classes != NULL)
        return classes;
    TnObject *name = tn_str_from_cstr("_ast");
    TnObject *m = name != NULL ? tn_import_module_level(name, NULL, NULL, 0) : NULL;
    tn_xdecref(name);
    if (m == NULL)
        return NULL;
    tn_decref(m);
    return tn_atomic_load_ptr_acquire((void *const *)&published);
}

TnObject *const *tn_ast_singletons(void)
{
    return tn_ast_classes() != NULL ? node_singletons : NULL;
}

TnObject *tn_ast_module_create(void)
{
    if (tn_type_ready(&ast_type) < 0)
        return NULL;
    if (tn_atomic_load_ptr_acquire((void *const *)&published) == NULL && make_classes() < 0)
        return NULL;
    TnObject *m = tn_module_new("_ast");
    if (m == NULL || tn_module_add_object(m, "AST", TN_OBJ(&ast_type)) < 0)
        goto error;
    for (int i = 0; i < tn_ast_nnodes; i++)
        if (tn_module_add_object(m, tn_ast_nodes[i].name, node_classes[i]) < 0)
            goto error;
    static const struct { const char *name; int value; } flags[] = {
        {"PyCF_ONLY_AST", TN_CF_ONLY_AST},
        {"PyCF_TYPE_COMMENTS", TN_CF_TYPE_COMMENTS},
        {"PyCF_ALLOW_TOP_LEVEL_AWAIT", TN_CF_ALLOW_TOP_LEVEL_AWAIT},
    };
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        TnObject *v = tn_int_from_i64(flags[i].value);
        if (v == NULL || tn_module_add_object(m, flags[i].name, v) < 0) {
            tn_xdecref(v);
            goto error;
        }
        tn_decref(v);
    }
    return m;
error:
    tn_xdecref(m);
    return NULL;
}
