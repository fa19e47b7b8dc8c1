/* core/objects/singletons.c — None, NotImplemented, Ellipsis, and bool.
 *
 * All five objects are static and immortal.  True and False are TnInt
 * structs of type bool (a subclass of int that cannot itself be
 * subclassed); bool's number slots are int's except & | ^, which return a
 * bool when both operands are bools (tn_bool_as_number in int.c).
 */
#include "core/tn.h"

TnObject tn_none_struct = TN_STATIC_OBJECT_HEAD(&tn_type_none);
TnObject tn_notimplemented_struct = TN_STATIC_OBJECT_HEAD(&tn_type_notimplemented);
TnObject tn_ellipsis_struct = TN_STATIC_OBJECT_HEAD(&tn_type_ellipsis);
TnInt tn_false_struct = {.ob = TN_STATIC_OBJECT_HEAD(&tn_type_bool), .value = 0};
TnInt tn_true_struct = {.ob = TN_STATIC_OBJECT_HEAD(&tn_type_bool), .value = 1};

/* Constructors of the singleton types: no arguments, return the object. */
static TnObject *singleton_new(const char *name, TnObject *obj, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs > 0 || (kwnames != NULL && tn_tuple_size(kwnames) > 0))
        return tn_err_format(&tn_exc_TypeError, "%s takes no arguments", name);
    return obj;
}

static TnObject *none_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)type;
    (void)args;
    return singleton_new("NoneType", TN_NONE, nargs, kwnames);
}

static TnObject *notimplemented_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)type;
    (void)args;
    return singleton_new("NotImplementedType", TN_NOTIMPLEMENTED, nargs, kwnames);
}

static TnObject *ellipsis_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)type;
    (void)args;
    return singleton_new("ellipsis", TN_ELLIPSIS, nargs, kwnames);
}

static TnObject *none_repr(TnObject *op)
{
    (void)op;
    return tn_str_intern_cstr("None");
}

static TnObject *notimplemented_repr(TnObject *op)
{
    (void)op;
    return tn_str_intern_cstr("NotImplemented");
}

static TnObject *ellipsis_repr(TnObject *op)
{
    (void)op;
    return tn_str_intern_cstr("Ellipsis");
}

static int none_bool(TnObject *op)
{
    (void)op;
    return 0;
}

static tn_hash_t singleton_hash(TnObject *op) { return tn_hash_pointer(op); }

/* Immortal: never called, but every type has a dealloc. */
static void singleton_dealloc(TnObject *op) { (void)op; }

/* __reduce__ of NotImplemented / Ellipsis returns their name, as CPython. */
static TnObject *notimplemented_reduce(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    (void)self;
    (void)args;
    if (tn_args_no_kw("__reduce__", kwnames) < 0 || tn_args_count("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    return tn_str_intern_cstr("NotImplemented");
}

static TnObject *ellipsis_reduce(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)self;
    (void)args;
    if (tn_args_no_kw("__reduce__", kwnames) < 0 || tn_args_count("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    return tn_str_intern_cstr("Ellipsis");
}

static const TnMethodDef notimplemented_methods[] = {
    {"__reduce__", notimplemented_reduce, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnMethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnNumberMethods none_as_number = {
    .bool_ = none_bool,
};

/* ---- bool ---------------------------------------------------------------- */

static TnObject *bool_repr(TnObject *op)
{
    return tn_str_intern_cstr(op == TN_TRUE ? "True" : "False");
}

static TnObject *bool_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)type;
    if (tn_args_no_kw("bool", kwnames) < 0 || tn_args_count("bool", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return TN_FALSE;
    int r = tn_object_is_true(args[0]);
    if (r < 0)
        return NULL;
    return tn_bool_from(r);
}

TnType tn_type_none = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "NoneType",
    .basicsize = sizeof(TnObject),
    .dealloc = singleton_dealloc,
    .repr = none_repr,
    .hash = singleton_hash,
    .new_ = none_new,
    .as_number = &none_as_number,
};

TnType tn_type_notimplemented = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "NotImplementedType",
    .basicsize = sizeof(TnObject),
    .dealloc = singleton_dealloc,
    .repr = notimplemented_repr,
    .hash = singleton_hash,
    .new_ = notimplemented_new,
    .methods = notimplemented_methods,
};

TnType tn_type_ellipsis = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "ellipsis",
    .basicsize = sizeof(TnObject),
    .dealloc = singleton_dealloc,
    .repr = ellipsis_repr,
    .hash = singleton_hash,
    .new_ = ellipsis_new,
    .methods = ellipsis_methods,
};

TnType tn_type_bool = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "bool",
    .basicsize = sizeof(TnInt),
    .flags = TN_TPFLAGS_INT_SUBCLASS,
    .base = &tn_type_int,
    .dealloc = singleton_dealloc,
    .repr = bool_repr,
    .hash = tn_int_hash,
    .richcompare = tn_int_richcompare,
    .new_ = bool_new,
    .as_number = &tn_bool_as_number,
    .doc = "bool(x) -> bool",
};
