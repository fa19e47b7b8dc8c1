/* core/modules/stat.c — the _stat module: the accelerator of stat.py, with
 * the S_IS*() tests, S_IMODE, S_IFMT, filemode and the constants, all as
 * CPython 3.11's Modules/_stat.c on Linux (docs/stdlib.md).  stat.py
 * defines the same names in Python and then imports these over them.
 * No state: every function is pure.
 */
#include <sys/stat.h>
#include "core/tn.h"
#include "core/modules/modules.h"

/* Linux has none of these file types; CPython's _stat defines them as 0. */
#define TN_S_IFDOOR 0
#define TN_S_IFPORT 0
#define TN_S_IFWHT 0

/* CPython's _PyLong_AsMode_t: an int (no __index__) in [0, 2**32).
 * 0 and *mode / -1 with CPython's error. */
static int as_mode(TnObject *op, mode_t *mode)
{
    if (!tn_int_check(op)) {
        tn_err_format(&tn_exc_TypeError, "an integer is required");
        return -1;
    }
    if (tn_int_sign(op) < 0) {
        tn_err_format(&tn_exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    int overflow = 0;
    int64_t v = tn_int_as_i64(op, &overflow);
    if (overflow && tn_int_as_double(op) >= 18446744073709551616.0) {
        tn_err_format(&tn_exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    if (overflow || (uint64_t)v != (uint64_t)(mode_t)v) {
        tn_err_format(&tn_exc_OverflowError, "mode out of range");
        return -1;
    }
    *mode = (mode_t)v;
    return 0;
}

/* The one argument of a function of this module, as a mode.  0 / -1. */
static int mode_arg(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                    mode_t *mode)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 1) < 0)
        return -1;
    return as_mode(args[0], mode);
}

#define STAT_TEST(NAME, EXPR)                                                                   \
    static TnObject *stat_##NAME(TnObject *self, TnObject *const *args, tn_ssize_t nargs,      \
                                 TnObject *kwnames)                                            \
    {                                                                                          \
        mode_t mode;                                                                           \
        if (mode_arg("_stat." #NAME, args, nargs, kwnames, &mode) < 0)                                  \
            return NULL;                                                                       \
        return tn_bool_from((EXPR));                                                       \
    }

STAT_TEST(S_ISDIR, S_ISDIR(mode))
STAT_TEST(S_ISCHR, S_ISCHR(mode))
STAT_TEST(S_ISBLK, S_ISBLK(mode))
STAT_TEST(S_ISREG, S_ISREG(mode))
STAT_TEST(S_ISFIFO, S_ISFIFO(mode))
STAT_TEST(S_ISLNK, S_ISLNK(mode))
STAT_TEST(S_ISSOCK, S_ISSOCK(mode))
STAT_TEST(S_ISDOOR, 0)
STAT_TEST(S_ISPORT, 0)
STAT_TEST(S_ISWHT, 0)

static TnObject *stat_S_IMODE(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    mode_t mode;
    if (mode_arg("_stat.S_IMODE", args, nargs, kwnames, &mode) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)(mode & 07777));
}

static TnObject *stat_S_IFMT(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    mode_t mode;
    if (mode_arg("_stat.S_IFMT", args, nargs, kwnames, &mode) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)(mode & S_IFMT));
}

static char file_type_char(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return '-';
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFBLK: return 'b';
    case S_IFCHR: return 'c';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '?';
    }
}

/* 'rwx' of one class of users; `special` (set-id or sticky) shows as
 * `on_x` over an 'x' and as `on_no_x` over a '-'. */
static void perm_chars(char *p, mode_t mode, mode_t r, mode_t w, mode_t x, mode_t special, char on_x, char on_no_x)
{
    p[0] = (mode & r) ? 'r' : '-';
    p[1] = (mode & w) ? 'w' : '-';
    if (mode & special)
        p[2] = (mode & x) ? on_x : on_no_x;
    else
        p[2] = (mode & x) ? 'x' : '-';
}

static TnObject *stat_filemode(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    mode_t mode;
    if (mode_arg("_stat.filemode", args, nargs, kwnames, &mode) < 0)
        return NULL;
    char buf[10];
    buf[0] = file_type_char(mode);
    perm_chars(buf + 1, mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's', 'S');
    perm_chars(buf + 4, mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's', 'S');
    perm_chars(buf + 7, mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't', 'T');
    return tn_str_from_utf8(buf, 10);
}

static const TnMethodDef stat_functions[] = {
    {"S_ISDIR", stat_S_ISDIR, 0, "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory."},
    {"S_ISCHR", stat_S_ISCHR, 0, "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file."},
    {"S_ISBLK", stat_S_ISBLK, 0, "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file."},
    {"S_ISREG", stat_S_ISREG, 0, "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file."},
    {"S_ISFIFO", stat_S_ISFIFO, 0, "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe)."},
    {"S_ISLNK", stat_S_ISLNK, 0, "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link."},
    {"S_ISSOCK", stat_S_ISSOCK, 0, "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket."},
    {"S_ISDOOR", stat_S_ISDOOR, 0, "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door."},
    {"S_ISPORT", stat_S_ISPORT, 0, "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port."},
    {"S_ISWHT", stat_S_ISWHT, 0, "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout."},
    {"S_IMODE", stat_S_IMODE, 0, "Return the portion of the file's mode that can be set by os.chmod()."},
    {"S_IFMT", stat_S_IFMT, 0, "Return the portion of the file's mode that describes the file type."},
    {"filemode", stat_filemode, 0, "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    long value;
} stat_constants[] = {
    {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFREG", S_IFREG},
    {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", TN_S_IFDOOR},
    {"S_IFPORT", TN_S_IFPORT}, {"S_IFWHT", TN_S_IFWHT},
    {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX}, {"S_ENFMT", S_ISGID},
    {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
    {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR},
    {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
    /* BSD file flags (st_flags), as CPython defines them everywhere. */
    {"UF_NODUMP", 0x00000001}, {"UF_IMMUTABLE", 0x00000002}, {"UF_APPEND", 0x00000004},
    {"UF_OPAQUE", 0x00000008}, {"UF_NOUNLINK", 0x00000010}, {"UF_COMPRESSED", 0x00000020},
    {"UF_HIDDEN", 0x00008000}, {"SF_ARCHIVED", 0x00010000}, {"SF_IMMUTABLE", 0x00020000},
    {"SF_APPEND", 0x00040000}, {"SF_NOUNLINK", 0x00100000}, {"SF_SNAPSHOT", 0x00200000},
    /* Indexes into os.stat()'s tuple. */
    {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4}, {"ST_GID", 5},
    {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
};

TnObject *tn_stat_module_create(void)
{
    TnObject *m = tn_module_new("_stat");
    if (m == NULL || tn_module_add_functions(m, stat_functions) < 0)
        goto error;
    for (size_t i = 0; i < sizeof stat_constants / sizeof stat_constants[0]; i++) {
        TnObject *v = tn_int_from_i64(stat_constants[i].value);
        int r = v != NULL ? tn_module_add_object(m, stat_constants[i].name, v) : -1;
        tn_xdecref(v);
        if (r < 0)
            goto error;
    }
    return m;
error:
    tn_xdecref(m);
    return NULL;
}
