/* core/modules/imp.c — _imp, the importer's C half that CPython 3.11's
 * importlib (importlib/_bootstrap.py, _bootstrap_external.py) calls, over
 * Tandem's C importer (core/vm/import.c).  Design: docs/stdlib.md,
 * "importlib".
 *
 * Builtin modules are the importer's table (tn_import_is_builtin /
 * tn_import_create_builtin); Tandem has no frozen modules and loads no
 * extension modules, so the frozen queries answer "no" with CPython's
 * messages and extension_suffixes() is empty.  The import lock is
 * importlib's global lock: reentrant, owned by one thread (interp fields
 * imp_lock*).
 */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/vm/import.h"
#include "threading/mutex.h"
#include "threading/thread_id.h"

static int name_arg(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 1) < 0)
        return -1;
    if (!tn_str_check(args[0])) {
        tn_err_format(&tn_exc_TypeError, "%s() argument must be str, not %s", fname,
                      tn_type_name(tn_type(args[0])));
        return -1;
    }
    return 0;
}

/* is_builtin(name): -1 for sys and builtins (they cannot be created
 * again), 1 for the other builtin modules, 0 otherwise. */
static TnObject *imp_is_builtin(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (name_arg("is_builtin", args, nargs, kwnames) < 0)
        return NULL;
    const char *name = tn_str_utf8(args[0], NULL);
    if (name == NULL)
        return NULL;
    if (strcmp(name, "sys") == 0 || strcmp(name, "builtins") == 0)
        return tn_int_from_i64(-1);
    return tn_int_from_i64(tn_import_is_builtin(name) ? 1 : 0);
}

/* create_builtin(spec): the module named spec.name, the one already in
 * sys.modules if it was made (builtin modules are made once, as CPython's
 * single-phase ones). */
static TnObject *imp_create_builtin(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("create_builtin", kwnames) < 0 || tn_args_count("create_builtin", nargs, 1, 1) < 0)
        return NULL;
    TnObject *name = tn_object_getattr_cstr(args[0], "name");
    if (name == NULL)
        return NULL;
    if (!tn_str_check(name)) {
        tn_err_format(&tn_exc_TypeError, "name must be string, not %s", tn_type_name(tn_type(name)));
        tn_decref(name);
        return NULL;
    }
    /* An unknown name gives None, as CPython's. */
    const char *s = tn_str_utf8(name, NULL);
    TnObject *m = s == NULL ? NULL : tn_import_is_builtin(s) || strcmp(s, "sys") == 0 || strcmp(s, "builtins") == 0
                                         ? tn_import_create_builtin(name) : tn_none_ref();
    tn_decref(name);
    return m;
}

static TnObject *imp_exec_builtin(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("exec_builtin", kwnames) < 0 || tn_args_count("exec_builtin", nargs, 1, 1) < 0)
        return NULL;
    return tn_int_from_i64(0);   /* made complete by create_builtin */
}

static TnObject *imp_is_frozen(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (name_arg("is_frozen", args, nargs, kwnames) < 0)
        return NULL;
    return tn_bool_from(false);
}

static TnObject *imp_find_frozen(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"", "withdata", NULL};
    TnObject *a[2];
    if (tn_args_parse("find_frozen", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    if (!tn_str_check(a[0]))
        return tn_err_format(&tn_exc_TypeError, "find_frozen() argument 1 must be str, not %s",
                             tn_type_name(tn_type(a[0])));
    return tn_none_ref();
}

/* get_frozen_object / init_frozen / is_frozen_package: no frozen module
 * exists, CPython's ImportError. */
static TnObject *no_frozen(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 2) < 0)
        return NULL;
    TnObject *msg = tn_str_from_format("No such frozen object named %R", args[0]);
    if (msg != NULL)
        tn_err_set_import_error(&tn_exc_ImportError, msg, tn_str_check(args[0]) ? args[0] : NULL, NULL);
    tn_xdecref(msg);
    return NULL;
}

static TnObject *imp_get_frozen_object(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return no_frozen("get_frozen_object", args, nargs, kwnames);
}

/* init_frozen(name): None for a name that is not frozen, as CPython's. */
static TnObject *imp_init_frozen(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (name_arg("init_frozen", args, nargs, kwnames) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *imp_is_frozen_package(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return no_frozen("is_frozen_package", args, nargs, kwnames);
}

/* ---- the import lock -------------------------------------------------------------------- */

static TnObject *imp_acquire_lock(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("acquire_lock", kwnames) < 0 || tn_args_count("acquire_lock", nargs, 0, 0) < 0)
        return NULL;
    TnInterp *interp = tn_interp();
    uintptr_t me = tn_thread_id();
    if (tn_atomic_load_uintptr_relaxed(&interp->imp_lock_owner) != me) {
        tn_mutex_lock(&interp->imp_lock);   /* parks detached: other threads run */
        tn_atomic_store_uintptr_relaxed(&interp->imp_lock_owner, me);
    }
    interp->imp_lock_count++;
    return tn_none_ref();
}

static TnObject *imp_release_lock(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("release_lock", kwnames) < 0 || tn_args_count("release_lock", nargs, 0, 0) < 0)
        return NULL;
    TnInterp *interp = tn_interp();
    if (tn_atomic_load_uintptr_relaxed(&interp->imp_lock_owner) != tn_thread_id())
        return tn_err_format(&tn_exc_RuntimeError, "not holding the import lock");
    if (--interp->imp_lock_count == 0) {
        tn_atomic_store_uintptr_relaxed(&interp->imp_lock_owner, 0);
        tn_mutex_unlock(&interp->imp_lock);
    }
    return tn_none_ref();
}

static TnObject *imp_lock_held(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("lock_held", kwnames) < 0 || tn_args_count("lock_held", nargs, 0, 0) < 0)
        return NULL;
    return tn_bool_from(tn_atomic_load_uintptr_relaxed(&tn_interp()->imp_lock_owner) != 0);
}

/* ---- source files and extensions -------------------------------------------------------- */

static TnObject *imp_extension_suffixes(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("extension_suffixes", kwnames) < 0 || tn_args_count("extension_suffixes", nargs, 0, 0) < 0)
        return NULL;
    return tn_list_new(0);   /* Tandem loads no extension modules */
}

static TnObject *imp_create_dynamic(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("create_dynamic", kwnames) < 0 || tn_args_count("create_dynamic", nargs, 1, 2) < 0)
        return NULL;
    TnObject *name = tn_object_getattr_cstr(args[0], "name");
    if (name == NULL)
        return NULL;
    TnObject *msg = tn_str_from_format("Tandem cannot load extension modules: %S", name);
    if (msg != NULL)
        tn_err_set_import_error(&tn_exc_ImportError, msg, name, NULL);
    tn_xdecref(msg);
    tn_decref(name);
    return NULL;
}

static TnObject *imp_exec_dynamic(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("exec_dynamic", kwnames) < 0 || tn_args_count("exec_dynamic", nargs, 1, 1) < 0)
        return NULL;
    return tn_int_from_i64(0);
}

/* _fix_co_filename(code, path): Tandem compiles a source file with its
 * path as the code's filename, so the two already agree; a code object
 * made elsewhere keeps its own (code objects are immutable and shared). */
static TnObject *imp_fix_co_filename(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_fix_co_filename", kwnames) < 0 || tn_args_count("_fix_co_filename", nargs, 2, 2) < 0)
        return NULL;
    if (!tn_code_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "_fix_co_filename() argument 1 must be code, not %s",
                             tn_type_name(tn_type(args[0])));
    if (!tn_str_check(args[1]))
        return tn_err_format(&tn_exc_TypeError, "_fix_co_filename() argument 2 must be str, not %s",
                             tn_type_name(tn_type(args[1])));
    return tn_none_ref();
}

/* source_hash(key, source): the 8 bytes hash-based .pyc files record
 * (PEP 552).  Tandem writes and reads no .pyc (sys.implementation.cache_tag
 * is None), but importlib.util.source_hash is public: a keyed FNV-1a over
 * the source, little-endian. */
static TnObject *imp_source_hash(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"key", "source", NULL};
    TnObject *a[2];
    if (tn_args_parse("source_hash", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    int overflow = 0;
    int64_t key = tn_int_check(a[0]) ? tn_int_as_i64(a[0], &overflow) : 0;
    if (!tn_int_check(a[0]) || overflow)
        return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             tn_type_name(tn_type(a[0])));
    TnObject *src = tn_bytes_snapshot_ref(a[1]);
    if (src == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(a[1])));
        return NULL;
    }
    uint64_t h = 14695981039346656037ull ^ (uint64_t)key;
    const unsigned char *p = (const unsigned char *)tn_bytes_data(src);
    for (tn_ssize_t i = 0; i < tn_bytes_size(src); i++)
        h = (h ^ p[i]) * 1099511628211ull;
    tn_decref(src);
    unsigned char out[8];
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(h >> (8 * i));
    return tn_bytes_from_data((const char *)out, 8);
}

/* _override_frozen_modules_for_tests(override): test.support's switch
 * between frozen and source modules; Tandem has only source modules, so
 * either choice loads the same ones. */
static TnObject *imp_override_frozen(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_override_frozen_modules_for_tests", kwnames) < 0
        || tn_args_count("_override_frozen_modules_for_tests", nargs, 1, 1) < 0)
        return NULL;
    return tn_none_ref();
}

static const TnMethodDef imp_methods[] = {
    {"_override_frozen_modules_for_tests", imp_override_frozen, 0, NULL},
    {"is_builtin", imp_is_builtin, 0, NULL},
    {"create_builtin", imp_create_builtin, 0, NULL},
    {"exec_builtin", imp_exec_builtin, 0, NULL},
    {"is_frozen", imp_is_frozen, 0, NULL},
    {"find_frozen", imp_find_frozen, 0, NULL},
    {"get_frozen_object", imp_get_frozen_object, 0, NULL},
    {"init_frozen", imp_init_frozen, 0, NULL},
    {"is_frozen_package", imp_is_frozen_package, 0, NULL},
    {"acquire_lock", imp_acquire_lock, 0, NULL},
    {"release_lock", imp_release_lock, 0, NULL},
    {"lock_held", imp_lock_held, 0, NULL},
    {"extension_suffixes", imp_extension_suffixes, 0, NULL},
    {"create_dynamic", imp_create_dynamic, 0, NULL},
    {"exec_dynamic", imp_exec_dynamic, 0, NULL},
    {"_fix_co_filename", imp_fix_co_filename, 0, NULL},
    {"source_hash", imp_source_hash, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_imp_module_create(void)
{
    TnObject *m = tn_module_new("_imp");
    TnObject *never = tn_str_from_cstr("never");
    if (m == NULL || never == NULL || tn_module_add_functions(m, imp_methods) < 0
        || tn_module_add_object(m, "check_hash_based_pycs", never) < 0)
        TN_CLEAR(m);
    tn_xdecref(never);
    return m;
}
