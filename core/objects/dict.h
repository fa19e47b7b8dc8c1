/* core/objects/dict.h — dict: a compact, insertion-ordered hash table.
 *
 * Layout (as CPython 3.6+): a sparse index array of 1/2/4/8-byte slots
 * pointing into a dense entries array {hash, key, value} kept in insertion
 * order.  version is bumped on every mutation, for inline caches.
 *
 * Locking contract: as for list.  _lock_held functions need the dict's
 * critical section in ft; public functions take it.
 */
#ifndef TN_DICT_H
#define TN_DICT_H

#include "core/object.h"

typedef struct TnDictEntry {
    tn_hash_t hash;
    TnObject *key;       /* NULL = deleted entry (dummy) */
    TnObject *value;
} TnDictEntry;

typedef struct TnDictKeys TnDictKeys;   /* private to dict.c */

typedef struct TnDict {
    TnObject ob;
    tn_ssize_t used;       /* live entries */
    uint64_t version;      /* bumped on every change */
    TnDictKeys *keys;
} TnDict;

extern TnType tn_type_dict;
extern TnType tn_type_dict_keys, tn_type_dict_values, tn_type_dict_items;

static inline bool tn_dict_check(const TnObject *op)
{
    return (op->type->flags & TN_TPFLAGS_DICT_SUBCLASS) != 0;
}
static inline bool tn_dict_check_exact(const TnObject *op) { return op->type == &tn_type_dict; }

TnObject *tn_dict_new(void);
tn_ssize_t tn_dict_size(TnObject *d);
/* Lookup.  1 found (*result = new ref), 0 missing (*result = NULL), -1 error
 * (unhashable key, or __eq__ raised). */
int tn_dict_get_item_ref(TnObject *d, TnObject *key, TnObject **result);
/* Same with a precomputed hash. */
int tn_dict_get_item_known_hash_ref(TnObject *d, TnObject *key, tn_hash_t hash, TnObject **result);
/* For str keys only (exact str, hash cached): borrowed value or NULL, never an
 * error.  The VM uses this for globals/builtins; borrowed is safe only under the
 * GIL or while the caller holds a reference to the dict and no other thread
 * mutates it (ft flavour: see docs/threading.md). */
TnObject *tn_dict_get_str_borrowed(TnObject *d, TnObject *key);
/* The same lookup, never raising, as a new reference taken inside the
 * dict's section (NULL: missing).  Use it when another thread may replace
 * the value: a borrowed result could be freed before the caller increfs it. */
TnObject *tn_dict_get_str_ref(TnObject *d, TnObject *key);
TnObject *tn_dict_get_cstr_borrowed(TnObject *d, const char *key);
/* The same as a new reference (NULL: missing, never an error).  Use it for
 * values that a call made before the caller is done with them could replace
 * (sys.stdout, sys.excepthook, ...): the call, or another thread, may drop
 * the dict's reference meanwhile. */
TnObject *tn_dict_get_cstr_ref(TnObject *d, const char *key);
int tn_dict_set_item(TnObject *d, TnObject *key, TnObject *value);    /* increfs both; 0 / -1 */
int tn_dict_set_item_cstr(TnObject *d, const char *key, TnObject *value);
/* -1 with KeyError(key) if missing. */
int tn_dict_del_item(TnObject *d, TnObject *key);
/* 1 deleted, 0 missing (no error), -1 error. */
int tn_dict_pop_item_ref(TnObject *d, TnObject *key, TnObject **result);
int tn_dict_contains(TnObject *d, TnObject *key);                      /* 1 / 0 / -1 */
/* Iterate (borrowed key/value): pos starts at 0.  Returns 0 when done.
 * Only while the dict cannot change under you. */
int tn_dict_next(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value);
/* The same with new references, for loops that run code (Python code, or
 * anything another thread can interleave with) between steps. */
int tn_dict_next_ref(TnObject *d, tn_ssize_t *pos, TnObject **key, TnObject **value);
TnObject *tn_dict_copy(TnObject *d);
int tn_dict_update(TnObject *d, TnObject *other);      /* dict.update(other): mapping or pairs */
/* f(**m) merge: duplicate key is TypeError "f() got multiple values for keyword argument 'k'"
 * (the caller formats the function name); override=0 means error on duplicates.
 * override != 0: other's values replace d's.  override == 0: a key already in
 * d raises KeyError(key) (the caller turns it into the TypeError, as CPython's
 * DICT_MERGE does).  other is a dict or any object with keys() and
 * __getitem__ (AttributeError from the missing keys() otherwise). */
int tn_dict_merge(TnObject *d, TnObject *other, int override);
TnObject *tn_dict_keys_list(TnObject *d);
TnObject *tn_dict_values_list(TnObject *d);
TnObject *tn_dict_items_list(TnObject *d);
void tn_dict_clear(TnObject *d);

/* ---- additions (containers task) --------------------------------------- */

/* Iterator types (dictviews.c). */
extern TnType tn_type_dict_keyiterator, tn_type_dict_valueiterator, tn_type_dict_itemiterator;
extern TnType tn_type_dict_reversekeyiterator, tn_type_dict_reversevalueiterator,
    tn_type_dict_reverseitemiterator;
/* A view (tp: tn_type_dict_keys/values/items) on dict d.  New ref or NULL. */
TnObject *tn_dictview_new(TnObject *d, TnType *tp);
/* list(view) of an exact keys/values/items view, taken in one critical
 * section of the dict.  New ref or NULL. */
TnObject *tn_dictview_items_list(TnObject *view);
/* An iterator of type tp (one of the six above) over dict d.  New ref or NULL. */
TnObject *tn_dictiter_new(TnObject *d, TnType *tp);
/* For dictviews.c: the number of entry slots in use (live and deleted), and
 * entry i (NULL when i is out of range; key/value NULL when deleted).  Lock held. */
tn_ssize_t tn_dict_nentries_lock_held(TnObject *d);
TnDictEntry *tn_dict_entry_lock_held(TnObject *d, tn_ssize_t i);

#endif
