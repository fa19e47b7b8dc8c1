/* core/modules/posix_stat.c — stat, lstat, fstat and stat_result;
 * statvfs, fstatvfs and statvfs_result; scandir, its iterator and DirEntry
 * (docs/posix.md).
 *
 * stat_result is a struct sequence of CPython's shape: ten items (the
 * times as ints, unnamed) and the float times, the *_ns times, st_blksize,
 * st_blocks and st_rdev as attributes only (core/objects/structseq.h).
 *
 * A DirEntry caches its stat and lstat results.  Two threads may ask for
 * one at once (ft): each computes it, the first to publish (a
 * compare-and-swap on the slot) wins and the other drops its own, so a
 * reader sees one result or none.  A ScandirIterator reads its DIR* in its
 * critical section: a shared iterator gives each name once. */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/objects/float.h"
#include "core/objects/structseq.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/posix.h"
#include "threading/tstate.h"

/* ======================================================================
 * stat_result, stat, lstat, fstat
 * ====================================================================== */

static TnStructSeqType stat_result_type;
static const char *const stat_result_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    TN_STRUCTSEQ_UNNAMED, TN_STRUCTSEQ_UNNAMED, TN_STRUCTSEQ_UNNAMED,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev", NULL,
};
enum { STAT_FIELDS = 19, STAT_VISIBLE = 10 };

/* Nanoseconds fit int64 until 2262, as CPython's _PyTime_t. */
static TnObject *ns_of(const struct timespec *t)
{
    return tn_int_from_i64((int64_t)t->tv_sec * 1000000000 + t->tv_nsec);
}

static TnObject *float_of(const struct timespec *t)
{
    return tn_float_from_double((double)t->tv_sec + t->tv_nsec * 1e-9);
}

TnObject *tn_posix_stat_result(const struct stat *st)
{
    TnObject *v[STAT_FIELDS] = {
        tn_int_from_i64(st->st_mode), tn_int_from_i64((int64_t)st->st_ino),
        tn_int_from_i64((int64_t)st->st_dev), tn_int_from_i64((int64_t)st->st_nlink),
        tn_int_from_i64(st->st_uid), tn_int_from_i64(st->st_gid), tn_int_from_i64(st->st_size),
        tn_int_from_i64(st->st_atim.tv_sec), tn_int_from_i64(st->st_mtim.tv_sec),
        tn_int_from_i64(st->st_ctim.tv_sec),
        float_of(&st->st_atim), float_of(&st->st_mtim), float_of(&st->st_ctim),
        ns_of(&st->st_atim), ns_of(&st->st_mtim), ns_of(&st->st_ctim),
        tn_int_from_i64(st->st_blksize), tn_int_from_i64(st->st_blocks), tn_int_from_i64((int64_t)st->st_rdev),
    };
    return tn_structseq_new_steal(&stat_result_type, v);
}

/* stat_result(sequence, dict=None): as any struct sequence, and the float
 * times left None take the integer ones (CPython's statresult_new). */
static TnObject *(*structseq_new_fn)(TnType *, TnObject *const *, tn_ssize_t, TnObject *);

static TnObject *stat_result_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *r = structseq_new_fn(type, args, nargs, kwnames);
    if (r == NULL)
        return NULL;
    TnObject **hidden = tn_structseq_hidden(r);
    for (int i = 0; i < 3; i++) {
        if (hidden[i] == TN_NONE) {
            tn_decref(hidden[i]);
            hidden[i] = tn_newref(tn_tuple_get(r, 7 + i));
        }
    }
    return r;
}

/* stat/lstat(path, *, dir_fd=None, follow_symlinks=True); stat's path
 * may be an fd. */
static TnObject *do_stat(const char *fname, bool is_lstat, TnObject *const *args, tn_ssize_t nargs,
                         TnObject *kwnames)
{
    static const char *const stat_names[] = {"path", "dir_fd", "follow_symlinks", NULL};
    static const char *const lstat_names[] = {"path", "dir_fd", NULL};
    TnObject *v[3] = {NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH(fname, "path", false, !is_lstat);
    TnObject *r = NULL;
    int dir_fd;
    bool follow = !is_lstat;
    if (tn_posix_parse(fname, args, nargs, kwnames, is_lstat ? lstat_names : stat_names, 1, 1, v) < 0 ||
        tn_posix_path_convert(v[0], &p) < 0 || tn_posix_dir_fd(v[1], &dir_fd) < 0 ||
        (!is_lstat && tn_posix_flag(v[2], true, &follow) < 0) || tn_posix_check_fd_combo(&p, dir_fd, follow) < 0)
        goto done;
    struct stat st;
    int rc;
    TN_BEGIN_ALLOW_THREADS
    rc = p.fd >= 0 ? fstat(p.fd, &st) : fstatat(dir_fd, p.narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    TN_END_ALLOW_THREADS
    if (rc != 0)
        tn_posix_error(&p);
    else
        r = tn_posix_stat_result(&st);
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_stat(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_stat("stat", false, args, nargs, kwnames);
}

static TnObject *posix_lstat(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_stat("lstat", true, args, nargs, kwnames);
}

static TnObject *posix_fstat(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fd", NULL};
    TnObject *v[1] = {NULL};
    int fd;
    if (tn_args_parse("fstat", args, nargs, kwnames, names, 0, 1, v) < 0 || tn_posix_fd(v[0], &fd) < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0)
        return tn_posix_error(NULL);
    return tn_posix_stat_result(&st);
}

/* ======================================================================
 * statvfs
 * ====================================================================== */

static TnStructSeqType statvfs_result_type;
static const char *const statvfs_fields[] = {
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
    "f_flag", "f_namemax", "f_fsid", NULL,
};

/* statvfs(path): path may be an fd (fstatvfs). */
static TnObject *posix_statvfs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    TnObject *v[1] = {NULL};
    TnPosixPath p = TN_POSIX_PATH("statvfs", "path", false, true);
    TnObject *r = NULL;
    if (tn_args_parse("statvfs", args, nargs, kwnames, names, 0, 1, v) < 0 || tn_posix_path_convert(v[0], &p) < 0)
        goto done;
    struct statvfs s;
    if ((p.fd >= 0 ? fstatvfs(p.fd, &s) : statvfs(p.narrow, &s)) != 0) {
        tn_posix_error(&p);
        goto done;
    }
    TnObject *vals[11] = {
        tn_int_from_i64((int64_t)s.f_bsize), tn_int_from_i64((int64_t)s.f_frsize),
        tn_int_from_i64((int64_t)s.f_blocks), tn_int_from_i64((int64_t)s.f_bfree),
        tn_int_from_i64((int64_t)s.f_bavail), tn_int_from_i64((int64_t)s.f_files),
        tn_int_from_i64((int64_t)s.f_ffree), tn_int_from_i64((int64_t)s.f_favail),
        tn_int_from_i64((int64_t)s.f_flag), tn_int_from_i64((int64_t)s.f_namemax),
        tn_int_from_i64((int64_t)s.f_fsid),
    };
    r = tn_structseq_new_steal(&statvfs_result_type, vals);
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_fstatvfs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd;
    if (tn_posix_check("fstatvfs", nargs, kwnames, 1, 1) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    return posix_statvfs(self, args, 1, NULL);
}

/* ======================================================================
 * DirEntry
 * ====================================================================== */

typedef struct DirEntry {
    TnObject ob;
    TnObject *name;      /* str or bytes */
    TnObject *path;      /* str or bytes: the directory joined with name (name for an fd) */
    TnObject *cpath;     /* bytes: what stat gets (relative to dir_fd when >= 0) */
    TnObject *stat;      /* cached results, published once (file comment) */
    TnObject *lstat;
    int dir_fd;          /* the directory's fd for scandir(fd), else -1 */
    unsigned char d_type;
    ino_t ino;
} DirEntry;

static TnType direntry_type;

static void direntry_dealloc(TnObject *self)
{
    DirEntry *e = (DirEntry *)self;
    tn_xdecref(e->name);
    tn_xdecref(e->path);
    tn_xdecref(e->cpath);
    tn_xdecref(e->stat);
    tn_xdecref(e->lstat);
    tn_object_free(self);
}

static TnObject *direntry_repr(TnObject *self)
{
    return tn_str_from_format("<DirEntry %R>", ((DirEntry *)self)->name);
}

/* The cached stat (follow) or lstat result, computing it on first use.
 * New ref or NULL. */
static TnObject *direntry_fetch(DirEntry *e, bool follow)
{
    TnObject **slot = follow ? &e->stat : &e->lstat;
    TnObject *cached = tn_atomic_load_ptr_acquire((void *const *)slot);
    if (cached != NULL)
        return tn_newref(cached);
    struct stat st;
    const char *c = tn_bytes_data(e->cpath);
    int dir_fd = e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD;
    if (fstatat(dir_fd, c, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) != 0)
        return tn_err_set_from_errno_filename(errno, e->path);
    TnObject *fresh = tn_posix_stat_result(&st);
    if (fresh == NULL)
        return NULL;
    if (tn_atomic_cas_ptr((void **)slot, NULL, fresh))
        return tn_newref(fresh);
    tn_decref(fresh);
    return tn_newref(tn_atomic_load_ptr_acquire((void *const *)slot));
}

/* is_symlink() from d_type, or lstat when the file system gave none.
 * 1 / 0 / -1. */
static int direntry_is_symlink(DirEntry *e)
{
    if (e->d_type != DT_UNKNOWN)
        return e->d_type == DT_LNK;
    TnObject *st = direntry_fetch(e, false);
    if (st == NULL)
        return -1;
    long mode = tn_int_as_i64(tn_tuple_get(st, 0), &(int){0});
    tn_decref(st);
    return S_ISLNK(mode);
}

/* stat(*, follow_symlinks=True) */
static TnObject *direntry_stat_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"follow_symlinks", NULL};
    TnObject *v[1] = {NULL};
    bool follow;
    if (tn_posix_parse("stat", args, nargs, kwnames, names, 0, 0, v) < 0 || tn_posix_flag(v[0], true, &follow) < 0)
        return NULL;
    DirEntry *e = (DirEntry *)self;
    if (!follow)
        return direntry_fetch(e, false);
    int link = direntry_is_symlink(e);
    if (link < 0)
        return NULL;
    /* Not a link: stat and lstat agree, one call serves both (CPython). */
    return direntry_fetch(e, link != 0);
}

/* is_dir/is_file: d_type when it answers, else stat; a file that
 * vanished is neither (FileNotFoundError gives False). */
static TnObject *direntry_test(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                               const char *fname, unsigned char type, mode_t fmt)
{
    static const char *const names[] = {"follow_symlinks", NULL};
    TnObject *v[1] = {NULL};
    bool follow;
    if (tn_posix_parse(fname, args, nargs, kwnames, names, 0, 0, v) < 0 || tn_posix_flag(v[0], true, &follow) < 0)
        return NULL;
    DirEntry *e = (DirEntry *)self;
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK))
        return tn_bool_from(e->d_type == type);
    TnObject *st = direntry_fetch(e, follow);
    if (st == NULL) {
        if (!tn_err_matches(&tn_exc_FileNotFoundError))
            return NULL;
        tn_err_clear();
        return tn_bool_from(false);
    }
    long mode = tn_int_as_i64(tn_tuple_get(st, 0), &(int){0});
    tn_decref(st);
    return tn_bool_from((mode & S_IFMT) == fmt);
}

static TnObject *direntry_is_dir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return direntry_test(self, args, nargs, kwnames, "is_dir", DT_DIR, S_IFDIR);
}

static TnObject *direntry_is_file(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return direntry_test(self, args, nargs, kwnames, "is_file", DT_REG, S_IFREG);
}

static TnObject *direntry_is_symlink_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                          TnObject *kwnames)
{
    if (tn_posix_check("is_symlink", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int r = direntry_is_symlink((DirEntry *)self);
    return r < 0 ? NULL : tn_bool_from(r);
}

static TnObject *direntry_inode(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("inode", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)((DirEntry *)self)->ino);
}

static TnObject *direntry_fspath(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("__fspath__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return tn_newref(((DirEntry *)self)->path);
}

static TnObject *direntry_get_name(TnObject *self, void *closure) { return tn_newref(((DirEntry *)self)->name); }
static TnObject *direntry_get_path(TnObject *self, void *closure) { return tn_newref(((DirEntry *)self)->path); }

static const TnMethodDef direntry_methods[] = {
    {"stat", direntry_stat_meth, 0, "Return stat_result object for the entry; cached per entry."},
    {"is_dir", direntry_is_dir, 0, "Return True if the entry is a directory; cached per entry."},
    {"is_file", direntry_is_file, 0, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", direntry_is_symlink_meth, 0, "Return True if the entry is a symbolic link; cached per entry."},
    {"inode", direntry_inode, 0, "Return inode of the entry; cached per entry."},
    {"__fspath__", direntry_fspath, 0, "Returns the path for the entry."},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef direntry_getsets[] = {
    {"name", direntry_get_name, NULL, "the entry's base filename, relative to scandir() \"path\" argument", NULL},
    {"path", direntry_get_path, NULL, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnType direntry_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "posix.DirEntry",
    .basicsize = sizeof(DirEntry),
    .dealloc = direntry_dealloc,
    .repr = direntry_repr,
    .getattro = tn_object_generic_getattr,
    .new_ = tn_type_new_not_allowed,
    .methods = direntry_methods,
    .getsets = direntry_getsets,
};

/* ======================================================================
 * scandir
 * ====================================================================== */

typedef struct ScandirIter {
    TnObject ob;
    DIR *dir;            /* NULL once closed or exhausted */
    TnObject *prefix;    /* bytes: the directory path with a trailing '/', or NULL for an fd */
    TnObject *filename;  /* the path argument for errors (or NULL) */
    bool is_bytes;
    int fd;              /* scandir(fd): entries stat relative to it; -1 otherwise */
} ScandirIter;

static TnType scandir_iter_type;

/* Close the DIR (the caller holds it, or is the only user). */
static void scandir_close_lock_held(ScandirIter *it)
{
    DIR *d = it->dir;
    it->dir = NULL;
    if (d != NULL) {
        /* scandir(fd) read a duplicate: rewinding leaves the caller's fd
         * where it was, closedir closes only the duplicate. */
        if (it->fd >= 0)
            rewinddir(d);
        closedir(d);
    }
}

static void scandir_iter_dealloc(TnObject *self)
{
    ScandirIter *it = (ScandirIter *)self;
    scandir_close_lock_held(it);
    tn_xdecref(it->prefix);
    tn_xdecref(it->filename);
    tn_object_free(self);
}

/* A DirEntry for ent.  New ref or NULL. */
static TnObject *direntry_new(ScandirIter *it, const char *name, unsigned char d_type, ino_t ino)
{
    tn_ssize_t n = (tn_ssize_t)strlen(name);
    TnObject *cpath;
    if (it->prefix != NULL) {
        tn_ssize_t pn = tn_bytes_size(it->prefix);
        char *buf = tn_mem_alloc((size_t)(pn + n) + 1);
        if (buf == NULL)
            return tn_err_no_memory();
        memcpy(buf, tn_bytes_data(it->prefix), (size_t)pn);
        memcpy(buf + pn, name, (size_t)n + 1);
        cpath = tn_bytes_from_data(buf, pn + n);
        tn_mem_free(buf);
    } else {
        cpath = tn_bytes_from_data(name, n);
    }
    DirEntry *e = cpath != NULL ? (DirEntry *)tn_object_new(&direntry_type, sizeof(DirEntry)) : NULL;
    if (e == NULL) {
        tn_xdecref(cpath);
        return NULL;
    }
    e->cpath = cpath;
    e->dir_fd = it->fd;
    e->d_type = d_type;
    e->ino = ino;
    e->name = tn_posix_name(name, n, it->is_bytes);
    e->path = e->name != NULL ? tn_posix_name(tn_bytes_data(cpath), tn_bytes_size(cpath), it->is_bytes) : NULL;
    if (e->path == NULL) {
        tn_decref(TN_OBJ(e));
        return NULL;
    }
    return TN_OBJ(e);
}

/* The next entry's fields, read in the iterator's critical section.
 * 1 (copied to name), 0 at the end, -1 with errno. */
static int scandir_read_lock_held(ScandirIter *it, char *name, size_t size, unsigned char *type, ino_t *ino)
{
    for (;;) {
        if (it->dir == NULL)
            return 0;
        errno = 0;
        struct dirent *ent = readdir(it->dir);
        if (ent == NULL) {
            int err = errno;
            scandir_close_lock_held(it);
            errno = err;
            return err != 0 ? -1 : 0;
        }
        const char *n = ent->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0')))
            continue;
        snprintf(name, size, "%s", n);
        *type = ent->d_type;
        *ino = ent->d_ino;
        return 1;
    }
}

static TnObject *scandir_iter_next(TnObject *self)
{
    ScandirIter *it = (ScandirIter *)self;
    char name[sizeof(((struct dirent *)0)->d_name) + 1];
    unsigned char type = DT_UNKNOWN;
    ino_t ino = 0;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = scandir_read_lock_held(it, name, sizeof name, &type, &ino);
    TN_END_CRITICAL_SECTION();
    if (r < 0)
        return tn_err_set_from_errno_filename(errno, it->filename);
    if (r == 0)
        return NULL;   /* StopIteration */
    return direntry_new(it, name, type, ino);
}

static TnObject *scandir_iter_self(TnObject *self) { return tn_newref(self); }

static TnObject *scandir_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    scandir_close_lock_held((ScandirIter *)self);
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

static TnObject *scandir_enter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("__enter__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *scandir_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TN_BEGIN_CRITICAL_SECTION(self);
    scandir_close_lock_held((ScandirIter *)self);
    TN_END_CRITICAL_SECTION();
    return tn_bool_from(false);
}

static const TnMethodDef scandir_methods[] = {
    {"close", scandir_close, 0, NULL},
    {"__enter__", scandir_enter, 0, NULL},
    {"__exit__", scandir_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static TnType scandir_iter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "posix.ScandirIterator",
    .basicsize = sizeof(ScandirIter),
    .dealloc = scandir_iter_dealloc,
    .getattro = tn_object_generic_getattr,
    .new_ = tn_type_new_not_allowed,
    .iter = scandir_iter_self,
    .iternext = scandir_iter_next,
    .methods = scandir_methods,
};

/* The directory prefix entries' paths start with: path + '/' unless it
 * ends with one (CPython's join_path_filename). */
static TnObject *dir_prefix(const char *path)
{
    size_t n = strlen(path);
    if (n > 0 && path[n - 1] == '/')
        return tn_bytes_from_data(path, (tn_ssize_t)n);
    char *buf = tn_mem_alloc(n + 2);
    if (buf == NULL)
        return tn_err_no_memory();
    memcpy(buf, path, n);
    buf[n] = '/';
    TnObject *r = tn_bytes_from_data(buf, (tn_ssize_t)n + 1);
    tn_mem_free(buf);
    return r;
}

/* scandir(path=None): a path, an fd, or '.' */
static TnObject *posix_scandir(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", NULL};
    TnObject *v[1] = {NULL};
    TnPosixPath p = TN_POSIX_PATH("scandir", "path", true, true);
    ScandirIter *it = NULL;
    if (tn_args_parse("scandir", args, nargs, kwnames, names, 0, 0, v) < 0 ||
        (v[0] != NULL && tn_posix_path_convert(v[0], &p) < 0))
        goto done;
    it = (ScandirIter *)tn_object_new(&scandir_iter_type, sizeof(ScandirIter));
    if (it == NULL)
        goto done;
    it->fd = -1;
    it->is_bytes = p.is_bytes;
    it->filename = p.object != NULL ? tn_newref(p.object) : NULL;
    if (p.fd >= 0) {
        int fd = dup(p.fd);
        it->dir = fd >= 0 ? fdopendir(fd) : NULL;
        if (it->dir == NULL && fd >= 0)
            close(fd);
        if (it->dir != NULL)
            rewinddir(it->dir);
        it->fd = p.fd;
    } else {
        const char *path = p.narrow != NULL ? p.narrow : ".";
        it->prefix = dir_prefix(path);
        if (it->prefix == NULL) {
            TN_CLEAR(it);
            goto done;
        }
        it->dir = opendir(path);
    }
    if (it->dir == NULL) {
        tn_posix_error(&p);
        TN_CLEAR(it);
    }
done:
    tn_posix_path_clear(&p);
    return TN_OBJ(it);
}

static int install_stat_result_new(void)
{
    if (stat_result_type.type.new_ != stat_result_new) {
        structseq_new_fn = stat_result_type.type.new_;
        stat_result_type.type.new_ = stat_result_new;
    }
    return 0;
}

static const TnMethodDef stat_functions[] = {
    {"stat", posix_stat, 0, "Perform a stat system call on the given path."},
    {"lstat", posix_lstat, 0, "Perform a stat system call on the given path, without following symbolic links."},
    {"fstat", posix_fstat, 0, "Perform a stat system call on the given file descriptor."},
    {"statvfs", posix_statvfs, 0, "Perform a statvfs system call on the given path."},
    {"fstatvfs", posix_fstatvfs, 0, "Perform an fstatvfs system call on the given fd."},
    {"scandir", posix_scandir, 0, "Return an iterator of DirEntry objects for given path."},
    {NULL, NULL, 0, NULL},
};

int tn_posix_stat_add(TnObject *m)
{
    if (tn_structseq_init_type_ex(&stat_result_type, "os", "stat_result", "os.stat_result", stat_result_fields,
                                  STAT_VISIBLE) < 0 ||
        install_stat_result_new() < 0 ||
        tn_structseq_init_type_ex(&statvfs_result_type, "os", "statvfs_result", "os.statvfs_result",
                                  statvfs_fields, 10) < 0 ||
        tn_type_ready(&direntry_type) < 0 || tn_type_ready(&scandir_iter_type) < 0)
        return -1;
    return tn_module_add_functions(m, stat_functions) < 0 ||
                   tn_module_add_object(m, "stat_result", TN_OBJ(&stat_result_type)) < 0 ||
                   tn_module_add_object(m, "statvfs_result", TN_OBJ(&statvfs_result_type)) < 0 ||
                   tn_module_add_object(m, "DirEntry", TN_OBJ(&direntry_type)) < 0
               ? -1 : 0;
}
