/* core/modules/io_bytesio.c — _io.BytesIO: a binary stream over an
 * in-memory buffer.  Design: docs/io.md.
 *
 * The bytes live in a bytearray the object owns (its size is the stream's
 * size), so getbuffer() is a memoryview of that bytearray: writes through
 * the view change the stream, and while a view exists the bytearray's
 * export count blocks every resize, as CPython's BytesIO blocks it.
 *
 * Threads.  Every operation runs in the critical sections of the object
 * and of its bytearray (bio_run): nothing here blocks. */
#include "core/modules/io_internal.h"

typedef struct TnBytesIO {
    TnIOObject head;
    TnObject *ba;        /* the bytearray holding the bytes; NULL once closed */
    tn_ssize_t pos;
} TnBytesIO;

#define BIO(o) ((TnBytesIO *)(o))
#define BA(b) ((TnByteArray *)(b)->ba)

/* The bytearray, read without the section (closed tests). */
static TnObject *bio_ba(TnObject *self) { return tn_atomic_load_ptr((void *const *)&BIO(self)->ba); }

static void bio_set_ba_lock_held(TnBytesIO *b, TnObject *ba)
{
    tn_critical_section_assert_held(TN_OBJ(b));
    tn_atomic_store_ptr_release((void **)&b->ba, ba);
}

static int check_closed_lock_held(TnBytesIO *b)
{
    tn_critical_section_assert_held(TN_OBJ(b));
    if (b->ba == NULL) {
        tn_io_closed_error();
        return -1;
    }
    return 0;
}

static int check_exports_lock_held(TnBytesIO *b)
{
    tn_critical_section_assert_held(TN_OBJ(b));
    if (b->ba != NULL && BA(b)->exports > 0) {
        tn_err_set_str(&tn_exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

/* bytes[pos:pos+n] (clipped), advancing pos. */
static TnObject *read_lock_held(TnBytesIO *b, tn_ssize_t n)
{
    tn_critical_section_assert_held(TN_OBJ(b));
    if (check_closed_lock_held(b) < 0)
        return NULL;
    tn_ssize_t size = BA(b)->size;
    tn_ssize_t avail = b->pos < size ? size - b->pos : 0;
    if (n < 0 || n > avail)
        n = avail;
    TnObject *r = tn_bytes_from_data(n > 0 ? BA(b)->data + b->pos : "", n);
    if (r != NULL)
        b->pos += n;
    return r;
}

static TnObject *readline_lock_held(TnBytesIO *b, tn_ssize_t limit)
{
    tn_critical_section_assert_held(TN_OBJ(b));
    if (check_closed_lock_held(b) < 0)
        return NULL;
    tn_ssize_t size = BA(b)->size;
    tn_ssize_t avail = b->pos < size ? size - b->pos : 0;
    if (limit >= 0 && limit < avail)
        avail = limit;
    const char *start = BA(b)->data + b->pos;
    const char *nl = avail > 0 ? memchr(start, '\n', (size_t)avail) : NULL;
    tn_ssize_t n = nl != NULL ? nl - start + 1 : avail;
    TnObject *r = tn_bytes_from_data(n > 0 ? start : "", n);
    if (r != NULL)
        b->pos += n;
    return r;
}

static tn_ssize_t write_lock_held(TnBytesIO *b, const char *d, tn_ssize_t n)
{
    tn_critical_section_assert_held(TN_OBJ(b));
    if (check_closed_lock_held(b) < 0 || check_exports_lock_held(b) < 0)
        return -1;
    if (n == 0)
        return 0;
    tn_ssize_t size = BA(b)->size, end = b->pos + n;
    if (end > size) {
        if (tn_bytearray_resize_lock_held(BA(b), end) < 0)
            return -1;
        if (b->pos > size)
            memset(BA(b)->data + size, 0, (size_t)(b->pos - size));
    }
    memcpy(BA(b)->data + b->pos, d, (size_t)n);
    b->pos = end;
    return n;
}

/* Run op(b, arg) in the critical sections of the object and of its
 * bytearray.  The bytearray is held by a reference across it: taking the
 * second section may let the first go for a while (threading/
 * critical_section.h), and close() may drop the bytearray meanwhile; then
 * the stream is closed for op.  op's result, or NULL. */
typedef TnObject *(*BioOp)(TnBytesIO *b, void *arg);

static TnObject *bio_run(TnObject *self, BioOp op, void *arg)
{
    TnObject *ba;
    TN_BEGIN_CRITICAL_SECTION(self);
    ba = BIO(self)->ba != NULL ? tn_newref(BIO(self)->ba) : NULL;
    TN_END_CRITICAL_SECTION();
    if (ba == NULL)
        return tn_io_closed_error();
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION2(self, ba);
    r = BIO(self)->ba == ba ? op(BIO(self), arg) : tn_io_closed_error();
    TN_END_CRITICAL_SECTION2();
    tn_decref(ba);
    return r;
}

static TnObject *op_read(TnBytesIO *b, void *n) { return read_lock_held(b, *(tn_ssize_t *)n); }
static TnObject *op_readline(TnBytesIO *b, void *n) { return readline_lock_held(b, *(tn_ssize_t *)n); }

static TnObject *op_write(TnBytesIO *b, void *view)
{
    TnBytesView *v = view;
    tn_ssize_t n = write_lock_held(b, v->d, v->n);
    return n < 0 ? NULL : tn_int_from_ssize(n);
}

static TnObject *op_getvalue(TnBytesIO *b, void *unused)
{
    tn_critical_section_assert_held(TN_OBJ(b));
    return tn_bytes_from_data(BA(b)->size > 0 ? BA(b)->data : "", BA(b)->size);
}

/* truncate(size): TN_BYTES_MAX stands for "at the position". */
static TnObject *op_truncate(TnBytesIO *b, void *sizep)
{
    tn_ssize_t size = *(tn_ssize_t *)sizep;
    if (size == TN_BYTES_MAX)
        size = b->pos;
    if (check_exports_lock_held(b) < 0)
        return NULL;
    if (size < 0)
        return tn_err_format(&tn_exc_ValueError, "negative size value %zd", size);
    if (size < BA(b)->size && tn_bytearray_resize_lock_held(BA(b), size) < 0)
        return NULL;
    return tn_int_from_ssize(size);
}

/* ---- methods --------------------------------------------------------------------- */

static TnObject *bytesio_read_common(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                                     const char *fname, bool line)
{
    tn_ssize_t n;
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &n) < 0)
        return NULL;
    return bio_run(self, line ? op_readline : op_read, &n);
}

static TnObject *bytesio_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return bytesio_read_common(self, args, nargs, kwnames, "read", false);
}

static TnObject *bytesio_read1(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return bytesio_read_common(self, args, nargs, kwnames, "read1", false);
}

static TnObject *bytesio_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return bytesio_read_common(self, args, nargs, kwnames, "readline", true);
}

static TnObject *bytesio_iternext(TnObject *self)
{
    TnObject *line = bytesio_readline(self, NULL, 0, NULL);
    if (line != NULL && tn_bytes_size(line) == 0)
        TN_CLEAR(line);
    return line;
}

static TnObject *bytesio_readlines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t hint;
    if (tn_args_no_kw("readlines", kwnames) < 0 || tn_args_count("readlines", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &hint) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    tn_ssize_t total = 0;
    while (list != NULL) {
        TnObject *line = bytesio_readline(self, NULL, 0, NULL);
        if (line == NULL) {
            TN_CLEAR(list);
            break;
        }
        tn_ssize_t n = tn_bytes_size(line);
        if (n == 0) {
            tn_decref(line);
            break;
        }
        if (tn_list_append_steal(list, line) < 0)
            TN_CLEAR(list);
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static TnObject *bytesio_readinto(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("readinto", kwnames) < 0 || tn_args_count("readinto", nargs, 1, 1) < 0)
        return NULL;
    TnObject *target = args[0];
    TnObject *base = tn_memoryview_check(target) ? tn_memoryview_base(target) : target;
    if (base == NULL || !tn_bytearray_check(base)
        || (tn_memoryview_check(target) && ((TnMemoryView *)target)->readonly))
        return tn_err_format(&tn_exc_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
                             tn_type(target)->name);
    tn_ssize_t len = tn_object_length(target);
    if (len < 0)
        return NULL;
    TnObject *n = tn_int_from_ssize(len);
    TnObject *data = bytesio_read(self, &n, 1, NULL);
    tn_decref(n);
    if (data == NULL)
        return NULL;
    tn_ssize_t got = tn_bytes_size(data);
    int r = tn_io_copy_into(target, tn_bytes_data(data), got);
    tn_decref(data);
    return r < 0 ? NULL : tn_int_from_ssize(got);
}

static TnObject *bytesio_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("write", kwnames) < 0 || tn_args_count("write", nargs, 1, 1) < 0)
        return NULL;
    TnBytesView v;
    int got = tn_bytes_view_copy(args[0], &v);
    if (got == 0)
        return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                             tn_type(args[0])->name);
    if (got < 0)
        return NULL;
    TnObject *r = bio_run(self, op_write, &v);
    tn_bytes_view_release(&v);
    return r;
}

static TnObject *bytesio_writelines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("writelines", kwnames) < 0 || tn_args_count("writelines", nargs, 1, 1) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    TnObject *line;
    while ((line = tn_iter_next(it)) != NULL) {
        TnObject *r = bytesio_write(self, &line, 1, NULL);
        tn_decref(line);
        if (r == NULL) {
            tn_decref(it);
            return NULL;
        }
        tn_decref(r);
    }
    tn_decref(it);
    return tn_err_occurred() ? NULL : tn_none_ref();
}

static TnObject *bytesio_getvalue(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("getvalue", kwnames) < 0 || tn_args_count("getvalue", nargs, 0, 0) < 0)
        return NULL;
    return bio_run(self, op_getvalue, NULL);
}

static TnObject *bytesio_getbuffer(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("getbuffer", kwnames) < 0 || tn_args_count("getbuffer", nargs, 0, 0) < 0)
        return NULL;
    TnObject *ba;
    TN_BEGIN_CRITICAL_SECTION(self);
    ba = BIO(self)->ba != NULL ? tn_newref(BIO(self)->ba) : NULL;
    TN_END_CRITICAL_SECTION();
    if (ba == NULL)
        return tn_io_closed_error();
    TnObject *view = tn_memoryview_new(ba);
    tn_decref(ba);
    return view;
}

static TnObject *bytesio_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("tell", kwnames) < 0 || tn_args_count("tell", nargs, 0, 0) < 0)
        return NULL;
    tn_ssize_t pos;
    TN_BEGIN_CRITICAL_SECTION(self);
    pos = BIO(self)->ba == NULL ? -1 : BIO(self)->pos;
    TN_END_CRITICAL_SECTION();
    return pos < 0 ? tn_io_closed_error() : tn_int_from_ssize(pos);
}

static TnObject *bytesio_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("seek", kwnames) < 0 || tn_args_count("seek", nargs, 1, 2) < 0)
        return NULL;
    tn_ssize_t pos = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (pos == -1 && tn_err_occurred())
        return NULL;
    int whence = 0;
    if (nargs > 1 && tn_number_as_c_int(args[1], &whence) < 0)
        return NULL;
    TnObject *r = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnBytesIO *b = BIO(self);
    if (b->ba == NULL) {
        tn_io_closed_error();
    } else if (whence < 0 || whence > 2) {
        tn_err_format(&tn_exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    } else if (pos < 0 && whence == 0) {
        tn_err_format(&tn_exc_ValueError, "negative seek value %zd", pos);
    } else {
        if (whence == 1)
            pos = b->pos > TN_BYTES_MAX - pos ? TN_BYTES_MAX : b->pos + pos;
        else if (whence == 2)
            pos = tn_atomic_load_intptr_relaxed(&BA(b)->size) + pos;
        b->pos = pos < 0 ? 0 : pos;
        r = tn_int_from_ssize(b->pos);
    }
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *bytesio_truncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("truncate", kwnames) < 0 || tn_args_count("truncate", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t size = TN_BYTES_MAX;   /* none given: the position */
    if (nargs > 0 && args[0] != TN_NONE && tn_io_size_arg(args, nargs, &size) < 0)
        return NULL;
    return bio_run(self, op_truncate, &size);
}

static TnObject *bytesio_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("close", kwnames) < 0 || tn_args_count("close", nargs, 0, 0) < 0)
        return NULL;
    TnObject *old = NULL;
    int r = 0;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnBytesIO *b = BIO(self);
    if (b->ba != NULL && tn_atomic_load_intptr_relaxed(&BA(b)->exports) > 0) {
        tn_err_set_str(&tn_exc_BufferError, "Existing exports of data: object cannot be re-sized");
        r = -1;
    } else {
        old = b->ba;
        bio_set_ba_lock_held(b, NULL);
    }
    TN_END_CRITICAL_SECTION();
    tn_xdecref(old);
    return r < 0 ? NULL : tn_none_ref();
}

static TnObject *check_open_true(TnObject *self)
{
    if (bio_ba(self) == NULL)
        return tn_io_closed_error();
    return tn_bool_from(1);
}

static TnObject *bytesio_true(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return check_open_true(self); }

static TnObject *bytesio_flush(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (bio_ba(self) == NULL)
        return tn_io_closed_error();
    return tn_none_ref();
}

static TnObject *bytesio_isatty(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (bio_ba(self) == NULL)
        return tn_io_closed_error();
    return tn_bool_from(0);
}

static TnObject *bytesio_get_closed(TnObject *self, void *c)
{
    return tn_bool_from(bio_ba(self) == NULL);
}

static TnObject *bytesio_iter(TnObject *self)
{
    if (bio_ba(self) == NULL)
        return tn_io_closed_error();
    return tn_newref(self);
}

static TnObject *bytesio_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"initial_bytes", NULL};
    TnObject *out[1];
    if (tn_args_parse("BytesIO", args, nargs, kwnames, names, 0, 0, out) < 0)
        return NULL;
    TnBytesView v = {"", 0, NULL};
    if (out[0] != NULL && out[0] != TN_NONE) {
        int got = tn_bytes_view_copy(out[0], &v);
        if (got == 0)
            return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                                 tn_type(out[0])->name);
        if (got < 0)
            return NULL;
    }
    TnObject *ba = tn_bytearray_from_data(v.d, v.n);
    tn_bytes_view_release(&v);
    if (ba == NULL)
        return NULL;
    TnObject *old;
    int r = 0;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnBytesIO *b = BIO(self);
    if (b->ba != NULL && tn_atomic_load_intptr_relaxed(&BA(b)->exports) > 0) {
        tn_err_set_str(&tn_exc_BufferError, "Existing exports of data: object cannot be re-sized");
        r = -1;
        old = ba;
    } else {
        old = b->ba;
        bio_set_ba_lock_held(b, ba);
        b->pos = 0;
    }
    TN_END_CRITICAL_SECTION();
    tn_xdecref(old);
    return r < 0 ? NULL : tn_none_ref();
}

static TnObject *bytesio_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBytesIO *b = (TnBytesIO *)tn_object_new(type, (size_t)type->basicsize);
    if (b == NULL)
        return NULL;
    b->ba = tn_bytearray_from_data(NULL, 0);
    if (b->ba == NULL) {
        tn_decref(TN_OBJ(b));
        return NULL;
    }
    return tn_io_finish_new(TN_OBJ(b), bytesio_init, args, nargs, kwnames);
}

static void bytesio_dealloc(TnObject *self)
{
    TN_CLEAR(BIO(self)->ba);
    tn_io_dealloc_head(self);
}

static const TnMethodDef bytesio_methods[] = {
    {"__init__", bytesio_init, 0, NULL},
    {"read", bytesio_read, 0, NULL},
    {"read1", bytesio_read1, 0, NULL},
    {"readline", bytesio_readline, 0, NULL},
    {"readlines", bytesio_readlines, 0, NULL},
    {"readinto", bytesio_readinto, 0, NULL},
    {"readinto1", bytesio_readinto, 0, NULL},
    {"write", bytesio_write, 0, NULL},
    {"writelines", bytesio_writelines, 0, NULL},
    {"getvalue", bytesio_getvalue, 0, NULL},
    {"getbuffer", bytesio_getbuffer, 0, NULL},
    {"tell", bytesio_tell, 0, NULL},
    {"seek", bytesio_seek, 0, NULL},
    {"truncate", bytesio_truncate, 0, NULL},
    {"close", bytesio_close, 0, NULL},
    {"readable", bytesio_true, 0, NULL},
    {"writable", bytesio_true, 0, NULL},
    {"seekable", bytesio_true, 0, NULL},
    {"flush", bytesio_flush, 0, NULL},
    {"isatty", bytesio_isatty, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef bytesio_getsets[] = {
    {"closed", bytesio_get_closed, NULL, "True if the file is closed.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_io_bytesio_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_io.BytesIO",
    .base = &tn_io_bufferediobase_type,
    .basicsize = sizeof(TnBytesIO),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = bytesio_dealloc,
    .traverse = tn_io_traverse,
    .clear = tn_io_clear_dict,
    .iter = bytesio_iter,
    .iternext = bytesio_iternext,
    .new_ = bytesio_new,
    .methods = bytesio_methods,
    .getsets = bytesio_getsets,
    .dictoffset = offsetof(TnIOObject, dict),
    .weaklistoffset = offsetof(TnIOObject, weaklist),
    .doc = "Buffered I/O implementation using an in-memory bytes buffer.",
};
