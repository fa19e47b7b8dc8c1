/* core/objects/type.h — type objects: readying static types, MRO lookup. */
#ifndef TN_TYPE_H
#define TN_TYPE_H

#include "core/object.h"

/* Fill dict (methods -> method descriptors, getsets -> getset descriptors),
 * base (default object), bases, mro, inherited slots, version_tag.  Called
 * once per static type at startup.  0 / -1. */
int tn_type_ready(TnType *tp);
/* tp's dict changed: forget cached lookups for it and its subclasses. */
void tn_type_modified(TnType *tp);
/* Register sub as a subclass of the heap type base (a weak reference in
 * base's subclasses list).  0 / -1. */
int tn_type_add_subclass(TnType *base, TnType *sub);
/* Call fn(sub, arg) for each live class registered with the heap type tp
 * (none for a static type); stops at and returns fn's first non-zero
 * result, else 0. */
int tn_type_visit_subclasses(TnType *tp, int (*fn)(TnType *sub, void *arg), void *arg);
/* Look name up along tp's MRO: borrowed value or NULL (no exception). */
TnObject *tn_type_lookup(TnType *tp, TnObject *name);
/* Drop a reference that lock-free readers in other threads may still be
 * using (a value removed from tp's dict, an instance dict replaced by
 * `obj.__dict__ = ...`): the gil flavour drops it now; the ft flavour keeps
 * it alive on tp's retired list for tp's lifetime (there is no quiescent-
 * state scheme yet to free it earlier).  old_steal may be NULL. */
void tn_type_retire_steal(TnType *tp, TnObject *old_steal);
/* __name__ of a type as a C string ("int").  A class's name can be
 * replaced by another thread: the pointer is good until the caller's next
 * check point (threading/qsbr.h); hold tn_type_name_str across Python code. */
static inline const char *tn_type_name(const TnType *tp)
{
    return (const char *)tn_atomic_load_ptr_acquire((void *const *)&tp->name);
}
/* A new reference to the type's dict entry __name__... as str. */
TnObject *tn_type_name_str(TnType *tp);
/* Default tp_new for types that cannot be instantiated from Python:
 * TypeError "cannot create 'X' instances". */
TnObject *tn_type_new_not_allowed(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

#endif
