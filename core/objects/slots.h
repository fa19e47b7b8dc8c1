/* core/objects/slots.h — the dunder-method <-> C-slot correspondence.
 *
 * One table (slots.c) maps every special method name to the type slot that
 * implements it.  It is used in both directions:
 *  - builtin (static) types get wrapper descriptors in their dict for each
 *    slot they fill, so `int.__add__`, `object.__init__`, `super().__len__()`
 *    and `x.__repr__()` work;
 *  - classes defined in Python get generic slot functions for each dunder
 *    they define, so the eval loop keeps dispatching through slots only.
 */
#ifndef TN_SLOTS_H
#define TN_SLOTS_H

#include "core/object.h"

/* A class created by a class statement or type(name, bases, dict): the type
 * plus storage for its slot tables, which static types keep in const data. */
typedef struct TnHeapType {
    TnType type;
    TnNumberMethods as_number;
    TnSequenceMethods as_sequence;
    TnMappingMethods as_mapping;
    TnObject *name;          /* __name__ (str); type.name points into its UTF-8 */
    TnObject *qualname;      /* __qualname__ (str) */
    TnObject *slots;         /* __slots__ member names (tuple: mangled, sorted) or NULL */
    tn_ssize_t slotoffset;   /* field offset of the first member (see tn_object_field_ptr) */
    bool abstract;           /* __abstractmethods__ is set and true: no instances */
    bool weakrefable;        /* has a __weakref__ slot (own or inherited); decided before the
                                layout sets type.weaklistoffset */
    TnObject *subclasses;    /* list of classes deriving from this one, or NULL:
                                their slots follow when a dunder is assigned here */
    TnObject *retired;       /* ft: list of values replaced in or deleted from the
                                class dict, kept alive for lock-free lookups
                                (type.c, retire_lock_held), or NULL */
} TnHeapType;

/* Add wrapper descriptors for the filled slots of a static type (called by
 * tn_type_ready; names already in the dict are left alone).  0 / -1. */
int tn_slots_add_wrappers(TnType *tp);
/* Point a heap type's slots at the generic functions for every special
 * method its MRO defines in Python; others keep the inherited C slot. */
void tn_slots_fixup(TnHeapType *ht);
/* After `cls.__dunder__ = ...` (or del): refresh the slots of cls and of
 * every class deriving from it. */
void tn_slots_update(TnType *tp);
/* True if attr (found in a type's dict) is the wrapper of a C slot. */
bool tn_slots_is_wrapper(TnObject *attr);

/* object.__init__ / object.__new__ as they check excess arguments. */
TnObject *tn_object_new_impl(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

extern TnType tn_type_wrapper_descr;

#endif
