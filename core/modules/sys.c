/* core/modules/sys.c — the sys module.
 *
 * Values follow CPython 3.11 where Tandem has the machinery; the version
 * strings name Tandem and its flavour.  Not here yet: stdin/stdout/stderr
 * (file objects arrive later), flags, float_info, settrace/setprofile,
 * and struct-sequence forms of version_info/implementation (version_info
 * is a plain tuple; implementation is a module object used as a namespace).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"

/* ======================================================================
 * functions
 * ====================================================================== */

/* The METH_NOARGS check with CPython's "sys.f() takes no arguments". */
static int no_args(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 0, 0);
}

/* The METH_O check. */
static int one_arg(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 1, 1);
}

/* The SystemExit instance sys.exit(status) raises, built as CPython's
 * PyErr_SetObject does: no status or None -> SystemExit(); a tuple ->
 * SystemExit(*status); a SystemExit instance -> itself.  New ref. */
static TnObject *make_system_exit(TnObject *status)
{
    if (status == NULL || status == TN_NONE)
        return tn_exception_new(&tn_exc_SystemExit, NULL);
    if (tn_object_type_check(status, &tn_exc_SystemExit))
        return tn_newref(status);
    if (tn_tuple_check(status))
        return tn_exception_new(&tn_exc_SystemExit, status);
    TnObject *args = tn_tuple_pack(1, status);
    if (args == NULL)
        return NULL;
    TnObject *exc = tn_exception_new(&tn_exc_SystemExit, args);
    tn_decref(args);
    return exc;
}

/* exit(status=None, /) */
static TnObject *sys_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames)
{
    if (tn_args_no_kw("sys.exit", kwnames) < 0 ||
        tn_builtins_check_positional("exit", nargs, 0, 1) < 0)
        return NULL;
    TnObject *exc = make_system_exit(nargs == 1 ? args[0] : NULL);
    if (exc != NULL) {
        tn_err_raise(exc, NULL);
        tn_decref(exc);
    }
    return NULL;
}

static TnObject *sys_getrecursionlimit(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (no_args("sys.getrecursionlimit", nargs, kwnames) < 0)
        return NULL;
    return tn_int_from_i64(tn_interp()->recursion_limit);
}

/* setrecursionlimit(limit, /): rejects limits below 1 and limits the
 * current depth already reaches (Python frames plus nested C calls, one
 * counter as in CPython 3.11). */
static TnObject *sys_setrecursionlimit(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    int limit;
    if (one_arg("sys.setrecursionlimit", nargs, kwnames) < 0 ||
        tn_builtins_as_int(args[0], &limit) < 0)
        return NULL;
    if (limit < 1)
        return tn_err_format(&tn_exc_ValueError, "recursion limit must be greater or equal than 1");
    int depth = tn_tstate()->py_recursion_depth;
    if (depth >= limit)
        return tn_err_format(&tn_exc_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: "
                             "the limit is too low", limit, depth);
    tn_interp()->recursion_limit = limit;
    return tn_none_ref();
}

/* get_int_max_str_digits(): the int <-> str conversion digit limit. */
static TnObject *sys_get_int_max_str_digits(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                            TnObject *kwnames)
{
    if (no_args("sys.get_int_max_str_digits", nargs, kwnames) < 0)
        return NULL;
    return tn_int_from_i64(tn_interp()->int_max_str_digits);
}

/* set_int_max_str_digits(maxdigits): 0 (no limit) or more than 640. */
static TnObject *sys_set_int_max_str_digits(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                            TnObject *kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    TnObject *arg;
    int limit;
    (void)self;
    if (tn_args_parse("set_int_max_str_digits", args, nargs, kwnames, names, 0, 1, &arg) < 0 ||
        tn_builtins_as_int(arg, &limit) < 0)
        return NULL;
    if (limit != 0 && limit <= 640)
        return tn_err_format(&tn_exc_ValueError, "maxdigits must be 0 or larger than 640");
    tn_interp()->int_max_str_digits = limit;
    return tn_none_ref();
}

/* getrefcount(object, /): the count including the caller's argument
 * reference, as CPython reports it; immortal objects report the
 * immortal marker unchanged. */
static TnObject *sys_getrefcount(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (one_arg("sys.getrefcount", nargs, kwnames) < 0)
        return NULL;
    TnObject *o = args[0];
    if (tn_is_immortal(o))
        return tn_int_from_i64((int64_t)tn_refcnt(o));
    return tn_int_from_i64((int64_t)tn_refcnt(o) + 1);
}

static tn_ssize_t list_sizeof_lock_held(TnObject *list)
{
    return (tn_ssize_t)sizeof(TnList) + ((TnList *)list)->allocated * (tn_ssize_t)sizeof(TnObject *);
}

/* The size of o when its type has no __sizeof__: the fixed part, plus the
 * items of variable-size objects. */
static tn_ssize_t default_sizeof(TnObject *o)
{
    TnType *tp = tn_type(o);
    if (tn_str_check_exact(o)) {
        const TnStr *s = (const TnStr *)o;
        tn_ssize_t size = (tn_ssize_t)sizeof(TnStr) + (s->length + 1) * s->kind;
        if (!s->ascii && s->utf8 != NULL)
            size += s->utf8_length + 1;
        return size;
    }
    if (tn_list_check_exact(o)) {
        tn_ssize_t size;
        TN_BEGIN_CRITICAL_SECTION(o);
        size = list_sizeof_lock_held(o);
        TN_END_CRITICAL_SECTION();
        return size;
    }
    if (tn_tuple_check(o))
        return tp->basicsize + tn_tuple_size(o) * (tn_ssize_t)sizeof(TnObject *);
    if (tp->itemsize != 0 && tp->as_sequence != NULL && tp->as_sequence->length != NULL) {
        tn_ssize_t n = tp->as_sequence->length(o);
        if (n < 0) {
            tn_err_clear();
            n = 0;
        }
        return tp->basicsize + tp->itemsize * n;
    }
    return tp->basicsize;
}

/* The size sys.getsizeof reports: type(o).__sizeof__(o) when the type
 * defines it, else the default.  -1 with an exception on error. */
static tn_ssize_t object_sizeof(TnObject *o)
{
    TnObject *res;
    int r = tn_builtins_call_special(o, "__sizeof__", &o, 0, &res);
    if (r < 0)
        return -1;
    if (r == 0)
        return default_sizeof(o);
    if (!tn_int_check(res)) {
        tn_decref(res);
        tn_err_set_str(&tn_exc_TypeError, "an integer is required");
        return -1;
    }
    tn_ssize_t size = tn_int_as_ssize(res);
    tn_decref(res);
    if (size == -1 && tn_err_occurred() != NULL)
        return -1;
    if (size < 0) {
        tn_err_set_str(&tn_exc_ValueError, "__sizeof__() should return >= 0");
        return -1;
    }
    return size;
}

/* getsizeof(object, default=<none>) */
static TnObject *sys_getsizeof(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    static const char *const names[] = {"object", "default", NULL};
    TnObject *a[2];
    if (tn_args_parse("getsizeof", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    tn_ssize_t size = object_sizeof(a[0]);
    if (size >= 0)
        return tn_int_from_ssize(size);
    if (a[1] != NULL && tn_err_matches(&tn_exc_TypeError)) {
        tn_err_clear();
        return tn_newref(a[1]);
    }
    return NULL;
}

/* intern(string, /): the canonical copy of an exact str. */
static TnObject *sys_intern(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (one_arg("sys.intern", nargs, kwnames) < 0)
        return NULL;
    TnObject *s = args[0];
    if (!tn_str_check(s))
        return tn_err_format(&tn_exc_TypeError, "intern() argument must be str, not %T", s);
    if (!tn_str_check_exact(s))
        return tn_err_format(&tn_exc_TypeError, "can't intern %T", s);
    return tn_str_intern_steal(tn_newref(s));
}

static TnObject *sys_is_gil_enabled(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (no_args("sys._is_gil_enabled", nargs, kwnames) < 0)
        return NULL;
    return tn_bool_from(TN_HAVE_GIL);
}

static TnObject *sys_getdefaultencoding(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                        TnObject *kwnames)
{
    if (no_args("sys.getdefaultencoding", nargs, kwnames) < 0)
        return NULL;
    return tn_str_from_cstr("utf-8");
}

/* The exception being handled (borrowed) or NULL. */
static TnObject *handled_exception(void)
{
    TnObject *exc = tn_tstate()->handled_exc;
    return exc == TN_NONE ? NULL : exc;
}

static TnObject *sys_exception(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    if (no_args("sys.exception", nargs, kwnames) < 0)
        return NULL;
    TnObject *exc = handled_exception();
    return tn_newref(exc != NULL ? exc : TN_NONE);
}

/* exc_info(): (type, value, traceback) of the exception being handled. */
static TnObject *sys_exc_info(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (no_args("sys.exc_info", nargs, kwnames) < 0)
        return NULL;
    TnObject *exc = handled_exception();
    if (exc == NULL)
        return tn_tuple_pack(3, TN_NONE, TN_NONE, TN_NONE);
    TnObject *tb = ((TnBaseException *)exc)->traceback;
    return tn_tuple_pack(3, TN_OBJ(tn_type(exc)), exc, tb != NULL ? tb : TN_NONE);
}

static const TnMethodDef sys_functions[] = {
    {"exit", sys_exit, 0, "Exit the interpreter by raising SystemExit(status)."},
    {"exc_info", sys_exc_info, 0, "Return current exception information: (type, value, traceback)."},
    {"exception", sys_exception, 0, "Return the current exception."},
    {"getdefaultencoding", sys_getdefaultencoding, 0, "Return the current default encoding used by the Unicode implementation."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "Return the current value of the recursion limit."},
    {"getrefcount", sys_getrefcount, 0, "Return the reference count of object."},
    {"getsizeof", sys_getsizeof, 0, "Return the size of object in bytes."},
    {"intern", sys_intern, 0, "``Intern'' the given string."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of the Python interpreter stack to n."},
    {"_is_gil_enabled", sys_is_gil_enabled, 0, "Return True if the GIL is currently enabled and False otherwise."},
    {NULL, NULL, 0, NULL},
};

/* ======================================================================
 * attributes
 * ====================================================================== */

/* Add value (stolen; NULL = the error of the call that made it). 0 / -1. */
static int add_steal(TnObject *m, const char *name, TnObject *value)
{
    if (value == NULL)
        return -1;
    int r = tn_module_add_object(m, name, value);
    tn_decref(value);
    return r;
}

/* sys.path[0]: the directory of the script (symlinks resolved, as
 * CPython), or '' when there is no script (argv[0] empty, "-c", "-m"). */
static TnObject *script_dir(TnObject *argv_list)
{
    TnObject *arg0 = NULL;
    if (argv_list != NULL && tn_list_size(argv_list) > 0)
        arg0 = tn_list_get_item_ref(argv_list, 0);
    if (arg0 == NULL) {
        tn_err_clear();
        return tn_str_from_cstr("");
    }
    const char *path = tn_str_check(arg0) ? tn_str_utf8(arg0, NULL) : NULL;
    TnObject *res;
    if (path == NULL || path[0] == '\0' || strcmp(path, "-c") == 0 || strcmp(path, "-m") == 0 ||
        strcmp(path, "-") == 0) {
        tn_err_clear();
        res = tn_str_from_cstr("");
    } else {
        char buf[PATH_MAX];
        const char *full = realpath(path, buf) != NULL ? buf : path;
        const char *slash = strrchr(full, '/');
        if (slash == NULL)
            res = tn_str_from_cstr("");
        else
            res = tn_str_from_utf8(full, slash == full ? 1 : (tn_ssize_t)(slash - full));
    }
    tn_decref(arg0);
    return res;
}

static TnObject *make_path(TnObject *argv_list)
{
    TnObject *dir0 = script_dir(argv_list);
    if (dir0 == NULL)
        return NULL;
    TnObject *lib = tn_str_from_cstr(TN_SOURCE_DIR "/lib");
    TnObject *path = lib != NULL ? tn_list_new(0) : NULL;
    if (path != NULL && (tn_list_append(path, dir0) < 0 || tn_list_append(path, lib) < 0))
        TN_CLEAR(path);
    tn_decref(dir0);
    tn_xdecref(lib);
    return path;
}

static TnObject *make_executable(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n < 0)
        return tn_str_from_cstr("");
    return tn_str_from_utf8(buf, (tn_ssize_t)n);
}

static TnObject *make_version_info(void)
{
    TnObject *major = tn_int_from_i64(TN_PY_MAJOR);
    TnObject *minor = tn_int_from_i64(TN_PY_MINOR);
    TnObject *micro = tn_int_from_i64(TN_PY_MICRO);
    TnObject *level = tn_str_from_cstr("final");
    TnObject *serial = tn_int_from_i64(0);
    TnObject *t = NULL;
    if (major != NULL && minor != NULL && micro != NULL && level != NULL && serial != NULL)
        t = tn_tuple_pack(5, major, minor, micro, level, serial);
    tn_xdecref(major);
    tn_xdecref(minor);
    tn_xdecref(micro);
    tn_xdecref(level);
    tn_xdecref(serial);
    return t;
}

#define TN_HEXVERSION \
    (((int64_t)TN_PY_MAJOR << 24) | ((int64_t)TN_PY_MINOR << 16) | ((int64_t)TN_PY_MICRO << 8) | 0xF0)

/* sys.implementation: a namespace with name, cache_tag, version, hexversion. */
static TnObject *make_implementation(TnObject *version_info)
{
    TnObject *impl = tn_module_new("implementation");
    if (impl == NULL)
        return NULL;
    if (add_steal(impl, "name", tn_str_from_cstr("tandem")) < 0 ||
        tn_module_add_object(impl, "cache_tag", TN_NONE) < 0 ||
        tn_module_add_object(impl, "version", version_info) < 0 ||
        add_steal(impl, "hexversion", tn_int_from_i64(TN_HEXVERSION)) < 0) {
        tn_decref(impl);
        return NULL;
    }
    return impl;
}

/* sys.modules: the interpreter's module table (created here if the
 * startup code has not made it yet), with sys itself in it.  0 / -1. */
static int add_modules(TnObject *m)
{
    TnInterp *interp = tn_interp();
    if (interp->modules == NULL && (interp->modules = tn_dict_new()) == NULL)
        return -1;
    if (tn_module_add_object(m, "modules", interp->modules) < 0)
        return -1;
    return tn_dict_set_item_cstr(interp->modules, "sys", m);
}

static int add_version_attrs(TnObject *m)
{
    TnObject *vi = make_version_info();
    if (vi == NULL)
        return -1;
    int r = -1;
    if (add_steal(m, "version", tn_str_from_format("%d.%d.%d (Tandem %s, %s)", TN_PY_MAJOR,
                                                   TN_PY_MINOR, TN_PY_MICRO, TN_VERSION,
                                                   TN_FLAVOUR_NAME)) == 0 &&
        tn_module_add_object(m, "version_info", vi) == 0 &&
        add_steal(m, "hexversion", tn_int_from_i64(TN_HEXVERSION)) == 0 &&
        add_steal(m, "implementation", make_implementation(vi)) == 0)
        r = 0;
    tn_decref(vi);
    return r;
}

static int add_platform_attrs(TnObject *m)
{
    static const char *const builtin_names[] = {"builtins", "math", "os", "sys", "time"};
    enum { NNAMES = sizeof builtin_names / sizeof builtin_names[0] };
    TnObject *names = tn_tuple_new(NNAMES);
    if (names == NULL)
        return -1;
    bool failed = false;
    for (int i = 0; i < NNAMES; i++) {
        TnObject *s = tn_str_intern_cstr(builtin_names[i]);
        failed |= s == NULL;
        tn_tuple_set_steal(names, i, s != NULL ? s : tn_none_ref());
    }
    if (failed) {
        tn_decref(names);
        return -1;
    }
    if (add_steal(m, "builtin_module_names", names) < 0 ||
        add_steal(m, "maxsize", tn_int_from_i64(INTPTR_MAX)) < 0 ||
        add_steal(m, "maxunicode", tn_int_from_i64(0x10FFFF)) < 0 ||
        add_steal(m, "byteorder", tn_str_from_cstr("little")) < 0 ||
        add_steal(m, "platform", tn_str_from_cstr("linux")) < 0 ||
        add_steal(m, "float_repr_style", tn_str_from_cstr("short")) < 0 ||
        add_steal(m, "executable", make_executable()) < 0)
        return -1;
    return 0;
}

TnObject *tn_sys_module_create(TnObject *argv_list)
{
    TnObject *m = tn_module_new("sys");
    if (m == NULL)
        return NULL;
    TnObject *argv = argv_list != NULL ? tn_newref(argv_list) : tn_list_new(0);
    if (add_steal(m, "argv", argv) < 0 ||
        tn_module_add_functions(m, sys_functions) < 0 ||
        add_steal(m, "path", make_path(argv_list)) < 0 ||
        add_modules(m) < 0 ||
        add_version_attrs(m) < 0 ||
        add_platform_attrs(m) < 0)
        goto error;
    return m;
error:
    tn_decref(m);
    return NULL;
}
