/* core/objects/set.c — set, frozenset and set_iterator (CPython 3.11's
 * setobject.c, same table sizes, probe sequence and algorithms, so that
 * iteration orders and frozenset hashes match CPython's).
 *
 * Table: mask+1 TnSetEntry slots; empty = {NULL, 0}, dummy = {NULL, -1}
 * (a deleted slot that keeps probe chains intact; -1 is never a valid hash,
 * so dummies never match a lookup).  Probing: from i = hash & mask, look at
 * up to LINEAR_PROBES following slots (when they fit before the end of the
 * table), then perturb >>= 5; i = (i*5 + 1 + perturb) & mask.  After an
 * insertion into a fresh slot, fill*5 >= mask*3 resizes the table to the
 * smallest power of two > (used > 50000 ? used*2 : used*4), min 8.
 *
 * Lookups compare a stored key with `==` while holding a reference to it;
 * if the table or the entry changed during __eq__ the lookup restarts.
 *
 * Locking: table reads and writes are static `_lock_held` functions run in
 * the set's critical section.  Operations between several sets take one
 * section per step (next element of one set, then lookup in another), or
 * both sections (TN_BEGIN_CRITICAL_SECTION2) for a table copy.  Keys a
 * mutation drops are released after its section ends.
 */
#include <stdio.h>
#include "core/tn.h"
#include "core/objects/set.h"
#include "core/objects/repr_guard.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY_HASH ((tn_hash_t)-1)

static inline TnSet *as_set(TnObject *op) { return (TnSet *)op; }

static inline bool entry_is_empty(const TnSetEntry *e) { return e->key == NULL && e->hash == 0; }

/* The hash used for set keys: str's cached hash for exact str. */
static inline tn_hash_t key_hash(TnObject *key)
{
    if (tn_str_check_exact(key))
        return tn_str_hash(key);
    return tn_object_hash(key);
}

/* Equality of two keys with equal hashes without calling __eq__, when both
 * are exact str or both exact int: 1 / 0; -1 when == must be called. */
static inline int exact_same(TnObject *a, TnObject *b)
{
    if (tn_str_check_exact(a) && tn_str_check_exact(b))
        return tn_str_eq(a, b);
    if (tn_int_check_exact(a) && tn_int_check_exact(b)) {
        int ova, ovb;
        int64_t x = tn_int_as_i64(a, &ova), y = tn_int_as_i64(b, &ovb);
        if (!ova && !ovb)
            return x == y;
    }
    return -1;
}

/* ---- probing ---------------------------------------------------------------- */

/* Compare the stored key of *entry with key (equal hashes).  1 equal, 0 not,
 * -1 error, 2 the table changed under __eq__ (restart).  Lock held. */
static int compare_entry_lock_held(TnSet *so, TnSetEntry *entry, TnObject *key)
{
    tn_critical_section_assert_held(so);
    TnObject *startkey = entry->key;
    if (startkey == key)
        return 1;
    int same = exact_same(startkey, key);
    if (same >= 0)
        return same;
    TnSetEntry *table = so->table;
    tn_incref(startkey);
    int cmp = tn_object_richcompare_bool(startkey, key, TN_EQ);
    tn_decref(startkey);
    if (cmp < 0)
        return -1;
    if (table != so->table || entry->key != startkey)
        return 2;
    return cmp;
}

/* Find key: 1 found (*out = its entry), 0 missing, -1 error.  Lock held;
 * may run arbitrary code (__eq__). */
static int lookkey_lock_held(TnSet *so, TnObject *key, tn_hash_t hash, TnSetEntry **out)
{
    tn_critical_section_assert_held(so);
restart:;
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    for (;;) {
        TnSetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry_is_empty(entry))
                return 0;
            if (entry->hash == hash && entry->key != NULL) {
                int cmp = compare_entry_lock_held(so, entry, key);
                if (cmp == 2)
                    goto restart;
                if (cmp != 0) {
                    *out = entry;
                    return cmp;
                }
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Put key in the first empty slot of its probe chain in a table without
 * dummies (no comparisons, no refcounting). */
static void insert_clean(TnSetEntry *table, size_t mask, TnObject *key, tn_hash_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        TnSetEntry *entry = &table[i];
        if (entry->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuild the table with the smallest power-of-two size > minused (at
 * least TN_SET_MINSIZE), dropping dummies.  0 / -1 (MemoryError, set
 * unchanged).  Lock held; runs no Python code. */
static int table_resize_lock_held(TnSet *so, tn_ssize_t minused)
{
    tn_critical_section_assert_held(so);
    size_t newsize = TN_SET_MINSIZE;
    while (newsize <= (size_t)minused && newsize < ((size_t)1 << 60))
        newsize <<= 1;
    TnSetEntry *oldtable = so->table, *newtable;
    size_t oldsize = (size_t)so->mask + 1;
    bool old_malloced = oldtable != so->smalltable;
    TnSetEntry small_copy[TN_SET_MINSIZE];
    if (newsize == TN_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0;
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        size_t bytes;
        if (tn_mem_mul(newsize, sizeof(TnSetEntry), &bytes) || (newtable = tn_mem_alloc(bytes)) == NULL) {
            tn_err_no_memory();
            return -1;
        }
    }
    memset(newtable, 0, sizeof(TnSetEntry) * newsize);
    so->mask = (tn_ssize_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (size_t i = 0; i < oldsize; i++) {
        if (oldtable[i].key != NULL)
            insert_clean(newtable, newsize - 1, oldtable[i].key, oldtable[i].hash);
    }
    if (old_malloced)
        tn_mem_free(oldtable);
    return 0;
}

/* Add key (borrowed; the set takes its own reference).  0 / -1.  Lock held;
 * may run arbitrary code (__eq__). */
static int add_entry_lock_held(TnSet *so, TnObject *key, tn_hash_t hash)
{
    tn_critical_section_assert_held(so);
    /* Held across __eq__, which could drop the caller's last reference. */
    tn_incref(key);
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    TnSetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry_is_empty(entry))
                goto found_unused_or_dummy;
            if (entry->key != NULL && entry->hash == hash) {
                int cmp = compare_entry_lock_held(so, entry, key);
                if (cmp == 1)
                    goto found_active;
                if (cmp < 0) {
                    tn_decref(key);
                    return -1;
                }
                if (cmp == 2)
                    goto restart;
                mask = (size_t)so->mask;
            } else if (entry->key == NULL && entry->hash == DUMMY_HASH) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return table_resize_lock_held(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    tn_decref(key);
    return 0;
}

/* Remove key: 1 removed (*old_key = the stored reference, to release after
 * the section), 0 missing, -1 error.  Lock held; may run arbitrary code. */
static int discard_entry_lock_held(TnSet *so, TnObject *key, tn_hash_t hash, TnObject **old_key)
{
    tn_critical_section_assert_held(so);
    TnSetEntry *entry;
    *old_key = NULL;
    int r = lookkey_lock_held(so, key, hash, &entry);
    if (r <= 0)
        return r;
    *old_key = entry->key;
    entry->key = NULL;
    entry->hash = DUMMY_HASH;
    so->used--;
    return 1;
}

/* Live entry at *pos or later: *pos advanced past it.  Lock held. */
static TnSetEntry *next_lock_held(TnSet *so, tn_ssize_t *pos)
{
    tn_critical_section_assert_held(so);
    tn_ssize_t i = *pos;
    if (i < 0)
        return NULL;
    while (i <= so->mask && so->table[i].key == NULL)
        i++;
    *pos = i + 1;
    return i <= so->mask ? &so->table[i] : NULL;
}

/* ---- clearing ------------------------------------------------------------------ */

/* A table detached from a set, to release outside its critical section. */
typedef struct Detached {
    TnSetEntry *table;
    size_t size;
    bool malloced;
    TnSetEntry small[TN_SET_MINSIZE];
} Detached;

static void empty_to_minsize_lock_held(TnSet *so)
{
    tn_critical_section_assert_held(so);
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = TN_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Empty the set, moving its table into *d.  Lock held. */
static void clear_lock_held(TnSet *so, Detached *d)
{
    tn_critical_section_assert_held(so);
    d->size = (size_t)so->mask + 1;
    d->malloced = so->table != so->smalltable;
    if (d->malloced) {
        d->table = so->table;
    } else {
        memcpy(d->small, so->smalltable, sizeof(d->small));
        d->table = d->small;
    }
    empty_to_minsize_lock_held(so);
}

static void release_detached(Detached *d)
{
    for (size_t i = 0; i < d->size; i++)
        tn_xdecref(d->table[i].key);
    if (d->malloced)
        tn_mem_free(d->table);
}

static void set_clear_internal(TnObject *so)
{
    Detached d;
    TN_BEGIN_CRITICAL_SECTION(so);
    clear_lock_held(as_set(so), &d);
    TN_END_CRITICAL_SECTION();
    release_detached(&d);
}

/* ---- locked primitives ------------------------------------------------------------ */

static int add_entry(TnObject *so, TnObject *key, tn_hash_t hash)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(so);
    r = add_entry_lock_held(as_set(so), key, hash);
    TN_END_CRITICAL_SECTION();
    return r;
}

static int contains_entry_lock_held(TnSet *so, TnObject *key, tn_hash_t hash)
{
    tn_critical_section_assert_held(so);
    TnSetEntry *entry;
    return lookkey_lock_held(so, key, hash, &entry);
}

static int contains_entry(TnObject *so, TnObject *key, tn_hash_t hash)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(so);
    r = contains_entry_lock_held(as_set(so), key, hash);
    TN_END_CRITICAL_SECTION();
    return r;
}

static int discard_entry(TnObject *so, TnObject *key, tn_hash_t hash)
{
    int r;
    TnObject *old;
    TN_BEGIN_CRITICAL_SECTION(so);
    r = discard_entry_lock_held(as_set(so), key, hash, &old);
    TN_END_CRITICAL_SECTION();
    tn_xdecref(old);
    return r;
}

static int add_key(TnObject *so, TnObject *key)
{
    tn_hash_t hash = key_hash(key);
    return hash == -1 ? -1 : add_entry(so, key, hash);
}

static int contains_key(TnObject *so, TnObject *key)
{
    tn_hash_t hash = key_hash(key);
    return hash == -1 ? -1 : contains_entry(so, key, hash);
}

static int discard_key(TnObject *so, TnObject *key)
{
    tn_hash_t hash = key_hash(key);
    return hash == -1 ? -1 : discard_entry(so, key, hash);
}

static int next_ref_lock_held(TnSet *so, tn_ssize_t *pos, TnObject **key, tn_hash_t *hash)
{
    tn_critical_section_assert_held(so);
    TnSetEntry *e = next_lock_held(so, pos);
    if (e == NULL)
        return 0;
    *key = tn_newref(e->key);
    *hash = e->hash;
    return 1;
}

/* Next element with a new reference, for loops that run arbitrary code
 * between steps: 1 / 0 when done. */
static int next_ref(TnObject *so, tn_ssize_t *pos, TnObject **key, tn_hash_t *hash)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(so);
    r = next_ref_lock_held(as_set(so), pos, key, hash);
    TN_END_CRITICAL_SECTION();
    return r;
}

static tn_ssize_t size_lock_held(TnSet *so) { return so->used; }

static tn_ssize_t set_size(TnObject *so)
{
    tn_ssize_t n;
    TN_BEGIN_CRITICAL_SECTION(so);
    n = size_lock_held(as_set(so));
    TN_END_CRITICAL_SECTION();
    return n;
}

/* ---- update ----------------------------------------------------------------------- */

/* so |= other for another set (CPython's set_merge).  Both locks held. */
static int merge_lock_held(TnSet *so, TnSet *other)
{
    tn_critical_section_assert_held(so);
    if (other == so || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3
        && table_resize_lock_held(so, (so->used + other->used) * 2) != 0)
        return -1;
    TnSetEntry *so_entry = so->table, *other_entry = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* Same size, no dummies: copy slot for slot. */
        for (tn_ssize_t i = 0; i <= other->mask; i++) {
            if (other_entry[i].key != NULL) {
                so_entry[i].key = tn_newref(other_entry[i].key);
                so_entry[i].hash = other_entry[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (tn_ssize_t i = 0; i <= other->mask; i++) {
            if (other_entry[i].key != NULL)
                insert_clean(so->table, (size_t)so->mask, tn_newref(other_entry[i].key), other_entry[i].hash);
        }
        return 0;
    }
    for (tn_ssize_t i = 0; i <= other->mask; i++) {
        TnSetEntry *e = &other->table[i];
        if (e->key != NULL && add_entry_lock_held(so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

/* so |= the keys of an exact dict, hashes reused.  Both locks held. */
static int merge_dict_lock_held(TnSet *so, TnObject *d)
{
    tn_critical_section_assert_held(so);
    tn_ssize_t dictsize = ((TnDict *)d)->used;
    if ((so->fill + dictsize) * 5 >= so->mask * 3
        && table_resize_lock_held(so, (so->used + dictsize) * 2) != 0)
        return -1;
    for (tn_ssize_t i = 0; i < tn_dict_nentries_lock_held(d); i++) {
        TnDictEntry *ep = tn_dict_entry_lock_held(d, i);
        if (ep == NULL)
            break;
        if (ep->value != NULL && add_entry_lock_held(so, ep->key, ep->hash) < 0)
            return -1;
    }
    return 0;
}

static int set_update_internal(TnObject *so, TnObject *other)
{
    int r;
    if (tn_anyset_check(other)) {
        TN_BEGIN_CRITICAL_SECTION2(so, other);
        r = merge_lock_held(as_set(so), as_set(other));
        TN_END_CRITICAL_SECTION2();
        return r;
    }
    if (tn_dict_check_exact(other)) {
        TN_BEGIN_CRITICAL_SECTION2(so, other);
        r = merge_dict_lock_held(as_set(so), other);
        TN_END_CRITICAL_SECTION2();
        return r;
    }
    TnObject *it = tn_object_get_iter(other);
    if (it == NULL)
        return -1;
    TnObject *key;
    r = 0;
    while (r == 0 && (key = tn_iter_next(it)) != NULL) {
        r = add_key(so, key);
        tn_decref(key);
    }
    tn_decref(it);
    if (r == 0 && tn_err_occurred())
        r = -1;
    return r;
}

/* ---- construction ------------------------------------------------------------------ */

/* A new empty set of type (set, frozenset or a subclass) filled from
 * iterable (may be NULL).  New ref or NULL. */
static TnObject *make_new_set(TnType *type, TnObject *iterable)
{
    size_t size = sizeof(TnSet);
    if (type->basicsize > (tn_ssize_t)size)
        size = (size_t)type->basicsize;
    TnObject *self = tn_object_new(type, size);
    if (self == NULL)
        return NULL;
    TnSet *so = as_set(self);
    so->mask = TN_SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    if (iterable != NULL && set_update_internal(self, iterable) < 0)
        TN_CLEAR(self);
    return self;
}

/* The result type of operations: set for set subclasses, else frozenset. */
static TnObject *make_new_set_basetype(TnType *type, TnObject *iterable)
{
    if (type != &tn_type_set && type != &tn_type_frozenset)
        type = tn_type_is_subtype(type, &tn_type_set) ? &tn_type_set : &tn_type_frozenset;
    return make_new_set(type, iterable);
}

static TnObject *make_new_frozenset(TnType *type, TnObject *iterable)
{
    if (type == &tn_type_frozenset && iterable != NULL && tn_type_check_exact(iterable, &tn_type_frozenset))
        return tn_newref(iterable);     /* frozenset(f) is f */
    return make_new_set(type, iterable);
}

static TnObject *set_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    /* A subclass is filled by set.__init__ (or its own __init__, which may
     * never look at the argument), as in CPython. */
    bool subclass = type != &tn_type_set;
    if (!subclass && (tn_args_no_kw("set", kwnames) < 0 || tn_args_count("set", nargs, 0, 1) < 0))
        return NULL;
    return make_new_set(type, !subclass && nargs > 0 ? args[0] : NULL);
}

/* set.__init__(self, iterable=()): empty the set, then fill it. */
static TnObject *set_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("set", kwnames) < 0 || tn_args_count(tn_type_name(tn_type(self)), nargs, 0, 1) < 0)
        return NULL;
    set_clear_internal(self);
    if (nargs > 0 && set_update_internal(self, args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *frozenset_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                           TnObject *kwnames)
{
    if (tn_args_no_kw("frozenset", kwnames) < 0 || tn_args_count(tn_type_name(type), nargs, 0, 1) < 0)
        return NULL;
    return make_new_frozenset(type, nargs > 0 ? args[0] : NULL);
}

/* Swap the contents of two sets (CPython's set_swap_bodies).  Both locks held. */
static void swap_bodies_lock_held(TnSet *a, TnSet *b)
{
    tn_critical_section_assert_held(a);
    tn_ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    TnSetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        TnSetEntry tab[TN_SET_MINSIZE];
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (tn_frozenset_check(TN_OBJ(a)) && tn_frozenset_check(TN_OBJ(b))) {
        tn_hash_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static void swap_bodies(TnObject *a, TnObject *b)
{
    TN_BEGIN_CRITICAL_SECTION2(a, b);
    swap_bodies_lock_held(as_set(a), as_set(b));
    TN_END_CRITICAL_SECTION2();
}

/* ---- public API ---------------------------------------------------------------------- */

TnObject *tn_set_new(TnObject *iterable_or_NULL)
{
    return make_new_set(&tn_type_set, iterable_or_NULL);
}

TnObject *tn_frozenset_new(TnObject *iterable_or_NULL)
{
    return make_new_frozenset(&tn_type_frozenset, iterable_or_NULL);
}

int tn_set_add(TnObject *set, TnObject *key)
{
    return add_key(set, key);
}

/* `key in so`; an unhashable set key is retried as a frozenset (CPython). */
int tn_set_contains(TnObject *anyset, TnObject *key)
{
    int rv = contains_key(anyset, key);
    if (rv < 0 && tn_set_check(key) && tn_err_matches(&tn_exc_TypeError)) {
        tn_err_clear();
        TnObject *tmp = make_new_set(&tn_type_frozenset, key);
        if (tmp == NULL)
            return -1;
        rv = contains_key(anyset, tmp);
        tn_decref(tmp);
    }
    return rv;
}

int tn_set_discard(TnObject *set, TnObject *key)
{
    int rv = discard_key(set, key);
    if (rv < 0 && tn_set_check(key) && tn_err_matches(&tn_exc_TypeError)) {
        tn_err_clear();
        TnObject *tmp = make_new_set(&tn_type_frozenset, key);
        if (tmp == NULL)
            return -1;
        rv = discard_key(set, tmp);
        tn_decref(tmp);
    }
    return rv;
}

tn_ssize_t tn_set_size(TnObject *anyset)
{
    return set_size(anyset);
}

int tn_set_update(TnObject *set, TnObject *iterable)
{
    return set_update_internal(set, iterable);
}

static int next_borrowed_lock_held(TnSet *so, tn_ssize_t *pos, TnObject **key, tn_hash_t *hash)
{
    tn_critical_section_assert_held(so);
    TnSetEntry *e = next_lock_held(so, pos);
    if (e == NULL)
        return 0;
    if (key != NULL)
        *key = e->key;
    if (hash != NULL)
        *hash = e->hash;
    return 1;
}

int tn_set_next(TnObject *anyset, tn_ssize_t *pos, TnObject **key, tn_hash_t *hash)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(anyset);
    r = next_borrowed_lock_held(as_set(anyset), pos, key, hash);
    TN_END_CRITICAL_SECTION();
    return r;
}

TnObject *tn_frozenset_from_const_tuple(TnObject *tuple)
{
    TnObject *first = make_new_set(&tn_type_frozenset, tuple);
    if (first == NULL)
        return NULL;
    TnObject *items = tn_list_from_iterable(first);
    tn_decref(first);
    if (items == NULL)
        return NULL;
    TnObject *res = make_new_set(&tn_type_frozenset, items);
    tn_decref(items);
    return res;
}

/* ---- algebra (CPython's algorithms, for identical iteration orders) --------------------- */

static TnObject *set_copy(TnObject *so)
{
    return make_new_set_basetype(tn_type(so), so);
}

/* so & other, other any iterable.  New ref or NULL. */
static TnObject *set_intersection(TnObject *so, TnObject *other)
{
    if (so == other)
        return set_copy(so);
    TnObject *result = make_new_set_basetype(tn_type(so), NULL), *key;
    tn_hash_t hash;
    int rv = 0;
    if (result == NULL)
        return NULL;
    if (tn_anyset_check(other)) {
        if (set_size(other) > set_size(so)) {
            TnObject *tmp = so;
            so = other;
            other = tmp;
        }
        tn_ssize_t pos = 0;
        while (rv == 0 && next_ref(other, &pos, &key, &hash)) {
            rv = contains_entry(so, key, hash);
            if (rv > 0)
                rv = add_entry(result, key, hash);
            tn_decref(key);
        }
        if (rv < 0)
            TN_CLEAR(result);
        return result;
    }
    TnObject *it = tn_object_get_iter(other);
    if (it == NULL)
        goto error;
    while (rv == 0 && (key = tn_iter_next(it)) != NULL) {
        hash = tn_object_hash(key);
        rv = hash == -1 ? -1 : contains_entry(so, key, hash);
        if (rv > 0) {
            rv = add_entry(result, key, hash);
            if (rv == 0 && set_size(result) >= set_size(so))
                rv = 1;   /* everything found: stop */
        }
        tn_decref(key);
    }
    tn_decref(it);
    if (rv < 0 || (rv == 0 && tn_err_occurred()))
        goto error;
    return result;
error:
    tn_decref(result);
    return NULL;
}

static void intersection_update_with(TnObject *so, TnObject *tmp)
{
    swap_bodies(so, tmp);
    tn_decref(tmp);
}

/* so -= other in place.  0 / -1. */
static int set_difference_update_internal(TnObject *so, TnObject *other)
{
    if (so == other) {
        set_clear_internal(so);
        return 0;
    }
    TnObject *key;
    tn_hash_t hash;
    int rv = 0;
    if (tn_anyset_check(other)) {
        /* When other is more than 8 times larger, use the intersection. */
        if ((set_size(other) >> 3) > set_size(so)) {
            other = set_intersection(so, other);
            if (other == NULL)
                return -1;
        } else {
            tn_incref(other);
        }
        tn_ssize_t pos = 0;
        while (rv >= 0 && next_ref(other, &pos, &key, &hash)) {
            rv = discard_entry(so, key, hash);
            tn_decref(key);
        }
        tn_decref(other);
    } else {
        TnObject *it = tn_object_get_iter(other);
        if (it == NULL)
            return -1;
        while (rv >= 0 && (key = tn_iter_next(it)) != NULL) {
            rv = discard_key(so, key);
            tn_decref(key);
        }
        tn_decref(it);
        if (rv >= 0 && tn_err_occurred())
            rv = -1;
    }
    if (rv < 0)
        return -1;
    /* More than 1/4 dummies: resize them away. */
    TN_BEGIN_CRITICAL_SECTION(so);
    TnSet *s = as_set(so);
    if ((size_t)(s->fill - s->used) > (size_t)s->mask / 4)
        rv = table_resize_lock_held(s, s->used > 50000 ? s->used * 2 : s->used * 4);
    TN_END_CRITICAL_SECTION();
    return rv < 0 ? -1 : 0;
}

static TnObject *set_copy_and_difference(TnObject *so, TnObject *other)
{
    TnObject *result = set_copy(so);
    if (result != NULL && set_difference_update_internal(result, other) < 0)
        TN_CLEAR(result);
    return result;
}

/* so - other.  New ref or NULL. */
static TnObject *set_difference(TnObject *so, TnObject *other)
{
    tn_ssize_t other_size;
    if (tn_anyset_check(other))
        other_size = set_size(other);
    else if (tn_dict_check_exact(other))
        other_size = tn_dict_size(other);
    else
        return set_copy_and_difference(so, other);
    if ((set_size(so) >> 2) > other_size)
        return set_copy_and_difference(so, other);
    TnObject *result = make_new_set_basetype(tn_type(so), NULL), *key;
    if (result == NULL)
        return NULL;
    bool is_dict = tn_dict_check_exact(other);
    tn_ssize_t pos = 0;
    tn_hash_t hash;
    int rv = 0;
    while (rv >= 0 && next_ref(so, &pos, &key, &hash)) {
        if (is_dict) {
            TnObject *value;
            rv = tn_dict_get_item_known_hash_ref(other, key, hash, &value);
            tn_xdecref(value);
        } else {
            rv = contains_entry(other, key, hash);
        }
        if (rv == 0)
            rv = add_entry(result, key, hash);
        tn_decref(key);
    }
    if (rv < 0)
        TN_CLEAR(result);
    return result;
}

/* so ^= other in place.  0 / -1. */
static int set_symmetric_difference_update_internal(TnObject *so, TnObject *other)
{
    if (so == other) {
        set_clear_internal(so);
        return 0;
    }
    TnObject *otherset, *key;
    if (tn_dict_check_exact(other)) {
        /* The keys of the dict, in its order, with their stored hashes. */
        tn_ssize_t n;
        TN_BEGIN_CRITICAL_SECTION(other);
        n = tn_dict_nentries_lock_held(other);
        TN_END_CRITICAL_SECTION();
        int rv = 0;
        for (tn_ssize_t i = 0; rv >= 0 && i < n; i++) {
            TnDictEntry *ep;
            tn_hash_t hash = 0;
            key = NULL;
            TN_BEGIN_CRITICAL_SECTION(other);
            ep = tn_dict_entry_lock_held(other, i);
            if (ep != NULL && ep->value != NULL) {
                key = tn_newref(ep->key);
                hash = ep->hash;
            }
            TN_END_CRITICAL_SECTION();
            if (key == NULL)
                continue;
            rv = discard_entry(so, key, hash);
            if (rv == 0)
                rv = add_entry(so, key, hash);
            tn_decref(key);
        }
        return rv < 0 ? -1 : 0;
    }
    if (tn_anyset_check(other))
        otherset = tn_newref(other);
    else if ((otherset = make_new_set_basetype(tn_type(so), other)) == NULL)
        return -1;
    tn_ssize_t pos = 0;
    tn_hash_t hash;
    int rv = 0;
    while (rv >= 0 && next_ref(otherset, &pos, &key, &hash)) {
        rv = discard_entry(so, key, hash);
        if (rv == 0)
            rv = add_entry(so, key, hash);
        tn_decref(key);
    }
    tn_decref(otherset);
    return rv < 0 ? -1 : 0;
}

static TnObject *set_symmetric_difference(TnObject *so, TnObject *other)
{
    TnObject *otherset = make_new_set_basetype(tn_type(so), other);
    if (otherset != NULL && set_symmetric_difference_update_internal(otherset, so) < 0)
        TN_CLEAR(otherset);
    return otherset;
}

/* Every element of so is in the set other: 1 / 0 / -1. */
static int issubset_set(TnObject *so, TnObject *other)
{
    if (set_size(so) > set_size(other))
        return 0;
    tn_ssize_t pos = 0;
    TnObject *key;
    tn_hash_t hash;
    int rv = 1;
    while (rv == 1 && next_ref(so, &pos, &key, &hash)) {
        rv = contains_entry(other, key, hash);
        tn_decref(key);
    }
    return rv;
}

static int set_issubset(TnObject *so, TnObject *other)
{
    if (tn_anyset_check(other))
        return issubset_set(so, other);
    TnObject *tmp = set_intersection(so, other);
    if (tmp == NULL)
        return -1;
    int r = set_size(tmp) == set_size(so);
    tn_decref(tmp);
    return r;
}

static int set_issuperset(TnObject *so, TnObject *other)
{
    if (tn_anyset_check(other))
        return issubset_set(other, so);
    TnObject *it = tn_object_get_iter(other), *key;
    if (it == NULL)
        return -1;
    int rv = 1;
    while (rv == 1 && (key = tn_iter_next(it)) != NULL) {
        rv = contains_key(so, key);
        tn_decref(key);
    }
    tn_decref(it);
    if (rv == 1 && tn_err_occurred())
        rv = -1;
    return rv;
}

static int set_isdisjoint(TnObject *so, TnObject *other)
{
    if (so == other)
        return set_size(so) == 0;
    TnObject *key;
    int rv = 0;
    if (tn_anyset_check_exact(other)) {
        if (set_size(other) > set_size(so)) {
            TnObject *tmp = so;
            so = other;
            other = tmp;
        }
        tn_ssize_t pos = 0;
        tn_hash_t hash;
        while (rv == 0 && next_ref(other, &pos, &key, &hash)) {
            rv = contains_entry(so, key, hash);
            tn_decref(key);
        }
        return rv < 0 ? -1 : !rv;
    }
    TnObject *it = tn_object_get_iter(other);
    if (it == NULL)
        return -1;
    while (rv == 0 && (key = tn_iter_next(it)) != NULL) {
        rv = contains_key(so, key);
        tn_decref(key);
    }
    tn_decref(it);
    if (rv == 0 && tn_err_occurred())
        rv = -1;
    return rv < 0 ? -1 : !rv;
}

/* ---- methods ----------------------------------------------------------------------------- */

/* "set.add" or "frozenset.copy" for argument messages. */
static const char *mname(TnObject *self, const char *meth, char *buf, size_t n)
{
    snprintf(buf, n, "%s.%s", tn_frozenset_check(self) ? "frozenset" : "set", meth);
    return buf;
}

static int check_noargs(TnObject *self, const char *meth, tn_ssize_t nargs, TnObject *kwnames)
{
    char buf[64];
    mname(self, meth, buf, sizeof buf);
    if (tn_args_no_kw(buf, kwnames) < 0)
        return -1;
    return tn_args_count(buf, nargs, 0, 0);
}

static int check_onearg(TnObject *self, const char *meth, tn_ssize_t nargs, TnObject *kwnames)
{
    char buf[64];
    mname(self, meth, buf, sizeof buf);
    if (tn_args_no_kw(buf, kwnames) < 0)
        return -1;
    return tn_args_count(buf, nargs, 1, 1);
}

static int check_varargs(TnObject *self, const char *meth, TnObject *kwnames)
{
    char buf[64];
    return tn_args_no_kw(mname(self, meth, buf, sizeof buf), kwnames);
}

static TnObject *bool_or_null(int r)
{
    return r < 0 ? NULL : tn_bool_from(r);
}

static TnObject *set_add_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_onearg(self, "add", nargs, kwnames) < 0 || add_key(self, args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *set_clear_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (check_noargs(self, "clear", nargs, kwnames) < 0)
        return NULL;
    set_clear_internal(self);
    return tn_none_ref();
}

static TnObject *set_contains_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_onearg(self, "__contains__", nargs, kwnames) < 0)
        return NULL;
    return bool_or_null(tn_set_contains(self, args[0]));
}

static TnObject *set_copy_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (check_noargs(self, "copy", nargs, kwnames) < 0)
        return NULL;
    if (tn_type_check_exact(self, &tn_type_frozenset))
        return tn_newref(self);
    return set_copy(self);
}

static TnObject *set_discard_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_onearg(self, "discard", nargs, kwnames) < 0 || tn_set_discard(self, args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *set_remove_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_onearg(self, "remove", nargs, kwnames) < 0)
        return NULL;
    int r = tn_set_discard(self, args[0]);
    if (r < 0)
        return NULL;
    if (r == 0) {
        tn_err_set_object(&tn_exc_KeyError, args[0]);
        return NULL;
    }
    return tn_none_ref();
}

static TnObject *set_difference_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_varargs(self, "difference", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return set_copy(self);
    TnObject *result = set_difference(self, args[0]);
    for (tn_ssize_t i = 1; result != NULL && i < nargs; i++) {
        if (set_difference_update_internal(result, args[i]) < 0)
            TN_CLEAR(result);
    }
    return result;
}

static TnObject *set_difference_update_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                            TnObject *kwnames)
{
    if (check_varargs(self, "difference_update", kwnames) < 0)
        return NULL;
    for (tn_ssize_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal(self, args[i]) < 0)
            return NULL;
    }
    return tn_none_ref();
}

static TnObject *intersection_multi(TnObject *self, TnObject *const *args, tn_ssize_t nargs)
{
    if (nargs == 0)
        return set_copy(self);
    TnObject *result = tn_newref(self);
    for (tn_ssize_t i = 0; i < nargs; i++) {
        TnObject *next = set_intersection(result, args[i]);
        tn_decref(result);
        if (next == NULL)
            return NULL;
        result = next;
    }
    return result;
}

static TnObject *set_intersection_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (check_varargs(self, "intersection", kwnames) < 0)
        return NULL;
    return intersection_multi(self, args, nargs);
}

static TnObject *set_intersection_update_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                              TnObject *kwnames)
{
    if (check_varargs(self, "intersection_update", kwnames) < 0)
        return NULL;
    TnObject *tmp = intersection_multi(self, args, nargs);
    if (tmp == NULL)
        return NULL;
    intersection_update_with(self, tmp);
    return tn_none_ref();
}

static TnObject *set_isdisjoint_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_onearg(self, "isdisjoint", nargs, kwnames) < 0)
        return NULL;
    return bool_or_null(set_isdisjoint(self, args[0]));
}

static TnObject *set_issubset_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_onearg(self, "issubset", nargs, kwnames) < 0)
        return NULL;
    return bool_or_null(set_issubset(self, args[0]));
}

static TnObject *set_issuperset_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_onearg(self, "issuperset", nargs, kwnames) < 0)
        return NULL;
    return bool_or_null(set_issuperset(self, args[0]));
}

/* Remove an arbitrary element into *key (reference transferred).  0, or -1
 * with KeyError when empty.  Lock held. */
static int pop_lock_held(TnSet *so, TnObject **key)
{
    tn_critical_section_assert_held(so);
    if (so->used == 0) {
        tn_err_set_str(&tn_exc_KeyError, "pop from an empty set");
        return -1;
    }
    TnSetEntry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (entry->key == NULL) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    *key = entry->key;
    entry->key = NULL;
    entry->hash = DUMMY_HASH;
    so->used--;
    so->finger = entry - so->table + 1;
    return 0;
}

static TnObject *set_pop_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (check_noargs(self, "pop", nargs, kwnames) < 0)
        return NULL;
    TnObject *key = NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = pop_lock_held(as_set(self), &key);
    TN_END_CRITICAL_SECTION();
    return r < 0 ? NULL : key;
}

static TnObject *set_symmetric_difference_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                               TnObject *kwnames)
{
    if (check_onearg(self, "symmetric_difference", nargs, kwnames) < 0)
        return NULL;
    return set_symmetric_difference(self, args[0]);
}

static TnObject *set_symmetric_difference_update_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                                      TnObject *kwnames)
{
    if (check_onearg(self, "symmetric_difference_update", nargs, kwnames) < 0
        || set_symmetric_difference_update_internal(self, args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *set_union_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_varargs(self, "union", kwnames) < 0)
        return NULL;
    TnObject *result = set_copy(self);
    for (tn_ssize_t i = 0; result != NULL && i < nargs; i++) {
        if (args[i] != self && set_update_internal(result, args[i]) < 0)
            TN_CLEAR(result);
    }
    return result;
}

static TnObject *set_update_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (check_varargs(self, "update", kwnames) < 0)
        return NULL;
    for (tn_ssize_t i = 0; i < nargs; i++) {
        if (set_update_internal(self, args[i]) < 0)
            return NULL;
    }
    return tn_none_ref();
}

/* ---- number slots ---------------------------------------------------------------------------- */

static TnObject *set_or(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(so) || !tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *result = set_copy(so);
    if (result != NULL && so != other && set_update_internal(result, other) < 0)
        TN_CLEAR(result);
    return result;
}

static TnObject *set_ior(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    if (set_update_internal(so, other) < 0)
        return NULL;
    return tn_newref(so);
}

static TnObject *set_and(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(so) || !tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    return set_intersection(so, other);
}

static TnObject *set_iand(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *tmp = set_intersection(so, other);
    if (tmp == NULL)
        return NULL;
    intersection_update_with(so, tmp);
    return tn_newref(so);
}

static TnObject *set_sub(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(so) || !tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    return set_difference(so, other);
}

static TnObject *set_isub(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    if (set_difference_update_internal(so, other) < 0)
        return NULL;
    return tn_newref(so);
}

static TnObject *set_xor(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(so) || !tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    return set_symmetric_difference(so, other);
}

static TnObject *set_ixor(TnObject *so, TnObject *other)
{
    if (!tn_anyset_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    if (set_symmetric_difference_update_internal(so, other) < 0)
        return NULL;
    return tn_newref(so);
}

static int set_bool(TnObject *so)
{
    return set_size(so) != 0;
}

/* ---- type slots ----------------------------------------------------------------------------- */

static void set_dealloc(TnObject *self)
{
    TnSet *so = as_set(self);
    for (tn_ssize_t i = 0; i <= so->mask; i++)
        tn_xdecref(so->table[i].key);
    if (so->table != so->smalltable)
        tn_mem_free(so->table);
    tn_object_free(self);
}

static int set_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnSet *so = as_set(self);
    for (tn_ssize_t i = 0; i <= so->mask; i++) {
        if (so->table[i].key != NULL) {
            int r = visit(so->table[i].key, arg);
            if (r != 0)
                return r;
        }
    }
    return 0;
}

static int set_clear_slot(TnObject *self)
{
    set_clear_internal(self);
    return 0;
}

static tn_ssize_t set_len(TnObject *self)
{
    return set_size(self);
}

static int set_sq_contains(TnObject *self, TnObject *key)
{
    return tn_set_contains(self, key);
}

/* "{1, 2}", "set()", "frozenset({1})", "Sub({1})"; "set(...)" when the set
 * is reached again while its repr runs. */
static TnObject *set_repr(TnObject *self)
{
    const char *name = tn_type_name(tn_type(self));
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_format("%s(...)", name) : NULL;
    TnObject *result = NULL, *keys = NULL, *listrepr = NULL;
    if (set_size(self) == 0) {
        result = tn_str_from_format("%s()", name);
        goto done;
    }
    keys = tn_list_from_iterable(self);
    if (keys == NULL || (listrepr = tn_object_repr(keys)) == NULL)
        goto done;
    bool exact = tn_type_check_exact(self, &tn_type_set);
    TnStrWriter w;
    tn_strw_init(&w);
    int err = exact ? tn_strw_putc(&w, '{') : tn_strw_puts(&w, name);
    if (err == 0 && !exact)
        err = tn_strw_puts(&w, "({");
    if (err == 0)
        err = tn_strw_put_substr(&w, listrepr, 1, tn_str_length(listrepr) - 1);
    if (err == 0)
        err = tn_strw_puts(&w, exact ? "}" : "})");
    if (err < 0)
        tn_strw_discard(&w);
    else
        result = tn_strw_finish(&w);
done:
    tn_xdecref(keys);
    tn_xdecref(listrepr);
    tn_repr_leave(self);
    return result;
}

static TnObject *set_richcompare(TnObject *v, TnObject *w, int op)
{
    if (!tn_anyset_check(v) || !tn_anyset_check(w))
        return tn_newref(TN_NOTIMPLEMENTED);
    tn_ssize_t lv = set_size(v), lw = set_size(w);
    int r;
    switch (op) {
    case TN_EQ:
    case TN_NE:
        if (lv != lw)
            r = 0;
        else if (as_set(v)->hash != -1 && as_set(w)->hash != -1 && as_set(v)->hash != as_set(w)->hash)
            r = 0;
        else
            r = set_issubset(v, w);
        if (r >= 0 && op == TN_NE)
            r = !r;
        break;
    case TN_LE:
        r = set_issubset(v, w);
        break;
    case TN_GE:
        r = set_issuperset(v, w);
        break;
    case TN_LT:
        r = lv >= lw ? 0 : set_issubset(v, w);
        break;
    case TN_GT:
        r = lv <= lw ? 0 : set_issuperset(v, w);
        break;
    default:
        return tn_newref(TN_NOTIMPLEMENTED);
    }
    return bool_or_null(r);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* CPython's frozenset_hash.  Lock held. */
static tn_hash_t frozenset_hash_lock_held(TnSet *so)
{
    tn_critical_section_assert_held(so);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    for (tn_ssize_t i = 0; i <= so->mask; i++)
        hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    /* Remove the effect of an odd number of empty and of dummy entries. */
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (tn_hash_t)hash;
    return so->hash;
}

static tn_hash_t frozenset_hash(TnObject *self)
{
    tn_hash_t h;
    TN_BEGIN_CRITICAL_SECTION(self);
    h = frozenset_hash_lock_held(as_set(self));
    TN_END_CRITICAL_SECTION();
    return h;
}

/* ---- snapshots -------------------------------------------------------------------------------- */

static TnObject *items_list_lock_held(TnSet *so)
{
    tn_critical_section_assert_held(so);
    TnObject *list = tn_list_new(so->used);
    if (list == NULL)
        return NULL;
    tn_ssize_t pos = 0, j = 0;
    TnSetEntry *e;
    while ((e = next_lock_held(so, &pos)) != NULL)
        tn_list_set_steal(list, j++, tn_newref(e->key));
    return list;
}

TnObject *tn_set_items_list(TnObject *anyset)
{
    TnObject *list;
    TN_BEGIN_CRITICAL_SECTION(anyset);
    list = items_list_lock_held(as_set(anyset));
    TN_END_CRITICAL_SECTION();
    return list;
}

/* ---- set_iterator ------------------------------------------------------------------------------ */

typedef struct SetIter {
    TnObject ob;
    TnObject *set;          /* NULL once exhausted */
    tn_ssize_t used;        /* the set's size at creation; -1 after a size error */
    tn_ssize_t pos;
    tn_ssize_t len;
    bool done;              /* exhausted for good (under the set's lock) */
} SetIter;

static void iter_start_lock_held(SetIter *si)
{
    tn_critical_section_assert_held(si->set);
    si->used = as_set(si->set)->used;
    si->len = si->used;
    si->pos = 0;
}

static TnObject *set_iter(TnObject *self)
{
    SetIter *si = (SetIter *)tn_object_new(&tn_type_set_iterator, sizeof(SetIter));
    if (si == NULL)
        return NULL;
    si->set = tn_newref(self);
    TN_BEGIN_CRITICAL_SECTION(self);
    iter_start_lock_held(si);
    TN_END_CRITICAL_SECTION();
    return TN_OBJ(si);
}

/* One step: new ref, or NULL with *exhausted set, or NULL with RuntimeError.
 * Lock held. */
static TnObject *setiter_next_lock_held(SetIter *si, bool *exhausted)
{
    tn_critical_section_assert_held(si->set);
    TnSet *so = as_set(si->set);
    if (si->done) {
        *exhausted = true;
        return NULL;
    }
    if (si->used != so->used) {
        tn_err_set_str(&tn_exc_RuntimeError, "Set changed size during iteration");
        si->used = -1;      /* sticky */
        return NULL;
    }
    TnSetEntry *e = next_lock_held(so, &si->pos);
    if (e == NULL) {
        *exhausted = true;
        return NULL;
    }
    si->len--;
    return tn_newref(e->key);
}

static TnObject *setiter_next(TnObject *self)
{
    SetIter *si = (SetIter *)self;
    if (si->set == NULL)
        return NULL;
    bool exhausted = false;
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION(si->set);
    res = setiter_next_lock_held(si, &exhausted);
    if (exhausted)
        si->done = true;
    TN_END_CRITICAL_SECTION();
    /* Shared iterators: as dictviews.c, the ft flavour keeps the set until
     * the iterator dies, because another thread may be using it. */
    if (exhausted && !TN_FREE_THREADED)
        TN_CLEAR(si->set);
    return res;
}

static void setiter_dealloc(TnObject *self)
{
    TN_CLEAR(((SetIter *)self)->set);
    tn_object_free(self);
}

static int setiter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnObject *s = ((SetIter *)self)->set;
    return s != NULL ? visit(s, arg) : 0;
}

static TnObject *iter_self(TnObject *self)
{
    return tn_newref(self);
}

static TnObject *setiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    (void)args;
    if (tn_args_no_kw("set_iterator.__length_hint__", kwnames) < 0
        || tn_args_count("set_iterator.__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    SetIter *si = (SetIter *)self;
    tn_ssize_t n = 0;
    if (si->set != NULL && si->used == set_size(si->set))
        n = si->len;
    return tn_int_from_ssize(n);
}

static const TnMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_set_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "set_iterator",
    .basicsize = sizeof(SetIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = setiter_dealloc,
    .iter = iter_self,
    .iternext = setiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = setiter_methods,
    .traverse = setiter_traverse,
};

/* ---- type objects ---------------------------------------------------------------------------------- */

#define DOC_CONTAINS "x.__contains__(y) <==> y in x."
#define DOC_COPY "Return a shallow copy of a set."
#define DOC_DIFFERENCE "Return the difference of two or more sets as a new set.\n\n" \
    "(i.e. all elements that are in this set but not the others.)"
#define DOC_INTERSECTION "Return the intersection of two sets as a new set.\n\n" \
    "(i.e. all elements that are in both sets.)"
#define DOC_ISDISJOINT "Return True if two sets have a null intersection."
#define DOC_ISSUBSET "Report whether another set contains this set."
#define DOC_ISSUPERSET "Report whether this set contains another set."
#define DOC_SYMDIFF "Return the symmetric difference of two sets as a new set.\n\n" \
    "(i.e. all elements that are in exactly one of the sets.)"
#define DOC_UNION "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"

static const TnMethodDef set_methods[] = {
    {"__init__", set_init_meth, 0, NULL},
    {"add", set_add_meth, 0, "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_clear_meth, 0, "Remove all elements from this set."},
    {"__contains__", set_contains_meth, 0, DOC_CONTAINS},
    {"copy", set_copy_meth, 0, DOC_COPY},
    {"discard", set_discard_meth, 0,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference", set_difference_meth, 0, DOC_DIFFERENCE},
    {"difference_update", set_difference_update_meth, 0, "Remove all elements of another set from this set."},
    {"intersection", set_intersection_meth, 0, DOC_INTERSECTION},
    {"intersection_update", set_intersection_update_meth, 0,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", set_isdisjoint_meth, 0, DOC_ISDISJOINT},
    {"issubset", set_issubset_meth, 0, DOC_ISSUBSET},
    {"issuperset", set_issuperset_meth, 0, DOC_ISSUPERSET},
    {"pop", set_pop_meth, 0, "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."},
    {"remove", set_remove_meth, 0,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"symmetric_difference", set_symmetric_difference_meth, 0, DOC_SYMDIFF},
    {"symmetric_difference_update", set_symmetric_difference_update_meth, 0,
     "Update a set with the symmetric difference of itself and another."},
    {"union", set_union_meth, 0, DOC_UNION},
    {"update", set_update_meth, 0, "Update a set with the union of itself and others."},
    {NULL, NULL, 0, NULL},
};

static const TnMethodDef frozenset_methods[] = {
    {"__contains__", set_contains_meth, 0, DOC_CONTAINS},
    {"copy", set_copy_meth, 0, DOC_COPY},
    {"difference", set_difference_meth, 0, DOC_DIFFERENCE},
    {"intersection", set_intersection_meth, 0, DOC_INTERSECTION},
    {"isdisjoint", set_isdisjoint_meth, 0, DOC_ISDISJOINT},
    {"issubset", set_issubset_meth, 0, DOC_ISSUBSET},
    {"issuperset", set_issuperset_meth, 0, DOC_ISSUPERSET},
    {"symmetric_difference", set_symmetric_difference_meth, 0, DOC_SYMDIFF},
    {"union", set_union_meth, 0, DOC_UNION},
    {NULL, NULL, 0, NULL},
};

static const TnNumberMethods set_as_number = {
    .subtract = set_sub,
    .bool_ = set_bool,
    .and_ = set_and,
    .xor_ = set_xor,
    .or_ = set_or,
    .inplace_subtract = set_isub,
    .inplace_and = set_iand,
    .inplace_xor = set_ixor,
    .inplace_or = set_ior,
};

static const TnNumberMethods frozenset_as_number = {
    .subtract = set_sub,
    .bool_ = set_bool,
    .and_ = set_and,
    .xor_ = set_xor,
    .or_ = set_or,
};

static const TnSequenceMethods set_as_sequence = {
    .length = set_len,
    .contains = set_sq_contains,
};

TnType tn_type_set = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "set",
    .weaklistoffset = offsetof(TnSet, weaklist),
    .basicsize = sizeof(TnSet),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = set_new_from_python,
    .as_number = &set_as_number,
    .as_sequence = &set_as_sequence,
    .methods = set_methods,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .doc = "set() -> new empty set object\n"
           "set(iterable) -> new set object\n\n"
           "Build an unordered collection of unique elements.",
};

TnType tn_type_frozenset = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "frozenset",
    .weaklistoffset = offsetof(TnSet, weaklist),
    .basicsize = sizeof(TnSet),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = frozenset_new_from_python,
    .as_number = &frozenset_as_number,
    .as_sequence = &set_as_sequence,
    .methods = frozenset_methods,
    .traverse = set_traverse,
    .doc = "frozenset() -> empty frozenset object\n"
           "frozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.",
};
