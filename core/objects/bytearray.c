/* core/objects/bytearray.c — bytearray: a mutable byte string.  Every
 * mutation, and every read of the bytes, runs inside the object's critical
 * section (reads elsewhere go through tn_bytes_view, bytes.h): a resize may
 * move the bytes at any moment.  Indices given by the caller are resolved
 * against the size inside the section.  Resizing is refused while a
 * memoryview exports the buffer (BufferError, as CPython).  The size is also
 * read without the lock (len, bool), so it is stored atomically. */
#include "core/tn.h"
#include <stdio.h>
#include <string.h>

static inline TnByteArray *as_ba(TnObject *op) { return (TnByteArray *)op; }


/* Set the size to n (growing the buffer as needed).  0 / -1. */
int tn_bytearray_resize_lock_held(TnByteArray *ba, tn_ssize_t n)
{
    tn_critical_section_assert_held(ba);
    if (n != ba->size && ba->exports > 0) {
        tn_err_set_str(&tn_exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (n < 0 || n > TN_BYTES_MAX - 1) {
        tn_err_no_memory();
        return -1;
    }
    if (n + 1 > ba->alloc || (n + 1) * 4 < ba->alloc) {
        tn_ssize_t cap = n + 1 + (n >> 3) + 8;
        char *d = tn_mem_realloc(ba->data, (size_t)cap);
        if (d == NULL) {
            tn_err_no_memory();
            return -1;
        }
        ba->data = d;
        ba->alloc = cap;
    }
    tn_atomic_store_intptr_relaxed(&ba->size, n);
    ba->data[n] = 0;
    return 0;
}

/* The size, read without the lock. */
static tn_ssize_t size_of(TnObject *self) { return tn_atomic_load_intptr_relaxed(&as_ba(self)->size); }

/* Replace data[lo:hi] by s[0:k] (s may alias data: it is copied first by callers). */
static int splice_lock_held(TnByteArray *ba, tn_ssize_t lo, tn_ssize_t hi, const char *s, tn_ssize_t k)
{
    tn_critical_section_assert_held(ba);
    tn_ssize_t old = ba->size, tail = old - hi;
    if (k != hi - lo) {
        if (k < hi - lo)
            memmove(ba->data + lo + k, ba->data + hi, (size_t)tail);
        if (tn_bytearray_resize_lock_held(ba, old - (hi - lo) + k) < 0) {
            if (k < hi - lo)   /* undo the move */
                memmove(ba->data + hi, ba->data + lo + k, (size_t)tail);
            return -1;
        }
        if (k > hi - lo)
            memmove(ba->data + lo + k, ba->data + hi, (size_t)tail);
    }
    if (k > 0)
        memcpy(ba->data + lo, s, (size_t)k);
    return 0;
}

static int append_lock_held(TnByteArray *ba, const char *s, tn_ssize_t k)
{
    return splice_lock_held(ba, ba->size, ba->size, s, k);
}

/* Append s[0:k] (s must not point into self). */
static int append(TnObject *self, const char *s, tn_ssize_t k)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = append_lock_held(as_ba(self), s, k);
    TN_END_CRITICAL_SECTION();
    return r;
}

TnObject *tn_bytearray_from_data(const char *s, tn_ssize_t n)
{
    TnObject *op = tn_object_new(&tn_type_bytearray, sizeof(TnByteArray));
    if (op == NULL)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(op);   /* not shared yet: costs nothing, keeps the contract */
    r = tn_bytearray_resize_lock_held(as_ba(op), n);
    TN_END_CRITICAL_SECTION();
    if (r < 0) {
        tn_decref(op);
        return NULL;
    }
    if (s != NULL)
        memcpy(as_ba(op)->data, s, (size_t)n);
    else
        memset(as_ba(op)->data, 0, (size_t)n);
    return op;
}

static void bytearray_dealloc(TnObject *self)
{
    tn_mem_free(as_ba(self)->data);
    tn_object_free(self);
}

static TnObject *bytearray_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                           TnObject *kwnames)
{
    size_t size = sizeof(TnByteArray);
    if (type->basicsize > (tn_ssize_t)size)
        size = (size_t)type->basicsize;
    TnByteBuf b = {0};
    if (tn_bytes_ctor_args("bytearray", args, nargs, kwnames, &b) < 0) {
        tn_bbuf_free(&b);
        return NULL;
    }
    TnObject *op = tn_object_new(type, size);
    int r = 0;
    if (op != NULL) {
        TN_BEGIN_CRITICAL_SECTION(op);   /* not shared yet: keeps the contract */
        r = tn_bytearray_resize_lock_held(as_ba(op), b.len);
        TN_END_CRITICAL_SECTION();
    }
    if (r < 0)
        TN_CLEAR(op);
    if (op != NULL && b.len > 0)
        memcpy(as_ba(op)->data, b.buf, (size_t)b.len);
    tn_bbuf_free(&b);
    return op;
}

static TnObject *bytearray_repr(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s(", tn_type_name(tn_type(self)));
    r = tn_bytes_repr_data(as_ba(self)->data ? as_ba(self)->data : "", as_ba(self)->size, prefix, ")");
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *bytearray_richcompare(TnObject *a, TnObject *b, int op)
{
    TnBytesView va, vb;
    int gb = tn_bytes_view(b, &vb);
    int ga = gb > 0 ? tn_bytes_view(a, &va) : 0;
    TnObject *r = NULL;
    if (gb == 0 || (gb > 0 && ga == 0))
        r = tn_newref(TN_NOTIMPLEMENTED);
    else if (ga > 0)
        r = tn_bytes_compare_data(va.d, va.n, vb.d, vb.n, op);
    if (ga > 0)
        tn_bytes_view_release(&va);
    if (gb > 0)
        tn_bytes_view_release(&vb);
    return r;
}

static tn_ssize_t bytearray_length(TnObject *self) { return size_of(self); }

static TnObject *bytearray_concat(TnObject *a, TnObject *b)
{
    return tn_bytes_concat_like(a, b, tn_bytearray_from_data);
}

static TnObject *repeat_lock_held(TnObject *self, tn_ssize_t n)
{
    return tn_bytes_repeat_data(self, as_ba(self)->data, as_ba(self)->size, n);
}

static TnObject *bytearray_repeat(TnObject *self, tn_ssize_t n)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = repeat_lock_held(self, n);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* self[i] as a byte value, or -1 when i is out of range (not adjusted). */
static int item_lock_held(TnByteArray *ba, tn_ssize_t i)
{
    return i >= 0 && i < ba->size ? (unsigned char)ba->data[i] : -1;
}

static TnObject *bytearray_item(TnObject *self, tn_ssize_t i)
{
    int v;
    TN_BEGIN_CRITICAL_SECTION(self);
    v = item_lock_held(as_ba(self), i);
    TN_END_CRITICAL_SECTION();
    if (v < 0)
        return tn_err_format(&tn_exc_IndexError, "bytearray index out of range");
    return tn_int_from_i64(v);
}

static int set_item_lock_held(TnByteArray *ba, tn_ssize_t i, int v)
{
    tn_critical_section_assert_held(ba);
    if (i < 0)
        i += ba->size;
    if (i < 0 || i >= ba->size) {
        tn_err_set_str(&tn_exc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (v < 0)
        return splice_lock_held(ba, i, i + 1, NULL, 0);
    ba->data[i] = (char)v;
    return 0;
}

static int bytearray_ass_item(TnObject *self, tn_ssize_t i, TnObject *value)
{
    int v = -1;
    if (value != NULL && (v = tn_bytes_byte_value(value)) < 0)
        return -1;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = set_item_lock_held(as_ba(self), i, v);
    TN_END_CRITICAL_SECTION();
    return r;
}

static int bytearray_contains(TnObject *self, TnObject *x)
{
    return tn_bytes_contains(self, x);
}

/* ba += ba.  CPython's bytearray_iconcat holds a buffer export of the
 * right operand while it resizes the left one, so when they are the same
 * object the resize is refused: BufferError, unless nothing changes. */
static int inplace_concat_self_lock_held(TnByteArray *ba)
{
    if (ba->size == 0)
        return 0;
    tn_err_set_str(&tn_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
}

static TnObject *bytearray_inplace_concat(TnObject *self, TnObject *other)
{
    if (other == self) {
        int r;
        TN_BEGIN_CRITICAL_SECTION(self);
        r = inplace_concat_self_lock_held(as_ba(self));
        TN_END_CRITICAL_SECTION();
        return r < 0 ? NULL : tn_newref(self);
    }
    TnByteBuf b = {0};
    int got = tn_bbuf_put_bytes_like(&b, other);   /* a copy: other may be self */
    if (got == 0)
        tn_err_format(&tn_exc_TypeError, "can't concat %s to %s", tn_type_name(tn_type(other)), tn_type_name(tn_type(self)));
    int r = got > 0 ? append(self, b.buf, b.len) : -1;
    tn_bbuf_free(&b);
    return r < 0 ? NULL : tn_newref(self);
}

static int inplace_repeat_lock_held(TnByteArray *ba, tn_ssize_t n)
{
    tn_ssize_t len = ba->size;
    if (n < 0)
        n = 0;
    if (len > 0 && n > TN_BYTES_MAX / len) {
        tn_err_no_memory();
        return -1;
    }
    if (tn_bytearray_resize_lock_held(ba, len * n) < 0)
        return -1;
    tn_bytes_fill_repeat(ba->data, len, n);
    return 0;
}

static TnObject *bytearray_inplace_repeat(TnObject *self, tn_ssize_t n)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = inplace_repeat_lock_held(as_ba(self), n);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : tn_newref(self);
}

/* self[i] with a negative i counted from the end, inside the section. */
static int item_adjusted_lock_held(TnByteArray *ba, tn_ssize_t i)
{
    return item_lock_held(ba, i < 0 ? i + ba->size : i);
}

static TnObject *bytearray_item_adjusted(TnObject *self, tn_ssize_t i)
{
    int v;
    TN_BEGIN_CRITICAL_SECTION(self);
    v = item_adjusted_lock_held(as_ba(self), i);
    TN_END_CRITICAL_SECTION();
    if (v < 0)
        return tn_err_format(&tn_exc_IndexError, "bytearray index out of range");
    return tn_int_from_i64(v);
}

static TnObject *bytearray_subscript(TnObject *self, TnObject *key)
{
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return bytearray_item_adjusted(self, i);
    }
    if (!tn_slice_check(key))
        return tn_err_format(&tn_exc_TypeError, "bytearray indices must be integers or slices, not %s",
                             tn_type_name(tn_type(key)));
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(key, &start, &stop, &step) < 0)   /* may run Python code: before the section */
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = tn_bytes_slice_unpacked(self, as_ba(self)->data ? as_ba(self)->data : "", as_ba(self)->size, start,
                                stop, step);
    TN_END_CRITICAL_SECTION();
    return r;
}

static int ass_ext_slice_lock_held(TnByteArray *ba, tn_ssize_t start, tn_ssize_t stop, tn_ssize_t step,
                                   const char *s, tn_ssize_t k, int del)
{
    tn_critical_section_assert_held(ba);
    tn_ssize_t n = tn_slice_adjust_indices(ba->size, &start, &stop, step);
    if (del) {
        if (n == 0)
            return 0;
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        if (ba->exports > 0)
            return tn_bytearray_resize_lock_held(ba, -2);
        tn_ssize_t w = start;
        for (tn_ssize_t r = start; r < ba->size; r++) {
            if (r >= start && (r - start) % step == 0 && (r - start) / step < n)
                continue;
            ba->data[w++] = ba->data[r];
        }
        return tn_bytearray_resize_lock_held(ba, w);
    }
    if (step == 1)
        return splice_lock_held(ba, start, stop > start ? stop : start, s, k);
    if (k != n) {
        tn_err_format(&tn_exc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
                      k, n);
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        ba->data[start + i * step] = s[i];
    return 0;
}

static int bytearray_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return -1;
        int v = -1;
        if (value != NULL && (v = tn_bytes_byte_value(value)) < 0)
            return -1;
        int r;
        TN_BEGIN_CRITICAL_SECTION(self);
        r = set_item_lock_held(as_ba(self), i, v);
        TN_END_CRITICAL_SECTION();
        return r;
    }
    if (!tn_slice_check(key)) {
        tn_err_format(&tn_exc_TypeError, "bytearray indices must be integers or slices, not %s",
                      tn_type_name(tn_type(key)));
        return -1;
    }
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    TnByteBuf b = {0};
    if (value != NULL) {
        int bad = tn_int_check(value) || tn_str_check(value);
        if (bad || tn_bytes_from_source(value, &b, 1) < 0) {
            if (bad || tn_err_matches(&tn_exc_TypeError)) {
                tn_err_clear();
                tn_err_set_str(&tn_exc_TypeError,
                               "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            }
            tn_bbuf_free(&b);
            return -1;
        }
    }
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = ass_ext_slice_lock_held(as_ba(self), start, stop, step, b.buf, b.len, value == NULL);
    TN_END_CRITICAL_SECTION();
    tn_bbuf_free(&b);
    return r;
}

static int bytearray_bool(TnObject *self) { return size_of(self) != 0; }

static TnObject *bytearray_mod(TnObject *a, TnObject *b)
{
    if (!tn_bytearray_check(a))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnBytesView fmt;   /* a copy: formatting runs Python code (__str__, __index__) */
    if (tn_bytes_view_copy(a, &fmt) < 0)
        return NULL;
    TnObject *r = tn_bytes_printf(fmt.d, fmt.n, b);
    tn_bytes_view_release(&fmt);
    if (r == NULL)
        return NULL;
    TnObject *ba = tn_bytearray_from_data(tn_bytes_data(r), tn_bytes_size(r));
    tn_decref(r);
    return ba;
}

static TnObject *bytearray_iter(TnObject *self)
{
    return tn_bytes_iter_new(&tn_type_bytearray_iterator, self);
}

/* ---- methods ----------------------------------------------------------- */

static int args_check(const char *fname, tn_ssize_t nargs, TnObject *kw, int min, int max)
{
    if (tn_args_no_kw(fname, kw) < 0)
        return -1;
    return tn_args_count(fname, nargs, min, max);
}

TnObject *tn_bytearray_append_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (args_check("append", nargs, kw, 1, 1) < 0)
        return NULL;
    int v = tn_bytes_byte_value(args[0]);
    if (v < 0)
        return NULL;
    char c = (char)v;
    if (append(self, &c, 1) < 0)
        return NULL;
    return tn_newref(TN_NONE);
}

TnObject *tn_bytearray_extend_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (args_check("extend", nargs, kw, 1, 1) < 0)
        return NULL;
    TnObject *v = args[0];
    TnByteBuf b = {0};
    if (tn_str_check(v)) {
        if (tn_str_length(v) == 0)
            return tn_newref(TN_NONE);
        tn_err_set_str(&tn_exc_TypeError, "'str' object cannot be interpreted as an integer");
        return NULL;
    }
    if (tn_slice_index_check(v)) {
        tn_err_format(&tn_exc_TypeError, "can't extend bytearray with %s", tn_type_name(tn_type(v)));
        return NULL;
    }
    /* An iterable of ints: reserve its length hint first, as CPython does. */
    const char *unused_d;
    tn_ssize_t unused_n;
    bool iterable = !tn_bytes_like(v, &unused_d, &unused_n);
    if ((iterable && tn_bbuf_reserve_hint(&b, v) < 0) || tn_bytes_from_source(v, &b, 1) < 0) {
        tn_bbuf_free(&b);
        return NULL;
    }
    int r = append(self, b.buf, b.len);
    tn_bbuf_free(&b);
    return r < 0 ? NULL : tn_newref(TN_NONE);
}

/* Insert c before index i (clipped like list.insert). */
static int insert_lock_held(TnByteArray *ba, tn_ssize_t i, char c)
{
    tn_ssize_t n = ba->size;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    return splice_lock_held(ba, i, i, &c, 1);
}

TnObject *tn_bytearray_insert_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (args_check("insert", nargs, kw, 2, 2) < 0)
        return NULL;
    tn_ssize_t i = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (i == -1 && tn_err_occurred())
        return NULL;
    int v = tn_bytes_byte_value(args[1]);
    if (v < 0)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = insert_lock_held(as_ba(self), i, (char)v);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : tn_newref(TN_NONE);
}

/* Remove self[i]: its value, or -1 with IndexError. */
static int pop_lock_held(TnByteArray *ba, tn_ssize_t i)
{
    tn_ssize_t n = ba->size;
    if (n == 0) {
        tn_err_set_str(&tn_exc_IndexError, "pop from empty bytearray");
        return -1;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        tn_err_set_str(&tn_exc_IndexError, "pop index out of range");
        return -1;
    }
    int v = (unsigned char)ba->data[i];
    return splice_lock_held(ba, i, i + 1, NULL, 0) < 0 ? -1 : v;
}

TnObject *tn_bytearray_pop_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (args_check("pop", nargs, kw, 0, 1) < 0)
        return NULL;
    tn_ssize_t i = -1;
    if (nargs > 0) {
        i = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (i == -1 && tn_err_occurred())
            return NULL;
    }
    int v;
    TN_BEGIN_CRITICAL_SECTION(self);
    v = pop_lock_held(as_ba(self), i);
    TN_END_CRITICAL_SECTION();
    return v < 0 ? NULL : tn_int_from_i64(v);
}

static int remove_lock_held(TnByteArray *ba, int v)
{
    const char *p = ba->size > 0 ? memchr(ba->data, v, (size_t)ba->size) : NULL;
    if (p == NULL) {
        tn_err_set_str(&tn_exc_ValueError, "value not found in bytearray");
        return -1;
    }
    tn_ssize_t i = p - ba->data;
    return splice_lock_held(ba, i, i + 1, NULL, 0);
}

TnObject *tn_bytearray_remove_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (args_check("remove", nargs, kw, 1, 1) < 0)
        return NULL;
    int v = tn_bytes_byte_value(args[0]);
    if (v < 0)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = remove_lock_held(as_ba(self), v);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : tn_newref(TN_NONE);
}

TnObject *tn_bytearray_clear_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (args_check("clear", nargs, kw, 0, 0) < 0)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = splice_lock_held(as_ba(self), 0, as_ba(self)->size, NULL, 0);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : tn_newref(TN_NONE);
}

TnObject *tn_bytearray_copy_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (args_check("copy", nargs, kw, 0, 0) < 0)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = tn_bytearray_from_data(as_ba(self)->data, as_ba(self)->size);
    TN_END_CRITICAL_SECTION();
    return r;
}

TnObject *tn_bytearray_reverse_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (args_check("reverse", nargs, kw, 0, 0) < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    TnByteArray *ba = as_ba(self);
    for (tn_ssize_t i = 0, j = ba->size - 1; i < j; i++, j--) {
        char t = ba->data[i];
        ba->data[i] = ba->data[j];
        ba->data[j] = t;
    }
    TN_END_CRITICAL_SECTION();
    return tn_newref(TN_NONE);
}

static const TnSequenceMethods bytearray_as_sequence = {
    .length = bytearray_length,
    .concat = bytearray_concat,
    .repeat = bytearray_repeat,
    .item = bytearray_item,
    .ass_item = bytearray_ass_item,
    .contains = bytearray_contains,
    .inplace_concat = bytearray_inplace_concat,
    .inplace_repeat = bytearray_inplace_repeat,
};

static const TnMappingMethods bytearray_as_mapping = {
    .length = bytearray_length,
    .subscript = bytearray_subscript,
    .ass_subscript = bytearray_ass_subscript,
};

static const TnNumberMethods bytearray_as_number = {
    .remainder = bytearray_mod,
    .bool_ = bytearray_bool,
};

TnType tn_type_bytearray = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "bytearray",
    .basicsize = sizeof(TnByteArray),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = bytearray_dealloc,
    .repr = bytearray_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = bytearray_richcompare,
    .iter = bytearray_iter,
    .new_ = bytearray_new_from_python,
    .as_number = &bytearray_as_number,
    .as_sequence = &bytearray_as_sequence,
    .as_mapping = &bytearray_as_mapping,
    .methods = tn_bytearray_methods,
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
           "bytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array",
};
