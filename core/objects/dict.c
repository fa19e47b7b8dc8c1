/* core/objects/dict.c — dict: a compact, insertion-ordered hash table.
 *
 * Layout (CPython 3.6+'s "compact dict"):
 *
 *   TnDictKeys: log2_size, usable, nentries, then
 *     indices[size]      sparse hash table of 1/2/4/8-byte signed slots
 *                        (width chosen by size), each DKIX_EMPTY (-1),
 *                        DKIX_DUMMY (-2, a deleted slot that keeps probe
 *                        chains intact) or an index into entries;
 *     entries[usable]    dense TnDictEntry array in insertion order; a
 *                        deleted entry has key == value == NULL.
 *
 * Probing follows CPython exactly (i = hash & mask; then perturb >>= 5,
 * i = (i*5 + perturb + 1) & mask), so every slot is eventually visited and
 * collision-heavy keys degrade gracefully.  The table holds at most 2/3 of
 * its size in entries; when `usable` runs out it is rebuilt (compacting
 * deleted entries) with size = smallest power of two >= used*3, min 8.
 * An empty dict has keys == NULL until its first insertion.
 *
 * Lookups: exact str keys compare by identity, then hash + tn_str_eq; any
 * other key compares the stored key with `==` while holding a reference to
 * it.  Because __eq__ can mutate the dict, the lookup restarts if the table
 * or the entry changed under it (as CPython does).
 *
 * Locking: every function that reads the table or changes it is a static
 * `_lock_held` function run inside the dict's critical section.  Values and
 * keys that a mutation drops are released after the section ends, so a
 * __del__ they trigger sees a consistent dict.  `version` is bumped on every
 * change (per dict, starting at 0).
 */
#include "core/tn.h"
#include "core/objects/repr_guard.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DKIX_KEY_CHANGED (-4)      /* internal: the table mutated during __eq__ */

#define LOG2_MINSIZE 3
#define PERTURB_SHIFT 5
#define USABLE_FRACTION(n) (((n) << 1) / 3)

struct TnDictKeys {
    uint8_t log2_size;
    uint8_t log2_index_bytes;
    tn_ssize_t usable;          /* entries that can still be appended */
    tn_ssize_t nentries;        /* entries used so far (live + deleted) */
    char indices[];             /* then the entries array */
};

static inline TnDict *as_dict(TnObject *op) { return (TnDict *)op; }
static inline size_t dk_size(const TnDictKeys *dk) { return (size_t)1 << dk->log2_size; }
static inline TnDictEntry *dk_entries(TnDictKeys *dk)
{
    return (TnDictEntry *)(void *)(dk->indices + ((size_t)1 << dk->log2_index_bytes));
}

static inline tn_ssize_t get_index(const TnDictKeys *dk, size_t i)
{
    uint8_t s = dk->log2_size;
    if (s < 8)
        return ((const int8_t *)dk->indices)[i];
    if (s < 16)
        return ((const int16_t *)(const void *)dk->indices)[i];
    if (s < 32)
        return ((const int32_t *)(const void *)dk->indices)[i];
    return (tn_ssize_t)((const int64_t *)(const void *)dk->indices)[i];
}

static inline void set_index(TnDictKeys *dk, size_t i, tn_ssize_t ix)
{
    uint8_t s = dk->log2_size;
    if (s < 8)
        ((int8_t *)dk->indices)[i] = (int8_t)ix;
    else if (s < 16)
        ((int16_t *)(void *)dk->indices)[i] = (int16_t)ix;
    else if (s < 32)
        ((int32_t *)(void *)dk->indices)[i] = (int32_t)ix;
    else
        ((int64_t *)(void *)dk->indices)[i] = (int64_t)ix;
}

/* A table of 2**log2_size slots, all empty.  NULL + MemoryError. */
static TnDictKeys *new_keys(uint8_t log2_size)
{
    if (log2_size >= 40) {
        tn_err_no_memory();
        return NULL;
    }
    uint8_t log2_bytes = log2_size < 8 ? log2_size
                       : log2_size < 16 ? (uint8_t)(log2_size + 1)
                       : log2_size < 32 ? (uint8_t)(log2_size + 2) : (uint8_t)(log2_size + 3);
    size_t size = (size_t)1 << log2_size, usable = USABLE_FRACTION(size);
    size_t entries_bytes, total;
    if (tn_mem_mul(usable, sizeof(TnDictEntry), &entries_bytes)) {
        tn_err_no_memory();
        return NULL;
    }
    total = sizeof(TnDictKeys) + ((size_t)1 << log2_bytes) + entries_bytes;
    TnDictKeys *dk = total > TN_MEM_MAX_REQUEST ? NULL : tn_mem_alloc(total);
    if (dk == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    dk->log2_size = log2_size;
    dk->log2_index_bytes = log2_bytes;
    dk->usable = (tn_ssize_t)usable;
    dk->nentries = 0;
    memset(dk->indices, 0xff, (size_t)1 << log2_bytes);
    return dk;
}

/* Smallest log2 size >= minsize (at least 8 slots). */
static uint8_t log2_keysize(tn_ssize_t minsize)
{
    uint8_t log2 = LOG2_MINSIZE;
    while (log2 < 62 && ((tn_ssize_t)1 << log2) < minsize)
        log2++;
    return log2;
}

/* A size whose usable fraction holds n entries (CPython's estimate_log2_keysize). */
static uint8_t estimate_log2_keysize(tn_ssize_t n)
{
    return log2_keysize((n * 3 + 1) / 2);
}

/* The first empty or dummy slot on hash's probe chain. */
static size_t find_empty_slot(const TnDictKeys *dk, tn_hash_t hash)
{
    size_t mask = dk_size(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (get_index(dk, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The slot holding entry index ix on hash's probe chain. */
static size_t find_index_slot(const TnDictKeys *dk, tn_hash_t hash, tn_ssize_t ix)
{
    size_t mask = dk_size(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        tn_ssize_t cur = get_index(dk, i);
        if (cur == ix || cur == DKIX_EMPTY)
            return i;   /* DKIX_EMPTY cannot happen for a live entry */
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Append an entry known not to be present to a table with room for it
 * (no lookup, no refcounting). */
static void insert_clean(TnDictKeys *dk, TnObject *key, tn_hash_t hash, TnObject *value)
{
    size_t slot = find_empty_slot(dk, hash);
    TnDictEntry *ep = &dk_entries(dk)[dk->nentries];
    set_index(dk, slot, dk->nentries);
    ep->hash = hash;
    ep->key = key;
    ep->value = value;
    dk->nentries++;
    dk->usable--;
}

/* The hash used for dict keys: str's cached hash for exact str. */
static inline tn_hash_t key_hash(TnObject *key)
{
    if (tn_str_check_exact(key))
        return tn_str_hash(key);
    return tn_object_hash(key);
}

/* ---- lookup --------------------------------------------------------------- */

/* Equality of two keys with equal hashes without calling __eq__, when both
 * are exact str or both exact int: 1 / 0; -1 when == must be called. */
static inline int exact_same(TnObject *a, TnObject *b, bool b_is_str)
{
    if (b_is_str)
        return tn_str_check_exact(a) ? tn_str_eq(a, b) : -1;
    if (tn_int_check_exact(a) && tn_int_check_exact(b)) {
        int ova, ovb;
        int64_t x = tn_int_as_i64(a, &ova), y = tn_int_as_i64(b, &ovb);
        if (!ova && !ovb)
            return x == y;
    }
    return -1;
}

/* One probe of the table for key.  Returns the entry index (value in
 * *value_addr, borrowed), DKIX_EMPTY (missing), DKIX_ERROR (__eq__
 * raised) or DKIX_KEY_CHANGED (the table changed during __eq__: start over).
 * Lock held; may run arbitrary code. */
static tn_ssize_t lookup_once_lock_held(TnDict *mp, TnObject *key, tn_hash_t hash, TnObject **value_addr)
{
    tn_critical_section_assert_held(mp);
    TnDictKeys *dk = mp->keys;
    *value_addr = NULL;
    if (dk == NULL)
        return DKIX_EMPTY;
    size_t mask = dk_size(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    bool key_is_str = tn_str_check_exact(key);
    for (;;) {
        tn_ssize_t ix = get_index(dk, i);
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            TnDictEntry *ep = &dk_entries(dk)[ix];
            TnObject *startkey = ep->key;
            if (startkey == key) {
                *value_addr = ep->value;
                return ix;
            }
            if (ep->hash == hash) {
                int same = exact_same(startkey, key, key_is_str);
                if (same >= 0) {
                    if (same) {
                        *value_addr = ep->value;
                        return ix;
                    }
                } else {
                    tn_incref(startkey);
                    int cmp = tn_object_richcompare_bool(startkey, key, TN_EQ);
                    tn_decref(startkey);
                    if (cmp < 0)
                        return DKIX_ERROR;
                    if (dk != mp->keys || ep->key != startkey)
                        return DKIX_KEY_CHANGED;
                    if (cmp > 0) {
                        *value_addr = ep->value;
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Find key: entry index with *value_addr set (borrowed), DKIX_EMPTY, or
 * DKIX_ERROR with an exception.  Lock held; may run arbitrary code. */
static tn_ssize_t lookup_lock_held(TnDict *mp, TnObject *key, tn_hash_t hash, TnObject **value_addr)
{
    tn_critical_section_assert_held(mp);
    tn_ssize_t ix;
    do {
        ix = lookup_once_lock_held(mp, key, hash, value_addr);
    } while (ix == DKIX_KEY_CHANGED);
    return ix;
}

/* 1 found (*result new ref), 0 missing, -1 error.  Lock held. */
static int get_item_lock_held(TnDict *mp, TnObject *key, tn_hash_t hash, TnObject **result)
{
    tn_critical_section_assert_held(mp);
    TnObject *value;
    tn_ssize_t ix = lookup_lock_held(mp, key, hash, &value);
    *result = NULL;
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || value == NULL)
        return 0;
    *result = tn_newref(value);
    return 1;
}

/* ---- mutation --------------------------------------------------------------- */

/* Rebuild the table with 2**log2_newsize slots, dropping deleted entries
 * (insertion order kept).  0 / -1 (MemoryError, dict unchanged).  Lock held. */
static int resize_lock_held(TnDict *mp, uint8_t log2_newsize)
{
    tn_critical_section_assert_held(mp);
    TnDictKeys *old = mp->keys, *nk = new_keys(log2_newsize);
    if (nk == NULL)
        return -1;
    if (old != NULL) {
        TnDictEntry *ep = dk_entries(old);
        for (tn_ssize_t i = 0; i < old->nentries; i++) {
            if (ep[i].value != NULL)
                insert_clean(nk, ep[i].key, ep[i].hash, ep[i].value);
        }
        tn_mem_free(old);
    }
    mp->keys = nk;
    return 0;
}

/* Make room for one more entry (CPython's insertion_resize: size >= used*3). */
static int insertion_resize_lock_held(TnDict *mp)
{
    tn_critical_section_assert_held(mp);
    if (mp->keys == NULL)
        return resize_lock_held(mp, LOG2_MINSIZE);
    return resize_lock_held(mp, log2_keysize(mp->used * 3));
}

/* d[key] = value.  key and value are borrowed; the dict takes its own
 * references.  A replaced value is returned in *old_value for the caller to
 * release after the critical section.  0 / -1.  Lock held; may run
 * arbitrary code (__eq__). */
static int insert_lock_held(TnDict *mp, TnObject *key, tn_hash_t hash, TnObject *value, TnObject **old_value)
{
    tn_critical_section_assert_held(mp);
    TnObject *old;
    *old_value = NULL;
    tn_ssize_t ix = lookup_lock_held(mp, key, hash, &old);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY) {
        if ((mp->keys == NULL || mp->keys->usable <= 0) && insertion_resize_lock_held(mp) < 0)
            return -1;
        insert_clean(mp->keys, tn_newref(key), hash, tn_newref(value));
        mp->used++;
        mp->version++;
        return 0;
    }
    TnDictEntry *ep = &dk_entries(mp->keys)[ix];
    if (ep->value != value) {
        *old_value = ep->value;
        ep->value = tn_newref(value);
        mp->version++;
    }
    return 0;
}

/* Unlink entry ix (found through hash): its key and value references move
 * to *old_key / *old_value.  Lock held. */
static void delete_entry_lock_held(TnDict *mp, tn_ssize_t ix, tn_hash_t hash, TnObject **old_key,
                                   TnObject **old_value)
{
    tn_critical_section_assert_held(mp);
    TnDictKeys *dk = mp->keys;
    TnDictEntry *ep = &dk_entries(dk)[ix];
    set_index(dk, find_index_slot(dk, hash, ix), DKIX_DUMMY);
    *old_key = ep->key;
    *old_value = ep->value;
    ep->key = NULL;
    ep->value = NULL;
    mp->used--;
    mp->version++;
}

/* Remove key: 1 removed (*old_key and *old_value to release), 0 missing, -1
 * error.  Lock held; may run arbitrary code (__eq__). */
static int pop_lock_held(TnDict *mp, TnObject *key, tn_hash_t hash, TnObject **old_key, TnObject **old_value)
{
    tn_critical_section_assert_held(mp);
    TnObject *value;
    *old_key = *old_value = NULL;
    tn_ssize_t ix = lookup_lock_held(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY)
        return 0;
    delete_entry_lock_held(mp, ix, hash, old_key, old_value);
    return 1;
}

/* Empty the dict; the old table is returned for release.  Lock held. */
static TnDictKeys *clear_lock_held(TnDict *mp)
{
    tn_critical_section_assert_held(mp);
    TnDictKeys *old = mp->keys;
    mp->keys = NULL;
    mp->used = 0;
    mp->version++;
    return old;
}

/* Drop every reference held by a detached table and free it: entries in
 * order, each key before its value, as CPython's free_keys_object (deep
 * nesting is the trashcan's business, see tn_dealloc). */
static void free_keys(TnDictKeys *dk)
{
    if (dk == NULL)
        return;
    TnDictEntry *ep = dk_entries(dk);
    for (tn_ssize_t i = 0; i < dk->nentries; i++) {
        tn_xdecref(ep[i].key);
        tn_xdecref(ep[i].value);
    }
    tn_mem_free(dk);
}

/* ---- public API ------------------------------------------------------------- */

TnObject *tn_dict_new(void)
{
    return tn_object_new(&tn_type_dict, sizeof(TnDict));
}

static inline tn_ssize_t used_lock_held(TnDict *mp)
{
    tn_critical_section_assert_held(mp);
    return mp->used;
}

tn_ssize_t tn_dict_size(TnObject *d)
{
    tn_ssize_t n;
    TN_BEGIN_CRITICAL_SECTION(d);
    n = used_lock_held(as_dict(d));
    TN_END_CRITICAL_SECTION();
    return n;
}

int tn_dict_get_item_known_hash_ref(TnObject *d, TnObject *key, tn_hash_t hash, TnObject **result)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(d);
    r = get_item_lock_held(as_dict(d), key, hash, result);
    TN_END_CRITICAL_SECTION();
    return r;
}

int tn_dict_get_item_ref(TnObject *d, TnObject *key, TnObject **result)
{
    tn_hash_t hash = key_hash(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    return tn_dict_get_item_known_hash_ref(d, key, hash, result);
}

/* Lookup of an exact str key that never raises: a stored key that is not
 * an exact str but has the same hash is compared with ==, and an exception
 * from that comparison counts as "not equal".  Lock held. */
static TnObject *get_str_lock_held(TnDict *mp, TnObject *key)
{
    tn_critical_section_assert_held(mp);
    TnDictKeys *dk = mp->keys;
    if (dk == NULL)
        return NULL;
    tn_hash_t hash = tn_str_hash(key);
    size_t mask = dk_size(dk) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        tn_ssize_t ix = get_index(dk, i);
        if (ix == DKIX_EMPTY)
            return NULL;
        if (ix >= 0) {
            TnDictEntry *ep = &dk_entries(dk)[ix];
            if (ep->key == key)
                return ep->value;
            if (ep->hash == hash) {
                if (tn_str_check_exact(ep->key)) {
                    if (tn_str_eq(ep->key, key))
                        return ep->value;
                } else {
                    /* Rare: fall back to the general lookup, keeping the
                     * caller's exception state intact. */
                    TnObject *saved = tn_err_fetch(), *value;
                    tn_ssize_t r = lookup_lock_held(mp, key, hash, &value);
                    tn_err_restore(saved);
                    return r >= 0 ? value : NULL;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

TnObject *tn_dict_get_str_borrowed(TnObject *d, TnObject *key)
{
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(d);
    v = get_str_lock_held(as_dict(d), key);
    TN_END_CRITICAL_SECTION();
    return v;
}

TnObject *tn_dict_get_str_ref(TnObject *d, TnObject *key)
{
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(d);
    v = tn_xnewref(get_str_lock_held(as_dict(d), key));
    TN_END_CRITICAL_SECTION();
    return v;
}

TnObject *tn_dict_get_cstr_borrowed(TnObject *d, const char *key)
{
    TnObject *k = tn_str_intern_cstr(key);
    if (k == NULL) {
        tn_err_clear();
        return NULL;
    }
    TnObject *v = tn_dict_get_str_borrowed(d, k);
    tn_decref(k);
    return v;
}

TnObject *tn_dict_get_cstr_ref(TnObject *d, const char *key)
{
    TnObject *k = tn_str_intern_cstr(key);
    if (k == NULL) {
        tn_err_clear();
        return NULL;
    }
    TnObject *v = tn_dict_get_str_ref(d, k);
    tn_decref(k);
    return v;
}

/* d[key] = value with key's hash known.  0 / -1. */
static int set_item_known_hash(TnObject *d, TnObject *key, tn_hash_t hash, TnObject *value)
{
    TnObject *old;
    int r;
    TN_BEGIN_CRITICAL_SECTION(d);
    r = insert_lock_held(as_dict(d), key, hash, value, &old);
    TN_END_CRITICAL_SECTION();
    tn_xdecref(old);
    return r;
}

int tn_dict_set_item(TnObject *d, TnObject *key, TnObject *value)
{
    tn_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_item_known_hash(d, key, hash, value);
}

int tn_dict_set_item_cstr(TnObject *d, const char *key, TnObject *value)
{
    TnObject *k = tn_str_intern_cstr(key);
    if (k == NULL)
        return -1;
    int r = tn_dict_set_item(d, k, value);
    tn_decref(k);
    return r;
}

int tn_dict_pop_item_ref(TnObject *d, TnObject *key, TnObject **result)
{
    tn_hash_t hash = key_hash(key);
    *result = NULL;
    if (hash == -1)
        return -1;
    TnObject *old_key;
    int r;
    TN_BEGIN_CRITICAL_SECTION(d);
    r = pop_lock_held(as_dict(d), key, hash, &old_key, result);
    TN_END_CRITICAL_SECTION();
    tn_xdecref(old_key);
    return r;
}

int tn_dict_del_item(TnObject *d, TnObject *key)
{
    TnObject *value;
    int r = tn_dict_pop_item_ref(d, key, &value);
    if (r == 0)
        tn_err_set_object(&tn_exc_KeyError, key);
    tn_xdecref(value);
    return r > 0 ? 0 : -1;
}

int tn_dict_contains(TnObject *d, TnObject *key)
{
    TnObject *value;
    int r = tn_dict_get_item_ref(d, key, &value);
    tn_xdecref(value);
    return r;
}

/* Entry at *pos or later: borrowed key/value, *pos advanced.  Lock held. */
static int next_lock_held(TnDict *mp, tn_ssize_t *pos, TnObject **key, TnObject **value)
{
    tn_critical_section_assert_held(mp);
    TnDictKeys *dk = mp->keys;
    tn_ssize_t i = *pos;
    if (dk == NULL || i < 0)
        return 0;
    TnDictEntry *ep = dk_entries(dk);
    while (i < dk->nentries && ep[i].value == NULL)
        i++;
    if (i >= dk->nentries)
        return 0;
    *pos = i + 1;
    if (key != NULL)
        *key = ep[i].key;
    if (value != NULL)
        *value = ep[i].value;
    return 1;
}

int tn_dict_next(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(d);
    r = next_lock_held(as_dict(d), pos, key, value);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* Like tn_dict_next with new references, for loops that run arbitrary code
 * between steps (the dict may change meanwhile). */
static int next_ref_lock_held(TnDict *mp, tn_ssize_t *pos, TnObject **key, TnObject **value)
{
    tn_critical_section_assert_held(mp);
    int r = next_lock_held(mp, pos, key, value);
    if (r) {
        tn_incref(*key);
        tn_incref(*value);
    }
    return r;
}

int tn_dict_next_ref(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(d);
    r = next_ref_lock_held(as_dict(d), pos, key, value);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* A copy of mp's table: cloned slot for slot when it has few holes,
 * otherwise rebuilt compactly.  Lock held. */
static int copy_into_lock_held(TnDict *mp, TnDict *copy)
{
    tn_critical_section_assert_held(mp);
    TnDictKeys *dk = mp->keys;
    if (dk == NULL || mp->used == 0)
        return 0;
    TnDictKeys *nk;
    if (mp->used >= (dk->nentries * 2) / 3) {
        nk = new_keys(dk->log2_size);
        if (nk == NULL)
            return -1;
        memcpy(nk->indices, dk->indices, (size_t)1 << dk->log2_index_bytes);
        memcpy(dk_entries(nk), dk_entries(dk), sizeof(TnDictEntry) * (size_t)dk->nentries);
        nk->nentries = dk->nentries;
        nk->usable = dk->usable;
        TnDictEntry *ep = dk_entries(nk);
        for (tn_ssize_t i = 0; i < nk->nentries; i++) {
            tn_xincref(ep[i].key);
            tn_xincref(ep[i].value);
        }
    } else {
        nk = new_keys(estimate_log2_keysize(mp->used));
        if (nk == NULL)
            return -1;
        TnDictEntry *ep = dk_entries(dk);
        for (tn_ssize_t i = 0; i < dk->nentries; i++) {
            if (ep[i].value != NULL)
                insert_clean(nk, tn_newref(ep[i].key), ep[i].hash, tn_newref(ep[i].value));
        }
    }
    copy->keys = nk;
    copy->used = mp->used;
    return 0;
}

TnObject *tn_dict_copy(TnObject *d)
{
    TnObject *copy = tn_dict_new();
    if (copy == NULL)
        return NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(d);
    r = copy_into_lock_held(as_dict(d), as_dict(copy));
    TN_END_CRITICAL_SECTION();
    if (r < 0)
        TN_CLEAR(copy);
    return copy;
}

/* ---- merge / update ----------------------------------------------------------- */

enum { MERGE_ERROR_ON_DUP = 0, MERGE_REPLACE = 1 };

/* d.update(other) for a dict other (CPython's dict_merge fast path).  With
 * MERGE_ERROR_ON_DUP a key already in d raises KeyError(key).  Both locks
 * held; may run arbitrary code (__eq__ of colliding keys, __del__ of
 * replaced values), after which other is re-checked. */
static int merge_dict_lock_held(TnDict *mp, TnDict *other, int mode)
{
    tn_critical_section_assert_held(mp);
    if (other == mp || other->used == 0)
        return 0;
    if (mp->used == 0)
        mode = MERGE_REPLACE;
    TnDictKeys *okeys = other->keys;
    if (mp->keys == NULL && other->used == okeys->nentries
        && (okeys->log2_size == LOG2_MINSIZE || (tn_ssize_t)USABLE_FRACTION(dk_size(okeys) / 2) < other->used)) {
        /* Empty target, compact source: clone the table as is. */
        mp->version++;
        return copy_into_lock_held(other, mp);
    }
    /* One big resize up front rather than several as entries arrive. */
    tn_ssize_t cap = mp->keys != NULL ? (tn_ssize_t)USABLE_FRACTION(dk_size(mp->keys)) : 0;
    if (cap < other->used && resize_lock_held(mp, estimate_log2_keysize(mp->used + other->used)) < 0)
        return -1;
    TnDictKeys *ok = other->keys;
    tn_ssize_t orig_nentries = ok->nentries;
    for (tn_ssize_t i = 0; i < other->keys->nentries; i++) {
        TnDictEntry *ep = &dk_entries(other->keys)[i];
        if (ep->value == NULL)
            continue;
        TnObject *key = tn_newref(ep->key), *value = tn_newref(ep->value), *old = NULL, *found = NULL;
        tn_hash_t hash = ep->hash;
        int err = 0;
        if (mode == MERGE_ERROR_ON_DUP) {
            err = get_item_lock_held(mp, key, hash, &found);
            if (err > 0) {
                tn_err_set_object(&tn_exc_KeyError, key);
                err = -1;
            }
        }
        if (err == 0)
            err = insert_lock_held(mp, key, hash, value, &old);
        tn_xdecref(found);
        tn_xdecref(old);
        tn_decref(value);
        tn_decref(key);
        if (err < 0)
            return -1;
        if (other->keys != ok || ok->nentries != orig_nentries) {
            tn_err_set_str(&tn_exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

/* Merge from any mapping: for key in other.keys(): d[key] = other[key]. */
static int merge_mapping(TnObject *d, TnObject *other, int mode)
{
    TnObject *keys = tn_call_method_cstr(other, "keys", NULL, 0);
    if (keys == NULL)
        return -1;
    TnObject *it = tn_object_get_iter(keys);
    tn_decref(keys);
    if (it == NULL)
        return -1;
    TnObject *key;
    int r = 0;
    while (r == 0 && (key = tn_iter_next(it)) != NULL) {
        if (mode == MERGE_ERROR_ON_DUP) {
            r = tn_dict_contains(d, key);
            if (r > 0) {
                tn_err_set_object(&tn_exc_KeyError, key);
                r = -1;
            }
        }
        if (r == 0) {
            TnObject *value = tn_object_getitem(other, key);
            r = value != NULL ? tn_dict_set_item(d, key, value) : -1;
            tn_xdecref(value);
        }
        tn_decref(key);
    }
    if (r == 0 && tn_err_occurred())
        r = -1;
    tn_decref(it);
    return r;
}

/* Does other use dict's own iteration (so its entries are its contents)? */
static bool is_plain_dict(TnObject *other)
{
    return tn_dict_check(other) && tn_type(other)->iter == tn_type_dict.iter;
}

int tn_dict_merge(TnObject *d, TnObject *other, int override)
{
    int mode = override ? MERGE_REPLACE : MERGE_ERROR_ON_DUP;
    if (!is_plain_dict(other))
        return merge_mapping(d, other, mode);
    int r;
    TN_BEGIN_CRITICAL_SECTION2(d, other);
    r = merge_dict_lock_held(as_dict(d), as_dict(other), mode);
    TN_END_CRITICAL_SECTION2();
    return r;
}

/* d.update(iterable of pairs) (CPython's PyDict_MergeFromSeq2, override). */
static int merge_pairs(TnObject *d, TnObject *seq)
{
    TnObject *it = tn_object_get_iter(seq);
    if (it == NULL)
        return -1;
    TnObject *item;
    int r = 0;
    for (tn_ssize_t i = 0; r == 0 && (item = tn_iter_next(it)) != NULL; i++) {
        TnObject *pair = tn_list_fast_tuple(item, "");
        tn_decref(item);
        if (pair == NULL) {
            if (tn_err_matches(&tn_exc_TypeError))
                tn_err_format(&tn_exc_TypeError,
                              "cannot convert dictionary update sequence element #%zd to a sequence", i);
            r = -1;
        } else if (tn_tuple_size(pair) != 2) {
            tn_err_format(&tn_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, tn_tuple_size(pair));
            r = -1;
        } else {
            r = tn_dict_set_item(d, tn_tuple_get(pair, 0), tn_tuple_get(pair, 1));
        }
        tn_xdecref(pair);
    }
    if (r == 0 && tn_err_occurred())
        r = -1;
    tn_decref(it);
    return r;
}

/* dict.update(other): a dict, anything with keys(), or pairs. */
int tn_dict_update(TnObject *d, TnObject *other)
{
    if (tn_dict_check_exact(other))
        return tn_dict_merge(d, other, 1);
    TnObject *keys_attr;
    int r = tn_object_lookup_attr(other, tn_str_intern_cstr("keys"), &keys_attr);
    if (r < 0)
        return -1;
    if (r > 0) {
        tn_decref(keys_attr);
        return tn_dict_merge(d, other, 1);
    }
    return merge_pairs(d, other);
}

/* ---- snapshots ---------------------------------------------------------------- */

enum { SNAP_KEYS, SNAP_VALUES, SNAP_ITEMS };

/* A list of the keys, values or (key, value) tuples.  Lock held. */
static TnObject *snapshot_lock_held(TnDict *mp, int what)
{
    tn_critical_section_assert_held(mp);
    TnObject *list = tn_list_new(mp->used);
    if (list == NULL)
        return NULL;
    tn_ssize_t pos = 0, j = 0;
    TnObject *k, *v;
    while (next_lock_held(mp, &pos, &k, &v)) {
        TnObject *x = what == SNAP_KEYS ? tn_newref(k) : what == SNAP_VALUES ? tn_newref(v) : tn_tuple_pack(2, k, v);
        if (x == NULL) {
            tn_decref(list);
            return NULL;
        }
        tn_list_set_steal(list, j++, x);
    }
    return list;
}

static TnObject *snapshot(TnObject *d, int what)
{
    TnObject *list;
    TN_BEGIN_CRITICAL_SECTION(d);
    list = snapshot_lock_held(as_dict(d), what);
    TN_END_CRITICAL_SECTION();
    return list;
}

TnObject *tn_dict_keys_list(TnObject *d) { return snapshot(d, SNAP_KEYS); }
TnObject *tn_dict_values_list(TnObject *d) { return snapshot(d, SNAP_VALUES); }
TnObject *tn_dict_items_list(TnObject *d) { return snapshot(d, SNAP_ITEMS); }

void tn_dict_clear(TnObject *d)
{
    TnDictKeys *old;
    TN_BEGIN_CRITICAL_SECTION(d);
    old = clear_lock_held(as_dict(d));
    TN_END_CRITICAL_SECTION();
    free_keys(old);
}

/* ---- access for dictviews.c ------------------------------------------------------- */

tn_ssize_t tn_dict_nentries_lock_held(TnObject *d)
{
    tn_critical_section_assert_held(d);
    TnDictKeys *dk = as_dict(d)->keys;
    return dk != NULL ? dk->nentries : 0;
}

TnDictEntry *tn_dict_entry_lock_held(TnObject *d, tn_ssize_t i)
{
    tn_critical_section_assert_held(d);
    TnDictKeys *dk = as_dict(d)->keys;
    if (dk == NULL || i < 0 || i >= dk->nentries)
        return NULL;
    return &dk_entries(dk)[i];
}

/* ---- type slots ------------------------------------------------------------------ */

static void dict_dealloc(TnObject *self)
{
    free_keys(as_dict(self)->keys);
    tn_object_free(self);
}

static int dict_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnDictKeys *dk = as_dict(self)->keys;
    if (dk == NULL)
        return 0;
    TnDictEntry *ep = dk_entries(dk);
    for (tn_ssize_t i = 0; i < dk->nentries; i++) {
        if (ep[i].value == NULL)
            continue;
        int r = visit(ep[i].key, arg);
        if (r == 0)
            r = visit(ep[i].value, arg);
        if (r != 0)
            return r;
    }
    return 0;
}

static int dict_clear_slot(TnObject *self)
{
    tn_dict_clear(self);
    return 0;
}

static tn_ssize_t dict_length(TnObject *self)
{
    return tn_dict_size(self);
}

/* d[key]; a subclass's __missing__ handles missing keys. */
static TnObject *dict_subscript(TnObject *self, TnObject *key)
{
    TnObject *value;
    int r = tn_dict_get_item_ref(self, key, &value);
    if (r > 0)
        return value;
    if (r < 0)
        return NULL;
    if (!tn_dict_check_exact(self)) {
        TnObject *missing = tn_type_lookup(tn_type(self), tn_str_intern_cstr("__missing__"));
        if (missing != NULL) {
            TnObject *args[2] = {self, key};
            tn_incref(missing);
            TnObject *res = tn_call(missing, args, 2, NULL);
            tn_decref(missing);
            return res;
        }
    }
    tn_err_set_object(&tn_exc_KeyError, key);
    return NULL;
}

static int dict_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    if (value == NULL)
        return tn_dict_del_item(self, key);
    return tn_dict_set_item(self, key, value);
}

static int dict_sq_contains(TnObject *self, TnObject *key)
{
    return tn_dict_contains(self, key);
}

/* "{'a': 1}"; "{...}" for a dict reached again while its repr runs.  Key
 * and value are held while their reprs run (which may mutate the dict). */
static TnObject *dict_repr(TnObject *self)
{
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("{...}") : NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    int err = tn_strw_putc(&w, '{');
    tn_ssize_t pos = 0;
    TnObject *key, *value;
    for (bool first = true; err == 0 && tn_dict_next_ref(self, &pos, &key, &value); first = false) {
        if (!first)
            err = tn_strw_puts(&w, ", ");
        if (err == 0)
            err = tn_strw_put_repr(&w, key);
        if (err == 0)
            err = tn_strw_puts(&w, ": ");
        if (err == 0)
            err = tn_strw_put_repr(&w, value);
        tn_decref(key);
        tn_decref(value);
    }
    if (err == 0)
        err = tn_strw_putc(&w, '}');
    tn_repr_leave(self);
    if (err < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

/* a == b for two dicts: 1, 0, -1.  Entries are re-read by index at each
 * step, and key/values are held across the comparisons.  Both locks held. */
static int equal_lock_held(TnDict *a, TnDict *b)
{
    tn_critical_section_assert_held(a);
    if (a->used != b->used)
        return 0;
    for (tn_ssize_t i = 0; a->keys != NULL && i < a->keys->nentries; i++) {
        TnDictEntry *ep = &dk_entries(a->keys)[i];
        if (ep->value == NULL)
            continue;
        TnObject *key = tn_newref(ep->key), *aval = tn_newref(ep->value), *bval;
        int cmp = get_item_lock_held(b, key, ep->hash, &bval);
        if (cmp > 0) {
            cmp = tn_object_richcompare_bool(aval, bval, TN_EQ);
            tn_decref(bval);
        }
        tn_decref(aval);
        tn_decref(key);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static TnObject *dict_richcompare(TnObject *v, TnObject *w, int op)
{
    if (!tn_dict_check(v) || !tn_dict_check(w) || (op != TN_EQ && op != TN_NE))
        return tn_newref(TN_NOTIMPLEMENTED);
    int cmp;
    TN_BEGIN_CRITICAL_SECTION2(v, w);
    cmp = equal_lock_held(as_dict(v), as_dict(w));
    TN_END_CRITICAL_SECTION2();
    if (cmp < 0)
        return NULL;
    return tn_bool_from(cmp == (op == TN_EQ));
}

/* d | other: a new dict. */
static TnObject *dict_or(TnObject *self, TnObject *other)
{
    if (!tn_dict_check(self) || !tn_dict_check(other))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *res = tn_dict_copy(self);
    if (res != NULL && tn_dict_update(res, other) < 0)
        TN_CLEAR(res);
    return res;
}

/* d |= other: any mapping or iterable of pairs. */
static TnObject *dict_ior(TnObject *self, TnObject *other)
{
    if (tn_dict_update(self, other) < 0)
        return NULL;
    return tn_newref(self);
}

/* dict(mapping_or_pairs=(), **kwargs) */
static int dict_init_args(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs > 0 && tn_dict_update(self, args[0]) < 0)
        return -1;
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    for (tn_ssize_t j = 0; j < nkw; j++) {
        if (tn_dict_set_item(self, tn_tuple_get(kwnames, j), args[nargs + j]) < 0)
            return -1;
    }
    return 0;
}

static TnObject *dict_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    /* A subclass is filled by dict.__init__ (or its own __init__). */
    bool subclass = type != &tn_type_dict;
    if (!subclass && tn_args_count("dict", nargs, 0, 1) < 0)
        return NULL;
    size_t size = sizeof(TnDict);
    if (type->basicsize > (tn_ssize_t)size)
        size = (size_t)type->basicsize;
    TnObject *self = tn_object_new(type, size);
    if (self != NULL && !subclass && dict_init_args(self, args, nargs, kwnames) < 0)
        TN_CLEAR(self);
    return self;
}

/* dict.__init__(self, [mapping or pairs], **kw): update self. */
static TnObject *dict_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_count("dict", nargs, 0, 1) < 0 || dict_init_args(self, args, nargs, kwnames) < 0)
        return NULL;
    return tn_newref(TN_NONE);
}

/* ---- methods ------------------------------------------------------------------------- */

static TnObject *dict_get_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("dict.get", kwnames) < 0 || tn_args_count("get", nargs, 1, 2) < 0)
        return NULL;
    TnObject *value;
    int r = tn_dict_get_item_ref(self, args[0], &value);
    if (r < 0)
        return NULL;
    if (r > 0)
        return value;
    return tn_newref(nargs > 1 ? args[1] : TN_NONE);
}

/* d.setdefault(key, dflt): the value for key, inserting dflt if missing.
 * New ref or NULL.  Lock held. */
static TnObject *setdefault_lock_held(TnDict *mp, TnObject *key, tn_hash_t hash, TnObject *dflt)
{
    tn_critical_section_assert_held(mp);
    TnObject *value, *old;
    int r = get_item_lock_held(mp, key, hash, &value);
    if (r != 0)
        return value;   /* found, or NULL on error */
    if (insert_lock_held(mp, key, hash, dflt, &old) < 0)
        return NULL;
    /* old is NULL: a concurrent __eq__ cannot have inserted the key, since
     * insert_lock_held repeats the lookup and would have replaced it. */
    tn_xdecref(old);
    return tn_newref(dflt);
}

static TnObject *dict_setdefault_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    if (tn_args_no_kw("dict.setdefault", kwnames) < 0 || tn_args_count("setdefault", nargs, 1, 2) < 0)
        return NULL;
    tn_hash_t hash = key_hash(args[0]);
    if (hash == -1)
        return NULL;
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION(self);
    res = setdefault_lock_held(as_dict(self), args[0], hash, nargs > 1 ? args[1] : TN_NONE);
    TN_END_CRITICAL_SECTION();
    return res;
}

static TnObject *dict_pop_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("dict.pop", kwnames) < 0 || tn_args_count("pop", nargs, 1, 2) < 0)
        return NULL;
    TnObject *value;
    int r = tn_dict_pop_item_ref(self, args[0], &value);
    if (r < 0)
        return NULL;
    if (r > 0)
        return value;
    if (nargs > 1)
        return tn_newref(args[1]);
    tn_err_set_object(&tn_exc_KeyError, args[0]);
    return NULL;
}

/* Remove the last entry into *key and *value (references transferred).  0, or
 * -1 with KeyError if empty.  Lock held. */
static int popitem_lock_held(TnDict *mp, TnObject **key, TnObject **value)
{
    tn_critical_section_assert_held(mp);
    if (mp->used == 0) {
        tn_err_set_str(&tn_exc_KeyError, "popitem(): dictionary is empty");
        return -1;
    }
    TnDictKeys *dk = mp->keys;
    TnDictEntry *ep = dk_entries(dk);
    tn_ssize_t i = dk->nentries - 1;
    while (i >= 0 && ep[i].value == NULL)
        i--;
    delete_entry_lock_held(mp, i, ep[i].hash, key, value);
    /* The slot keeps a dummy, so usable is not given back. */
    dk->nentries = i;
    return 0;
}

static TnObject *dict_popitem_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                   TnObject *kwnames)
{
    if (tn_args_no_kw("dict.popitem", kwnames) < 0 || tn_args_count("dict.popitem", nargs, 0, 0) < 0)
        return NULL;
    TnObject *res = tn_tuple_new(2);
    if (res == NULL)
        return NULL;
    TnObject *key = NULL, *value = NULL;
    int r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = popitem_lock_held(as_dict(self), &key, &value);
    TN_END_CRITICAL_SECTION();
    if (r < 0) {
        tn_decref(res);
        return NULL;
    }
    tn_tuple_set_steal(res, 0, key);
    tn_tuple_set_steal(res, 1, value);
    return res;
}

static TnObject *dict_update_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (tn_args_count("update", nargs, 0, 1) < 0 || dict_init_args(self, args, nargs, kwnames) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *dict_copy_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("dict.copy", kwnames) < 0 || tn_args_count("dict.copy", nargs, 0, 0) < 0)
        return NULL;
    return tn_dict_copy(self);
}

static TnObject *dict_clear_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("dict.clear", kwnames) < 0 || tn_args_count("dict.clear", nargs, 0, 0) < 0)
        return NULL;
    tn_dict_clear(self);
    return tn_none_ref();
}

/* dict.__sizeof__(): the dict object plus its key table (header, sparse
 * index and the whole entry array, as allocated by new_keys), like CPython's
 * _PyDict_SizeOf; sys.getsizeof reports it. */
static TnObject *dict_sizeof_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("dict.__sizeof__", kwnames) < 0 || tn_args_count("dict.__sizeof__", nargs, 0, 0) < 0)
        return NULL;
    tn_ssize_t size = tn_type(self)->basicsize;
    TN_BEGIN_CRITICAL_SECTION(self);
    const TnDictKeys *dk = as_dict(self)->keys;
    if (dk != NULL)
        size += (tn_ssize_t)(sizeof(TnDictKeys) + ((size_t)1 << dk->log2_index_bytes)
                             + USABLE_FRACTION(dk_size(dk)) * sizeof(TnDictEntry));
    TN_END_CRITICAL_SECTION();
    return tn_int_from_ssize(size);
}

/* dict.fromkeys(iterable, value=None), a class method: self is the class. */
static TnObject *dict_fromkeys_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (tn_args_no_kw("dict.fromkeys", kwnames) < 0 || tn_args_count("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    TnObject *value = nargs > 1 ? args[1] : TN_NONE;
    TnObject *d = self == TN_OBJ(&tn_type_dict) ? tn_dict_new() : tn_call_noargs(self);
    if (d == NULL)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        goto error;
    TnObject *key;
    int r = 0;
    while (r == 0 && (key = tn_iter_next(it)) != NULL) {
        r = tn_dict_check_exact(d) ? tn_dict_set_item(d, key, value) : tn_object_setitem(d, key, value);
        tn_decref(key);
    }
    tn_decref(it);
    if (r < 0 || tn_err_occurred())
        goto error;
    return d;
error:
    tn_decref(d);
    return NULL;
}

static TnObject *dict_contains_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (tn_args_no_kw("dict.__contains__", kwnames) < 0 || tn_args_count("dict.__contains__", nargs, 1, 1) < 0)
        return NULL;
    int r = tn_dict_contains(self, args[0]);
    return r < 0 ? NULL : tn_bool_from(r);
}

static TnObject *dict_getitem_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                   TnObject *kwnames)
{
    if (tn_args_no_kw("dict.__getitem__", kwnames) < 0 || tn_args_count("dict.__getitem__", nargs, 1, 1) < 0)
        return NULL;
    return dict_subscript(self, args[0]);
}

/* keys() / values() / items() / __reversed__: views and iterators live in
 * dictviews.c. */
static TnObject *view_meth(TnObject *self, tn_ssize_t nargs, TnObject *kwnames, const char *name, TnType *tp)
{
    if (tn_args_no_kw(name, kwnames) < 0 || tn_args_count(name, nargs, 0, 0) < 0)
        return NULL;
    return tn_dictview_new(self, tp);
}

static TnObject *dict_keys_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return view_meth(self, nargs, kwnames, "dict.keys", &tn_type_dict_keys);
}

static TnObject *dict_values_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return view_meth(self, nargs, kwnames, "dict.values", &tn_type_dict_values);
}

static TnObject *dict_items_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return view_meth(self, nargs, kwnames, "dict.items", &tn_type_dict_items);
}

static TnObject *dict_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (tn_args_no_kw("dict.__reversed__", kwnames) < 0 || tn_args_count("dict.__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return tn_dictiter_new(self, &tn_type_dict_reversekeyiterator);
}

static TnObject *dict_iter(TnObject *self)
{
    return tn_dictiter_new(self, &tn_type_dict_keyiterator);
}

static const TnMethodDef dict_methods[] = {
    {"__init__", dict_init_meth, 0, NULL},
    {"__contains__", dict_contains_meth, 0, "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_getitem_meth, 0, "x.__getitem__(y) <==> x[y]"},
    {"get", dict_get_meth, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_meth, 0,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", dict_pop_meth, 0,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", dict_popitem_meth, 0,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", dict_keys_meth, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dict_items_meth, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"values", dict_values_meth, 0, "D.values() -> an object providing a view on D's values"},
    {"update", dict_update_meth, 0,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
     "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
     "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
     "In either case, this is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", dict_fromkeys_meth, TN_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear_meth, 0, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy_meth, 0, "D.copy() -> a shallow copy of D"},
    {"__reversed__", dict_reversed_meth, 0, "Return a reverse iterator over the dict keys."},
    {"__sizeof__", dict_sizeof_meth, 0, "D.__sizeof__() -> size of D in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

static const TnNumberMethods dict_as_number = {
    .or_ = dict_or,
    .inplace_or = dict_ior,
};

static const TnSequenceMethods dict_as_sequence = {
    .contains = dict_sq_contains,
};

static const TnMappingMethods dict_as_mapping = {
    .length = dict_length,
    .subscript = dict_subscript,
    .ass_subscript = dict_ass_subscript,
};

TnType tn_type_dict = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "dict",
    .basicsize = sizeof(TnDict),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_DICT_SUBCLASS | TN_TPFLAGS_HAVE_GC,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .new_ = dict_new_from_python,
    .as_number = &dict_as_number,
    .as_sequence = &dict_as_sequence,
    .as_mapping = &dict_as_mapping,
    .methods = dict_methods,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
    .doc = "dict() -> new empty dictionary\n"
           "dict(mapping) -> new dictionary initialized from a mapping object's\n"
           "    (key, value) pairs\n"
           "dict(iterable) -> new dictionary initialized as if via:\n"
           "    d = {}\n"
           "    for k, v in iterable:\n"
           "        d[k] = v\n"
           "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
           "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};
