/* core/objects/mappingproxy.c — mappingproxy, CPython's read-only mapping
 * view.  `C.__dict__` hands one out over the class's real dict, so that
 * class attributes can only change through setattr (which keeps the type's
 * lookup cache and slots in step, see type_setattro); reads see every
 * later change.  Every operation forwards to the wrapped mapping; there is
 * no item assignment or deletion. */
#include "core/tn.h"
#include "core/objects/mappingproxy.h"
#include "core/compiler/ast.h"

typedef struct TnMappingProxy {
    TnObject ob;
    TnObject *mapping;
} TnMappingProxy;

static TnObject *mapping_of(TnObject *self) { return ((TnMappingProxy *)self)->mapping; }

TnObject *tn_mappingproxy_new(TnObject *mapping)
{
    TnMappingProxy *p = (TnMappingProxy *)tn_object_new(&tn_type_mappingproxy, sizeof(TnMappingProxy));
    if (p == NULL)
        return NULL;
    p->mapping = tn_newref(mapping);
    return TN_OBJ(p);
}

/* mappingproxy(mapping): anything with __getitem__ except lists and tuples
 * (CPython's mappingproxy_check_mapping). */
static TnObject *mappingproxy_new_slot(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"mapping", NULL};
    TnObject *mapping = NULL;
    if (tn_args_parse("mappingproxy", args, nargs, kwnames, names, 0, 1, &mapping) < 0)
        return NULL;
    const TnMappingMethods *mp = tn_type(mapping)->as_mapping;
    if (mp == NULL || mp->subscript == NULL || tn_list_check(mapping) || tn_tuple_check(mapping))
        return tn_err_format(&tn_exc_TypeError, "mappingproxy() argument must be a mapping, not %T", mapping);
    return tn_mappingproxy_new(mapping);
}

static void mappingproxy_dealloc(TnObject *self)
{
    TN_CLEAR(((TnMappingProxy *)self)->mapping);
    tn_object_free(self);
}

/* No clear, as CPython's: every operation forwards to the mapping. */
static int mappingproxy_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(mapping_of(self));
    return 0;
}

static TnObject *mappingproxy_repr(TnObject *self) { return tn_str_from_format("mappingproxy(%R)", mapping_of(self)); }
static TnObject *mappingproxy_str(TnObject *self) { return tn_object_str(mapping_of(self)); }
static TnObject *mappingproxy_iter(TnObject *self) { return tn_object_get_iter(mapping_of(self)); }
static tn_ssize_t mappingproxy_len(TnObject *self) { return tn_object_length(mapping_of(self)); }

static TnObject *mappingproxy_getitem(TnObject *self, TnObject *key)
{
    return tn_object_getitem(mapping_of(self), key);
}

static int mappingproxy_contains(TnObject *self, TnObject *key)
{
    TnObject *m = mapping_of(self);
    if (tn_dict_check_exact(m))
        return tn_dict_contains(m, key);
    return tn_sequence_contains(m, key);
}

static TnObject *mappingproxy_richcompare(TnObject *self, TnObject *other, int op)
{
    return tn_object_richcompare(mapping_of(self), other, op);
}

/* proxy | other and other | proxy: the union of the underlying mappings. */
static TnObject *mappingproxy_or(TnObject *a, TnObject *b)
{
    if (tn_object_type_check(a, &tn_type_mappingproxy))
        a = mapping_of(a);
    if (tn_object_type_check(b, &tn_type_mappingproxy))
        b = mapping_of(b);
    return tn_number_binop(a, b, TN_OP_BITOR);
}

static TnObject *mappingproxy_ior(TnObject *self, TnObject *other)
{
    return tn_err_format(&tn_exc_TypeError, "'|=' is not supported by %s; use '|' instead", tn_type_name(tn_type(self)));
}

/* get/keys/values/items/copy/__reversed__ call the mapping's own method. */
static TnObject *forward(TnObject *self, const char *name, TnObject *const *args, tn_ssize_t nargs)
{
    return tn_call_method_cstr(mapping_of(self), name, args, nargs);
}

static TnObject *mappingproxy_get(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get", kwnames) < 0 || tn_args_count("get", nargs, 1, 2) < 0)
        return NULL;
    TnObject *a[2] = {args[0], nargs > 1 ? args[1] : TN_NONE};
    return forward(self, "get", a, 2);
}

#define NOARG_FORWARD(fn, name)                                                                     \
    static TnObject *fn(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames) \
    {                                                                                               \
        if (tn_args_no_kw(name, kwnames) < 0 || tn_args_count(name, nargs, 0, 0) < 0)               \
            return NULL;                                                                            \
        return forward(self, name, NULL, 0);                                                        \
    }
NOARG_FORWARD(mappingproxy_keys, "keys")
NOARG_FORWARD(mappingproxy_values, "values")
NOARG_FORWARD(mappingproxy_items, "items")
NOARG_FORWARD(mappingproxy_copy, "copy")
NOARG_FORWARD(mappingproxy_reversed, "__reversed__")
#undef NOARG_FORWARD

static const TnMethodDef mappingproxy_methods[] = {
    {"get", mappingproxy_get, 0, "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", mappingproxy_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", mappingproxy_values, 0, "D.values() -> an object providing a view on D's values"},
    {"items", mappingproxy_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", mappingproxy_copy, 0, "D.copy() -> a shallow copy of D"},
    {"__reversed__", mappingproxy_reversed, 0, "D.__reversed__() -> reverse iterator"},
    {NULL, NULL, 0, NULL},
};

static const TnNumberMethods mappingproxy_as_number = {
    .or_ = mappingproxy_or,
    .inplace_or = mappingproxy_ior,
};

static const TnSequenceMethods mappingproxy_as_sequence = {
    .contains = mappingproxy_contains,
};

static const TnMappingMethods mappingproxy_as_mapping = {
    .length = mappingproxy_len,
    .subscript = mappingproxy_getitem,
};

TnType tn_type_mappingproxy = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "mappingproxy",
    .basicsize = sizeof(TnMappingProxy),
    .flags = TN_TPFLAGS_HAVE_GC,
    .traverse = mappingproxy_traverse,
    .dealloc = mappingproxy_dealloc,
    .repr = mappingproxy_repr,
    .str = mappingproxy_str,
    .hash = tn_hash_not_implemented,
    .richcompare = mappingproxy_richcompare,
    .iter = mappingproxy_iter,
    .as_number = &mappingproxy_as_number,
    .as_sequence = &mappingproxy_as_sequence,
    .as_mapping = &mappingproxy_as_mapping,
    .methods = mappingproxy_methods,
    .new_ = mappingproxy_new_slot,
};
