/* core/modules/posix_fs.c — posix's path operations: getcwd, chdir,
 * listdir, mkdir, rmdir, unlink/remove, rename/replace, link, symlink,
 * readlink, chmod, chown, lchown, utime, access, truncate, umask, with
 * CPython's signatures: dir_fd through the *at() calls and
 * follow_symlinks where os.py's supports_* sets say so (docs/posix.md). */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/objects/float.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/posix.h"

static TnObject *cwd(bool as_bytes)
{
    char *buf = getcwd(NULL, 0);
    if (buf == NULL)
        return tn_posix_error(NULL);
    TnObject *r = tn_posix_name(buf, (tn_ssize_t)strlen(buf), as_bytes);
    free(buf);
    return r;
}

static TnObject *posix_getcwd(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getcwd", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return cwd(false);
}

static TnObject *posix_getcwdb(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("getcwdb", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return cwd(true);
}

/* chdir(path): a path or an fd (fchdir). */
static TnObject *posix_chdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    TnObject *v[1] = {NULL};
    TnPosixPath p = TN_POSIX_PATH("chdir", "path", false, true);
    TnObject *r = NULL;
    if (tn_args_parse("chdir", args, nargs, kwnames, names, 0, 1, v) == 0 && tn_posix_path_convert(v[0], &p) == 0)
        r = tn_posix_none_or_error(p.narrow != NULL ? chdir(p.narrow) : fchdir(p.fd), &p);
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_fchdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fd", NULL};
    TnObject *v[1] = {NULL};
    int fd;
    if (tn_args_parse("fchdir", args, nargs, kwnames, names, 0, 1, v) < 0 || tn_posix_fd(v[0], &fd) < 0)
        return NULL;
    if (fchdir(fd) != 0)
        return tn_posix_error(NULL);
    return tn_none_ref();
}

/* The names in d (without . and ..), str or bytes; closes d. */
static TnObject *read_names(DIR *d, const TnPosixPath *p)
{
    TnObject *list = tn_list_new(0);
    while (list != NULL) {
        errno = 0;
        struct dirent *ent = readdir(d);
        if (ent == NULL) {
            if (errno != 0) {
                tn_posix_error(p);
                TN_CLEAR(list);
            }
            break;
        }
        const char *n = ent->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0')))
            continue;
        if (tn_posix_append_steal(list, tn_posix_name(n, (tn_ssize_t)strlen(n), p->is_bytes)) < 0)
            TN_CLEAR(list);
    }
    if (p->fd >= 0)
        rewinddir(d);
    closedir(d);
    return list;
}

/* listdir(path=None): a path (names as its type), an fd, or '.'. */
static TnObject *posix_listdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    TnObject *v[1] = {NULL};
    TnPosixPath p = TN_POSIX_PATH("listdir", "path", true, true);
    TnObject *r = NULL;
    if (tn_args_parse("listdir", args, nargs, kwnames, names, 0, 0, v) < 0 ||
        (v[0] != NULL && tn_posix_path_convert(v[0], &p) < 0))
        goto done;
    DIR *d;
    if (p.fd >= 0) {
        /* As CPython: read a duplicate (which shares the offset) from the
         * start, and rewind it again before closing, leaving fd open. */
        int fd = dup(p.fd);
        d = fd >= 0 ? fdopendir(fd) : NULL;
        if (d == NULL && fd >= 0)
            close(fd);
        if (d != NULL)
            rewinddir(d);
    } else {
        d = opendir(p.narrow != NULL ? p.narrow : ".");
    }
    if (d == NULL)
        tn_posix_error(&p);
    else
        r = read_names(d, &p);
done:
    tn_posix_path_clear(&p);
    return r;
}

static int id_arg(TnObject *o, long long *out);

/* The common shape: f(path, <int arg>?, *, dir_fd=None).  `call` gets the
 * converted path, the dir_fd and the int; it returns the system call's
 * result (-1 and errno on failure). */
typedef int (*path_op)(const char *path, int dir_fd, int arg);

static TnObject *path_dirfd_call(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames, const char *const *names, int npos, int required,
                                 int dflt_arg, path_op call)
{
    TnObject *v[3] = {NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH(fname, "path", false, false);
    TnObject *r = NULL;
    int dir_fd, arg = dflt_arg;
    if (tn_posix_parse(fname, args, nargs, kwnames, names, npos, required, v) < 0 ||
        tn_posix_path_convert(v[0], &p) < 0 || (npos > 1 && v[1] != NULL && tn_builtins_as_int(v[1], &arg) < 0) ||
        tn_posix_dir_fd(v[npos], &dir_fd) < 0)
        goto done;
    r = tn_posix_none_or_error(call(p.narrow, dir_fd, arg), &p);
done:
    tn_posix_path_clear(&p);
    return r;
}

static int do_mkdir(const char *path, int dir_fd, int mode) { return mkdirat(dir_fd, path, (mode_t)mode); }
static int do_rmdir(const char *path, int dir_fd, int unused) { return unlinkat(dir_fd, path, AT_REMOVEDIR); }
static int do_unlink(const char *path, int dir_fd, int unused) { return unlinkat(dir_fd, path, 0); }
static int do_mkfifo(const char *path, int dir_fd, int mode) { return mkfifoat(dir_fd, path, (mode_t)mode); }

static TnObject *posix_mkdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    return path_dirfd_call("mkdir", args, nargs, kwnames, names, 2, 1, 0777, do_mkdir);
}

static TnObject *posix_mkfifo(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    return path_dirfd_call("mkfifo", args, nargs, kwnames, names, 2, 1, 0666, do_mkfifo);
}

/* mknod(path, mode=0o600, device=0, *, dir_fd=None) */
static TnObject *posix_mknod(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "mode", "device", "dir_fd", NULL};
    TnObject *v[4] = {NULL, NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("mknod", "path", false, false);
    TnObject *r = NULL;
    int mode = 0600, dir_fd;
    long long dev = 0;
    if (tn_posix_parse("mknod", args, nargs, kwnames, names, 3, 1, v) < 0 || tn_posix_path_convert(v[0], &p) < 0 ||
        (v[1] != NULL && tn_builtins_as_int(v[1], &mode) < 0) || (v[2] != NULL && id_arg(v[2], &dev) < 0) ||
        tn_posix_dir_fd(v[3], &dir_fd) < 0)
        goto done;
    r = tn_posix_none_or_error(mknodat(dir_fd, p.narrow, (mode_t)mode, (dev_t)dev), &p);
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_rmdir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    return path_dirfd_call("rmdir", args, nargs, kwnames, names, 1, 1, 0, do_rmdir);
}

static TnObject *posix_unlink(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    return path_dirfd_call("unlink", args, nargs, kwnames, names, 1, 1, 0, do_unlink);
}

static TnObject *posix_remove(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    return path_dirfd_call("remove", args, nargs, kwnames, names, 1, 1, 0, do_unlink);
}

/* rename/replace/link(src, dst, *, src_dir_fd=None, dst_dir_fd=None[,
 * follow_symlinks=True]); symlink(src, dst, target_is_directory=False, *,
 * dir_fd=None).  kind: 'r' rename, 'l' link, 's' symlink. */
static TnObject *two_paths(const char *fname, char kind, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    static const char *const rename_names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    static const char *const link_names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks", NULL};
    static const char *const symlink_names[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    const char *const *names = kind == 'r' ? rename_names : kind == 'l' ? link_names : symlink_names;
    TnObject *v[5] = {NULL, NULL, NULL, NULL, NULL};
    TnPosixPath a = TN_POSIX_PATH(fname, "src", false, false), b = TN_POSIX_PATH(fname, "dst", false, false);
    TnObject *r = NULL;
    int fa = AT_FDCWD, fb = AT_FDCWD;
    bool follow = true;
    if (tn_posix_parse(fname, args, nargs, kwnames, names, kind == 's' ? 3 : 2, 2, v) < 0 ||
        tn_posix_path_convert(v[0], &a) < 0 || tn_posix_path_convert(v[1], &b) < 0)
        goto done;
    if (kind == 's' ? tn_posix_dir_fd(v[3], &fb) < 0
                    : tn_posix_dir_fd(v[2], &fa) < 0 || tn_posix_dir_fd(v[3], &fb) < 0 ||
                          tn_posix_flag(v[4], true, &follow) < 0)
        goto done;
    int rc = kind == 'r' ? renameat(fa, a.narrow, fb, b.narrow)
           : kind == 'l' ? linkat(fa, a.narrow, fb, b.narrow, follow ? AT_SYMLINK_FOLLOW : 0)
                         : symlinkat(a.narrow, fb, b.narrow);
    if (rc != 0)
        tn_posix_error2(&a, &b);
    else
        r = tn_none_ref();
done:
    tn_posix_path_clear(&a);
    tn_posix_path_clear(&b);
    return r;
}

static TnObject *posix_rename(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return two_paths("rename", 'r', args, nargs, kwnames);
}

static TnObject *posix_replace(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return two_paths("replace", 'r', args, nargs, kwnames);
}

static TnObject *posix_link(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return two_paths("link", 'l', args, nargs, kwnames);
}

static TnObject *posix_symlink(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return two_paths("symlink", 's', args, nargs, kwnames);
}

/* readlink(path, *, dir_fd=None): str or bytes as path. */
static TnObject *posix_readlink(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    TnObject *v[2] = {NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("readlink", "path", false, false);
    TnObject *r = NULL;
    int dir_fd;
    if (tn_posix_parse("readlink", args, nargs, kwnames, names, 1, 1, v) < 0 ||
        tn_posix_path_convert(v[0], &p) < 0 || tn_posix_dir_fd(v[1], &dir_fd) < 0)
        goto done;
    char buf[PATH_MAX + 1];
    ssize_t n = readlinkat(dir_fd, p.narrow, buf, sizeof buf);
    if (n < 0)
        tn_posix_error(&p);
    else
        r = tn_posix_name(buf, (tn_ssize_t)n, p.is_bytes);
done:
    tn_posix_path_clear(&p);
    return r;
}

/* chmod(path, mode, *, dir_fd=None, follow_symlinks=True); path may be an
 * fd.  Linux cannot change a symlink's mode: fchmodat(AT_SYMLINK_NOFOLLOW)
 * on one fails with ENOTSUP, which CPython reports as NotImplementedError. */
static TnObject *posix_chmod(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    TnObject *v[4] = {NULL, NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("chmod", "path", false, true);
    TnObject *r = NULL;
    int dir_fd, mode;
    bool follow;
    if (tn_posix_parse("chmod", args, nargs, kwnames, names, 2, 2, v) < 0 || tn_posix_path_convert(v[0], &p) < 0 ||
        tn_builtins_as_int(v[1], &mode) < 0 || tn_posix_dir_fd(v[2], &dir_fd) < 0 ||
        tn_posix_flag(v[3], true, &follow) < 0 || tn_posix_check_fd_combo(&p, dir_fd, follow) < 0)
        goto done;
    int rc = p.fd >= 0 ? fchmod(p.fd, (mode_t)mode)
                       : fchmodat(dir_fd, p.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (rc != 0 && errno == ENOTSUP && !follow)
        tn_err_format(&tn_exc_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
    else if (rc != 0)
        tn_posix_error(&p);
    else
        r = tn_none_ref();
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_fchmod(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fd", "mode", NULL};
    TnObject *v[2] = {NULL, NULL};
    int fd, mode;
    if (tn_args_parse("fchmod", args, nargs, kwnames, names, 0, 2, v) < 0 || tn_posix_fd(v[0], &fd) < 0 ||
        tn_builtins_as_int(v[1], &mode) < 0)
        return NULL;
    if (fchmod(fd, (mode_t)mode) != 0)
        return tn_posix_error(NULL);
    return tn_none_ref();
}

/* A uid or gid argument: an int, -1 meaning "unchanged". */
static int id_arg(TnObject *o, long long *out)
{
    TnObject *i = tn_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    *out = tn_int_as_i64(i, &overflow);
    tn_decref(i);
    if (overflow || *out < -1 || *out > (long long)UINT32_MAX - 1) {
        tn_err_format(&tn_exc_OverflowError, "uid or gid out of range");
        return -1;
    }
    return 0;
}

/* chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True) and
 * lchown(path, uid, gid). */
static TnObject *do_chown(const char *fname, bool lchown_, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames)
{
    static const char *const chown_names[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    static const char *const lchown_names[] = {"path", "uid", "gid", NULL};
    const char *const *names = lchown_ ? lchown_names : chown_names;
    TnObject *v[5] = {NULL, NULL, NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH(fname, "path", false, !lchown_);
    TnObject *r = NULL;
    int dir_fd;
    long long uid, gid;
    bool follow;
    if (tn_posix_parse(fname, args, nargs, kwnames, names, 3, 3, v) < 0 ||
        tn_posix_path_convert(v[0], &p) < 0 || id_arg(v[1], &uid) < 0 || id_arg(v[2], &gid) < 0 ||
        tn_posix_dir_fd(v[3], &dir_fd) < 0 || tn_posix_flag(v[4], !lchown_, &follow) < 0 ||
        tn_posix_check_fd_combo(&p, dir_fd, follow) < 0)
        goto done;
    int rc = p.fd >= 0 ? fchown(p.fd, (uid_t)uid, (gid_t)gid)
                       : fchownat(dir_fd, p.narrow, (uid_t)uid, (gid_t)gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    r = tn_posix_none_or_error(rc, &p);
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_chown(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_chown("chown", false, args, nargs, kwnames);
}

static TnObject *posix_lchown(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_chown("lchown", true, args, nargs, kwnames);
}

static TnObject *posix_fchown(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fd", "uid", "gid", NULL};
    TnObject *v[3] = {NULL, NULL, NULL};
    int fd;
    long long uid, gid;
    if (tn_args_parse("fchown", args, nargs, kwnames, names, 0, 3, v) < 0 || tn_posix_fd(v[0], &fd) < 0 ||
        id_arg(v[1], &uid) < 0 || id_arg(v[2], &gid) < 0)
        return NULL;
    if (fchown(fd, (uid_t)uid, (gid_t)gid) != 0)
        return tn_posix_error(NULL);
    return tn_none_ref();
}

/* One time of utime's times=(atime, mtime): an int or a float (seconds). */
static int time_from_seconds(TnObject *o, struct timespec *ts)
{
    if (tn_float_check(o)) {
        double d = tn_float_as_double(o), s = (double)(long long)d;
        if (s > d)
            s -= 1;
        ts->tv_sec = (time_t)s;
        ts->tv_nsec = (long)((d - s) * 1e9);
        return 0;
    }
    TnObject *i = tn_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    ts->tv_sec = (time_t)tn_int_as_i64(i, &overflow);
    ts->tv_nsec = 0;
    tn_decref(i);
    if (overflow) {
        tn_err_format(&tn_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    return 0;
}

static int time_from_ns(TnObject *o, struct timespec *ts)
{
    TnObject *i = tn_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t ns = tn_int_as_i64(i, &overflow);
    tn_decref(i);
    if (overflow) {
        tn_err_format(&tn_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    ts->tv_sec = (time_t)(ns / 1000000000);
    ts->tv_nsec = (long)(ns % 1000000000);
    if (ts->tv_nsec < 0) {
        ts->tv_nsec += 1000000000;
        ts->tv_sec--;
    }
    return 0;
}

/* utime's times/ns into ts (NULL *use: now).  0 / -1. */
static int utime_times(TnObject *times, TnObject *ns, struct timespec ts[2], bool *now)
{
    *now = false;
    if (times != NULL && times != TN_NONE && ns != NULL) {
        tn_err_format(&tn_exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        return -1;
    }
    if (times != NULL && times != TN_NONE) {
        if (!tn_tuple_check(times) || tn_tuple_size(times) != 2) {
            tn_err_format(&tn_exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
            return -1;
        }
        return time_from_seconds(tn_tuple_get(times, 0), &ts[0]) < 0 ||
               time_from_seconds(tn_tuple_get(times, 1), &ts[1]) < 0 ? -1 : 0;
    }
    if (ns != NULL) {
        if (!tn_tuple_check(ns) || tn_tuple_size(ns) != 2) {
            tn_err_format(&tn_exc_TypeError, "utime: 'ns' must be a tuple of two ints");
            return -1;
        }
        return time_from_ns(tn_tuple_get(ns, 0), &ts[0]) < 0 || time_from_ns(tn_tuple_get(ns, 1), &ts[1]) < 0
                   ? -1 : 0;
    }
    *now = true;
    return 0;
}

/* utime(path, times=None, *, ns=<unset>, dir_fd=None, follow_symlinks=True) */
static TnObject *posix_utime(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    TnObject *v[5] = {NULL, NULL, NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("utime", "path", false, true);
    TnObject *r = NULL;
    int dir_fd;
    bool follow, now;
    struct timespec ts[2];
    if (tn_posix_parse("utime", args, nargs, kwnames, names, 2, 1, v) < 0 || tn_posix_path_convert(v[0], &p) < 0 ||
        utime_times(v[1], v[2], ts, &now) < 0 || tn_posix_dir_fd(v[3], &dir_fd) < 0 ||
        tn_posix_flag(v[4], true, &follow) < 0 || tn_posix_check_fd_combo(&p, dir_fd, follow) < 0)
        goto done;
    int rc = p.fd >= 0 ? futimens(p.fd, now ? NULL : ts)
                       : utimensat(dir_fd, p.narrow, now ? NULL : ts, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    r = tn_posix_none_or_error(rc, &p);
done:
    tn_posix_path_clear(&p);
    return r;
}

/* access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True) */
static TnObject *posix_access(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    TnObject *v[5] = {NULL, NULL, NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("access", "path", false, false);
    TnObject *r = NULL;
    int dir_fd, mode;
    bool eff, follow;
    if (tn_posix_parse("access", args, nargs, kwnames, names, 2, 2, v) < 0 || tn_posix_path_convert(v[0], &p) < 0 ||
        tn_builtins_as_int(v[1], &mode) < 0 || tn_posix_dir_fd(v[2], &dir_fd) < 0 ||
        tn_posix_flag(v[3], false, &eff) < 0 || tn_posix_flag(v[4], true, &follow) < 0)
        goto done;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    r = tn_bool_from(faccessat(dir_fd, p.narrow, mode, flags) == 0);
done:
    tn_posix_path_clear(&p);
    return r;
}

/* truncate(path, length): path may be an fd. */
static TnObject *posix_truncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "length", NULL};
    TnObject *v[2] = {NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("truncate", "path", false, true);
    TnObject *r = NULL;
    if (tn_args_parse("truncate", args, nargs, kwnames, names, 0, 2, v) < 0 || tn_posix_path_convert(v[0], &p) < 0)
        goto done;
    tn_ssize_t len = tn_number_as_ssize(v[1], &tn_exc_OverflowError);
    if (len == -1 && tn_err_occurred())
        goto done;
    r = tn_posix_none_or_error((p.fd >= 0 ? ftruncate(p.fd, (off_t)len) : truncate(p.narrow, (off_t)len)), &p);
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_umask(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int mask;
    if (tn_posix_check("umask", nargs, kwnames, 1, 1) < 0 || tn_builtins_as_int(args[0], &mask) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)umask((mode_t)mask));
}

static const TnMethodDef fs_functions[] = {
    {"getcwd", posix_getcwd, 0, "Return a unicode string representing the current working directory."},
    {"getcwdb", posix_getcwdb, 0, "Return a bytes string representing the current working directory."},
    {"chdir", posix_chdir, 0, "Change the current working directory to the specified path."},
    {"fchdir", posix_fchdir, 0, "Change to the directory of the given file descriptor."},
    {"listdir", posix_listdir, 0, "Return a list containing the names of the files in the directory."},
    {"mkdir", posix_mkdir, 0, "Create a directory."},
    {"mkfifo", posix_mkfifo, 0, "Create a \"fifo\" (a POSIX named pipe)."},
    {"mknod", posix_mknod, 0, "Create a node in the file system."},
    {"rmdir", posix_rmdir, 0, "Remove a directory."},
    {"unlink", posix_unlink, 0, "Remove a file (same as remove())."},
    {"remove", posix_remove, 0, "Remove a file (same as unlink())."},
    {"rename", posix_rename, 0, "Rename a file or directory."},
    {"replace", posix_replace, 0, "Rename a file or directory, overwriting the destination."},
    {"link", posix_link, 0, "Create a hard link to a file."},
    {"symlink", posix_symlink, 0, "Create a symbolic link pointing to src named dst."},
    {"readlink", posix_readlink, 0, "Return a string representing the path to which the symbolic link points."},
    {"chmod", posix_chmod, 0, "Change the access permissions of a file."},
    {"fchmod", posix_fchmod, 0, "Change the access permissions of the file given by file descriptor fd."},
    {"chown", posix_chown, 0, "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown", posix_lchown, 0, "Change the owner and group id of path to the numeric uid and gid."},
    {"fchown", posix_fchown, 0, "Change the owner and group id of the file specified by file descriptor."},
    {"utime", posix_utime, 0, "Set the access and modified time of path."},
    {"access", posix_access, 0, "Use the real uid/gid to test for access to a path."},
    {"truncate", posix_truncate, 0, "Truncate a file, specified by path, to a specific length."},
    {"umask", posix_umask, 0, "Set the current numeric umask and return the previous umask."},
    {NULL, NULL, 0, NULL},
};

int tn_posix_fs_add(TnObject *m)
{
    return tn_module_add_functions(m, fs_functions);
}
