/* core/modules/warnings.c — _warnings, the C entry point to warnings
 * (docs/stdlib.md, "_warnings").
 *
 * CPython's _warnings holds the whole machinery in C (filters, the once
 * registry, the formatting); its warnings.py uses that when
 * `from _warnings import filters, _defaultaction, _onceregistry, warn,
 * warn_explicit, _filters_mutated` succeeds, and its own pure-Python
 * machinery otherwise.  Tandem's _warnings deliberately exports only warn
 * and warn_explicit, so that import fails and warnings.py keeps the
 * machinery in Python; these two call warnings.warn / warn_explicit.  They
 * are what importlib's bootstrap (which imports _warnings as a builtin)
 * and C code call.
 */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/vm/import.h"

/* warnings.<name>(*args, **kwargs), importing warnings on first use. */
static TnObject *forward(const char *name, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *mod = tn_import_module_level(tn_str_intern_cstr("warnings"), NULL, NULL, 0);
    if (mod == NULL)
        return NULL;
    TnObject *fn = tn_object_getattr_cstr(mod, name);
    tn_decref(mod);
    if (fn == NULL)
        return NULL;
    TnObject *r = tn_call(fn, args, nargs, kwnames);
    tn_decref(fn);
    return r;
}

static TnObject *warnings_warn(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return forward("warn", args, nargs, kwnames);
}

static TnObject *warnings_warn_explicit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return forward("warn_explicit", args, nargs, kwnames);
}

static const TnMethodDef warnings_methods[] = {
    {"warn", warnings_warn, 0, "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", warnings_warn_explicit, 0, "Low-level interface to warnings functionality."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_warnings_module_create(void)
{
    TnObject *m = tn_module_new("_warnings");
    if (m != NULL && tn_module_add_functions(m, warnings_methods) < 0)
        TN_CLEAR(m);
    return m;
}
