/* core/objects/memoryview.c — memoryview over bytes / bytearray: format
 * 'B', itemsize 1, one dimension, any step.  A view of a bytearray counts
 * as an export of it until released (no resizing meanwhile). */
#include "core/tn.h"
#include <stdio.h>
#include <string.h>

static inline TnMemoryView *as_mv(TnObject *op) { return (TnMemoryView *)op; }

/* The base object's data (contiguous from offset 0). */
static const char *base_data(TnObject *obj)
{
    const char *d = "";
    tn_ssize_t n;
    tn_bytes_like(obj, &d, &n);
    return d;
}

static int check_released(TnMemoryView *mv)
{
    if (mv->obj != NULL)
        return 0;
    tn_err_set_str(&tn_exc_ValueError, "operation forbidden on released memoryview object");
    return -1;
}

static void export_change(TnObject *obj, int delta)
{
    if (!tn_bytearray_check(obj))
        return;
    TN_BEGIN_CRITICAL_SECTION(obj);
    ((TnByteArray *)obj)->exports += delta;
    TN_END_CRITICAL_SECTION();
}

static TnObject *view_new(TnObject *base, tn_ssize_t start, tn_ssize_t step, tn_ssize_t len)
{
    TnMemoryView *mv = (TnMemoryView *)tn_object_new(&tn_type_memoryview, sizeof(TnMemoryView));
    if (mv == NULL)
        return NULL;
    mv->obj = tn_newref(base);
    mv->start = start;
    mv->step = step;
    mv->length = len;
    mv->readonly = !tn_bytearray_check(base);
    mv->format = 'B';
    mv->itemsize = 1;
    export_change(base, 1);
    return TN_OBJ(mv);
}

/* A view of the whole bytearray base, its export not counted yet (for
 * export_full_lock_held). */
static TnObject *view_new_unexported(TnObject *base)
{
    TnMemoryView *mv = (TnMemoryView *)tn_object_new(&tn_type_memoryview, sizeof(TnMemoryView));
    if (mv == NULL)
        return NULL;
    mv->obj = tn_newref(base);
    mv->step = 1;
    mv->format = 'B';
    mv->itemsize = 1;
    return TN_OBJ(mv);
}

static void export_full_lock_held(TnMemoryView *mv, TnByteArray *ba)
{
    mv->length = ba->size;
    ba->exports += 1;
}

/* A view like view_new's with src's item format. */
static TnObject *view_new_like(TnMemoryView *src, tn_ssize_t start, tn_ssize_t step, tn_ssize_t len)
{
    TnObject *r = view_new(src->obj, start, step, len);
    if (r != NULL) {
        as_mv(r)->format = src->format;
        as_mv(r)->itemsize = src->itemsize;
    }
    return r;
}

/* Bytes per item of a native struct code that cast() accepts; 0: none. */
static int format_itemsize(char c)
{
    switch (c) {
    case 'B': case 'b': case 'c': case '?': return 1;
    case 'H': case 'h': return 2;
    case 'I': case 'i': return 4;
    case 'L': case 'l': case 'Q': case 'q': case 'N': case 'n': case 'P': return 8;
    default: return 0;
    }
}

/* The item at p (itemsize bytes, native order) as a Python object. */
static TnObject *unpack_item(char format, const char *p)
{
    switch (format) {
    case 'B': return tn_int_from_i64((unsigned char)p[0]);
    case 'b': return tn_int_from_i64((signed char)p[0]);
    case 'c': return tn_bytes_from_data(p, 1);
    case '?': return tn_newref(p[0] ? TN_TRUE : TN_FALSE);
    case 'H': { uint16_t v; memcpy(&v, p, 2); return tn_int_from_i64(v); }
    case 'h': { int16_t v; memcpy(&v, p, 2); return tn_int_from_i64(v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return tn_int_from_i64(v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return tn_int_from_i64(v); }
    case 'L': case 'Q': case 'N': case 'P': {
        uint64_t v;
        memcpy(&v, p, 8);
        if (v <= INT64_MAX)
            return tn_int_from_i64((int64_t)v);
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
        return tn_int_from_string(buf, n, 10);
    }
    default: { int64_t v; memcpy(&v, p, 8); return tn_int_from_i64(v); }
    }
}

TnObject *tn_memoryview_new(TnObject *obj)
{
    if (tn_memoryview_check(obj)) {
        TnMemoryView *o = as_mv(obj);
        if (check_released(o) < 0)
            return NULL;
        return view_new_like(o, o->start, o->step, o->length);
    }
    if (tn_bytearray_check(obj)) {
        /* Another thread may resize a bytearray until the export counts:
         * its size is read in the same section that adds the export. */
        TnObject *r = view_new_unexported(obj);
        if (r != NULL) {
            TN_BEGIN_CRITICAL_SECTION(obj);
            export_full_lock_held(as_mv(r), (TnByteArray *)obj);
            TN_END_CRITICAL_SECTION();
        }
        return r;
    }
    const char *d;
    tn_ssize_t n;
    if (!tn_bytes_like(obj, &d, &n))
        return tn_err_format(&tn_exc_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                             tn_type_name(tn_type(obj)));
    return view_new(obj, 0, 1, n);
}

int tn_memoryview_data(TnObject *op, const char **data, tn_ssize_t *n)
{
    TnMemoryView *mv = as_mv(op);
    if (mv->obj == NULL || (mv->step != mv->itemsize && mv->length > 1))
        return 0;
    *data = base_data(mv->obj) + mv->start;
    *n = mv->length * mv->itemsize;
    return 1;
}

TnObject *tn_memoryview_base(TnObject *op) { return as_mv(op)->obj; }

static TnObject *to_bytes_lock_held(TnMemoryView *mv)
{
    TnObject *r = tn_bytes_from_data(NULL, mv->length * mv->itemsize);
    if (r == NULL)
        return NULL;
    const char *d = base_data(mv->obj);
    for (tn_ssize_t i = 0; i < mv->length; i++)
        memcpy((char *)tn_bytes_data(r) + i * mv->itemsize, d + mv->start + i * mv->step, (size_t)mv->itemsize);
    return r;
}

/* A private copy of the viewed bytes as a bytes object, read inside the
 * viewed object's critical section (a bytearray's bytes may be written by
 * another thread meanwhile). */
static TnObject *to_bytes(TnMemoryView *mv)
{
    if (check_released(mv) < 0)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(mv->obj);
    r = to_bytes_lock_held(mv);
    TN_END_CRITICAL_SECTION();
    return r;
}

static void release(TnMemoryView *mv)
{
    if (mv->obj == NULL)
        return;
    export_change(mv->obj, -1);
    TN_CLEAR(mv->obj);
}

static void memoryview_dealloc(TnObject *self)
{
    release(as_mv(self));
    tn_object_free(self);
}

/* The exporter may be a bytearray subclass whose __dict__ holds the view. */
static int memoryview_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(as_mv(self)->obj);
    return 0;
}

/* Clearing releases the view: later operations raise ValueError, as on a
 * view after release(). */
static int memoryview_clear(TnObject *self)
{
    release(as_mv(self));
    return 0;
}

static TnObject *memoryview_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                            TnObject *kwnames)
{
    (void)type;
    static const char *const names[] = {"object", NULL};
    TnObject *a[1] = {NULL};
    if (tn_args_parse("memoryview", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    return tn_memoryview_new(a[0]);
}

static TnObject *memoryview_repr(TnObject *self)
{
    if (as_mv(self)->obj == NULL)
        return tn_str_from_format("<released memory at %p>", (void *)self);
    return tn_str_from_format("<memory at %p>", (void *)self);
}

static tn_ssize_t memoryview_length(TnObject *self)
{
    if (check_released(as_mv(self)) < 0)
        return -1;
    return as_mv(self)->length;
}

static TnObject *memoryview_item(TnObject *self, tn_ssize_t i)
{
    TnMemoryView *mv = as_mv(self);
    if (check_released(mv) < 0)
        return NULL;
    if (i < 0 || i >= mv->length)
        return tn_err_format(&tn_exc_IndexError, "index out of bounds on dimension 1");
    return unpack_item(mv->format, base_data(mv->obj) + mv->start + i * mv->step);
}

static TnObject *memoryview_subscript(TnObject *self, TnObject *key)
{
    TnMemoryView *mv = as_mv(self);
    if (check_released(mv) < 0)
        return NULL;
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        if (i < 0)
            i += mv->length;
        return memoryview_item(self, i);
    }
    if (!tn_slice_check(key))
        return tn_err_format(&tn_exc_TypeError, "memoryview: invalid slice key");
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(key, &start, &stop, &step) < 0)
        return NULL;
    tn_ssize_t n = tn_slice_adjust_indices(mv->length, &start, &stop, step);
    return view_new_like(mv, mv->start + start * mv->step, mv->step * step, n);
}

static int memoryview_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    TnMemoryView *mv = as_mv(self);
    if (check_released(mv) < 0)
        return -1;
    if (mv->readonly) {
        tn_err_set_str(&tn_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        tn_err_set_str(&tn_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (mv->format != 'B') {
        tn_err_format(&tn_exc_NotImplementedError, "memoryview: assignment to format '%c' is not supported",
                      mv->format);
        return -1;
    }
    char *d = (char *)base_data(mv->obj);
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return -1;
        if (i < 0)
            i += mv->length;
        if (i < 0 || i >= mv->length) {
            tn_err_set_str(&tn_exc_IndexError, "index out of bounds on dimension 1");
            return -1;
        }
        if (!tn_int_check(value)) {
            tn_err_format(&tn_exc_TypeError, "memoryview: invalid type for format 'B'");
            return -1;
        }
        tn_ssize_t v = tn_number_as_ssize(value, NULL);
        if (v < 0 || v > 255) {
            tn_err_clear();
            tn_err_format(&tn_exc_ValueError, "memoryview: invalid value for format 'B'");
            return -1;
        }
        d[mv->start + i * mv->step] = (char)v;
        return 0;
    }
    if (!tn_slice_check(key)) {
        tn_err_set_str(&tn_exc_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    tn_ssize_t n = tn_slice_adjust_indices(mv->length, &start, &stop, step);
    TnObject *copy = tn_bytes_snapshot_ref(value);   /* value may overlap */
    if (copy == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(value)));
        return -1;
    }
    if (tn_bytes_size(copy) != n) {
        tn_decref(copy);
        tn_err_set_str(&tn_exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        d[mv->start + (start + i * step) * mv->step] = tn_bytes_data(copy)[i];
    tn_decref(copy);
    return 0;
}

static TnObject *memoryview_richcompare(TnObject *a, TnObject *b, int op)
{
    if (op != TN_EQ && op != TN_NE)
        return tn_newref(TN_NOTIMPLEMENTED);
    if (a == b && as_mv(a)->obj != NULL)
        return tn_newref(op == TN_EQ ? TN_TRUE : TN_FALSE);
    if (as_mv(a)->obj == NULL || (tn_memoryview_check(b) && as_mv(b)->obj == NULL))
        return tn_newref(op == TN_EQ ? TN_FALSE : TN_TRUE);
    TnObject *x = to_bytes(as_mv(a)), *y = NULL;
    if (x == NULL)
        return NULL;
    const char *d;
    tn_ssize_t n;
    if (tn_memoryview_check(b)) {
        y = to_bytes(as_mv(b));
        if (y == NULL) {
            tn_decref(x);
            return NULL;
        }
        d = tn_bytes_data(y);
        n = tn_bytes_size(y);
    } else if (!tn_bytes_like(b, &d, &n)) {
        tn_decref(x);
        return tn_newref(TN_NOTIMPLEMENTED);
    }
    TnObject *r = tn_bytes_compare_data(tn_bytes_data(x), tn_bytes_size(x), d, n, op);
    tn_decref(x);
    tn_xdecref(y);
    return r;
}

static tn_hash_t memoryview_hash(TnObject *self)
{
    TnMemoryView *mv = as_mv(self);
    if (check_released(mv) < 0)
        return -1;
    if (!mv->readonly) {
        tn_err_set_str(&tn_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    TnObject *b = to_bytes(mv);
    if (b == NULL)
        return -1;
    tn_hash_t h = tn_bytes_hash_data(tn_bytes_data(b), tn_bytes_size(b));
    tn_decref(b);
    return h;
}

static int noargs(const char *fname, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw(fname, kw) < 0)
        return -1;
    return tn_args_count(fname, nargs, 0, 0);
}

static TnObject *mv_tobytes(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (tn_args_count("tobytes", nargs, 0, 1) < 0)
        return NULL;
    (void)kw;
    return to_bytes(as_mv(self));
}

static TnObject *mv_tolist(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (noargs("memoryview.tolist", nargs, kw) < 0)
        return NULL;
    TnMemoryView *mv = as_mv(self);
    if (check_released(mv) < 0)
        return NULL;
    TnObject *list = tn_list_new(mv->length);
    if (list == NULL)
        return NULL;
    const char *d = base_data(mv->obj);
    for (tn_ssize_t i = 0; i < mv->length; i++) {
        TnObject *v = unpack_item(mv->format, d + mv->start + i * mv->step);
        if (v == NULL) {
            for (tn_ssize_t k = i; k < mv->length; k++)
                tn_list_set_steal(list, k, tn_newref(TN_NONE));
            tn_decref(list);
            return NULL;
        }
        tn_list_set_steal(list, i, v);
    }
    return list;
}

static TnObject *mv_hex(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    TnObject *b = to_bytes(as_mv(self));
    if (b == NULL)
        return NULL;
    TnObject *r = tn_bytes_hex_impl(tn_bytes_data(b), tn_bytes_size(b), args, nargs, kw);
    tn_decref(b);
    return r;
}

static TnObject *mv_release(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (noargs("memoryview.release", nargs, kw) < 0)
        return NULL;
    release(as_mv(self));
    return tn_newref(TN_NONE);
}

static TnObject *mv_enter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (noargs("__enter__", nargs, kw) < 0 || check_released(as_mv(self)) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *mv_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    (void)nargs;
    (void)kw;
    release(as_mv(self));
    return tn_newref(TN_NONE);
}

static TnObject *mv_toreadonly(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (noargs("toreadonly", nargs, kw) < 0)
        return NULL;
    TnObject *r = tn_memoryview_new(self);
    if (r != NULL)
        as_mv(r)->readonly = 1;
    return r;
}

static TnObject *get_obj(TnObject *self, void *c)
{
    (void)c;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return tn_newref(as_mv(self)->obj);
}

static TnObject *get_nbytes(TnObject *self, void *c)
{
    (void)c;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return tn_int_from_ssize(as_mv(self)->length * as_mv(self)->itemsize);
}

static TnObject *get_readonly(TnObject *self, void *c)
{
    (void)c;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return tn_newref(as_mv(self)->readonly ? TN_TRUE : TN_FALSE);
}

static TnObject *get_itemsize(TnObject *self, void *c)
{
    (void)c;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return tn_int_from_i64(as_mv(self)->itemsize);
}

static TnObject *get_ndim(TnObject *self, void *c)
{
    (void)c;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return tn_int_from_i64(1);
}

static TnObject *get_format(TnObject *self, void *c)
{
    (void)c;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    return tn_str_from_char((unsigned char)as_mv(self)->format);
}

static TnObject *one_tuple(TnObject *self, tn_ssize_t v)
{
    if (check_released(as_mv(self)) < 0)
        return NULL;
    TnObject *x = tn_int_from_ssize(v);
    if (x == NULL)
        return NULL;
    TnObject *t = tn_tuple_pack(1, x);
    tn_decref(x);
    return t;
}

static TnObject *get_shape(TnObject *self, void *c)
{
    (void)c;
    return one_tuple(self, as_mv(self)->length);
}

static TnObject *get_strides(TnObject *self, void *c)
{
    (void)c;
    return one_tuple(self, as_mv(self)->step);
}

static TnObject *get_contiguous(TnObject *self, void *c)
{
    (void)c;
    if (check_released(as_mv(self)) < 0)
        return NULL;
    TnMemoryView *mv = as_mv(self);
    return tn_newref(mv->step == mv->itemsize || mv->length <= 1 ? TN_TRUE : TN_FALSE);
}

static TnObject *memoryview_iter(TnObject *self)
{
    TnObject *list = mv_tolist(self, NULL, 0, NULL);
    if (list == NULL)
        return NULL;
    TnObject *it = tn_object_get_iter(list);
    tn_decref(list);
    return it;
}

/* cast(format): a C-contiguous view of bytes as items of another native
 * format, or back to bytes (CPython's one-dimensional casts). */
static TnObject *mv_cast(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"format", "shape", NULL};
    TnObject *a[2] = {NULL, NULL};
    if (tn_args_parse("cast", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    TnMemoryView *mv = as_mv(self);
    if (check_released(mv) < 0)
        return NULL;
    if (!tn_str_check(a[0]))
        return tn_err_format(&tn_exc_TypeError, "cast() argument 'format' must be str, not %s", tn_type(a[0])->name);
    if (a[1] != NULL)
        return tn_err_format(&tn_exc_NotImplementedError, "memoryview: cast with a shape is not supported");
    if (mv->step != mv->itemsize && mv->length > 1)
        return tn_err_format(&tn_exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
    const char *f = tn_str_utf8(a[0], NULL);
    if (f == NULL)
        return NULL;
    if (f[0] == '@')
        f++;
    int itemsize = f[0] != '\0' && f[1] == '\0' ? format_itemsize(f[0]) : 0;
    if (itemsize == 0)
        return tn_err_format(&tn_exc_ValueError, "memoryview: destination format must be a native single "
                             "character format prefixed with an optional '@'");
    bool src_bytes = mv->format == 'B' || mv->format == 'b' || mv->format == 'c';
    bool dst_bytes = f[0] == 'B' || f[0] == 'b' || f[0] == 'c';
    if (!src_bytes && !dst_bytes)
        return tn_err_format(&tn_exc_TypeError, "memoryview: cannot cast between two non-byte formats");
    tn_ssize_t nbytes = mv->length * mv->itemsize;
    if (nbytes % itemsize != 0)
        return tn_err_format(&tn_exc_TypeError, "memoryview: length is not a multiple of itemsize");
    TnObject *r = view_new(mv->obj, mv->start, itemsize, nbytes / itemsize);
    if (r != NULL) {
        as_mv(r)->format = f[0];
        as_mv(r)->itemsize = itemsize;
        as_mv(r)->readonly = mv->readonly;
    }
    return r;
}

static const TnMethodDef memoryview_methods[] = {
    {"cast", mv_cast, 0, "Cast a memoryview to a new format or shape."},
    {"tobytes", mv_tobytes, 0, "Return the data in the buffer as a byte string."},
    {"tolist", mv_tolist, 0, "Return the data in the buffer as a list of elements."},
    {"hex", mv_hex, 0, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release", mv_release, 0, "Release the underlying buffer exposed by the memoryview object."},
    {"toreadonly", mv_toreadonly, 0, "Return a readonly version of the memoryview."},
    {"__enter__", mv_enter, 0, NULL},
    {"__exit__", mv_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef memoryview_getsets[] = {
    {"obj", get_obj, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", get_nbytes, NULL, "The amount of space in bytes that the array would use.", NULL},
    {"readonly", get_readonly, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", get_itemsize, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", get_format, NULL, "A string containing the format (in struct module style).", NULL},
    {"ndim", get_ndim, NULL, "The number of dimensions.", NULL},
    {"shape", get_shape, NULL, "A tuple of ndim integers giving the shape of the memory.", NULL},
    {"strides", get_strides, NULL, "A tuple of ndim integers giving the size in bytes to access each element.", NULL},
    {"contiguous", get_contiguous, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {"c_contiguous", get_contiguous, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnSequenceMethods memoryview_as_sequence = {
    .length = memoryview_length,
    .item = memoryview_item,
};

static const TnMappingMethods memoryview_as_mapping = {
    .length = memoryview_length,
    .subscript = memoryview_subscript,
    .ass_subscript = memoryview_ass_subscript,
};

TnType tn_type_memoryview = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "memoryview",
    .weaklistoffset = offsetof(TnMemoryView, weaklist),
    .basicsize = sizeof(TnMemoryView),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = memoryview_dealloc,
    .traverse = memoryview_traverse,
    .clear = memoryview_clear,
    .repr = memoryview_repr,
    .hash = memoryview_hash,
    .richcompare = memoryview_richcompare,
    .iter = memoryview_iter,
    .new_ = memoryview_new_from_python,
    .as_sequence = &memoryview_as_sequence,
    .as_mapping = &memoryview_as_mapping,
    .methods = memoryview_methods,
    .getsets = memoryview_getsets,
    .doc = "Create a new memoryview object which references the given object.",
};
