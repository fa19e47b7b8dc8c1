/* core/modules/posix_proc.c — posix's process functions: ids, uname,
 * times, cpu_count, sched_getaffinity, kill/killpg, _exit, abort,
 * waitpid/wait and the W* status macros, waitstatus_to_exitcode,
 * execv/execve, sysconf/pathconf/fpathconf/confstr with their names
 * tables, getloadavg (docs/posix.md).
 *
 * fork is not provided: a child of a multi-threaded Tandem would inherit
 * held runtime locks (the GIL, critical sections, allocator and collector
 * locks) with no after-fork reset of the thread registry yet; so os.py
 * defines no fork-based helpers (spawn*, popen's fallbacks). */
#define _GNU_SOURCE 1
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/objects/range.h"
#include "core/objects/float.h"
#include "core/objects/set.h"
#include "core/objects/structseq.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/signal.h"
#include "core/modules/posix.h"
#include "threading/tstate.h"

/* ======================================================================
 * ids
 * ====================================================================== */

#define ID_FUNCTION(name, expr)                                                                      \
    static TnObject *posix_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs,          \
                                  TnObject *kwnames)                                                 \
    {                                                                                                \
        if (tn_posix_check(#name, nargs, kwnames, 0, 0) < 0)                                         \
            return NULL;                                                                             \
        return tn_int_from_i64((int64_t)(expr));                                                     \
    }
ID_FUNCTION(getpid, getpid())
ID_FUNCTION(getppid, getppid())
ID_FUNCTION(getuid, getuid())
ID_FUNCTION(geteuid, geteuid())
ID_FUNCTION(getgid, getgid())
ID_FUNCTION(getegid, getegid())
ID_FUNCTION(getpgrp, getpgrp())
#undef ID_FUNCTION

static TnObject *posix_getgroups(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getgroups", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gid_t groups[NGROUPS_MAX];
    int n = getgroups(NGROUPS_MAX, groups);
    if (n < 0)
        return tn_posix_error(NULL);
    TnObject *l = tn_list_new(0);
    for (int i = 0; l != NULL && i < n; i++)
        if (tn_posix_append_steal(l, tn_int_from_i64(groups[i])) < 0)
            TN_CLEAR(l);
    return l;
}

static TnObject *posix_getlogin(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getlogin", nargs, kwnames, 0, 0) < 0)
        return NULL;
    char buf[LOGIN_NAME_MAX + 1];
    int err = getlogin_r(buf, sizeof buf);
    if (err != 0) {
        errno = err;
        return tn_posix_error(NULL);
    }
    return tn_posix_name(buf, (tn_ssize_t)strlen(buf), false);
}

/* ======================================================================
 * uname, times, cpu_count, sched_getaffinity, getloadavg
 * ====================================================================== */

static TnStructSeqType uname_result_type, times_result_type;
static const char *const uname_fields[] = {"sysname", "nodename", "release", "version", "machine", NULL};
static const char *const times_fields[] = {"user", "system", "children_user", "children_system", "elapsed",
                                           NULL};

static TnObject *posix_uname(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("uname", nargs, kwnames, 0, 0) < 0)
        return NULL;
    struct utsname u;
    if (uname(&u) != 0)
        return tn_posix_error(NULL);
    const char *f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    TnObject *v[5];
    for (int i = 0; i < 5; i++)
        v[i] = tn_posix_name(f[i], (tn_ssize_t)strlen(f[i]), false);
    return tn_structseq_new_steal(&uname_result_type, v);
}

static TnObject *posix_times(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("times", nargs, kwnames, 0, 0) < 0)
        return NULL;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return tn_posix_error(NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    TnObject *v[5] = {
        tn_float_from_double((double)t.tms_utime / tick), tn_float_from_double((double)t.tms_stime / tick),
        tn_float_from_double((double)t.tms_cutime / tick), tn_float_from_double((double)t.tms_cstime / tick),
        tn_float_from_double((double)c / tick),
    };
    return tn_structseq_new_steal(&times_result_type, v);
}

static TnObject *posix_cpu_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("cpu_count", nargs, kwnames, 0, 0) < 0)
        return NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return tn_none_ref();
    return tn_int_from_i64(n);
}

static TnObject *posix_sched_getaffinity(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                         TnObject *kwnames)
{
    int pid;
    if (tn_posix_check("sched_getaffinity", nargs, kwnames, 1, 1) < 0 || tn_builtins_as_int(args[0], &pid) < 0)
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity((pid_t)pid, sizeof set, &set) != 0)
        return tn_posix_error(NULL);
    TnObject *r = tn_set_new(NULL);
    for (int cpu = 0; r != NULL && cpu < CPU_SETSIZE; cpu++) {
        if (!CPU_ISSET(cpu, &set))
            continue;
        TnObject *i = tn_int_from_i64(cpu);
        if (i == NULL || tn_set_add(r, i) < 0)
            TN_CLEAR(r);
        tn_xdecref(i);
    }
    return r;
}

static TnObject *posix_getloadavg(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getloadavg", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double l[3];
    if (getloadavg(l, 3) != 3)
        return tn_err_format(&tn_exc_OSError, "Load averages are unobtainable");
    TnObject *a = tn_float_from_double(l[0]), *b = tn_float_from_double(l[1]), *c = tn_float_from_double(l[2]);
    TnObject *r = a != NULL && b != NULL && c != NULL ? tn_tuple_pack(3, a, b, c) : NULL;
    tn_xdecref(a);
    tn_xdecref(b);
    tn_xdecref(c);
    return r;
}

/* ======================================================================
 * signals and exits
 * ====================================================================== */

/* kill, killpg and waitpid parse as CPython's PyArg_ParseTuple "ii" does:
 * "kill() takes exactly 2 arguments (1 given)".  0 / -1. */
static int two_int_args(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    if (nargs != 2) {
        tn_err_format(&tn_exc_TypeError, "%s() takes exactly 2 arguments (%zd given)", fname, nargs);
        return -1;
    }
    return 0;
}

/* kill(pid, signal, /): a signal sent to this process is handled before
 * kill returns, not at the next check point. */
static TnObject *signal_call(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                             int (*call)(pid_t, int))
{
    int pid, sig;
    if (two_int_args(fname, nargs, kwnames) < 0 || tn_builtins_as_int(args[0], &pid) < 0 ||
        tn_builtins_as_int(args[1], &sig) < 0)
        return NULL;
    if (call((pid_t)pid, sig) != 0)
        return tn_posix_error(NULL);
    if (tn_signal_check() < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *posix_kill(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return signal_call("kill", args, nargs, kwnames, kill);
}

static TnObject *posix_killpg(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return signal_call("killpg", args, nargs, kwnames, killpg);
}

/* _exit(status): no cleanup, no flushing, as CPython. */
static TnObject *posix__exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"status", NULL};
    TnObject *v[1] = {NULL};
    int status;
    if (tn_args_parse("_exit", args, nargs, kwnames, names, 0, 1, v) < 0 || tn_builtins_as_int(v[0], &status) < 0)
        return NULL;
    _exit(status);
}

static TnObject *posix_abort(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("abort", nargs, kwnames, 0, 0) < 0)
        return NULL;
    abort();
}

/* ======================================================================
 * wait
 * ====================================================================== */

static TnObject *pid_status(pid_t pid, int status)
{
    TnObject *a = tn_int_from_i64(pid), *b = tn_int_from_i64(status);
    TnObject *r = a != NULL && b != NULL ? tn_tuple_pack(2, a, b) : NULL;
    tn_xdecref(a);
    tn_xdecref(b);
    return r;
}

/* waitpid(pid, options, /) -> (pid, status); detached, retried on EINTR. */
static TnObject *do_wait(pid_t pid, int options)
{
    pid_t r;
    int status = 0, err;
    for (;;) {
        TN_BEGIN_ALLOW_THREADS
        r = waitpid(pid, &status, options);
        err = errno;
        TN_END_ALLOW_THREADS
        if (r >= 0 || err != EINTR)
            break;
        if (tn_signal_check() < 0)
            return NULL;
    }
    if (r < 0) {
        errno = err;
        return tn_posix_error(NULL);
    }
    return pid_status(r, status);
}

static TnObject *posix_waitpid(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int pid, options;
    if (two_int_args("waitpid", nargs, kwnames) < 0 || tn_builtins_as_int(args[0], &pid) < 0 ||
        tn_builtins_as_int(args[1], &options) < 0)
        return NULL;
    return do_wait((pid_t)pid, options);
}

static TnObject *posix_wait(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("wait", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return do_wait(-1, 0);
}

/* The W* macros: f(status) with status by position or keyword. */
static int status_arg(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames, int *status)
{
    static const char *const names[] = {"status", NULL};
    TnObject *v[1] = {NULL};
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 1, v) < 0)
        return -1;
    return tn_builtins_as_int(v[0], status);
}

/* One W* function: conv turns the macro's value into bool or int. */
#define W_FUNCTION(name, conv)                                                                       \
    static TnObject *posix_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs,          \
                                  TnObject *kwnames)                                                 \
    {                                                                                                \
        int status;                                                                                  \
        if (status_arg(#name, args, nargs, kwnames, &status) < 0)                                    \
            return NULL;                                                                             \
        return conv(name(status));                                                                   \
    }
W_FUNCTION(WIFEXITED, tn_bool_from)
W_FUNCTION(WIFSIGNALED, tn_bool_from)
W_FUNCTION(WIFSTOPPED, tn_bool_from)
W_FUNCTION(WIFCONTINUED, tn_bool_from)
W_FUNCTION(WCOREDUMP, tn_bool_from)
W_FUNCTION(WEXITSTATUS, tn_int_from_i64)
W_FUNCTION(WTERMSIG, tn_int_from_i64)
W_FUNCTION(WSTOPSIG, tn_int_from_i64)
#undef W_FUNCTION

static TnObject *posix_waitstatus_to_exitcode(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                              TnObject *kwnames)
{
    int status;
    if (status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &status) < 0)
        return NULL;
    if (WIFEXITED(status))
        return tn_int_from_i64(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return tn_int_from_i64(-WTERMSIG(status));
    if (WIFSTOPPED(status))
        return tn_err_format(&tn_exc_ValueError, "process stopped by delivery of signal %d", WSTOPSIG(status));
    return tn_err_format(&tn_exc_ValueError, "invalid wait status: %d", status);
}

/* ======================================================================
 * exec
 * ====================================================================== */

/* A NULL-terminated char* array of fsencoded items (kept alive by the
 * bytes in *keep, a list).  NULL on error. */
static char **encode_argv(const char *fname, TnObject *seq, TnObject **keep)
{
    if (!tn_tuple_check(seq) && !tn_list_check(seq)) {
        tn_err_format(&tn_exc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return NULL;
    }
    TnObject *items = tn_tuple_from_iterable(seq);
    if (items == NULL)
        return NULL;
    tn_ssize_t n = tn_tuple_size(items);
    char **argv = NULL;
    *keep = tn_list_new(0);
    if (n == 0)
        tn_err_format(&tn_exc_ValueError, "%s() arg 2 must not be empty", fname);
    else if (*keep != NULL && (argv = tn_mem_calloc((size_t)n + 1, sizeof(char *))) == NULL)
        tn_err_no_memory();
    for (tn_ssize_t i = 0; argv != NULL && i < n; i++) {
        TnObject *b = tn_posix_fsencode(tn_tuple_get(items, i), fname);
        if (b == NULL || tn_list_append_steal(*keep, b) < 0) {
            tn_mem_free(argv);
            argv = NULL;
        } else {
            argv[i] = (char *)tn_bytes_data(b);
        }
    }
    if (argv != NULL && argv[0][0] == '\0') {
        tn_err_format(&tn_exc_ValueError, "%s() arg 2 first element cannot be empty", fname);
        tn_mem_free(argv);
        argv = NULL;
    }
    tn_decref(items);
    return argv;
}

/* "KEY=VALUE" of one (key, value) item, appended to keep; borrowed data
 * pointer or NULL. */
static const char *env_entry(TnObject *kv, TnObject *keep)
{
    if (!tn_tuple_check(kv) || tn_tuple_size(kv) != 2) {
        tn_err_format(&tn_exc_TypeError, "execve: environment must be a mapping object");
        return NULL;
    }
    TnObject *k = tn_posix_fsencode(tn_tuple_get(kv, 0), "execve");
    TnObject *v = k != NULL ? tn_posix_fsencode(tn_tuple_get(kv, 1), "execve") : NULL;
    TnObject *s = NULL;
    if (v != NULL && (tn_bytes_size(k) == 0 || strchr(tn_bytes_data(k), '=') != NULL)) {
        tn_err_format(&tn_exc_ValueError, "illegal environment variable name");
    } else if (v != NULL) {
        size_t kn = (size_t)tn_bytes_size(k), vn = (size_t)tn_bytes_size(v);
        char *buf = tn_mem_alloc(kn + vn + 2);
        if (buf == NULL) {
            tn_err_no_memory();
        } else {
            memcpy(buf, tn_bytes_data(k), kn);
            buf[kn] = '=';
            memcpy(buf + kn + 1, tn_bytes_data(v), vn + 1);
            s = tn_bytes_from_data(buf, (tn_ssize_t)(kn + vn + 1));
            tn_mem_free(buf);
        }
    }
    tn_xdecref(k);
    tn_xdecref(v);
    if (s == NULL || tn_list_append_steal(keep, s) < 0)
        return NULL;
    return tn_bytes_data(s);
}

/* The environment block of a mapping's items.  NULL on error. */
static char **encode_env(TnObject *env, TnObject *keep)
{
    TnObject *items = tn_call_method_cstr(env, "items", NULL, 0);
    TnObject *list = items != NULL ? tn_tuple_from_iterable(items) : NULL;
    tn_xdecref(items);
    if (list == NULL)
        return NULL;
    tn_ssize_t n = tn_tuple_size(list);
    char **envp = tn_mem_calloc((size_t)n + 1, sizeof(char *));
    if (envp == NULL)
        tn_err_no_memory();
    for (tn_ssize_t i = 0; envp != NULL && i < n; i++) {
        envp[i] = (char *)env_entry(tn_tuple_get(list, i), keep);
        if (envp[i] == NULL) {
            tn_mem_free(envp);
            envp = NULL;
        }
    }
    tn_decref(list);
    return envp;
}

/* execv(path, argv, /) and execve(path, argv, env). */
static TnObject *do_exec(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames, bool with_env)
{
    static const char *const names[] = {"path", "argv", "env", NULL};
    TnObject *v[3] = {NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH(fname, "path", false, with_env);
    TnObject *keep = NULL;
    char **argv = NULL, **envp = NULL;
    if (with_env ? tn_args_parse(fname, args, nargs, kwnames, names, 0, 3, v) < 0
                 : tn_posix_check(fname, nargs, kwnames, 2, 2) < 0)
        goto done;
    if (!with_env) {
        v[0] = args[0];
        v[1] = args[1];
    }
    if (tn_posix_path_convert(v[0], &p) < 0 || (argv = encode_argv(fname, v[1], &keep)) == NULL)
        goto done;
    if (with_env) {
        /* CPython's PyMapping_Check: something with items to copy. */
        int mapping = tn_dict_check(v[2]) ? 1 : tn_object_hasattr(v[2], tn_str_intern_cstr("items"));
        if (mapping <= 0) {
            if (mapping == 0)
                tn_err_format(&tn_exc_TypeError, "execve: environment must be a mapping object");
            goto done;
        }
        if ((envp = encode_env(v[2], keep)) == NULL)
            goto done;
        if (p.fd >= 0)
            fexecve(p.fd, argv, envp);
        else
            execve(p.narrow, argv, envp);
    } else {
        execv(p.narrow, argv);
    }
    tn_posix_error(NULL);
done:
    tn_mem_free(argv);
    tn_mem_free(envp);
    tn_xdecref(keep);
    tn_posix_path_clear(&p);
    return NULL;
}

static TnObject *posix_execv(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_exec("execv", args, nargs, kwnames, false);
}

static TnObject *posix_execve(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_exec("execve", args, nargs, kwnames, true);
}

/* ======================================================================
 * sysconf, pathconf, fpathconf, confstr
 * ====================================================================== */

typedef struct ConfName {
    const char *name;
    int value;
} ConfName;

#define N(x) {#x, _##x}
static const ConfName sysconf_names[] = {
    N(SC_ARG_MAX), N(SC_CHILD_MAX), N(SC_CLK_TCK), N(SC_NGROUPS_MAX), N(SC_OPEN_MAX), N(SC_PAGESIZE),
    N(SC_PAGE_SIZE), N(SC_NPROCESSORS_CONF), N(SC_NPROCESSORS_ONLN), N(SC_PHYS_PAGES), N(SC_AVPHYS_PAGES),
    N(SC_LINE_MAX), N(SC_HOST_NAME_MAX), N(SC_LOGIN_NAME_MAX), N(SC_TTY_NAME_MAX), N(SC_IOV_MAX),
    N(SC_SEM_NSEMS_MAX), N(SC_STREAM_MAX), N(SC_TZNAME_MAX), N(SC_VERSION), N(SC_GETPW_R_SIZE_MAX),
    N(SC_GETGR_R_SIZE_MAX),
};
static const ConfName pathconf_names[] = {
    N(PC_LINK_MAX), N(PC_MAX_CANON), N(PC_MAX_INPUT), N(PC_NAME_MAX), N(PC_PATH_MAX), N(PC_PIPE_BUF),
    N(PC_CHOWN_RESTRICTED), N(PC_NO_TRUNC), N(PC_VDISABLE), N(PC_FILESIZEBITS),
};
static const ConfName confstr_names[] = {
    N(CS_PATH), N(CS_GNU_LIBC_VERSION), N(CS_GNU_LIBPTHREAD_VERSION),
};
#undef N

/* A configuration name: a key of the table or an int. 0 / -1. */
static int conf_name(TnObject *o, const ConfName *table, size_t n, int *out)
{
    if (tn_slice_index_check(o))
        return tn_builtins_as_int(o, out);
    if (!tn_str_check(o)) {
        tn_err_format(&tn_exc_TypeError, "configuration names must be strings or integers");
        return -1;
    }
    const char *s = tn_str_utf8(o, NULL);
    for (size_t i = 0; s != NULL && i < n; i++) {
        if (strcmp(s, table[i].name) == 0) {
            *out = table[i].value;
            return 0;
        }
    }
    if (s != NULL)
        tn_err_format(&tn_exc_ValueError, "unrecognized configuration name");
    return -1;
}

static TnObject *names_dict(const ConfName *table, size_t n)
{
    TnObject *d = tn_dict_new();
    for (size_t i = 0; d != NULL && i < n; i++) {
        TnObject *v = tn_int_from_i64(table[i].value);
        if (v == NULL || tn_dict_set_item_cstr(d, table[i].name, v) < 0)
            TN_CLEAR(d);
        tn_xdecref(v);
    }
    return d;
}

#define NNAMES(t) (sizeof(t) / sizeof((t)[0]))

/* A -1 result with errno still 0 means "no limit": None. */
static TnObject *conf_result(long r)
{
    if (r == -1 && errno != 0)
        return tn_posix_error(NULL);
    return tn_int_from_i64(r);
}

static TnObject *posix_sysconf(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int name;
    if (tn_posix_check("sysconf", nargs, kwnames, 1, 1) < 0 ||
        conf_name(args[0], sysconf_names, NNAMES(sysconf_names), &name) < 0)
        return NULL;
    errno = 0;
    return conf_result(sysconf(name));
}

/* pathconf(path, name); path may be an fd (fpathconf). */
static TnObject *posix_pathconf(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "name", NULL};
    TnObject *v[2] = {NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("pathconf", "path", false, true);
    TnObject *r = NULL;
    int name;
    if (tn_args_parse("pathconf", args, nargs, kwnames, names, 0, 2, v) < 0 || tn_posix_path_convert(v[0], &p) < 0 ||
        conf_name(v[1], pathconf_names, NNAMES(pathconf_names), &name) < 0)
        goto done;
    errno = 0;
    long c = p.fd >= 0 ? fpathconf(p.fd, name) : pathconf(p.narrow, name);
    if (c == -1 && errno != 0)
        tn_posix_error(&p);
    else
        r = tn_int_from_i64(c);
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_fpathconf(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd, name;
    if (tn_posix_check("fpathconf", nargs, kwnames, 2, 2) < 0 || tn_posix_fd(args[0], &fd) < 0 ||
        conf_name(args[1], pathconf_names, NNAMES(pathconf_names), &name) < 0)
        return NULL;
    errno = 0;
    return conf_result(fpathconf(fd, name));
}

static TnObject *posix_confstr(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int name;
    if (tn_posix_check("confstr", nargs, kwnames, 1, 1) < 0 ||
        conf_name(args[0], confstr_names, NNAMES(confstr_names), &name) < 0)
        return NULL;
    char buf[1024];
    errno = 0;
    size_t n = confstr(name, buf, sizeof buf);
    if (n == 0)
        return errno != 0 ? tn_posix_error(NULL) : tn_none_ref();
    if (n > sizeof buf)
        n = sizeof buf;
    return tn_posix_name(buf, (tn_ssize_t)n - 1, false);
}

static const TnMethodDef proc_functions[] = {
    {"getpid", posix_getpid, 0, "Return the current process id."},
    {"getppid", posix_getppid, 0, "Return the parent's process id."},
    {"getuid", posix_getuid, 0, "Return the current process's user id."},
    {"geteuid", posix_geteuid, 0, "Return the current process's effective user id."},
    {"getgid", posix_getgid, 0, "Return the current process's group id."},
    {"getegid", posix_getegid, 0, "Return the current process's effective group id."},
    {"getpgrp", posix_getpgrp, 0, "Return the current process group id."},
    {"getgroups", posix_getgroups, 0, "Return list of supplemental group IDs for the process."},
    {"getlogin", posix_getlogin, 0, "Return the actual login name."},
    {"uname", posix_uname, 0, "Return an object identifying the current operating system."},
    {"times", posix_times, 0, "Return a collection containing process timing information."},
    {"cpu_count", posix_cpu_count, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"sched_getaffinity", posix_sched_getaffinity, 0, "Return the affinity of the process identified by pid."},
    {"getloadavg", posix_getloadavg, 0, "Return average recent system load information."},
    {"kill", posix_kill, 0, "Kill a process with a signal."},
    {"killpg", posix_killpg, 0, "Kill a process group with a signal."},
    {"_exit", posix__exit, 0, "Exit to the system with specified status, without normal exit processing."},
    {"abort", posix_abort, 0, "Abort the interpreter immediately."},
    {"waitpid", posix_waitpid, 0, "Wait for completion of a given child process."},
    {"wait", posix_wait, 0, "Wait for completion of a child process."},
    {"WIFEXITED", posix_WIFEXITED, 0, "Return True if the process returning status exited via the exit() system call."},
    {"WIFSIGNALED", posix_WIFSIGNALED, 0, "Return True if the process returning status was terminated by a signal."},
    {"WIFSTOPPED", posix_WIFSTOPPED, 0, "Return True if the process returning status was stopped."},
    {"WIFCONTINUED", posix_WIFCONTINUED, 0, "Return True if a particular process was continued from a job control stop."},
    {"WCOREDUMP", posix_WCOREDUMP, 0, "Return True if the process returning status was dumped to a core file."},
    {"WEXITSTATUS", posix_WEXITSTATUS, 0, "Return the process return code from status."},
    {"WTERMSIG", posix_WTERMSIG, 0, "Return the signal that terminated the process that provided the status value."},
    {"WSTOPSIG", posix_WSTOPSIG, 0, "Return the signal that stopped the process that provided the status value."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, 0, "Convert a wait status to an exit code."},
    {"execv", posix_execv, 0, "Execute an executable path with arguments, replacing current process."},
    {"execve", posix_execve, 0, "Execute an executable path with arguments, replacing current process."},
    {"sysconf", posix_sysconf, 0, "Return an integer-valued system configuration variable."},
    {"pathconf", posix_pathconf, 0, "Return the configuration limit name for the file or directory path."},
    {"fpathconf", posix_fpathconf, 0, "Return the configuration limit name for the file descriptor fd."},
    {"confstr", posix_confstr, 0, "Return a string-valued system configuration variable."},
    {NULL, NULL, 0, NULL},
};

int tn_posix_proc_add(TnObject *m)
{
    if (tn_structseq_init_type_ex(&uname_result_type, "posix", "uname_result", "posix.uname_result", uname_fields,
                                  5) < 0 ||
        tn_structseq_init_type_ex(&times_result_type, "posix", "times_result", "posix.times_result", times_fields,
                                  5) < 0)
        return -1;
    return tn_module_add_functions(m, proc_functions) < 0 ||
                   tn_module_add_object(m, "uname_result", TN_OBJ(&uname_result_type)) < 0 ||
                   tn_module_add_object(m, "times_result", TN_OBJ(&times_result_type)) < 0 ||
                   tn_posix_add_steal(m, "sysconf_names", names_dict(sysconf_names, NNAMES(sysconf_names))) < 0 ||
                   tn_posix_add_steal(m, "pathconf_names", names_dict(pathconf_names, NNAMES(pathconf_names))) < 0 ||
                   tn_posix_add_steal(m, "confstr_names", names_dict(confstr_names, NNAMES(confstr_names))) < 0
               ? -1 : 0;
}
