/* core/objects/weakref.h — weak references: weakref.ReferenceType (`ref`),
 * weakref.ProxyType and weakref.CallableProxyType (design: docs/weakref.md).
 *
 * An object is weakly referenceable when its type has a non-zero
 * weaklistoffset: the offset of a TnObject * in the instance, the head of
 * the doubly linked list of the weak references to it.  A weak reference
 * does not own its referent; the referent's destruction detaches every
 * weak reference first (tn_weakref_clear_on_dealloc, called by tn_dealloc
 * before the type's dealloc) and then calls their callbacks.
 *
 * Thread safety (ft): every list, and the referent pointer of every weak
 * reference in it, is guarded by one of a small array of striped mutexes
 * chosen by the referent's address; a weak reference remembers its stripe.
 * Reading the referent takes the stripe and then tn_try_incref
 * (core/object.h), which fails once the referent's destruction is decided;
 * the destruction itself takes the same stripe before the memory is freed.
 * The gil flavour takes no lock.
 */
#ifndef TN_WEAKREF_H
#define TN_WEAKREF_H

#include <stdbool.h>
#include "core/object.h"

struct TnMutex;

typedef struct TnWeakRef {
    TnObject ob;
    /* The referent (not owned), NULL once it died or the reference was
     * cleared.  Written under the stripe; read under it or atomically. */
    TnObject *referent;
    TnObject *callback;           /* owned, or NULL */
    tn_hash_t hash;               /* hash of the referent, -1 until computed */
    struct TnWeakRef *prev;       /* neighbours in the referent's list (stripe) */
    struct TnWeakRef *next;
    struct TnMutex *lock;         /* the stripe of the referent, set at creation */
} TnWeakRef;

extern TnType tn_type_weakref, tn_type_weakproxy, tn_type_weakcallableproxy;

static inline bool tn_weakref_check(const TnObject *op) { return tn_object_type_check(op, &tn_type_weakref); }
static inline bool tn_weakref_check_proxy(const TnObject *op)
{
    return tn_type(op) == &tn_type_weakproxy || tn_type(op) == &tn_type_weakcallableproxy;
}

/* weakref.ref(ob, callback) / weakref.proxy(ob, callback); callback NULL
 * or None for none.  A callback-less ref or proxy is shared: the existing
 * one is returned.  TypeError if ob is not weakly referenceable.  New ref
 * or NULL. */
TnObject *tn_weakref_new_ref(TnObject *ob, TnObject *callback);
TnObject *tn_weakref_new_proxy(TnObject *ob, TnObject *callback);
/* The referent of a ref or proxy as a new reference, or NULL (no
 * exception) if it is dead. */
TnObject *tn_weakref_get_ref(TnObject *wr);
/* Number of weak references (refs and proxies) to ob; 0 if ob's type has
 * none. */
tn_ssize_t tn_weakref_count(TnObject *ob);
/* A new list of the live weak references to ob, in list order. */
TnObject *tn_weakref_list(TnObject *ob);
/* instance.__weakref__: the first live weak reference to ob, or None.  New ref. */
TnObject *tn_weakref_first(TnObject *ob);

/* tn_dealloc: op's count reached zero and its destruction starts.  If it
 * has weak references, detach every one (they then report op dead) and
 * call the callbacks of those that are not themselves being destroyed,
 * each with its weak reference, the most recently created first (list
 * order), errors reported as unraisable ("Exception ignored in: <callback
 * repr>" and the traceback).  Must run before op's memory is freed. */
void tn_weakref_clear_on_dealloc(TnObject *op);

/* For the cycle collectors, which clear the weak references of every
 * unreachable object first and run callbacks only later, after the world
 * restarts (gc/gc.h's TnGCHooks.clear_weakrefs / call_weakref_callback).
 *
 * tn_weakref_clear_for_gc detaches every weak reference to op (each then
 * reports op dead) and calls no Python code.  For each detached weak
 * reference wr that has a callback, that is not being destroyed (its count
 * is not 0) and for which is_unreachable(wr) is false (is_unreachable may
 * be NULL: all qualify), it calls keep(wr, arg) with a NEW reference to wr
 * that keep takes over; the callback stays in wr (wr.__callback__), as
 * CPython's collector leaves it.  Weak references that are themselves
 * unreachable keep their callback too, uncalled, and their clear slot
 * drops it (CPython calls callbacks only of reachable weak references).
 * Returns 0, or the first non-zero value keep returned (every weak
 * reference is detached all the same; keep is not called again).  Takes
 * only the stripe locks: fine with the world stopped (no thread holds a
 * stripe while parked) and in the gil flavour.
 *
 * tn_weakref_call_callback calls wr's callback, if it still has one, with
 * wr as argument, reporting an error as unraisable as the dealloc path
 * does; wr stays owned by the caller.  The caller must not hold an
 * exception (it runs Python code). */
int tn_weakref_clear_for_gc(TnObject *op, bool (*is_unreachable)(TnObject *wr),
                            int (*keep)(TnObject *wr, void *arg), void *arg);
void tn_weakref_call_callback(TnObject *wr);
/* If op is a weak reference (ref, ref subclass or proxy), detach it from its
 * referent (it then reports it dead) without calling or dropping its
 * callback: for the collector, when op itself is unreachable (its callback
 * must never run; its clear slot drops it).  Calls no Python code. */
void tn_weakref_detach(TnObject *op);

#endif
