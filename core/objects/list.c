/* core/objects/list.c — list, list_iterator, list_reverseiterator.
 *
 * A list is a header plus a separately allocated array of references that
 * over-allocates as CPython's list_resize does (the growth pattern is part of
 * sys.getsizeof parity).  The sort lives in list_sort.c.
 *
 * Locking: every read of `items`/`size` and every mutation runs inside the
 * list's critical section, in a static `..._lock_held` function.  Code that
 * can run arbitrary Python (__eq__, __repr__, __del__ of a removed item)
 * never runs while the list is half-updated:
 *   - loops that compare items take one item at a time (item_ref, a new
 *     reference) and re-check the size at every step;
 *   - items removed by a mutation are collected in a Garbage buffer and
 *     released after the critical section ends, when the list is consistent.
 * Two-list operations (==, extend(list), concat) lock both lists.
 */
#include "core/tn.h"
#include "core/objects/repr_guard.h"

/* ---- garbage: references released after a mutation ------------------------ */

typedef struct Garbage {
    TnObject **items;
    tn_ssize_t n;
    bool owned;                 /* items was allocated and must be freed */
    TnObject *small[8];
} Garbage;

static void garbage_init(Garbage *g)
{
    g->items = g->small;
    g->n = 0;
    g->owned = false;
}

/* Make room for n references.  0 / -1 (MemoryError). */
static int garbage_reserve(Garbage *g, tn_ssize_t n)
{
    if (n <= (tn_ssize_t)(sizeof(g->small) / sizeof(g->small[0])))
        return 0;
    size_t bytes;
    if (tn_mem_mul((size_t)n, sizeof(TnObject *), &bytes)
        || (g->items = tn_mem_alloc(bytes)) == NULL) {
        g->items = g->small;
        tn_err_no_memory();
        return -1;
    }
    g->owned = true;
    return 0;
}

/* Hand a whole item array over to the garbage (it will be freed). */
static void garbage_take_array(Garbage *g, TnObject **items, tn_ssize_t n)
{
    g->items = items;
    g->n = n;
    g->owned = true;
}

/* Drop the collected references (last first, as CPython) and free the
 * buffer.  Can run arbitrary code; call with no lock held. */
static void garbage_release(Garbage *g)
{
    tn_ssize_t n = g->n;
    g->n = 0;
    tn_xdecref_array(g->items, n);
    if (g->owned)
        tn_mem_free(g->items);
    garbage_init(g);
}

/* ---- storage ----------------------------------------------------------------- */

static inline TnList *as_list(TnObject *op) { return (TnList *)op; }

/* Set the size to newsize, reallocating with CPython's over-allocation:
 *   new_allocated = (newsize + newsize/8 + 6) & ~3
 * which grows 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...  No reallocation when
 * the array is big enough and at most half empty.  Items beyond the old size
 * are left uninitialised.  0 / -1 (MemoryError, list unchanged).
 * Lock held. */
static int resize_lock_held(TnList *l, tn_ssize_t newsize)
{
    tn_critical_section_assert_held(l);
    /* allocated is -1 while list.sort has the array out (list_sort.c). */
    TN_ASSERT(0 <= l->size && (l->size <= l->allocated || (l->size == 0 && l->allocated == -1))
              && newsize >= 0);
    tn_ssize_t allocated = l->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        l->size = newsize;
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    /* Do not over-allocate if the new size is closer to that than to the old size. */
    if (newsize - l->size > (tn_ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated == 0) {
        tn_mem_free(l->items);
        l->items = NULL;
        l->size = 0;
        l->allocated = 0;
        return 0;
    }
    size_t bytes;
    TnObject **items = NULL;
    if (!tn_mem_mul(new_allocated, sizeof(TnObject *), &bytes))
        items = tn_mem_realloc(l->items, bytes);
    if (items == NULL) {
        if (newsize <= allocated) {     /* shrinking: keep the bigger array */
            l->size = newsize;
            return 0;
        }
        tn_err_no_memory();
        return -1;
    }
    l->items = items;
    l->size = newsize;
    l->allocated = (tn_ssize_t)new_allocated;
    return 0;
}

/* Allocate exactly room for n items (rounded up to even, as CPython's
 * list_preallocate_exact) in a list that has no array yet.  0 / -1. */
static int preallocate_exact_lock_held(TnList *l, tn_ssize_t n)
{
    tn_critical_section_assert_held(l);
    size_t bytes, count = ((size_t)n + 1) & ~(size_t)1;
    TnObject **items = NULL;
    if (!tn_mem_mul(count, sizeof(TnObject *), &bytes))
        items = tn_mem_alloc(bytes);
    if (items == NULL) {
        tn_err_no_memory();
        return -1;
    }
    l->items = items;
    l->allocated = (tn_ssize_t)count;
    return 0;
}

/* A new empty exact list with room for exactly n items.  New ref or NULL. */
static TnObject *list_new_prealloc(tn_ssize_t n)
{
    TnObject *op = tn_list_new(0);
    if (op == NULL || n == 0)
        return op;
    TnList *l = as_list(op);
    size_t bytes;
    if (tn_mem_mul((size_t)n, sizeof(TnObject *), &bytes)
        || (l->items = tn_mem_alloc(bytes)) == NULL) {
        tn_decref(op);
        return tn_err_no_memory();
    }
    l->allocated = n;
    return op;
}

/* Empty the list; its old array goes to g.  Lock held. */
static void clear_lock_held(TnList *l, Garbage *g)
{
    tn_critical_section_assert_held(l);
    if (l->items != NULL)
        garbage_take_array(g, l->items, l->size);
    l->items = NULL;
    l->size = 0;
    l->allocated = 0;
}

TnObject *tn_list_new(tn_ssize_t n)
{
    if (n < 0) {
        tn_err_bad_internal_call("tn_list_new");
        return NULL;
    }
    TnList *l = (TnList *)tn_object_new(&tn_type_list, sizeof(TnList));
    if (l == NULL)
        return NULL;
    if (n > 0) {
        l->items = tn_mem_calloc((size_t)n, sizeof(TnObject *));
        if (l->items == NULL) {
            tn_decref(TN_OBJ(l));
            return tn_err_no_memory();
        }
        l->size = n;
        l->allocated = n;
    }
    return TN_OBJ(l);
}

static inline tn_ssize_t size_lock_held(TnList *l)
{
    tn_critical_section_assert_held(l);
    return l->size;
}

tn_ssize_t tn_list_size(TnObject *op)
{
    tn_ssize_t n;
    TN_BEGIN_CRITICAL_SECTION(op);
    n = size_lock_held(as_list(op));
    TN_END_CRITICAL_SECTION();
    return n;
}

/* ---- single items ---------------------------------------------------------- */

/* New reference to items[i], or NULL (no exception) if i is out of range. */
static TnObject *item_ref_lock_held(TnList *l, tn_ssize_t i)
{
    tn_critical_section_assert_held(l);
    if (i < 0 || i >= l->size)
        return NULL;
    return tn_newref(l->items[i]);
}

/* Same, taking the lock. */
static TnObject *item_ref(TnList *l, tn_ssize_t i)
{
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(l));
    v = item_ref_lock_held(l, i);
    TN_END_CRITICAL_SECTION();
    return v;
}

TnObject *tn_list_get_item_ref(TnObject *op, tn_ssize_t i)
{
    TnObject *v = item_ref(as_list(op), i);
    if (v == NULL)
        tn_err_set_str(&tn_exc_IndexError, "list index out of range");
    return v;
}

static tn_ssize_t items_if_size_lock_held(TnList *l, tn_ssize_t n, TnObject **out)
{
    tn_critical_section_assert_held(l);
    if (l->size != n)
        return l->size;
    for (tn_ssize_t i = 0; i < n; i++)
        out[i] = tn_newref(l->items[i]);
    return n;
}

tn_ssize_t tn_list_items_if_size_ref(TnObject *op, tn_ssize_t n, TnObject **out)
{
    tn_ssize_t r;
    TN_BEGIN_CRITICAL_SECTION(op);
    r = items_if_size_lock_held(as_list(op), n, out);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* Append, consuming v_steal only on success.  0 / -1.  Lock held. */
static int append_lock_held(TnList *l, TnObject *v_steal)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t n = l->size;
    if (n < l->allocated) {
        l->items[n] = v_steal;
        l->size = n + 1;
        return 0;
    }
    if (resize_lock_held(l, n + 1) < 0)
        return -1;
    l->items[n] = v_steal;
    return 0;
}

int tn_list_append(TnObject *op, TnObject *item)
{
    return tn_list_append_steal(op, tn_newref(item));
}

/* The reference is consumed even when appending fails. */
int tn_list_append_steal(TnObject *op, TnObject *item_steal)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(op);
    r = append_lock_held(as_list(op), item_steal);
    TN_END_CRITICAL_SECTION();
    if (r < 0)
        tn_decref(item_steal);
    return r;
}

/* ---- slices --------------------------------------------------------------------- */

/* Replace items[ilow:ihigh] (clipped) by v[0..n-1] (borrowed; increfed here).
 * The replaced references go to g.  0 / -1 (MemoryError, list unchanged).
 * v must not point into l's own array.  Lock held. */
static int ass_slice_lock_held(TnList *l, tn_ssize_t ilow, tn_ssize_t ihigh, TnObject *const *v,
                               tn_ssize_t n, Garbage *g)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t size = l->size;
    if (ilow < 0)
        ilow = 0;
    else if (ilow > size)
        ilow = size;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > size)
        ihigh = size;
    tn_ssize_t norig = ihigh - ilow, d = n - norig;
    if (size + d == 0) {
        clear_lock_held(l, g);
        return 0;
    }
    if (garbage_reserve(g, norig) < 0)
        return -1;
    if (d > 0 && resize_lock_held(l, size + d) < 0)
        return -1;
    TnObject **items = l->items;
    memcpy(g->items, &items[ilow], sizeof(TnObject *) * (size_t)norig);
    g->n = norig;
    if (d != 0)
        memmove(&items[ihigh + d], &items[ihigh], sizeof(TnObject *) * (size_t)(size - ihigh));
    if (d < 0)
        (void)resize_lock_held(l, size + d);    /* shrinking never fails */
    items = l->items;
    for (tn_ssize_t k = 0; k < n; k++)
        items[ilow + k] = tn_newref(v[k]);
    return 0;
}

/* l[ilow:ihigh] (clipped) as a new exact list.  Lock held. */
static TnObject *slice_lock_held(TnList *l, tn_ssize_t ilow, tn_ssize_t ihigh)
{
    tn_critical_section_assert_held(l);
    if (ilow < 0)
        ilow = 0;
    else if (ilow > l->size)
        ilow = l->size;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > l->size)
        ihigh = l->size;
    tn_ssize_t n = ihigh - ilow;
    TnObject *res = list_new_prealloc(n);
    if (res == NULL)
        return NULL;
    TnObject **dst = as_list(res)->items;
    for (tn_ssize_t i = 0; i < n; i++)
        dst[i] = tn_newref(l->items[ilow + i]);
    as_list(res)->size = n;
    return res;
}

/* l[start:stop:step] from unpacked slice bounds, clipped to the current size. */
static TnObject *get_slice_lock_held(TnList *l, tn_ssize_t start, tn_ssize_t stop, tn_ssize_t step)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t len = tn_slice_adjust_indices(l->size, &start, &stop, step);
    if (step == 1)
        return slice_lock_held(l, start, stop);
    TnObject *res = list_new_prealloc(len);
    if (res == NULL)
        return NULL;
    TnObject **dst = as_list(res)->items;
    for (tn_ssize_t i = 0, cur = start; i < len; i++, cur += step)
        dst[i] = tn_newref(l->items[cur]);
    as_list(res)->size = len;
    return res;
}

/* del l[start:stop:step] for step != 1.  Lock held. */
static int del_ext_slice_lock_held(TnList *l, tn_ssize_t start, tn_ssize_t stop, tn_ssize_t step,
                                   Garbage *g)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t len = tn_slice_adjust_indices(l->size, &start, &stop, step);
    if (len <= 0)
        return 0;
    if (step < 0) {                 /* walk the same items upwards */
        start = start + step * (len - 1);
        step = -step;
    }
    if (garbage_reserve(g, len) < 0)
        return -1;
    TnObject **items = l->items;
    tn_ssize_t w = start, next = start, k = 0;
    for (tn_ssize_t r = start; r < l->size; r++) {
        if (k < len && r == next) {
            g->items[k++] = items[r];
            next += step;
        } else {
            items[w++] = items[r];
        }
    }
    g->n = k;
    (void)resize_lock_held(l, l->size - len);
    return 0;
}

/* l[start:stop:step] = v[0..n-1] for step != 1.  Lock held. */
static int ass_ext_slice_lock_held(TnList *l, tn_ssize_t start, tn_ssize_t stop, tn_ssize_t step,
                                   TnObject *const *v, tn_ssize_t n, Garbage *g)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t len = tn_slice_adjust_indices(l->size, &start, &stop, step);
    if (n != len) {
        tn_err_format(&tn_exc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd", n, len);
        return -1;
    }
    if (len == 0)
        return 0;
    if (garbage_reserve(g, len) < 0)
        return -1;
    for (tn_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
        g->items[i] = l->items[cur];
        l->items[cur] = tn_newref(v[i]);
    }
    g->n = len;
    return 0;
}

/* Dispatch of slice assignment/deletion with unpacked bounds.  v NULL means
 * delete.  Lock held. */
static int ass_subscript_slice_lock_held(TnList *l, tn_ssize_t start, tn_ssize_t stop, tn_ssize_t step,
                                         TnObject *const *v, tn_ssize_t n, bool del, Garbage *g)
{
    tn_critical_section_assert_held(l);
    if (step == 1) {
        tn_ssize_t size = l->size;
        tn_slice_adjust_indices(size, &start, &stop, step);
        return ass_slice_lock_held(l, start, stop, v, del ? 0 : n, g);
    }
    if (del)
        return del_ext_slice_lock_held(l, start, stop, step, g);
    return ass_ext_slice_lock_held(l, start, stop, step, v, n, g);
}

/* ---- snapshots of other sequences ---------------------------------------------- */

static TnObject *as_tuple_lock_held(TnList *l)
{
    tn_critical_section_assert_held(l);
    return tn_tuple_from_array(l->items, l->size);
}

TnObject *tn_list_as_tuple(TnObject *op)
{
    TnObject *t;
    TN_BEGIN_CRITICAL_SECTION(op);
    t = as_tuple_lock_held(as_list(op));
    TN_END_CRITICAL_SECTION();
    return t;
}

/* CPython's PySequence_Fast, returning a tuple nobody else can mutate:
 * v itself if an exact tuple, a copy of a list, or the items of any other
 * iterable.  A TypeError from iter(v) is replaced by type_error_msg.  New
 * ref or NULL. */
TnObject *tn_list_fast_tuple(TnObject *v, const char *type_error_msg)
{
    if (tn_tuple_check_exact(v))
        return tn_newref(v);
    if (tn_list_check_exact(v))
        return tn_list_as_tuple(v);
    TnObject *it = tn_object_get_iter(v);
    if (it == NULL) {
        if (tn_err_matches(&tn_exc_TypeError))
            tn_err_set_str(&tn_exc_TypeError, type_error_msg);
        return NULL;
    }
    TnObject *list = tn_list_from_iterable(it);
    tn_decref(it);
    if (list == NULL)
        return NULL;
    TnObject *t = tn_list_as_tuple(list);
    tn_decref(list);
    return t;
}

/* ---- extend ------------------------------------------------------------------------ */

/* Append n borrowed references (from an array l does not own).  Lock held. */
static int extend_array_lock_held(TnList *l, TnObject *const *src, tn_ssize_t n)
{
    tn_critical_section_assert_held(l);
    if (n == 0)
        return 0;
    tn_ssize_t m = l->size;
    if (l->items == NULL) {
        if (preallocate_exact_lock_held(l, n) < 0)
            return -1;
        l->size = n;
    } else if (resize_lock_held(l, m + n) < 0) {
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        l->items[m + i] = tn_newref(src[i]);
    return 0;
}

/* l.extend(other) for a list other (maybe l itself).  Both locks held. */
static int extend_list_lock_held(TnList *l, TnList *other)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t n = other->size, m = l->size;
    if (n == 0)
        return 0;
    if (l->items == NULL) {
        if (preallocate_exact_lock_held(l, n) < 0)
            return -1;
        l->size = n;
    } else if (resize_lock_held(l, m + n) < 0) {
        return -1;
    }
    /* After the resize other->items is current even when other == l. */
    for (tn_ssize_t i = 0; i < n; i++)
        l->items[m + i] = tn_newref(other->items[i]);
    return 0;
}

/* Make room for `extra` more items without changing the size: an empty
 * list with no array gets exactly that much (rounded to even), others grow
 * as list_resize does.  Lock held. */
static int reserve_lock_held(TnList *l, tn_ssize_t extra)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t m = l->size;
    if (extra <= 0 || m > INTPTR_MAX - extra)
        return 0;   /* a lying hint: grow as items arrive */
    if (l->items == NULL)
        return preallocate_exact_lock_held(l, extra);
    if (resize_lock_held(l, m + extra) < 0)
        return -1;
    l->size = m;
    return 0;
}

/* Give back unused over-allocation after an extend (CPython's final
 * list_resize(self, size)).  Lock held. */
static void trim_lock_held(TnList *l)
{
    tn_critical_section_assert_held(l);
    if (l->size < l->allocated)
        (void)resize_lock_held(l, l->size);
}

/* Has a length slot (CPython's _PyObject_HasLen). */
static bool has_len(TnObject *o)
{
    const TnType *tp = tn_type(o);
    return (tp->as_sequence != NULL && tp->as_sequence->length != NULL)
        || (tp->as_mapping != NULL && tp->as_mapping->length != NULL);
}

/* operator.length_hint(o, dflt): len(o), else o.__length_hint__(), else
 * dflt.  >= 0, or -1 with an exception. */
tn_ssize_t tn_object_length_hint(TnObject *o, tn_ssize_t dflt)
{
    if (has_len(o)) {
        tn_ssize_t n = tn_object_length(o);
        if (n >= 0)
            return n;
        if (!tn_err_matches(&tn_exc_TypeError))
            return -1;
        tn_err_clear();
    }
    TnObject *hint = tn_type_lookup(tn_type(o), tn_str_intern_cstr("__length_hint__"));
    if (hint == NULL)
        return dflt;
    TnObject *res = tn_call_one(hint, o);
    if (res == NULL) {
        if (!tn_err_matches(&tn_exc_TypeError))
            return -1;
        tn_err_clear();
        return dflt;
    }
    if (res == TN_NOTIMPLEMENTED) {
        tn_decref(res);
        return dflt;
    }
    if (!tn_int_check(res)) {
        tn_err_format(&tn_exc_TypeError, "__length_hint__ must be an integer, not %s", tn_type_name(tn_type(res)));
        tn_decref(res);
        return -1;
    }
    tn_ssize_t n = tn_int_as_ssize(res);
    tn_decref(res);
    if (n == -1 && tn_err_occurred())
        return -1;
    if (n < 0) {
        tn_err_set_str(&tn_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* Whether extending by the n items of iterable can never fit the machine's
 * memory: a range creates a new int object for each item, so n items need
 * n list slots plus n ints.  CPython preallocates the slots (which the
 * kernel grants lazily) and then creates ints until the machine runs out;
 * `[].extend(range(10**9))` fails at once here instead. */
static bool items_cannot_fit(TnObject *iterable, tn_ssize_t n)
{
    if (!tn_object_type_check(iterable, &tn_type_range) || n <= 0)
        return false;
    size_t per_item = sizeof(TnObject *) + sizeof(TnObject) + sizeof(int64_t);
    return (size_t)n > tn_mem_physical() / per_item;
}

/* extend with the items of an arbitrary iterable. */
static int extend_generic(TnObject *op, TnObject *iterable)
{
    TnObject *it = tn_object_get_iter(iterable);
    if (it == NULL)
        return -1;
    tn_ssize_t hint = tn_object_length_hint(iterable, 8);
    int r = hint < 0 ? -1 : 0;
    if (r == 0 && items_cannot_fit(iterable, hint)) {
        tn_err_no_memory();
        r = -1;
    }
    if (r == 0) {
        TN_BEGIN_CRITICAL_SECTION(op);
        r = reserve_lock_held(as_list(op), hint);
        TN_END_CRITICAL_SECTION();
    }
    TnObject *item;
    while (r == 0 && (item = tn_iter_next(it)) != NULL)
        r = tn_list_append_steal(op, item);
    if (r == 0 && tn_err_occurred())
        r = -1;
    TN_BEGIN_CRITICAL_SECTION(op);
    trim_lock_held(as_list(op));
    TN_END_CRITICAL_SECTION();
    tn_decref(it);
    return r;
}

/* The items of an exact dict (its keys), dict view, set or frozenset as a
 * list taken in one critical section of the container, or NULL with no
 * error for any other iterable.  Iterating those while another thread
 * changes their size would raise RuntimeError, but list(d), list(s) and
 * l.extend(d) are atomic in CPython (as its free-threaded build keeps
 * them: list_extend_dict/list_extend_set). */
static TnObject *atomic_snapshot(TnObject *iterable, bool *failed)
{
    const TnType *tp = tn_type(iterable);
    TnObject *snap = NULL;
    if (tp == &tn_type_dict)
        snap = tn_dict_keys_list(iterable);
    else if (tp == &tn_type_dict_keys || tp == &tn_type_dict_values || tp == &tn_type_dict_items)
        snap = tn_dictview_items_list(iterable);
    else if (tp == &tn_type_set || tp == &tn_type_frozenset)
        snap = tn_set_items_list(iterable);
    else
        return NULL;
    *failed = snap == NULL;
    return snap;
}

int tn_list_extend(TnObject *op, TnObject *iterable)
{
    int r;
    bool failed = false;
    TnObject *snap = atomic_snapshot(iterable, &failed);
    if (failed)
        return -1;
    if (snap != NULL) {
        TN_BEGIN_CRITICAL_SECTION(op);
        r = extend_list_lock_held(as_list(op), as_list(snap));
        TN_END_CRITICAL_SECTION();
        tn_decref(snap);
        return r;
    }
    if (tn_tuple_check_exact(iterable)) {
        TN_BEGIN_CRITICAL_SECTION(op);
        r = extend_array_lock_held(as_list(op), tn_tuple_items(iterable), tn_tuple_size(iterable));
        TN_END_CRITICAL_SECTION();
        return r;
    }
    if (tn_list_check_exact(iterable) || iterable == op) {
        TN_BEGIN_CRITICAL_SECTION2(op, iterable);
        r = extend_list_lock_held(as_list(op), as_list(iterable));
        TN_END_CRITICAL_SECTION2();
        return r;
    }
    return extend_generic(op, iterable);
}

/* Allocate exactly n slots if the list has no array yet.  Lock held. */
static int presize_lock_held(TnList *l, tn_ssize_t n)
{
    tn_critical_section_assert_held(l);
    return l->items == NULL ? preallocate_exact_lock_held(l, n) : 0;
}

/* list(iterable) / list.__init__ body for a fresh empty list: presize
 * exactly when the iterable has a length, then extend. */
static int list_fill(TnObject *op, TnObject *iterable)
{
    if (has_len(iterable)) {
        tn_ssize_t n = tn_object_length(iterable);
        if (n < 0) {
            if (!tn_err_matches(&tn_exc_TypeError))
                return -1;
            tn_err_clear();
        }
        int r = 0;
        if (n > 0) {
            TN_BEGIN_CRITICAL_SECTION(op);
            r = presize_lock_held(as_list(op), n);
            TN_END_CRITICAL_SECTION();
        }
        if (r < 0)
            return -1;
    }
    return tn_list_extend(op, iterable);
}

TnObject *tn_list_from_iterable(TnObject *iterable)
{
    TnObject *op = tn_list_new(0);
    if (op != NULL && list_fill(op, iterable) < 0)
        TN_CLEAR(op);
    return op;
}

/* ---- type slots ------------------------------------------------------------------- */

static void list_dealloc(TnObject *self)
{
    TnList *l = as_list(self);
    if (l->items != NULL) {
        tn_xdecref_array(l->items, l->size);
        tn_mem_free(l->items);
    }
    tn_object_free(self);
}

static int list_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnList *l = as_list(self);
    for (tn_ssize_t i = l->size; --i >= 0;) {
        if (l->items[i] != NULL) {
            int r = visit(l->items[i], arg);
            if (r != 0)
                return r;
        }
    }
    return 0;
}

static int list_clear_slot(TnObject *self)
{
    Garbage g;
    garbage_init(&g);
    TN_BEGIN_CRITICAL_SECTION(self);
    clear_lock_held(as_list(self), &g);
    TN_END_CRITICAL_SECTION();
    garbage_release(&g);
    return 0;
}

/* "[1, 2]"; "[...]" for a list reached again while its repr runs.  The
 * items' __repr__ may mutate the list: each step re-reads the size. */
static TnObject *list_repr(TnObject *self)
{
    if (tn_list_size(self) == 0)
        return tn_str_from_cstr("[]");
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("[...]") : NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    int err = tn_strw_putc(&w, '[');
    TnObject *item;
    for (tn_ssize_t i = 0; err == 0 && (item = item_ref(as_list(self), i)) != NULL; i++) {
        if (i > 0)
            err = tn_strw_puts(&w, ", ");
        if (err == 0)
            err = tn_strw_put_repr(&w, item);
        tn_decref(item);
    }
    if (err == 0)
        err = tn_strw_putc(&w, ']');
    tn_repr_leave(self);
    if (err < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

static TnObject *compare_sizes(tn_ssize_t a, tn_ssize_t b, int op)
{
    return tn_bool_from(TN_RICHCOMPARE(a, b, op));
}

/* Lexicographic comparison.  Items are compared with a reference held and
 * the sizes re-read after each comparison (an __eq__ may mutate either
 * list).  Both locks held. */
static TnObject *richcompare_lock_held(TnList *v, TnList *w, int op)
{
    tn_critical_section_assert_held(v);
    if (v->size != w->size && (op == TN_EQ || op == TN_NE))
        return tn_bool_from(op == TN_NE);
    tn_ssize_t i;
    for (i = 0; i < v->size && i < w->size; i++) {
        TnObject *vi = v->items[i], *wi = w->items[i];
        if (vi == wi)
            continue;
        tn_incref(vi);
        tn_incref(wi);
        int k = tn_object_richcompare_bool(vi, wi, TN_EQ);
        tn_decref(vi);
        tn_decref(wi);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= v->size || i >= w->size)
        return compare_sizes(v->size, w->size, op);
    if (op == TN_EQ)
        return tn_bool_from(0);
    if (op == TN_NE)
        return tn_bool_from(1);
    TnObject *vi = tn_newref(v->items[i]), *wi = tn_newref(w->items[i]);
    TnObject *res = tn_object_richcompare(vi, wi, op);
    tn_decref(vi);
    tn_decref(wi);
    return res;
}

static TnObject *list_richcompare(TnObject *v, TnObject *w, int op)
{
    if (!tn_list_check(v) || !tn_list_check(w))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION2(v, w);
    res = richcompare_lock_held(as_list(v), as_list(w), op);
    TN_END_CRITICAL_SECTION2();
    return res;
}

static tn_ssize_t list_length(TnObject *self)
{
    return tn_list_size(self);
}

/* a + b for two lists: a new exact list.  Both locks held. */
static TnObject *concat_lock_held(TnList *a, TnList *b)
{
    tn_critical_section_assert_held(a);
    tn_ssize_t na = a->size, nb = b->size;
    TnObject *res = list_new_prealloc(na + nb);
    if (res == NULL)
        return NULL;
    TnObject **dst = as_list(res)->items;
    for (tn_ssize_t i = 0; i < na; i++)
        dst[i] = tn_newref(a->items[i]);
    for (tn_ssize_t i = 0; i < nb; i++)
        dst[na + i] = tn_newref(b->items[i]);
    as_list(res)->size = na + nb;
    return res;
}

static TnObject *list_concat(TnObject *a, TnObject *b)
{
    if (!tn_list_check(b))
        return tn_err_format(&tn_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                             tn_type_name(tn_type(b)));
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION2(a, b);
    res = concat_lock_held(as_list(a), as_list(b));
    TN_END_CRITICAL_SECTION2();
    return res;
}

/* a * n as a new exact list (allocated exactly).  Lock held. */
static TnObject *repeat_lock_held(TnList *a, tn_ssize_t n)
{
    tn_critical_section_assert_held(a);
    tn_ssize_t size = a->size;
    if (n < 0)
        n = 0;
    if (n > 0 && size > INTPTR_MAX / n)
        return tn_err_no_memory();
    TnObject *res = list_new_prealloc(size * n);
    if (res == NULL || size * n == 0)
        return res;
    TnObject **dst = as_list(res)->items;
    for (tn_ssize_t j = 0; j < n; j++) {
        for (tn_ssize_t i = 0; i < size; i++)
            *dst++ = tn_newref(a->items[i]);
    }
    as_list(res)->size = size * n;
    return res;
}

static TnObject *list_repeat(TnObject *self, tn_ssize_t n)
{
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION(self);
    res = repeat_lock_held(as_list(self), n);
    TN_END_CRITICAL_SECTION();
    return res;
}

/* New reference to l[i], negative i counting from the end; NULL (no
 * exception) when out of range.  Lock held. */
static TnObject *item_at_lock_held(TnList *l, tn_ssize_t i)
{
    tn_critical_section_assert_held(l);
    if (i < 0)
        i += l->size;
    return item_ref_lock_held(l, i);
}

/* sq_item: negative indexes count from the end. */
static TnObject *list_item(TnObject *self, tn_ssize_t i)
{
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(self);
    v = item_at_lock_held(as_list(self), i);
    TN_END_CRITICAL_SECTION();
    if (v == NULL)
        tn_err_set_str(&tn_exc_IndexError, "list index out of range");
    return v;
}

/* l[i] = v (v NULL: del l[i]); negative i counts from the end.  Lock held. */
static int ass_item_lock_held(TnList *l, tn_ssize_t i, TnObject *v, Garbage *g)
{
    tn_critical_section_assert_held(l);
    if (i < 0)
        i += l->size;
    if (i < 0 || i >= l->size) {
        tn_err_set_str(&tn_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return ass_slice_lock_held(l, i, i + 1, NULL, 0, g);
    g->items[0] = l->items[i];
    g->n = 1;
    l->items[i] = tn_newref(v);
    return 0;
}

static int list_ass_item(TnObject *self, tn_ssize_t i, TnObject *v)
{
    int r;
    Garbage g;
    garbage_init(&g);
    TN_BEGIN_CRITICAL_SECTION(self);
    r = ass_item_lock_held(as_list(self), i, v, &g);
    TN_END_CRITICAL_SECTION();
    garbage_release(&g);
    return r;
}

static int list_contains(TnObject *self, TnObject *value)
{
    int cmp = 0;
    TnObject *item;
    for (tn_ssize_t i = 0; cmp == 0 && (item = item_ref(as_list(self), i)) != NULL; i++) {
        cmp = tn_object_richcompare_bool(item, value, TN_EQ);
        tn_decref(item);
    }
    return cmp;
}

static TnObject *list_inplace_concat(TnObject *self, TnObject *other)
{
    if (tn_list_extend(self, other) < 0)
        return NULL;
    return tn_newref(self);
}

/* l *= n.  Lock held. */
static int inplace_repeat_lock_held(TnList *l, tn_ssize_t n, Garbage *g)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t size = l->size;
    if (size == 0 || n == 1)
        return 0;
    if (n < 1) {
        clear_lock_held(l, g);
        return 0;
    }
    if (size > INTPTR_MAX / n) {
        tn_err_no_memory();
        return -1;
    }
    if (resize_lock_held(l, size * n) < 0)
        return -1;
    for (tn_ssize_t j = 1; j < n; j++) {
        for (tn_ssize_t i = 0; i < size; i++)
            l->items[j * size + i] = tn_newref(l->items[i]);
    }
    return 0;
}

static TnObject *list_inplace_repeat(TnObject *self, tn_ssize_t n)
{
    int r;
    Garbage g;
    garbage_init(&g);
    TN_BEGIN_CRITICAL_SECTION(self);
    r = inplace_repeat_lock_held(as_list(self), n, &g);
    TN_END_CRITICAL_SECTION();
    garbage_release(&g);
    return r < 0 ? NULL : tn_newref(self);
}

static TnObject *list_subscript(TnObject *self, TnObject *key)
{
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return list_item(self, i);
    }
    if (!tn_slice_check(key))
        return tn_err_format(&tn_exc_TypeError, "list indices must be integers or slices, not %s",
                             tn_type_name(tn_type(key)));
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(key, &start, &stop, &step) < 0)
        return NULL;
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION(self);
    res = get_slice_lock_held(as_list(self), start, stop, step);
    TN_END_CRITICAL_SECTION();
    return res;
}

/* l[slice] = value / del l[slice].  The slice bounds are resolved first,
 * then value is turned into a private tuple (this may run arbitrary code),
 * then the assignment happens in one critical section against the size the
 * list has at that moment. */
static int list_ass_slice_object(TnObject *self, TnObject *slice, TnObject *value)
{
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(slice, &start, &stop, &step) < 0)
        return -1;
    TnObject *seq = NULL;
    if (value != NULL) {
        seq = tn_list_fast_tuple(value, step == 1 ? "can only assign an iterable"
                                                  : "must assign iterable to extended slice");
        if (seq == NULL)
            return -1;
    }
    TnObject *const *v = seq != NULL ? tn_tuple_items(seq) : NULL;
    tn_ssize_t n = seq != NULL ? tn_tuple_size(seq) : 0;
    int r;
    Garbage g;
    garbage_init(&g);
    TN_BEGIN_CRITICAL_SECTION(self);
    r = ass_subscript_slice_lock_held(as_list(self), start, stop, step, v, n, value == NULL, &g);
    TN_END_CRITICAL_SECTION();
    garbage_release(&g);
    tn_xdecref(seq);
    return r;
}

static int list_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return -1;
        return list_ass_item(self, i, value);
    }
    if (tn_slice_check(key))
        return list_ass_slice_object(self, key, value);
    tn_err_format(&tn_exc_TypeError, "list indices must be integers or slices, not %s", tn_type_name(tn_type(key)));
    return -1;
}

static TnObject *list_iter(TnObject *self);

static TnObject *list_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    /* A subclass is filled by list.__init__ (or its own __init__). */
    bool subclass = type != &tn_type_list;
    if (!subclass && (tn_args_no_kw("list", kwnames) < 0 || tn_args_count("list", nargs, 0, 1) < 0))
        return NULL;
    size_t size = sizeof(TnList);
    if (type->basicsize > (tn_ssize_t)size)
        size = (size_t)type->basicsize;
    TnObject *self = tn_object_new(type, size);
    if (self != NULL && !subclass && nargs > 0 && list_fill(self, args[0]) < 0)
        TN_CLEAR(self);
    return self;
}

/* list.__init__(self, iterable=()): empty the list, then fill it. */
static TnObject *list_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("list", kwnames) < 0 || tn_args_count("list", nargs, 0, 1) < 0)
        return NULL;
    if (list_clear_slot(self) < 0 || (nargs > 0 && list_fill(self, args[0]) < 0))
        return NULL;
    return tn_newref(TN_NONE);
}

/* ---- methods ------------------------------------------------------------------------ */

/* METH_NOARGS check: "list.copy() takes no arguments (1 given)". */
static int no_args(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 0, 0);
}

/* METH_O check: "list.append() takes exactly one argument (0 given)". */
static int one_arg(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 1, 1);
}

static TnObject *list_append_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (one_arg("list.append", nargs, kwnames) < 0 || tn_list_append(self, args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *list_extend_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (one_arg("list.extend", nargs, kwnames) < 0 || tn_list_extend(self, args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

/* Insert v before index where (clipped, negative from the end).  Lock held. */
static int insert_lock_held(TnList *l, tn_ssize_t where, TnObject *v)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t n = l->size;
    if (resize_lock_held(l, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    memmove(&l->items[where + 1], &l->items[where], sizeof(TnObject *) * (size_t)(n - where));
    l->items[where] = tn_newref(v);
    return 0;
}

static TnObject *list_insert_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (tn_args_no_kw("list.insert", kwnames) < 0 || tn_args_count("insert", nargs, 2, 2) < 0)
        return NULL;
    tn_ssize_t where = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (where == -1 && tn_err_occurred())
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = insert_lock_held(as_list(self), where, args[1]);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : tn_none_ref();
}

/* Remove and return items[index] (negative from the end).  Lock held. */
static TnObject *pop_lock_held(TnList *l, tn_ssize_t index)
{
    tn_critical_section_assert_held(l);
    tn_ssize_t n = l->size;
    if (n == 0) {
        tn_err_set_str(&tn_exc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += n;
    if (index < 0 || index >= n) {
        tn_err_set_str(&tn_exc_IndexError, "pop index out of range");
        return NULL;
    }
    TnObject *v = l->items[index];
    memmove(&l->items[index], &l->items[index + 1], sizeof(TnObject *) * (size_t)(n - index - 1));
    (void)resize_lock_held(l, n - 1);       /* shrinking never fails */
    return v;
}

static TnObject *list_pop_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    if (tn_args_no_kw("list.pop", kwnames) < 0 || tn_args_count("pop", nargs, 0, 1) < 0)
        return NULL;
    tn_ssize_t index = -1;
    if (nargs > 0) {
        index = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        if (index == -1 && tn_err_occurred())
            return NULL;
    }
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(self);
    v = pop_lock_held(as_list(self), index);
    TN_END_CRITICAL_SECTION();
    return v;
}

/* Delete items[i:i+1] if i is still in range.  0 / -1. */
static int del_index(TnObject *self, tn_ssize_t i)
{
    int r;
    Garbage g;
    garbage_init(&g);
    TN_BEGIN_CRITICAL_SECTION(self);
    r = ass_slice_lock_held(as_list(self), i, i + 1, NULL, 0, &g);
    TN_END_CRITICAL_SECTION();
    garbage_release(&g);
    return r;
}

static TnObject *list_remove_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (one_arg("list.remove", nargs, kwnames) < 0)
        return NULL;
    TnObject *item;
    for (tn_ssize_t i = 0; (item = item_ref(as_list(self), i)) != NULL; i++) {
        int cmp = tn_object_richcompare_bool(item, args[0], TN_EQ);
        tn_decref(item);
        if (cmp < 0)
            return NULL;
        if (cmp > 0)
            return del_index(self, i) < 0 ? NULL : tn_none_ref();
    }
    return tn_err_format(&tn_exc_ValueError, "list.remove(x): x not in list");
}

/* list.index(value, start=0, stop=sys.maxsize) */
static TnObject *list_index_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (tn_args_no_kw("list.index", kwnames) < 0 || tn_args_count("index", nargs, 1, 3) < 0)
        return NULL;
    tn_ssize_t start = 0, stop = INTPTR_MAX;
    if (nargs > 1 && tn_slice_index_not_none(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && tn_slice_index_not_none(args[2], &stop) < 0)
        return NULL;
    tn_ssize_t n = tn_list_size(self);
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0)
            stop = 0;
    }
    TnObject *item;
    for (tn_ssize_t i = start; i < stop && (item = item_ref(as_list(self), i)) != NULL; i++) {
        int cmp = tn_object_richcompare_bool(item, args[0], TN_EQ);
        tn_decref(item);
        if (cmp > 0)
            return tn_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    return tn_err_format(&tn_exc_ValueError, "%R is not in list", args[0]);
}

static TnObject *list_count_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (one_arg("list.count", nargs, kwnames) < 0)
        return NULL;
    tn_ssize_t count = 0;
    TnObject *item;
    for (tn_ssize_t i = 0; (item = item_ref(as_list(self), i)) != NULL; i++) {
        int cmp = tn_object_richcompare_bool(item, args[0], TN_EQ);
        tn_decref(item);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return tn_int_from_ssize(count);
}

static void reverse_lock_held(TnList *l)
{
    tn_critical_section_assert_held(l);
    for (tn_ssize_t lo = 0, hi = l->size - 1; lo < hi; lo++, hi--) {
        TnObject *t = l->items[lo];
        l->items[lo] = l->items[hi];
        l->items[hi] = t;
    }
}

static TnObject *list_reverse_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                   TnObject *kwnames)
{
    if (no_args("list.reverse", nargs, kwnames) < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    reverse_lock_held(as_list(self));
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

/* list.sort(*, key=None, reverse=False): keyword-only arguments, with
 * CPython's messages ("sort() takes no positional arguments", "'x' is an
 * invalid keyword argument for sort()"). */
static TnObject *list_sort_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (nargs > 0)
        return tn_err_format(&tn_exc_TypeError, "sort() takes no positional arguments");
    TnObject *key = NULL, *rev = NULL;
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    for (tn_ssize_t j = 0; j < nkw; j++) {
        TnObject *name = tn_tuple_get(kwnames, j);
        if (tn_str_check(name) && tn_str_eq_cstr(name, "key"))
            key = args[j];
        else if (tn_str_check(name) && tn_str_eq_cstr(name, "reverse"))
            rev = args[j];
        else
            return tn_err_format(&tn_exc_TypeError, "'%S' is an invalid keyword argument for sort()", name);
    }
    int reverse = 0;
    if (rev != NULL) {
        TnObject *idx = tn_number_index(rev);
        if (idx == NULL)
            return NULL;
        reverse = tn_int_sign(idx) != 0;
        tn_decref(idx);
    }
    if (key == TN_NONE)
        key = NULL;
    if (tn_list_sort(self, key, reverse) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *list_copy_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (no_args("list.copy", nargs, kwnames) < 0)
        return NULL;
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION(self);
    res = slice_lock_held(as_list(self), 0, INTPTR_MAX);
    TN_END_CRITICAL_SECTION();
    return res;
}

static TnObject *list_clear_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (no_args("list.clear", nargs, kwnames) < 0)
        return NULL;
    list_clear_slot(self);
    return tn_none_ref();
}

static TnObject *list_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames);

static const TnMethodDef list_methods[] = {
    {"__init__", list_init_meth, 0, NULL},
    {"__reversed__", list_reversed_meth, 0, "Return a reverse iterator over the list."},
    {"clear", list_clear_meth, 0, "Remove all items from list."},
    {"copy", list_copy_meth, 0, "Return a shallow copy of the list."},
    {"append", list_append_meth, 0, "Append object to the end of the list."},
    {"insert", list_insert_meth, 0, "Insert object before index."},
    {"extend", list_extend_meth, 0, "Extend list by appending elements from the iterable."},
    {"pop", list_pop_meth, 0,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", list_remove_meth, 0,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", list_index_meth, 0,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", list_count_meth, 0, "Return number of occurrences of value."},
    {"reverse", list_reverse_meth, 0, "Reverse *IN PLACE*."},
    {"sort", list_sort_meth, 0,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {NULL, NULL, 0, NULL},
};

static const TnSequenceMethods list_as_sequence = {
    .length = list_length,
    .concat = list_concat,
    .repeat = list_repeat,
    .item = list_item,
    .ass_item = list_ass_item,
    .contains = list_contains,
    .inplace_concat = list_inplace_concat,
    .inplace_repeat = list_inplace_repeat,
};

static const TnMappingMethods list_as_mapping = {
    .length = list_length,
    .subscript = list_subscript,
    .ass_subscript = list_ass_subscript,
};

TnType tn_type_list = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "list",
    .basicsize = sizeof(TnList),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_LIST_SUBCLASS | TN_TPFLAGS_HAVE_GC,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .new_ = list_new_from_python,
    .as_sequence = &list_as_sequence,
    .as_mapping = &list_as_mapping,
    .methods = list_methods,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .doc = "Built-in mutable sequence.\n\n"
           "If no argument is given, the constructor creates a new empty list.\n"
           "The argument must be an iterable if specified.",
};

/* ---- list_iterator / list_reverseiterator -------------------------------------------- */

/* An iterator shared by threads must not crash (CPython's free-threaded
 * rule; items may then be seen twice or skipped, as there): `index` is read
 * and written with relaxed atomics, and in the ft flavour `seq` is never
 * cleared while the iterator lives, because a racing thread may be using
 * it; an exhausted iterator has index -1 instead.  The gil flavour drops
 * the list at exhaustion as CPython does. */
typedef struct ListIter {
    TnObject ob;
    tn_ssize_t index;
    TnObject *seq;          /* NULL once exhausted (gil flavour) */
} ListIter;

static inline tn_ssize_t listiter_index(ListIter *it) { return tn_atomic_load_intptr_relaxed(&it->index); }
static inline void listiter_set_index(ListIter *it, tn_ssize_t i) { tn_atomic_store_intptr_relaxed(&it->index, i); }

/* Mark the iterator exhausted for good. */
static void listiter_exhaust(ListIter *it)
{
    listiter_set_index(it, -1);
    if (!TN_FREE_THREADED)
        TN_CLEAR(it->seq);
}

static TnObject *listiter_new(TnType *tp, TnObject *seq, tn_ssize_t index)
{
    ListIter *it = (ListIter *)tn_object_new(tp, sizeof(ListIter));
    if (it == NULL)
        return NULL;
    it->seq = tn_newref(seq);
    it->index = index;
    return TN_OBJ(it);
}

static TnObject *list_iter(TnObject *self)
{
    return listiter_new(&tn_type_list_iterator, self, 0);
}

static TnObject *list_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (no_args("list.__reversed__", nargs, kwnames) < 0)
        return NULL;
    return listiter_new(&tn_type_list_reverseiterator, self, tn_list_size(self) - 1);
}

static void listiter_dealloc(TnObject *self)
{
    TN_CLEAR(((ListIter *)self)->seq);
    tn_object_free(self);
}

static int listiter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnObject *seq = ((ListIter *)self)->seq;
    return seq != NULL ? visit(seq, arg) : 0;
}

/* The list tolerates mutation during iteration: each step re-reads the
 * size; the iterator ends for good the first time it runs off the end. */
static TnObject *listiter_next(TnObject *self)
{
    ListIter *it = (ListIter *)self;
    tn_ssize_t i = listiter_index(it);
    if (it->seq == NULL || i < 0)
        return NULL;
    TnObject *v = item_ref(as_list(it->seq), i);
    if (v != NULL) {
        listiter_set_index(it, i + 1);
        return v;
    }
    listiter_exhaust(it);
    return NULL;
}

static TnObject *listreviter_next(TnObject *self)
{
    ListIter *it = (ListIter *)self;
    tn_ssize_t i = listiter_index(it);
    if (it->seq == NULL || i < 0)
        return NULL;
    TnObject *v = item_ref(as_list(it->seq), i);
    if (v != NULL) {
        listiter_set_index(it, i - 1);
        return v;
    }
    listiter_exhaust(it);
    return NULL;
}

static TnObject *iter_self(TnObject *self)
{
    return tn_newref(self);
}

static TnObject *listiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    if (no_args("list_iterator.__length_hint__", nargs, kwnames) < 0)
        return NULL;
    ListIter *it = (ListIter *)self;
    tn_ssize_t i = listiter_index(it);
    tn_ssize_t n = it->seq != NULL && i >= 0 ? tn_list_size(it->seq) - i : 0;
    return tn_int_from_ssize(n > 0 ? n : 0);
}

static TnObject *listreviter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                         TnObject *kwnames)
{
    if (no_args("list_reverseiterator.__length_hint__", nargs, kwnames) < 0)
        return NULL;
    ListIter *it = (ListIter *)self;
    tn_ssize_t n = 0, i = listiter_index(it);
    if (it->seq != NULL && i >= 0 && i < tn_list_size(it->seq))
        n = i + 1;
    return tn_int_from_ssize(n);
}

static const TnMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static const TnMethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_list_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "list_iterator",
    .basicsize = sizeof(ListIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = listiter_dealloc,
    .iter = iter_self,
    .iternext = listiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = listiter_methods,
    .traverse = listiter_traverse,
};

TnType tn_type_list_reverseiterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = listiter_dealloc,
    .iter = iter_self,
    .iternext = listreviter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = listreviter_methods,
    .traverse = listiter_traverse,
};
