/* core/modules/io_fileio.c — _io.FileIO: raw binary I/O over a file
 * descriptor.  Design: docs/io.md.
 *
 * Threads.  The descriptor is read and written with plain system calls,
 * detached (TN_BEGIN_ALLOW_THREADS) and into private buffers, so a
 * blocking read never holds a lock or a critical section, and nothing
 * touched while detached can be freed by another thread.  close() swaps
 * the descriptor for -1 atomically before closing it: a concurrent call
 * then sees a closed file (ValueError), or a system call on the old
 * number fails with EBADF, as in CPython.
 *
 * Signals (PEP 475): a call that fails with EINTR runs the Python signal
 * handlers (tn_signal_check) and is retried unless a handler raised. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/modules/io_internal.h"
#include "core/modules/signal.h"
#include "threading/tstate.h"

typedef struct TnFileIO {
    TnIOObject head;
    intptr_t fd;   /* atomic: -1 once closed */
    uint8_t created, readable, writable, appending, closefd, finalizing;
    int8_t seekable;   /* -1: not known yet */
    long blksize;
} TnFileIO;

#define FIO(o) ((TnFileIO *)(o))

static int fio_fd(TnFileIO *f) { return (int)tn_atomic_load_intptr_relaxed(&f->fd); }

/* Take the descriptor out of f (-1 left behind); the old value. */
static int fio_take_fd(TnFileIO *f)
{
    intptr_t old = tn_atomic_load_intptr_relaxed(&f->fd);
    while (!tn_atomic_cas_intptr(&f->fd, &old, -1)) {
    }
    return (int)old;
}

int tn_io_fileio_fd(TnObject *self) { return fio_fd(FIO(self)); }

static TnObject *err_mode(const char *action)
{
    char msg[64];
    snprintf(msg, sizeof msg, "File not open for %s", action);
    return tn_io_unsupported(msg);
}

static TnObject *fio_closed_error(void)
{
    tn_err_set_str(&tn_exc_ValueError, "I/O operation on closed file");
    return NULL;
}

/* ---- the system calls (PEP 475) -------------------------------------------------- */

/* read(2) into dst, detached, retried on EINTR after the signal handlers.
 * The count, -1 with the exception set, or -2 for EAGAIN (no data on a
 * non-blocking descriptor: the caller returns None). */
tn_ssize_t tn_io_fd_read(int fd, char *dst, tn_ssize_t n)
{
    for (;;) {
        ssize_t r;
        int err;
        TN_BEGIN_ALLOW_THREADS
        r = read(fd, dst, (size_t)n);
        err = errno;
        TN_END_ALLOW_THREADS
        if (r >= 0)
            return r;
        if (err == EINTR) {
            if (tn_signal_check() < 0)
                return -1;
            continue;
        }
        if (err == EAGAIN || err == EWOULDBLOCK)
            return -2;
        tn_err_set_from_errno_filename(err, NULL);
        return -1;
    }
}

/* write(2) as tn_io_fd_read: the count written by one call (short writes
 * are the caller's business), -1 with the exception set, -2 for EAGAIN. */
tn_ssize_t tn_io_fd_write(int fd, const char *src, tn_ssize_t n)
{
    for (;;) {
        ssize_t r;
        int err;
        TN_BEGIN_ALLOW_THREADS
        r = write(fd, src, (size_t)n);
        err = errno;
        TN_END_ALLOW_THREADS
        if (r >= 0)
            return r;
        if (err == EINTR) {
            if (tn_signal_check() < 0)
                return -1;
            continue;
        }
        if (err == EAGAIN || err == EWOULDBLOCK)
            return -2;
        tn_err_set_from_errno_filename(err, NULL);
        return -1;
    }
}

/* ---- __init__ --------------------------------------------------------------------- */

static int parse_fileio_mode(TnFileIO *f, const char *mode, int *flags)
{
    int rwa = 0, plus = 0;
    f->created = f->readable = f->writable = f->appending = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->created = f->writable = 1;
            *flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->readable = 1;
            break;
        case 'w':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->writable = 1;
            *flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            if (rwa)
                goto bad_mode;
            rwa = 1;
            f->writable = f->appending = 1;
            *flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus)
                goto bad_mode;
            f->readable = f->writable = 1;
            plus = 1;
            break;
        default:
            tn_err_format(&tn_exc_ValueError, "invalid mode: %.200s", mode);
            return -1;
        }
    }
    if (!rwa)
        goto bad_mode;
    if (f->readable && f->writable)
        *flags |= O_RDWR;
    else if (f->readable)
        *flags |= O_RDONLY;
    else
        *flags |= O_WRONLY;
    *flags |= O_CLOEXEC;
    return 0;
bad_mode:
    tn_err_set_str(&tn_exc_ValueError,
                   "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

/* The path of a name argument: str (UTF-8) or bytes; os.PathLike through
 * __fspath__.  *path_obj: a new ref holding the bytes. */
static const char *path_of(TnObject *name, TnObject **keep)
{
    TnObject *p = NULL;
    if (tn_str_check(name) || tn_bytes_check(name)) {
        p = tn_newref(name);
    } else {
        int found = tn_builtins_call_special(name, "__fspath__", NULL, 0, &p);
        if (found < 0)
            return NULL;
        if (found == 0) {
            tn_err_format(&tn_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                          tn_type(name)->name);
            return NULL;
        }
        if (!tn_str_check(p) && !tn_bytes_check(p)) {
            tn_err_format(&tn_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                          tn_type(name)->name, tn_type(p)->name);
            tn_decref(p);
            return NULL;
        }
    }
    *keep = p;
    tn_ssize_t n;
    const char *s;
    if (tn_str_check(p)) {
        s = tn_str_utf8(p, &n);
        if (s == NULL)
            return NULL;
    } else {
        s = tn_bytes_data(p);
        n = tn_bytes_size(p);
    }
    if ((tn_ssize_t)strlen(s) != n) {
        tn_err_set_str(&tn_exc_ValueError, "embedded null byte");
        return NULL;
    }
    return s;
}

static int open_path(const char *path, int flags, TnObject *name, int *fd_out)
{
    for (;;) {
        int fd, err;
        TN_BEGIN_ALLOW_THREADS
        fd = open(path, flags, 0666);
        err = errno;
        TN_END_ALLOW_THREADS
        if (fd >= 0) {
            *fd_out = fd;
            return 0;
        }
        if (err == EINTR) {
            if (tn_signal_check() < 0)
                return -1;
            continue;
        }
        tn_err_set_from_errno_filename(err, name);
        return -1;
    }
}

static int call_opener(TnObject *opener, TnObject *name, int flags, int *fd_out)
{
    TnObject *a[2] = {name, tn_int_from_ssize(flags)};
    if (a[1] == NULL)
        return -1;
    TnObject *r = tn_call(opener, a, 2, NULL);
    tn_decref(a[1]);
    if (r == NULL)
        return -1;
    if (!tn_int_check(r)) {
        tn_err_format(&tn_exc_TypeError, "expected integer from opener");
        tn_decref(r);
        return -1;
    }
    tn_ssize_t fd = tn_number_as_ssize(r, &tn_exc_OverflowError);
    tn_decref(r);
    if (fd == -1 && tn_err_occurred())
        return -1;
    if (fd < 0) {
        tn_err_format(&tn_exc_ValueError, "opener returned %zd", fd);
        return -1;
    }
    *fd_out = (int)fd;
    return 0;
}

static int fileio_init(TnFileIO *f, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"file", "mode", "closefd", "opener", NULL};
    TnObject *out[4];
    if (tn_args_parse("FileIO", args, nargs, kwnames, names, 0, 1, out) < 0)
        return -1;
    TnObject *name = out[0];
    const char *mode = "r";
    if (out[1] != NULL) {
        if (!tn_str_check(out[1])) {
            tn_err_format(&tn_exc_TypeError, "FileIO() argument 'mode' must be str, not %s", tn_type(out[1])->name);
            return -1;
        }
        mode = tn_str_utf8(out[1], NULL);
        if (mode == NULL)
            return -1;
    }
    int closefd = 1;
    if (out[2] != NULL && (closefd = tn_object_is_true(out[2])) < 0)
        return -1;
    TnObject *opener = out[3] != NULL && out[3] != TN_NONE ? out[3] : NULL;
    if (fio_fd(f) >= 0) {
        /* __init__ called again: close the old descriptor first. */
        int old = fio_take_fd(f);
        if (f->closefd)
            close(old);
    }
    int fd = -1;
    bool by_fd = tn_int_check(name) || tn_object_type_check(name, &tn_type_bool);
    if (by_fd) {
        tn_ssize_t v = tn_number_as_ssize(name, &tn_exc_OverflowError);
        if (v == -1 && tn_err_occurred())
            return -1;
        if (v < 0) {
            tn_err_set_str(&tn_exc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
    }
    int flags = 0;
    if (parse_fileio_mode(f, mode, &flags) < 0)
        return -1;
    if (by_fd) {
        f->closefd = (uint8_t)closefd;
    } else {
        f->closefd = 1;
        if (!closefd) {
            tn_err_set_str(&tn_exc_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        TnObject *keep = NULL;
        const char *path = path_of(name, &keep);
        int r = path == NULL ? -1 : opener != NULL ? call_opener(opener, name, flags, &fd)
                                                   : open_path(path, flags, name, &fd);
        tn_xdecref(keep);
        if (r < 0)
            return -1;
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int err = errno;
        if (!by_fd)
            close(fd);
        tn_err_set_from_errno_filename(err, by_fd ? NULL : name);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!by_fd)
            close(fd);
        tn_err_set_from_errno_filename(EISDIR, name);
        return -1;
    }
    f->blksize = st.st_blksize > 1 ? (long)st.st_blksize : TN_IO_DEFAULT_BUFFER_SIZE;
    f->seekable = -1;
    tn_atomic_store_intptr_relaxed(&f->fd, fd);
    TnObject *nm = tn_str_intern_cstr("name");
    if (tn_object_generic_setattr(TN_OBJ(f), nm, name) < 0)
        return -1;
    if (f->appending) {
        /* As CPython: the position starts at the end, for tell(). */
        (void)lseek(fd, 0, SEEK_END);
    }
    return 0;
}

static TnObject *fileio_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return fileio_init(FIO(self), args, nargs, kwnames) < 0 ? NULL : tn_none_ref();
}

static TnObject *fileio_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFileIO *f = (TnFileIO *)tn_object_new(type, (size_t)type->basicsize);
    if (f == NULL)
        return NULL;
    f->fd = -1;
    f->seekable = -1;
    f->closefd = 1;
    return tn_io_finish_new(TN_OBJ(f), fileio_init_meth, args, nargs, kwnames);
}

/* ---- reading, writing ----------------------------------------------------------- */

static int check_fio(TnFileIO *f, int want_read, int want_write)
{
    if (fio_fd(f) < 0) {
        fio_closed_error();
        return -1;
    }
    if (want_read && !f->readable) {
        err_mode("reading");
        return -1;
    }
    if (want_write && !f->writable) {
        err_mode("writing");
        return -1;
    }
    return 0;
}

static TnObject *fileio_readall_impl(TnFileIO *f)
{
    int fd = fio_fd(f);
    struct stat st;
    tn_ssize_t chunk = TN_IO_DEFAULT_BUFFER_SIZE;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t pos = lseek(fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size > pos)
            chunk = (tn_ssize_t)(st.st_size - pos) + 1;
    }
    TnByteBuf out = {NULL, 0, 0};
    for (;;) {
        if (tn_bbuf_reserve(&out, chunk) < 0) {
            tn_bbuf_free(&out);
            return NULL;
        }
        tn_ssize_t n = tn_io_fd_read(fd, out.buf + out.len, out.cap - out.len);
        if (n == -1) {
            tn_bbuf_free(&out);
            return NULL;
        }
        if (n == -2) {
            if (out.len == 0) {
                tn_bbuf_free(&out);
                return tn_none_ref();
            }
            break;
        }
        if (n == 0)
            break;
        out.len += n;
        if (chunk < 65536)
            chunk *= 2;
    }
    TnObject *res = tn_bytes_from_data(out.buf, out.len);
    tn_bbuf_free(&out);
    return res;
}

static TnObject *fileio_readall(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_fio(FIO(self), 0, 0) < 0)
        return NULL;
    return fileio_readall_impl(FIO(self));
}

static TnObject *fileio_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t size;
    if (tn_args_no_kw("read", kwnames) < 0 || tn_args_count("read", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &size) < 0 || check_fio(FIO(self), 1, 0) < 0)
        return NULL;
    if (size < 0)
        return fileio_readall_impl(FIO(self));
    char *buf = tn_mem_alloc((size_t)size + 1);
    if (buf == NULL)
        return tn_err_no_memory();
    tn_ssize_t n = tn_io_fd_read(fio_fd(FIO(self)), buf, size);
    TnObject *res = n == -1 ? NULL : n == -2 ? tn_none_ref() : tn_bytes_from_data(buf, n);
    tn_mem_free(buf);
    return res;
}

/* The writable bytearray behind b (a bytearray or a writable memoryview of
 * one), else NULL with TypeError. */
static TnObject *writable_target(TnObject *b, const char *fname, tn_ssize_t *len)
{
    TnObject *base = tn_memoryview_check(b) ? tn_memoryview_base(b) : b;
    if (base == NULL || !tn_bytearray_check(base) || (tn_memoryview_check(b) && ((TnMemoryView *)b)->readonly)) {
        tn_err_format(&tn_exc_TypeError, "%s() argument must be read-write bytes-like object, not %s", fname,
                      tn_type(b)->name);
        return NULL;
    }
    *len = tn_object_length(b);
    return *len < 0 ? NULL : base;
}

/* Copy data[0:n] into the writable buffer b (bytearray or memoryview),
 * through its own item assignment (its lock). */
int tn_io_copy_into(TnObject *b, const char *data, tn_ssize_t n)
{
    TnObject *bytes = tn_bytes_from_data(data, n);
    TnObject *end = tn_int_from_ssize(n);
    TnObject *sl = end != NULL ? tn_slice_new(NULL, end, NULL) : NULL;
    int r = bytes != NULL && sl != NULL ? tn_object_setitem(b, sl, bytes) : -1;
    tn_xdecref(bytes);
    tn_xdecref(end);
    tn_xdecref(sl);
    return r;
}

static TnObject *fileio_readinto(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("readinto", kwnames) < 0 || tn_args_count("readinto", nargs, 1, 1) < 0)
        return NULL;
    tn_ssize_t len;
    if (writable_target(args[0], "readinto", &len) == NULL || check_fio(FIO(self), 1, 0) < 0)
        return NULL;
    /* Read into a private buffer (the target may be resized or freed by
     * another thread while we are detached), then copy. */
    char *buf = tn_mem_alloc((size_t)len + 1);
    if (buf == NULL)
        return tn_err_no_memory();
    tn_ssize_t n = tn_io_fd_read(fio_fd(FIO(self)), buf, len);
    TnObject *res = NULL;
    if (n == -2)
        res = tn_none_ref();
    else if (n >= 0 && tn_io_copy_into(args[0], buf, n) == 0)
        res = tn_int_from_ssize(n);
    tn_mem_free(buf);
    return res;
}

static TnObject *fileio_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("write", kwnames) < 0 || tn_args_count("write", nargs, 1, 1) < 0)
        return NULL;
    if (check_fio(FIO(self), 0, 1) < 0)
        return NULL;
    TnBytesView v;
    int got = tn_bytes_view_copy(args[0], &v);
    if (got == 0)
        return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                             tn_type(args[0])->name);
    if (got < 0)
        return NULL;
    tn_ssize_t n = tn_io_fd_write(fio_fd(FIO(self)), v.d, v.n);
    tn_bytes_view_release(&v);
    if (n == -1)
        return NULL;
    return n == -2 ? tn_none_ref() : tn_int_from_ssize(n);
}

/* ---- positioning ------------------------------------------------------------------ */

static TnObject *portable_lseek(TnFileIO *f, TnObject *posobj, int whence)
{
    off_t pos = 0;
    if (posobj != NULL) {
        if (tn_object_type_check(posobj, &tn_type_float))
            return tn_err_format(&tn_exc_TypeError, "an integer is required");
        tn_ssize_t p = tn_number_as_ssize(posobj, &tn_exc_OverflowError);
        if (p == -1 && tn_err_occurred())
            return NULL;
        pos = (off_t)p;
    }
    off_t r = lseek(fio_fd(f), pos, whence);
    if (f->seekable < 0)
        f->seekable = r >= 0;
    if (r < 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    return tn_int_from_i64((int64_t)r);
}

static TnObject *fileio_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("seek", kwnames) < 0 || tn_args_count("seek", nargs, 1, 2) < 0)
        return NULL;
    if (fio_fd(FIO(self)) < 0)
        return fio_closed_error();
    int whence = 0;
    if (nargs > 1 && tn_number_as_c_int(args[1], &whence) < 0)
        return NULL;
    return portable_lseek(FIO(self), args[0], whence);
}

static TnObject *fileio_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("tell", kwnames) < 0 || tn_args_count("tell", nargs, 0, 0) < 0)
        return NULL;
    if (fio_fd(FIO(self)) < 0)
        return fio_closed_error();
    return portable_lseek(FIO(self), NULL, SEEK_CUR);
}

static TnObject *fileio_truncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("truncate", kwnames) < 0 || tn_args_count("truncate", nargs, 0, 1) < 0)
        return NULL;
    TnFileIO *f = FIO(self);
    if (fio_fd(f) < 0)
        return fio_closed_error();
    if (!f->writable)
        return err_mode("writing");
    TnObject *pos;
    if (nargs == 0 || args[0] == TN_NONE)
        pos = portable_lseek(f, NULL, SEEK_CUR);
    else
        pos = tn_newref(args[0]);
    if (pos == NULL)
        return NULL;
    tn_ssize_t p = tn_number_as_ssize(pos, &tn_exc_OverflowError);
    if (p == -1 && tn_err_occurred()) {
        tn_decref(pos);
        return NULL;
    }
    if (ftruncate(fio_fd(f), (off_t)p) != 0) {
        tn_decref(pos);
        return tn_err_set_from_errno_filename(errno, NULL);
    }
    return pos;
}

static TnObject *fileio_seekable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFileIO *f = FIO(self);
    if (fio_fd(f) < 0)
        return fio_closed_error();
    if (f->seekable < 0)
        f->seekable = lseek(fio_fd(f), 0, SEEK_CUR) >= 0;
    return tn_bool_from(f->seekable);
}

static TnObject *fileio_readable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (fio_fd(FIO(self)) < 0)
        return fio_closed_error();
    return tn_bool_from(FIO(self)->readable);
}

static TnObject *fileio_writable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (fio_fd(FIO(self)) < 0)
        return fio_closed_error();
    return tn_bool_from(FIO(self)->writable);
}

static TnObject *fileio_fileno(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd = fio_fd(FIO(self));
    if (fd < 0)
        return fio_closed_error();
    return tn_int_from_ssize(fd);
}

static TnObject *fileio_isatty(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int fd = fio_fd(FIO(self));
    if (fd < 0)
        return fio_closed_error();
    return tn_bool_from(isatty(fd));
}

/* close(): _IOBase.close (flush, the closed flag), then the descriptor,
 * taken out of the object first so no other thread uses it afterwards. */
static TnObject *fileio_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFileIO *f = FIO(self);
    TnObject *base_close = tn_object_getattr_cstr(TN_OBJ(&tn_io_rawiobase_type), "close");
    TnObject *r = base_close != NULL ? tn_call_one(base_close, self) : NULL;
    tn_xdecref(base_close);
    TnObject *saved = r == NULL ? tn_err_fetch() : NULL;
    tn_xdecref(r);
    int fd = fio_take_fd(f);
    if (fd >= 0 && f->closefd) {
        int rc, err;
        TN_BEGIN_ALLOW_THREADS
        rc = close(fd);
        err = errno;
        TN_END_ALLOW_THREADS
        if (rc < 0 && saved == NULL)
            return tn_err_set_from_errno_filename(err, NULL);
    }
    if (saved != NULL) {
        tn_err_restore(saved);
        return NULL;
    }
    return tn_none_ref();
}

static TnObject *fileio_dealloc_warn(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_none_ref();
}

static const char *mode_string(TnFileIO *f)
{
    if (f->created)
        return f->readable ? "xb+" : "xb";
    if (f->appending)
        return f->readable ? "ab+" : "ab";
    if (f->readable)
        return f->writable ? "rb+" : "rb";
    return "wb";
}

static TnObject *fileio_get_mode(TnObject *self, void *c) { return tn_str_from_cstr(mode_string(FIO(self))); }
static TnObject *fileio_get_closed(TnObject *self, void *c) { return tn_bool_from(fio_fd(FIO(self)) < 0); }
static TnObject *fileio_get_closefd(TnObject *self, void *c) { return tn_bool_from(FIO(self)->closefd); }
static TnObject *fileio_get_blksize(TnObject *self, void *c) { return tn_int_from_ssize(FIO(self)->blksize); }
static TnObject *fileio_get_finalizing(TnObject *self, void *c) { return tn_bool_from(FIO(self)->finalizing); }

static TnObject *fileio_repr(TnObject *self)
{
    TnFileIO *f = FIO(self);
    const char *tname = tn_type(self)->name;
    if (fio_fd(f) < 0)
        return tn_str_from_format("<%s [closed]>", tname);
    TnObject *name = NULL;
    if (tn_object_lookup_attr(self, tn_str_intern_cstr("name"), &name) < 0)
        return NULL;
    TnObject *r;
    if (name == NULL)
        r = tn_str_from_format("<%s fd=%d mode='%s' closefd=%s>", tname, fio_fd(f), mode_string(f),
                               f->closefd ? "True" : "False");
    else
        r = tn_str_from_format("<%s name=%R mode='%s' closefd=%s>", tname, name, mode_string(f),
                               f->closefd ? "True" : "False");
    tn_xdecref(name);
    return r;
}

static void fileio_dealloc(TnObject *self)
{
    TnFileIO *f = FIO(self);
    if (f->fd >= 0 && f->closefd)
        close((int)f->fd);
    tn_io_dealloc_head(self);
}

static const TnMethodDef fileio_methods[] = {
    {"__init__", fileio_init_meth, 0, NULL},
    {"read", fileio_read, 0, NULL},
    {"readall", fileio_readall, 0, NULL},
    {"readinto", fileio_readinto, 0, NULL},
    {"write", fileio_write, 0, NULL},
    {"seek", fileio_seek, 0, NULL},
    {"tell", fileio_tell, 0, NULL},
    {"truncate", fileio_truncate, 0, NULL},
    {"close", fileio_close, 0, NULL},
    {"seekable", fileio_seekable, 0, NULL},
    {"readable", fileio_readable, 0, NULL},
    {"writable", fileio_writable, 0, NULL},
    {"fileno", fileio_fileno, 0, NULL},
    {"isatty", fileio_isatty, 0, NULL},
    {"_dealloc_warn", fileio_dealloc_warn, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef fileio_getsets[] = {
    {"closed", fileio_get_closed, NULL, "True if the file is closed", NULL},
    {"closefd", fileio_get_closefd, NULL, "True if the file descriptor will be closed by close().", NULL},
    {"mode", fileio_get_mode, NULL, "String giving the file mode", NULL},
    {"_blksize", fileio_get_blksize, NULL, NULL, NULL},
    {"_finalizing", fileio_get_finalizing, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_io_fileio_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_io.FileIO",
    .base = &tn_io_rawiobase_type,
    .basicsize = sizeof(TnFileIO),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = fileio_dealloc,
    .traverse = tn_io_traverse,
    .clear = tn_io_clear_dict,
    .finalize = tn_io_finalize,
    .repr = fileio_repr,
    .new_ = fileio_new,
    .methods = fileio_methods,
    .getsets = fileio_getsets,
    .dictoffset = offsetof(TnIOObject, dict),
    .weaklistoffset = offsetof(TnIOObject, weaklist),
    .doc = "Open a file.",
};
