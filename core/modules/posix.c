/* core/modules/posix.c — the posix module: what CPython's os.py, and
 * through it posixpath, shutil, tempfile, glob and pathlib, build on
 * (design note: docs/posix.md).
 *
 * `import os` runs CPython's own Lib/os.py, which does `from posix import *`
 * and builds os.environ, os.walk, os.makedirs, os.fsencode ... in Python.
 * This file has the module itself, the path converter shared by the other
 * posix_*.c files, errors, environ/putenv/unsetenv and the constants;
 * posix_fs.c has the path operations, posix_fd.c the file descriptors,
 * posix_stat.c stat_result/statvfs/scandir/DirEntry, posix_proc.c the
 * process functions.  Failing system calls raise the OSError subclass for
 * errno with the filename(s) attached, as CPython's posixmodule.c.
 *
 * Threads: no function keeps state between calls.  putenv/unsetenv call
 * libc's setenv/unsetenv, which are not thread-safe against a concurrent
 * getenv in another thread; CPython has the same limit (it holds the GIL
 * but C code can call getenv without it) and takes no lock, nor does this.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/objects/codecs.h"
#include "core/objects/range.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/posix.h"

extern char **environ;

/* ======================================================================
 * path arguments
 * ====================================================================== */

TnObject *tn_posix_name(const char *s, tn_ssize_t n, bool as_bytes)
{
    if (as_bytes)
        return tn_bytes_from_data(s, n);
    return tn_codec_decode(s, n, "utf-8", "surrogateescape");
}

/* The allowed kinds in path_converter's TypeError. */
static const char *path_kinds(const TnPosixPath *p)
{
    if (p->allow_fd && p->nullable)
        return "string, bytes, os.PathLike, integer or None";
    if (p->allow_fd)
        return "string, bytes, os.PathLike or integer";
    if (p->nullable)
        return "string, bytes, os.PathLike or None";
    return "string, bytes or os.PathLike";
}

/* o after the os.fspath protocol: str or bytes (new ref), NULL with no
 * error when o is neither and has no __fspath__, NULL with an error else. */
static TnObject *fspath_or_null(TnObject *o)
{
    if (tn_str_check(o) || tn_bytes_check(o))
        return tn_newref(o);
    TnObject *r = NULL;
    int found = tn_builtins_call_special(o, "__fspath__", NULL, 0, &r);
    if (found <= 0)
        return NULL;
    if (tn_str_check(r) || tn_bytes_check(r))
        return r;
    tn_err_format(&tn_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                  tn_type(o)->name, tn_type(r)->name);
    tn_decref(r);
    return NULL;
}

static int path_from_fd(TnObject *o, TnPosixPath *p)
{
    int fd;
    if (tn_builtins_as_int(o, &fd) < 0)
        return -1;
    p->fd = fd;
    return 0;
}

int tn_posix_path_convert(TnObject *o, TnPosixPath *p)
{
    if (o == TN_NONE && p->nullable)
        return 0;
    if (p->allow_fd && tn_slice_index_check(o))
        return path_from_fd(o, p);
    p->object = fspath_or_null(o);
    if (p->object == NULL && !tn_err_occurred()) {
        /* Another bytes-like object: CPython 3.11 takes a copy of its bytes
         * after a DeprecationWarning (Tandem has no C-level warnings yet,
         * so the warning is not written). */
        p->bytes = tn_bytes_snapshot_ref(o);
        if (p->bytes != NULL)
            p->object = tn_newref(o);
    }
    if (p->object == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "%s: %s should be %s, not %s", p->fname, p->argname,
                          path_kinds(p), tn_type(o)->name);
        return -1;
    }
    p->is_bytes = !tn_str_check(p->object);
    if (p->bytes == NULL)
        p->bytes = p->is_bytes ? tn_newref(p->object) : tn_codec_encode(p->object, "utf-8", "surrogateescape");
    if (p->bytes == NULL)
        return -1;
    const char *s = tn_bytes_data(p->bytes);
    if ((tn_ssize_t)strlen(s) != tn_bytes_size(p->bytes)) {
        if (p->is_bytes)
            tn_err_format(&tn_exc_ValueError, "%s: embedded null character in %s", p->fname, p->argname);
        else
            tn_err_format(&tn_exc_ValueError, "embedded null byte");
        return -1;
    }
    p->narrow = s;
    return 0;
}

void tn_posix_path_clear(TnPosixPath *p)
{
    TN_CLEAR(p->object);
    TN_CLEAR(p->bytes);
    p->narrow = NULL;
}

TnObject *tn_posix_fsencode(TnObject *o, const char *fname)
{
    TnObject *s = fspath_or_null(o);
    if (s == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                          tn_type(o)->name);
        return NULL;
    }
    TnObject *b = tn_bytes_check(s) ? tn_newref(s) : tn_codec_encode(s, "utf-8", "surrogateescape");
    tn_decref(s);
    if (b != NULL && (tn_ssize_t)strlen(tn_bytes_data(b)) != tn_bytes_size(b)) {
        TN_CLEAR(b);
        tn_err_format(&tn_exc_ValueError, "embedded null byte");
    }
    return b;
}

/* ======================================================================
 * errors and argument helpers
 * ====================================================================== */

TnObject *tn_posix_error(const TnPosixPath *p)
{
    return tn_err_set_from_errno_filename(errno, p != NULL ? p->object : NULL);
}

TnObject *tn_posix_none_or_error(int rc, const TnPosixPath *p)
{
    return rc != 0 ? tn_posix_error(p) : tn_none_ref();
}

TnObject *tn_posix_error2(const TnPosixPath *a, const TnPosixPath *b)
{
    int err = errno;
    if (a->object == NULL || b->object == NULL)
        return tn_err_set_from_errno_filename(err, a->object);
    TnObject *code = tn_int_from_i64(err);
    TnObject *msg = tn_str_from_cstr(strerror(err));
    TnObject *targs = code != NULL && msg != NULL ? tn_tuple_pack(5, code, msg, a->object, TN_NONE, b->object)
                                                  : NULL;
    tn_xdecref(code);
    tn_xdecref(msg);
    if (targs == NULL)
        return NULL;
    /* OSError(errno, ...) picks the subclass for errno, as CPython's. */
    TnObject *exc = tn_call_tuple_dict(TN_OBJ(&tn_exc_OSError), targs, NULL);
    tn_decref(targs);
    if (exc != NULL) {
        tn_err_set_object(tn_type(exc), exc);
        tn_decref(exc);
    }
    return NULL;
}

int tn_posix_dir_fd(TnObject *o, int *fd)
{
    *fd = AT_FDCWD;
    if (o == NULL || o == TN_NONE)
        return 0;
    if (!tn_slice_index_check(o)) {
        tn_err_format(&tn_exc_TypeError, "argument should be integer or None, not %s", tn_type(o)->name);
        return -1;
    }
    return tn_builtins_as_int(o, fd);
}

int tn_posix_fd(TnObject *o, int *fd)
{
    return tn_builtins_as_int(o, fd);
}

int tn_posix_flag(TnObject *o, bool dflt, bool *out)
{
    *out = dflt;
    if (o == NULL)
        return 0;
    int t = tn_object_is_true(o);
    if (t < 0)
        return -1;
    *out = t != 0;
    return 0;
}

int tn_posix_parse(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                   const char *const *names, int npos, int required, TnObject **out)
{
    if (nargs > npos) {
        tn_err_format(&tn_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", fname,
                      required == npos ? "exactly" : "at most", npos, npos == 1 ? "" : "s", nargs);
        return -1;
    }
    return tn_args_parse(fname, args, nargs, kwnames, names, 0, required, out);
}

int tn_posix_check(const char *fname, tn_ssize_t nargs, TnObject *kwnames, tn_ssize_t min, tn_ssize_t max)
{
    /* CPython's METH_NOARGS and METH_O functions say "posix.getpid() takes
     * no arguments", its clinic ones "read expected 2 arguments, got 1". */
    char qualified[64];
    if (min == max && max <= 1) {
        snprintf(qualified, sizeof qualified, "posix.%s", fname);
        fname = qualified;
    }
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, min, max);
}

int tn_posix_check_fd_combo(const TnPosixPath *p, int dir_fd, bool follow)
{
    if (p->fd >= 0 && dir_fd != AT_FDCWD) {
        tn_err_format(&tn_exc_ValueError, "%s: can't specify dir_fd without matching path", p->fname);
        return -1;
    }
    /* fd > 0, as CPython's fd_and_follow_symlinks_invalid. */
    if (p->fd > 0 && !follow) {
        tn_err_format(&tn_exc_ValueError, "%s: cannot use fd and follow_symlinks together", p->fname);
        return -1;
    }
    return 0;
}

int tn_posix_append_steal(TnObject *list, TnObject *item)
{
    return item == NULL ? -1 : tn_list_append_steal(list, item);
}

int tn_posix_add_steal(TnObject *m, const char *name, TnObject *v)
{
    if (v == NULL)
        return -1;
    int r = tn_module_add_object(m, name, v);
    tn_decref(v);
    return r;
}

int tn_posix_add_int(TnObject *m, const char *name, long long v)
{
    return tn_posix_add_steal(m, name, tn_int_from_i64(v));
}

/* ======================================================================
 * environ, putenv, unsetenv, fspath, strerror
 * ====================================================================== */

/* posix.environ: bytes -> bytes, the first definition of a name winning
 * (CPython's convertenviron); os.py wraps it in os.environ. */
static TnObject *make_environ(void)
{
    TnObject *d = tn_dict_new();
    for (char **e = environ; d != NULL && e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL || eq == *e)
            continue;
        TnObject *k = tn_bytes_from_data(*e, eq - *e);
        TnObject *v = k != NULL ? tn_bytes_from_data(eq + 1, (tn_ssize_t)strlen(eq + 1)) : NULL;
        int has = v != NULL ? tn_dict_contains(d, k) : -1;
        if (has < 0 || (has == 0 && tn_dict_set_item(d, k, v) < 0))
            TN_CLEAR(d);
        tn_xdecref(k);
        tn_xdecref(v);
    }
    return d;
}

/* A name putenv/unsetenv accept: not empty, no '='.  0, or -1 with
 * CPython's ValueError. */
static int check_env_name(const char *name)
{
    if (name[0] != '\0' && strchr(name, '=') == NULL)
        return 0;
    tn_err_format(&tn_exc_ValueError, "illegal environment variable name");
    return -1;
}

/* putenv(name, value, /) */
static TnObject *posix_putenv(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("putenv", nargs, kwnames, 2, 2) < 0)
        return NULL;
    TnObject *k = tn_posix_fsencode(args[0], "putenv");
    TnObject *v = k != NULL ? tn_posix_fsencode(args[1], "putenv") : NULL;
    TnObject *r = NULL;
    if (v != NULL && check_env_name(tn_bytes_data(k)) == 0)
        r = tn_posix_none_or_error(setenv(tn_bytes_data(k), tn_bytes_data(v), 1), NULL);
    tn_xdecref(k);
    tn_xdecref(v);
    return r;
}

/* unsetenv(name, /) */
static TnObject *posix_unsetenv(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("unsetenv", nargs, kwnames, 1, 1) < 0)
        return NULL;
    TnObject *k = tn_posix_fsencode(args[0], "unsetenv");
    if (k == NULL)
        return NULL;
    TnObject *r = NULL;
    if (check_env_name(tn_bytes_data(k)) == 0)
        r = tn_posix_none_or_error(unsetenv(tn_bytes_data(k)), NULL);
    tn_decref(k);
    return r;
}

/* fspath(path): str or bytes through __fspath__. */
static TnObject *posix_fspath(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    TnObject *v[1] = {NULL};
    if (tn_args_parse("fspath", args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    TnObject *r = fspath_or_null(v[0]);
    if (r == NULL && !tn_err_occurred())
        tn_err_format(&tn_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                      tn_type(v[0])->name);
    return r;
}

static TnObject *posix_strerror(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int code;
    if (tn_posix_check("strerror", nargs, kwnames, 1, 1) < 0 || tn_builtins_as_int(args[0], &code) < 0)
        return NULL;
    return tn_codec_decode(strerror(code), (tn_ssize_t)strlen(strerror(code)), "utf-8", "surrogateescape");
}

static const TnMethodDef posix_functions[] = {
    {"putenv", posix_putenv, 0, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, 0, "Delete an environment variable."},
    {"fspath", posix_fspath, 0, "Return the file system path representation of the object."},
    {"strerror", posix_strerror, 0, "Translate an error code to a message string."},
    {NULL, NULL, 0, NULL},
};

/* ======================================================================
 * constants
 * ====================================================================== */

#define C(name) {#name, name}
static const struct { const char *name; long long value; } int_constants[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK), C(NGROUPS_MAX), C(TMP_MAX),
    C(WCONTINUED), C(WNOHANG), C(WUNTRACED), C(WEXITED), C(WNOWAIT), C(WSTOPPED),
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_APPEND), C(O_CREAT), C(O_EXCL), C(O_TRUNC),
    C(O_NONBLOCK), C(O_NDELAY), C(O_SYNC), C(O_DSYNC), C(O_RSYNC), C(O_NOCTTY), C(O_CLOEXEC),
    C(O_DIRECTORY), C(O_NOFOLLOW), C(O_ACCMODE), C(O_ASYNC), C(O_DIRECT), C(O_LARGEFILE),
    C(O_NOATIME), C(O_PATH), C(O_TMPFILE), {"O_FSYNC", O_FSYNC},
    C(SEEK_DATA), C(SEEK_HOLE),
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST),
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST),
    C(EX_UNAVAILABLE), C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT), C(EX_IOERR),
    C(EX_TEMPFAIL), C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG),
    C(P_PID), C(P_PGID), C(P_ALL),
    C(CLD_EXITED), C(CLD_KILLED), C(CLD_DUMPED), C(CLD_TRAPPED), C(CLD_STOPPED), C(CLD_CONTINUED),
    C(PRIO_PROCESS), C(PRIO_PGRP), C(PRIO_USER),
    C(SCHED_OTHER), C(SCHED_FIFO), C(SCHED_RR), C(SCHED_BATCH), C(SCHED_IDLE),
    C(SCHED_RESET_ON_FORK),
    C(POSIX_FADV_NORMAL), C(POSIX_FADV_SEQUENTIAL), C(POSIX_FADV_RANDOM), C(POSIX_FADV_NOREUSE),
    C(POSIX_FADV_WILLNEED), C(POSIX_FADV_DONTNEED),
};
#undef C

/* The HAVE_* names os.py reads to fill supports_dir_fd, supports_fd and
 * supports_follow_symlinks: those whose forms posix_*.c implement. */
static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN",
    "HAVE_FCHOWNAT", "HAVE_FEXECVE", "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT",
    "HAVE_FSTATVFS", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT", "HAVE_LCHOWN",
    "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
};

static TnObject *make_have_functions(void)
{
    enum { N = sizeof have_functions / sizeof have_functions[0] };
    TnObject *l = tn_list_new(0);
    for (int i = 0; l != NULL && i < N; i++)
        if (tn_posix_append_steal(l, tn_str_from_cstr(have_functions[i])) < 0)
            TN_CLEAR(l);
    return l;
}

static int add_constants(TnObject *m)
{
    for (size_t i = 0; i < sizeof int_constants / sizeof int_constants[0]; i++)
        if (tn_posix_add_int(m, int_constants[i].name, int_constants[i].value) < 0)
            return -1;
    return 0;
}

TnObject *tn_posix_module_create(void)
{
    TnObject *m = tn_module_new("posix");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, posix_functions) < 0 || add_constants(m) < 0 ||
        tn_posix_add_steal(m, "environ", make_environ()) < 0 ||
        tn_posix_add_steal(m, "_have_functions", make_have_functions()) < 0 ||
        tn_module_add_object(m, "error", TN_OBJ(&tn_exc_OSError)) < 0 || tn_posix_fs_add(m) < 0 ||
        tn_posix_fd_add(m) < 0 || tn_posix_stat_add(m) < 0 || tn_posix_proc_add(m) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
