/* core/objects/tuple.h — tuple: immutable, items inline after the header. */
#ifndef TN_TUPLE_H
#define TN_TUPLE_H

#include "core/object.h"

typedef struct TnTuple {
    TnObject ob;
    tn_ssize_t size;
    TnObject *items[];
} TnTuple;

extern TnType tn_type_tuple;

static inline bool tn_tuple_check(const TnObject *op)
{
    return (op->type->flags & TN_TPFLAGS_TUPLE_SUBCLASS) != 0;
}
static inline bool tn_tuple_check_exact(const TnObject *op) { return op->type == &tn_type_tuple; }
static inline tn_ssize_t tn_tuple_size(const TnObject *op) { return ((const TnTuple *)op)->size; }
/* Borrowed: tuples are immutable, so this is safe in both flavours. */
static inline TnObject *tn_tuple_get(const TnObject *op, tn_ssize_t i) { return ((const TnTuple *)op)->items[i]; }
static inline TnObject **tn_tuple_items(TnObject *op) { return ((TnTuple *)op)->items; }
/* Only while building a fresh tuple nobody else sees: */
static inline void tn_tuple_set_steal(TnObject *op, tn_ssize_t i, TnObject *v) { ((TnTuple *)op)->items[i] = v; }

/* n NULL items (the empty tuple is an immortal singleton).
 * Instances of tuple subclasses (tuple.__new__ with a subtype) are allocated
 * with type->basicsize + n item pointers: the items still start at
 * offsetof(TnTuple, items), so a subclass's own fields live after the items,
 * at (basicsize - sizeof(TnTuple)) bytes from the end (CPython keeps a tuple
 * subclass's __dict__ at a negative offset from the end for the same reason). */
TnObject *tn_tuple_new(tn_ssize_t n);
TnObject *tn_tuple_from_array(TnObject *const *items, tn_ssize_t n);   /* increfs */
TnObject *tn_tuple_pack(tn_ssize_t n, ...);                             /* increfs */
TnObject *tn_tuple_from_iterable(TnObject *iterable);
TnObject *tn_tuple_slice(TnObject *t, tn_ssize_t start, tn_ssize_t stop);

/* ---- additions (containers task) --------------------------------------- */

extern TnType tn_type_tuple_iterator;
/* CPython 3.11's tuple hash (xxHash-based) over precomputed item hashes
 * ("lanes"); hash(t) == tn_tuple_hash_from_lanes(hashes of the items).  Never
 * returns -1.  Used by types whose hash is defined as the hash of a tuple
 * (range). */
tn_hash_t tn_tuple_hash_from_lanes(const tn_hash_t *lanes, tn_ssize_t n);

#endif
