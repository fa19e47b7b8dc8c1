/* core/objects/set.h — set and frozenset: open-addressing hash tables of
 * (key, hash) entries, as CPython 3.11's setobject.c.
 *
 * Layout: `table` points at mask+1 entries (the embedded smalltable for
 * tables of TN_SET_MINSIZE slots, heap memory otherwise).  An entry is empty
 * (key NULL, hash 0), a dummy left by a deletion (key NULL, hash -1) or live.
 * fill counts live + dummy entries, used the live ones.  The probe sequence
 * and the resize policy are CPython's, so iteration order matches it for keys
 * whose hashes match (ints, tuples and frozensets of those).
 *
 * Locking contract: as for dict.  Public functions take the set's critical
 * section; frozensets are never mutated after construction.
 */
#ifndef TN_SET_H
#define TN_SET_H

#include "core/object.h"

#define TN_SET_MINSIZE 8

typedef struct TnSetEntry {
    TnObject *key;        /* NULL: empty (hash 0) or dummy (hash -1) */
    tn_hash_t hash;
} TnSetEntry;

typedef struct TnSet {
    TnObject ob;
    tn_ssize_t fill;      /* live + dummy entries */
    tn_ssize_t used;      /* live entries */
    tn_ssize_t mask;      /* table size - 1 (a power of two minus one) */
    TnSetEntry *table;
    tn_hash_t hash;       /* frozenset only: cached hash, -1 until computed */
    tn_ssize_t finger;    /* pop() search start */
    TnSetEntry smalltable[TN_SET_MINSIZE];
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnSet;

extern TnType tn_type_set, tn_type_frozenset, tn_type_set_iterator;

/* set or a subclass / frozenset or a subclass / either. */
static inline bool tn_set_check(const TnObject *op) { return tn_object_type_check(op, &tn_type_set); }
static inline bool tn_frozenset_check(const TnObject *op)
{
    return tn_object_type_check(op, &tn_type_frozenset);
}
static inline bool tn_anyset_check(const TnObject *op) { return tn_set_check(op) || tn_frozenset_check(op); }
static inline bool tn_anyset_check_exact(const TnObject *op)
{
    return op->type == &tn_type_set || op->type == &tn_type_frozenset;
}

/* A new set / frozenset holding the items of iterable (NULL: empty).  New
 * ref or NULL (TypeError for an unhashable item or a non-iterable). */
TnObject *tn_set_new(TnObject *iterable_or_NULL);
TnObject *tn_frozenset_new(TnObject *iterable_or_NULL);
/* set.add(key): 0 / -1 (unhashable key, or __eq__ raised). */
int tn_set_add(TnObject *set, TnObject *key);
/* key in anyset: 1 / 0 / -1.  A set key is looked up as a frozenset. */
int tn_set_contains(TnObject *anyset, TnObject *key);
/* set.discard(key): 1 removed, 0 absent, -1 error. */
int tn_set_discard(TnObject *set, TnObject *key);
tn_ssize_t tn_set_size(TnObject *anyset);
/* The items as a new list, taken in one critical section (list(s) must be
 * a consistent snapshot while other threads change s).  NULL on error. */
TnObject *tn_set_items_list(TnObject *anyset);
/* set.update(iterable): 0 / -1. */
int tn_set_update(TnObject *set, TnObject *iterable);
/* Iterate (borrowed key, and its hash when hash != NULL): pos starts at 0.
 * Returns 0 when done.  Only while the set cannot change under you. */
int tn_set_next(TnObject *anyset, tn_ssize_t *pos, TnObject **key, tn_hash_t *hash);
/* The frozenset constant CPython 3.11's compiler makes for a set display
 * of constants ({1, 2, 3} is BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1):
 * frozenset(tuple), rebuilt once from its own iteration order as CPython's
 * constant merging (merge_consts_recursive) does, so that the table layout
 * and thus the iteration order match.  New ref or NULL. */
TnObject *tn_frozenset_from_const_tuple(TnObject *tuple);

#endif
