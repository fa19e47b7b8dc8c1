/* core/objects/range.c — range, range_iterator, slice, and the generic
 * sequence iterator ("iterator", used by iter() for objects that only have
 * __getitem__).
 *
 * range keeps int64 bounds in the common case.  Arithmetic on
 * items is done in uint64, where wrap-around is defined: every item of a
 * range lies between start and stop, so start + i*step computed modulo 2**64
 * and converted back is exact.  The length is an unsigned count (see
 * range.h) because it can exceed INT64_MAX.  Ranges with a bound outside
 * int64 (range(10**20)) hold int objects instead and take the slow paths
 * (long_*), iterated by longrange_iterator, as CPython does.
 *
 * The eval loop's FOR_ITER calls tn_type_range_iterator.iternext directly,
 * so that function stays small.
 */
#include "core/tn.h"
#include "core/compiler/ast.h"   /* TN_OP_* for tn_number_binop */

/* ---- slice index helpers --------------------------------------------------- */

/* CPython's _PyEval_SliceIndex for v != None: clipped to the ssize range. */
static int slice_index(TnObject *v, tn_ssize_t *out, const char *msg)
{
    if (!tn_slice_index_check(v)) {
        tn_err_set_str(&tn_exc_TypeError, msg);
        return -1;
    }
    tn_ssize_t x = tn_number_as_ssize(v, NULL);
    if (x == -1 && tn_err_occurred())
        return -1;
    *out = x;
    return 0;
}

int tn_slice_index_not_none(TnObject *v, tn_ssize_t *out)
{
    return slice_index(v, out, "slice indices must be integers or have an __index__ method");
}

#define SLICE_INDEX_MSG "slice indices must be integers or None or have an __index__ method"

int tn_slice_unpack(TnObject *slice, tn_ssize_t *start, tn_ssize_t *stop, tn_ssize_t *step)
{
    TnSlice *s = (TnSlice *)slice;
    if (s->step == TN_NONE) {
        *step = 1;
    } else {
        if (slice_index(s->step, step, SLICE_INDEX_MSG) < 0)
            return -1;
        if (*step == 0) {
            tn_err_set_str(&tn_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -step must not overflow when a caller reverses the direction. */
        if (*step < -INTPTR_MAX)
            *step = -INTPTR_MAX;
    }
    if (s->start == TN_NONE)
        *start = *step < 0 ? INTPTR_MAX : 0;
    else if (slice_index(s->start, start, SLICE_INDEX_MSG) < 0)
        return -1;
    if (s->stop == TN_NONE)
        *stop = *step < 0 ? INTPTR_MIN : INTPTR_MAX;
    else if (slice_index(s->stop, stop, SLICE_INDEX_MSG) < 0)
        return -1;
    return 0;
}

tn_ssize_t tn_slice_adjust_indices(tn_ssize_t length, tn_ssize_t *start, tn_ssize_t *stop, tn_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int tn_slice_indices(TnObject *slice, tn_ssize_t length, tn_ssize_t *start, tn_ssize_t *stop,
                     tn_ssize_t *step, tn_ssize_t *slicelength)
{
    if (tn_slice_unpack(slice, start, stop, step) < 0)
        return -1;
    *slicelength = tn_slice_adjust_indices(length, start, stop, *step);
    return 0;
}

/* ---- range --------------------------------------------------------------------- */

static inline TnRange *as_range(TnObject *op) { return (TnRange *)op; }

/* Number of items of range(start, stop, step), step != 0, as uint64. */
static uint64_t compute_length(int64_t start, int64_t stop, int64_t step)
{
    if (step > 0) {
        if (start >= stop)
            return 0;
        return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    }
    if (start <= stop)
        return 0;
    return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
}

/* Item i (0 <= i < length) of a machine-word range r. */
static inline int64_t range_at(const TnRange *r, uint64_t i)
{
    return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

TnObject *tn_range_new(int64_t start, int64_t stop, int64_t step)
{
    if (step == 0)
        return tn_err_format(&tn_exc_ValueError, "range() arg 3 must not be zero");
    TnRange *r = (TnRange *)tn_object_new(&tn_type_range, sizeof(TnRange));
    if (r == NULL)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = (int64_t)compute_length(start, stop, step);
    r->big = NULL;
    return TN_OBJ(r);
}

/* ---- arbitrary-precision helpers (big ranges and the slow paths) ---- */

enum { F_START, F_STOP, F_STEP, F_LEN };

/* uint64 as an int object (range lengths may exceed INT64_MAX). */
static TnObject *u64_to_int(uint64_t n)
{
    if (n <= (uint64_t)INT64_MAX)
        return tn_int_from_i64((int64_t)n);
    TnObject *half = tn_int_from_i64((int64_t)(n >> 1));
    TnObject *one = tn_int_from_i64((int64_t)(n & 1));
    TnObject *twice = half != NULL ? tn_number_binop(half, half, TN_OP_ADD) : NULL;
    TnObject *res = twice != NULL && one != NULL ? tn_number_binop(twice, one, TN_OP_ADD) : NULL;
    tn_xdecref(half);
    tn_xdecref(one);
    tn_xdecref(twice);
    return res;
}

/* Field F_* of r as an int object (new reference), whatever the representation. */
static TnObject *range_field(const TnRange *r, int field)
{
    if (r->big != NULL)
        return tn_newref(tn_tuple_items(r->big)[field]);
    switch (field) {
    case F_START: return tn_int_from_i64(r->start);
    case F_STOP: return tn_int_from_i64(r->stop);
    case F_STEP: return tn_int_from_i64(r->step);
    default: return u64_to_int(tn_range_ulength(r));
    }
}

/* a op b for int objects where a is consumed (steals a; b borrowed). */
static TnObject *binop_steal(TnObject *a_steal, TnObject *b, int op)
{
    if (a_steal == NULL)
        return NULL;
    TnObject *res = tn_number_binop(a_steal, b, op);
    tn_decref(a_steal);
    return res;
}

static int int_cmp(TnObject *a, TnObject *b, int op)
{
    return tn_object_richcompare_bool(a, b, op);
}

/* CPython's compute_range_length on ints: step != 0. */
static TnObject *long_length(TnObject *start, TnObject *stop, TnObject *step)
{
    bool up = tn_int_sign(step) > 0;
    TnObject *lo = up ? start : stop, *hi = up ? stop : start;
    int empty = int_cmp(lo, hi, TN_GE);
    if (empty != 0)
        return empty < 0 ? NULL : tn_int_from_i64(0);
    TnObject *astep = up ? tn_newref(step) : tn_number_negative(step);
    if (astep == NULL)
        return NULL;
    TnObject *one = tn_int_from_i64(1);
    TnObject *n = binop_steal(tn_number_binop(hi, lo, TN_OP_SUB), one, TN_OP_SUB);
    n = binop_steal(n, astep, TN_OP_FLOORDIV);
    n = binop_steal(n, one, TN_OP_ADD);
    tn_decref(one);
    tn_decref(astep);
    return n;
}

static bool fits_i64_obj(TnObject *v, int64_t *out)
{
    int overflow;
    *out = tn_int_as_i64(v, &overflow);
    return !overflow;
}

/* range(start, stop, step) from int objects: the machine-word form when all
 * three fit int64, otherwise the big form. */
static TnObject *range_from_ints(TnObject *start, TnObject *stop, TnObject *step)
{
    int64_t a, b, c;
    if (fits_i64_obj(start, &a) && fits_i64_obj(stop, &b) && fits_i64_obj(step, &c))
        return tn_range_new(a, b, c);
    if (tn_int_sign(step) == 0)
        return tn_err_format(&tn_exc_ValueError, "range() arg 3 must not be zero");
    TnObject *len = long_length(start, stop, step);
    if (len == NULL)
        return NULL;
    TnObject *big = tn_tuple_pack(4, start, stop, step, len);
    tn_decref(len);
    if (big == NULL)
        return NULL;
    TnRange *r = (TnRange *)tn_object_new(&tn_type_range, sizeof(TnRange));
    if (r == NULL) {
        tn_decref(big);
        return NULL;
    }
    r->start = r->stop = r->step = r->length = 0;
    r->big = big;
    return TN_OBJ(r);
}

static TnObject *range_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("range", kwnames) < 0 || tn_args_count("range", nargs, 1, 3) < 0)
        return NULL;
    TnObject *v[3] = {NULL, NULL, NULL};
    TnObject *res = NULL;
    for (tn_ssize_t i = 0; i < nargs; i++)
        if ((v[i] = tn_number_index(args[i])) == NULL)
            goto done;
    if (nargs == 1) {
        TnObject *zero = tn_int_from_i64(0), *one = tn_int_from_i64(1);
        res = range_from_ints(zero, v[0], one);
        tn_decref(zero);
        tn_decref(one);
    } else {
        TnObject *one = tn_int_from_i64(1);
        res = range_from_ints(v[0], v[1], nargs == 3 ? v[2] : one);
        tn_decref(one);
    }
done:
    for (int i = 0; i < 3; i++)
        tn_xdecref(v[i]);
    return res;
}

static void range_dealloc(TnObject *self)
{
    TN_CLEAR(as_range(self)->big);
    tn_object_free(self);
}

static TnObject *range_repr(TnObject *self)
{
    TnRange *r = as_range(self);
    TnObject *start = range_field(r, F_START), *stop = range_field(r, F_STOP);
    TnObject *step = range_field(r, F_STEP), *res = NULL;
    if (start != NULL && stop != NULL && step != NULL) {
        TnObject *unit = tn_int_from_i64(1);
        int one = int_cmp(step, unit, TN_EQ);
        tn_decref(unit);
        res = one ? tn_str_from_format("range(%R, %R)", start, stop)
                  : tn_str_from_format("range(%R, %R, %R)", start, stop, step);
    }
    tn_xdecref(start);
    tn_xdecref(stop);
    tn_xdecref(step);
    return res;
}

static tn_ssize_t range_length(TnObject *self)
{
    TnRange *r = as_range(self);
    if (r->big != NULL)
        return tn_int_as_ssize(tn_tuple_items(r->big)[F_LEN]);
    uint64_t n = tn_range_ulength(r);
    if (n > (uint64_t)INTPTR_MAX) {
        tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (tn_ssize_t)n;
}

static int range_bool(TnObject *self)
{
    TnRange *r = as_range(self);
    if (r->big != NULL)
        return tn_int_sign(tn_tuple_items(r->big)[F_LEN]) != 0;
    return tn_range_ulength(r) != 0;
}

/* r[i] for an int i (negative from the end), any representation. */
static TnObject *long_item(TnRange *r, TnObject *index)
{
    TnObject *len = range_field(r, F_LEN);
    if (len == NULL)
        return NULL;
    TnObject *i = tn_int_sign(index) < 0 ? tn_number_binop(index, len, TN_OP_ADD) : tn_newref(index);
    TnObject *res = NULL;
    if (i != NULL) {
        int bad = tn_int_sign(i) < 0 ? 1 : int_cmp(i, len, TN_GE);
        if (bad > 0) {
            tn_err_set_str(&tn_exc_IndexError, "range object index out of range");
        } else if (bad == 0) {
            TnObject *start = range_field(r, F_START), *step = range_field(r, F_STEP);
            if (start != NULL && step != NULL)
                res = binop_steal(tn_number_binop(i, step, TN_OP_MULT), start, TN_OP_ADD);
            tn_xdecref(start);
            tn_xdecref(step);
        }
        tn_decref(i);
    }
    tn_decref(len);
    return res;
}

/* Item i (negative from the end) as an int.  IndexError when out of range. */
static TnObject *range_item(TnObject *self, tn_ssize_t i)
{
    TnRange *r = as_range(self);
    if (r->big != NULL) {
        TnObject *index = tn_int_from_ssize(i);
        TnObject *res = index != NULL ? long_item(r, index) : NULL;
        tn_xdecref(index);
        return res;
    }
    uint64_t len = tn_range_ulength(r);
    uint64_t idx = i < 0 ? len - (0 - (uint64_t)i) : (uint64_t)i;   /* wraps when too negative */
    bool valid = i < 0 ? (0 - (uint64_t)i) <= len : idx < len;
    if (!valid)
        return tn_err_format(&tn_exc_IndexError, "range object index out of range");
    return tn_int_from_i64(range_at(r, idx));
}

static bool fits_i64(__int128 v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

/* One start/stop bound of a slice against an int length (CPython's
 * _PySlice_GetLongIndices): *out new ref, clipped into [lower, upper]. */
static int long_bound(TnObject *v, TnObject *length, TnObject *lower, TnObject *upper, TnObject **out)
{
    if (!tn_slice_index_check(v)) {
        tn_err_set_str(&tn_exc_TypeError, SLICE_INDEX_MSG);
        return -1;
    }
    TnObject *x = tn_number_index(v);
    if (x != NULL && tn_int_sign(x) < 0) {
        x = binop_steal(x, length, TN_OP_ADD);
        if (x != NULL && int_cmp(x, lower, TN_LT) > 0)
            TN_SETREF(x, tn_newref(lower));
    } else if (x != NULL && int_cmp(x, upper, TN_GT) > 0) {
        TN_SETREF(x, tn_newref(upper));
    }
    if (x == NULL || tn_err_occurred()) {
        tn_xdecref(x);
        return -1;
    }
    *out = x;
    return 0;
}

/* slice s resolved against length (an int >= 0): out = (start, stop, step),
 * new references.  0 / -1. */
static int long_slice_indices(TnSlice *s, TnObject *length, TnObject *out[3])
{
    out[0] = out[1] = out[2] = NULL;
    TnObject *step;
    if (s->step == TN_NONE) {
        step = tn_int_from_i64(1);
    } else if (!tn_slice_index_check(s->step)) {
        tn_err_set_str(&tn_exc_TypeError, SLICE_INDEX_MSG);
        return -1;
    } else if ((step = tn_number_index(s->step)) != NULL && tn_int_sign(step) == 0) {
        tn_decref(step);
        tn_err_set_str(&tn_exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (step == NULL)
        return -1;
    bool neg = tn_int_sign(step) < 0;
    TnObject *m1 = tn_int_from_i64(-1);
    TnObject *lower = neg ? tn_newref(m1) : tn_int_from_i64(0);
    TnObject *upper = neg ? tn_number_binop(length, m1, TN_OP_ADD) : tn_newref(length);
    tn_decref(m1);
    int rc = lower != NULL && upper != NULL ? 0 : -1;
    if (rc == 0 && s->start == TN_NONE)
        out[0] = tn_newref(neg ? upper : lower);
    else if (rc == 0)
        rc = long_bound(s->start, length, lower, upper, &out[0]);
    if (rc == 0 && s->stop == TN_NONE)
        out[1] = tn_newref(neg ? lower : upper);
    else if (rc == 0)
        rc = long_bound(s->stop, length, lower, upper, &out[1]);
    tn_xdecref(lower);
    tn_xdecref(upper);
    out[2] = step;
    if (rc < 0) {
        for (int i = 0; i < 3; i++)
            TN_CLEAR(out[i]);
    }
    return rc;
}

/* r[slice] with int objects (CPython's compute_slice). */
static TnObject *long_slice(TnRange *r, TnObject *slice)
{
    TnObject *f[4] = {NULL, NULL, NULL, NULL}, *ix[3] = {NULL, NULL, NULL}, *res = NULL;
    for (int i = 0; i < 4; i++)
        if ((f[i] = range_field(r, i)) == NULL)
            goto done;
    if (long_slice_indices((TnSlice *)slice, f[F_LEN], ix) < 0)
        goto done;
    TnObject *start = binop_steal(tn_number_binop(ix[0], f[F_STEP], TN_OP_MULT), f[F_START], TN_OP_ADD);
    TnObject *stop = binop_steal(tn_number_binop(ix[1], f[F_STEP], TN_OP_MULT), f[F_START], TN_OP_ADD);
    TnObject *step = tn_number_binop(ix[2], f[F_STEP], TN_OP_MULT);
    if (start != NULL && stop != NULL && step != NULL)
        res = range_from_ints(start, stop, step);
    tn_xdecref(start);
    tn_xdecref(stop);
    tn_xdecref(step);
done:
    for (int i = 0; i < 4; i++)
        tn_xdecref(f[i]);
    for (int i = 0; i < 3; i++)
        tn_xdecref(ix[i]);
    return res;
}

/* r[slice]: another range.  Machine-word arithmetic when everything fits. */
static TnObject *range_slice(TnRange *r, TnObject *slice)
{
    uint64_t ulen = tn_range_ulength(r);
    if (r->big != NULL || ulen > (uint64_t)INTPTR_MAX)
        return long_slice(r, slice);
    tn_ssize_t start, stop, step, len;
    if (tn_slice_indices(slice, (tn_ssize_t)ulen, &start, &stop, &step, &len) < 0)
        return NULL;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    __int128 nstep = (__int128)step * r->step;
    if (!fits_i64(nstep) || !fits_i64(nstart) || !fits_i64(nstop))
        return long_slice(r, slice);
    return tn_range_new((int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
}

static TnObject *range_subscript(TnObject *self, TnObject *key)
{
    if (tn_slice_index_check(key)) {
        TnObject *i = tn_number_index(key);
        if (i == NULL)
            return NULL;
        int64_t v;
        TnObject *res = as_range(self)->big == NULL && fits_i64_obj(i, &v)
            ? range_item(self, (tn_ssize_t)v) : long_item(as_range(self), i);
        tn_decref(i);
        return res;
    }
    if (tn_slice_check(key))
        return range_slice(as_range(self), key);
    return tn_err_format(&tn_exc_TypeError, "range indices must be integers or slices, not %s",
                         tn_type_name(tn_type(key)));
}

/* v is an item of the machine-word range r (fast path for int values). */
static bool contains_i64(const TnRange *r, int64_t v)
{
    if (r->step > 0) {
        if (v < r->start || v >= r->stop)
            return false;
    } else if (v > r->start || v <= r->stop) {
        return false;
    }
    return ((__int128)v - r->start) % r->step == 0;
}

/* Is ob an exact int or a bool?  Those are located arithmetically. */
static bool int_like(TnObject *ob)
{
    return tn_int_check_exact(ob) || tn_bool_check(ob);
}

/* Is the int ob an item of r?  1 / 0 / -1; *index set (new ref) when found
 * and index != NULL. */
static int long_contains(TnRange *r, TnObject *ob, TnObject **index)
{
    TnObject *start = range_field(r, F_START), *stop = range_field(r, F_STOP);
    TnObject *step = range_field(r, F_STEP);
    int in = -1;
    if (start != NULL && stop != NULL && step != NULL) {
        if (tn_int_sign(step) > 0)
            in = int_cmp(start, ob, TN_LE) > 0 && int_cmp(ob, stop, TN_LT) > 0;
        else
            in = int_cmp(stop, ob, TN_LT) > 0 && int_cmp(ob, start, TN_LE) > 0;
        TnObject *off = in > 0 ? tn_number_binop(ob, start, TN_OP_SUB) : NULL;
        if (off != NULL) {
            TnObject *rem = tn_number_binop(off, step, TN_OP_MOD);
            in = rem == NULL ? -1 : tn_int_sign(rem) == 0;
            tn_xdecref(rem);
            if (in > 0 && index != NULL && (*index = tn_number_binop(off, step, TN_OP_FLOORDIV)) == NULL)
                in = -1;
            tn_decref(off);
        } else if (in > 0 || tn_err_occurred()) {
            in = -1;
        }
    }
    tn_xdecref(start);
    tn_xdecref(stop);
    tn_xdecref(step);
    return in;
}

enum { SEARCH_CONTAINS, SEARCH_COUNT, SEARCH_INDEX };

/* Compare every item with ob (== ), as CPython's _PySequence_IterSearch:
 * SEARCH_CONTAINS 1/0, SEARCH_COUNT the count, SEARCH_INDEX the first index
 * (ValueError if none).  -1 on error. */
static tn_ssize_t range_search(TnRange *r, TnObject *ob, int what)
{
    TnObject *it = tn_object_get_iter(TN_OBJ(r));
    if (it == NULL)
        return -1;
    tn_ssize_t count = 0, result = -1;
    TnObject *item;
    for (tn_ssize_t i = 0; (item = tn_iter_next(it)) != NULL; i++) {
        int cmp = tn_object_richcompare_bool(item, ob, TN_EQ);
        tn_decref(item);
        if (cmp < 0)
            goto done;
        if (cmp > 0 && what != SEARCH_COUNT) {
            result = what == SEARCH_CONTAINS ? 1 : i;
            goto done;
        }
        count += cmp;
    }
    if (tn_err_occurred())
        goto done;
    if (what == SEARCH_INDEX)
        tn_err_set_str(&tn_exc_ValueError, "sequence.index(x): x not in sequence");
    else
        result = what == SEARCH_COUNT ? count : 0;
done:
    tn_decref(it);
    return result;
}

static int range_contains(TnObject *self, TnObject *ob)
{
    TnRange *r = as_range(self);
    int64_t v;
    if (!int_like(ob))
        return (int)range_search(r, ob, SEARCH_CONTAINS);
    if (r->big == NULL && fits_i64_obj(ob, &v))
        return contains_i64(r, v);
    return long_contains(r, ob, NULL);
}

/* Equal as sequences (CPython's range_equals): same length, and same start
 * and step where they matter.  1 / 0 / -1. */
static int range_equals(TnRange *a, TnRange *b)
{
    if (a == b)
        return 1;
    if (a->big == NULL && b->big == NULL) {
        if (a->length != b->length)
            return 0;
        if (a->length == 0)
            return 1;
        if (a->start != b->start)
            return 0;
        return a->length == 1 || a->step == b->step;
    }
    TnObject *fa[4] = {NULL, NULL, NULL, NULL}, *fb[4] = {NULL, NULL, NULL, NULL};
    int eq = -1;
    for (int i = 0; i < 4; i++)
        if ((fa[i] = range_field(a, i)) == NULL || (fb[i] = range_field(b, i)) == NULL)
            goto done;
    eq = int_cmp(fa[F_LEN], fb[F_LEN], TN_EQ);
    if (eq > 0 && tn_int_sign(fa[F_LEN]) != 0) {
        eq = int_cmp(fa[F_START], fb[F_START], TN_EQ);
        TnObject *one = tn_int_from_i64(1);
        if (eq > 0 && int_cmp(fa[F_LEN], one, TN_NE) > 0)
            eq = int_cmp(fa[F_STEP], fb[F_STEP], TN_EQ);
        tn_decref(one);
    }
done:
    for (int i = 0; i < 4; i++) {
        tn_xdecref(fa[i]);
        tn_xdecref(fb[i]);
    }
    return eq;
}

static TnObject *range_richcompare(TnObject *a, TnObject *b, int op)
{
    if (tn_type(b) != &tn_type_range || (op != TN_EQ && op != TN_NE))
        return tn_newref(TN_NOTIMPLEMENTED);
    int eq = range_equals(as_range(a), as_range(b));
    return eq < 0 ? NULL : tn_bool_from(op == TN_EQ ? eq : !eq);
}

/* hash((len, start, step)) with start and step None for lengths 0 and 1
 * (so equal ranges hash equal), as CPython's range_hash. */
static tn_hash_t range_hash(TnObject *self)
{
    TnRange *r = as_range(self);
    TnObject *f[4] = {NULL, NULL, NULL, NULL};
    tn_hash_t lanes[3] = {-1, -1, -1};
    for (int i = 0; i < 4; i++)
        if ((f[i] = range_field(r, i)) == NULL)
            goto done;
    TnObject *one = tn_int_from_i64(1);
    int le1 = int_cmp(f[F_LEN], one, TN_LE);
    tn_decref(one);
    int empty = tn_int_sign(f[F_LEN]) == 0;
    lanes[0] = tn_object_hash(f[F_LEN]);
    lanes[1] = tn_object_hash(empty ? TN_NONE : f[F_START]);
    lanes[2] = tn_object_hash(le1 > 0 ? TN_NONE : f[F_STEP]);
done:
    for (int i = 0; i < 4; i++)
        tn_xdecref(f[i]);
    if (lanes[0] == -1 || lanes[1] == -1 || lanes[2] == -1)
        return -1;
    return tn_tuple_hash_from_lanes(lanes, 3);
}

static TnObject *range_iter(TnObject *self);
static TnObject *range_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames);

static TnObject *range_count_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("range.count", kwnames) < 0 || tn_args_count("range.count", nargs, 1, 1) < 0)
        return NULL;
    if (int_like(args[0])) {
        int in = range_contains(self, args[0]);
        return in < 0 ? NULL : tn_int_from_i64(in);
    }
    tn_ssize_t n = range_search(as_range(self), args[0], SEARCH_COUNT);
    return n < 0 ? NULL : tn_int_from_ssize(n);
}

static TnObject *range_index_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("range.index", kwnames) < 0 || tn_args_count("range.index", nargs, 1, 1) < 0)
        return NULL;
    TnRange *r = as_range(self);
    int64_t v;
    if (!int_like(args[0])) {
        tn_ssize_t i = range_search(r, args[0], SEARCH_INDEX);
        return i < 0 ? NULL : tn_int_from_ssize(i);
    }
    if (r->big == NULL && fits_i64_obj(args[0], &v)) {
        if (!contains_i64(r, v))
            return tn_err_format(&tn_exc_ValueError, "%R is not in range", args[0]);
        return tn_int_from_i64((int64_t)(((__int128)v - r->start) / r->step));
    }
    TnObject *index = NULL;
    int in = long_contains(r, args[0], &index);
    if (in == 0)
        return tn_err_format(&tn_exc_ValueError, "%R is not in range", args[0]);
    return index;
}

static TnObject *range_get_start(TnObject *self, void *closure)
{
    return range_field(as_range(self), F_START);
}

static TnObject *range_get_stop(TnObject *self, void *closure)
{
    return range_field(as_range(self), F_STOP);
}

static TnObject *range_get_step(TnObject *self, void *closure)
{
    return range_field(as_range(self), F_STEP);
}

static const TnMethodDef range_methods[] = {
    {"__reversed__", range_reversed_meth, 0, "Return a reverse iterator."},
    {"count", range_count_meth, 0, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index_meth, 0,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef range_getsets[] = {
    {"start", range_get_start, NULL, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL, NULL},
    {"step", range_get_step, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnNumberMethods range_as_number = {
    .bool_ = range_bool,
};

static const TnSequenceMethods range_as_sequence = {
    .length = range_length,
    .item = range_item,
    .contains = range_contains,
};

static const TnMappingMethods range_as_mapping = {
    .length = range_length,
    .subscript = range_subscript,
};

TnType tn_type_range = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "range",
    .basicsize = sizeof(TnRange),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .new_ = range_new_from_python,
    .as_number = &range_as_number,
    .as_sequence = &range_as_sequence,
    .as_mapping = &range_as_mapping,
    .methods = range_methods,
    .getsets = range_getsets,
    .doc = "range(stop) -> range object\n"
           "range(start, stop[, step]) -> range object\n\n"
           "Return an object that produces a sequence of integers from start (inclusive)\n"
           "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
           "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
           "These are exactly the valid indices for a list of 4 elements.\n"
           "When step is given, it specifies the increment (or decrement).",
};

/* ---- range_iterator -------------------------------------------------------------- */

/* Only `remaining` changes; the value handed out is computed from it, so
 * it is always one of the range's values even when threads share the
 * iterator (see rangeiter_next). */
typedef struct RangeIter {
    TnObject ob;
    int64_t first;
    int64_t step;
    uint64_t count;
    uint64_t remaining;
} RangeIter;

static TnObject *rangeiter_new(int64_t first, int64_t step, uint64_t count)
{
    RangeIter *it = (RangeIter *)tn_object_new(&tn_type_range_iterator, sizeof(RangeIter));
    if (it == NULL)
        return NULL;
    it->first = first;
    it->step = step;
    it->count = count;
    it->remaining = count;
    return TN_OBJ(it);
}

static TnObject *longrangeiter_new(TnObject *first, TnObject *step, TnObject *count);

/* The iterator of a big range: a longrange_iterator over int objects. */
static TnObject *long_iter(TnRange *r, bool reversed)
{
    TnObject *f[4] = {NULL, NULL, NULL, NULL}, *res = NULL;
    for (int i = 0; i < 4; i++)
        if ((f[i] = range_field(r, i)) == NULL)
            goto done;
    if (!reversed) {
        res = longrangeiter_new(f[F_START], f[F_STEP], f[F_LEN]);
        goto done;
    }
    /* last = start + (len - 1) * step, walking back by -step. */
    TnObject *one = tn_int_from_i64(1);
    TnObject *last = binop_steal(tn_number_binop(f[F_LEN], one, TN_OP_SUB), f[F_STEP], TN_OP_MULT);
    last = binop_steal(last, f[F_START], TN_OP_ADD);
    TnObject *back = tn_number_negative(f[F_STEP]);
    if (last != NULL && back != NULL)
        res = longrangeiter_new(last, back, f[F_LEN]);
    tn_decref(one);
    tn_xdecref(last);
    tn_xdecref(back);
done:
    for (int i = 0; i < 4; i++)
        tn_xdecref(f[i]);
    return res;
}

static TnObject *range_iter(TnObject *self)
{
    TnRange *r = as_range(self);
    if (r->big != NULL)
        return long_iter(r, false);
    return rangeiter_new(r->start, r->step, tn_range_ulength(r));
}

static TnObject *range_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    if (tn_args_no_kw("range.__reversed__", kwnames) < 0
        || tn_args_count("range.__reversed__", nargs, 0, 0) < 0)
        return NULL;
    TnRange *r = as_range(self);
    if (r->big != NULL)
        return long_iter(r, true);
    uint64_t len = tn_range_ulength(r);
    int64_t last = len > 0 ? range_at(r, len - 1) : r->start;
    return rangeiter_new(last, (int64_t)(0 - (uint64_t)r->step), len);
}

/* Hot: called directly by FOR_ITER. */
/* An iterator shared by threads must not crash, run past its end or yield
 * a value outside the range: `remaining` is read once and written back from
 * that value (relaxed atomics, no read-modify-write, so two threads taking
 * the last item both store 0 instead of wrapping around), and the value is
 * computed from the count read.  Racing threads may be handed the same
 * value twice, as in CPython's free-threaded build. */
static TnObject *rangeiter_next(TnObject *self)
{
    RangeIter *it = (RangeIter *)self;
    intptr_t *remaining = (intptr_t *)(void *)&it->remaining;
    uint64_t left = (uint64_t)tn_atomic_load_intptr_relaxed(remaining);
    if (left == 0)
        return NULL;
    tn_atomic_store_intptr_relaxed(remaining, (intptr_t)(left - 1));
    uint64_t k = it->count - left;
    return tn_int_from_i64((int64_t)((uint64_t)it->first + k * (uint64_t)it->step));
}

static void rangeiter_dealloc(TnObject *self)
{
    tn_object_free(self);
}

static TnObject *iter_self(TnObject *self)
{
    return tn_newref(self);
}

static TnObject *rangeiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("range_iterator.__length_hint__", kwnames) < 0
        || tn_args_count("range_iterator.__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    uint64_t n = (uint64_t)tn_atomic_load_intptr_relaxed((intptr_t *)(void *)&((RangeIter *)self)->remaining);
    return tn_int_from_i64(n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n);
}

static const TnMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_range_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "range_iterator",
    .basicsize = sizeof(RangeIter),
    .dealloc = rangeiter_dealloc,
    .iter = iter_self,
    .iternext = rangeiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = rangeiter_methods,
};

/* ---- longrange_iterator ------------------------------------------------------------ */

/* Iterates a range whose items do not all fit a machine word. */
typedef struct LongRangeIter {
    TnObject ob;
    TnObject *next, *step, *remaining;     /* ints */
} LongRangeIter;

static TnObject *longrangeiter_new(TnObject *first, TnObject *step, TnObject *count)
{
    LongRangeIter *it = (LongRangeIter *)tn_object_new(&tn_type_longrange_iterator, sizeof(LongRangeIter));
    if (it == NULL)
        return NULL;
    it->next = tn_newref(first);
    it->step = tn_newref(step);
    it->remaining = tn_newref(count);
    return TN_OBJ(it);
}

/* Replaces two references per step: inside the iterator's own critical
 * section, so threads sharing it cannot drop the same reference twice. */
static TnObject *longrangeiter_next_lock_held(LongRangeIter *it);

static TnObject *longrangeiter_next(TnObject *self)
{
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(self);
    v = longrangeiter_next_lock_held((LongRangeIter *)self);
    TN_END_CRITICAL_SECTION();
    return v;
}

static TnObject *longrangeiter_next_lock_held(LongRangeIter *it)
{
    tn_critical_section_assert_held(it);
    if (tn_int_sign(it->remaining) <= 0)
        return NULL;
    TnObject *one = tn_int_from_i64(1);
    TnObject *left = tn_number_binop(it->remaining, one, TN_OP_SUB);
    tn_decref(one);
    TnObject *after = left != NULL ? tn_number_binop(it->next, it->step, TN_OP_ADD) : NULL;
    if (after == NULL) {
        tn_xdecref(left);
        return NULL;
    }
    TnObject *v = it->next;
    it->next = after;
    TN_SETREF(it->remaining, left);
    return v;
}

static void longrangeiter_dealloc(TnObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    TN_CLEAR(it->next);
    TN_CLEAR(it->step);
    TN_CLEAR(it->remaining);
    tn_object_free(self);
}

static TnObject *longrangeiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                           TnObject *kwnames)
{
    if (tn_args_no_kw("longrange_iterator.__length_hint__", kwnames) < 0
        || tn_args_count("longrange_iterator.__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    return tn_newref(((LongRangeIter *)self)->remaining);
}

static const TnMethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_longrange_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIter),
    .dealloc = longrangeiter_dealloc,
    .iter = iter_self,
    .iternext = longrangeiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = longrangeiter_methods,
};

/* ---- slice --------------------------------------------------------------------------- */

TnObject *tn_slice_new(TnObject *start, TnObject *stop, TnObject *step)
{
    TnSlice *s = (TnSlice *)tn_object_new(&tn_type_slice, sizeof(TnSlice));
    if (s == NULL)
        return NULL;
    s->start = tn_newref(start != NULL ? start : TN_NONE);
    s->stop = tn_newref(stop != NULL ? stop : TN_NONE);
    s->step = tn_newref(step != NULL ? step : TN_NONE);
    return TN_OBJ(s);
}

static TnObject *slice_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("slice", kwnames) < 0 || tn_args_count("slice", nargs, 1, 3) < 0)
        return NULL;
    if (nargs == 1)
        return tn_slice_new(NULL, args[0], NULL);
    return tn_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static void slice_dealloc(TnObject *self)
{
    TnSlice *s = (TnSlice *)self;
    TN_CLEAR(s->start);
    TN_CLEAR(s->stop);
    TN_CLEAR(s->step);
    tn_object_free(self);
}

static int slice_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnSlice *s = (TnSlice *)self;
    int r = visit(s->start, arg);
    if (r == 0)
        r = visit(s->stop, arg);
    if (r == 0)
        r = visit(s->step, arg);
    return r;
}

static TnObject *slice_repr(TnObject *self)
{
    TnSlice *s = (TnSlice *)self;
    return tn_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* Slices compare as the tuples (start, stop, step). */
static TnObject *slice_richcompare(TnObject *v, TnObject *w, int op)
{
    if (!tn_slice_check(v) || !tn_slice_check(w))
        return tn_newref(TN_NOTIMPLEMENTED);
    if (v == w)
        return tn_bool_from(op == TN_EQ || op == TN_LE || op == TN_GE);
    TnSlice *a = (TnSlice *)v, *b = (TnSlice *)w;
    TnObject *t1 = tn_tuple_pack(3, a->start, a->stop, a->step);
    TnObject *t2 = t1 != NULL ? tn_tuple_pack(3, b->start, b->stop, b->step) : NULL;
    TnObject *res = t2 != NULL ? tn_object_richcompare(t1, t2, op) : NULL;
    tn_xdecref(t1);
    tn_xdecref(t2);
    return res;
}

/* slice.indices(length) -> (start, stop, step), CPython's
 * _PySlice_GetLongIndices on ints of any size. */
static TnObject *slice_indices_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (tn_args_no_kw("slice.indices", kwnames) < 0 || tn_args_count("slice.indices", nargs, 1, 1) < 0)
        return NULL;
    TnObject *length = tn_number_index(args[0]);
    if (length == NULL)
        return NULL;
    TnObject *ix[3], *res = NULL;
    if (tn_int_sign(length) < 0)
        tn_err_set_str(&tn_exc_ValueError, "length should not be negative");
    else if (long_slice_indices((TnSlice *)self, length, ix) == 0) {
        res = tn_tuple_pack(3, ix[0], ix[1], ix[2]);
        for (int i = 0; i < 3; i++)
            tn_decref(ix[i]);
    }
    tn_decref(length);
    return res;
}

static TnObject *slice_get_start(TnObject *self, void *closure)
{
    return tn_newref(((TnSlice *)self)->start);
}

static TnObject *slice_get_stop(TnObject *self, void *closure)
{
    return tn_newref(((TnSlice *)self)->stop);
}

static TnObject *slice_get_step(TnObject *self, void *closure)
{
    return tn_newref(((TnSlice *)self)->step);
}

static const TnMethodDef slice_methods[] = {
    {"indices", slice_indices_meth, 0,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef slice_getsets[] = {
    {"start", slice_get_start, NULL, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL, NULL},
    {"step", slice_get_step, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_slice = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "slice",
    .basicsize = sizeof(TnSlice),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = slice_richcompare,
    .new_ = slice_new_from_python,
    .methods = slice_methods,
    .getsets = slice_getsets,
    .traverse = slice_traverse,
    .doc = "slice(stop)\nslice(start, stop[, step])\n\n"
           "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
};

/* ---- seqiter ("iterator") ---------------------------------------------------------- */

typedef struct SeqIter {
    TnObject ob;
    tn_ssize_t index;
    TnObject *seq;          /* NULL once exhausted (gil flavour) */
} SeqIter;

TnObject *tn_seqiter_new(TnObject *seq)
{
    SeqIter *it = (SeqIter *)tn_object_new(&tn_type_seqiter, sizeof(SeqIter));
    if (it == NULL)
        return NULL;
    it->seq = tn_newref(seq);
    return TN_OBJ(it);
}

/* seq[index] through sq_item when the type has it, else through getitem. */
static TnObject *seq_get(TnObject *seq, tn_ssize_t index)
{
    const TnSequenceMethods *sq = tn_type(seq)->as_sequence;
    if (sq != NULL && sq->item != NULL)
        return sq->item(seq, index);
    TnObject *i = tn_int_from_ssize(index);
    if (i == NULL)
        return NULL;
    TnObject *v = tn_object_getitem(seq, i);
    tn_decref(i);
    return v;
}

/* Items seq[0], seq[1], ... until IndexError or StopIteration. */
/* Shared by threads, the iterator must not crash: the index is read once
 * (relaxed atomic), exhaustion is index -1, and the ft flavour keeps seq
 * until the iterator dies because another thread may be calling into it. */
static TnObject *seqiter_next(TnObject *self)
{
    SeqIter *it = (SeqIter *)self;
    tn_ssize_t i = tn_atomic_load_intptr_relaxed(&it->index);
    if (it->seq == NULL || i < 0)
        return NULL;
    if (i == INTPTR_MAX)
        return tn_err_format(&tn_exc_OverflowError, "iter index too large");
    TnObject *v = seq_get(it->seq, i);
    if (v != NULL) {
        tn_atomic_store_intptr_relaxed(&it->index, i + 1);
        return v;
    }
    if (tn_err_matches(&tn_exc_IndexError) || tn_err_matches(&tn_exc_StopIteration)) {
        tn_err_clear();
        tn_atomic_store_intptr_relaxed(&it->index, -1);
        if (!TN_FREE_THREADED)
            TN_CLEAR(it->seq);
    }
    return NULL;
}

static void seqiter_dealloc(TnObject *self)
{
    TN_CLEAR(((SeqIter *)self)->seq);
    tn_object_free(self);
}

static int seqiter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnObject *seq = ((SeqIter *)self)->seq;
    return seq != NULL ? visit(seq, arg) : 0;
}

/* len(seq) - index when seq has a length, else NotImplemented. */
static TnObject *seqiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    if (tn_args_no_kw("iterator.__length_hint__", kwnames) < 0
        || tn_args_count("iterator.__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    SeqIter *it = (SeqIter *)self;
    tn_ssize_t i = tn_atomic_load_intptr_relaxed(&it->index);
    if (it->seq == NULL || i < 0)
        return tn_int_from_i64(0);
    const TnType *tp = tn_type(it->seq);
    if ((tp->as_sequence == NULL || tp->as_sequence->length == NULL)
        && (tp->as_mapping == NULL || tp->as_mapping->length == NULL))
        return tn_newref(TN_NOTIMPLEMENTED);
    tn_ssize_t n = tn_object_length(it->seq);
    if (n < 0)
        return NULL;
    n -= i;
    return tn_int_from_ssize(n > 0 ? n : 0);
}

static const TnMethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_seqiter = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "iterator",
    .basicsize = sizeof(SeqIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = seqiter_dealloc,
    .iter = iter_self,
    .iternext = seqiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = seqiter_methods,
    .traverse = seqiter_traverse,
};
