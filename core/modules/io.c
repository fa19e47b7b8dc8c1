/* core/modules/io.c — sys.stdin/stdout/stderr as file objects over C stdio
 * (open() is _io.open: io_module.c and docs/io.md).
 *
 * A file object wraps a C stdio stream.  Text mode ('r', 'w', 'a', 'x',
 * with '+') reads and writes str, encoded as UTF-8, with universal newlines
 * on input ("\r\n" and "\r" read as "\n"); binary mode ('b') reads and
 * writes bytes.  The type names and reprs follow CPython's io module
 * (_io.TextIOWrapper, _io.BufferedReader, ...).
 *
 * Threads.  A file object's stream is used only under the object's
 * io_lock, and a read or write that may wait for the OS runs detached
 * (TN_BEGIN_ALLOW_THREADS) while holding it: other threads run meanwhile,
 * and a second thread using the same file waits for the lock instead of
 * racing on the FILE.  close() takes the lock too, sets `closed` and only
 * then fcloses (frees) the FILE, so no thread can use a freed FILE*: every
 * operation tests `closed` under the lock before touching `fp`.  Nothing
 * done while detached touches an object: it sees only the FILE, a private
 * malloc'd buffer, or the immutable bytes of a str/bytes the caller holds.
 *
 * Signals.  Blocking calls return EINTR when a signal arrives (the handlers
 * are installed without SA_RESTART); the I/O lock is then released, the
 * Python handlers run (core/modules/signal.h) and the call goes on where it
 * stopped, unless a handler raised (PEP 475).
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/modules/modules.h"
#include "core/modules/signal.h"
#include "threading/mutex.h"
#include "threading/tstate.h"

typedef struct TnFile {
    TnObject ob;
    FILE *fp;
    TnObject *name;       /* str, or int for file descriptors */
    TnObject *mode;       /* the mode string given to open() */
    uint8_t readable, writable, binary, owns_stream;
    uint8_t closed;       /* atomic: set once, under io_lock */
    uint8_t pending_cr;   /* text read: a '\r' ended the last chunk */
    TnMutex io_lock;      /* guards the stream (fp) and closing it */
    TnObject *dict;
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnFile;

extern TnType tn_type_file;

/* sys.__stdin__ and sys.__stdout__ (strong, for the life of the process):
 * input() and print()'s fast path use the C stdin/stdout through them, so
 * under the same lock as sys.stdin.readline() and sys.stdout.write(). */
static TnFile *std_in, *std_out;

static bool file_closed(TnFile *f) { return tn_atomic_load_u8(&f->closed) != 0; }

/* The C stream of a text file object (print's fast path), else NULL. */
FILE *tn_io_text_stream(TnObject *f)
{
    if (f == NULL || tn_type(f) != &tn_type_file)
        return NULL;
    TnFile *file = (TnFile *)f;
    return !file->binary && !file_closed(file) && file->writable ? file->fp : NULL;
}

/* ---- the I/O lock ------------------------------------------------------------- */

/* Take f's I/O lock; returns whether it was taken, for file_unlock.
 *
 * Until a second thread was ever started (single-thread mode, see
 * threading/critical_section.c), no other thread can use f, and the lock
 * is skipped: two atomic read-modify-writes per call are a measurable part
 * of a print() (glibc skips its stdio locks the same way).  The mode is
 * one-way on purpose: a count of running threads drops back to zero while
 * an exiting thread still runs its last destructors, which may print.
 * No thread can start during the operation either, since that takes
 * Python code; the one exception, a signal handler run on EINTR, happens
 * between file_unlock and a fresh file_lock (handle_eintr_io_locked).
 *
 * The holder may be detached in a blocking read for a long time, so a
 * thread that finds the lock taken waits detached: attached, in the gil
 * flavour it would keep the GIL the holder needs to come back. */
static bool file_lock(TnFile *f)
{
    if (!tn_critical_section_locking_enabled())
        return false;
    if (tn_mutex_trylock(&f->io_lock))
        return true;
    TN_BEGIN_ALLOW_THREADS
    tn_mutex_lock_raw(&f->io_lock);
    TN_END_ALLOW_THREADS
    return true;
}

static void file_unlock(TnFile *f, bool held)
{
    if (held)
        tn_mutex_unlock(&f->io_lock);
}

/* A blocking call under f's lock returned EINTR: run the signal handlers
 * without the lock (a handler may use this file), then take it back
 * (*held: as file_lock returned it, updated).  0: go on; -1: a handler
 * raised (the lock is held again either way). */
static int handle_eintr_io_locked(TnFile *f, bool *held)
{
    file_unlock(f, *held);
    int r = tn_signal_check();
    *held = file_lock(f);
    return r;
}

static int check_open(TnFile *f)
{
    if (file_closed(f)) {
        tn_err_set_str(&tn_exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int check_readable(TnFile *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->readable) {
        tn_err_set_str(&tn_exc_OSError, "not readable");
        return -1;
    }
    return 0;
}

static TnObject *make_file(FILE *fp, TnObject *name, const char *mode, int readable, int writable, int binary,
                           int owns)
{
    TnFile *f = (TnFile *)tn_object_new(&tn_type_file, sizeof(TnFile));
    if (f == NULL)
        return NULL;
    f->fp = fp;
    f->name = tn_newref(name);
    f->mode = tn_str_from_cstr(mode);
    f->readable = (uint8_t)readable;
    f->writable = (uint8_t)writable;
    f->binary = (uint8_t)binary;
    f->owns_stream = (uint8_t)owns;
    if (f->mode == NULL) {
        f->closed = 1;   /* fp stays the caller's to close */
        tn_decref(TN_OBJ(f));
        return NULL;
    }
    return TN_OBJ(f);
}

/* ---- reading ------------------------------------------------------------------ */

/* A read's growing result: malloc'd bytes and the units (bytes in binary
 * mode, characters in text mode) read so far. */
typedef struct ReadBuf {
    char *data;
    size_t len, cap;
    tn_ssize_t units;
} ReadBuf;

static bool readbuf_push(ReadBuf *b, char c)
{
    if (b->len + 1 >= b->cap) {
        char *nb = b->cap > TN_MEM_MAX_REQUEST / 2 ? NULL : tn_mem_realloc(b->data, b->cap * 2);
        if (nb == NULL)
            return false;
        b->data = nb;
        b->cap *= 2;
    }
    b->data[b->len++] = c;
    return true;
}

/* The part of a read that may block, run detached: it sees only fp and b.
 * Read up to `limit` units (limit < 0: all) into b, stopping after a
 * newline if `line`; text mode translates "\r\n" and "\r" to "\n".
 * 0 at the limit, a line end or EOF; else an errno value (EINTR: a signal
 * interrupted it, and what was read so far stays in b). */
static int read_stream(FILE *fp, bool binary, tn_ssize_t limit, bool line, ReadBuf *b)
{
    int err = 0;
    flockfile(fp);
    for (;;) {
        if (binary && limit >= 0 && b->units == limit)
            break;
        int c = getc_unlocked(fp);
        if (c == EOF) {
            if (ferror_unlocked(fp)) {
                err = errno != 0 ? errno : EIO;
                clearerr_unlocked(fp);
            }
            break;
        }
        if (!binary && (c & 0xC0) != 0x80) {
            /* The first byte of a character: stop before it at the limit. */
            if (limit >= 0 && b->units == limit) {
                ungetc(c, fp);
                break;
            }
            b->units++;
        } else if (binary) {
            b->units++;
        }
        if (!binary && c == '\r') {
            int next = getc_unlocked(fp);
            if (next != '\n' && next != EOF)
                ungetc(next, fp);
            else if (next == EOF)
                clearerr_unlocked(fp);   /* an interrupted look-ahead is retried by the next read */
            c = '\n';
        }
        if (!readbuf_push(b, (char)c)) {
            err = ENOMEM;
            break;
        }
        if (line && c == '\n')
            break;
    }
    funlockfile(fp);
    return err;
}

/* Whether a read may have to wait for the OS: stdio's buffer does not
 * already hold the line, or `limit` characters.  A read served from the
 * buffer stays attached: detaching for it would hand the GIL over at every
 * readline() (CPython likewise lets go only around its read system calls).
 * Without glibc's FILE fields to look into, assume it may. */
static bool read_may_block(FILE *fp, tn_ssize_t limit, bool line)
{
#ifdef __GLIBC__
    if (fp->_IO_read_ptr == NULL || fp->_IO_read_end <= fp->_IO_read_ptr)
        return true;
    size_t avail = (size_t)(fp->_IO_read_end - fp->_IO_read_ptr);
    if (line && memchr(fp->_IO_read_ptr, '\n', avail) != NULL)
        return false;
    /* 4 bytes per character at most, and one more for a '\r' look-ahead. */
    return !(limit >= 0 && (size_t)limit < avail / 4);
#else
    (void)fp, (void)limit, (void)line;
    return true;
#endif
}

/* Read under f's lock (detached when it may block) what read_stream reads.
 * Returns the malloc'd bytes, or NULL with the exception set (closed file,
 * read error, a signal handler's exception). */
static char *read_raw(TnFile *f, tn_ssize_t limit, bool line, size_t *out_len)
{
    ReadBuf b = {NULL, 0, 256, 0};
    if ((b.data = tn_mem_alloc(b.cap)) == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    int err = 0;
    bool held = file_lock(f);
    for (;;) {
        if (check_readable(f) < 0) {
            err = -1;
            break;
        }
        FILE *fp = f->fp;
        bool binary = f->binary;
        if (read_may_block(fp, limit < 0 ? -1 : limit - b.units, line)) {
            TN_BEGIN_ALLOW_THREADS
            err = read_stream(fp, binary, limit, line, &b);
            TN_END_ALLOW_THREADS
        } else {
            err = read_stream(fp, binary, limit, line, &b);
        }
        if (err != EINTR)
            break;
        if (handle_eintr_io_locked(f, &held) < 0) {
            err = -1;
            break;
        }
    }
    file_unlock(f, held);
    if (err != 0) {
        tn_mem_free(b.data);
        if (err == ENOMEM)
            tn_err_no_memory();
        else if (err > 0)
            tn_err_set_from_errno_filename(err, NULL);
        return NULL;
    }
    *out_len = b.len;
    return b.data;
}

static TnObject *to_result(TnFile *f, char *buf, size_t n)
{
    TnObject *r = f->binary ? tn_bytes_from_data(buf, (tn_ssize_t)n) : tn_str_from_utf8(buf, (tn_ssize_t)n);
    tn_mem_free(buf);
    return r;
}

static tn_ssize_t size_arg(TnObject *const *args, tn_ssize_t nargs)
{
    if (nargs == 0 || args[0] == TN_NONE)
        return -1;
    return tn_number_as_ssize(args[0], &tn_exc_OverflowError);
}

static TnObject *file_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("read", kwnames) < 0 || tn_args_count("read", nargs, 0, 1) < 0 || check_readable(f) < 0)
        return NULL;
    tn_ssize_t size = size_arg(args, nargs);
    if (size == -1 && tn_err_occurred())
        return NULL;
    size_t n;
    char *buf = read_raw(f, size, false, &n);
    if (buf == NULL)
        return NULL;
    return to_result(f, buf, n);
}

static TnObject *file_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("readline", kwnames) < 0 || tn_args_count("readline", nargs, 0, 1) < 0
        || check_readable(f) < 0)
        return NULL;
    tn_ssize_t size = size_arg(args, nargs);
    if (size == -1 && tn_err_occurred())
        return NULL;
    size_t n;
    char *buf = read_raw(f, size, true, &n);
    if (buf == NULL)
        return NULL;
    return to_result(f, buf, n);
}

static TnObject *file_readlines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("readlines", kwnames) < 0 || tn_args_count("readlines", nargs, 0, 1) < 0
        || check_readable(f) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    while (list != NULL) {
        size_t n;
        char *buf = read_raw(f, -1, true, &n);
        if (buf == NULL) {
            tn_decref(list);
            return NULL;
        }
        if (n == 0) {
            tn_mem_free(buf);
            break;
        }
        TnObject *line = to_result(f, buf, n);
        if (line == NULL || tn_list_append_steal(list, line) < 0)
            TN_CLEAR(list);
    }
    return list;
}

static TnObject *file_iternext(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    if (check_readable(f) < 0)
        return NULL;
    size_t n;
    char *buf = read_raw(f, -1, true, &n);
    if (buf == NULL)
        return NULL;
    if (n == 0) {
        tn_mem_free(buf);
        return NULL;
    }
    return to_result(f, buf, n);
}

static TnObject *file_iter(TnObject *self)
{
    if (check_open((TnFile *)self) < 0)
        return NULL;
    return tn_newref(self);
}

/* ---- writing ------------------------------------------------------------------ */

/* Whether writing len bytes may reach the OS (and so block: a full pipe, a
 * slow terminal): stdio's buffer cannot take them, or a line-buffered
 * stream meets a newline.  A write that only fills the buffer stays
 * attached: detaching would hand the GIL over at every print() (CPython
 * likewise lets go only around its flushes). */
static bool write_may_block(FILE *fp, const char *data, size_t len)
{
    size_t size = __fbufsize(fp);
    if (size == 0 || __fpending(fp) + len >= size)
        return true;   /* unbuffered, no buffer yet, or full */
    return __flbf(fp) && memchr(data, '\n', len) != NULL;
}

/* The part of a write that may block: write data[*done..len) to fp,
 * advancing *done.  0, or an errno value (EINTR: a signal interrupted it). */
static int write_stream(FILE *fp, const char *data, size_t len, size_t *done)
{
    errno = 0;
    *done += fwrite(data + *done, 1, len - *done, fp);
    if (*done == len)
        return 0;
    int err = errno != 0 ? errno : EIO;
    clearerr(fp);
    return err;
}

/* Write len bytes to f's stream under its lock, detached when the write
 * may block.  data must not change while detached: the buffer of an
 * immutable object the caller holds, or a private copy.  0 / -1. */
static int write_data(TnFile *f, const char *data, size_t len)
{
    size_t done = 0;
    int err = 0;
    bool held = file_lock(f);
    while (err == 0 && done < len) {
        if (check_open(f) < 0) {
            err = -1;
            break;
        }
        FILE *fp = f->fp;
        if (write_may_block(fp, data + done, len - done)) {
            TN_BEGIN_ALLOW_THREADS
            err = write_stream(fp, data, len, &done);
            TN_END_ALLOW_THREADS
        } else {
            err = write_stream(fp, data, len, &done);
        }
        if (err == EINTR)
            err = handle_eintr_io_locked(f, &held);
    }
    file_unlock(f, held);
    if (err > 0)
        tn_err_set_from_errno_filename(err, NULL);
    return err == 0 ? 0 : -1;
}

/* fflush f's stream under its lock, detached.  Errors other than a signal
 * handler's exception are ignored, as before (the data stays buffered). */
static int flush_data(TnFile *f)
{
    int r = 0;
    bool held = file_lock(f);
    if (check_open(f) < 0) {
        r = -1;
    } else {
        FILE *fp = f->fp;
        int err = 0;
        TN_BEGIN_ALLOW_THREADS
        if (fflush(fp) != 0) {
            err = errno;
            clearerr(fp);
        }
        TN_END_ALLOW_THREADS
        if (err == EINTR)
            r = handle_eintr_io_locked(f, &held);
    }
    file_unlock(f, held);
    return r;
}

static TnObject *file_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("write", kwnames) < 0 || tn_args_count("write", nargs, 1, 1) < 0 || check_open(f) < 0)
        return NULL;
    if (!f->writable) {
        tn_err_set_str(&tn_exc_OSError, "not writable");
        return NULL;
    }
    const char *data;
    tn_ssize_t len, count;
    TnBytesView copy = {"", 0, NULL};
    if (f->binary) {
        /* A bytearray (or a view of one) may be resized by another thread
         * while we write detached: write a copy, taken under its lock. */
        int got = tn_bytes_view_copy(args[0], &copy);
        if (got == 0)
            return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
        if (got < 0)
            return NULL;
        data = copy.d;
        len = count = copy.n;
    } else {
        if (!tn_str_check(args[0]))
            return tn_err_format(&tn_exc_TypeError, "write() argument must be str, not %T", args[0]);
        data = tn_str_utf8(args[0], &len);
        if (data == NULL)
            return NULL;
        count = tn_str_length(args[0]);
    }
    int r = write_data(f, data, (size_t)len);
    tn_bytes_view_release(&copy);
    return r < 0 ? NULL : tn_int_from_ssize(count);
}

static TnObject *file_writelines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("writelines", kwnames) < 0 || tn_args_count("writelines", nargs, 1, 1) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    TnObject *line;
    while ((line = tn_iter_next(it)) != NULL) {
        TnObject *r = file_write(self, &line, 1, NULL);
        tn_decref(line);
        if (r == NULL) {
            tn_decref(it);
            return NULL;
        }
        tn_decref(r);
    }
    tn_decref(it);
    return tn_err_occurred() ? NULL : tn_newref(TN_NONE);
}

static TnObject *file_flush(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (check_open(f) < 0 || flush_data(f) < 0)
        return NULL;
    return tn_newref(TN_NONE);
}

/* ---- positioning, closing ------------------------------------------------------------ */

/* The quick stream calls, made under f's lock but attached (none of them
 * waits for long). */
enum { OP_SEEK, OP_TELL, OP_FILENO, OP_ISATTY };

static int64_t stream_call_io_locked(FILE *fp, int op, long off, int whence)
{
    switch (op) {
    case OP_SEEK:
        return fseek(fp, off, whence) != 0 ? -1 : (int64_t)ftell(fp);
    case OP_TELL:
        return (int64_t)ftell(fp);
    case OP_FILENO:
        return fileno(fp);
    default:
        return isatty(fileno(fp));
    }
}

/* The call's result (errno kept), or -2 with ValueError if f is closed. */
static int64_t stream_call(TnFile *f, int op, long off, int whence)
{
    int64_t r = -2;
    int err = 0;
    bool held = file_lock(f);
    if (!file_closed(f)) {
        errno = 0;
        r = stream_call_io_locked(f->fp, op, off, whence);
        err = errno;
    }
    file_unlock(f, held);
    if (r == -2)
        (void)check_open(f);
    errno = err;
    return r;
}

static TnObject *file_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    if (tn_args_no_kw("seek", kwnames) < 0 || tn_args_count("seek", nargs, 1, 2) < 0 || check_open(f) < 0)
        return NULL;
    tn_ssize_t off = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (off == -1 && tn_err_occurred())
        return NULL;
    tn_ssize_t whence = nargs > 1 ? tn_number_as_ssize(args[1], &tn_exc_OverflowError) : 0;
    if (whence == -1 && tn_err_occurred())
        return NULL;
    if (whence < 0 || whence > 2)
        return tn_err_format(&tn_exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (!f->binary && whence != 0 && off != 0)
        return tn_err_format(&tn_exc_OSError, whence == 1 ? "can't do nonzero cur-relative seeks"
                                                                    : "can't do nonzero end-relative seeks");
    int64_t pos = stream_call(f, OP_SEEK, (long)off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
    if (pos == -2)
        return NULL;
    if (pos == -1)
        return tn_err_set_from_errno_filename(errno, NULL);
    return tn_int_from_i64(pos);
}

static TnObject *file_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    int64_t pos = check_open(f) < 0 ? -2 : stream_call(f, OP_TELL, 0, 0);
    return pos == -2 ? NULL : tn_int_from_i64(pos);
}

/* Close f's stream (the std streams are only flushed): under the lock, so
 * a thread still inside a read or write finishes before the FILE is freed,
 * and detached, since flushing may block.  0 / -1 with errno set. */
static int close_stream(TnFile *f)
{
    int r = 0, err = 0;
    bool held = file_lock(f);
    if (!file_closed(f)) {
        tn_atomic_store_u8(&f->closed, 1);
        FILE *fp = f->fp;
        bool owns = f->owns_stream;
        TN_BEGIN_ALLOW_THREADS
        if (owns)
            r = fclose(fp);
        else
            (void)fflush(fp);
        err = errno;
        TN_END_ALLOW_THREADS
    }
    file_unlock(f, held);
    errno = err;
    return r;
}

static TnObject *file_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (close_stream((TnFile *)self) != 0)
        return tn_err_set_from_errno_filename(errno, NULL);
    return tn_newref(TN_NONE);
}

static TnObject *file_enter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_open((TnFile *)self) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *file_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return file_close(self, NULL, 0, NULL);
}

static TnObject *file_bool_meth(TnObject *self, int which)
{
    TnFile *f = (TnFile *)self;
    if (check_open(f) < 0)
        return NULL;
    return tn_bool_from(which == 0 ? f->readable : which == 1 ? f->writable : 1);
}

static TnObject *file_readable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return file_bool_meth(self, 0); }
static TnObject *file_writable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return file_bool_meth(self, 1); }
static TnObject *file_seekable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return file_bool_meth(self, 2); }

static TnObject *file_fileno(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    int64_t fd = check_open(f) < 0 ? -2 : stream_call(f, OP_FILENO, 0, 0);
    return fd == -2 ? NULL : tn_int_from_i64(fd);
}

static TnObject *file_isatty(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnFile *f = (TnFile *)self;
    int64_t tty = check_open(f) < 0 ? -2 : stream_call(f, OP_ISATTY, 0, 0);
    return tty == -2 ? NULL : tn_bool_from(tty == 1);
}

static void file_dealloc(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    /* The last reference is gone, so no other thread is using the stream:
     * close it without the lock and attached (a destructor must not let go
     * of the thread state in the middle of whatever dropped the file). */
    if (!f->closed) {
        f->closed = 1;
        if (f->owns_stream)
            fclose(f->fp);
        else
            fflush(f->fp);
    }
    TN_CLEAR(f->name);
    TN_CLEAR(f->mode);
    TN_CLEAR(f->dict);
    tn_object_free(self);
}

/* A file's __dict__ may hold anything, the file itself included.  name and
 * mode (a str or int, and a str) stay for repr and the getters. */
static int file_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnFile *f = (TnFile *)self;
    TN_VISIT(f->name);
    TN_VISIT(f->mode);
    TN_VISIT(f->dict);
    return 0;
}

static int file_clear(TnObject *self)
{
    tn_field_replace_steal(&((TnFile *)self)->dict, NULL);
    return 0;
}

static const char *type_name_of(TnFile *f)
{
    if (!f->binary)
        return "_io.TextIOWrapper";
    if (f->readable && f->writable)
        return "_io.BufferedRandom";
    return f->readable ? "_io.BufferedReader" : "_io.BufferedWriter";
}

static TnObject *file_repr(TnObject *self)
{
    TnFile *f = (TnFile *)self;
    if (file_closed(f) && !f->binary)
        return tn_str_from_format("<%s name=%R mode=%R encoding='UTF-8'>", type_name_of(f), f->name, f->mode);
    if (f->binary)
        return tn_str_from_format("<%s name=%R>", type_name_of(f), f->name);
    return tn_str_from_format("<%s name=%R mode=%R encoding='utf-8'>", type_name_of(f), f->name, f->mode);
}

static TnObject *file_get_closed(TnObject *self, void *c) { return tn_bool_from(file_closed((TnFile *)self)); }
static TnObject *file_get_name(TnObject *self, void *c) { return tn_newref(((TnFile *)self)->name); }
static TnObject *file_get_mode(TnObject *self, void *c) { return tn_newref(((TnFile *)self)->mode); }

static TnObject *file_get_encoding(TnObject *self, void *c)
{
    if (((TnFile *)self)->binary)
        return tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute 'encoding'",
                             type_name_of((TnFile *)self));
    return tn_str_from_cstr("utf-8");
}

static const TnMethodDef file_methods[] = {
    {"read", file_read, 0, NULL},
    {"readline", file_readline, 0, NULL},
    {"readlines", file_readlines, 0, NULL},
    {"write", file_write, 0, NULL},
    {"writelines", file_writelines, 0, NULL},
    {"flush", file_flush, 0, NULL},
    {"seek", file_seek, 0, NULL},
    {"tell", file_tell, 0, NULL},
    {"close", file_close, 0, NULL},
    {"readable", file_readable, 0, NULL},
    {"writable", file_writable, 0, NULL},
    {"seekable", file_seekable, 0, NULL},
    {"fileno", file_fileno, 0, NULL},
    {"isatty", file_isatty, 0, NULL},
    {"__enter__", file_enter, 0, NULL},
    {"__exit__", file_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef file_getsets[] = {
    {"closed", file_get_closed, NULL, NULL, NULL},
    {"name", file_get_name, NULL, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_file = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "TextIOWrapper",
    .weaklistoffset = offsetof(TnFile, weaklist),
    .basicsize = sizeof(TnFile),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = file_dealloc,
    .traverse = file_traverse,
    .clear = file_clear,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
    .methods = file_methods,
    .getsets = file_getsets,
    .dictoffset = offsetof(TnFile, dict),
    .new_ = tn_type_new_not_allowed,
};

int tn_io_install(TnObject *builtins_dict, TnObject *sysdict)
{
    if (tn_type_ready(&tn_type_file) < 0)
        return -1;
    /* builtins.open is _io.open (the _io module is created at start-up). */
    TnObject *io = tn_dict_get_cstr_borrowed(tn_interp()->modules, "_io");
    TnObject *open = io != NULL ? tn_object_getattr_cstr(io, "open") : NULL;
    if (open == NULL || tn_dict_set_item_cstr(builtins_dict, "open", open) < 0) {
        tn_xdecref(open);
        return -1;
    }
    tn_decref(open);
    static const struct { const char *attr; const char *name; int fd; int readable; } std[] = {
        {"stdin", "<stdin>", 0, 1}, {"stdout", "<stdout>", 1, 0}, {"stderr", "<stderr>", 2, 0},
    };
    FILE *streams[3] = {stdin, stdout, stderr};
    for (int i = 0; i < 3; i++) {
        TnObject *name = tn_str_from_cstr(std[i].name);
        TnObject *f = name != NULL ? make_file(streams[i], name, std[i].readable ? "r" : "w", std[i].readable,
                                               !std[i].readable, 0, 0)
                                   : NULL;
        tn_xdecref(name);
        if (f == NULL)
            return -1;
        if (i < 2 && (i == 0 ? std_in : std_out) == NULL)
            *(i == 0 ? &std_in : &std_out) = (TnFile *)tn_newref(f);
        char dunder[16];
        snprintf(dunder, sizeof dunder, "__%s__", std[i].attr);
        int rr = tn_dict_set_item_cstr(sysdict, std[i].attr, f) < 0 || tn_dict_set_item_cstr(sysdict, dunder, f) < 0;
        tn_decref(f);
        if (rr)
            return -1;
    }
    return 0;
}

/* ---- the C stdin and stdout for input() and print() ---------------------------------- */

int tn_io_stdout_write(const char *data, size_t len)
{
    if (std_out == NULL) {   /* before tn_io_install: startup messages */
        fwrite(data, 1, len, stdout);
        return 0;
    }
    return len == 0 ? 0 : write_data(std_out, data, len);
}

int tn_io_stdout_flush(void)
{
    if (std_out == NULL) {
        fflush(stdout);
        return 0;
    }
    return flush_data(std_out);
}

TnObject *tn_io_stdin_readline(void)
{
    if (std_in == NULL)
        return tn_err_format(&tn_exc_RuntimeError, "input(): lost sys.stdin");
    size_t n;
    char *buf = read_raw(std_in, -1, true, &n);
    if (buf == NULL)
        return NULL;
    TnObject *res = NULL;
    if (n == 0)
        tn_err_set_str(&tn_exc_EOFError, "EOF when reading a line");
    else
        res = tn_str_from_utf8(buf, (tn_ssize_t)(buf[n - 1] == '\n' ? n - 1 : n));
    tn_mem_free(buf);
    return res;
}
