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

static TnObject *module_repr(TnObject *self)
{
    TnObject *d = tn_module_dict(self);
    TnObject *name = tn_dict_get_cstr_borrowed(d, "__name__");
    TnObject *file = tn_dict_get_cstr_borrowed(d, "__file__");
    if (name == NULL || !tn_str_check(name))
        return tn_str_from_cstr("<module '?'>");
    if (file != NULL && tn_str_check(file))
        return tn_str_from_format("<module %R from %R>", name, file);
    return tn_str_from_format("<module %R (built-in)>", name);
}

/* Module attributes: the module dict, after data descriptors of the type. */
static TnObject *module_getattro(TnObject *self, TnObject *name)
{
    TnObject *v = tn_dict_get_str_borrowed(tn_module_dict(self), name);
    if (v != NULL)
        return tn_newref(v);
    TnObject *descr = tn_type_lookup(tn_type(self), name);
    if (descr != NULL) {
        tn_descrgetfunc get = tn_type(descr)->descr_get;
        return get != NULL ? get(descr, self, TN_OBJ(tn_type(self))) : tn_newref(descr);
    }
    TnObject *modname = tn_dict_get_cstr_borrowed(tn_module_dict(self), "__name__");
    if (modname != NULL && tn_str_check(modname))
        return tn_err_format(&tn_exc_AttributeError, "module '%U' has no attribute '%U'", modname, name);
    return tn_err_format(&tn_exc_AttributeError, "module has no attribute '%U'", name);
}

static int module_setattro(TnObject *self, TnObject *name, TnObject *value)
{
    if (value != NULL)
        return tn_dict_set_item(tn_module_dict(self), name, value);
    if (tn_dict_del_item(tn_module_dict(self), name) < 0) {
        if (tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            TnObject *modname = tn_dict_get_cstr_borrowed(tn_module_dict(self), "__name__");
            tn_err_format(&tn_exc_AttributeError, "module '%S' has no attribute '%U'",
                          modname ? modname : TN_NONE, name);
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
    .basicsize = sizeof(TnModule),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattro = module_getattro,
    .setattro = module_setattro,
    .getsets = module_getsets,
    .new_ = tn_type_new_not_allowed,
};
