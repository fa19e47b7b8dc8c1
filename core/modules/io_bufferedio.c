/* core/modules/io_bufferedio.c — _io.BufferedReader, BufferedWriter,
 * BufferedRandom (one implementation, as CPython's buffered.c) and
 * BufferedRWPair.  Design: docs/io.md.
 *
 * The buffer holds either read-ahead data (buf[pos:read_end) not yet
 * returned; the raw stream stands at read_end) or written data not yet
 * passed on (buf[0:write_len); the raw stream stands at buf[0]), never
 * both: a write first moves the raw stream back over the unread
 * read-ahead, a read first flushes the written data.
 *
 * Threads.  Every operation runs under the object's TnIOLock (CPython's
 * per-object lock, io_internal.h), which may be held while detached in a
 * raw read or write: it is a plain mutex, not a critical section, so a
 * stop-the-world pause never waits for it, and a thread waiting for it
 * waits detached.  The closed test is made under the lock, so a file
 * closed by another thread gives ValueError, and the buffer stays
 * allocated until the object is freed (no use after free). */
#include <errno.h>
#include "core/modules/io_internal.h"


typedef struct TnBuffered {
    TnIOObject head;
    TnObject *raw;
    uint8_t ok, detached, readable, writable, fast;   /* fast: raw is exactly a FileIO */
    char *buf;
    tn_ssize_t size;
    tn_ssize_t pos, read_end, write_len;
    TnIOLock lock;
} TnBuffered;

#define BUF(o) ((TnBuffered *)(o))

/* ---- checks ----------------------------------------------------------------------- */

static int check_init(TnBuffered *b)
{
    if (b->ok)
        return 0;
    if (b->detached)
        tn_err_set_str(&tn_exc_ValueError, "raw stream has been detached");
    else
        tn_err_set_str(&tn_exc_ValueError, "I/O operation on uninitialized object");
    return -1;
}

static int raw_closed(TnBuffered *b)
{
    if (b->fast)
        return tn_io_fileio_fd(b->raw) < 0;
    return tn_io_is_closed(b->raw);
}

/* Under the lock: ValueError `msg` when the raw stream is closed. */
static int check_open_locked(TnBuffered *b, const char *msg)
{
    int c = raw_closed(b);
    if (c > 0)
        tn_err_set_str(&tn_exc_ValueError, msg);
    return c != 0 ? -1 : 0;
}

/* Take the lock after the initialization check.  0 / -1. */
static int enter(TnBuffered *b)
{
    if (check_init(b) < 0)
        return -1;
    return tn_io_lock(&b->lock, TN_OBJ(b));
}

static void leave(TnBuffered *b) { tn_io_unlock(&b->lock); }

/* ---- the raw stream ------------------------------------------------------------- */

/* Read up to n bytes from the raw stream into dst: the count, -1 with the
 * exception set, -2 when it would block (raw returned None). */
static tn_ssize_t raw_read_locked(TnBuffered *b, char *dst, tn_ssize_t n)
{
    if (b->fast) {
        int fd = tn_io_fileio_fd(b->raw);
        if (fd < 0) {
            tn_io_closed_error();
            return -1;
        }
        return tn_io_fd_read(fd, dst, n);
    }
    TnObject *ba = tn_bytearray_from_data(NULL, n);
    if (ba == NULL)
        return -1;
    TnObject *view = tn_memoryview_new(ba);
    TnObject *r = view != NULL ? tn_io_call1(b->raw, "readinto", view) : NULL;
    if (view != NULL) {
        TnObject *rel = tn_io_call0(view, "release");
        tn_xdecref(rel);
        tn_decref(view);
    }
    tn_ssize_t got = -1;
    if (r == TN_NONE) {
        got = -2;
    } else if (r != NULL) {
        got = tn_number_as_ssize(r, &tn_exc_OverflowError);
        if (!(got == -1 && tn_err_occurred()) && (got < 0 || got > n)) {
            tn_err_format(&tn_exc_OSError, "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
                          got, n);
            got = -1;
        }
        if (got >= 0)
            memcpy(dst, ((TnByteArray *)ba)->data, (size_t)got);
    }
    tn_xdecref(r);
    tn_decref(ba);
    return got;
}

static tn_ssize_t raw_write_locked(TnBuffered *b, const char *src, tn_ssize_t n)
{
    if (b->fast) {
        int fd = tn_io_fileio_fd(b->raw);
        if (fd < 0) {
            tn_io_closed_error();
            return -1;
        }
        return tn_io_fd_write(fd, src, n);
    }
    TnObject *data = tn_bytes_from_data(src, n);
    if (data == NULL)
        return -1;
    TnObject *r = tn_io_call1(b->raw, "write", data);
    tn_decref(data);
    if (r == NULL)
        return -1;
    if (r == TN_NONE)
        return -2;
    tn_ssize_t got = tn_number_as_ssize(r, &tn_exc_OverflowError);
    tn_decref(r);
    if (got == -1 && tn_err_occurred())
        return -1;
    if (got < 0 || got > n) {
        tn_err_format(&tn_exc_OSError, "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                      got, n);
        return -1;
    }
    return got;
}

static int raise_blocking(tn_ssize_t written)
{
    TnObject *a[3] = {tn_int_from_ssize(EAGAIN), tn_str_from_cstr("write could not complete without blocking"),
                      tn_int_from_ssize(written)};
    TnObject *exc = a[0] && a[1] && a[2] ? tn_call(TN_OBJ(&tn_exc_BlockingIOError), a, 3, NULL) : NULL;
    for (int i = 0; i < 3; i++)
        tn_xdecref(a[i]);
    if (exc != NULL)
        tn_err_restore(exc);
    return -1;
}

/* Pass the written data on to the raw stream.  0 / -1. */
static int flush_writes_locked(TnBuffered *b)
{
    tn_ssize_t done = 0;
    while (done < b->write_len) {
        tn_ssize_t n = raw_write_locked(b, b->buf + done, b->write_len - done);
        if (n < 0) {
            memmove(b->buf, b->buf + done, (size_t)(b->write_len - done));
            b->write_len -= done;
            return n == -2 ? raise_blocking(0) : -1;
        }
        done += n;
    }
    b->write_len = 0;
    return 0;
}

static TnObject *raw_seek_locked(TnBuffered *b, int64_t pos, int whence)
{
    TnObject *a[2] = {tn_int_from_i64(pos), tn_int_from_ssize(whence)};
    TnObject *r = a[0] && a[1] ? tn_call_method_cstr(b->raw, "seek", a, 2) : NULL;
    tn_xdecref(a[0]);
    tn_xdecref(a[1]);
    if (r != NULL && !tn_int_check(r)) {
        tn_decref(r);
        tn_err_set_str(&tn_exc_TypeError, "raw seek() should return an integer");
        return NULL;
    }
    return r;
}

static int64_t raw_tell_locked(TnBuffered *b)
{
    TnObject *r = tn_io_call0(b->raw, "tell");
    if (r == NULL)
        return -1;
    tn_ssize_t v = tn_number_as_ssize(r, &tn_exc_OverflowError);
    tn_decref(r);
    if (v == -1 && tn_err_occurred())
        return -1;
    if (v < 0) {
        tn_err_format(&tn_exc_OSError, "Raw stream returned invalid position %zd", v);
        return -1;
    }
    return v;
}

/* Forget the unread read-ahead, moving the raw stream back over it. */
static int drop_read_locked(TnBuffered *b)
{
    tn_ssize_t unread = b->read_end - b->pos;
    b->pos = b->read_end = 0;
    if (unread > 0) {
        TnObject *r = raw_seek_locked(b, -unread, 1);
        if (r == NULL)
            return -1;
        tn_decref(r);
    }
    return 0;
}

/* Refill the empty read buffer with one raw read: the count, -1, -2. */
static tn_ssize_t fill_locked(TnBuffered *b)
{
    b->pos = b->read_end = 0;
    tn_ssize_t n = raw_read_locked(b, b->buf, b->size);
    if (n > 0)
        b->read_end = n;
    return n;
}

/* ---- reading ------------------------------------------------------------------------ */

static TnObject *read_all_locked(TnBuffered *b)
{
    TnByteBuf out = {NULL, 0, 0};
    if (tn_bbuf_put(&out, b->buf + b->pos, b->read_end - b->pos) < 0)
        return NULL;
    b->pos = b->read_end = 0;
    TnObject *rest;
    TnObject *readall = NULL;
    if (tn_object_lookup_attr(b->raw, tn_str_intern_cstr("readall"), &readall) < 0)
        goto fail;
    if (readall != NULL) {
        rest = tn_call_noargs(readall);
        tn_decref(readall);
        if (rest == NULL)
            goto fail;
        if (rest == TN_NONE && out.len == 0) {
            tn_bbuf_free(&out);
            return rest;
        }
        if (rest != TN_NONE && !tn_bytes_check(rest)) {
            tn_decref(rest);
            tn_err_set_str(&tn_exc_TypeError, "readall() should return bytes");
            goto fail;
        }
        int r = rest != TN_NONE ? tn_bbuf_put(&out, tn_bytes_data(rest), tn_bytes_size(rest)) : 0;
        tn_decref(rest);
        if (r < 0)
            goto fail;
    } else {
        for (;;) {
            if (tn_bbuf_reserve(&out, b->size) < 0)
                goto fail;
            tn_ssize_t n = raw_read_locked(b, out.buf + out.len, b->size);
            if (n == -1)
                goto fail;
            if (n == -2 && out.len == 0) {
                tn_bbuf_free(&out);
                return tn_none_ref();
            }
            if (n <= 0)
                break;
            out.len += n;
        }
    }
    TnObject *res = tn_bytes_from_data(out.buf, out.len);
    tn_bbuf_free(&out);
    return res;
fail:
    tn_bbuf_free(&out);
    return NULL;
}

static TnObject *read_n_locked(TnBuffered *b, tn_ssize_t n)
{
    tn_ssize_t have = b->read_end - b->pos;
    if (n <= have) {
        TnObject *r = tn_bytes_from_data(b->buf + b->pos, n);
        if (r != NULL)
            b->pos += n;
        return r;
    }
    char *out = tn_mem_alloc((size_t)n + 1);
    if (out == NULL)
        return tn_err_no_memory();
    memcpy(out, b->buf + b->pos, (size_t)have);
    tn_ssize_t got = have;
    b->pos = b->read_end = 0;
    tn_ssize_t r = 0;
    while (got < n) {
        tn_ssize_t want = n - got;
        if (want >= b->size) {
            r = raw_read_locked(b, out + got, want);
            if (r > 0)
                got += r;
        } else {
            r = fill_locked(b);
            if (r > 0) {
                tn_ssize_t k = r < want ? r : want;
                memcpy(out + got, b->buf, (size_t)k);
                b->pos = k;
                got += k;
            }
        }
        if (r <= 0)
            break;
    }
    TnObject *res;
    if (r == -1)
        res = NULL;
    else if (r == -2 && got == 0)
        res = tn_none_ref();
    else
        res = tn_bytes_from_data(out, got);
    tn_mem_free(out);
    return res;
}

static TnObject *buffered_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    tn_ssize_t n;
    if (tn_args_no_kw("read", kwnames) < 0 || tn_args_count("read", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &n) < 0)
        return NULL;
    if (n < -1)
        return tn_err_set_str(&tn_exc_ValueError, "read length must be non-negative or -1"), NULL;
    if (check_init(b) < 0)
        return NULL;
    if (!b->readable)
        return tn_io_unsupported("read");
    if (enter(b) < 0)
        return NULL;
    TnObject *res = NULL;
    if (check_open_locked(b, "read of closed file") == 0 && flush_writes_locked(b) == 0)
        res = n < 0 ? read_all_locked(b) : read_n_locked(b, n);
    leave(b);
    return res;
}

static TnObject *buffered_read1(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    tn_ssize_t n;
    if (tn_args_no_kw("read1", kwnames) < 0 || tn_args_count("read1", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &n) < 0 || check_init(b) < 0)
        return NULL;
    if (!b->readable)
        return tn_io_unsupported("read1");
    if (n < 0)
        n = b->size;
    if (enter(b) < 0)
        return NULL;
    TnObject *res = NULL;
    if (check_open_locked(b, "read of closed file") == 0 && flush_writes_locked(b) == 0) {
        tn_ssize_t have = b->read_end - b->pos;
        if (have == 0 && n > 0) {
            if (n >= b->size) {
                char *out = tn_mem_alloc((size_t)n + 1);
                tn_ssize_t r = out != NULL ? raw_read_locked(b, out, n) : -1;
                if (out == NULL)
                    tn_err_no_memory();
                res = r == -1 ? NULL : tn_bytes_from_data(out, r < 0 ? 0 : r);
                tn_mem_free(out);
                goto done;
            }
            if (fill_locked(b) == -1)
                goto done;
            have = b->read_end - b->pos;
        }
        tn_ssize_t k = have < n ? have : n;
        res = tn_bytes_from_data(b->buf + b->pos, k);
        if (res != NULL)
            b->pos += k;
    }
done:
    leave(b);
    return res;
}

static TnObject *buffered_peek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (tn_args_no_kw("peek", kwnames) < 0 || tn_args_count("peek", nargs, 0, 1) < 0 || check_init(b) < 0)
        return NULL;
    if (!b->readable)
        return tn_io_unsupported("peek");
    if (enter(b) < 0)
        return NULL;
    TnObject *res = NULL;
    if (check_open_locked(b, "peek of closed file") == 0 && flush_writes_locked(b) == 0) {
        if (b->read_end - b->pos > 0 || fill_locked(b) != -1)
            res = tn_bytes_from_data(b->buf + b->pos, b->read_end - b->pos);
    }
    leave(b);
    return res;
}

static TnObject *readinto_common(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                                 const char *fname, TnObject *(*reader)(TnObject *, TnObject *const *, tn_ssize_t,
                                                                        TnObject *))
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 1) < 0)
        return NULL;
    TnObject *target = args[0];
    TnObject *base = tn_memoryview_check(target) ? tn_memoryview_base(target) : target;
    if (base == NULL || !tn_bytearray_check(base)
        || (tn_memoryview_check(target) && ((TnMemoryView *)target)->readonly))
        return tn_err_format(&tn_exc_TypeError, "%s() argument must be read-write bytes-like object, not %s",
                             fname, tn_type(target)->name);
    tn_ssize_t len = tn_object_length(target);
    if (len < 0)
        return NULL;
    TnObject *n = tn_int_from_ssize(len);
    TnObject *data = reader(self, &n, 1, NULL);
    tn_decref(n);
    if (data == NULL || data == TN_NONE)
        return data;
    tn_ssize_t got = tn_bytes_size(data);
    int r = tn_io_copy_into(target, tn_bytes_data(data), got);
    tn_decref(data);
    return r < 0 ? NULL : tn_int_from_ssize(got);
}

static TnObject *buffered_readinto(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return readinto_common(self, args, nargs, kwnames, "readinto", buffered_read);
}

static TnObject *buffered_readinto1(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return readinto_common(self, args, nargs, kwnames, "readinto1", buffered_read1);
}

static TnObject *buffered_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    tn_ssize_t limit;
    if (tn_args_no_kw("readline", kwnames) < 0 || tn_args_count("readline", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &limit) < 0 || check_init(b) < 0)
        return NULL;
    if (!b->readable)
        return tn_io_unsupported("readline");
    if (enter(b) < 0)
        return NULL;
    TnObject *res = NULL;
    TnByteBuf out = {NULL, 0, 0};
    if (check_open_locked(b, "readline of closed file") < 0 || flush_writes_locked(b) < 0)
        goto done;
    for (;;) {
        tn_ssize_t have = b->read_end - b->pos;
        if (limit >= 0 && have > limit - out.len)
            have = limit - out.len;
        const char *nl = have > 0 ? memchr(b->buf + b->pos, '\n', (size_t)have) : NULL;
        tn_ssize_t take = nl != NULL ? (nl - (b->buf + b->pos)) + 1 : have;
        if (tn_bbuf_put(&out, b->buf + b->pos, take) < 0)
            goto done;
        b->pos += take;
        if (nl != NULL || (limit >= 0 && out.len >= limit))
            break;
        tn_ssize_t r = fill_locked(b);
        if (r == -1)
            goto done;
        if (r <= 0)
            break;
    }
    res = tn_bytes_from_data(out.buf, out.len);
done:
    tn_bbuf_free(&out);
    leave(b);
    return res;
}

static TnObject *buffered_iternext(TnObject *self)
{
    TnObject *line = buffered_readline(self, NULL, 0, NULL);
    if (line != NULL && tn_bytes_size(line) == 0)
        TN_CLEAR(line);
    return line;
}

/* ---- writing ------------------------------------------------------------------------- */

static tn_ssize_t write_locked(TnBuffered *b, const char *d, tn_ssize_t n)
{
    if (b->read_end > 0 && drop_read_locked(b) < 0)
        return -1;
    if (b->write_len + n <= b->size) {
        memcpy(b->buf + b->write_len, d, (size_t)n);
        b->write_len += n;
        return n;
    }
    if (flush_writes_locked(b) < 0)
        return -1;
    if (n <= b->size) {
        memcpy(b->buf, d, (size_t)n);
        b->write_len = n;
        return n;
    }
    tn_ssize_t done = 0;
    while (done < n) {
        tn_ssize_t r = raw_write_locked(b, d + done, n - done);
        if (r == -1)
            return -1;
        if (r == -2)
            return raise_blocking(done);
        done += r;
    }
    return n;
}

static TnObject *buffered_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (tn_args_no_kw("write", kwnames) < 0 || tn_args_count("write", nargs, 1, 1) < 0 || check_init(b) < 0)
        return NULL;
    if (!b->writable)
        return tn_io_unsupported("write");
    TnBytesView v;
    int got = tn_bytes_view_copy(args[0], &v);
    if (got == 0)
        return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                             tn_type(args[0])->name);
    if (got < 0)
        return NULL;
    TnObject *res = NULL;
    if (enter(b) == 0) {
        if (check_open_locked(b, "write to closed file") == 0 && write_locked(b, v.d, v.n) >= 0)
            res = tn_int_from_ssize(v.n);
        leave(b);
    }
    tn_bytes_view_release(&v);
    return res;
}

/* flush: the written data, and for a readable stream the raw position
 * moved back to the logical one (CPython's flush_and_rewind). */
static int flush_locked(TnBuffered *b)
{
    if (flush_writes_locked(b) < 0)
        return -1;
    if (b->readable && b->writable)
        return drop_read_locked(b);
    return 0;
}

static TnObject *buffered_flush(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (enter(b) < 0)
        return NULL;
    int r = check_open_locked(b, "flush of closed file") == 0 && flush_locked(b) == 0 ? 0 : -1;
    leave(b);
    return r < 0 ? NULL : tn_none_ref();
}

/* ---- positioning --------------------------------------------------------------------- */

static TnObject *buffered_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (enter(b) < 0)
        return NULL;
    int64_t pos = raw_tell_locked(b);
    if (pos >= 0)
        pos = pos - (b->read_end - b->pos) + b->write_len;
    leave(b);
    if (pos < 0)
        return NULL;
    return tn_int_from_i64(pos < 0 ? 0 : pos);
}

static TnObject *buffered_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (tn_args_no_kw("seek", kwnames) < 0 || tn_args_count("seek", nargs, 1, 2) < 0 || check_init(b) < 0)
        return NULL;
    int whence = 0;
    if (nargs > 1 && tn_number_as_c_int(args[1], &whence) < 0)
        return NULL;
    /* SEEK_DATA (3) and SEEK_HOLE (4) go to the raw stream, as in CPython. */
    if (whence < 0 || whence > 4)
        return tn_err_format(&tn_exc_ValueError, "whence value %d unsupported", whence);
    if (tn_object_type_check(args[0], &tn_type_float))
        return tn_err_format(&tn_exc_TypeError, "an integer is required");
    tn_ssize_t target = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (target == -1 && tn_err_occurred())
        return NULL;
    if (enter(b) < 0)
        return NULL;
    TnObject *res = NULL;
    if (check_open_locked(b, "seek of closed file") < 0)
        goto done;
    if (whence < 2 && b->read_end > 0) {
        /* Inside the read-ahead: only move pos. */
        int64_t raw_pos = raw_tell_locked(b);
        if (raw_pos < 0)
            goto done;
        int64_t start = raw_pos - b->read_end;
        int64_t want = whence == 0 ? (int64_t)target : raw_pos - (b->read_end - b->pos) + target;
        if (want >= start && want <= raw_pos) {
            b->pos = (tn_ssize_t)(want - start);
            res = tn_int_from_i64(want);
            goto done;
        }
    }
    if (flush_writes_locked(b) < 0)
        goto done;
    if (whence == 1)
        target -= b->read_end - b->pos;
    b->pos = b->read_end = 0;
    res = raw_seek_locked(b, target, whence);
done:
    leave(b);
    return res;
}

static TnObject *buffered_truncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (tn_args_no_kw("truncate", kwnames) < 0 || tn_args_count("truncate", nargs, 0, 1) < 0 || check_init(b) < 0)
        return NULL;
    if (!b->writable)
        return tn_io_unsupported("truncate");
    if (enter(b) < 0)
        return NULL;
    TnObject *res = NULL;
    if (check_open_locked(b, "truncate of closed file") == 0 && flush_writes_locked(b) == 0
        && drop_read_locked(b) == 0) {
        TnObject *pos = nargs > 0 ? args[0] : TN_NONE;
        res = tn_io_call1(b->raw, "truncate", pos);
    }
    leave(b);
    return res;
}

/* ---- closing, detaching -------------------------------------------------------------- */

static TnObject *buffered_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (enter(b) < 0)
        return NULL;
    int c = raw_closed(b);
    if (c != 0) {
        leave(b);
        return c < 0 ? NULL : tn_none_ref();
    }
    int fr = flush_writes_locked(b);
    TnObject *saved = fr < 0 ? tn_err_fetch() : NULL;
    b->pos = b->read_end = b->write_len = 0;
    TnObject *r = tn_io_call0(b->raw, "close");
    leave(b);
    if (r == NULL) {
        if (saved != NULL) {
            TnObject *exc = tn_err_fetch();
            tn_err_chain_to(exc, saved);
            tn_decref(saved);
            tn_err_restore(exc);
        }
        return NULL;
    }
    tn_decref(r);
    if (saved != NULL) {
        tn_err_restore(saved);
        return NULL;
    }
    return tn_none_ref();
}

static TnObject *buffered_detach(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBuffered *b = BUF(self);
    if (enter(b) < 0)
        return NULL;
    int r = flush_locked(b);
    TnObject *raw = NULL;
    if (r == 0) {
        raw = b->raw;
        b->raw = NULL;
        b->ok = 0;
        b->detached = 1;
    }
    leave(b);
    return raw;
}

/* ---- delegated to the raw stream ---------------------------------------------------- */

static TnObject *delegate(TnObject *self, const char *name)
{
    TnBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return tn_io_call0(b->raw, name);
}

static TnObject *buffered_fileno(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "fileno"); }
static TnObject *buffered_isatty(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "isatty"); }
static TnObject *buffered_seekable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "seekable"); }
static TnObject *buffered_readable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "readable"); }
static TnObject *buffered_writable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "writable"); }

static TnObject *getattr_raw(TnObject *self, const char *name)
{
    TnBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return tn_object_getattr_cstr(b->raw, name);
}

static TnObject *buffered_get_closed(TnObject *self, void *c) { return getattr_raw(self, "closed"); }
static TnObject *buffered_get_name(TnObject *self, void *c) { return getattr_raw(self, "name"); }
static TnObject *buffered_get_mode(TnObject *self, void *c) { return getattr_raw(self, "mode"); }

static TnObject *buffered_get_raw(TnObject *self, void *c)
{
    TnBuffered *b = BUF(self);
    if (check_init(b) < 0)
        return NULL;
    return tn_newref(b->raw);
}

static TnObject *buffered_repr(TnObject *self)
{
    TnBuffered *b = BUF(self);
    const char *tname = tn_type(self)->name;
    if (!b->ok)
        return tn_str_from_format("<%s>", tname);
    TnObject *name = tn_object_getattr_cstr(b->raw, "name");
    if (name == NULL) {
        if (!tn_err_matches(&tn_exc_ValueError) && !tn_err_matches(&tn_exc_AttributeError))
            return NULL;
        tn_err_clear();
        return tn_str_from_format("<%s>", tname);
    }
    TnObject *r = tn_str_from_format("<%s name=%R>", tname, name);
    tn_decref(name);
    return r;
}

/* ---- construction -------------------------------------------------------------------- */

static int check_raw_flag(TnObject *raw, const char *meth, const char *msg)
{
    TnObject *r = tn_io_call0(raw, meth);
    if (r == NULL)
        return -1;
    int t = tn_object_is_true(r);
    tn_decref(r);
    if (t == 0)
        tn_io_unsupported(msg);
    return t > 0 ? 0 : -1;
}

static int buffered_init(TnBuffered *b, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames, const char *fname,
                         bool readable, bool writable)
{
    static const char *const names[] = {"raw", "buffer_size", NULL};
    TnObject *out[2];
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 1, out) < 0)
        return -1;
    tn_ssize_t size = TN_IO_DEFAULT_BUFFER_SIZE;
    if (out[1] != NULL && (size = tn_number_as_ssize(out[1], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return -1;
    TnObject *raw = out[0];
    if (writable && readable && check_raw_flag(raw, "seekable", "File or stream is not seekable.") < 0)
        return -1;
    if (readable && check_raw_flag(raw, "readable", "File or stream is not readable.") < 0)
        return -1;
    if (writable && check_raw_flag(raw, "writable", "File or stream is not writable.") < 0)
        return -1;
    if (size <= 0) {
        tn_err_set_str(&tn_exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    char *buf = tn_mem_alloc((size_t)size);
    if (buf == NULL) {
        tn_err_no_memory();
        return -1;
    }
    b->ok = 0;
    tn_mem_free(b->buf);
    b->buf = buf;
    b->size = size;
    b->pos = b->read_end = b->write_len = 0;
    tn_field_replace_steal(&b->raw, tn_newref(raw));
    b->readable = readable;
    b->writable = writable;
    b->fast = tn_type_check_exact(raw, &tn_io_fileio_type);
    b->detached = 0;
    b->ok = 1;
    return 0;
}

static TnObject *reader_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return buffered_init(BUF(self), args, nargs, kwnames, "BufferedReader", true, false) < 0 ? NULL : tn_none_ref();
}

static TnObject *writer_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return buffered_init(BUF(self), args, nargs, kwnames, "BufferedWriter", false, true) < 0 ? NULL : tn_none_ref();
}

static TnObject *random_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return buffered_init(BUF(self), args, nargs, kwnames, "BufferedRandom", true, true) < 0 ? NULL : tn_none_ref();
}

static TnObject *reader_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_finish_new(tn_object_new(type, (size_t)type->basicsize), reader_init, args, nargs, kwnames);
}

static TnObject *writer_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_finish_new(tn_object_new(type, (size_t)type->basicsize), writer_init, args, nargs, kwnames);
}

static TnObject *random_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_finish_new(tn_object_new(type, (size_t)type->basicsize), random_init, args, nargs, kwnames);
}

static void buffered_dealloc(TnObject *self)
{
    TnBuffered *b = BUF(self);
    TN_CLEAR(b->raw);
    tn_mem_free(b->buf);
    tn_io_dealloc_head(self);
}

static int buffered_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(BUF(self)->raw);
    return tn_io_traverse(self, visit, arg);
}

static int buffered_clear(TnObject *self)
{
    BUF(self)->ok = 0;
    tn_field_replace_steal(&BUF(self)->raw, NULL);
    return tn_io_clear_dict(self);
}

#define COMMON_METHODS \
    {"close", buffered_close, 0, NULL}, \
    {"detach", buffered_detach, 0, NULL}, \
    {"flush", buffered_flush, 0, NULL}, \
    {"seek", buffered_seek, 0, NULL}, \
    {"tell", buffered_tell, 0, NULL}, \
    {"truncate", buffered_truncate, 0, NULL}, \
    {"fileno", buffered_fileno, 0, NULL}, \
    {"isatty", buffered_isatty, 0, NULL}, \
    {"seekable", buffered_seekable, 0, NULL}

#define READ_METHODS \
    {"read", buffered_read, 0, NULL}, \
    {"read1", buffered_read1, 0, NULL}, \
    {"peek", buffered_peek, 0, NULL}, \
    {"readinto", buffered_readinto, 0, NULL}, \
    {"readinto1", buffered_readinto1, 0, NULL}, \
    {"readline", buffered_readline, 0, NULL}, \
    {"readable", buffered_readable, 0, NULL}

static const TnMethodDef reader_methods[] = {
    {"__init__", reader_init, 0, NULL}, COMMON_METHODS, READ_METHODS, {NULL, NULL, 0, NULL},
};
static const TnMethodDef writer_methods[] = {
    {"__init__", writer_init, 0, NULL}, COMMON_METHODS, {"write", buffered_write, 0, NULL},
    {"writable", buffered_writable, 0, NULL}, {NULL, NULL, 0, NULL},
};
static const TnMethodDef random_methods[] = {
    {"__init__", random_init, 0, NULL}, COMMON_METHODS, READ_METHODS, {"write", buffered_write, 0, NULL},
    {"writable", buffered_writable, 0, NULL}, {NULL, NULL, 0, NULL},
};

static const TnGetSetDef buffered_getsets[] = {
    {"closed", buffered_get_closed, NULL, NULL, NULL},
    {"name", buffered_get_name, NULL, NULL, NULL},
    {"mode", buffered_get_mode, NULL, NULL, NULL},
    {"raw", buffered_get_raw, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(var, tname, meths, new__, iternext_, docstr) \
    TnType var = { \
        .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type), \
        .name = tname, \
        .base = &tn_io_bufferediobase_type, \
        .basicsize = sizeof(TnBuffered), \
        .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC, \
        .dealloc = buffered_dealloc, \
        .traverse = buffered_traverse, \
        .clear = buffered_clear, \
        .finalize = tn_io_finalize, \
        .repr = buffered_repr, \
        .iternext = iternext_, \
        .new_ = new__, \
        .methods = meths, \
        .getsets = buffered_getsets, \
        .dictoffset = offsetof(TnIOObject, dict), \
        .weaklistoffset = offsetof(TnIOObject, weaklist), \
        .doc = docstr, \
    }

BUFFERED_TYPE(tn_io_bufferedreader_type, "_io.BufferedReader", reader_methods, reader_new, buffered_iternext,
              "Create a new buffered reader using the given readable raw IO object.");
BUFFERED_TYPE(tn_io_bufferedwriter_type, "_io.BufferedWriter", writer_methods, writer_new, NULL,
              "A buffer for a writeable sequential RawIO object.");
BUFFERED_TYPE(tn_io_bufferedrandom_type, "_io.BufferedRandom", random_methods, random_new, buffered_iternext,
              "A buffered interface to random access streams.");

/* ---- BufferedRWPair ------------------------------------------------------------------- */

typedef struct TnRWPair {
    TnIOObject head;
    TnObject *reader, *writer;   /* a BufferedReader and a BufferedWriter */
} TnRWPair;

#define PAIR(o) ((TnRWPair *)(o))

static TnObject *pair_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("BufferedRWPair", kwnames) < 0 || tn_args_count("BufferedRWPair", nargs, 2, 3) < 0)
        return NULL;
    TnObject *ra[2] = {args[0], nargs > 2 ? args[2] : NULL};
    TnObject *reader = tn_call(TN_OBJ(&tn_io_bufferedreader_type), ra, nargs > 2 ? 2 : 1, NULL);
    if (reader == NULL)
        return NULL;
    TnObject *wa[2] = {args[1], nargs > 2 ? args[2] : NULL};
    TnObject *writer = tn_call(TN_OBJ(&tn_io_bufferedwriter_type), wa, nargs > 2 ? 2 : 1, NULL);
    if (writer == NULL) {
        tn_decref(reader);
        return NULL;
    }
    tn_field_replace_steal(&PAIR(self)->reader, reader);
    tn_field_replace_steal(&PAIR(self)->writer, writer);
    return tn_none_ref();
}

static TnObject *pair_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_finish_new(tn_object_new(type, (size_t)type->basicsize), pair_init, args, nargs, kwnames);
}

static TnObject *pair_side(TnObject *self, bool writer)
{
    TnObject *o = writer ? PAIR(self)->writer : PAIR(self)->reader;
    if (o == NULL)
        tn_err_set_str(&tn_exc_ValueError, "I/O operation on uninitialized object");
    return o;
}

static TnObject *pair_forward(TnObject *self, bool writer, const char *name, TnObject *const *args, tn_ssize_t nargs)
{
    TnObject *o = pair_side(self, writer);
    return o != NULL ? tn_call_method_cstr(o, name, args, nargs) : NULL;
}

#define PAIR_METHOD(fn, side, name) \
    static TnObject *fn(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames) \
    { \
        if (tn_args_no_kw(name, kwnames) < 0) \
            return NULL; \
        return pair_forward(self, side, name, args, nargs); \
    }

PAIR_METHOD(pair_read, false, "read")
PAIR_METHOD(pair_peek, false, "peek")
PAIR_METHOD(pair_read1, false, "read1")
PAIR_METHOD(pair_readinto, false, "readinto")
PAIR_METHOD(pair_readinto1, false, "readinto1")
PAIR_METHOD(pair_readable, false, "readable")
PAIR_METHOD(pair_write, true, "write")
PAIR_METHOD(pair_flush, true, "flush")
PAIR_METHOD(pair_writable, true, "writable")

static TnObject *pair_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *r = pair_forward(self, true, "close", NULL, 0);
    TnObject *saved = r == NULL ? tn_err_fetch() : NULL;
    tn_xdecref(r);
    r = pair_forward(self, false, "close", NULL, 0);
    if (saved != NULL) {
        if (r == NULL) {
            TnObject *exc = tn_err_fetch();
            tn_err_chain_to(exc, saved);
            tn_decref(saved);
            tn_err_restore(exc);
        } else {
            tn_decref(r);
            tn_err_restore(saved);
        }
        return NULL;
    }
    return r;
}

static TnObject *pair_isatty(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *r = pair_forward(self, true, "isatty", NULL, 0);
    if (r != TN_TRUE && r != NULL) {
        tn_decref(r);
        return pair_forward(self, false, "isatty", NULL, 0);
    }
    return r;
}

static TnObject *pair_get_closed(TnObject *self, void *c)
{
    TnObject *w = pair_side(self, true);
    return w != NULL ? tn_object_getattr_cstr(w, "closed") : NULL;
}

static void pair_dealloc(TnObject *self)
{
    TN_CLEAR(PAIR(self)->reader);
    TN_CLEAR(PAIR(self)->writer);
    tn_io_dealloc_head(self);
}

static int pair_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(PAIR(self)->reader);
    TN_VISIT(PAIR(self)->writer);
    return tn_io_traverse(self, visit, arg);
}

static int pair_clear(TnObject *self)
{
    tn_field_replace_steal(&PAIR(self)->reader, NULL);
    tn_field_replace_steal(&PAIR(self)->writer, NULL);
    return tn_io_clear_dict(self);
}

static const TnMethodDef pair_methods[] = {
    {"__init__", pair_init, 0, NULL},
    {"read", pair_read, 0, NULL},
    {"peek", pair_peek, 0, NULL},
    {"read1", pair_read1, 0, NULL},
    {"readinto", pair_readinto, 0, NULL},
    {"readinto1", pair_readinto1, 0, NULL},
    {"write", pair_write, 0, NULL},
    {"flush", pair_flush, 0, NULL},
    {"readable", pair_readable, 0, NULL},
    {"writable", pair_writable, 0, NULL},
    {"close", pair_close, 0, NULL},
    {"isatty", pair_isatty, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef pair_getsets[] = {
    {"closed", pair_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_io_bufferedrwpair_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_io.BufferedRWPair",
    .base = &tn_io_bufferediobase_type,
    .basicsize = sizeof(TnRWPair),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = pair_dealloc,
    .traverse = pair_traverse,
    .clear = pair_clear,
    .finalize = tn_io_finalize,
    .new_ = pair_new,
    .methods = pair_methods,
    .getsets = pair_getsets,
    .dictoffset = offsetof(TnIOObject, dict),
    .weaklistoffset = offsetof(TnIOObject, weaklist),
    .doc = "A buffered reader and writer object together.",
};
