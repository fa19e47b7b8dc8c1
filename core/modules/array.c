/* core/modules/array.c — the array module of CPython 3.11
 * (Modules/arraymodule.c): array.array over a C buffer of one of the
 * typecodes bBuhHiIlLqQfd (x86-64 sizes), its iterator,
 * _array_reconstructor (pickling), typecodes and ArrayType (docs/stdlib.md).
 *
 * Threads (ft): every operation reads or writes the buffer inside the
 * array's critical section (two arrays: a two-object section), so each one
 * is atomic and a reader never sees a buffer another thread frees.  A
 * value is converted to its C form (which may run __index__ / __float__)
 * before the section is entered, and results are made into Python objects
 * only from values copied out of it.  bytes(a) and the bytes-like readers
 * take a snapshot (__bytes__ / tobytes), so no export can outlive a resize.
 *
 * Not provided: the buffer protocol (memoryview(a), writing into an array
 * through a memoryview or readinto), which Tandem's memoryview does not
 * have for other types than bytes and bytearray. */
#include <stdio.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/compiler/ast.h"
#include "gc/gc.h"
#include "threading/atomic.h"

typedef union ArrVal {
    int64_t i;
    uint64_t u;
    double d;
} ArrVal;

typedef struct Descr {
    char code;
    int size;
    bool is_signed;
    bool is_float;
    int mformat;             /* CPython's machine format code on x86-64 */
    const char *min_msg, *max_msg;   /* range errors of the narrow integer codes */
} Descr;

static const Descr descrs[] = {
    {'b', 1, true, false, 1, "signed char is less than minimum", "signed char is greater than maximum"},
    {'B', 1, false, false, 0, "unsigned byte integer is less than minimum",
     "unsigned byte integer is greater than maximum"},
    {'u', 4, false, false, 20, NULL, NULL},
    {'h', 2, true, false, 4, "signed short integer is less than minimum", "signed short integer is greater than maximum"},
    {'H', 2, false, false, 2, "unsigned short is less than minimum", "unsigned short is greater than maximum"},
    {'i', 4, true, false, 8, "signed integer is less than minimum", "signed integer is greater than maximum"},
    {'I', 4, false, false, 6, NULL, "unsigned int is greater than maximum"},
    {'l', 8, true, false, 12, NULL, NULL},
    {'L', 8, false, false, 10, NULL, NULL},
    {'q', 8, true, false, 12, NULL, NULL},
    {'Q', 8, false, false, 10, NULL, NULL},
    {'f', 4, true, true, 14, NULL, NULL},
    {'d', 8, true, true, 16, NULL, NULL},
};
#define NDESCRS ((int)(sizeof descrs / sizeof descrs[0]))

typedef struct ArrayObject {
    TnObject ob;
    char *data;
    tn_ssize_t size;         /* items */
    tn_ssize_t alloc;        /* items the buffer holds */
    const Descr *d;
    TnObject *weaklist;
} ArrayObject;

#define ARR(o) ((ArrayObject *)(o))

static TnType array_type, arrayiter_type;

static bool array_check(TnObject *o)
{
    return tn_object_type_check(o, &array_type);
}

static const Descr *find_descr(uint32_t c)
{
    for (int i = 0; i < NDESCRS; i++)
        if ((uint32_t)descrs[i].code == c)
            return &descrs[i];
    return NULL;
}

/* ---- values -------------------------------------------------------------- */

static TnObject *int_from_u64(uint64_t u)
{
    if (u <= (uint64_t)INT64_MAX)
        return tn_int_from_i64((int64_t)u);
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)u);
    return tn_int_from_string(buf, (tn_ssize_t)strlen(buf), 10);
}

/* n (an int) as an unsigned 64-bit value; *fits false when n >= 2**64. */
static int int_to_u64(TnObject *n, uint64_t *out, bool *fits)
{
    int overflow = 0;
    int64_t v = tn_int_as_i64(n, &overflow);
    *fits = !overflow;
    *out = (uint64_t)v;
    if (!overflow)
        return 0;
    TnObject *sh = tn_int_from_i64(32), *mask = tn_int_from_i64(0xffffffff);
    TnObject *hi = sh != NULL ? tn_number_binop(n, sh, TN_OP_RSHIFT) : NULL;
    TnObject *lo = hi != NULL && mask != NULL ? tn_number_binop(n, mask, TN_OP_BITAND) : NULL;
    int r = lo != NULL ? 0 : -1;
    if (r == 0) {
        int o1 = 0, o2 = 0;
        int64_t h = tn_int_as_i64(hi, &o1), l = tn_int_as_i64(lo, &o2);
        *fits = !o1 && h <= 0xffffffff;
        *out = (uint64_t)h << 32 | (uint64_t)l;
    }
    tn_xdecref(sh);
    tn_xdecref(mask);
    tn_xdecref(hi);
    tn_xdecref(lo);
    return r;
}

static int overflow(const char *msg)
{
    tn_err_set_str(&tn_exc_OverflowError, msg);
    return -1;
}

/* v converted for code d (may run __index__ / __float__): CPython's
 * messages.  0 / -1. */
static int convert_int(const Descr *d, TnObject *n, ArrVal *out)
{
    int ovf = 0;
    int64_t v = tn_int_as_i64(n, &ovf);
    char c = d->code;
    if (c == 'q' || c == 'Q') {
        if (c == 'q')
            return ovf ? overflow("int too big to convert") : (out->i = v, 0);
        bool fits;
        if (tn_int_sign(n) < 0)
            return overflow("can't convert negative int to unsigned");
        if (int_to_u64(n, &out->u, &fits) < 0)
            return -1;
        return fits ? 0 : overflow("int too big to convert");
    }
    if (c == 'L' || c == 'I') {
        if (tn_int_sign(n) < 0)
            return overflow("can't convert negative value to unsigned int");
        bool fits;
        if (int_to_u64(n, &out->u, &fits) < 0)
            return -1;
        if (!fits)
            return overflow("Python int too large to convert to C unsigned long");
        if (c == 'I' && out->u > 0xffffffffu)
            return overflow(d->max_msg);
        return 0;
    }
    if (ovf)
        return overflow("Python int too large to convert to C long");
    out->i = v;
    if (c == 'l')
        return 0;
    int64_t lo = d->is_signed ? -((int64_t)1 << (8 * d->size - 1)) : 0;
    int64_t hi = d->is_signed ? ((int64_t)1 << (8 * d->size - 1)) - 1 : ((int64_t)1 << (8 * d->size)) - 1;
    /* CPython parses 'b' as a short and 'H' as an int first. */
    const Descr *wider = c == 'b' ? find_descr('h') : c == 'H' ? find_descr('i') : NULL;
    if (wider != NULL && convert_int(wider, n, out) < 0)
        return -1;
    if (c == 'B' || c == 'b' || c == 'H' || c == 'h' || c == 'i') {
        if (v < lo)
            return overflow(d->min_msg);
        if (v > hi)
            return overflow(d->max_msg);
    }
    return 0;
}

static int convert(const Descr *d, TnObject *v, ArrVal *out)
{
    if (d->code == 'u') {
        if (!tn_str_check(v) || tn_str_length(v) != 1) {
            tn_err_set_str(&tn_exc_TypeError, "array item must be unicode character");
            return -1;
        }
        out->u = tn_str_read(v, 0);
        return 0;
    }
    if (d->is_float) {
        if (tn_float_check(v)) {
            out->d = tn_float_value(v);
            return 0;
        }
        const TnNumberMethods *nb = tn_type(v)->as_number;
        if (nb == NULL || (nb->float_ == NULL && nb->index == NULL)) {
            tn_err_format(&tn_exc_TypeError, "must be real number, not %s", tn_type(v)->name);
            return -1;
        }
        TnObject *f = tn_number_float(v);
        if (f == NULL) {
            if (tn_err_matches(&tn_exc_TypeError) && !tn_int_check(v)) {
                tn_err_clear();
                tn_err_format(&tn_exc_TypeError, "must be real number, not %s", tn_type(v)->name);
            }
            return -1;
        }
        out->d = tn_float_value(f);
        tn_decref(f);
        return 0;
    }
    TnObject *n = tn_number_index(v);
    if (n == NULL)
        return -1;
    int r = convert_int(d, n, out);
    tn_decref(n);
    return r;
}

static void store(const Descr *d, char *p, ArrVal v)
{
    switch (d->code) {
    case 'f': {
        float f = (float)v.d;
        memcpy(p, &f, 4);
        break;
    }
    case 'd':
        memcpy(p, &v.d, 8);
        break;
    default: {
        uint64_t u = v.u;   /* little endian: the low bytes */
        memcpy(p, &u, (size_t)d->size);
        break;
    }
    }
}

static ArrVal load(const Descr *d, const char *p)
{
    ArrVal v = {0};
    if (d->code == 'f') {
        float f;
        memcpy(&f, p, 4);
        v.d = f;
    } else if (d->code == 'd') {
        memcpy(&v.d, p, 8);
    } else {
        memcpy(&v.u, p, (size_t)d->size);
        if (d->is_signed && d->size < 8 && (v.u >> (8 * d->size - 1)) & 1)
            v.u |= ~(uint64_t)0 << (8 * d->size);
    }
    return v;
}

static TnObject *value_object(const Descr *d, ArrVal v)
{
    if (d->is_float)
        return tn_float_from_double(v.d);
    if (d->code == 'u')
        return v.u <= 0x10ffff ? tn_str_from_char((uint32_t)v.u)
                               : tn_err_format(&tn_exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                                               (unsigned)v.u);
    return d->is_signed ? tn_int_from_i64(v.i) : int_from_u64(v.u);
}

/* ---- storage (lock held) -------------------------------------------------- */

/* len() reads the size without the lock. */
static void set_size(ArrayObject *a, tn_ssize_t n)
{
    tn_atomic_store_intptr_relaxed((intptr_t *)&a->size, (intptr_t)n);
}

static int resize_lock_held(ArrayObject *a, tn_ssize_t n)
{
    if (n <= a->alloc && n >= a->alloc / 4) {
        set_size(a, n);
        return 0;
    }
    tn_ssize_t cap = n + (n >> 4) + (n < 8 ? 3 : 7);
    if (n == 0)
        cap = 0;
    if (cap > TN_BYTES_MAX / a->d->size) {
        tn_err_no_memory();
        return -1;
    }
    char *p = cap == 0 ? NULL : tn_mem_realloc(a->data, (size_t)(cap * a->d->size));
    if (cap != 0 && p == NULL) {
        tn_err_no_memory();
        return -1;
    }
    if (cap == 0)
        tn_mem_free(a->data);
    a->data = p;
    a->alloc = cap;
    set_size(a, n);
    return 0;
}

static char *item_ptr(ArrayObject *a, tn_ssize_t i)
{
    return a->data + i * a->d->size;
}

static int append_lock_held(ArrayObject *a, ArrVal v)
{
    if (resize_lock_held(a, a->size + 1) < 0)
        return -1;
    store(a->d, item_ptr(a, a->size - 1), v);
    return 0;
}

static int append_bytes_lock_held(ArrayObject *a, const char *s, tn_ssize_t nbytes)
{
    tn_ssize_t old = a->size;
    if (resize_lock_held(a, old + nbytes / a->d->size) < 0)
        return -1;
    if (nbytes > 0)
        memcpy(item_ptr(a, old), s, (size_t)nbytes);
    return 0;
}

/* A copy of the bytes of items [start, start + n) (lock held). */
static TnObject *bytes_lock_held(ArrayObject *a, tn_ssize_t start, tn_ssize_t n)
{
    return tn_bytes_from_data(n > 0 ? item_ptr(a, start) : "", n * a->d->size);
}

/* A snapshot of the whole buffer. */
static TnObject *snapshot(TnObject *self)
{
    TnObject *b;
    TN_BEGIN_CRITICAL_SECTION(self);
    b = bytes_lock_held(ARR(self), 0, ARR(self)->size);
    TN_END_CRITICAL_SECTION();
    return b;
}

static TnObject *new_array(TnType *type, const Descr *d, const char *data, tn_ssize_t n)
{
    ArrayObject *a = (ArrayObject *)tn_object_new(type, (size_t)type->basicsize);
    if (a == NULL)
        return NULL;
    a->d = d;
    if (n > 0 && append_bytes_lock_held(a, data, n * d->size) < 0) {
        tn_decref(TN_OBJ(a));
        return NULL;
    }
    return TN_OBJ(a);
}

/* ---- construction -------------------------------------------------------- */

/* Append each item of iterable (converted outside the lock, appended one
 * by one).  0 / -1. */
static int extend_iterable(TnObject *self, TnObject *iterable)
{
    TnObject *it = tn_object_get_iter(iterable);
    if (it == NULL)
        return -1;
    TnObject *item;
    int r = 0;
    while (r == 0 && (item = tn_iter_next(it)) != NULL) {
        ArrVal v;
        r = convert(ARR(self)->d, item, &v);
        tn_decref(item);
        if (r == 0) {
            TN_BEGIN_CRITICAL_SECTION(self);
            r = append_lock_held(ARR(self), v);
            TN_END_CRITICAL_SECTION();
        }
    }
    tn_decref(it);
    return r < 0 || tn_err_occurred() ? -1 : 0;
}

static int frombytes_data(TnObject *self, const char *s, tn_ssize_t n)
{
    if (n % ARR(self)->d->size != 0) {
        tn_err_set_str(&tn_exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = append_bytes_lock_held(ARR(self), s, n);
    TN_END_CRITICAL_SECTION();
    return r;
}

static int fromunicode_str(TnObject *self, TnObject *s)
{
    tn_ssize_t n = tn_str_length(s);
    uint32_t *cps = tn_mem_alloc((size_t)(n > 0 ? n : 1) * 4);
    if (cps == NULL) {
        tn_err_no_memory();
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        cps[i] = tn_str_read(s, i);
    int r = frombytes_data(self, (const char *)cps, n * 4);
    tn_mem_free(cps);
    return r;
}

/* extend(a) with another array: its bytes, read in its own section. */
static int extend_array(TnObject *self, TnObject *other)
{
    if (ARR(other)->d != ARR(self)->d) {
        tn_err_set_str(&tn_exc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    TnObject *b = snapshot(other);
    if (b == NULL)
        return -1;
    int r = frombytes_data(self, tn_bytes_data(b), tn_bytes_size(b));
    tn_decref(b);
    return r;
}

static TnObject *array_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (type == &array_type && tn_args_no_kw("array.array", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        return tn_err_format(&tn_exc_TypeError, nargs < 1 ? "array() takes at least 1 argument (%zd given)"
                                                          : "array() takes at most 2 arguments (%zd given)", nargs);
    }
    if (!tn_str_check(args[0]) || tn_str_length(args[0]) != 1)
        return tn_err_format(&tn_exc_TypeError, "array() argument 1 must be a unicode character, not %s",
                             tn_type(args[0])->name);
    const Descr *d = find_descr(tn_str_read(args[0], 0));
    if (d == NULL)
        return tn_err_format(&tn_exc_ValueError,
                             "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    TnObject *init = nargs > 1 ? args[1] : NULL;
    if (init != NULL && tn_str_check(init) && d->code != 'u')
        return tn_err_format(&tn_exc_TypeError, "cannot use a str to initialize an array with typecode '%c'",
                             d->code);
    TnObject *self = new_array(type, d, NULL, 0);
    if (self == NULL || init == NULL)
        return self;
    int r;
    TnBytesView v;
    if (tn_str_check(init)) {
        r = fromunicode_str(self, init);
    } else if (array_check(init)) {
        if (ARR(init)->d->code == 'u' && d->code != 'u') {
            r = -1;
            tn_err_format(&tn_exc_TypeError, "cannot use a unicode array to initialize an array with typecode '%c'",
                          d->code);
        } else if (ARR(init)->d == d) {
            r = extend_array(self, init);
        } else {
            r = extend_iterable(self, init);
        }
    } else if (tn_bytes_check(init) || tn_bytearray_check(init)) {
        r = tn_bytes_view(init, &v) < 0 ? -1 : frombytes_data(self, v.d, v.n);
        tn_bytes_view_release(&v);
    } else {
        r = extend_iterable(self, init);
    }
    if (r < 0)
        TN_CLEAR(self);
    return self;
}

static void array_dealloc(TnObject *self)
{
    tn_mem_free(ARR(self)->data);
    tn_object_free(self);
}

/* ---- sequence ------------------------------------------------------------ */

static tn_ssize_t array_length(TnObject *self)
{
    return (tn_ssize_t)tn_atomic_load_intptr_relaxed((const intptr_t *)&ARR(self)->size);
}

/* Item i as a value; false when out of range (lock held). */
static bool get_lock_held(ArrayObject *a, tn_ssize_t i, ArrVal *v)
{
    if (i < 0 || i >= a->size)
        return false;
    *v = load(a->d, item_ptr(a, i));
    return true;
}

static TnObject *array_item(TnObject *self, tn_ssize_t i)
{
    ArrVal v;
    bool ok;
    TN_BEGIN_CRITICAL_SECTION(self);
    ok = get_lock_held(ARR(self), i, &v);
    TN_END_CRITICAL_SECTION();
    if (!ok)
        return tn_err_format(&tn_exc_IndexError, "array index out of range");
    return value_object(ARR(self)->d, v);
}

static int set_lock_held(ArrayObject *a, tn_ssize_t i, ArrVal v)
{
    if (i < 0)
        i += a->size;
    if (i < 0 || i >= a->size)
        return -1;
    store(a->d, item_ptr(a, i), v);
    return 0;
}

/* Delete items start, start+step, ... (count of them), lock held. */
static int delete_lock_held(ArrayObject *a, tn_ssize_t start, tn_ssize_t step, tn_ssize_t count)
{
    int size = a->d->size;
    if (count <= 0)
        return 0;
    if (step < 0) {
        start += step * (count - 1);
        step = -step;
    }
    tn_ssize_t w = start;
    for (tn_ssize_t r = start; r < a->size; r++) {
        if (r >= start && (r - start) % step == 0 && (r - start) / step < count)
            continue;
        memmove(item_ptr(a, w), item_ptr(a, r), (size_t)size);
        w++;
    }
    return resize_lock_held(a, a->size - count);
}

static int del_index_lock_held(ArrayObject *a, tn_ssize_t i)
{
    if (i < 0)
        i += a->size;
    if (i < 0 || i >= a->size)
        return 1;
    return delete_lock_held(a, i, 1, 1);
}

/* a[i] = value / del a[i]; a negative i counts from the end, resolved
 * against the size inside the section. */
static int ass_index(TnObject *self, tn_ssize_t i, TnObject *value)
{
    ArrVal v = {0};
    if (value != NULL && convert(ARR(self)->d, value, &v) < 0)
        return -1;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = value != NULL ? set_lock_held(ARR(self), i, v) : del_index_lock_held(ARR(self), i);
    TN_END_CRITICAL_SECTION();
    if (r != 0 && !tn_err_occurred()) {
        tn_err_set_str(&tn_exc_IndexError, "array assignment index out of range");
        return -1;
    }
    return r;
}

/* The sequence slot: the abstract layer has already added the length to a
 * negative index. */
static int array_ass_item(TnObject *self, tn_ssize_t i, TnObject *value)
{
    if (i < 0) {
        tn_err_set_str(&tn_exc_IndexError, "array assignment index out of range");
        return -1;
    }
    return ass_index(self, i, value);
}

static TnObject *slice_lock_held(TnObject *self, tn_ssize_t start, tn_ssize_t stop, tn_ssize_t step)
{
    ArrayObject *a = ARR(self);
    tn_ssize_t n = tn_slice_adjust_indices(a->size, &start, &stop, step);
    TnObject *r = new_array(&array_type, a->d, NULL, 0);
    if (r == NULL || resize_lock_held(ARR(r), n) < 0) {
        tn_xdecref(r);
        return NULL;
    }
    for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
        memcpy(item_ptr(ARR(r), k), item_ptr(a, i), (size_t)a->d->size);
    return r;
}

static TnObject *array_subscript(TnObject *self, TnObject *key)
{
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step;
        if (tn_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        TnObject *r;
        TN_BEGIN_CRITICAL_SECTION(self);
        r = slice_lock_held(self, start, stop, step);
        TN_END_CRITICAL_SECTION();
        return r;
    }
    if (!tn_slice_index_check(key))
        return tn_err_format(&tn_exc_TypeError, "array indices must be integers");
    tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
    if (i == -1 && tn_err_occurred())
        return NULL;
    if (i < 0)
        i += array_length(self);
    return array_item(self, i);
}

/* a[start:stop:step] = b (the bytes of an array of the same kind), lock held. */
static int ass_slice_lock_held(ArrayObject *a, tn_ssize_t start, tn_ssize_t stop, tn_ssize_t step, const char *src,
                               tn_ssize_t nsrc)
{
    int size = a->d->size;
    tn_ssize_t n = tn_slice_adjust_indices(a->size, &start, &stop, step);
    if (step == 1) {
        if (stop < start)
            stop = start;
        tn_ssize_t old = a->size, grow = nsrc - (stop - start);
        if (grow > 0 && resize_lock_held(a, old + grow) < 0)
            return -1;
        if (old > stop)
            memmove(item_ptr(a, stop + grow), item_ptr(a, stop), (size_t)((old - stop) * size));
        if (nsrc > 0)
            memcpy(item_ptr(a, start), src, (size_t)(nsrc * size));
        return grow < 0 ? resize_lock_held(a, old + grow) : 0;
    }
    if (src == NULL)
        return delete_lock_held(a, start, step, n);
    if (nsrc != n) {
        tn_err_format(&tn_exc_ValueError, "attempt to assign array of size %zd to extended slice of size %zd", nsrc, n);
        return -1;
    }
    for (tn_ssize_t k = 0, i = start; k < n; k++, i += step)
        memcpy(item_ptr(a, i), src + k * size, (size_t)size);
    return 0;
}

static int array_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    if (!tn_slice_check(key)) {
        if (!tn_slice_index_check(key)) {
            tn_err_set_str(&tn_exc_TypeError, "array indices must be integers");
            return -1;
        }
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return -1;
        return ass_index(self, i, value);
    }
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    TnObject *src = NULL;
    if (value != NULL) {
        if (!array_check(value)) {
            tn_err_format(&tn_exc_TypeError, "can only assign array (not \"%s\") to array slice",
                          tn_type(value)->name);
            return -1;
        }
        if (ARR(value)->d != ARR(self)->d) {
            tn_err_set_str(&tn_exc_TypeError, "bad argument type for built-in operation");
            return -1;
        }
        if ((src = snapshot(value)) == NULL)
            return -1;
    }
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = ass_slice_lock_held(ARR(self), start, stop, step, src != NULL ? tn_bytes_data(src) : NULL,
                            src != NULL ? tn_bytes_size(src) / ARR(self)->d->size : 0);
    TN_END_CRITICAL_SECTION();
    tn_xdecref(src);
    return r;
}

/* Items as objects: a list (for comparisons, tolist, repr). */
static TnObject *to_list(TnObject *self)
{
    TnObject *b = snapshot(self);
    if (b == NULL)
        return NULL;
    const Descr *d = ARR(self)->d;
    tn_ssize_t n = tn_bytes_size(b) / d->size;
    TnObject *l = tn_list_new(n);
    for (tn_ssize_t i = 0; l != NULL && i < n; i++) {
        TnObject *o = value_object(d, load(d, tn_bytes_data(b) + i * d->size));
        if (o == NULL) {
            for (tn_ssize_t k = i; k < n; k++)
                tn_list_set_steal(l, k, tn_none_ref());
            TN_CLEAR(l);
            break;
        }
        tn_list_set_steal(l, i, o);
    }
    tn_decref(b);
    return l;
}

static int array_contains(TnObject *self, TnObject *x)
{
    TnObject *l = to_list(self);
    if (l == NULL)
        return -1;
    int r = tn_sequence_contains(l, x);
    tn_decref(l);
    return r;
}

static TnObject *concat_arrays(TnObject *self, TnObject *other, bool inplace)
{
    if (!array_check(other))
        return tn_err_format(&tn_exc_TypeError, inplace ? "can only extend array with array (not \"%s\")"
                                                        : "can only append array (not \"%s\") to array",
                             tn_type(other)->name);
    if (ARR(other)->d != ARR(self)->d)
        return tn_err_format(&tn_exc_TypeError, inplace ? "can only extend with array of same kind"
                                                        : "bad argument type for built-in operation");
    if (inplace) {
        if (extend_array(self, other) < 0)
            return NULL;
        return tn_newref(self);
    }
    TnObject *a = snapshot(self), *b = a != NULL ? snapshot(other) : NULL;
    TnObject *r = NULL;
    if (b != NULL) {
        r = new_array(&array_type, ARR(self)->d, tn_bytes_data(a), tn_bytes_size(a) / ARR(self)->d->size);
        if (r != NULL && frombytes_data(r, tn_bytes_data(b), tn_bytes_size(b)) < 0)
            TN_CLEAR(r);
    }
    tn_xdecref(a);
    tn_xdecref(b);
    return r;
}

static TnObject *array_concat(TnObject *self, TnObject *other)
{
    return concat_arrays(self, other, false);
}

static TnObject *array_inplace_concat(TnObject *self, TnObject *other)
{
    return concat_arrays(self, other, true);
}

static TnObject *repeat_bytes(TnObject *b, tn_ssize_t n)
{
    if (n < 0)
        n = 0;
    tn_ssize_t len = tn_bytes_size(b);
    if (len > 0 && n > TN_BYTES_MAX / len)
        return tn_err_no_memory();
    char *buf = tn_mem_alloc((size_t)(len * n + 1));
    if (buf == NULL)
        return tn_err_no_memory();
    for (tn_ssize_t i = 0; i < n; i++)
        memcpy(buf + i * len, tn_bytes_data(b), (size_t)len);
    TnObject *r = tn_bytes_from_data(buf, len * n);
    tn_mem_free(buf);
    return r;
}

static TnObject *array_repeat(TnObject *self, tn_ssize_t n)
{
    TnObject *b = snapshot(self);
    TnObject *rep = b != NULL ? repeat_bytes(b, n) : NULL;
    tn_xdecref(b);
    if (rep == NULL)
        return NULL;
    TnObject *r = new_array(&array_type, ARR(self)->d, tn_bytes_data(rep), tn_bytes_size(rep) / ARR(self)->d->size);
    tn_decref(rep);
    return r;
}

static int replace_lock_held(ArrayObject *a, TnObject *b)
{
    if (resize_lock_held(a, 0) < 0)
        return -1;
    return append_bytes_lock_held(a, tn_bytes_data(b), tn_bytes_size(b));
}

static TnObject *array_inplace_repeat(TnObject *self, tn_ssize_t n)
{
    TnObject *b = snapshot(self);
    TnObject *rep = b != NULL ? repeat_bytes(b, n) : NULL;
    tn_xdecref(b);
    if (rep == NULL)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = replace_lock_held(ARR(self), rep);
    TN_END_CRITICAL_SECTION();
    tn_decref(rep);
    return r < 0 ? NULL : tn_newref(self);
}

static TnObject *array_richcompare(TnObject *self, TnObject *other, int op)
{
    if (!array_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    if ((op == TN_EQ || op == TN_NE) && array_length(self) != array_length(other))
        return tn_bool_from(op == TN_NE);
    TnObject *a = to_list(self), *b = a != NULL ? to_list(other) : NULL;
    TnObject *r = b != NULL ? tn_object_richcompare(a, b, op) : NULL;
    tn_xdecref(a);
    tn_xdecref(b);
    return r;
}

static TnObject *array_repr(TnObject *self)
{
    char code = ARR(self)->d->code;
    const char *name = tn_type(self)->name, *dot = strrchr(name, '.');
    if (dot != NULL)
        name = dot + 1;
    if (array_length(self) == 0)
        return tn_str_from_format("%s('%c')", name, code);
    TnObject *items;
    if (code == 'u') {
        TnObject *l = to_list(self);
        TnObject *empty = tn_str_from_cstr("");
        items = l != NULL && empty != NULL ? tn_str_join(empty, l) : NULL;
        tn_xdecref(l);
        tn_xdecref(empty);
    } else {
        items = to_list(self);
    }
    if (items == NULL)
        return NULL;
    TnObject *r = tn_str_from_format("%s('%c', %R)", name, code, items);
    tn_decref(items);
    return r;
}

/* ---- methods ------------------------------------------------------------- */

static TnObject *m_append(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    ArrVal v;
    if (tn_args_no_kw("append", kw) < 0 || tn_args_count("append", nargs, 1, 1) < 0 ||
        convert(ARR(self)->d, args[0], &v) < 0)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = append_lock_held(ARR(self), v);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : tn_none_ref();
}

static TnObject *m_extend(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("extend", kw) < 0 || tn_args_count("extend", nargs, 1, 1) < 0)
        return NULL;
    int r = array_check(args[0]) ? extend_array(self, args[0]) : extend_iterable(self, args[0]);
    return r < 0 ? NULL : tn_none_ref();
}

static int insert_lock_held(ArrayObject *a, tn_ssize_t i, ArrVal v)
{
    tn_ssize_t n = a->size;
    if (i < 0 && (i += n) < 0)
        i = 0;
    if (i > n)
        i = n;
    if (resize_lock_held(a, n + 1) < 0)
        return -1;
    if (n > i)
        memmove(item_ptr(a, i + 1), item_ptr(a, i), (size_t)((n - i) * a->d->size));
    store(a->d, item_ptr(a, i), v);
    return 0;
}

static TnObject *m_insert(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    ArrVal v;
    if (tn_args_no_kw("insert", kw) < 0 || tn_args_count("insert", nargs, 2, 2) < 0)
        return NULL;
    tn_ssize_t i = tn_number_as_ssize(args[0], NULL);
    if ((i == -1 && tn_err_occurred()) || convert(ARR(self)->d, args[1], &v) < 0)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = insert_lock_held(ARR(self), i, v);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : tn_none_ref();
}

/* 1: empty, 2: out of range, 0: *v popped, -1: error. */
static int pop_lock_held(ArrayObject *a, tn_ssize_t i, ArrVal *v)
{
    if (a->size == 0)
        return 1;
    if (i < 0)
        i += a->size;
    if (i < 0 || i >= a->size)
        return 2;
    *v = load(a->d, item_ptr(a, i));
    return delete_lock_held(a, i, 1, 1);
}

static TnObject *m_pop(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    tn_ssize_t i = -1;
    if (tn_args_no_kw("pop", kw) < 0 || tn_args_count("pop", nargs, 0, 1) < 0)
        return NULL;
    if (nargs > 0 && (i = tn_number_as_ssize(args[0], NULL)) == -1 && tn_err_occurred())
        return NULL;
    ArrVal v;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = pop_lock_held(ARR(self), i, &v);
    TN_END_CRITICAL_SECTION();
    if (r > 0)
        return tn_err_format(&tn_exc_IndexError, r == 1 ? "pop from empty array" : "pop index out of range");
    return r < 0 ? NULL : value_object(ARR(self)->d, v);
}

/* The first index in [start, stop) whose item == x, -1 if none, -2 on
 * error. */
static tn_ssize_t find(TnObject *self, TnObject *x, tn_ssize_t start, tn_ssize_t stop)
{
    TnObject *l = to_list(self);
    if (l == NULL)
        return -2;
    tn_ssize_t n = tn_list_size(l), found = -1;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0 && (stop += n) < 0)
        stop = 0;
    for (tn_ssize_t i = start; i < stop && i < n && found == -1; i++) {
        int eq = tn_object_richcompare_bool(tn_list_get_lock_held(l, i), x, TN_EQ);
        if (eq < 0)
            found = -2;
        else if (eq)
            found = i;
    }
    tn_decref(l);
    return found;
}

static TnObject *m_index(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    tn_ssize_t start = 0, stop = INTPTR_MAX;
    if (tn_args_no_kw("index", kw) < 0 || tn_args_count("index", nargs, 1, 3) < 0 ||
        (nargs > 1 && tn_slice_index_not_none(args[1], &start) < 0) ||
        (nargs > 2 && tn_slice_index_not_none(args[2], &stop) < 0))
        return NULL;
    tn_ssize_t i = find(self, args[0], start, stop);
    if (i == -1)
        return tn_err_format(&tn_exc_ValueError, "array.index(x): x not in array");
    return i < 0 ? NULL : tn_int_from_ssize(i);
}

static TnObject *m_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("count", kw) < 0 || tn_args_count("count", nargs, 1, 1) < 0)
        return NULL;
    TnObject *l = to_list(self);
    if (l == NULL)
        return NULL;
    tn_ssize_t c = 0;
    for (tn_ssize_t i = 0; i < tn_list_size(l) && c >= 0; i++) {
        int eq = tn_object_richcompare_bool(tn_list_get_lock_held(l, i), args[0], TN_EQ);
        c = eq < 0 ? -1 : c + eq;
    }
    tn_decref(l);
    return c < 0 ? NULL : tn_int_from_ssize(c);
}

/* Remove the item at i if the array still has it there unchanged. */
static void remove_at_lock_held(ArrayObject *a, tn_ssize_t i)
{
    if (i < a->size)
        delete_lock_held(a, i, 1, 1);
}

static TnObject *m_remove(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("remove", kw) < 0 || tn_args_count("remove", nargs, 1, 1) < 0)
        return NULL;
    tn_ssize_t i = find(self, args[0], 0, INTPTR_MAX);
    if (i == -1)
        return tn_err_format(&tn_exc_ValueError, "array.remove(x): x not in array");
    if (i < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    remove_at_lock_held(ARR(self), i);
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

static void reverse_lock_held(ArrayObject *a)
{
    int size = a->d->size;
    char tmp[8];
    for (tn_ssize_t i = 0, j = a->size - 1; i < j; i++, j--) {
        memcpy(tmp, item_ptr(a, i), (size_t)size);
        memcpy(item_ptr(a, i), item_ptr(a, j), (size_t)size);
        memcpy(item_ptr(a, j), tmp, (size_t)size);
    }
}

static TnObject *m_reverse(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("reverse", kw) < 0 || tn_args_count("reverse", nargs, 0, 0) < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    reverse_lock_held(ARR(self));
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

static void byteswap_lock_held(ArrayObject *a)
{
    int size = a->d->size;
    for (tn_ssize_t i = 0; i < a->size; i++) {
        char *p = item_ptr(a, i);
        for (int k = 0; k < size / 2; k++) {
            char t = p[k];
            p[k] = p[size - 1 - k];
            p[size - 1 - k] = t;
        }
    }
}

static TnObject *m_byteswap(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("byteswap", kw) < 0 || tn_args_count("byteswap", nargs, 0, 0) < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    byteswap_lock_held(ARR(self));
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

static TnObject *m_buffer_info(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("buffer_info", kw) < 0 || tn_args_count("buffer_info", nargs, 0, 0) < 0)
        return NULL;
    intptr_t addr;
    tn_ssize_t n;
    TN_BEGIN_CRITICAL_SECTION(self);
    addr = (intptr_t)ARR(self)->data;
    n = ARR(self)->size;
    TN_END_CRITICAL_SECTION();
    TnObject *a = tn_int_from_i64((int64_t)addr), *l = tn_int_from_ssize(n);
    TnObject *r = a != NULL && l != NULL ? tn_tuple_pack(2, a, l) : NULL;
    tn_xdecref(a);
    tn_xdecref(l);
    return r;
}

static TnObject *m_tobytes(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("tobytes", kw) < 0 || tn_args_count("tobytes", nargs, 0, 0) < 0)
        return NULL;
    return snapshot(self);
}

static TnObject *m_frombytes(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("frombytes", kw) < 0 || tn_args_count("frombytes", nargs, 1, 1) < 0)
        return NULL;
    /* An array is a buffer of items: bytes-like only with one-byte items. */
    if (array_check(args[0]) && ARR(args[0])->d->size != 1)
        return tn_err_format(&tn_exc_TypeError, "a bytes-like object is required");
    TnObject *b = array_check(args[0]) ? snapshot(args[0]) : tn_bytes_snapshot_ref(args[0]);
    if (b == NULL)
        return tn_err_occurred() ? NULL
                                 : tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                                                 tn_type(args[0])->name);
    int r = frombytes_data(self, tn_bytes_data(b), tn_bytes_size(b));
    tn_decref(b);
    return r < 0 ? NULL : tn_none_ref();
}

static TnObject *m_tolist(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("tolist", kw) < 0 || tn_args_count("tolist", nargs, 0, 0) < 0)
        return NULL;
    return to_list(self);
}

static TnObject *m_fromlist(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("fromlist", kw) < 0 || tn_args_count("fromlist", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_list_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "arg must be list");
    /* All or nothing: convert into a temporary array first. */
    TnObject *tmp = new_array(&array_type, ARR(self)->d, NULL, 0);
    if (tmp == NULL || extend_iterable(tmp, args[0]) < 0 || extend_array(self, tmp) < 0) {
        tn_xdecref(tmp);
        return NULL;
    }
    tn_decref(tmp);
    return tn_none_ref();
}

static TnObject *m_tounicode(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("tounicode", kw) < 0 || tn_args_count("tounicode", nargs, 0, 0) < 0)
        return NULL;
    if (ARR(self)->d->code != 'u')
        return tn_err_format(&tn_exc_ValueError, "tounicode() may only be called on unicode type arrays");
    TnObject *b = snapshot(self);
    if (b == NULL)
        return NULL;
    tn_ssize_t n = tn_bytes_size(b) / 4;
    TnObject *r = NULL;
    uint32_t *cps = tn_mem_alloc((size_t)(n > 0 ? n : 1) * 4);
    if (cps == NULL) {
        tn_err_no_memory();
    } else {
        memcpy(cps, tn_bytes_data(b), (size_t)n * 4);
        bool ok = true;
        for (tn_ssize_t i = 0; i < n && ok; i++)
            if (cps[i] > 0x10ffff) {
                tn_err_format(&tn_exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                              (unsigned)cps[i]);
                ok = false;
            }
        if (ok)
            r = tn_str_from_codepoints(cps, n);
        tn_mem_free(cps);
    }
    tn_decref(b);
    return r;
}

static TnObject *m_fromunicode(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("fromunicode", kw) < 0 || tn_args_count("fromunicode", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "fromunicode() argument must be str, not %s",
                             tn_type(args[0])->name);
    if (ARR(self)->d->code != 'u')
        return tn_err_format(&tn_exc_ValueError, "fromunicode() may only be called on unicode type arrays");
    return fromunicode_str(self, args[0]) < 0 ? NULL : tn_none_ref();
}

#define FILE_BLOCKSIZE (64 * 1024)

static TnObject *m_tofile(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("tofile", kw) < 0 || tn_args_count("tofile", nargs, 1, 1) < 0)
        return NULL;
    TnObject *b = snapshot(self);
    if (b == NULL)
        return NULL;
    tn_ssize_t n = tn_bytes_size(b);
    /* Written in blocks, as CPython does. */
    for (tn_ssize_t off = 0; off < n; off += FILE_BLOCKSIZE) {
        tn_ssize_t len = n - off < FILE_BLOCKSIZE ? n - off : FILE_BLOCKSIZE;
        TnObject *chunk = tn_bytes_from_data(tn_bytes_data(b) + off, len);
        TnObject *r = chunk != NULL ? tn_call_method_cstr(args[0], "write", &chunk, 1) : NULL;
        tn_xdecref(chunk);
        if (r == NULL) {
            tn_decref(b);
            return NULL;
        }
        tn_decref(r);
    }
    tn_decref(b);
    return tn_none_ref();
}

static TnObject *m_fromfile(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("fromfile", kw) < 0 || tn_args_count("fromfile", nargs, 2, 2) < 0)
        return NULL;
    tn_ssize_t n = tn_number_as_ssize(args[1], &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return NULL;
    if (n < 0)
        return tn_err_format(&tn_exc_ValueError, "negative count");
    int size = ARR(self)->d->size;
    if (n > INTPTR_MAX / size)
        return tn_err_no_memory();
    TnObject *want = tn_int_from_ssize(n * size);
    TnObject *b = want != NULL ? tn_call_method_cstr(args[0], "read", &want, 1) : NULL;
    tn_xdecref(want);
    if (b == NULL)
        return NULL;
    if (!tn_bytes_check(b)) {
        tn_decref(b);
        return tn_err_format(&tn_exc_TypeError, "read() didn't return bytes");
    }
    tn_ssize_t got = tn_bytes_size(b);
    int r = frombytes_data(self, tn_bytes_data(b), got);
    tn_decref(b);
    if (r < 0)
        return NULL;
    if (got != n * size)
        return tn_err_format(&tn_exc_EOFError, "read() didn't return enough bytes");
    return tn_none_ref();
}

static TnObject *m_copy(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    TnObject *b = snapshot(self);
    TnObject *r = b != NULL ? new_array(&array_type, ARR(self)->d, tn_bytes_data(b), tn_bytes_size(b) / ARR(self)->d->size)
                            : NULL;
    tn_xdecref(b);
    return r;
}

static TnObject *m_sizeof(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return tn_int_from_ssize(tn_type(self)->basicsize + ARR(self)->alloc * ARR(self)->d->size);
}

static TnObject *m_bytes(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return snapshot(self);
}

static TnObject *reconstructor;   /* array._array_reconstructor, for __reduce_ex__ */

static TnObject *m_reduce_ex(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("__reduce_ex__", kw) < 0 || tn_args_count("__reduce_ex__", nargs, 1, 1) < 0)
        return NULL;
    tn_ssize_t protocol = tn_number_as_ssize(args[0], NULL);
    if (protocol == -1 && tn_err_occurred())
        return NULL;
    TnObject *dict = NULL;
    TnObject *name = tn_str_intern_cstr("__dict__");
    if (tn_object_lookup_attr(self, name, &dict) < 0)
        return NULL;
    if (dict == NULL)
        dict = tn_none_ref();
    TnObject *code = tn_str_from_char((uint32_t)ARR(self)->d->code);
    TnObject *items = protocol < 3 ? to_list(self) : snapshot(self);
    TnObject *cargs = NULL, *r = NULL;
    if (code != NULL && items != NULL) {
        if (protocol < 3) {
            cargs = tn_tuple_pack(2, code, items);
        } else {
            TnObject *mf = tn_int_from_ssize(ARR(self)->d->mformat);
            cargs = mf != NULL ? tn_tuple_pack(4, TN_OBJ(tn_type(self)), code, mf, items) : NULL;
            tn_xdecref(mf);
        }
    }
    if (cargs != NULL)
        r = tn_tuple_pack(3, protocol < 3 ? TN_OBJ(tn_type(self)) : reconstructor, cargs, dict);
    tn_xdecref(code);
    tn_xdecref(items);
    tn_xdecref(cargs);
    tn_decref(dict);
    return r;
}

static const TnMethodDef array_methods[] = {
    {"append", m_append, 0, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, 0, "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents."},
    {"byteswap", m_byteswap, 0, "Byteswap all items of the array."},
    {"count", m_count, 0, "Return number of occurrences of v in the array."},
    {"extend", m_extend, 0, "Append items to the end of the array."},
    {"frombytes", m_frombytes, 0, "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method."},
    {"fromfile", m_fromfile, 0, "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", m_fromlist, 0, "Append items to array from list."},
    {"fromunicode", m_fromunicode, 0, "Extends this array with data from the unicode string ustr."},
    {"index", m_index, 0, "Return index of first occurrence of v in the array."},
    {"insert", m_insert, 0, "Insert a new item v into the array before position i."},
    {"pop", m_pop, 0, "Return the i-th element and delete it from the array."},
    {"remove", m_remove, 0, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, 0, "Reverse the order of the items in the array."},
    {"tobytes", m_tobytes, 0, "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", m_tofile, 0, "Write all items (as machine values) to the file object f."},
    {"tolist", m_tolist, 0, "Convert array to an ordinary list with the same items."},
    {"tounicode", m_tounicode, 0, "Extends this array with data from the unicode string ustr."},
    {"__copy__", m_copy, 0, "Return a copy of the array."},
    {"__deepcopy__", m_copy, 0, "Return a copy of the array."},
    {"__reduce_ex__", m_reduce_ex, 0, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, 0, "Size of the array in memory, in bytes."},
    {"__bytes__", m_bytes, 0, "bytes(a): the machine values (Tandem has no buffer protocol for arrays)."},
    {NULL, NULL, 0, NULL},
};

static TnObject *get_typecode(TnObject *self, void *c)
{
    return tn_str_from_char((uint32_t)ARR(self)->d->code);
}

static TnObject *get_itemsize(TnObject *self, void *c)
{
    return tn_int_from_ssize(ARR(self)->d->size);
}

static const TnGetSetDef array_getsets[] = {
    {"typecode", get_typecode, NULL, "the typecode character used to create the array", NULL},
    {"itemsize", get_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnSequenceMethods array_as_sequence = {
    .length = array_length,
    .concat = array_concat,
    .repeat = array_repeat,
    .item = array_item,
    .ass_item = array_ass_item,
    .contains = array_contains,
    .inplace_concat = array_inplace_concat,
    .inplace_repeat = array_inplace_repeat,
};

static const TnMappingMethods array_as_mapping = {
    .length = array_length,
    .subscript = array_subscript,
    .ass_subscript = array_ass_subscript,
};

/* ---- iterator ------------------------------------------------------------ */

typedef struct ArrayIter {
    TnObject ob;
    TnObject *array;     /* NULL once exhausted */
    tn_ssize_t index;
} ArrayIter;

static TnObject *array_iter(TnObject *self)
{
    ArrayIter *it = (ArrayIter *)tn_object_new(&arrayiter_type, sizeof(ArrayIter));
    if (it != NULL)
        it->array = tn_newref(self);
    return TN_OBJ(it);
}

/* The next item's value; false at the end (lock held). */
static bool iter_step_lock_held(ArrayIter *it, ArrVal *v)
{
    if (it->array == NULL || !get_lock_held(ARR(it->array), it->index, v))
        return false;
    it->index++;
    return true;
}

static TnObject *arrayiter_next(TnObject *self)
{
    ArrayIter *it = (ArrayIter *)self;
    ArrVal v;
    bool got;
    TnObject *arr = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    arr = it->array != NULL ? tn_newref(it->array) : NULL;
    TN_END_CRITICAL_SECTION();
    if (arr == NULL)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION2(self, arr);
    got = iter_step_lock_held(it, &v);
    TN_END_CRITICAL_SECTION2();
    TnObject *r = got ? value_object(ARR(arr)->d, v) : NULL;
    if (!got) {
        TnObject *old;
        TN_BEGIN_CRITICAL_SECTION(self);
        old = it->array;
        it->array = NULL;
        TN_END_CRITICAL_SECTION();
        tn_xdecref(old);
    }
    tn_decref(arr);
    return r;
}

static void arrayiter_dealloc(TnObject *self)
{
    tn_gc_untrack(self);
    TN_CLEAR(((ArrayIter *)self)->array);
    tn_object_free(self);
}

static int arrayiter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((ArrayIter *)self)->array);
    return 0;
}

static int arrayiter_clear(TnObject *self)
{
    TN_CLEAR(((ArrayIter *)self)->array);
    return 0;
}

static TnObject *self_iter(TnObject *self)
{
    return tn_newref(self);
}

static TnType arrayiter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "array.arrayiterator",
    .basicsize = sizeof(ArrayIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = arrayiter_dealloc,
    .traverse = arrayiter_traverse,
    .clear = arrayiter_clear,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = arrayiter_next,
};

static TnType array_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "array.array",
    .basicsize = sizeof(ArrayObject),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = array_dealloc,
    .repr = array_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = array_richcompare,
    .getattro = tn_object_generic_getattr,
    .iter = array_iter,
    .new_ = array_new,
    .as_sequence = &array_as_sequence,
    .as_mapping = &array_as_mapping,
    .methods = array_methods,
    .getsets = array_getsets,
    .weaklistoffset = offsetof(ArrayObject, weaklist),
    .doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.",
};

/* ---- _array_reconstructor ------------------------------------------------- */

/* Items of mformat code mf (CPython's enum machine_format_code) in b, as
 * a list of Python values. */
static TnObject *decode_mformat(int mf, TnObject *b)
{
    static const struct { int size; bool is_signed, big, is_float, is_char; } fmts[] = {
        {1, 0, 0, 0, 0}, {1, 1, 0, 0, 0}, {2, 0, 0, 0, 0}, {2, 0, 1, 0, 0}, {2, 1, 0, 0, 0}, {2, 1, 1, 0, 0},
        {4, 0, 0, 0, 0}, {4, 0, 1, 0, 0}, {4, 1, 0, 0, 0}, {4, 1, 1, 0, 0}, {8, 0, 0, 0, 0}, {8, 0, 1, 0, 0},
        {8, 1, 0, 0, 0}, {8, 1, 1, 0, 0}, {4, 1, 0, 1, 0}, {4, 1, 1, 1, 0}, {8, 1, 0, 1, 0}, {8, 1, 1, 1, 0},
        {2, 0, 0, 0, 1}, {2, 0, 1, 0, 1}, {4, 0, 0, 0, 1}, {4, 0, 1, 0, 1},
    };
    int size = fmts[mf].size;
    tn_ssize_t n = tn_bytes_size(b) / size;
    if (tn_bytes_size(b) % size != 0)
        return tn_err_format(&tn_exc_ValueError, "string length not a multiple of item size");
    if (fmts[mf].is_char && size == 2) {
        TnObject *utf = tn_str_from_cstr(fmts[mf].big ? "utf-16-be" : "utf-16-le");
        TnObject *s = utf != NULL ? tn_codec_decode(tn_bytes_data(b), tn_bytes_size(b), fmts[mf].big ? "utf-16-be" : "utf-16-le", NULL) : NULL;
        tn_xdecref(utf);
        return s;
    }
    TnObject *l = tn_list_new(0);
    const unsigned char *p = (const unsigned char *)tn_bytes_data(b);
    for (tn_ssize_t i = 0; l != NULL && i < n; i++, p += size) {
        uint64_t u = 0;
        for (int k = 0; k < size; k++)
            u |= (uint64_t)p[fmts[mf].big ? k : size - 1 - k] << (8 * (size - 1 - k));
        TnObject *o;
        if (fmts[mf].is_float) {
            double d;
            if (size == 4) {
                uint32_t w = (uint32_t)u;
                float f;
                memcpy(&f, &w, 4);
                d = f;
            } else {
                memcpy(&d, &u, 8);
            }
            o = tn_float_from_double(d);
        } else if (fmts[mf].is_char) {
            o = u <= 0x10ffff ? tn_str_from_char((uint32_t)u) : tn_err_format(&tn_exc_ValueError, "character out of range");
        } else if (fmts[mf].is_signed) {
            if (size < 8 && (u >> (8 * size - 1)) & 1)
                u |= ~(uint64_t)0 << (8 * size);
            o = tn_int_from_i64((int64_t)u);
        } else {
            o = int_from_u64(u);
        }
        if (o == NULL || tn_list_append_steal(l, o) < 0)
            TN_CLEAR(l);
    }
    if (l != NULL && fmts[mf].is_char) {
        TnObject *empty = tn_str_from_cstr("");
        TnObject *s = empty != NULL ? tn_str_join(empty, l) : NULL;
        tn_xdecref(empty);
        TN_SETREF(l, s);
    }
    return l;
}

static TnObject *array_reconstructor(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("_array_reconstructor", kw) < 0 || tn_args_count("_array_reconstructor", nargs, 4, 4) < 0)
        return NULL;
    if (!(tn_type(args[0])->flags & TN_TPFLAGS_TYPE_SUBCLASS))
        return tn_err_format(&tn_exc_TypeError, "first argument must be a type object, not %s",
                             tn_type(args[0])->name);
    if (!tn_type_is_subtype((TnType *)args[0], &array_type))
        return tn_err_format(&tn_exc_TypeError, "%s is not a subtype of array.array", ((TnType *)args[0])->name);
    const Descr *d = tn_str_check(args[1]) && tn_str_length(args[1]) == 1 ? find_descr(tn_str_read(args[1], 0)) : NULL;
    if (!tn_str_check(args[1]) || tn_str_length(args[1]) != 1)
        return tn_err_format(&tn_exc_TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s",
                             tn_type(args[1])->name);
    if (d == NULL)
        return tn_err_format(&tn_exc_ValueError, "second argument must be a valid type code");
    int overflowed = 0;
    int64_t mf = tn_int_check(args[2]) ? tn_int_as_i64(args[2], &overflowed) : -1;
    if (!tn_int_check(args[2]))
        return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             tn_type(args[2])->name);
    if (overflowed || mf < 0 || mf > 21)
        return tn_err_format(&tn_exc_ValueError, "third argument must be a valid machine format code.");
    if (!tn_bytes_check(args[3]))
        return tn_err_format(&tn_exc_TypeError, "fourth argument should be bytes, not %s", tn_type(args[3])->name);
    TnObject *init;
    if (mf == d->mformat)
        init = tn_newref(args[3]);
    else if ((init = decode_mformat((int)mf, args[3])) == NULL)
        return NULL;
    TnObject *cargs[2] = {args[1], init};
    TnObject *r = tn_call(args[0], cargs, 2, NULL);
    tn_decref(init);
    return r;
}

static const TnMethodDef module_functions[] = {
    {"_array_reconstructor", array_reconstructor, 0, "Internal. Used for pickling support."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_array_module_create(void)
{
    if (tn_type_ready(&array_type) < 0 || tn_type_ready(&arrayiter_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("array");
    if (m == NULL || tn_module_add_functions(m, module_functions) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    if (reconstructor == NULL) {
        reconstructor = tn_dict_get_cstr_ref(tn_module_dict(m), "_array_reconstructor");
        if (reconstructor == NULL) {
            tn_decref(m);
            return NULL;
        }
    }
    TnObject *codes = tn_str_from_cstr("bBuhHiIlLqQfd");
    int r = codes != NULL ? 0 : -1;
    if (r == 0)
        r = tn_module_add_object(m, "array", TN_OBJ(&array_type));
    if (r == 0)
        r = tn_module_add_object(m, "ArrayType", TN_OBJ(&array_type));
    if (r == 0)
        r = tn_module_add_object(m, "typecodes", codes);
    tn_xdecref(codes);
    if (r < 0)
        TN_CLEAR(m);
    return m;
}
