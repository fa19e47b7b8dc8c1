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

static TnObject *module_repr(TnObject *self)
{
    TnObject *d = tn_module_dict(self);
    TnObject *name = dict_get_cstr_ref(d, "__name__");
    TnObject *file = dict_get_cstr_ref(d, "__file__");
    TnObject *res;
    if (name == NULL || !tn_str_check(name))
        res = tn_str_from_cstr("<module '?'>");
    else if (file != NULL && tn_str_check(file))
        res = tn_str_from_format("<module %R from %R>", name, file);
    else
        res = tn_str_from_format("<module %R (built-in)>", name);
    tn_xdecref(name);
    tn_xdecref(file);
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

static const TnGetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_module = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "module",
    .weaklistoffset = offsetof(TnModule, weaklist),
    .basicsize = sizeof(TnModule),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattro = module_getattro,
    .setattro = module_setattro,
    .getsets = module_getsets,
    .new_ = tn_type_new_not_allowed,
    .traverse = module_traverse,
};
