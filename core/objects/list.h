/* core/objects/list.h — list: a resizable array of references.
 *
 * Locking contract: in the ft flavour every mutation and every read of the
 * item array happens inside the list's critical section.  Functions named
 * _lock_held require the caller to hold it; the public functions take it.
 */
#ifndef TN_LIST_H
#define TN_LIST_H

#include "core/object.h"

typedef struct TnList {
    TnObject ob;
    tn_ssize_t size;
    tn_ssize_t allocated;
    TnObject **items;
} TnList;

extern TnType tn_type_list;

static inline bool tn_list_check(const TnObject *op)
{
    return (op->type->flags & TN_TPFLAGS_LIST_SUBCLASS) != 0;
}
static inline bool tn_list_check_exact(const TnObject *op) { return op->type == &tn_type_list; }

/* n NULL items (for the caller to fill with tn_list_set_steal). */
TnObject *tn_list_new(tn_ssize_t n);
static inline void tn_list_set_steal(TnObject *op, tn_ssize_t i, TnObject *v) { ((TnList *)op)->items[i] = v; }
tn_ssize_t tn_list_size(TnObject *op);
/* Borrowed item; no bounds check.  Only under the GIL or the critical section. */
static inline TnObject *tn_list_get_lock_held(TnObject *op, tn_ssize_t i) { return ((TnList *)op)->items[i]; }
/* New reference to item i (negative indexes NOT normalised); NULL + IndexError. */
TnObject *tn_list_get_item_ref(TnObject *op, tn_ssize_t i);
int tn_list_append(TnObject *op, TnObject *item);          /* increfs item; 0 / -1 */
/* item_steal is consumed even when appending fails. */
int tn_list_append_steal(TnObject *op, TnObject *item_steal);
int tn_list_extend(TnObject *op, TnObject *iterable);
TnObject *tn_list_as_tuple(TnObject *op);
/* If the list has exactly n items, store new references to them in
 * out[0..n-1] and return n; otherwise store nothing and return the size.
 * One critical section, so the size check and the reads agree even while
 * other threads resize the list (UNPACK_SEQUENCE). */
tn_ssize_t tn_list_items_if_size_ref(TnObject *op, tn_ssize_t n, TnObject **out);
TnObject *tn_list_from_iterable(TnObject *iterable);      /* list(iterable) */
/* operator.length_hint(o, dflt): len(o), else o.__length_hint__(), else
 * dflt.  >= 0, or -1 with an exception. */
tn_ssize_t tn_object_length_hint(TnObject *o, tn_ssize_t dflt);
/* Stable sort in place; key may be NULL.  0 / -1. */
int tn_list_sort(TnObject *op, TnObject *key, int reverse);

/* ---- additions (containers task) --------------------------------------- */

extern TnType tn_type_list_iterator, tn_type_list_reverseiterator;
/* CPython's PySequence_Fast as a tuple nobody else can mutate: v itself if
 * an exact tuple, else a new tuple of v's items (a list is copied under its
 * lock, any other iterable is iterated).  A TypeError from iter(v) is
 * replaced by TypeError(type_error_msg).  New ref or NULL. */
TnObject *tn_list_fast_tuple(TnObject *v, const char *type_error_msg);

#endif
