/* core/modules/sys.c — the sys module.
 *
 * Values follow CPython 3.11 where Tandem has the machinery; the version
 * strings name Tandem and its flavour.  version_info, flags, float_info,
 * int_info and hash_info are struct sequences (core/objects/structseq.h);
 * implementation is a small namespace object.  sys.stdin/stdout/stderr
 * come from core/modules/io.c.  Not here yet: settrace/setprofile.
 */
#include <float.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"
#include "core/objects/structseq.h"
#include "core/objects/repr_guard.h"
#include "core/objects/frameobject.h"
#include "core/vm/frame.h"
#include "core/vm/import.h"

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
    if (limit != 0 && limit < 640)   /* 640 itself is allowed (CPython) */
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
    tn_critical_section_assert_held(list);
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

/* audit(event, *args): Tandem has no audit hooks (no sys.addaudithook), so
 * an event goes nowhere; CPython checks nothing more when no hook is set.
 * os.walk, shutil and tempfile raise events. */
static TnObject *sys_audit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("audit", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return tn_err_format(&tn_exc_TypeError, "audit() missing 1 required positional argument: 'event'");
    return tn_none_ref();
}

/* The file system encoding is UTF-8 with surrogateescape, as CPython's in
 * a UTF-8 locale (PEP 529/540); posix encodes str paths that way. */
static TnObject *sys_getfilesystemencoding(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                           TnObject *kwnames)
{
    if (no_args("sys.getfilesystemencoding", nargs, kwnames) < 0)
        return NULL;
    return tn_str_from_cstr("utf-8");
}

static TnObject *sys_getfilesystemencodeerrors(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                               TnObject *kwnames)
{
    if (no_args("sys.getfilesystemencodeerrors", nargs, kwnames) < 0)
        return NULL;
    return tn_str_from_cstr("surrogateescape");
}

/* The exception being handled (borrowed) or NULL. */
static TnObject *handled_exception(void)
{
    TnObject *exc = tn_tstate_handled_exc(tn_tstate());
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
    TnObject *tb = tn_field_load(&((TnBaseException *)exc)->traceback);   /* packed at once */
    return tn_tuple_pack(3, TN_OBJ(tn_type(exc)), exc, tb != NULL ? tb : TN_NONE);
}

/* _getframe(depth=0, /): a snapshot of the caller's frame (depth 0) or of
 * one further down the stack (core/objects/frameobject.h). */
static TnObject *sys_getframe(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    int depth = 0;
    if (tn_args_no_kw("_getframe", kwnames) < 0 || tn_args_count("_getframe", nargs, 0, 1) < 0 ||
        (nargs == 1 && tn_builtins_as_int(args[0], &depth) < 0))
        return NULL;
    TnFrame *f = tn_tstate()->frame;
    while (depth > 0 && f != NULL) {
        f = f->previous;
        depth--;
    }
    if (f == NULL)
        return tn_err_format(&tn_exc_ValueError, "call stack is not deep enough");
    if (tn_type_ready(&tn_type_frame) < 0)
        return NULL;
    return tn_frame_object_from(f);
}

/* Write the str s to the stream out (sys.stdout's value).  0 / -1. */
static int write_stdout_to(TnObject *out, TnObject *s)
{
    TnObject *r = tn_call_method_cstr(out, "write", &s, 1);
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

int tn_sys_write_stdout(TnObject *s)
{
    TnObject *sysdict = tn_interp()->sysdict;
    /* A strong reference: write() may rebind sys.stdout (or another thread
     * may) and free a borrowed stream under the call. */
    TnObject *out = sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, "stdout") : NULL;
    if (out == NULL || out == TN_NONE) {
        tn_xdecref(out);
        tn_err_set_str(&tn_exc_RuntimeError, "lost sys.stdout");
        return -1;
    }
    int r = write_stdout_to(out, s);
    tn_decref(out);
    return r;
}

/* displayhook(object, /): print repr(object) to sys.stdout and keep it in
 * builtins._ (None is not printed and leaves _ alone). */
static TnObject *sys_displayhook(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (one_arg("sys.displayhook", nargs, kwnames) < 0)
        return NULL;
    TnObject *o = args[0];
    if (o == TN_NONE)
        return tn_none_ref();
    TnObject *builtins = tn_interp()->builtins;
    if (tn_dict_set_item_cstr(builtins, "_", TN_NONE) < 0)
        return NULL;
    TnObject *r = tn_object_repr(o);
    if (r == NULL)
        return NULL;
    TnObject *line = tn_str_from_format("%U\n", r);
    tn_decref(r);
    if (line == NULL)
        return NULL;
    int rc = tn_sys_write_stdout(line);
    tn_decref(line);
    if (rc < 0 || tn_dict_set_item_cstr(builtins, "_", o) < 0)
        return NULL;
    return tn_none_ref();
}

/* The hook $PYTHONBREAKPOINT names ("module.attr", a bare name is looked
 * up in builtins) as a new ref; NULL with ImportError/AttributeError when
 * it cannot be found. */
static TnObject *breakpoint_target(const char *spec)
{
    const char *dot = strrchr(spec, '.');
    TnObject *modname = dot != NULL ? tn_str_from_utf8(spec, dot - spec) : tn_str_from_cstr("builtins");
    TnObject *attr = tn_str_from_cstr(dot != NULL ? dot + 1 : spec);
    TnObject *fromlist = attr != NULL ? tn_tuple_pack(1, attr) : NULL;
    TnObject *mod = modname != NULL && fromlist != NULL
        ? tn_import_module_level(modname, NULL, fromlist, 0) : NULL;
    TnObject *hook = mod != NULL ? tn_object_getattr(mod, attr) : NULL;
    tn_xdecref(modname);
    tn_xdecref(attr);
    tn_xdecref(fromlist);
    tn_xdecref(mod);
    return hook;
}

/* breakpointhook(*args, **kws): $PYTHONBREAKPOINT "0" disables it; unset or
 * empty means pdb.set_trace.  A hook that cannot be imported is ignored with
 * a RuntimeWarning written to stderr (Tandem has no warnings module yet, and
 * no pdb, so the default hook only warns). */
static TnObject *sys_breakpointhook(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    /* A copy: importing the hook may run code that changes the environment
     * (os.environ calls putenv, as CPython's, which copies it too). */
    const char *var = getenv("PYTHONBREAKPOINT");
    char spec[512];
    snprintf(spec, sizeof spec, "%s", var == NULL || var[0] == '\0' ? "pdb.set_trace" : var);
    if (strcmp(spec, "0") == 0)
        return tn_none_ref();
    TnObject *hook = breakpoint_target(spec);
    if (hook == NULL) {
        if (!tn_err_matches(&tn_exc_ImportError) && !tn_err_matches(&tn_exc_AttributeError))
            return NULL;
        tn_err_clear();
        fflush(stdout);
        fprintf(stderr, "RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"\n", spec);
        return tn_none_ref();
    }
    TnObject *res = tn_call(hook, args, nargs, kwnames);
    tn_decref(hook);
    return res;
}

/* excepthook(exctype, value, traceback, /): print the exception the way an
 * uncaught one is printed. */
static TnObject *sys_excepthook(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (tn_args_no_kw("excepthook", kwnames) < 0 || tn_args_count("excepthook", nargs, 3, 3) < 0)
        return NULL;
    TnObject *value = args[1];
    if (!tn_exception_check(value)) {
        fflush(stdout);
        fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                tn_type_name(tn_type(value)));
        return tn_none_ref();
    }
    TnBaseException *e = (TnBaseException *)value;
    if (tn_type(args[2]) == &tn_type_traceback && tn_field_load(&e->traceback) != args[2])
        tn_field_replace_steal(&e->traceback, tn_newref(args[2]));
    tn_err_display_sys_stderr(value);
    return tn_none_ref();
}

static const TnMethodDef sys_functions[] = {
    {"audit", sys_audit, 0, "Passes the event to any audit hooks that are attached."},
    {"exit", sys_exit, 0, "Exit the interpreter by raising SystemExit(status)."},
    {"exc_info", sys_exc_info, 0, "Return current exception information: (type, value, traceback)."},
    {"exception", sys_exception, 0, "Return the current exception."},
    {"getdefaultencoding", sys_getdefaultencoding, 0, "Return the current default encoding used by the Unicode implementation."},
    {"getfilesystemencoding", sys_getfilesystemencoding, 0, "Return the encoding used to convert Unicode filenames to OS filenames."},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, 0, "Return the error mode used Unicode to OS filename conversion."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "Return the current value of the recursion limit."},
    {"getrefcount", sys_getrefcount, 0, "Return the reference count of object."},
    {"getsizeof", sys_getsizeof, 0, "Return the size of object in bytes."},
    {"intern", sys_intern, 0, "``Intern'' the given string."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of the Python interpreter stack to n."},
    {"_is_gil_enabled", sys_is_gil_enabled, 0, "Return True if the GIL is currently enabled and False otherwise."},
    {"_getframe", sys_getframe, 0, "Return a frame object from the call stack."},
    {"displayhook", sys_displayhook, 0, "Print an object to sys.stdout and also save it in builtins._"},
    {"excepthook", sys_excepthook, 0, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"breakpointhook", sys_breakpointhook, 0, "Call the hook $PYTHONBREAKPOINT names (pdb.set_trace by default)."},
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

const char *tn_sys_stdlib_dir(void)
{
    const char *env = getenv("TANDEM_STDLIB");
    return env != NULL && *env != '\0' ? env : TN_STDLIB_DIR;
}

int tn_sys_stdlib_present(void)
{
    char marker[PATH_MAX];
    int n = snprintf(marker, sizeof marker, "%s/os.py", tn_sys_stdlib_dir());
    return n > 0 && (size_t)n < sizeof marker && access(marker, R_OK) == 0;
}

static int path_append_cstr(TnObject *path, const char *s, size_t n)
{
    TnObject *e = tn_str_from_utf8(s, (tn_ssize_t)n);
    return e != NULL ? tn_list_append_steal(path, e) : -1;
}

/* sys.path, in CPython's order (docs/stdlib.md): path0 (the script's
 * directory, '' for -c and stdin, the current directory for -m; NULL
 * under -I/-P: none), the TANDEMPATH entries (not under -E/-I), Tandem's
 * lib/, then CPython's standard library, so that a module of lib/ shadows
 * the standard library's module of the same name. */
static TnObject *make_path(const char *path0, int ignore_environment)
{
    TnObject *path = tn_list_new(0);
    if (path == NULL)
        return NULL;
    if (path0 != NULL && path_append_cstr(path, path0, strlen(path0)) < 0)
        goto error;
    const char *extra = ignore_environment ? NULL : getenv("TANDEMPATH");
    while (extra != NULL && *extra != '\0') {
        const char *colon = strchr(extra, ':');
        size_t n = colon != NULL ? (size_t)(colon - extra) : strlen(extra);
        if (n > 0 && path_append_cstr(path, extra, n) < 0)
            goto error;
        extra = colon != NULL ? colon + 1 : NULL;
    }
    const char *lib = TN_SOURCE_DIR "/lib", *stdlib = tn_sys_stdlib_dir();
    if (path_append_cstr(path, lib, strlen(lib)) < 0 || path_append_cstr(path, stdlib, strlen(stdlib)) < 0)
        goto error;
    return path;
error:
    tn_decref(path);
    return NULL;
}

static TnObject *make_executable(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n < 0)
        return tn_str_from_cstr("");
    return tn_str_from_utf8(buf, (tn_ssize_t)n);
}

/* sys.prefix (and exec_prefix, base_*): the installation prefix of the
 * standard library Tandem runs, as CPython's: the directory whose
 * <platlibdir>/python3.11 is the library ("/usr" for Debian's
 * /usr/lib/python3.11); sysconfig builds its paths from it. */
static TnObject *make_prefix(void)
{
    const char *lib = tn_sys_stdlib_dir();
    size_t n = strlen(lib);
    const char *tail = "/lib/python3.11";
    size_t t = strlen(tail);
    if (n > t && strcmp(lib + n - t, tail) == 0)
        return tn_str_from_utf8(lib, (tn_ssize_t)(n - t));
    const char *slash = strrchr(lib, '/');
    return tn_str_from_utf8(lib, slash != NULL && slash != lib ? slash - lib : (tn_ssize_t)n);
}

/* ---- struct sequences ---- */

static TnStructSeqType version_info_type;
static TnStructSeqType flags_type;
static TnStructSeqType float_info_type;
static TnStructSeqType int_info_type;
static TnStructSeqType hash_info_type;

static const char *const version_info_fields[] = {
    "major", "minor", "micro", "releaselevel", "serial", NULL,
};
static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
    "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
    "safe_path", "int_max_str_digits", NULL,
};
static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
    "epsilon", "radix", "rounds", NULL,
};
static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold", NULL,
};
static const char *const hash_info_fields[] = {
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff", NULL,
};

static int init_structseq_types(void)
{
    if (tn_structseq_init_type(&version_info_type, "sys", "version_info", "sys.version_info",
                               version_info_fields) < 0 ||
        tn_structseq_init_type(&flags_type, "sys", "flags", "sys.flags", flags_fields) < 0 ||
        tn_structseq_init_type(&float_info_type, "sys", "float_info", "sys.float_info",
                               float_info_fields) < 0 ||
        tn_structseq_init_type(&int_info_type, "sys", "int_info", "sys.int_info",
                               int_info_fields) < 0 ||
        tn_structseq_init_type(&hash_info_type, "sys", "hash_info", "sys.hash_info",
                               hash_info_fields) < 0)
        return -1;
    return 0;
}

static TnObject *i64(int64_t v) { return tn_int_from_i64(v); }

static TnObject *make_version_info(void)
{
    TnObject *v[] = {i64(TN_PY_MAJOR), i64(TN_PY_MINOR), i64(TN_PY_MICRO),
                     tn_str_from_cstr("final"), i64(0)};
    return tn_structseq_new_steal(&version_info_type, v);
}

/* CPython's defaults for a plain `python3 script.py` run, except
 * dont_write_bytecode (Tandem never writes bytecode caches), utf8_mode
 * (always on) and hash_randomization (Tandem's str hash is unseeded). */
static TnObject *make_flags(void)
{
    TnObject *v[18];
    for (int i = 0; i < 18; i++)
        v[i] = i64(0);
    tn_decref(v[4]);
    v[4] = i64(1);                        /* dont_write_bytecode */
    tn_decref(v[13]);
    v[13] = tn_bool_from(false);          /* dev_mode */
    tn_decref(v[14]);
    v[14] = i64(1);                       /* utf8_mode: Tandem's text I/O is always UTF-8 */
    tn_decref(v[16]);
    v[16] = tn_bool_from(false);          /* safe_path */
    tn_decref(v[17]);
    v[17] = i64(-1);                      /* int_max_str_digits: not set */
    return tn_structseq_new_steal(&flags_type, v);
}

static TnObject *make_float_info(void)
{
    TnObject *v[] = {
        tn_float_from_double(DBL_MAX), i64(DBL_MAX_EXP), i64(DBL_MAX_10_EXP),
        tn_float_from_double(DBL_MIN), i64(DBL_MIN_EXP), i64(DBL_MIN_10_EXP),
        i64(DBL_DIG), i64(DBL_MANT_DIG), tn_float_from_double(DBL_EPSILON),
        i64(FLT_RADIX), i64(1),
    };
    return tn_structseq_new_steal(&float_info_type, v);
}

/* Tandem's ints use CPython's 30-bit digits in 32-bit words. */
static TnObject *make_int_info(void)
{
    TnObject *v[] = {i64(30), i64(4), i64(4300), i64(640)};
    return tn_structseq_new_steal(&int_info_type, v);
}

/* Numeric hashes are CPython's (modulus 2**61 - 1); the str/bytes hash is
 * FNV-1a without a seed, hence algorithm 'fnv' and seed_bits 0. */
static TnObject *make_hash_info(void)
{
    TnObject *v[] = {
        i64(64), i64(((int64_t)1 << 61) - 1), i64(314159), i64(0), i64(1000003),
        tn_str_from_cstr("fnv"), i64(64), i64(0), i64(0),
    };
    return tn_structseq_new_steal(&hash_info_type, v);
}

#define TN_HEXVERSION \
    (((int64_t)TN_PY_MAJOR << 24) | ((int64_t)TN_PY_MINOR << 16) | ((int64_t)TN_PY_MICRO << 8) | 0xF0)

/* sys.implementation is an instance of a small namespace type (CPython's
 * types.SimpleNamespace): attributes in a dict, repr
 * "namespace(name='tandem', ...)". */
typedef struct NamespaceObject {
    TnObject ob;
    TnObject *dict;
} NamespaceObject;

static void namespace_dealloc(TnObject *self)
{
    tn_xdecref(((NamespaceObject *)self)->dict);
    tn_object_free(self);
}

static int namespace_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((NamespaceObject *)self)->dict);
    return 0;
}

/* The __dict__ is read lock-free by attribute lookups: replaced as a QSBR
 * field; a NULL dict is made again on the next attribute store. */
static int namespace_clear(TnObject *self)
{
    tn_field_replace_steal(&((NamespaceObject *)self)->dict, NULL);
    return 0;
}

static TnObject *namespace_repr(TnObject *self)
{
    TnObject *d = ((NamespaceObject *)self)->dict;
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("namespace(...)") : NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    int failed = tn_strw_puts(&w, "namespace(") < 0;
    tn_ssize_t pos = 0;
    TnObject *key, *value;
    bool first = true;
    /* New references: a value's __repr__ may change the namespace. */
    while (!failed && d != NULL && tn_dict_next_ref(d, &pos, &key, &value)) {
        if (tn_str_check(key)) {
            failed = (!first && tn_strw_puts(&w, ", ") < 0) || tn_strw_put_str(&w, key) < 0 ||
                     tn_strw_putc(&w, '=') < 0 || tn_strw_put_repr(&w, value) < 0;
            first = false;
        }
        tn_decref(key);
        tn_decref(value);
    }
    tn_repr_leave(self);
    if (failed || tn_strw_putc(&w, ')') < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

static TnType namespace_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "SimpleNamespace",
    .basicsize = sizeof(NamespaceObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = namespace_dealloc,
    .traverse = namespace_traverse,
    .clear = namespace_clear,
    .repr = namespace_repr,
    .new_ = tn_type_new_not_allowed,
    .dictoffset = offsetof(NamespaceObject, dict),
};

/* sys.implementation: name, cache_tag, version, hexversion, _multiarch. */
static TnObject *make_implementation(TnObject *version_info)
{
    if (tn_type_ready(&namespace_type) < 0)
        return NULL;
    NamespaceObject *ns = (NamespaceObject *)tn_object_new(&namespace_type, sizeof(NamespaceObject));
    if (ns == NULL)
        return NULL;
    ns->dict = tn_dict_new();
    TnObject *d = ns->dict;
    TnObject *name = tn_str_from_cstr("tandem");
    TnObject *hex = tn_int_from_i64(TN_HEXVERSION);
    TnObject *arch = tn_str_from_cstr("x86_64-linux-gnu");
    int ok = d != NULL && name != NULL && hex != NULL && arch != NULL &&
             tn_dict_set_item_cstr(d, "name", name) == 0 &&
             tn_dict_set_item_cstr(d, "cache_tag", TN_NONE) == 0 &&
             tn_dict_set_item_cstr(d, "version", version_info) == 0 &&
             tn_dict_set_item_cstr(d, "hexversion", hex) == 0 &&
             tn_dict_set_item_cstr(d, "_multiarch", arch) == 0;
    tn_xdecref(name);
    tn_xdecref(hex);
    tn_xdecref(arch);
    if (!ok) {
        tn_decref(TN_OBJ(ns));
        return NULL;
    }
    return TN_OBJ(ns);
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
        add_steal(m, "implementation", make_implementation(vi)) == 0 &&
        add_steal(m, "flags", make_flags()) == 0 &&
        add_steal(m, "float_info", make_float_info()) == 0 &&
        add_steal(m, "int_info", make_int_info()) == 0 &&
        add_steal(m, "hash_info", make_hash_info()) == 0)
        r = 0;
    tn_decref(vi);
    return r;
}

static int add_platform_attrs(TnObject *m)
{
    TnObject *names = tn_import_builtin_module_names();
    if (names == NULL)
        return -1;
    if (add_steal(m, "builtin_module_names", names) < 0 ||
        add_steal(m, "maxsize", tn_int_from_i64(INTPTR_MAX)) < 0 ||
        add_steal(m, "maxunicode", tn_int_from_i64(0x10FFFF)) < 0 ||
        add_steal(m, "byteorder", tn_str_from_cstr("little")) < 0 ||
        add_steal(m, "platform", tn_str_from_cstr("linux")) < 0 ||
        add_steal(m, "float_repr_style", tn_str_from_cstr("short")) < 0 ||
        add_steal(m, "executable", make_executable()) < 0 ||
        add_steal(m, "prefix", make_prefix()) < 0 ||
        add_steal(m, "base_prefix", make_prefix()) < 0 ||
        add_steal(m, "exec_prefix", make_prefix()) < 0 ||
        add_steal(m, "base_exec_prefix", make_prefix()) < 0 ||
        add_steal(m, "platlibdir", tn_str_from_cstr("lib")) < 0 ||
        add_steal(m, "abiflags", tn_str_from_cstr("")) < 0 ||
        add_steal(m, "pycache_prefix", tn_none_ref()) < 0 ||
        add_steal(m, "dont_write_bytecode", tn_newref(TN_TRUE)) < 0)
        return -1;
    /* The originals, for restoring a replaced hook (and for
     * tn_err_handle_uncaught to see whether excepthook was replaced). */
    TnObject *d = tn_module_dict(m);
    TnObject *eh = tn_dict_get_cstr_borrowed(d, "excepthook");
    TnObject *dh = tn_dict_get_cstr_borrowed(d, "displayhook");
    TnObject *bh = tn_dict_get_cstr_borrowed(d, "breakpointhook");
    if (eh == NULL || dh == NULL || bh == NULL || tn_dict_set_item_cstr(d, "__excepthook__", eh) < 0 ||
        tn_dict_set_item_cstr(d, "__displayhook__", dh) < 0 ||
        tn_dict_set_item_cstr(d, "__breakpointhook__", bh) < 0)
        return -1;
    return 0;
}

TnObject *tn_sys_module_create(TnObject *argv_list, const char *path0, int ignore_environment)
{
    TnObject *m = tn_module_new("sys");
    if (m == NULL)
        return NULL;
    if (init_structseq_types() < 0) {
        tn_decref(m);
        return NULL;
    }
    TnObject *argv = argv_list != NULL ? tn_newref(argv_list) : tn_list_new(0);
    if (add_steal(m, "argv", argv) < 0 ||
        tn_module_add_functions(m, sys_functions) < 0 ||
        tn_module_add_functions(m, tn_sys_thread_functions) < 0 ||
        add_steal(m, "path", make_path(path0, ignore_environment)) < 0 ||
        add_steal(m, "meta_path", tn_list_new(0)) < 0 ||
        add_steal(m, "path_hooks", tn_list_new(0)) < 0 ||
        add_steal(m, "path_importer_cache", tn_dict_new()) < 0 ||
        add_modules(m) < 0 ||
        add_version_attrs(m) < 0 ||
        add_platform_attrs(m) < 0 ||
        tn_sys_unraisable_init(m) < 0 ||
        /* The -W and -X options: Tandem records neither (its -X options
         * are its own), so warnings.py and the library see none. */
        add_steal(m, "warnoptions", tn_list_new(0)) < 0 ||
        add_steal(m, "_xoptions", tn_dict_new()) < 0)
        goto error;
    return m;
error:
    tn_decref(m);
    return NULL;
}
