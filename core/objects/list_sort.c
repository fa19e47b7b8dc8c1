/* core/objects/list_sort.c — list.sort(): a stable merge sort.
 *
 * As in CPython, the list is emptied while it is being sorted (its array is
 * detached and `allocated` set to -1), so key functions and __lt__ methods
 * that look at the list see [] and any mutation is detected afterwards:
 * ValueError "list modified during sort", with whatever was put in the list
 * meanwhile discarded.  Key functions are called once per item, before any
 * comparison.  reverse=True keeps stability the CPython way: reverse,
 * stable-sort ascending, reverse again.
 *
 * The sort itself is a top-down merge sort with binary insertion sort for
 * short runs and a skip of merges whose halves are already in order (so
 * sorted and nearly sorted input costs about n comparisons).  Comparisons use
 * "<" only.  Homogeneous exact int / float / str keys compare without going
 * through the rich-comparison machinery (the results are the same).  An
 * exception from a comparison stops the sort; every item is still in the
 * list exactly once (in some order).
 */
#include "core/tn.h"

typedef struct Slot {
    TnObject *key;
    TnObject *value;
} Slot;

enum { CMP_GENERIC, CMP_INT, CMP_FLOAT, CMP_STR };

typedef struct Sorter {
    int kind;
    Slot *tmp;              /* scratch for merges: n/2 + 1 slots */
} Sorter;

/* key(a) < key(b): 1, 0 or -1 with an exception. */
static int less(const Sorter *s, TnObject *a, TnObject *b)
{
    switch (s->kind) {
    case CMP_INT: {
        int ov1, ov2;
        return tn_int_as_i64(a, &ov1) < tn_int_as_i64(b, &ov2);
    }
    case CMP_FLOAT:
        return tn_float_value(a) < tn_float_value(b);
    case CMP_STR:
        return tn_str_compare(a, b) < 0;
    default:
        return tn_object_richcompare_bool(a, b, TN_LT);
    }
}

/* The comparison to use for these keys: a specialised one when every key
 * has the same exact builtin type. */
static int choose_kind(const Slot *a, tn_ssize_t n)
{
    if (n < 2)
        return CMP_GENERIC;
    TnType *tp = tn_type(a[0].key);
    for (tn_ssize_t i = 1; i < n; i++) {
        if (tn_type(a[i].key) != tp)
            return CMP_GENERIC;
    }
    if (tp == &tn_type_int) {
        for (tn_ssize_t i = 0; i < n; i++) {
            int ov;
            (void)tn_int_as_i64(a[i].key, &ov);
            if (ov)
                return CMP_GENERIC;
        }
        return CMP_INT;
    }
    if (tp == &tn_type_float)
        return CMP_FLOAT;
    if (tp == &tn_type_str)
        return CMP_STR;
    return CMP_GENERIC;
}

/* Sort a[lo:hi] whose prefix a[lo:start] is sorted, by binary insertion
 * (stable: an item goes after every item not greater than it).  0 / -1. */
static int binary_insertion(const Sorter *s, Slot *a, tn_ssize_t lo, tn_ssize_t hi, tn_ssize_t start)
{
    for (tn_ssize_t i = start; i < hi; i++) {
        Slot pivot = a[i];
        tn_ssize_t l = lo, r = i;
        while (l < r) {
            tn_ssize_t m = l + (r - l) / 2;
            int k = less(s, pivot.key, a[m].key);
            if (k < 0)
                return -1;
            if (k)
                r = m;
            else
                l = m + 1;
        }
        memmove(&a[l + 1], &a[l], sizeof(Slot) * (size_t)(i - l));
        a[l] = pivot;
    }
    return 0;
}

/* Merge the sorted runs a[lo:mid] and a[mid:hi].  On error the array still
 * holds every slot once. */
static int merge(const Sorter *s, Slot *a, tn_ssize_t lo, tn_ssize_t mid, tn_ssize_t hi)
{
    tn_ssize_t nl = mid - lo, i = 0, j = mid, d = lo;
    memcpy(s->tmp, &a[lo], sizeof(Slot) * (size_t)nl);
    int err = 0;
    while (i < nl && j < hi) {
        int k = less(s, a[j].key, s->tmp[i].key);
        if (k < 0) {
            err = -1;
            break;
        }
        if (k)
            a[d++] = a[j++];
        else
            a[d++] = s->tmp[i++];
    }
    /* d + (nl - i) == j: the rest of the left run fills the gap exactly. */
    memcpy(&a[d], &s->tmp[i], sizeof(Slot) * (size_t)(nl - i));
    return err;
}

#define MIN_MERGE 32

static int merge_sort(const Sorter *s, Slot *a, tn_ssize_t lo, tn_ssize_t hi)
{
    tn_ssize_t n = hi - lo;
    if (n <= MIN_MERGE)
        return binary_insertion(s, a, lo, hi, lo + 1);
    tn_ssize_t mid = lo + n / 2;
    if (merge_sort(s, a, lo, mid) < 0 || merge_sort(s, a, mid, hi) < 0)
        return -1;
    int k = less(s, a[mid].key, a[mid - 1].key);
    if (k <= 0)
        return k;       /* error, or the halves are already in order */
    return merge(s, a, lo, mid, hi);
}

static void reverse_slots(Slot *a, tn_ssize_t n)
{
    for (tn_ssize_t lo = 0, hi = n - 1; lo < hi; lo++, hi--) {
        Slot t = a[lo];
        a[lo] = a[hi];
        a[hi] = t;
    }
}

/* Sort the detached array items[0..n-1] in place.  May run arbitrary code.
 * On error the array still holds every item once.  0 / -1. */
static int sort_items(TnObject **items, tn_ssize_t n, TnObject *keyfunc, int reverse)
{
    if (n == 0)
        return 0;
    size_t bytes, tmp_bytes;
    if (tn_mem_mul((size_t)n, sizeof(Slot), &bytes) || tn_mem_mul((size_t)(n / 2 + 1), sizeof(Slot), &tmp_bytes)) {
        tn_err_no_memory();
        return -1;
    }
    Slot *a = tn_mem_alloc(bytes);
    Sorter s = {CMP_GENERIC, tn_mem_alloc(tmp_bytes)};
    tn_ssize_t nkeys = 0;
    int r = -1;
    if (a == NULL || s.tmp == NULL) {
        tn_err_no_memory();
        goto done;
    }
    for (tn_ssize_t i = 0; i < n; i++) {
        a[i].value = items[i];
        a[i].key = items[i];
    }
    if (keyfunc != NULL) {
        for (; nkeys < n; nkeys++) {
            a[nkeys].key = tn_call_one(keyfunc, items[nkeys]);
            if (a[nkeys].key == NULL)
                goto done;
        }
    }
    s.kind = choose_kind(a, n);
    if (reverse)
        reverse_slots(a, n);
    r = merge_sort(&s, a, 0, n);
    if (reverse)
        reverse_slots(a, n);
    for (tn_ssize_t i = 0; i < n; i++)
        items[i] = a[i].value;
done:
    if (a != NULL && keyfunc != NULL) {
        /* After a failed key call, a[i].key for i >= nkeys is the item. */
        for (tn_ssize_t i = 0; i < n; i++) {
            if (i < nkeys || r == 0)
                tn_decref(a[i].key);
        }
    }
    tn_mem_free(a);
    tn_mem_free(s.tmp);
    return r;
}

typedef struct Detached {
    TnObject **items;
    tn_ssize_t size, allocated;
} Detached;

/* Take the array out of the list, leaving it empty and marked (allocated
 * -1) so that any mutation during the sort can be detected.  Lock held. */
static void detach_lock_held(TnList *l, Detached *d)
{
    tn_critical_section_assert_held(l);
    d->items = l->items;
    d->size = l->size;
    d->allocated = l->allocated;
    l->items = NULL;
    l->size = 0;
    l->allocated = -1;
}

/* Put the sorted array back.  Whatever the list holds now (if it was
 * mutated) is returned in *junk for the caller to release.  Returns 1 if
 * the list was mutated during the sort, 0 otherwise.  Lock held. */
static int reattach_lock_held(TnList *l, Detached *d, Detached *junk)
{
    tn_critical_section_assert_held(l);
    int modified = l->allocated != -1;
    junk->items = l->items;
    junk->size = l->size;
    l->items = d->items;
    l->size = d->size;
    l->allocated = d->allocated;
    return modified;
}

/* The whole sort, list emptied meanwhile.  Returns sort_items' result;
 * *modified and *junk as reattach_lock_held.  Lock held. */
static int sort_lock_held(TnList *l, TnObject *key, int reverse, int *modified, Detached *junk)
{
    tn_critical_section_assert_held(l);
    Detached d;
    detach_lock_held(l, &d);
    int r = sort_items(d.items, d.size, key, reverse);
    *modified = reattach_lock_held(l, &d, junk);
    return r;
}

/* Stable sort in place; key may be NULL.  0 / -1.
 * One critical section covers the whole sort, as in CPython's free-threaded
 * build: other threads wait instead of seeing the emptied list, so sort()
 * is atomic for them.  Key functions and __lt__ written in Python run
 * inside it (they may take other sections; if they block, the section is
 * suspended, and a mutation in that window is caught as above). */
int tn_list_sort(TnObject *op, TnObject *key, int reverse)
{
    TnList *l = (TnList *)op;
    Detached junk;
    int modified, r;
    TN_BEGIN_CRITICAL_SECTION(op);
    r = sort_lock_held(l, key, reverse, &modified, &junk);
    TN_END_CRITICAL_SECTION();
    if (junk.items != NULL) {
        tn_xdecref_array(junk.items, junk.size);
        tn_mem_free(junk.items);
    }
    if (modified && r == 0) {
        tn_err_set_str(&tn_exc_ValueError, "list modified during sort");
        r = -1;
    }
    return r;
}
