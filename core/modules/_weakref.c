/* core/modules/_weakref.c — the _weakref module: ref, proxy,
 * getweakrefcount, getweakrefs, _remove_dead_weakref and the three types.
 * The types live in core/objects/weakref.c (design: docs/weakref.md);
 * CPython's weakref.py and _weakrefset.py build on this module. */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/objects/weakref.h"
#include "gc/gc.h"

static TnObject *weakref_getweakrefcount(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                         TnObject *kwnames)
{
    if (tn_args_no_kw("_weakref.getweakrefcount", kwnames) < 0
        || tn_args_count("_weakref.getweakrefcount", nargs, 1, 1) < 0)
        return NULL;
    return tn_int_from_ssize(tn_weakref_count(args[0]));
}

static TnObject *weakref_getweakrefs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_weakref.getweakrefs", kwnames) < 0 || tn_args_count("_weakref.getweakrefs", nargs, 1, 1) < 0)
        return NULL;
    return tn_weakref_list(args[0]);
}

static TnObject *weakref_proxy(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_weakref.proxy", kwnames) < 0 || tn_args_count("proxy", nargs, 1, 2) < 0)
        return NULL;
    return tn_weakref_new_proxy(args[0], nargs > 1 ? args[1] : NULL);
}

/* Is value a dead weak reference?  1 / 0 / -1 (TypeError: not a weakref). */
static int is_dead_weakref(TnObject *value)
{
    if (!tn_weakref_check(value)) {
        tn_err_set_str(&tn_exc_TypeError, "not a weakref");
        return -1;
    }
    TnObject *ob = tn_weakref_get_ref(value);
    tn_xdecref(ob);
    return ob == NULL;
}

/* Delete dct[key] if it is a dead weak reference, inside dct's section. */
static int remove_dead_lock_held(TnObject *dct, TnObject *key)
{
    tn_critical_section_assert_held(dct);
    TnObject *value;
    int r = tn_dict_get_item_ref(dct, key, &value);
    if (r <= 0)
        return r;
    r = is_dead_weakref(value);
    tn_decref(value);
    return r > 0 ? tn_dict_del_item(dct, key) : r;
}

/* _remove_dead_weakref(dct, key): what WeakValueDictionary's callbacks use
 * to drop an entry only if it still holds a dead weak reference (another
 * thread, or the callback's own owner, may have stored a new one).  A
 * missing key is fine. */
static TnObject *weakref_remove_dead_weakref(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                             TnObject *kwnames)
{
    if (tn_args_no_kw("_remove_dead_weakref", kwnames) < 0 || tn_args_count("_remove_dead_weakref", nargs, 2, 2) < 0)
        return NULL;
    TnObject *dct = args[0];
    if (!tn_dict_check(dct))
        return tn_err_format(&tn_exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %T", dct);
    int r;
    TN_BEGIN_CRITICAL_SECTION(dct);
    r = remove_dead_lock_held(dct, args[1]);
    TN_END_CRITICAL_SECTION();
    return r >= 0 ? tn_newref(TN_NONE) : NULL;
}

static const TnMethodDef weakref_functions[] = {
    {"getweakrefcount", weakref_getweakrefcount, 0, "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_getweakrefs, 0,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", weakref_proxy, 0,
     "Create a proxy object that weakly references 'object'.\n\n"
     "'callback', if given, is called with a reference to the\n"
     "proxy when 'object' is about to be finalized."},
    {"_remove_dead_weakref", weakref_remove_dead_weakref, 0,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_weakref_module_create(void)
{
    if (tn_type_ready(&tn_type_weakref) < 0 || tn_type_ready(&tn_type_weakproxy) < 0
        || tn_type_ready(&tn_type_weakcallableproxy) < 0)
        return NULL;
    /* The collectors clear weak references and run their callbacks through these. */
    TnGCHooks *hooks = tn_gc_hooks();
    hooks->clear_weakrefs = tn_weakref_clear_for_gc;
    hooks->call_weakref_callback = tn_weakref_call_callback;
    hooks->detach_weakref = tn_weakref_detach;
    TnObject *m = tn_module_new("_weakref");
    if (m == NULL)
        return NULL;
    TnObject *doc = tn_str_from_cstr("Weak-reference support module.");
    if (doc == NULL || tn_module_add_object(m, "__doc__", doc) < 0 || tn_module_add_functions(m, weakref_functions) < 0
        || tn_module_add_object(m, "ref", TN_OBJ(&tn_type_weakref)) < 0
        || tn_module_add_object(m, "ReferenceType", TN_OBJ(&tn_type_weakref)) < 0
        || tn_module_add_object(m, "ProxyType", TN_OBJ(&tn_type_weakproxy)) < 0
        || tn_module_add_object(m, "CallableProxyType", TN_OBJ(&tn_type_weakcallableproxy)) < 0) {
        tn_xdecref(doc);
        tn_decref(m);
        return NULL;
    }
    tn_decref(doc);
    return m;
}
