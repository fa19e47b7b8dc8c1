/* core/objects/module.c — module objects. */
#include "core/tn.h"

TnObject *tn_module_new(const char *name)
{
    TnModule *m = (TnModule *)tn_object_new(&tn_type_module, sizeof(TnModule));
    if (m == NULL)
        return NULL;
    m->dict = tn_dict_new();
    TnObject *n = tn_str_from_cstr(name);
    if (m->dict == NULL || n == NULL || tn_dict_set_item_cstr(m->dict, "__name__", n) < 0
        || tn_dict_set_item_cstr(m->dict, "__doc__", TN_NONE) < 0) {
        tn_xdecref(n);
        tn_decref(TN_OBJ(m));
        return NULL;
    }
    tn_decref(n);
    return TN_OBJ(m);
}

int tn_module_add_functions(TnObject *m, const TnMethodDef *defs)
{
    TnObject *name = tn_dict_get_cstr_borrowed(tn_module_dict(m), "__name__");
    for (const TnMethodDef *d = defs; d->name != NULL; d++) {
        TnObject *f = tn_cfunction_new(d, m, name);
        if (f == NULL)
            return -1;
        int r = tn_dict_set_item_cstr(tn_module_dict(m), d->name, f);
        tn_decref(f);
        if (r < 0)
            return -1;
    }
    return 0;
}

int tn_module_add_object(TnObject *m, const char *name, TnObject *value)
{
    return tn_dict_set_item_cstr(tn_module_dict(m), name, value);
}

static void module_dealloc(TnObject *self)
{
    TN_CLEAR(((TnModule *)self)->dict);
    tn_object_free(self);
}

/* No clear: every module operation reads the dict (tn_module_dict), and a
 * cycle through a module (its functions' globals are its dict) is broken
 * by the dict's own clear. */
static int module_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((TnModule *)self)->dict);
    return 0;
}

/* A module attribute as a new reference (NULL if absent, errors cleared).
 * Not the borrowed lookup: in the ft flavour another thread may replace or
 * delete the entry, and free the value, between a borrowed lookup and the
 * incref. */
static TnObject *dict_get_cstr_ref(TnObject *d, const char *key)
{
    TnObject *v;
    if (tn_dict_get_item_ref(d, tn_str_intern_cstr(key), &v) < 0)
        tn_err_clear();
    return v;
}

/* CPython's module repr (importlib's _module_repr): from the spec when
 * there is one, else from __file__, else the loader; a module made in C
 * (no __loader__ at all) is a builtin. */
static TnObject *module_repr(TnObject *self)
{
    TnObject *d = tn_module_dict(self);
    TnObject *name = dict_get_cstr_ref(d, "__name__");
    TnObject *file = dict_get_cstr_ref(d, "__file__");
    TnObject *spec = dict_get_cstr_ref(d, "__spec__");
    TnObject *loader = dict_get_cstr_ref(d, "__loader__");
    TnObject *origin = NULL, *res;
    if (spec != NULL && spec != TN_NONE && tn_object_lookup_attr(spec, tn_str_intern_cstr("origin"), &origin) < 0)
        tn_err_clear();
    if (name == NULL || !tn_str_check(name))
        res = tn_str_from_cstr("<module '?'>");
    else if (origin != NULL && tn_str_check(origin))
        res = file != NULL && tn_str_check(file) ? tn_str_from_format("<module %R from %R>", name, origin)
                                                 : tn_str_from_format("<module %R (%U)>", name, origin);
    else if (file != NULL && tn_str_check(file))
        res = tn_str_from_format("<module %R from %R>", name, file);
    else if (loader == NULL)
        res = tn_str_from_format("<module %R (built-in)>", name);
    else if (loader == TN_NONE)
        res = tn_str_from_format("<module %R>", name);
    else
        res = tn_str_from_format("<module %R (%R)>", name, loader);
    tn_xdecref(name);
    tn_xdecref(file);
    tn_xdecref(spec);
    tn_xdecref(loader);
    tn_xdecref(origin);
    return res;
}

/* Module attributes: the module dict, after data descriptors of the type. */
static TnObject *module_getattro(TnObject *self, TnObject *name)
{
    TnObject *v;
    int r = tn_dict_get_item_ref(tn_module_dict(self), name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    TnObject *descr = tn_type_lookup(tn_type(self), name);
    if (descr != NULL) {
        tn_descrgetfunc get = tn_type(descr)->descr_get;
        return get != NULL ? get(descr, self, TN_OBJ(tn_type(self))) : tn_newref(descr);
    }
    TnObject *modname = dict_get_cstr_ref(tn_module_dict(self), "__name__");
    if (modname != NULL && tn_str_check(modname) && tn_dict_contains(tn_interp()->importing, modname) > 0)
        tn_err_format(&tn_exc_AttributeError,
                      "partially initialized module '%U' has no attribute '%U' "
                      "(most likely due to a circular import)", modname, name);
    else if (modname != NULL && tn_str_check(modname))
        tn_err_format(&tn_exc_AttributeError, "module '%U' has no attribute '%U'", modname, name);
    else
        tn_err_format(&tn_exc_AttributeError, "module has no attribute '%U'", name);
    tn_xdecref(modname);
    return NULL;
}

static int module_setattro(TnObject *self, TnObject *name, TnObject *value)
{
    if (value != NULL)
        return tn_dict_set_item(tn_module_dict(self), name, value);
    if (tn_dict_del_item(tn_module_dict(self), name) < 0) {
        if (tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            TnObject *modname = dict_get_cstr_ref(tn_module_dict(self), "__name__");
            tn_err_format(&tn_exc_AttributeError, "module '%S' has no attribute '%U'",
                          modname ? modname : TN_NONE, name);
            tn_xdecref(modname);
        }
        return -1;
    }
    return 0;
}

static TnObject *module_get_dict(TnObject *self, void *c) { return tn_newref(tn_module_dict(self)); }

/* module(name, doc=None), i.e. types.ModuleType: the attributes CPython's
 * module.__init__ sets.  0 / -1. */
static int module_init_fields(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"name", "doc", NULL};
    TnObject *a[2] = {NULL, NULL};
    if (tn_args_parse("module", args, nargs, kwnames, names, 0, 1, a) < 0)
        return -1;
    if (!tn_str_check(a[0])) {
        tn_err_format(&tn_exc_TypeError, "module() argument 'name' must be str, not %s", tn_type_name(tn_type(a[0])));
        return -1;
    }
    TnObject *d = tn_module_dict(self);
    if (tn_dict_set_item_cstr(d, "__name__", a[0]) < 0
        || tn_dict_set_item_cstr(d, "__doc__", a[1] != NULL ? a[1] : TN_NONE) < 0
        || tn_dict_set_item_cstr(d, "__package__", TN_NONE) < 0
        || tn_dict_set_item_cstr(d, "__loader__", TN_NONE) < 0
        || tn_dict_set_item_cstr(d, "__spec__", TN_NONE) < 0)
        return -1;
    return 0;
}

/* A builtin type runs no __init__ after its constructor (tn_type_call), so
 * module(...) sets the fields here; a subclass's __init__ (its own, or
 * module.__init__ inherited) does it for instances of the subclass. */
static TnObject *module_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnModule *m = (TnModule *)tn_object_new(type, (size_t)type->basicsize);
    if (m == NULL)
        return NULL;
    m->dict = tn_dict_new();
    if (m->dict == NULL || (!(type->flags & TN_TPFLAGS_HEAPTYPE) && module_init_fields(TN_OBJ(m), args, nargs, kwnames) < 0)) {
        tn_decref(TN_OBJ(m));
        return NULL;
    }
    return TN_OBJ(m);
}

static TnObject *module_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return module_init_fields(self, args, nargs, kwnames) < 0 ? NULL : tn_none_ref();
}

static const TnMethodDef module_methods[] = {
    {"__init__", module_init, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_module = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "module",
    .weaklistoffset = offsetof(TnModule, weaklist),
    .basicsize = sizeof(TnModule),
    .dictoffset = offsetof(TnModule, dict),   /* subclasses use it, adding none of their own */
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattro = module_getattro,
    .setattro = module_setattro,
    .getsets = module_getsets,
    .methods = module_methods,
    .new_ = module_new,
    .traverse = module_traverse,
};
