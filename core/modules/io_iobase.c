/* core/modules/io_iobase.c — the abstract bases of the _io module: _IOBase,
 * _RawIOBase, _BufferedIOBase and _TextIOBase (the classes io.py's ABCs
 * derive from), and the helpers every _io type shares.  Design: docs/io.md.
 *
 * As in CPython, the bases implement their methods through the concrete
 * ones by name (readline through peek/read, tell through seek, read
 * through readinto ...), so a Python subclass that defines only the
 * primitives gets the rest. */
#include "core/modules/io_internal.h"
#include "threading/tstate.h"

TnObject *tn_io_unsupported_operation;

TnObject *tn_io_unsupported(const char *msg)
{
    TnObject *m = tn_str_from_cstr(msg);
    if (m == NULL)
        return NULL;
    TnObject *exc = tn_call_one(tn_io_unsupported_operation, m);
    tn_decref(m);
    if (exc != NULL)
        tn_err_restore(exc);
    return NULL;
}

TnObject *tn_io_closed_error(void)
{
    tn_err_set_str(&tn_exc_ValueError, "I/O operation on closed file.");
    return NULL;
}

TnObject *tn_io_call0(TnObject *obj, const char *name)
{
    return tn_call_method_cstr(obj, name, NULL, 0);
}

TnObject *tn_io_call1(TnObject *obj, const char *name, TnObject *arg)
{
    return tn_call_method_cstr(obj, name, &arg, 1);
}

int tn_io_is_closed(TnObject *self)
{
    TnObject *c = tn_object_getattr_cstr(self, "closed");
    if (c == NULL)
        return -1;
    int r = tn_object_is_true(c);
    tn_decref(c);
    return r;
}

int tn_io_check_closed(TnObject *self)
{
    int c = tn_io_is_closed(self);
    if (c > 0)
        tn_io_closed_error();
    return c != 0 ? -1 : 0;
}

int tn_io_size_arg(TnObject *const *args, tn_ssize_t nargs, tn_ssize_t *out)
{
    *out = -1;
    if (nargs == 0 || args[0] == TN_NONE)
        return 0;
    if (!tn_int_check(args[0]) && tn_type(args[0])->as_number == NULL) {
        tn_err_format(&tn_exc_TypeError, "argument should be integer or None, not '%s'", tn_type(args[0])->name);
        return -1;
    }
    if (tn_object_type_check(args[0], &tn_type_float)) {
        tn_err_format(&tn_exc_TypeError, "argument should be integer or None, not '%s'", tn_type(args[0])->name);
        return -1;
    }
    *out = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    return *out == -1 && tn_err_occurred() ? -1 : 0;
}

int tn_io_lock(TnIOLock *l, TnObject *self)
{
    uintptr_t me = tn_thread_id();
    if (tn_atomic_load_uintptr_relaxed(&l->owner) == me) {
        tn_err_format(&tn_exc_RuntimeError, "reentrant call inside %R", self);
        return -1;
    }
    if (!tn_mutex_trylock(&l->mutex)) {
        /* The holder may be detached in a blocking read for a long time:
         * wait detached (attached, in the gil flavour we would keep the
         * GIL the holder needs to come back).  At shutdown the holder may
         * be a daemon thread stopped for good: give up after a second, as
         * CPython refuses ("possibly due to daemon threads"), not hang. */
        bool finalizing = tn_atomic_load_u32_relaxed((uint32_t *)&tn_interp()->finalizing) != 0;
        TnLockStatus st;
        TN_BEGIN_ALLOW_THREADS
        st = tn_mutex_lock_timed(&l->mutex, finalizing ? 1000000000 : TN_LOCK_FOREVER, TN_LOCK_DONT_DETACH);
        TN_END_ALLOW_THREADS
        if (st != TN_LOCK_ACQUIRED) {
            tn_err_format(&tn_exc_RuntimeError,
                          "could not acquire lock for %R at interpreter shutdown, possibly due to daemon threads",
                          self);
            return -1;
        }
    }
    tn_atomic_store_uintptr_relaxed(&l->owner, me);
    return 0;
}

void tn_io_unlock(TnIOLock *l)
{
    tn_atomic_store_uintptr_relaxed(&l->owner, 0);
    tn_mutex_unlock(&l->mutex);
}

/* ---- shared slots ---------------------------------------------------------------- */

int tn_io_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((TnIOObject *)self)->dict);
    return 0;
}

int tn_io_clear_dict(TnObject *self)
{
    tn_field_replace_steal(&((TnIOObject *)self)->dict, NULL);
    return 0;
}

/* CPython's iobase_finalize: an object dropped while open is closed, its
 * errors ignored (CPython reports them only in development mode). */
void tn_io_finalize(TnObject *self)
{
    TnObject *saved = tn_err_fetch();
    int closed = tn_io_is_closed(self);
    if (closed == 0) {
        TnObject *r = tn_io_call0(self, "close");
        tn_xdecref(r);
    }
    tn_err_clear();
    tn_err_restore(saved);
}

TnObject *tn_io_finish_new(TnObject *obj, tn_io_init_meth init, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    if (obj == NULL || (tn_type(obj)->flags & TN_TPFLAGS_HEAPTYPE))
        return obj;
    TnObject *r = init(obj, args, nargs, kwnames);
    if (r == NULL) {
        tn_decref(obj);
        return NULL;
    }
    tn_decref(r);
    return obj;
}

void tn_io_dealloc_head(TnObject *self)
{
    TnIOObject *io = (TnIOObject *)self;
    TN_CLEAR(io->dict);
    tn_object_free(self);
}

/* ---- _IOBase ------------------------------------------------------------------------ */

#define NOARGS(fname) \
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 0, 0) < 0) \
        return NULL

static TnObject *iobase_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("seek");
}

static TnObject *iobase_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("tell");
    TnObject *a[2] = {tn_int_from_ssize(0), tn_int_from_ssize(1)};
    TnObject *r = tn_call_method_cstr(self, "seek", a, 2);
    tn_decref(a[0]);
    tn_decref(a[1]);
    return r;
}

static TnObject *iobase_truncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("truncate");
}

static TnObject *iobase_flush(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("flush");
    /* CPython's iobase_flush tests its own flag, not the closed property. */
    if (((TnIOObject *)self)->iobase_closed)
        return tn_io_closed_error();
    return tn_none_ref();
}

static TnObject *iobase_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("close");
    TnIOObject *io = (TnIOObject *)self;
    if (io->iobase_closed)
        return tn_none_ref();
    TnObject *r = tn_io_call0(self, "flush");
    io->iobase_closed = 1;
    if (r == NULL)
        return NULL;
    tn_decref(r);
    return tn_none_ref();
}

static TnObject *iobase_get_closed(TnObject *self, void *c)
{
    return tn_bool_from(((TnIOObject *)self)->iobase_closed);
}

static TnObject *iobase_false(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_bool_from(0);
}

/* _checkClosed / _checkReadable / ...: the method's result must be true. */
static TnObject *check_method(TnObject *self, const char *meth, const char *msg)
{
    TnObject *r = tn_io_call0(self, meth);
    if (r == NULL)
        return NULL;
    int t = tn_object_is_true(r);
    tn_decref(r);
    if (t < 0)
        return NULL;
    if (!t)
        return tn_io_unsupported(msg);
    return tn_none_ref();
}

static TnObject *iobase_check_closed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_io_check_closed(self) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *iobase_check_seekable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return check_method(self, "seekable", "File or stream is not seekable.");
}

static TnObject *iobase_check_readable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return check_method(self, "readable", "File or stream is not readable.");
}

static TnObject *iobase_check_writable(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return check_method(self, "writable", "File or stream is not writable.");
}

static TnObject *iobase_enter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_io_check_closed(self) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *iobase_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_call0(self, "close");
}

static TnObject *iobase_fileno(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("fileno");
}

static TnObject *iobase_isatty(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("isatty");
    if (tn_io_check_closed(self) < 0)
        return NULL;
    return tn_bool_from(0);
}

/* readline through peek (when there is one: read up to the newline it
 * shows) and read(1).  Bytes, as CPython's _IOBase.readline. */
static TnObject *iobase_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t limit;
    if (tn_args_no_kw("readline", kwnames) < 0 || tn_args_count("readline", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &limit) < 0)
        return NULL;
    TnObject *peek = NULL;
    TnObject *pname = tn_str_intern_cstr("peek");
    if (tn_object_lookup_attr(self, pname, &peek) < 0)
        return NULL;
    TnByteBuf out = {NULL, 0, 0};
    for (;;) {
        if (limit >= 0 && out.len >= limit)
            break;
        tn_ssize_t nreadahead = 1;
        if (peek != NULL) {
            TnObject *one = tn_int_from_ssize(1);
            TnObject *ahead = tn_call_one(peek, one);
            tn_decref(one);
            if (ahead == NULL)
                goto fail;
            if (!tn_bytes_check(ahead)) {
                tn_err_format(&tn_exc_OSError, "peek() should have returned a bytes object, not '%s'",
                              tn_type(ahead)->name);
                tn_decref(ahead);
                goto fail;
            }
            tn_ssize_t n = tn_bytes_size(ahead);
            if (n > 0) {
                const char *d = tn_bytes_data(ahead);
                tn_ssize_t k = 0;
                while (k < n && (limit < 0 || k < limit - out.len)) {
                    if (d[k++] == '\n')
                        break;
                }
                nreadahead = k;
            }
            tn_decref(ahead);
        }
        TnObject *nobj = tn_int_from_ssize(nreadahead);
        TnObject *b = tn_io_call1(self, "read", nobj);
        tn_decref(nobj);
        if (b == NULL)
            goto fail;
        if (b == TN_NONE) {
            tn_decref(b);
            break;
        }
        if (!tn_bytes_check(b)) {
            tn_err_format(&tn_exc_OSError, "read() should have returned a bytes object, not '%s'",
                          tn_type(b)->name);
            tn_decref(b);
            goto fail;
        }
        tn_ssize_t n = tn_bytes_size(b);
        if (n == 0) {
            tn_decref(b);
            break;
        }
        int r = tn_bbuf_put(&out, tn_bytes_data(b), n);
        tn_decref(b);
        if (r < 0)
            goto fail;
        if (out.buf[out.len - 1] == '\n')
            break;
    }
    tn_xdecref(peek);
    TnObject *res = tn_bytes_from_data(out.buf, out.len);
    tn_bbuf_free(&out);
    return res;
fail:
    tn_xdecref(peek);
    tn_bbuf_free(&out);
    return NULL;
}

static TnObject *iobase_iter(TnObject *self)
{
    if (tn_io_check_closed(self) < 0)
        return NULL;
    return tn_newref(self);
}

/* __next__: readline(); an empty line ends the iteration. */
static TnObject *iobase_iternext(TnObject *self)
{
    TnObject *line = tn_io_call0(self, "readline");
    if (line == NULL)
        return NULL;
    tn_ssize_t n = tn_object_length(line);
    if (n <= 0) {
        tn_decref(line);
        return NULL;
    }
    return line;
}

static TnObject *iobase_readlines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t hint;
    if (tn_args_no_kw("readlines", kwnames) < 0 || tn_args_count("readlines", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &hint) < 0)
        return NULL;
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    TnObject *it = tn_object_get_iter(self);
    if (it == NULL) {
        tn_decref(list);
        return NULL;
    }
    tn_ssize_t total = 0;
    TnObject *line;
    while ((line = tn_iter_next(it)) != NULL) {
        tn_ssize_t n = tn_object_length(line);
        if (n < 0 || tn_list_append_steal(list, line) < 0) {
            TN_CLEAR(list);
            break;
        }
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    tn_decref(it);
    if (list != NULL && tn_err_occurred())
        TN_CLEAR(list);
    return list;
}

static TnObject *iobase_writelines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("writelines", kwnames) < 0 || tn_args_count("writelines", nargs, 1, 1) < 0)
        return NULL;
    if (tn_io_check_closed(self) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    TnObject *line;
    while ((line = tn_iter_next(it)) != NULL) {
        TnObject *r = tn_io_call1(self, "write", line);
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

static TnObject *iobase_get_dict(TnObject *self, void *c)
{
    TnObject *d = tn_object_dict_get_or_create(&((TnIOObject *)self)->dict);
    return d != NULL ? tn_newref(d) : NULL;
}

static const TnMethodDef iobase_methods[] = {
    {"seek", iobase_seek, 0, NULL},
    {"tell", iobase_tell, 0, NULL},
    {"truncate", iobase_truncate, 0, NULL},
    {"flush", iobase_flush, 0, NULL},
    {"close", iobase_close, 0, NULL},
    {"seekable", iobase_false, 0, NULL},
    {"readable", iobase_false, 0, NULL},
    {"writable", iobase_false, 0, NULL},
    {"_checkClosed", iobase_check_closed_meth, 0, NULL},
    {"_checkSeekable", iobase_check_seekable, 0, NULL},
    {"_checkReadable", iobase_check_readable, 0, NULL},
    {"_checkWritable", iobase_check_writable, 0, NULL},
    {"fileno", iobase_fileno, 0, NULL},
    {"isatty", iobase_isatty, 0, NULL},
    {"__enter__", iobase_enter, 0, NULL},
    {"__exit__", iobase_exit, 0, NULL},
    {"readline", iobase_readline, 0, NULL},
    {"readlines", iobase_readlines, 0, NULL},
    {"writelines", iobase_writelines, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef iobase_getsets[] = {
    {"__dict__", iobase_get_dict, NULL, NULL, NULL},
    {"closed", iobase_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnObject *iobase_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_object_new(type, (size_t)type->basicsize);
}

static void iobase_dealloc(TnObject *self)
{
    tn_io_dealloc_head(self);
}

#define IO_ABSTRACT_TYPE(var, tname, base_, meths, gets, docstr) \
    TnType var = { \
        .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type), \
        .name = tname, \
        .base = base_, \
        .basicsize = sizeof(TnIOObject), \
        .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC, \
        .dealloc = iobase_dealloc, \
        .traverse = tn_io_traverse, \
        .clear = tn_io_clear_dict, \
        .finalize = tn_io_finalize, \
        .iter = iobase_iter, \
        .iternext = iobase_iternext, \
        .new_ = iobase_new, \
        .methods = meths, \
        .getsets = gets, \
        .dictoffset = offsetof(TnIOObject, dict), \
        .weaklistoffset = offsetof(TnIOObject, weaklist), \
        .doc = docstr, \
    }

IO_ABSTRACT_TYPE(tn_io_iobase_type, "_io._IOBase", NULL, iobase_methods, iobase_getsets,
                 "The abstract base class for all I/O classes.");

/* ---- _RawIOBase ------------------------------------------------------------------ */

/* read(size=-1): readall() for a negative size, else readinto() a
 * bytearray of that size. */
static TnObject *rawiobase_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t n;
    if (tn_args_no_kw("read", kwnames) < 0 || tn_args_count("read", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &n) < 0)
        return NULL;
    if (n < 0)
        return tn_io_call0(self, "readall");
    TnObject *b = tn_bytearray_from_data(NULL, n);
    if (b == NULL)
        return NULL;
    TnObject *view = tn_memoryview_new(b);
    TnObject *r = view != NULL ? tn_io_call1(self, "readinto", view) : NULL;
    if (view != NULL) {
        TnObject *rel = tn_io_call0(view, "release");
        tn_xdecref(rel);
        tn_decref(view);
    }
    if (r == NULL || r == TN_NONE) {
        tn_decref(b);
        return r;
    }
    tn_ssize_t got = tn_number_as_ssize(r, &tn_exc_OverflowError);
    tn_decref(r);
    if (got == -1 && tn_err_occurred()) {
        tn_decref(b);
        return NULL;
    }
    if (got < 0 || got > n) {
        tn_decref(b);
        return tn_err_format(&tn_exc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
    }
    TnObject *res = tn_bytes_from_data(((TnByteArray *)b)->data, got);
    tn_decref(b);
    return res;
}

static TnObject *rawiobase_readall(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("readall");
    TnByteBuf out = {NULL, 0, 0};
    TnObject *size = tn_int_from_ssize(TN_IO_DEFAULT_BUFFER_SIZE);
    for (;;) {
        TnObject *data = tn_io_call1(self, "read", size);
        if (data == NULL) {
            tn_decref(size);
            tn_bbuf_free(&out);
            return NULL;
        }
        if (data == TN_NONE) {
            if (out.len == 0) {
                tn_decref(size);
                return data;
            }
            tn_decref(data);
            break;
        }
        if (!tn_bytes_check(data)) {
            tn_decref(size);
            tn_bbuf_free(&out);
            tn_decref(data);
            return tn_err_set_str(&tn_exc_TypeError, "read() should return bytes"), NULL;
        }
        tn_ssize_t n = tn_bytes_size(data);
        int r = n > 0 ? tn_bbuf_put(&out, tn_bytes_data(data), n) : 0;
        tn_decref(data);
        if (r < 0) {
            tn_decref(size);
            tn_bbuf_free(&out);
            return NULL;
        }
        if (n == 0)
            break;
    }
    tn_decref(size);
    TnObject *res = tn_bytes_from_data(out.buf, out.len);
    tn_bbuf_free(&out);
    return res;
}

/* RawIOBase.readinto/write: abstract, CPython's bare NotImplementedError(). */
static TnObject *raise_not_impl(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_err_set_none(&tn_exc_NotImplementedError);
    return NULL;
}

static const TnMethodDef rawiobase_methods[] = {
    {"read", rawiobase_read, 0, NULL},
    {"readall", rawiobase_readall, 0, NULL},
    {"readinto", raise_not_impl, 0, NULL},
    {"write", raise_not_impl, 0, NULL},
    {NULL, NULL, 0, NULL},
};

IO_ABSTRACT_TYPE(tn_io_rawiobase_type, "_io._RawIOBase", &tn_io_iobase_type, rawiobase_methods, NULL,
                 "Base class for raw binary I/O.");

/* ---- _BufferedIOBase ------------------------------------------------------------ */

static TnObject *bufiobase_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("read");
}

static TnObject *bufiobase_read1(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("read1");
}

static TnObject *bufiobase_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("write");
}

static TnObject *bufiobase_detach(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("detach");
}

/* readinto(b) / readinto1(b) through read(len(b)) / read1(len(b)). */
static TnObject *readinto_via(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                              const char *fname, const char *meth)
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
    TnObject *data = tn_io_call1(self, meth, n);
    tn_decref(n);
    if (data == NULL)
        return NULL;
    if (!tn_bytes_check(data)) {
        tn_decref(data);
        return tn_err_set_str(&tn_exc_TypeError, "read() should return bytes"), NULL;
    }
    tn_ssize_t got = tn_bytes_size(data);
    if (got > len) {
        tn_decref(data);
        return tn_err_format(&tn_exc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                             len, got);
    }
    TnObject *slice_end = tn_int_from_ssize(got);
    TnObject *sl = tn_slice_new(NULL, slice_end, NULL);
    tn_decref(slice_end);
    int r = sl != NULL ? tn_object_setitem(target, sl, data) : -1;
    tn_xdecref(sl);
    tn_decref(data);
    return r < 0 ? NULL : tn_int_from_ssize(got);
}

static TnObject *bufiobase_readinto(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return readinto_via(self, args, nargs, kwnames, "readinto", "read");
}

static TnObject *bufiobase_readinto1(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return readinto_via(self, args, nargs, kwnames, "readinto1", "read1");
}

static const TnMethodDef bufiobase_methods[] = {
    {"detach", bufiobase_detach, 0, NULL},
    {"read", bufiobase_read, 0, NULL},
    {"read1", bufiobase_read1, 0, NULL},
    {"readinto", bufiobase_readinto, 0, NULL},
    {"readinto1", bufiobase_readinto1, 0, NULL},
    {"write", bufiobase_write, 0, NULL},
    {NULL, NULL, 0, NULL},
};

IO_ABSTRACT_TYPE(tn_io_bufferediobase_type, "_io._BufferedIOBase", &tn_io_iobase_type, bufiobase_methods, NULL,
                 "Base class for buffered IO objects.");

/* ---- _TextIOBase ------------------------------------------------------------------- */

static TnObject *textiobase_none(TnObject *self, void *c) { return tn_none_ref(); }

static TnObject *textiobase_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_unsupported("readline");
}

static const TnMethodDef textiobase_methods[] = {
    {"detach", bufiobase_detach, 0, NULL},
    {"read", bufiobase_read, 0, NULL},
    {"readline", textiobase_readline, 0, NULL},
    {"write", bufiobase_write, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef textiobase_getsets[] = {
    {"encoding", textiobase_none, NULL, "Encoding of the text stream.", NULL},
    {"newlines", textiobase_none, NULL, "Line endings translated so far.", NULL},
    {"errors", textiobase_none, NULL, "The error setting of the decoder or encoder.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

IO_ABSTRACT_TYPE(tn_io_textiobase_type, "_io._TextIOBase", &tn_io_iobase_type, textiobase_methods,
                 textiobase_getsets, "Base class for text I/O.");
