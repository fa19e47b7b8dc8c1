/* core/modules/os.c — the os module and os.path (posixpath), in C.
 *
 * CPython's os is a Python module over posix; Tandem provides the commonly
 * used part directly: environ (a dict snapshot of the environment taken at
 * startup; assignments do not call putenv), getenv, getcwd, chdir,
 * listdir, mkdir, rmdir, remove/unlink, rename, stat (a tuple-like
 * stat_result), getpid, getppid, kill, cpu_count, urandom, strerror, fspath and
 * the constants.  os.path is a module object named "posixpath" with join,
 * split, splitext, basename, dirname, normpath, abspath, realpath, isabs,
 * exists, isfile, isdir, getsize and expanduser, following Lib/posixpath.py.
 * Paths are str only (bytes paths are not supported yet).  Failing system
 * calls raise the OSError subclass for errno with the filename attached.
 */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/modules/signal.h"
#include "core/objects/bytes.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"

extern char **environ;

/* ======================================================================
 * path arguments
 * ====================================================================== */

/* The str of a path argument: a str, or the str returned by __fspath__.
 * New ref, or NULL with TypeError using CPython's message for `fname`
 * (NULL: os.path's "expected str, bytes or os.PathLike object, not int"). */
static TnObject *path_arg(TnObject *o, const char *fname)
{
    if (tn_str_check(o))
        return tn_newref(o);
    TnObject *r = NULL;
    int found = tn_builtins_call_special(o, "__fspath__", NULL, 0, &r);
    if (found < 0)
        return NULL;
    if (found > 0) {
        if (tn_str_check(r))
            return r;
        tn_err_format(&tn_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                      tn_type(o)->name, tn_type(r)->name);
        tn_decref(r);
        return NULL;
    }
    if (fname == NULL)
        return tn_err_format(&tn_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             tn_type(o)->name);
    if (strcmp(fname, "join") == 0)
        return tn_err_format(&tn_exc_TypeError,
                             "join() argument must be str, bytes, or os.PathLike object, not '%s'",
                             tn_type(o)->name);
    const char *kinds = "string, bytes or os.PathLike";
    if (strcmp(fname, "listdir") == 0)
        kinds = "string, bytes, os.PathLike, integer or None";
    else if (strcmp(fname, "stat") == 0 || strcmp(fname, "chdir") == 0)
        kinds = "string, bytes, os.PathLike or integer";
    const char *param = "path";
    if (strcmp(fname, "rename") == 0 || strcmp(fname, "rename_dst") == 0) {
        param = fname[6] == '\0' ? "src" : "dst";
        fname = "rename";
    }
    return tn_err_format(&tn_exc_TypeError, "%s: %s should be %s, not %s", fname, param, kinds,
                         tn_type(o)->name);
}

static TnObject *from_cstr_n(const char *s, size_t n) { return tn_str_from_utf8(s, (tn_ssize_t)n); }

/* A C string copy of a str path (tn_mem_free it), or NULL. */
static char *path_cstr(TnObject *str)
{
    tn_ssize_t n;
    const char *u = tn_str_utf8(str, &n);
    if (u == NULL)
        return NULL;
    if ((tn_ssize_t)strlen(u) != n) {
        tn_err_format(&tn_exc_ValueError, "embedded null byte");
        return NULL;
    }
    char *c = tn_mem_alloc((size_t)n + 1);
    if (c == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    memcpy(c, u, (size_t)n + 1);
    return c;
}

static int check_args(const char *fname, tn_ssize_t nargs, TnObject *kwnames, tn_ssize_t min,
                      tn_ssize_t max)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_builtins_check_positional(fname, nargs, min, max);
}

/* Apply a one-path system call: 0 on success, or the OSError. */
static TnObject *path_call(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames, int (*call)(const char *))
{
    if (check_args(fname, nargs, kwnames, 1, 1) < 0)
        return NULL;
    TnObject *p = path_arg(args[0], fname);
    if (p == NULL)
        return NULL;
    char *c = path_cstr(p);
    TnObject *r = NULL;
    if (c != NULL) {
        if (call(c) != 0)
            tn_err_set_from_errno_filename(errno, p);
        else
            r = tn_none_ref();
        tn_mem_free(c);
    }
    tn_decref(p);
    return r;
}

/* ======================================================================
 * stat_result
 * ====================================================================== */

#define STAT_FIELDS 10

typedef struct TnStatResult {
    TnObject ob;
    TnObject *tuple;   /* st_mode .. st_ctime as ints (the visible sequence) */
    double atime, mtime, ctime;
    int64_t atime_ns, mtime_ns, ctime_ns;
    int64_t blksize, blocks, rdev;
} TnStatResult;

static TnType stat_result_type;

static const char *const stat_names[STAT_FIELDS] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
    "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
};

static void stat_result_dealloc(TnObject *self)
{
    TN_CLEAR(((TnStatResult *)self)->tuple);
    tn_object_free(self);
}

static TnObject *stat_result_repr(TnObject *self)
{
    TnObject *t = ((TnStatResult *)self)->tuple;
    TnStrWriter w;
    tn_strw_init(&w);
    if (tn_strw_puts(&w, "os.stat_result(") < 0)
        goto error;
    for (int i = 0; i < STAT_FIELDS; i++) {
        if ((i > 0 && tn_strw_puts(&w, ", ") < 0) || tn_strw_puts(&w, stat_names[i]) < 0 ||
            tn_strw_putc(&w, '=') < 0 || tn_strw_put_repr(&w, tn_tuple_get(t, i)) < 0)
            goto error;
    }
    if (tn_strw_putc(&w, ')') < 0)
        goto error;
    return tn_strw_finish(&w);
error:
    tn_strw_discard(&w);
    return NULL;
}

static tn_ssize_t stat_result_length(TnObject *self)
{
    (void)self;
    return STAT_FIELDS;
}

static TnObject *stat_result_item(TnObject *self, tn_ssize_t i)
{
    if (i < 0 || i >= STAT_FIELDS)
        return tn_err_format(&tn_exc_IndexError, "tuple index out of range");
    return tn_newref(tn_tuple_get(((TnStatResult *)self)->tuple, i));
}

static TnObject *stat_result_subscript(TnObject *self, TnObject *key)
{
    return tn_object_getitem(((TnStatResult *)self)->tuple, key);
}

static TnObject *stat_result_iter(TnObject *self)
{
    return tn_object_get_iter(((TnStatResult *)self)->tuple);
}

static TnObject *stat_result_richcompare(TnObject *a, TnObject *b, int op)
{
    TnObject *ua = tn_type(a) == &stat_result_type ? ((TnStatResult *)a)->tuple : a;
    TnObject *ub = tn_type(b) == &stat_result_type ? ((TnStatResult *)b)->tuple : b;
    if (!tn_tuple_check(ub))
        return tn_newref(TN_NOTIMPLEMENTED);
    return tn_object_richcompare(ua, ub, op);
}

static TnObject *sr_get_item(TnObject *self, void *closure)
{
    return tn_newref(tn_tuple_get(((TnStatResult *)self)->tuple, (tn_ssize_t)(intptr_t)closure));
}

enum { SR_ATIME, SR_MTIME, SR_CTIME, SR_ATIME_NS, SR_MTIME_NS, SR_CTIME_NS, SR_BLKSIZE, SR_BLOCKS, SR_RDEV };

static TnObject *sr_get_extra(TnObject *self, void *closure)
{
    TnStatResult *sr = (TnStatResult *)self;
    switch ((int)(intptr_t)closure) {
    case SR_ATIME: return tn_float_from_double(sr->atime);
    case SR_MTIME: return tn_float_from_double(sr->mtime);
    case SR_CTIME: return tn_float_from_double(sr->ctime);
    case SR_ATIME_NS: return tn_int_from_i64(sr->atime_ns);
    case SR_MTIME_NS: return tn_int_from_i64(sr->mtime_ns);
    case SR_CTIME_NS: return tn_int_from_i64(sr->ctime_ns);
    case SR_BLKSIZE: return tn_int_from_i64(sr->blksize);
    case SR_BLOCKS: return tn_int_from_i64(sr->blocks);
    default: return tn_int_from_i64(sr->rdev);
    }
}

static const TnGetSetDef stat_result_getsets[] = {
    {"st_mode", sr_get_item, NULL, "protection bits", (void *)0},
    {"st_ino", sr_get_item, NULL, "inode", (void *)1},
    {"st_dev", sr_get_item, NULL, "device", (void *)2},
    {"st_nlink", sr_get_item, NULL, "number of hard links", (void *)3},
    {"st_uid", sr_get_item, NULL, "user ID of owner", (void *)4},
    {"st_gid", sr_get_item, NULL, "group ID of owner", (void *)5},
    {"st_size", sr_get_item, NULL, "total size, in bytes", (void *)6},
    {"st_atime", sr_get_extra, NULL, "time of last access", (void *)SR_ATIME},
    {"st_mtime", sr_get_extra, NULL, "time of last modification", (void *)SR_MTIME},
    {"st_ctime", sr_get_extra, NULL, "time of last change", (void *)SR_CTIME},
    {"st_atime_ns", sr_get_extra, NULL, "time of last access in nanoseconds", (void *)SR_ATIME_NS},
    {"st_mtime_ns", sr_get_extra, NULL, "time of last modification in nanoseconds", (void *)SR_MTIME_NS},
    {"st_ctime_ns", sr_get_extra, NULL, "time of last change in nanoseconds", (void *)SR_CTIME_NS},
    {"st_blksize", sr_get_extra, NULL, "blocksize for filesystem I/O", (void *)SR_BLKSIZE},
    {"st_blocks", sr_get_extra, NULL, "number of blocks allocated", (void *)SR_BLOCKS},
    {"st_rdev", sr_get_extra, NULL, "device type (if inode device)", (void *)SR_RDEV},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnSequenceMethods stat_result_as_sequence = {
    .length = stat_result_length,
    .item = stat_result_item,
};

static const TnMappingMethods stat_result_as_mapping = {
    .length = stat_result_length,
    .subscript = stat_result_subscript,
};

static TnType stat_result_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "stat_result",
    .basicsize = sizeof(TnStatResult),
    .dealloc = stat_result_dealloc,
    .repr = stat_result_repr,
    .richcompare = stat_result_richcompare,
    .iter = stat_result_iter,
    .new_ = tn_type_new_not_allowed,
    .as_sequence = &stat_result_as_sequence,
    .as_mapping = &stat_result_as_mapping,
    .getsets = stat_result_getsets,
    .doc = "stat_result: Result from stat, fstat, or lstat.",
};

static TnObject *stat_result_from(const struct stat *st)
{
    int64_t vals[STAT_FIELDS] = {
        st->st_mode, (int64_t)st->st_ino, (int64_t)st->st_dev, (int64_t)st->st_nlink,
        st->st_uid, st->st_gid, st->st_size, st->st_atim.tv_sec, st->st_mtim.tv_sec,
        st->st_ctim.tv_sec,
    };
    TnObject *t = tn_tuple_new(STAT_FIELDS);
    if (t == NULL)
        return NULL;
    bool failed = false;
    for (int i = 0; i < STAT_FIELDS; i++) {
        TnObject *v = tn_int_from_i64(vals[i]);
        failed |= v == NULL;
        tn_tuple_set_steal(t, i, v != NULL ? v : tn_none_ref());
    }
    TnStatResult *sr = failed ? NULL
                              : (TnStatResult *)tn_object_new(&stat_result_type, sizeof(TnStatResult));
    if (sr == NULL) {
        tn_decref(t);
        return NULL;
    }
    sr->tuple = t;
    sr->atime = (double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9;
    sr->mtime = (double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9;
    sr->ctime = (double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9;
    sr->atime_ns = (int64_t)st->st_atim.tv_sec * 1000000000 + st->st_atim.tv_nsec;
    sr->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
    sr->ctime_ns = (int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
    sr->blksize = st->st_blksize;
    sr->blocks = st->st_blocks;
    sr->rdev = (int64_t)st->st_rdev;
    return TN_OBJ(sr);
}

/* stat(path, *, dir_fd=None, follow_symlinks=True); only path is supported. */
static TnObject *do_stat(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                         TnObject *kwnames, bool follow)
{
    static const char *const names[] = {"path", NULL};
    TnObject *v[1] = {NULL};
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    TnObject *p = path_arg(v[0], fname);
    if (p == NULL)
        return NULL;
    char *c = path_cstr(p);
    TnObject *r = NULL;
    if (c != NULL) {
        struct stat st;
        if ((follow ? stat(c, &st) : lstat(c, &st)) != 0)
            tn_err_set_from_errno_filename(errno, p);
        else
            r = stat_result_from(&st);
        tn_mem_free(c);
    }
    tn_decref(p);
    return r;
}

static TnObject *os_stat(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_stat("stat", args, nargs, kwnames, true);
}

static TnObject *os_lstat(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_stat("lstat", args, nargs, kwnames, false);
}

/* ======================================================================
 * os functions
 * ====================================================================== */

static TnObject *os_getcwd(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_args("getcwd", nargs, kwnames, 0, 0) < 0)
        return NULL;
    char *buf = getcwd(NULL, 0);
    if (buf == NULL)
        return tn_err_set_from_errno_filename(errno, NULL);
    TnObject *r = tn_str_from_utf8(buf, (tn_ssize_t)strlen(buf));
    free(buf);
    return r;
}

static int c_chdir(const char *p) { return chdir(p); }
static int c_rmdir(const char *p) { return rmdir(p); }
static int c_unlink(const char *p) { return unlink(p); }

static TnObject *os_chdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return path_call("chdir", args, nargs, kwnames, c_chdir);
}

static TnObject *os_rmdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return path_call("rmdir", args, nargs, kwnames, c_rmdir);
}

static TnObject *os_remove(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return path_call("remove", args, nargs, kwnames, c_unlink);
}

static TnObject *os_unlink(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return path_call("unlink", args, nargs, kwnames, c_unlink);
}

/* mkdir(path, mode=0o777) */
static TnObject *os_mkdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "mode", NULL};
    TnObject *v[2] = {NULL, NULL};
    if (tn_args_parse("mkdir", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    int mode = 0777;
    if (v[1] != NULL && tn_builtins_as_int(v[1], &mode) < 0)
        return NULL;
    TnObject *p = path_arg(v[0], "mkdir");
    if (p == NULL)
        return NULL;
    char *c = path_cstr(p);
    TnObject *r = NULL;
    if (c != NULL) {
        if (mkdir(c, (mode_t)mode) != 0)
            tn_err_set_from_errno_filename(errno, p);
        else
            r = tn_none_ref();
        tn_mem_free(c);
    }
    tn_decref(p);
    return r;
}

/* OSError for a two-path call: "[Errno 2] ...: 'a' -> 'b'". */
static TnObject *errno_two_paths(int err, TnObject *a, TnObject *b)
{
    TnObject *code = tn_int_from_i64(err);
    TnObject *msg = tn_str_from_cstr(strerror(err));
    TnObject *targs = code != NULL && msg != NULL ? tn_tuple_pack(5, code, msg, a, TN_NONE, b) : NULL;
    tn_xdecref(code);
    tn_xdecref(msg);
    if (targs == NULL)
        return NULL;
    TnObject *exc = tn_call_tuple_dict(TN_OBJ(&tn_exc_OSError), targs, NULL);
    tn_decref(targs);
    if (exc != NULL) {
        tn_err_set_object(tn_type(exc), exc);
        tn_decref(exc);
    }
    return NULL;
}

static TnObject *os_rename(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"src", "dst", NULL};
    TnObject *v[2] = {NULL, NULL};
    if (tn_args_parse("rename", args, nargs, kwnames, names, 0, 2, v) < 0)
        return NULL;
    TnObject *a = path_arg(v[0], "rename"), *b = a != NULL ? path_arg(v[1], "rename_dst") : NULL;
    char *ca = b != NULL ? path_cstr(a) : NULL, *cb = ca != NULL ? path_cstr(b) : NULL;
    TnObject *r = NULL;
    if (cb != NULL) {
        if (rename(ca, cb) != 0)
            errno_two_paths(errno, a, b);
        else
            r = tn_none_ref();
    }
    if (ca != NULL)
        tn_mem_free(ca);
    if (cb != NULL)
        tn_mem_free(cb);
    tn_xdecref(a);
    tn_xdecref(b);
    return r;
}

/* listdir(path='.'): the names in the directory, without '.' and '..'. */
static TnObject *os_listdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    TnObject *v[1] = {NULL};
    if (tn_args_parse("listdir", args, nargs, kwnames, names, 0, 0, v) < 0)
        return NULL;
    TnObject *p = v[0] == NULL || v[0] == TN_NONE ? tn_str_from_cstr(".") : path_arg(v[0], "listdir");
    if (p == NULL)
        return NULL;
    char *c = path_cstr(p);
    TnObject *list = NULL;
    DIR *d = NULL;
    if (c == NULL)
        goto done;
    d = opendir(c);
    if (d == NULL) {
        tn_err_set_from_errno_filename(errno, p);
        goto done;
    }
    list = tn_list_new(0);
    while (list != NULL) {
        errno = 0;
        struct dirent *ent = readdir(d);
        if (ent == NULL) {
            if (errno != 0) {
                tn_err_set_from_errno_filename(errno, p);
                TN_CLEAR(list);
            }
            break;
        }
        if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
            continue;
        TnObject *name = tn_str_from_utf8(ent->d_name, (tn_ssize_t)strlen(ent->d_name));
        if (name == NULL || tn_list_append_steal(list, name) < 0)
            TN_CLEAR(list);
    }
done:
    if (d != NULL)
        closedir(d);
    if (c != NULL)
        tn_mem_free(c);
    tn_decref(p);
    return list;
}

static TnObject *os_getpid(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_args("getpid", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return tn_int_from_i64(getpid());
}

/* kill(pid, signal, /): send a signal.  One sent to this process is
 * handled before kill returns, not at the next check point. */
static TnObject *os_kill(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int pid, sig;
    if (check_args("kill", nargs, kwnames, 2, 2) < 0 || tn_builtins_as_int(args[0], &pid) < 0 ||
        tn_builtins_as_int(args[1], &sig) < 0)
        return NULL;
    if (kill((pid_t)pid, sig) != 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    if (tn_signal_check() < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *os_getppid(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_args("getppid", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return tn_int_from_i64(getppid());
}

static TnObject *os_cpu_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_args("cpu_count", nargs, kwnames, 0, 0) < 0)
        return NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return tn_none_ref();
    return tn_int_from_i64(n);
}

static TnObject *os_strerror(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int code;
    if (check_args("strerror", nargs, kwnames, 1, 1) < 0 || tn_builtins_as_int(args[0], &code) < 0)
        return NULL;
    return tn_str_from_cstr(strerror(code));
}

static TnObject *os_urandom(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_args("urandom", nargs, kwnames, 1, 1) < 0)
        return NULL;
    tn_ssize_t n = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return NULL;
    if (n < 0)
        return tn_err_format(&tn_exc_ValueError, "negative argument not allowed");
    char *buf = tn_mem_alloc(n > 0 ? (size_t)n : 1);
    if (buf == NULL)
        return tn_err_no_memory();
    tn_ssize_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(buf + got, (size_t)(n - got), 0);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            tn_mem_free(buf);
            return tn_err_set_from_errno_filename(errno, NULL);
        }
        got += k;
    }
    TnObject *r = tn_bytes_from_data(buf, n);
    tn_mem_free(buf);
    return r;
}

static TnObject *os_fspath(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_args("fspath", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return path_arg(args[0], NULL);
}

/* getenv(key, default=None): reads os.environ (self is the os module). */
static TnObject *os_getenv(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    TnObject *v[2] = {NULL, NULL};
    if (tn_args_parse("getenv", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    if (!tn_str_check(v[0]))
        return tn_err_format(&tn_exc_TypeError, "str expected, not %s", tn_type(v[0])->name);
    /* A new reference: __getitem__ of a replaced os.environ may rebind it. */
    TnObject *env = tn_dict_get_cstr_ref(tn_module_dict(self), "environ");
    if (env != NULL) {
        TnObject *r = tn_object_getitem(env, v[0]);
        tn_decref(env);
        if (r != NULL)
            return r;
        if (!tn_err_matches(&tn_exc_KeyError))
            return NULL;
        tn_err_clear();
    }
    return tn_newref(v[1] != NULL ? v[1] : TN_NONE);
}

static TnObject *make_environ(void)
{
    TnObject *d = tn_dict_new();
    for (char **e = environ; d != NULL && e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL || eq == *e)
            continue;
        TnObject *k = from_cstr_n(*e, (size_t)(eq - *e));
        TnObject *v = k != NULL ? tn_str_from_cstr(eq + 1) : NULL;
        if (k == NULL || v == NULL) {
            /* Undecodable entries are skipped, as surrogateescape is not available. */
            tn_xdecref(k);
            tn_err_clear();
            continue;
        }
        /* The first definition wins, as in CPython's convertenviron. */
        int has = tn_dict_contains(d, k);
        if (has < 0 || (has == 0 && tn_dict_set_item(d, k, v) < 0))
            TN_CLEAR(d);
        tn_decref(k);
        tn_decref(v);
    }
    return d;
}

/* ======================================================================
 * os.path (Lib/posixpath.py)
 * ====================================================================== */

static int one_path(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                    TnObject **p, const char **s, tn_ssize_t *n)
{
    if (check_args(fname, nargs, kwnames, 1, 1) < 0)
        return -1;
    *p = path_arg(args[0], NULL);
    if (*p == NULL)
        return -1;
    *s = tn_str_utf8(*p, n);
    if (*s == NULL) {
        TN_CLEAR(*p);
        return -1;
    }
    return 0;
}

static tn_ssize_t last_sep(const char *s, tn_ssize_t n)
{
    for (tn_ssize_t i = n - 1; i >= 0; i--)
        if (s[i] == '/')
            return i;
    return -1;
}

/* split's head: p[:i] with trailing slashes removed unless it is all slashes. */
static tn_ssize_t head_len(const char *s, tn_ssize_t i)
{
    tn_ssize_t k = i;
    while (k > 0 && s[k - 1] == '/')
        k--;
    return k == 0 ? i : k;
}

/* join(a, *p), as posixpath.join: an absolute part restarts the path;
 * otherwise parts are joined with '/' unless the path is empty or already
 * ends with one. */
static TnObject *path_join(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("join", kwnames) < 0 || tn_builtins_check_positional("join", nargs, 1, -1) < 0)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    TnObject *result = NULL;
    for (tn_ssize_t i = 0; i < nargs; i++) {
        TnObject *p = path_arg(args[i], "join");
        if (p == NULL)
            goto done;
        tn_ssize_t n;
        const char *s = tn_str_utf8(p, &n);
        if (s == NULL) {
            tn_decref(p);
            goto done;
        }
        if (i > 0 && n > 0 && s[0] == '/')
            len = 0;
        bool add_sep = len > 0 && buf[len - 1] != '/';
        size_t need = len + (size_t)n + 2;
        if (need > cap) {
            cap = need * 2;
            char *nb = tn_mem_realloc(buf, cap);
            if (nb == NULL) {
                tn_decref(p);
                tn_err_no_memory();
                goto done;
            }
            buf = nb;
        }
        if (add_sep)
            buf[len++] = '/';
        memcpy(buf + len, s, (size_t)n);
        len += (size_t)n;
        tn_decref(p);
    }
    result = from_cstr_n(buf != NULL ? buf : "", len);
done:
    tn_mem_free(buf);
    return result;
}

static TnObject *path_split(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("split", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    tn_ssize_t i = last_sep(s, n) + 1;
    TnObject *head = from_cstr_n(s, (size_t)head_len(s, i));
    TnObject *tail = from_cstr_n(s + i, (size_t)(n - i));
    TnObject *t = head != NULL && tail != NULL ? tn_tuple_pack(2, head, tail) : NULL;
    tn_xdecref(head);
    tn_xdecref(tail);
    tn_decref(p);
    return t;
}

static TnObject *path_basename(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("basename", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    tn_ssize_t i = last_sep(s, n) + 1;
    TnObject *r = from_cstr_n(s + i, (size_t)(n - i));
    tn_decref(p);
    return r;
}

static TnObject *path_dirname(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("dirname", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    tn_ssize_t i = last_sep(s, n) + 1;
    TnObject *r = from_cstr_n(s, (size_t)head_len(s, i));
    tn_decref(p);
    return r;
}

static TnObject *path_splitext(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("splitext", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    tn_ssize_t sep = last_sep(s, n), dot = -1, cut = n;
    for (tn_ssize_t i = n - 1; i >= 0; i--) {
        if (s[i] == '.') {
            dot = i;
            break;
        }
    }
    if (dot > sep) {
        for (tn_ssize_t k = sep + 1; k < dot; k++) {
            if (s[k] != '.') {
                cut = dot;
                break;
            }
        }
    }
    TnObject *root = from_cstr_n(s, (size_t)cut);
    TnObject *ext = from_cstr_n(s + cut, (size_t)(n - cut));
    TnObject *t = root != NULL && ext != NULL ? tn_tuple_pack(2, root, ext) : NULL;
    tn_xdecref(root);
    tn_xdecref(ext);
    tn_decref(p);
    return t;
}

static TnObject *path_isabs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("isabs", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    bool abs = n > 0 && s[0] == '/';
    tn_decref(p);
    return tn_newref(tn_bool_from(abs));
}

/* posixpath.normpath on s[0..n). New str. */
static TnObject *normpath_cstr(const char *s, tn_ssize_t n)
{
    if (n == 0)
        return tn_str_from_cstr(".");
    int initial = 0;
    if (s[0] == '/') {
        initial = 1;
        if (n >= 2 && s[1] == '/' && !(n >= 3 && s[2] == '/'))
            initial = 2;
    }
    /* comps as (start, len) pairs. */
    tn_ssize_t cap = n / 2 + 2, count = 0;
    tn_ssize_t *st = tn_mem_alloc((size_t)cap * 2 * sizeof(tn_ssize_t));
    if (st == NULL)
        return tn_err_no_memory();
    tn_ssize_t i = 0;
    while (i <= n) {
        tn_ssize_t j = i;
        while (j < n && s[j] != '/')
            j++;
        tn_ssize_t len = j - i;
        const char *c = s + i;
        if (len == 0 || (len == 1 && c[0] == '.')) {
            /* skip */
        } else {
            bool dotdot = len == 2 && c[0] == '.' && c[1] == '.';
            bool prev_dotdot = count > 0 && st[2 * (count - 1) + 1] == 2 &&
                               s[st[2 * (count - 1)]] == '.' && s[st[2 * (count - 1)] + 1] == '.';
            if (!dotdot || (!initial && count == 0) || prev_dotdot) {
                st[2 * count] = i;
                st[2 * count + 1] = len;
                count++;
            } else if (count > 0) {
                count--;
            }
        }
        i = j + 1;
    }
    TnStrWriter w;
    tn_strw_init(&w);
    int rc = 0;
    for (int k = 0; k < initial && rc == 0; k++)
        rc = tn_strw_putc(&w, '/');
    for (tn_ssize_t k = 0; k < count && rc == 0; k++) {
        if (k > 0)
            rc = tn_strw_putc(&w, '/');
        if (rc == 0)
            rc = tn_strw_putn(&w, s + st[2 * k], st[2 * k + 1]);
    }
    if (rc == 0 && initial == 0 && count == 0)
        rc = tn_strw_putc(&w, '.');
    tn_mem_free(st);
    if (rc < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

static TnObject *path_normpath(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("normpath", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    TnObject *r = normpath_cstr(s, n);
    tn_decref(p);
    return r;
}

/* abspath of s: normpath(join(getcwd(), s)). */
static TnObject *abspath_cstr(const char *s, tn_ssize_t n)
{
    if (n > 0 && s[0] == '/')
        return normpath_cstr(s, n);
    char *cwd = getcwd(NULL, 0);
    if (cwd == NULL)
        return tn_err_set_from_errno_filename(errno, NULL);
    size_t cl = strlen(cwd);
    char *buf = tn_mem_alloc(cl + (size_t)n + 2);
    TnObject *r = NULL;
    if (buf == NULL) {
        tn_err_no_memory();
    } else {
        memcpy(buf, cwd, cl);
        size_t k = cl;
        if (n > 0 && (k == 0 || buf[k - 1] != '/'))
            buf[k++] = '/';
        memcpy(buf + k, s, (size_t)n);
        r = normpath_cstr(buf, (tn_ssize_t)(k + (size_t)n));
        tn_mem_free(buf);
    }
    free(cwd);
    return r;
}

static TnObject *path_abspath(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("abspath", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    TnObject *r = abspath_cstr(s, n);
    tn_decref(p);
    return r;
}

/* realpath: the C library's for existing paths; for a missing one, the
 * real path of its parent joined with the last component (non-strict). */
static TnObject *realpath_str(TnObject *abs)
{
    tn_ssize_t n;
    const char *s = tn_str_utf8(abs, &n);
    if (s == NULL)
        return NULL;
    char *res = realpath(s, NULL);
    if (res != NULL) {
        TnObject *r = tn_str_from_cstr(res);
        free(res);
        return r;
    }
    tn_ssize_t i = last_sep(s, n);
    if (i <= 0)
        return tn_newref(abs);
    TnObject *parent = from_cstr_n(s, (size_t)i);
    if (parent == NULL)
        return NULL;
    TnObject *rp = realpath_str(parent);
    tn_decref(parent);
    if (rp == NULL)
        return NULL;
    tn_ssize_t pn;
    const char *ps = tn_str_utf8(rp, &pn);
    TnObject *r = NULL;
    if (ps != NULL)
        r = tn_str_from_format("%s%s%s", ps, pn > 0 && ps[pn - 1] == '/' ? "" : "/", s + i + 1);
    tn_decref(rp);
    return r;
}

static TnObject *path_realpath(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    static const char *const names[] = {"filename", "strict", NULL};
    TnObject *v[2] = {NULL, NULL};
    if (tn_args_parse("realpath", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    TnObject *p = path_arg(v[0], NULL);
    if (p == NULL)
        return NULL;
    tn_ssize_t n;
    const char *s = tn_str_utf8(p, &n);
    TnObject *abs = s != NULL ? abspath_cstr(s, n) : NULL;
    tn_decref(p);
    if (abs == NULL)
        return NULL;
    TnObject *r = realpath_str(abs);
    tn_decref(abs);
    return r;
}

/* stat for the predicates: 1 found, 0 missing or invalid (never raises
 * for OS errors, as genericpath). */
static int stat_quiet(TnObject *arg, struct stat *st)
{
    TnObject *p = path_arg(arg, "stat");
    if (p == NULL)
        return -1;
    tn_ssize_t n;
    const char *s = tn_str_utf8(p, &n);
    int r = s != NULL && (tn_ssize_t)strlen(s) == n && stat(s, st) == 0;
    if (s == NULL)
        r = -1;
    tn_decref(p);
    return r;
}

#define PATH_PRED(name, test)                                                              \
    static TnObject *path_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs,   \
                                 TnObject *kwnames)                                        \
    {                                                                                      \
        struct stat st;                                                                    \
        if (check_args(#name, nargs, kwnames, 1, 1) < 0)                                   \
            return NULL;                                                                   \
        int r = stat_quiet(args[0], &st);                                                  \
        if (r < 0)                                                                         \
            return NULL;                                                                   \
        return tn_newref(tn_bool_from(r && (test)));                                       \
    }

PATH_PRED(exists, true)
PATH_PRED(isfile, S_ISREG(st.st_mode))
PATH_PRED(isdir, S_ISDIR(st.st_mode))

static TnObject *path_getsize(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (check_args("getsize", nargs, kwnames, 1, 1) < 0)
        return NULL;
    TnObject *sr = do_stat("stat", args, nargs, NULL, true);
    if (sr == NULL)
        return NULL;
    TnObject *r = tn_newref(tn_tuple_get(((TnStatResult *)sr)->tuple, 6));
    tn_decref(sr);
    return r;
}

static TnObject *path_expanduser(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    TnObject *p;
    const char *s;
    tn_ssize_t n;
    if (one_path("expanduser", args, nargs, kwnames, &p, &s, &n) < 0)
        return NULL;
    if (n == 0 || s[0] != '~')
        return p;
    tn_ssize_t i = 1;
    while (i < n && s[i] != '/')
        i++;
    const char *home = NULL;
    if (i == 1) {
        home = getenv("HOME");
        if (home == NULL) {
            struct passwd *pw = getpwuid(getuid());
            if (pw == NULL)
                return p;
            home = pw->pw_dir;
        }
    } else {
        char *name = tn_mem_alloc((size_t)i);
        if (name == NULL) {
            tn_decref(p);
            return tn_err_no_memory();
        }
        memcpy(name, s + 1, (size_t)i - 1);
        name[i - 1] = '\0';
        struct passwd *pw = getpwnam(name);
        tn_mem_free(name);
        if (pw == NULL)
            return p;
        home = pw->pw_dir;
    }
    size_t hl = strlen(home);
    while (hl > 0 && home[hl - 1] == '/')
        hl--;
    TnObject *r;
    if (hl == 0 && i == n) {
        r = tn_str_from_cstr("/");
    } else {
        TnStrWriter w;
        tn_strw_init(&w);
        if (tn_strw_putn(&w, home, (tn_ssize_t)hl) < 0 || tn_strw_putn(&w, s + i, n - i) < 0) {
            tn_strw_discard(&w);
            r = NULL;
        } else {
            r = tn_strw_finish(&w);
        }
    }
    tn_decref(p);
    return r;
}

static const TnMethodDef path_functions[] = {
    {"join", path_join, 0, "Join two or more pathname components, inserting '/' as needed."},
    {"split", path_split, 0, "Split a pathname into a (head, tail) tuple."},
    {"splitext", path_splitext, 0, "Split the extension from a pathname."},
    {"basename", path_basename, 0, "Returns the final component of a pathname"},
    {"dirname", path_dirname, 0, "Returns the directory component of a pathname"},
    {"normpath", path_normpath, 0, "Normalize path, eliminating double slashes, etc."},
    {"abspath", path_abspath, 0, "Return an absolute path."},
    {"realpath", path_realpath, 0, "Return the canonical path of the specified filename."},
    {"isabs", path_isabs, 0, "Test whether a path is absolute"},
    {"exists", path_exists, 0, "Test whether a path exists."},
    {"isfile", path_isfile, 0, "Test whether a path is a regular file"},
    {"isdir", path_isdir, 0, "Return true if the pathname refers to an existing directory."},
    {"getsize", path_getsize, 0, "Return the size of a file, reported by os.stat()."},
    {"expanduser", path_expanduser, 0, "Expand ~ and ~user constructions."},
    {NULL, NULL, 0, NULL},
};

static const TnMethodDef os_functions[] = {
    {"getcwd", os_getcwd, 0, "Return a unicode string representing the current working directory."},
    {"chdir", os_chdir, 0, "Change the current working directory to the specified path."},
    {"listdir", os_listdir, 0, "Return a list containing the names of the files in the directory."},
    {"mkdir", os_mkdir, 0, "Create a directory."},
    {"rmdir", os_rmdir, 0, "Remove a directory."},
    {"remove", os_remove, 0, "Remove a file (same as unlink())."},
    {"unlink", os_unlink, 0, "Remove a file (same as remove())."},
    {"rename", os_rename, 0, "Rename a file or directory."},
    {"stat", os_stat, 0, "Perform a stat system call on the given path."},
    {"lstat", os_lstat, 0, "Perform a stat system call on the given path, without following symbolic links."},
    {"getpid", os_getpid, 0, "Return the current process id."},
    {"kill", os_kill, 0, "Kill a process with a signal."},
    {"getppid", os_getppid, 0, "Return the parent's process id."},
    {"cpu_count", os_cpu_count, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"strerror", os_strerror, 0, "Translate an error code to a message string."},
    {"urandom", os_urandom, 0, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"fspath", os_fspath, 0, "Return the file system path representation of the object."},
    {"getenv", os_getenv, 0, "Get an environment variable, return None if it doesn't exist."},
    {NULL, NULL, 0, NULL},
};

static int add_steal(TnObject *m, const char *name, TnObject *v)
{
    if (v == NULL)
        return -1;
    int r = tn_module_add_object(m, name, v);
    tn_decref(v);
    return r;
}

static int add_str(TnObject *m, const char *name, const char *value)
{
    return add_steal(m, name, tn_str_from_cstr(value));
}

static TnObject *path_module_create(void)
{
    TnObject *m = tn_module_new("posixpath");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, path_functions) < 0 || add_str(m, "sep", "/") < 0 ||
        add_str(m, "curdir", ".") < 0 || add_str(m, "pardir", "..") < 0 ||
        add_str(m, "extsep", ".") < 0 || add_str(m, "pathsep", ":") < 0 ||
        add_str(m, "defpath", "/bin:/usr/bin") < 0 || add_str(m, "devnull", "/dev/null") < 0 ||
        tn_module_add_object(m, "altsep", TN_NONE) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}

TnObject *tn_os_module_create(void)
{
    if (tn_type_ready(&stat_result_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("os");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, os_functions) < 0 || add_steal(m, "environ", make_environ()) < 0 ||
        add_steal(m, "path", path_module_create()) < 0 || add_str(m, "name", "posix") < 0 ||
        add_str(m, "sep", "/") < 0 || add_str(m, "linesep", "\n") < 0 ||
        add_str(m, "curdir", ".") < 0 || add_str(m, "pardir", "..") < 0 ||
        add_str(m, "extsep", ".") < 0 || add_str(m, "pathsep", ":") < 0 ||
        add_str(m, "defpath", "/bin:/usr/bin") < 0 || add_str(m, "devnull", "/dev/null") < 0 ||
        tn_module_add_object(m, "altsep", TN_NONE) < 0 ||
        tn_module_add_object(m, "error", TN_OBJ(&tn_exc_OSError)) < 0 ||
        tn_module_add_object(m, "stat_result", TN_OBJ(&stat_result_type)) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
