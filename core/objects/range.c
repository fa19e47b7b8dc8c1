/* core/objects/range.c — range, range_iterator, slice, and the generic
 * sequence iterator ("iterator", used by iter() for objects that only have
 * __getitem__).
 *
 * range keeps int64 bounds (ints are machine words for now).  Arithmetic on
 * items is done in uint64, where wrap-around is defined: every item of a
 * range lies between start and stop, so start + i*step computed modulo 2**64
 * and converted back is exact.  The length is an unsigned count (see
 * range.h) because it can exceed INT64_MAX.
 *
 * The eval loop's FOR_ITER calls tn_type_range_iterator.iternext directly,
 * so that function stays small.
 */
#include "core/tn.h"

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

/* Item i (0 <= i < length) of r. */
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
    return TN_OBJ(r);
}

/* A range argument: anything with __index__, as int64.  0 / -1. */
static int range_arg(TnObject *v, int64_t *out)
{
    TnObject *i = tn_number_index(v);
    if (i == NULL)
        return -1;
    int overflow;
    *out = tn_int_as_i64(i, &overflow);
    tn_decref(i);
    if (overflow) {
        tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

static TnObject *range_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("range", kwnames) < 0 || tn_args_count("range", nargs, 1, 3) < 0)
        return NULL;
    int64_t start = 0, stop, step = 1;
    if (nargs == 1) {
        if (range_arg(args[0], &stop) < 0)
            return NULL;
    } else {
        if (range_arg(args[0], &start) < 0 || range_arg(args[1], &stop) < 0)
            return NULL;
        if (nargs == 3 && range_arg(args[2], &step) < 0)
            return NULL;
    }
    return tn_range_new(start, stop, step);
}

static void range_dealloc(TnObject *self)
{
    tn_object_free(self);
}

static TnObject *range_repr(TnObject *self)
{
    TnRange *r = as_range(self);
    if (r->step == 1)
        return tn_str_from_format("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return tn_str_from_format("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                              (long long)r->step);
}

static tn_ssize_t range_length(TnObject *self)
{
    uint64_t n = tn_range_ulength(as_range(self));
    if (n > (uint64_t)INTPTR_MAX) {
        tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (tn_ssize_t)n;
}

static int range_bool(TnObject *self)
{
    return tn_range_ulength(as_range(self)) != 0;
}

/* Item i (negative from the end) as an int.  IndexError when out of range. */
static TnObject *range_item(TnObject *self, tn_ssize_t i)
{
    TnRange *r = as_range(self);
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

/* r[slice]: another range.  The new stop is clipped to the int64 range when
 * the exact value does not fit (the length stays right). */
static TnObject *range_slice(TnRange *r, TnObject *slice)
{
    uint64_t ulen = tn_range_ulength(r);
    if (ulen > (uint64_t)INTPTR_MAX)
        return tn_err_format(&tn_exc_OverflowError, "range too large to slice");
    tn_ssize_t start, stop, step, len;
    if (tn_slice_indices(slice, (tn_ssize_t)ulen, &start, &stop, &step, &len) < 0)
        return NULL;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    __int128 nstep = (__int128)step * r->step;
    if (!fits_i64(nstep) || (len > 0 && !fits_i64(nstart)))
        return tn_err_format(&tn_exc_OverflowError, "range slice bounds do not fit in 64 bits");
    if (!fits_i64(nstart))
        nstart = nstop = 0;     /* empty result */
    if (!fits_i64(nstop))
        nstop = nstop > 0 ? INT64_MAX : INT64_MIN;
    return tn_range_new((int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
}

static TnObject *range_subscript(TnObject *self, TnObject *key)
{
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, NULL);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return range_item(self, i);
    }
    if (tn_slice_check(key))
        return range_slice(as_range(self), key);
    return tn_err_format(&tn_exc_TypeError, "range indices must be integers or slices, not %s",
                         tn_type(key)->name);
}

/* v is an item of r (fast path for int values). */
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

/* Is ob an exact int or a bool whose value fits int64 (*v)? */
static bool int_value(TnObject *ob, int64_t *v)
{
    if (!tn_int_check_exact(ob) && !tn_bool_check(ob))
        return false;
    int overflow;
    *v = tn_int_as_i64(ob, &overflow);
    return !overflow;
}

enum { SEARCH_CONTAINS, SEARCH_COUNT, SEARCH_INDEX };

/* Compare every item with ob (== ), as CPython's _PySequence_IterSearch:
 * SEARCH_CONTAINS 1/0, SEARCH_COUNT the count, SEARCH_INDEX the first index
 * (ValueError if none).  -1 on error. */
static tn_ssize_t range_search(TnRange *r, TnObject *ob, int what)
{
    uint64_t len = tn_range_ulength(r);
    tn_ssize_t count = 0;
    for (uint64_t i = 0; i < len; i++) {
        TnObject *item = tn_int_from_i64(range_at(r, i));
        if (item == NULL)
            return -1;
        int cmp = tn_object_richcompare_bool(item, ob, TN_EQ);
        tn_decref(item);
        if (cmp < 0)
            return -1;
        if (cmp > 0) {
            if (what == SEARCH_CONTAINS)
                return 1;
            if (what == SEARCH_INDEX) {
                if (i > (uint64_t)INTPTR_MAX) {
                    tn_err_set_str(&tn_exc_OverflowError, "index exceeds C integer size");
                    return -1;
                }
                return (tn_ssize_t)i;
            }
            count++;
        }
    }
    if (what == SEARCH_INDEX) {
        tn_err_set_str(&tn_exc_ValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return what == SEARCH_COUNT ? count : 0;
}

static int range_contains(TnObject *self, TnObject *ob)
{
    int64_t v;
    if (int_value(ob, &v))
        return contains_i64(as_range(self), v);
    return (int)range_search(as_range(self), ob, SEARCH_CONTAINS);
}

/* Equal as sequences (CPython's range_equals). */
static bool range_equals(const TnRange *a, const TnRange *b)
{
    if (a == b)
        return true;
    if (a->length != b->length)
        return false;
    if (a->length == 0)
        return true;
    if (a->start != b->start)
        return false;
    if (a->length == 1)
        return true;
    return a->step == b->step;
}

static TnObject *range_richcompare(TnObject *a, TnObject *b, int op)
{
    if (tn_type(b) != &tn_type_range || (op != TN_EQ && op != TN_NE))
        return tn_newref(TN_NOTIMPLEMENTED);
    bool eq = range_equals(as_range(a), as_range(b));
    return tn_bool_from(op == TN_EQ ? eq : !eq);
}

/* hash of an int64 value as an int object would hash. */
static tn_hash_t hash_i64(int64_t v)
{
    TnObject *i = tn_int_from_i64(v);
    if (i == NULL)
        return -1;
    tn_hash_t h = tn_object_hash(i);
    tn_decref(i);
    return h;
}

/* hash((len, start, step)) with start and step None for lengths 0 and 1
 * (so equal ranges hash equal), as CPython's range_hash. */
static tn_hash_t range_hash(TnObject *self)
{
    TnRange *r = as_range(self);
    uint64_t len = tn_range_ulength(r);
    tn_hash_t lanes[3];
    if (len > (uint64_t)INT64_MAX)
        lanes[0] = (tn_hash_t)(len % (((uint64_t)1 << 61) - 1));   /* int's hash: value mod 2**61-1 */
    else
        lanes[0] = hash_i64((int64_t)len);
    lanes[1] = len == 0 ? tn_object_hash(TN_NONE) : hash_i64(r->start);
    lanes[2] = len <= 1 ? tn_object_hash(TN_NONE) : hash_i64(r->step);
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
    int64_t v;
    if (int_value(args[0], &v))
        return tn_int_from_i64(contains_i64(as_range(self), v));
    tn_ssize_t n = range_search(as_range(self), args[0], SEARCH_COUNT);
    return n < 0 ? NULL : tn_int_from_ssize(n);
}

static TnObject *range_index_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("range.index", kwnames) < 0 || tn_args_count("range.index", nargs, 1, 1) < 0)
        return NULL;
    TnRange *r = as_range(self);
    int64_t v;
    if (!int_value(args[0], &v)) {
        tn_ssize_t i = range_search(r, args[0], SEARCH_INDEX);
        return i < 0 ? NULL : tn_int_from_ssize(i);
    }
    if (!contains_i64(r, v))
        return tn_err_format(&tn_exc_ValueError, "%R is not in range", args[0]);
    return tn_int_from_i64((int64_t)(((__int128)v - r->start) / r->step));
}

static TnObject *range_get_start(TnObject *self, void *closure)
{
    return tn_int_from_i64(as_range(self)->start);
}

static TnObject *range_get_stop(TnObject *self, void *closure)
{
    return tn_int_from_i64(as_range(self)->stop);
}

static TnObject *range_get_step(TnObject *self, void *closure)
{
    return tn_int_from_i64(as_range(self)->step);
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

typedef struct RangeIter {
    TnObject ob;
    int64_t next;
    int64_t step;
    uint64_t remaining;
} RangeIter;

static TnObject *rangeiter_new(int64_t first, int64_t step, uint64_t count)
{
    RangeIter *it = (RangeIter *)tn_object_new(&tn_type_range_iterator, sizeof(RangeIter));
    if (it == NULL)
        return NULL;
    it->next = first;
    it->step = step;
    it->remaining = count;
    return TN_OBJ(it);
}

static TnObject *range_iter(TnObject *self)
{
    TnRange *r = as_range(self);
    return rangeiter_new(r->start, r->step, tn_range_ulength(r));
}

static TnObject *range_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    if (tn_args_no_kw("range.__reversed__", kwnames) < 0
        || tn_args_count("range.__reversed__", nargs, 0, 0) < 0)
        return NULL;
    TnRange *r = as_range(self);
    uint64_t len = tn_range_ulength(r);
    int64_t last = len > 0 ? range_at(r, len - 1) : r->start;
    return rangeiter_new(last, (int64_t)(0 - (uint64_t)r->step), len);
}

/* Hot: called directly by FOR_ITER. */
static TnObject *rangeiter_next(TnObject *self)
{
    RangeIter *it = (RangeIter *)self;
    if (it->remaining == 0)
        return NULL;
    int64_t v = it->next;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step);
    it->remaining--;
    return tn_int_from_i64(v);
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
    uint64_t n = ((RangeIter *)self)->remaining;
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

/* A slice.indices() bound: an int via __index__, as int64. */
static int indices_value(TnObject *v, int64_t *out)
{
    if (!tn_slice_index_check(v)) {
        tn_err_set_str(&tn_exc_TypeError, SLICE_INDEX_MSG);
        return -1;
    }
    TnObject *i = tn_number_index(v);
    if (i == NULL)
        return -1;
    int overflow;
    *out = tn_int_as_i64(i, &overflow);
    if (overflow)
        *out = tn_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    tn_decref(i);
    return 0;
}

/* Clip a start/stop bound of slice.indices() into [lower, upper]. */
static int64_t clip_bound(int64_t v, int64_t length, int64_t lower, int64_t upper)
{
    if (v < 0) {
        v += length;
        return v < lower ? lower : v;
    }
    return v > upper ? upper : v;
}

/* slice.indices(length) -> (start, stop, step), CPython's
 * _PySlice_GetLongIndices on int64 values. */
static TnObject *slice_indices_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (tn_args_no_kw("slice.indices", kwnames) < 0 || tn_args_count("slice.indices", nargs, 1, 1) < 0)
        return NULL;
    TnSlice *s = (TnSlice *)self;
    TnObject *len_obj = tn_number_index(args[0]);
    if (len_obj == NULL)
        return NULL;
    int overflow;
    int64_t length = tn_int_as_i64(len_obj, &overflow);
    if (overflow)
        length = tn_int_sign(len_obj) < 0 ? -1 : INT64_MAX;
    tn_decref(len_obj);
    if (length < 0)
        return tn_err_format(&tn_exc_ValueError, "length should not be negative");
    int64_t step = 1, start, stop;
    if (s->step != TN_NONE) {
        if (indices_value(s->step, &step) < 0)
            return NULL;
        if (step == 0)
            return tn_err_format(&tn_exc_ValueError, "slice step cannot be zero");
    }
    int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
    if (s->start == TN_NONE)
        start = step < 0 ? upper : lower;
    else if (indices_value(s->start, &start) < 0)
        return NULL;
    else
        start = clip_bound(start, length, lower, upper);
    if (s->stop == TN_NONE)
        stop = step < 0 ? lower : upper;
    else if (indices_value(s->stop, &stop) < 0)
        return NULL;
    else
        stop = clip_bound(stop, length, lower, upper);
    TnObject *a = tn_int_from_i64(start), *b = tn_int_from_i64(stop), *c = tn_int_from_i64(step);
    TnObject *res = a != NULL && b != NULL && c != NULL ? tn_tuple_pack(3, a, b, c) : NULL;
    tn_xdecref(a);
    tn_xdecref(b);
    tn_xdecref(c);
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
    TnObject *seq;          /* NULL once exhausted */
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
static TnObject *seqiter_next(TnObject *self)
{
    SeqIter *it = (SeqIter *)self;
    if (it->seq == NULL)
        return NULL;
    if (it->index == INTPTR_MAX)
        return tn_err_format(&tn_exc_OverflowError, "iter index too large");
    TnObject *v = seq_get(it->seq, it->index);
    if (v != NULL) {
        it->index++;
        return v;
    }
    if (tn_err_matches(&tn_exc_IndexError) || tn_err_matches(&tn_exc_StopIteration)) {
        tn_err_clear();
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
    if (it->seq == NULL)
        return tn_int_from_i64(0);
    const TnType *tp = tn_type(it->seq);
    if ((tp->as_sequence == NULL || tp->as_sequence->length == NULL)
        && (tp->as_mapping == NULL || tp->as_mapping->length == NULL))
        return tn_newref(TN_NOTIMPLEMENTED);
    tn_ssize_t n = tn_object_length(it->seq);
    if (n < 0)
        return NULL;
    n -= it->index;
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
