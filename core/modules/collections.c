/* core/modules/collections.c — the _collections module: deque (and its
 * two iterators), defaultdict, _count_elements and _tuplegetter, as CPython
 * 3.11's Modules/_collectionsmodule.c; OrderedDict stays the pure-Python
 * one of collections/__init__.py (which falls back to it).  docs/stdlib.md.
 *
 * deque is a circular array of references (`items`, `cap` slots, `len`
 * used from `head`) instead of CPython's linked blocks: the same O(1)
 * appends and pops at both ends, O(1) indexing.  `state` counts the
 * mutations that change the deque's shape, as CPython's does, so that an
 * iterator (or count/index/in) that sees it change raises "deque mutated
 * during iteration".
 *
 * Threads (ft): every deque operation runs inside the deque's critical
 * section, so appends and pops from several threads are atomic, as in
 * CPython; operations that call back into Python (comparisons in count,
 * index, remove, in; the source of extend) re-read the deque after each
 * call and check `state`.  An iterator is stepped inside its deque's
 * section (its own fields included).  Items are dropped only when the
 * deque's fields are consistent again, since a destructor may use the deque.
 *
 * Not provided: weak references to deques (issue 10), __sizeof__.
 */
#include <string.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/compiler/ast.h"
#include "core/objects/genericalias.h"
#include "core/objects/repr_guard.h"

/* ======================================================================
 * deque
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject **items;       /* cap slots; items[(head + i) % cap] is d[i] */
    tn_ssize_t cap, head, len;
    tn_ssize_t maxlen;      /* -1: unbounded */
    size_t state;           /* bumped by every change of shape */
} DequeObject;

typedef struct {
    TnObject ob;
    TnObject *deque;
    tn_ssize_t index;       /* the next position (reverse: from the right end) */
    tn_ssize_t counter;     /* items left */
    size_t state;           /* the deque's state when the iterator was made */
} DequeIterObject;

static TnType deque_type, dequeiter_type, dequereviter_type;

#define DEQUE(op) ((DequeObject *)(op))

static bool deque_check(TnObject *op)
{
    return tn_object_type_check(op, &deque_type);
}

/* len is also read without the section (len(d)): written atomically. */
static void deque_set_len_lock_held(DequeObject *d, tn_ssize_t len)
{
    tn_atomic_store_intptr_relaxed((intptr_t *)&d->len, (intptr_t)len);
}

static TnObject **slot_at(DequeObject *d, tn_ssize_t i)
{
    return &d->items[(d->head + i) % d->cap];
}

/* Room for one more item.  0 / -1 (MemoryError). */
static int deque_reserve_lock_held(DequeObject *d)
{
    if (d->len < d->cap)
        return 0;
    tn_ssize_t ncap = d->cap < 8 ? 8 : d->cap * 2;
    TnObject **items = tn_mem_alloc(sizeof(TnObject *) * (size_t)ncap);
    if (items == NULL) {
        tn_err_no_memory();
        return -1;
    }
    for (tn_ssize_t i = 0; i < d->len; i++)
        items[i] = *slot_at(d, i);
    tn_mem_free(d->items);
    d->items = items;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

/* Take the leftmost / rightmost item out (len > 0).  New ref. */
static TnObject *deque_take_left_lock_held(DequeObject *d)
{
    TnObject *item = d->items[d->head];
    d->head = (d->head + 1) % d->cap;
    deque_set_len_lock_held(d, d->len - 1);
    d->state++;
    return item;
}

static TnObject *deque_take_right_lock_held(DequeObject *d)
{
    TnObject *item = *slot_at(d, d->len - 1);
    deque_set_len_lock_held(d, d->len - 1);
    d->state++;
    return item;
}

/* Append item (stolen) at the right; past maxlen the leftmost item goes.
 * 0 / -1. */
static int deque_append_steal_lock_held(DequeObject *d, TnObject *item)
{
    if (d->maxlen == 0) {
        tn_decref(item);
        return 0;
    }
    /* A full bounded deque drops its leftmost item first: len(d), read
     * without the section, never exceeds maxlen. */
    TnObject *dropped = d->maxlen >= 0 && d->len >= d->maxlen ? deque_take_left_lock_held(d) : NULL;
    if (deque_reserve_lock_held(d) < 0) {
        tn_decref(item);
        tn_xdecref(dropped);
        return -1;
    }
    *slot_at(d, d->len) = item;
    deque_set_len_lock_held(d, d->len + 1);
    d->state++;
    tn_xdecref(dropped);
    return 0;
}

static int deque_appendleft_steal_lock_held(DequeObject *d, TnObject *item)
{
    if (d->maxlen == 0) {
        tn_decref(item);
        return 0;
    }
    TnObject *dropped = d->maxlen >= 0 && d->len >= d->maxlen ? deque_take_right_lock_held(d) : NULL;
    if (deque_reserve_lock_held(d) < 0) {
        tn_decref(item);
        tn_xdecref(dropped);
        return -1;
    }
    d->head = (d->head - 1 + d->cap) % d->cap;
    d->items[d->head] = item;
    deque_set_len_lock_held(d, d->len + 1);
    d->state++;
    tn_xdecref(dropped);
    return 0;
}

/* Empty the deque, then drop the items (their destructors see it empty). */
static void deque_clear_lock_held(DequeObject *d)
{
    TnObject **items = d->items;
    tn_ssize_t cap = d->cap, head = d->head, len = d->len;
    d->items = NULL;
    d->cap = d->head = 0;
    deque_set_len_lock_held(d, 0);
    d->state++;
    for (tn_ssize_t i = 0; i < len; i++)
        tn_decref(items[(head + i) % cap]);
    tn_mem_free(items);
}

/* Rotate right by n (left when negative), |n| < len. */
static void deque_rotate_lock_held(DequeObject *d, tn_ssize_t n)
{
    tn_ssize_t len = d->len;
    if (len <= 1)
        return;
    tn_ssize_t half = len >> 1;
    if (n > half || n < -half) {
        n %= len;
        if (n > half)
            n -= len;
        else if (n < -half)
            n += len;
    }
    d->state++;
    /* Each step moves one item around the end; when the array is full the
     * source and destination slots coincide. */
    for (; n > 0; n--) {
        TnObject *item = *slot_at(d, len - 1);
        d->head = (d->head - 1 + d->cap) % d->cap;
        d->items[d->head] = item;
    }
    for (; n < 0; n++) {
        TnObject *item = d->items[d->head];
        d->head = (d->head + 1) % d->cap;
        *slot_at(d, len - 1) = item;
    }
}

/* Remove d[i] (0 <= i < len) and return it (new ref). */
static TnObject *deque_remove_at_lock_held(DequeObject *d, tn_ssize_t i)
{
    TnObject *item = *slot_at(d, i);
    if (i < d->len / 2) {
        for (tn_ssize_t j = i; j > 0; j--)
            *slot_at(d, j) = *slot_at(d, j - 1);
        d->head = (d->head + 1) % d->cap;
    } else {
        for (tn_ssize_t j = i; j < d->len - 1; j++)
            *slot_at(d, j) = *slot_at(d, j + 1);
    }
    deque_set_len_lock_held(d, d->len - 1);
    d->state++;
    return item;
}

/* Insert item (stolen) before position i (0 <= i <= len); room reserved. */
static void deque_insert_at_lock_held(DequeObject *d, tn_ssize_t i, TnObject *item)
{
    deque_set_len_lock_held(d, d->len + 1);
    for (tn_ssize_t j = d->len - 1; j > i; j--)
        *slot_at(d, j) = *slot_at(d, j - 1);
    *slot_at(d, i) = item;
    d->state++;
}

/* ---- construction ---- */

static int deque_extend(DequeObject *d, TnObject *iterable);

static TnObject *deque_alloc(TnType *type, tn_ssize_t maxlen)
{
    DequeObject *d = (DequeObject *)tn_object_new(type, (size_t)type->basicsize);
    if (d != NULL)
        d->maxlen = maxlen;
    return TN_OBJ(d);
}

/* deque(iterable=(), maxlen=None) arguments into *iterable (borrowed or
 * NULL) and *maxlen.  0 / -1. */
static int deque_parse_args(TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames, TnObject **iterable,
                            tn_ssize_t *maxlen)
{
    static const char *const names[] = {"iterable", "maxlen", NULL};
    TnObject *a[2];
    if (tn_args_parse("deque", args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    *iterable = a[0];
    *maxlen = -1;
    if (a[1] != NULL && a[1] != TN_NONE) {
        if (!tn_int_check(a[1])) {
            tn_err_format(&tn_exc_TypeError, "an integer is required");
            return -1;
        }
        *maxlen = tn_int_as_ssize(a[1]);
        if (*maxlen == -1 && tn_err_occurred() != NULL)
            return -1;
        if (*maxlen < 0) {
            tn_err_format(&tn_exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    return 0;
}

static void deque_reset_lock_held(DequeObject *d, tn_ssize_t maxlen)
{
    d->maxlen = maxlen;
    if (d->len > 0)
        deque_clear_lock_held(d);
}

/* deque.__init__: clear, set maxlen, extend. */
static int deque_init(DequeObject *d, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *iterable;
    tn_ssize_t maxlen;
    if (deque_parse_args(args, nargs, kwnames, &iterable, &maxlen) < 0)
        return -1;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(d));
    deque_reset_lock_held(d, maxlen);
    TN_END_CRITICAL_SECTION();
    return iterable != NULL ? deque_extend(d, iterable) : 0;
}

/* The deque itself is filled here; a subclass by deque.__init__ (called
 * after __new__ for classes), as CPython's tp_init. */
static TnObject *deque_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *d = deque_alloc(type, -1);
    if (d != NULL && type == &deque_type && deque_init(DEQUE(d), args, nargs, kwnames) < 0)
        TN_CLEAR(d);
    return d;
}

static TnObject *deque_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (deque_init(DEQUE(self), args, nargs, kwnames) < 0)
        return NULL;
    return tn_none_ref();
}

static void deque_dealloc(TnObject *self)
{
    DequeObject *d = DEQUE(self);
    for (tn_ssize_t i = 0; i < d->len; i++)
        tn_decref(*slot_at(d, i));
    tn_mem_free(d->items);
    tn_object_free(self);
}

static int deque_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    DequeObject *d = DEQUE(self);
    for (tn_ssize_t i = 0; i < d->len; i++) {
        int r = visit(*slot_at(d, i), arg);
        if (r != 0)
            return r;
    }
    return 0;
}

static int deque_clear_slot(TnObject *self)
{
    TN_BEGIN_CRITICAL_SECTION(self);
    deque_clear_lock_held(DEQUE(self));
    TN_END_CRITICAL_SECTION();
    return 0;
}

/* ---- appends, pops, extend ---- */

static int deque_append_ref(DequeObject *d, TnObject *item, bool left)
{
    int r;
    tn_incref(item);
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(d));
    r = left ? deque_appendleft_steal_lock_held(d, item) : deque_append_steal_lock_held(d, item);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *deque_append(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.append", kwnames) < 0 || tn_args_count("deque.append", nargs, 1, 1) < 0 ||
        deque_append_ref(DEQUE(self), args[0], false) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *deque_appendleft(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.appendleft", kwnames) < 0 || tn_args_count("deque.appendleft", nargs, 1, 1) < 0 ||
        deque_append_ref(DEQUE(self), args[0], true) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *deque_pop_lock_held(DequeObject *d, bool left)
{
    if (d->len == 0)
        return tn_err_format(&tn_exc_IndexError, "pop from an empty deque");
    return left ? deque_take_left_lock_held(d) : deque_take_right_lock_held(d);
}

static TnObject *deque_pop_side(TnObject *self, const char *name, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames, bool left)
{
    if (tn_args_no_kw(name, kwnames) < 0 || tn_args_count(name, nargs, 0, 0) < 0)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_pop_lock_held(DEQUE(self), left);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *deque_pop(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return deque_pop_side(self, "deque.pop", args, nargs, kwnames, false);
}

static TnObject *deque_popleft(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return deque_pop_side(self, "deque.popleft", args, nargs, kwnames, true);
}

/* Append every item of it (at the left when `left`), inside the deque's
 * section: the whole extend is atomic unless the source blocks. */
static int deque_extend_lock_held(DequeObject *d, TnObject *it, bool left)
{
    TnObject *item;
    while ((item = tn_iter_next(it)) != NULL) {
        int r = left ? deque_appendleft_steal_lock_held(d, item) : deque_append_steal_lock_held(d, item);
        if (r < 0)
            return -1;
    }
    return tn_err_occurred() != NULL ? -1 : 0;
}

static int deque_extend_side(DequeObject *d, TnObject *iterable, bool left)
{
    /* Extending with itself: take a snapshot first, as CPython does. */
    TnObject *src = TN_OBJ(d) == iterable ? tn_list_from_iterable(iterable) : tn_newref(iterable);
    TnObject *it = src != NULL ? tn_object_get_iter(src) : NULL;
    tn_xdecref(src);
    if (it == NULL)
        return -1;
    int r;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(d));
    r = deque_extend_lock_held(d, it, left);
    TN_END_CRITICAL_SECTION();
    tn_decref(it);
    return r;
}

static int deque_extend(DequeObject *d, TnObject *iterable)
{
    return deque_extend_side(d, iterable, false);
}

static TnObject *deque_extend_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.extend", kwnames) < 0 || tn_args_count("deque.extend", nargs, 1, 1) < 0 ||
        deque_extend_side(DEQUE(self), args[0], false) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *deque_extendleft(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.extendleft", kwnames) < 0 || tn_args_count("deque.extendleft", nargs, 1, 1) < 0 ||
        deque_extend_side(DEQUE(self), args[0], true) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *deque_clear_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.clear", kwnames) < 0 || tn_args_count("deque.clear", nargs, 0, 0) < 0)
        return NULL;
    deque_clear_slot(self);
    return tn_none_ref();
}

static TnObject *deque_rotate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.rotate", kwnames) < 0 || tn_args_count("deque.rotate", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t n = 1;
    if (nargs == 1) {
        n = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (n == -1 && tn_err_occurred() != NULL)
            return NULL;
    }
    TN_BEGIN_CRITICAL_SECTION(self);
    deque_rotate_lock_held(DEQUE(self), n);
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

static void deque_reverse_lock_held(DequeObject *d)
{
    for (tn_ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        TnObject *t = *slot_at(d, i);
        *slot_at(d, i) = *slot_at(d, j);
        *slot_at(d, j) = t;
    }
}

static TnObject *deque_reverse(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.reverse", kwnames) < 0 || tn_args_count("deque.reverse", nargs, 0, 0) < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    deque_reverse_lock_held(DEQUE(self));
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

/* ---- searching: the comparisons may run any code ---- */

/* Compare d[i] == v for i in [start, stop): the first match's index, -1
 * when none, -2 on error.  mode: what to do when the deque changes meanwhile
 * (count counts every match instead of stopping, see deque_count). */
static tn_ssize_t deque_find_lock_held(DequeObject *d, TnObject *v, tn_ssize_t start, tn_ssize_t stop,
                                       tn_ssize_t *count, const char *mutated_msg, TnType *mutated_exc)
{
    size_t state = d->state;
    for (tn_ssize_t i = start; i < stop && i < d->len; i++) {
        TnObject *item = tn_newref(*slot_at(d, i));
        int eq = tn_object_richcompare_bool(item, v, TN_EQ);
        tn_decref(item);
        if (eq < 0)
            return -2;
        if (d->state != state) {
            tn_err_format(mutated_exc, "%s", mutated_msg);
            return -2;
        }
        if (eq > 0) {
            if (count == NULL)
                return i;
            (*count)++;
        }
    }
    return -1;
}

static TnObject *deque_count_lock_held(DequeObject *d, TnObject *v)
{
    tn_ssize_t count = 0;
    if (deque_find_lock_held(d, v, 0, d->len, &count, "deque mutated during iteration", &tn_exc_RuntimeError) == -2)
        return NULL;
    return tn_int_from_ssize(count);
}

static TnObject *deque_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.count", kwnames) < 0 || tn_args_count("deque.count", nargs, 1, 1) < 0)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_count_lock_held(DEQUE(self), args[0]);
    TN_END_CRITICAL_SECTION();
    return r;
}

static int deque_contains_lock_held(DequeObject *d, TnObject *v)
{
    tn_ssize_t i = deque_find_lock_held(d, v, 0, d->len, NULL, "deque mutated during iteration",
                                        &tn_exc_RuntimeError);
    return i == -2 ? -1 : i >= 0;
}

static int deque_contains(TnObject *self, TnObject *v)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_contains_lock_held(DEQUE(self), v);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* A slice bound of index(): CPython's _PyEval_SliceIndexNotNone.  0 / -1. */
static int slice_bound(TnObject *v, tn_ssize_t *out)
{
    const TnNumberMethods *nb = tn_type(v)->as_number;
    if (!tn_int_check(v) && (nb == NULL || nb->index == NULL)) {
        tn_err_format(&tn_exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    *out = tn_number_as_ssize(v, NULL);
    return *out == -1 && tn_err_occurred() != NULL ? -1 : 0;
}

static TnObject *deque_index_lock_held(DequeObject *d, TnObject *v, tn_ssize_t start, tn_ssize_t stop)
{
    tn_ssize_t n = d->len;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0 && (stop += n) < 0)
        stop = 0;
    if (stop > n)
        stop = n;
    if (start > stop)
        start = stop;
    tn_ssize_t i = deque_find_lock_held(d, v, start, stop, NULL, "deque mutated during iteration",
                                        &tn_exc_RuntimeError);
    if (i == -2)
        return NULL;
    if (i == -1)
        return tn_err_format(&tn_exc_ValueError, "%R is not in deque", v);
    return tn_int_from_ssize(i);
}

static TnObject *deque_index(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.index", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return tn_err_format(&tn_exc_TypeError, "index() takes %s %d argument%s (%zd given)",
                             nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s", nargs);
    tn_ssize_t start = 0, stop = INTPTR_MAX;
    if ((nargs > 1 && slice_bound(args[1], &start) < 0) || (nargs > 2 && slice_bound(args[2], &stop) < 0))
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_index_lock_held(DEQUE(self), args[0], start, stop);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *deque_remove_lock_held(DequeObject *d, TnObject *v)
{
    tn_ssize_t i = deque_find_lock_held(d, v, 0, d->len, NULL, "deque mutated during iteration",
                                        &tn_exc_IndexError);
    if (i == -2)
        return NULL;
    if (i == -1)
        return tn_err_format(&tn_exc_ValueError, "%R is not in deque", v);
    tn_decref(deque_remove_at_lock_held(d, i));
    return tn_none_ref();
}

static TnObject *deque_remove(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.remove", kwnames) < 0 || tn_args_count("deque.remove", nargs, 1, 1) < 0)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_remove_lock_held(DEQUE(self), args[0]);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *deque_insert_lock_held(DequeObject *d, tn_ssize_t i, TnObject *v)
{
    if (d->maxlen == d->len)
        return tn_err_format(&tn_exc_IndexError, "deque already at its maximum size");
    if (deque_reserve_lock_held(d) < 0)
        return NULL;
    if (i < 0 && (i += d->len) < 0)
        i = 0;
    if (i > d->len)
        i = d->len;
    deque_insert_at_lock_held(d, i, tn_newref(v));
    return tn_none_ref();
}

static TnObject *deque_insert(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.insert", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return tn_err_format(&tn_exc_TypeError, "insert() takes exactly 2 arguments (%zd given)", nargs);
    tn_ssize_t i = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (i == -1 && tn_err_occurred() != NULL)
        return NULL;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_insert_lock_held(DEQUE(self), i, args[1]);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* ---- the sequence protocol ---- */

static tn_ssize_t deque_length(TnObject *self)
{
    return (tn_ssize_t)tn_atomic_load_intptr_relaxed((intptr_t *)&DEQUE(self)->len);
}

static TnObject *deque_item_lock_held(DequeObject *d, tn_ssize_t i)
{
    if (i < 0 || i >= d->len)
        return tn_err_format(&tn_exc_IndexError, "deque index out of range");
    return tn_newref(*slot_at(d, i));
}

static TnObject *deque_item(TnObject *self, tn_ssize_t i)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_item_lock_held(DEQUE(self), i);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* d[i] = v (v stolen), or del d[i] (v NULL).  The old item is dropped
 * after the deque is consistent: *old receives it. */
static int deque_ass_item_lock_held(DequeObject *d, tn_ssize_t i, TnObject *v, TnObject **old)
{
    if (i < 0 || i >= d->len) {
        tn_err_format(&tn_exc_IndexError, "deque index out of range");
        return -1;
    }
    if (v == NULL) {
        *old = deque_remove_at_lock_held(d, i);
        return 0;
    }
    *old = *slot_at(d, i);
    *slot_at(d, i) = v;
    return 0;
}

static int deque_ass_item(TnObject *self, tn_ssize_t i, TnObject *v)
{
    int r;
    TnObject *old = NULL;
    if (v != NULL)
        tn_incref(v);
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_ass_item_lock_held(DEQUE(self), i, v, &old);
    TN_END_CRITICAL_SECTION();
    if (r < 0)
        tn_xdecref(v);
    tn_xdecref(old);
    return r;
}

/* A list of the items, taken at once.  New ref or NULL. */
static TnObject *deque_snapshot_lock_held(DequeObject *d)
{
    TnObject *list = tn_list_new(d->len);
    if (list == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < d->len; i++)
        tn_list_set_steal(list, i, tn_newref(*slot_at(d, i)));
    return list;
}

static TnObject *deque_snapshot(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = deque_snapshot_lock_held(DEQUE(self));
    TN_END_CRITICAL_SECTION();
    return r;
}

static tn_ssize_t deque_maxlen(TnObject *self)
{
    return DEQUE(self)->maxlen;
}

/* A copy: a plain deque copies itself; a subclass is called as
 * type(d)(d) or type(d)(d, maxlen), as CPython does. */
static TnObject *deque_copy_of(TnObject *self)
{
    TnType *tp = tn_type(self);
    if (tp == &deque_type) {
        TnObject *items = deque_snapshot(self);
        TnObject *copy = items != NULL ? deque_alloc(&deque_type, deque_maxlen(self)) : NULL;
        if (copy != NULL && deque_extend(DEQUE(copy), items) < 0)
            TN_CLEAR(copy);
        tn_xdecref(items);
        return copy;
    }
    TnObject *res;
    if (deque_maxlen(self) < 0) {
        res = tn_call_one(TN_OBJ(tp), self);
    } else {
        TnObject *ml = tn_int_from_ssize(deque_maxlen(self));
        TnObject *cargs[2] = {self, ml};
        res = ml != NULL ? tn_call(TN_OBJ(tp), cargs, 2, NULL) : NULL;
        tn_xdecref(ml);
    }
    if (res != NULL && !deque_check(res)) {
        tn_err_format(&tn_exc_TypeError, "%s() must return a deque, not %s", tn_type_name(tp), tn_type_name(tn_type(res)));
        TN_CLEAR(res);
    }
    return res;
}

static TnObject *deque_copy_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.copy", kwnames) < 0 || tn_args_count("deque.copy", nargs, 0, 0) < 0)
        return NULL;
    return deque_copy_of(self);
}

static TnObject *deque_concat(TnObject *self, TnObject *other)
{
    if (!deque_check(other))
        return tn_err_format(&tn_exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                             tn_type_name(tn_type(other)));
    TnObject *copy = deque_copy_of(self);
    if (copy != NULL && deque_extend(DEQUE(copy), other) < 0)
        TN_CLEAR(copy);
    return copy;
}

static TnObject *deque_inplace_concat(TnObject *self, TnObject *other)
{
    if (deque_extend(DEQUE(self), other) < 0)
        return NULL;
    return tn_newref(self);
}

/* d *= n: the items n times, through extend, so that past maxlen the
 * oldest are dropped; with a maxlen only the repetitions that can survive
 * are appended. */
static TnObject *deque_inplace_repeat(TnObject *self, tn_ssize_t n)
{
    TnObject *items = deque_snapshot(self);
    if (items == NULL)
        return NULL;
    int r = 0;
    tn_ssize_t len = tn_list_size(items), maxlen = deque_maxlen(self);
    if (n <= 0) {
        deque_clear_slot(self);
    } else if (len > 0) {
        if (maxlen >= 0 && n > maxlen / len + 2)
            n = maxlen / len + 2;
        for (tn_ssize_t k = 1; k < n && r == 0; k++)
            r = deque_extend(DEQUE(self), items);
    }
    tn_decref(items);
    return r < 0 ? NULL : tn_newref(self);
}

static TnObject *deque_repeat(TnObject *self, tn_ssize_t n)
{
    TnObject *copy = deque_copy_of(self);
    if (copy == NULL)
        return NULL;
    TnObject *r = deque_inplace_repeat(copy, n);
    tn_decref(copy);
    return r;
}

/* ---- repr, comparison, reduce ---- */

static TnObject *deque_repr(TnObject *self)
{
    int g = tn_repr_enter(self);
    if (g != 0)
        return g > 0 ? tn_str_from_cstr("[...]") : NULL;
    TnObject *list = deque_snapshot(self);
    TnObject *res = NULL;
    if (list != NULL) {
        const char *name = strrchr(tn_type_name(tn_type(self)), '.');
        name = name != NULL ? name + 1 : tn_type_name(tn_type(self));
        if (deque_maxlen(self) >= 0)
            res = tn_str_from_format("%s(%R, maxlen=%zd)", name, list, deque_maxlen(self));
        else
            res = tn_str_from_format("%s(%R)", name, list);
        tn_decref(list);
    }
    tn_repr_leave(self);
    return res;
}

/* Deques compare as sequences, only with deques. */
static TnObject *deque_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!deque_check(a) || !deque_check(b))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *la = deque_snapshot(a);
    TnObject *lb = la != NULL ? deque_snapshot(b) : NULL;
    TnObject *res = lb != NULL ? tn_object_richcompare(la, lb, op) : NULL;
    tn_xdecref(la);
    tn_xdecref(lb);
    return res;
}

static TnObject *deque_iter(TnObject *self);

static TnObject *deque_reduce(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.__reduce__", kwnames) < 0 || tn_args_count("deque.__reduce__", nargs, 0, 0) < 0)
        return NULL;
    TnObject *dict = NULL;
    if (tn_object_lookup_attr(self, tn_str_intern_cstr("__dict__"), &dict) < 0)
        return NULL;
    TnObject *it = deque_iter(self);
    TnObject *ctor_args = NULL;
    if (it != NULL) {
        if (deque_maxlen(self) < 0) {
            ctor_args = tn_tuple_new(0);
        } else {
            TnObject *empty = tn_tuple_new(0), *ml = tn_int_from_ssize(deque_maxlen(self));
            ctor_args = empty != NULL && ml != NULL ? tn_tuple_pack(2, empty, ml) : NULL;
            tn_xdecref(empty);
            tn_xdecref(ml);
        }
    }
    TnObject *res = ctor_args != NULL
                    ? tn_tuple_pack(4, TN_OBJ(tn_type(self)), ctor_args, dict != NULL ? dict : TN_NONE, it) : NULL;
    tn_xdecref(ctor_args);
    tn_xdecref(it);
    tn_xdecref(dict);
    return res;
}

static TnObject *deque_copy_dunder(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.__copy__", kwnames) < 0 || tn_args_count("deque.__copy__", nargs, 0, 0) < 0)
        return NULL;
    return deque_copy_of(self);
}

static TnObject *deque_class_getitem(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.__class_getitem__", kwnames) < 0 ||
        tn_args_count("deque.__class_getitem__", nargs, 1, 1) < 0)
        return NULL;
    return tn_generic_alias_new(cls, args[0]);
}

static TnObject *deque_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

/* __setitem__ and __delitem__ as methods (the slot wrappers do not cover
 * a sequence's ass_item); through the abstract layer, for its index
 * conversion and messages. */
static TnObject *deque_setitem_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__setitem__", kwnames) < 0 || tn_args_count("__setitem__", nargs, 2, 2) < 0 ||
        tn_object_setitem(self, args[0], args[1]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *deque_delitem_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__delitem__", kwnames) < 0 || tn_args_count("__delitem__", nargs, 1, 1) < 0 ||
        tn_object_delitem(self, args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *deque_get_maxlen(TnObject *self, void *closure)
{
    tn_ssize_t m = deque_maxlen(self);
    return m < 0 ? tn_none_ref() : tn_int_from_ssize(m);
}

static const TnGetSetDef deque_getsets[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnMethodDef deque_methods[] = {
    {"__init__", deque_init_meth, 0, NULL},
    {"__setitem__", deque_setitem_meth, 0, "Set self[key] to value."},
    {"__delitem__", deque_delitem_meth, 0, "Delete self[key]."},
    {"append", deque_append, 0, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, 0, "Add an element to the left side of the deque."},
    {"clear", deque_clear_meth, 0, "Remove all elements from the deque."},
    {"__copy__", deque_copy_dunder, 0, "Return a shallow copy of a deque."},
    {"copy", deque_copy_meth, 0, "Return a shallow copy of a deque."},
    {"count", deque_count, 0, "D.count(value) -- return number of occurrences of value"},
    {"extend", deque_extend_meth, 0, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, 0, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index, 0, "D.index(value, [start, [stop]]) -- return first index of value.\n"
                              "Raises ValueError if the value is not present."},
    {"insert", deque_insert, 0, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, 0, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, 0, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, 0, "Return state information for pickling."},
    {"remove", deque_remove, 0, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", deque_reversed_meth, 0, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", deque_reverse, 0, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, 0, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__class_getitem__", deque_class_getitem, TN_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const TnSequenceMethods deque_as_sequence = {
    .length = deque_length,
    .concat = deque_concat,
    .repeat = deque_repeat,
    .item = deque_item,
    .ass_item = deque_ass_item,
    .contains = deque_contains,
    .inplace_concat = deque_inplace_concat,
    .inplace_repeat = deque_inplace_repeat,
};

static TnType deque_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "collections.deque",
    .basicsize = sizeof(DequeObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = deque_dealloc,
    .repr = deque_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = deque_richcompare,
    .getattro = tn_object_generic_getattr,
    .iter = deque_iter,
    .new_ = deque_new,
    .as_sequence = &deque_as_sequence,
    .methods = deque_methods,
    .getsets = deque_getsets,
    .traverse = deque_traverse,
    .clear = deque_clear_slot,
    .doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
           "A list-like sequence optimized for data accesses near its endpoints.",
};

/* ---- iterators ---- */

static TnObject *dequeiter_make(TnType *type, TnObject *deque)
{
    DequeIterObject *it = (DequeIterObject *)tn_object_new(type, sizeof(DequeIterObject));
    if (it == NULL)
        return NULL;
    it->deque = tn_newref(deque);
    TN_BEGIN_CRITICAL_SECTION(deque);
    it->state = DEQUE(deque)->state;
    it->counter = DEQUE(deque)->len;
    TN_END_CRITICAL_SECTION();
    return TN_OBJ(it);
}

static TnObject *deque_iter(TnObject *self)
{
    return dequeiter_make(&dequeiter_type, self);
}

static TnObject *deque_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deque.__reversed__", kwnames) < 0 || tn_args_count("deque.__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return dequeiter_make(&dequereviter_type, self);
}

/* One step; the deque's section is held (it guards the iterator too). */
static TnObject *dequeiter_next_lock_held(DequeIterObject *it, bool reverse)
{
    DequeObject *d = DEQUE(it->deque);
    if (d->state != it->state) {
        it->counter = 0;
        return tn_err_format(&tn_exc_RuntimeError, "deque mutated during iteration");
    }
    if (it->counter == 0)
        return NULL;
    tn_ssize_t i = reverse ? d->len - 1 - it->index : it->index;
    it->index++;
    it->counter--;
    return tn_newref(*slot_at(d, i));
}

static TnObject *dequeiter_step(TnObject *self, bool reverse)
{
    DequeIterObject *it = (DequeIterObject *)self;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(it->deque);
    r = dequeiter_next_lock_held(it, reverse);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *dequeiter_next(TnObject *self)
{
    return dequeiter_step(self, false);
}

static TnObject *dequereviter_next(TnObject *self)
{
    return dequeiter_step(self, true);
}

static TnObject *dequeiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__length_hint__", kwnames) < 0 || tn_args_count("__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    DequeIterObject *it = (DequeIterObject *)self;
    tn_ssize_t n;
    TN_BEGIN_CRITICAL_SECTION(it->deque);
    n = it->counter;
    TN_END_CRITICAL_SECTION();
    return tn_int_from_ssize(n);
}

static const TnMethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static void dequeiter_dealloc(TnObject *self)
{
    TN_CLEAR(((DequeIterObject *)self)->deque);
    tn_object_free(self);
}

static int dequeiter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    DequeIterObject *it = (DequeIterObject *)self;
    return it->deque != NULL ? visit(it->deque, arg) : 0;
}

static TnObject *self_iter(TnObject *self)
{
    return tn_newref(self);
}

static TnType dequeiter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_collections._deque_iterator",
    .basicsize = sizeof(DequeIterObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = dequeiter_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = dequeiter_next,
    .methods = dequeiter_methods,
    .traverse = dequeiter_traverse,
};

static TnType dequereviter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_collections._deque_reverse_iterator",
    .basicsize = sizeof(DequeIterObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = dequeiter_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = dequereviter_next,
    .methods = dequeiter_methods,
    .traverse = dequeiter_traverse,
};

/* ======================================================================
 * defaultdict(default_factory=None, /, ...): a dict subclass
 * ====================================================================== */

typedef struct {
    TnDict dict;
    TnObject *default_factory;   /* NULL: None */
} DefDictObject;

static TnType defdict_type;

#define DEFDICT(op) ((DefDictObject *)(op))

/* The factory as a new reference (None when unset).  Replaced only by
 * assignment to default_factory, inside the object's section. */
static TnObject *defdict_factory_ref(TnObject *self)
{
    TnObject *f;
    TN_BEGIN_CRITICAL_SECTION(self);
    f = DEFDICT(self)->default_factory != NULL ? tn_newref(DEFDICT(self)->default_factory) : tn_none_ref();
    TN_END_CRITICAL_SECTION();
    return f;
}

static void defdict_set_factory(TnObject *self, TnObject *f_steal)
{
    TnObject *old;
    TN_BEGIN_CRITICAL_SECTION(self);
    old = DEFDICT(self)->default_factory;
    DEFDICT(self)->default_factory = f_steal;
    TN_END_CRITICAL_SECTION();
    tn_xdecref(old);
}

/* defaultdict.__init__(self, default_factory=None, *args, **kwargs): the
 * rest goes to dict.__init__. */
static int defdict_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *factory = nargs > 0 ? args[0] : TN_NONE;
    if (factory != TN_NONE && !tn_callable_check(factory)) {
        tn_err_format(&tn_exc_TypeError, "first argument must be callable or None");
        return -1;
    }
    defdict_set_factory(self, factory != TN_NONE ? tn_newref(factory) : NULL);
    tn_ssize_t rest = nargs > 0 ? nargs - 1 : 0;
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    TnObject *init = tn_type_lookup(&tn_type_dict, tn_str_intern_cstr("__init__"));
    if (init == NULL) {
        tn_err_format(&tn_exc_SystemError, "dict has no __init__");
        return -1;
    }
    TnObject **buf = tn_mem_alloc(sizeof(TnObject *) * (size_t)(rest + nkw + 1));
    if (buf == NULL) {
        tn_err_no_memory();
        return -1;
    }
    buf[0] = self;
    for (tn_ssize_t i = 0; i < rest + nkw; i++)
        buf[i + 1] = args[(nargs > 0 ? 1 : 0) + i];
    tn_incref(init);
    TnObject *r = tn_call(init, buf, rest + 1, kwnames);
    tn_decref(init);
    tn_mem_free(buf);
    tn_xdecref(r);
    return r != NULL ? 0 : -1;
}

static TnObject *defdict_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    /* dict's constructor leaves a subclass empty. */
    TnObject *self = tn_type_dict.new_(type, NULL, 0, NULL);
    if (self != NULL && type == &defdict_type && defdict_init(self, args, nargs, kwnames) < 0)
        TN_CLEAR(self);
    return self;
}

static TnObject *defdict_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (defdict_init(self, args, nargs, kwnames) < 0)
        return NULL;
    return tn_none_ref();
}

/* __missing__(key): KeyError without a factory, else d[key] = factory(). */
static TnObject *defdict_missing(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("defaultdict.__missing__", kwnames) < 0 || tn_args_count("defaultdict.__missing__", nargs, 1, 1) < 0)
        return NULL;
    TnObject *factory = defdict_factory_ref(self);
    if (factory == TN_NONE) {
        tn_err_set_object(&tn_exc_KeyError, args[0]);
        return NULL;
    }
    TnObject *value = tn_call_noargs(factory);
    tn_decref(factory);
    if (value != NULL && tn_object_setitem(self, args[0], value) < 0)
        TN_CLEAR(value);
    return value;
}

/* type(dd)(dd.default_factory, dd): CPython's new_defdict(dd, arg). */
static TnObject *defdict_copy_with(TnObject *dd, TnObject *arg)
{
    TnObject *factory = defdict_factory_ref(dd);
    TnObject *cargs[2] = {factory, arg};
    TnObject *r = tn_call(TN_OBJ(tn_type(dd)), cargs, 2, NULL);
    tn_decref(factory);
    return r;
}

static TnObject *defdict_copy(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("defaultdict.copy", kwnames) < 0 || tn_args_count("defaultdict.copy", nargs, 0, 0) < 0)
        return NULL;
    return defdict_copy_with(self, self);
}

static TnObject *defdict_reduce(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__reduce__", kwnames) < 0 || tn_args_count("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    TnObject *factory = defdict_factory_ref(self);
    TnObject *cargs = factory == TN_NONE ? tn_tuple_new(0) : tn_tuple_pack(1, factory);
    tn_decref(factory);
    TnObject *items = cargs != NULL ? tn_call_method_cstr(self, "items", NULL, 0) : NULL;
    TnObject *it = items != NULL ? tn_object_get_iter(items) : NULL;
    tn_xdecref(items);
    TnObject *res = it != NULL ? tn_tuple_pack(5, TN_OBJ(tn_type(self)), cargs, TN_NONE, TN_NONE, it) : NULL;
    tn_xdecref(cargs);
    tn_xdecref(it);
    return res;
}

static TnObject *defdict_repr(TnObject *self)
{
    TnObject *base = tn_type_dict.repr(self);
    if (base == NULL)
        return NULL;
    TnObject *factory = defdict_factory_ref(self);
    TnObject *defrepr;
    int g = tn_repr_enter(factory);
    if (g < 0) {
        defrepr = NULL;
    } else if (g > 0) {
        defrepr = tn_str_from_cstr("...");
    } else {
        defrepr = tn_object_repr(factory);
        tn_repr_leave(factory);
    }
    TnObject *res = NULL;
    if (defrepr != NULL) {
        const char *name = strrchr(tn_type_name(tn_type(self)), '.');
        res = tn_str_from_format("%s(%U, %U)", name != NULL ? name + 1 : tn_type_name(tn_type(self)), defrepr, base);
    }
    tn_xdecref(defrepr);
    tn_decref(factory);
    tn_decref(base);
    return res;
}

/* dd | other and other | dd: a copy of the defaultdict updated with the
 * right operand; only with dicts. */
static TnObject *defdict_or(TnObject *left, TnObject *right)
{
    TnObject *self = tn_object_type_check(left, &defdict_type) ? left : right;
    TnObject *other = self == left ? right : left;
    if (!tn_object_type_check(other, &tn_type_dict))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *res = defdict_copy_with(self, left);
    if (res != NULL && tn_dict_update(res, right) < 0)
        TN_CLEAR(res);
    return res;
}

/* dd |= other: dict's in-place update. */
static TnObject *defdict_ior(TnObject *self, TnObject *other)
{
    if (tn_dict_update(self, other) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *defdict_get_factory(TnObject *self, void *closure)
{
    return defdict_factory_ref(self);
}

static int defdict_set_factory_attr(TnObject *self, TnObject *value, void *closure)
{
    defdict_set_factory(self, value != NULL && value != TN_NONE ? tn_newref(value) : NULL);
    return 0;
}

static void defdict_dealloc(TnObject *self)
{
    TN_CLEAR(DEFDICT(self)->default_factory);
    tn_type_dict.dealloc(self);
}

static int defdict_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    if (DEFDICT(self)->default_factory != NULL && visit(DEFDICT(self)->default_factory, arg) != 0)
        return -1;
    return tn_type_dict.traverse(self, visit, arg);
}

static int defdict_clear_slot(TnObject *self)
{
    defdict_set_factory(self, NULL);
    return tn_type_dict.clear(self);
}

static const TnGetSetDef defdict_getsets[] = {
    {"default_factory", defdict_get_factory, defdict_set_factory_attr,
     "Factory for default value called by __missing__().", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnMethodDef defdict_methods[] = {
    {"__init__", defdict_init_meth, 0, NULL},
    {"__missing__", defdict_missing, 0,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value"},
    {"copy", defdict_copy, 0, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, 0, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, 0, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static TnNumberMethods defdict_as_number = {
    .or_ = defdict_or,
    .inplace_or = defdict_ior,
};

static TnType defdict_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "collections.defaultdict",
    .basicsize = sizeof(DefDictObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_DICT_SUBCLASS | TN_TPFLAGS_HAVE_GC,
    .base = &tn_type_dict,
    .dealloc = defdict_dealloc,
    .repr = defdict_repr,
    .new_ = defdict_new,
    .as_number = &defdict_as_number,
    .methods = defdict_methods,
    .getsets = defdict_getsets,
    .traverse = defdict_traverse,
    .clear = defdict_clear_slot,
    .doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
           "The default factory is called without arguments to produce\n"
           "a new value when a key is not present, in __getitem__ only.\n"
           "A defaultdict compares equal to a dict with the same items.\n"
           "All remaining arguments are treated the same as if they were\n"
           "passed to the dict constructor, including keyword arguments.\n",
};

/* ======================================================================
 * _count_elements(mapping, iterable)
 * ====================================================================== */

/* mapping[elem] = mapping.get(elem, 0) + 1 for every elem: directly on
 * the dict when mapping's get and __setitem__ are dict's own, else
 * through its methods (Counter subclasses may override them). */
static TnObject *collections_count_elements(TnObject *module, TnObject *const *args, tn_ssize_t nargs,
                                            TnObject *kwnames)
{
    if (tn_args_no_kw("_count_elements", kwnames) < 0 || tn_args_count("_count_elements", nargs, 2, 2) < 0)
        return NULL;
    TnObject *mapping = args[0];
    TnObject *it = tn_object_get_iter(args[1]);
    if (it == NULL)
        return NULL;
    TnType *tp = tn_type(mapping);
    bool fast = tn_object_type_check(mapping, &tn_type_dict)
                && tn_type_lookup(tp, tn_str_intern_cstr("get")) == tn_type_lookup(&tn_type_dict, tn_str_intern_cstr("get"))
                && tn_type_lookup(tp, tn_str_intern_cstr("__setitem__"))
                       == tn_type_lookup(&tn_type_dict, tn_str_intern_cstr("__setitem__"));
    TnObject *zero = tn_int_from_i64(0), *one = tn_int_from_i64(1);
    TnObject *get = fast ? NULL : tn_object_getattr_cstr(mapping, "get");
    TnObject *key = NULL;
    int ok = zero != NULL && one != NULL && (fast || get != NULL);
    while (ok && (key = tn_iter_next(it)) != NULL) {
        TnObject *old;
        if (fast) {
            int r = tn_dict_get_item_ref(mapping, key, &old);
            if (r <= 0)
                old = r == 0 ? tn_newref(zero) : NULL;
        } else {
            TnObject *gargs[2] = {key, zero};
            old = tn_call(get, gargs, 2, NULL);
        }
        TnObject *newval = old != NULL ? tn_number_binop(old, one, TN_OP_ADD) : NULL;
        tn_xdecref(old);
        ok = newval != NULL && (fast ? tn_dict_set_item(mapping, key, newval) : tn_object_setitem(mapping, key, newval)) == 0;
        tn_xdecref(newval);
        tn_decref(key);
    }
    tn_xdecref(get);
    tn_xdecref(zero);
    tn_xdecref(one);
    tn_decref(it);
    if (!ok || tn_err_occurred() != NULL)
        return NULL;
    return tn_none_ref();
}

/* ======================================================================
 * _tuplegetter(index, doc): namedtuple's field descriptors
 * ====================================================================== */

typedef struct {
    TnObject ob;
    tn_ssize_t index;
    TnObject *doc;
} TupleGetterObject;

static TnType tuplegetter_type;

static TnObject *tuplegetter_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_tuplegetter", kwnames) < 0 || tn_args_count("_tuplegetter", nargs, 2, 2) < 0)
        return NULL;
    tn_ssize_t index = tn_number_as_ssize(args[0], &tn_exc_IndexError);
    if (index == -1 && tn_err_occurred() != NULL)
        return NULL;
    TupleGetterObject *g = (TupleGetterObject *)tn_object_new(type, (size_t)type->basicsize);
    if (g == NULL)
        return NULL;
    g->index = index;
    g->doc = tn_newref(args[1]);
    return TN_OBJ(g);
}

static TnObject *tuplegetter_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TupleGetterObject *g = (TupleGetterObject *)self;
    if (obj == NULL || obj == TN_NONE)
        return tn_newref(self);
    if (!tn_tuple_check(obj))
        return tn_err_format(&tn_exc_TypeError,
                             "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                             g->index, tn_type_name(tn_type(obj)));
    if (g->index < 0 || g->index >= tn_tuple_size(obj))
        return tn_err_format(&tn_exc_IndexError, "tuple index out of range");
    return tn_newref(tn_tuple_get(obj, g->index));
}

static int tuplegetter_set(TnObject *self, TnObject *obj, TnObject *value)
{
    tn_err_format(&tn_exc_AttributeError, value == NULL ? "can't delete attribute" : "can't set attribute");
    return -1;
}

static TnObject *tuplegetter_get_doc(TnObject *self, void *closure)
{
    TnObject *d;
    TN_BEGIN_CRITICAL_SECTION(self);
    d = tn_newref(((TupleGetterObject *)self)->doc);
    TN_END_CRITICAL_SECTION();
    return d;
}

static int tuplegetter_set_doc(TnObject *self, TnObject *value, void *closure)
{
    TnObject *old;
    TnObject *v = tn_newref(value != NULL ? value : TN_NONE);
    TN_BEGIN_CRITICAL_SECTION(self);
    old = ((TupleGetterObject *)self)->doc;
    ((TupleGetterObject *)self)->doc = v;
    TN_END_CRITICAL_SECTION();
    tn_decref(old);
    return 0;
}

static TnObject *tuplegetter_reduce(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__reduce__", kwnames) < 0 || tn_args_count("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    TnObject *index = tn_int_from_ssize(((TupleGetterObject *)self)->index);
    TnObject *doc = tuplegetter_get_doc(self, NULL);
    TnObject *cargs = index != NULL ? tn_tuple_pack(2, index, doc) : NULL;
    TnObject *res = cargs != NULL ? tn_tuple_pack(2, TN_OBJ(tn_type(self)), cargs) : NULL;
    tn_xdecref(index);
    tn_decref(doc);
    tn_xdecref(cargs);
    return res;
}

static void tuplegetter_dealloc(TnObject *self)
{
    TN_CLEAR(((TupleGetterObject *)self)->doc);
    tn_object_free(self);
}

static int tuplegetter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnObject *doc = ((TupleGetterObject *)self)->doc;
    return doc != NULL ? visit(doc, arg) : 0;
}

static const TnGetSetDef tuplegetter_getsets[] = {
    {"__doc__", tuplegetter_get_doc, tuplegetter_set_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnMethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static TnType tuplegetter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_collections._tuplegetter",
    .basicsize = sizeof(TupleGetterObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = tuplegetter_dealloc,
    .getattro = tn_object_generic_getattr,
    .new_ = tuplegetter_new,
    .descr_get = tuplegetter_get,
    .descr_set = tuplegetter_set,
    .methods = tuplegetter_methods,
    .getsets = tuplegetter_getsets,
    .traverse = tuplegetter_traverse,
};

/* ======================================================================
 * The module
 * ====================================================================== */

static const TnMethodDef collections_functions[] = {
    {"_count_elements", collections_count_elements, 0, "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_collections_module_create(void)
{
    TnType *const types[] = {&deque_type, &defdict_type, &dequeiter_type, &dequereviter_type, &tuplegetter_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (tn_type_ready(types[i]) < 0)
            return NULL;
    TnObject *m = tn_module_new("_collections");
    if (m == NULL || tn_module_add_functions(m, collections_functions) < 0 ||
        tn_module_add_object(m, "deque", TN_OBJ(&deque_type)) < 0 ||
        tn_module_add_object(m, "defaultdict", TN_OBJ(&defdict_type)) < 0 ||
        tn_module_add_object(m, "_deque_iterator", TN_OBJ(&dequeiter_type)) < 0 ||
        tn_module_add_object(m, "_deque_reverse_iterator", TN_OBJ(&dequereviter_type)) < 0 ||
        tn_module_add_object(m, "_tuplegetter", TN_OBJ(&tuplegetter_type)) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}
