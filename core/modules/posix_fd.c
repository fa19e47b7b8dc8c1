/* core/modules/posix_fd.c — posix's file descriptor functions: open,
 * close, closerange, read, write, lseek, fsync, fdatasync, ftruncate, dup,
 * dup2, pipe, pipe2, the inheritable and blocking flags, isatty, ttyname,
 * device_encoding, get_terminal_size (terminal_size) and urandom.
 * Calls that can block (open, read, write, fsync) run detached (no GIL)
 * and retry on EINTR after running signal handlers, as CPython's
 * (PEP 475).  Descriptors made here are non-inheritable (PEP 446). */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/objects/range.h"
#include "core/objects/structseq.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/signal.h"
#include "core/modules/posix.h"
#include "threading/tstate.h"

/* After an EINTR: run the signal handlers; true to retry, false (with the
 * handler's exception set) to stop. */
static bool retry_after_eintr(void)
{
    return tn_signal_check() == 0;
}

/* open(path, flags, mode=0o777, *, dir_fd=None) */
static TnObject *posix_open(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"path", "flags", "mode", "dir_fd", NULL};
    TnObject *v[4] = {NULL, NULL, NULL, NULL};
    TnPosixPath p = TN_POSIX_PATH("open", "path", false, false);
    TnObject *r = NULL;
    int flags, mode = 0777, dir_fd;
    if (tn_posix_parse("open", args, nargs, kwnames, names, 3, 2, v) < 0 || tn_posix_path_convert(v[0], &p) < 0 ||
        tn_builtins_as_int(v[1], &flags) < 0 || (v[2] != NULL && tn_builtins_as_int(v[2], &mode) < 0) ||
        tn_posix_dir_fd(v[3], &dir_fd) < 0)
        goto done;
    int fd, err;
    do {
        TN_BEGIN_ALLOW_THREADS
        fd = openat(dir_fd, p.narrow, flags | O_CLOEXEC, mode);
        err = errno;
        TN_END_ALLOW_THREADS
    } while (fd < 0 && err == EINTR && retry_after_eintr());
    if (fd < 0) {
        if (!tn_err_occurred()) {
            errno = err;
            tn_posix_error(&p);
        }
    } else {
        r = tn_int_from_i64(fd);
    }
done:
    tn_posix_path_clear(&p);
    return r;
}

static TnObject *posix_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fd", NULL};
    TnObject *v[1] = {NULL};
    int fd;
    if (tn_args_parse("close", args, nargs, kwnames, names, 0, 1, v) < 0 || tn_posix_fd(v[0], &fd) < 0)
        return NULL;
    /* No retry on EINTR: the descriptor is gone either way (CPython). */
    if (close(fd) != 0 && errno != EINTR)
        return tn_posix_error(NULL);
    return tn_none_ref();
}

static TnObject *posix_closerange(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int lo, hi;
    if (tn_posix_check("closerange", nargs, kwnames, 2, 2) < 0 || tn_builtins_as_int(args[0], &lo) < 0 ||
        tn_builtins_as_int(args[1], &hi) < 0)
        return NULL;
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++)
        close(fd);
    return tn_none_ref();
}

/* read(fd, length, /) */
static TnObject *posix_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd;
    if (tn_posix_check("read", nargs, kwnames, 2, 2) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    tn_ssize_t len = tn_number_as_ssize(args[1], &tn_exc_OverflowError);
    if (len == -1 && tn_err_occurred())
        return NULL;
    if (len < 0) {
        errno = EINVAL;
        return tn_posix_error(NULL);
    }
    char *buf = tn_mem_alloc(len > 0 ? (size_t)len : 1);
    if (buf == NULL)
        return tn_err_no_memory();
    ssize_t n;
    int err;
    do {
        TN_BEGIN_ALLOW_THREADS
        n = read(fd, buf, (size_t)len);
        err = errno;
        TN_END_ALLOW_THREADS
    } while (n < 0 && err == EINTR && retry_after_eintr());
    TnObject *r = NULL;
    if (n >= 0)
        r = tn_bytes_from_data(buf, (tn_ssize_t)n);
    else if (!tn_err_occurred()) {
        errno = err;
        tn_posix_error(NULL);
    }
    tn_mem_free(buf);
    return r;
}

/* write(fd, data, /): a bytes-like object; returns the count written. */
static TnObject *posix_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd;
    if (tn_posix_check("write", nargs, kwnames, 2, 2) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    /* A copy of a bytearray's bytes: the write runs detached. */
    TnBytesView view;
    int got = tn_bytes_view_copy(args[1], &view);
    if (got <= 0)
        return got < 0 ? NULL
                       : tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                                       tn_type(args[1])->name);
    ssize_t n;
    int err;
    do {
        TN_BEGIN_ALLOW_THREADS
        n = write(fd, view.d, (size_t)view.n);
        err = errno;
        TN_END_ALLOW_THREADS
    } while (n < 0 && err == EINTR && retry_after_eintr());
    tn_bytes_view_release(&view);
    if (n >= 0)
        return tn_int_from_i64(n);
    if (!tn_err_occurred()) {
        errno = err;
        tn_posix_error(NULL);
    }
    return NULL;
}

/* lseek(fd, position, whence, /) */
static TnObject *posix_lseek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd, how;
    if (tn_posix_check("lseek", nargs, kwnames, 3, 3) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    tn_ssize_t pos = tn_number_as_ssize(args[1], &tn_exc_OverflowError);
    if ((pos == -1 && tn_err_occurred()) || tn_builtins_as_int(args[2], &how) < 0)
        return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0)
        return tn_posix_error(NULL);
    return tn_int_from_i64((int64_t)r);
}

/* fd of an int or of an object with fileno() (fsync, fdatasync). */
static int fileno_arg(TnObject *o, int *fd)
{
    if (tn_slice_index_check(o))
        return tn_builtins_as_int(o, fd);
    TnObject *f = tn_call_method_cstr(o, "fileno", NULL, 0);
    if (f == NULL)
        return -1;
    int r = tn_builtins_as_int(f, fd);
    tn_decref(f);
    return r;
}

static TnObject *sync_call(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                           int (*call)(int))
{
    static const char *const names[] = {"fd", NULL};
    TnObject *v[1] = {NULL};
    int fd;
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 1, v) < 0 || fileno_arg(v[0], &fd) < 0)
        return NULL;
    int rc, err;
    TN_BEGIN_ALLOW_THREADS
    rc = call(fd);
    err = errno;
    TN_END_ALLOW_THREADS
    if (rc != 0) {
        errno = err;
        return tn_posix_error(NULL);
    }
    return tn_none_ref();
}

static TnObject *posix_fsync(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return sync_call("fsync", args, nargs, kwnames, fsync);
}

static TnObject *posix_fdatasync(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return sync_call("fdatasync", args, nargs, kwnames, fdatasync);
}

static TnObject *posix_ftruncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd;
    if (tn_posix_check("ftruncate", nargs, kwnames, 2, 2) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    tn_ssize_t len = tn_number_as_ssize(args[1], &tn_exc_OverflowError);
    if (len == -1 && tn_err_occurred())
        return NULL;
    if (ftruncate(fd, (off_t)len) != 0)
        return tn_posix_error(NULL);
    return tn_none_ref();
}

static TnObject *posix_dup(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd;
    if (tn_posix_check("dup", nargs, kwnames, 1, 1) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0)
        return tn_posix_error(NULL);
    return tn_int_from_i64(r);
}

/* dup2(fd, fd2, inheritable=True) */
static TnObject *posix_dup2(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    TnObject *v[3] = {NULL, NULL, NULL};
    int fd, fd2;
    bool inheritable;
    if (tn_args_parse("dup2", args, nargs, kwnames, names, 0, 2, v) < 0 || tn_posix_fd(v[0], &fd) < 0 ||
        tn_posix_fd(v[1], &fd2) < 0 || tn_posix_flag(v[2], true, &inheritable) < 0)
        return NULL;
    int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0)
        return tn_posix_error(NULL);
    return tn_int_from_i64(r);
}

static TnObject *pipe_result(int fds[2])
{
    TnObject *a = tn_int_from_i64(fds[0]), *b = tn_int_from_i64(fds[1]);
    TnObject *r = a != NULL && b != NULL ? tn_tuple_pack(2, a, b) : NULL;
    tn_xdecref(a);
    tn_xdecref(b);
    return r;
}

static TnObject *posix_pipe(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("pipe", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return tn_posix_error(NULL);
    return pipe_result(fds);
}

static TnObject *posix_pipe2(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int flags, fds[2];
    if (tn_posix_check("pipe2", nargs, kwnames, 1, 1) < 0 || tn_builtins_as_int(args[0], &flags) < 0)
        return NULL;
    if (pipe2(fds, flags) != 0)
        return tn_posix_error(NULL);
    return pipe_result(fds);
}

/* Read (set < 0) or set one bit of an fd's flags: F_GETFD/FD_CLOEXEC or
 * F_GETFL/O_NONBLOCK.  Returns the bit (0/1), or -1 with OSError. */
static int fd_flag(int fd, int get, int setcmd, int bit, int set)
{
    int flags = fcntl(fd, get);
    if (flags < 0) {
        tn_posix_error(NULL);
        return -1;
    }
    if (set >= 0 && fcntl(fd, setcmd, set ? flags | bit : flags & ~bit) < 0) {
        tn_posix_error(NULL);
        return -1;
    }
    return (flags & bit) != 0;
}

static TnObject *flag_call(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                           bool setting, bool cloexec)
{
    int fd;
    bool on = false;
    if (tn_posix_check(fname, nargs, kwnames, setting ? 2 : 1, setting ? 2 : 1) < 0 ||
        tn_posix_fd(args[0], &fd) < 0 || (setting && tn_posix_flag(args[1], false, &on) < 0))
        return NULL;
    /* inheritable is "not close-on-exec", blocking is "not O_NONBLOCK". */
    int set = setting ? !on : -1;
    int r = cloexec ? fd_flag(fd, F_GETFD, F_SETFD, FD_CLOEXEC, set) : fd_flag(fd, F_GETFL, F_SETFL, O_NONBLOCK, set);
    if (r < 0)
        return NULL;
    return setting ? tn_none_ref() : tn_bool_from(!r);
}

static TnObject *posix_get_inheritable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return flag_call("get_inheritable", args, nargs, kwnames, false, true);
}

static TnObject *posix_set_inheritable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return flag_call("set_inheritable", args, nargs, kwnames, true, true);
}

static TnObject *posix_get_blocking(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return flag_call("get_blocking", args, nargs, kwnames, false, false);
}

static TnObject *posix_set_blocking(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return flag_call("set_blocking", args, nargs, kwnames, true, false);
}

static TnObject *posix_isatty(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd;
    if (tn_posix_check("isatty", nargs, kwnames, 1, 1) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    return tn_bool_from(isatty(fd));
}

static TnObject *posix_ttyname(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd;
    if (tn_posix_check("ttyname", nargs, kwnames, 1, 1) < 0 || tn_posix_fd(args[0], &fd) < 0)
        return NULL;
    char buf[256];
    int err = ttyname_r(fd, buf, sizeof buf);
    if (err != 0) {
        errno = err;
        return tn_posix_error(NULL);
    }
    return tn_posix_name(buf, (tn_ssize_t)strlen(buf), false);
}

/* device_encoding(fd): 'utf-8' for a terminal (Tandem's locale encoding is
 * UTF-8, as CPython's in a UTF-8 locale), else None. */
static TnObject *posix_device_encoding(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fd", NULL};
    TnObject *v[1] = {NULL};
    int fd;
    if (tn_args_parse("device_encoding", args, nargs, kwnames, names, 0, 1, v) < 0 || tn_posix_fd(v[0], &fd) < 0)
        return NULL;
    if (!isatty(fd))
        return tn_none_ref();
    return tn_str_from_cstr("utf-8");
}

static TnStructSeqType terminal_size_type;
static const char *const terminal_size_fields[] = {"columns", "lines", NULL};

/* get_terminal_size(fd=1, /) */
static TnObject *posix_get_terminal_size(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                         TnObject *kwnames)
{
    int fd = 1;
    if (tn_posix_check("get_terminal_size", nargs, kwnames, 0, 1) < 0 ||
        (nargs > 0 && tn_builtins_as_int(args[0], &fd) < 0))
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0)
        return tn_posix_error(NULL);
    TnObject *vals[2] = {tn_int_from_i64(w.ws_col), tn_int_from_i64(w.ws_row)};
    return tn_structseq_new_steal(&terminal_size_type, vals);
}

static TnObject *posix_urandom(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_posix_check("urandom", nargs, kwnames, 1, 1) < 0)
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
            if (errno == EINTR && retry_after_eintr())
                continue;
            if (!tn_err_occurred())
                tn_posix_error(NULL);
            tn_mem_free(buf);
            return NULL;
        }
        got += k;
    }
    TnObject *r = tn_bytes_from_data(buf, n);
    tn_mem_free(buf);
    return r;
}

static const TnMethodDef fd_functions[] = {
    {"open", posix_open, 0, "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", posix_close, 0, "Close a file descriptor."},
    {"closerange", posix_closerange, 0, "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", posix_read, 0, "Read from a file descriptor.  Returns a bytes object."},
    {"write", posix_write, 0, "Write a bytes object to a file descriptor."},
    {"lseek", posix_lseek, 0, "Set the position of a file descriptor.  Return the new position."},
    {"fsync", posix_fsync, 0, "Force write of fd to disk."},
    {"fdatasync", posix_fdatasync, 0, "Force write of fd to disk without forcing update of metadata."},
    {"ftruncate", posix_ftruncate, 0, "Truncate a file, specified by file descriptor, to a specific length."},
    {"dup", posix_dup, 0, "Return a duplicate of a file descriptor."},
    {"dup2", posix_dup2, 0, "Duplicate file descriptor."},
    {"pipe", posix_pipe, 0, "Create a pipe."},
    {"pipe2", posix_pipe2, 0, "Create a pipe with flags set atomically."},
    {"get_inheritable", posix_get_inheritable, 0, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", posix_set_inheritable, 0, "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", posix_get_blocking, 0, "Get the blocking mode of the file descriptor."},
    {"set_blocking", posix_set_blocking, 0, "Set the blocking mode of the specified file descriptor."},
    {"isatty", posix_isatty, 0, "Return True if the fd is connected to a terminal."},
    {"ttyname", posix_ttyname, 0, "Return the name of the terminal device connected to 'fd'."},
    {"device_encoding", posix_device_encoding, 0, "Return a string describing the encoding of a terminal's file descriptor."},
    {"get_terminal_size", posix_get_terminal_size, 0, "Return the size of the terminal window as (columns, lines)."},
    {"urandom", posix_urandom, 0, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {NULL, NULL, 0, NULL},
};

int tn_posix_fd_add(TnObject *m)
{
    if (tn_structseq_init_type_ex(&terminal_size_type, "os", "terminal_size", "os.terminal_size",
                                  terminal_size_fields, 2) < 0)
        return -1;
    if (tn_module_add_functions(m, fd_functions) < 0)
        return -1;
    return tn_module_add_object(m, "terminal_size", TN_OBJ(&terminal_size_type));
}
