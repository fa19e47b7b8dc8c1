/* core/objects/repr_guard.h — recursion guard for the repr of containers.
 *
 * CPython's Py_ReprEnter / Py_ReprLeave: a container that may contain itself
 * (list, dict, tuple through an object, dict views) calls tn_repr_enter
 * before formatting its items and prints "[...]" / "{...}" when the object
 * is already being repr'd higher up in the same thread.  The set of objects
 * in progress is a list kept in the thread state (tstate->repr_running),
 * created on first use; the runtime frees it with the thread state.
 */
#ifndef TN_REPR_GUARD_H
#define TN_REPR_GUARD_H

#include "core/object.h"

/* 0: obj was not being repr'd and is now recorded (call tn_repr_leave when
 * done); 1: obj is already being repr'd in this thread (do not call leave);
 * -1: error (MemoryError) with an exception set. */
int tn_repr_enter(TnObject *obj);
/* Forget the most recent record of obj.  Never fails; preserves the current
 * exception. */
void tn_repr_leave(TnObject *obj);

#endif
