/* threading/qsbr.h — quiescent-state-based reclamation: delayed decrefs for
 * fields that other threads read without a lock.  Design and the rule for
 * such fields: docs/threading.md, "Fields read without a lock (QSBR)".
 *
 * The problem.  A setter that replaces a field with a plain store and an
 * immediate decref of the old value frees it while another thread, which
 * has just loaded the old pointer, is about to incref it.  Under the GIL the
 * reader's load and incref cannot be separated by the writer; in ft they
 * can.
 *
 * The mechanism (as CPython's Python/qsbr.c, simplified):
 *  - a global write sequence `wr_seq`;
 *  - every registered thread publishes `seq`: the value of wr_seq it saw at
 *    its last quiescent state, a point where it holds no pointer loaded from
 *    a lock-free field without a reference (the eval loop's check points);
 *    0 while it is detached (offline: blocked threads touch no object);
 *  - tn_decref_delayed(old) advances wr_seq to a goal and queues (old, goal)
 *    on the calling thread; the decref runs once every online thread's seq
 *    has reached the goal, i.e. each has passed a quiescent state after the
 *    new value was stored, so none can still hold the old pointer.
 *
 * The gil flavour has the same vocabulary: the struct exists and every
 * function is plain (tn_decref_delayed is tn_decref, loads are plain).
 */
#ifndef TN_QSBR_H
#define TN_QSBR_H

#include <stddef.h>
#include <stdint.h>
#include "core/object.h"
#include "threading/atomic.h"

typedef struct TnQsbrItem {
    TnObject *obj;             /* a reference the queue owns */
    intptr_t goal;             /* decref once every online thread's seq >= goal */
} TnQsbrItem;

typedef struct TnQsbrThread {
    intptr_t seq;              /* atomic: wr_seq at the last quiescent state; 0 = offline */
    struct TnQsbrThread *prev, *next;   /* the registry (qsbr.c), under its mutex */
    /* Delayed decrefs, oldest first; only this thread touches them. */
    TnQsbrItem *items;
    size_t len, cap;
    size_t poll_at;            /* tn_decref_delayed polls when len reaches this */
    uint32_t countdown;        /* check points until the next poll while len > 0 */
    int registered;
} TnQsbrThread;

/* Check points between polls of a non-empty queue (tn_qsbr_quiescent). */
#define TN_QSBR_POLL_INTERVAL 64u
/* Queue length at which tn_decref_delayed polls at once, and the length
 * past which it waits (detached) for the laggard threads instead of growing
 * the queue further: the memory bound. */
#define TN_QSBR_POLL_LEN 128u
#define TN_QSBR_HARD_LIMIT ((size_t)1 << 20)

/* Register / unregister the calling thread (its state embeds t).  A thread
 * that unregisters hands its queue to the registry, which whoever polls
 * next processes. */
void tn_qsbr_register(TnQsbrThread *t);
void tn_qsbr_unregister(TnQsbrThread *t);
/* Detach / attach (threading/tstate.c): offline / online again. */
void tn_qsbr_detach(TnQsbrThread *t);
void tn_qsbr_attach(TnQsbrThread *t);
/* Run the decrefs whose goal every online thread has reached.  Returns the
 * number still queued on t. */
size_t tn_qsbr_poll(TnQsbrThread *t);
/* Process-exit: the calling thread is the only one left running Python
 * code that matters; drop whatever is queued anywhere (its own queue and
 * the orphans of exited threads) without waiting. */
void tn_qsbr_fini(TnQsbrThread *t);

/* Drop a reference to op, an old value just replaced in a field that other
 * threads may be reading lock-free.  gil: tn_decref.  ft: queued until
 * every online thread has passed a check point (at once while only one
 * thread exists).  May detach the calling thread when its queue is over
 * TN_QSBR_HARD_LIMIT. */
void tn_decref_delayed(TnObject *op);
static inline void tn_xdecref_delayed(TnObject *op)
{
    if (op != NULL)
        tn_decref_delayed(op);
}

/* ---- lock-free fields --------------------------------------------------------
 * The RULE for a TnObject * field that a thread may read while another
 * replaces it without both holding the owner's lock:
 *  - writers replace it only with tn_field_replace_steal (atomic exchange
 *    and tn_decref_delayed of the old value), or inside the owner's
 *    critical section with tn_field_store + tn_xdecref_delayed when several
 *    fields must change together;
 *  - readers take tn_field_get_ref (load + incref, nothing in between), or
 *    tn_field_load for a borrowed pointer that is used only until the next
 *    quiescent state of the reading thread: no Python code, no blocking lock
 *    (a contended critical section detaches), no TN_BEGIN_ALLOW_THREADS
 *    before the last use.  Anything longer needs a reference.
 * Initialising a field of an object no other thread can see yet, and
 * clearing fields in a dealloc, stay plain. */

static inline TnObject *tn_field_load(TnObject *const *slot)
{
    return (TnObject *)tn_atomic_load_ptr_acquire((void *const *)slot);
}

static inline TnObject *tn_field_get_ref(TnObject *const *slot)
{
    TnObject *v = tn_field_load(slot);
    if (v != NULL)
        tn_incref(v);
    return v;
}

/* Publish value in *slot (the caller holds the owner's section and drops
 * the old value with tn_xdecref_delayed). */
static inline void tn_field_store(TnObject **slot, TnObject *value)
{
    tn_atomic_store_ptr_release((void **)slot, value);
}

/* Replace *slot by value_steal (may be NULL); the old value's reference is
 * dropped with tn_xdecref_delayed. */
static inline void tn_field_replace_steal(TnObject **slot, TnObject *value_steal)
{
    TnObject *old = (TnObject *)tn_atomic_exchange_ptr((void **)slot, value_steal);
    tn_xdecref_delayed(old);
}

/* For memory reclaimed lock-free (alloc/obj_ft.c, alloc/sysblock.c):
 * advance wr_seq and return the new value as a goal (a full barrier: what
 * the caller freed before is covered); and the smallest seq of an online
 * thread (wr_seq when none is): every goal <= it has been passed.  Neither
 * touches an object.  gil: both return 0 (no reader can be behind). */
intptr_t tn_qsbr_advance(void);
intptr_t tn_qsbr_min_online_seq(void);

/* ---- the check point ------------------------------------------------------- */

#if TN_FREE_THREADED

extern intptr_t tn_qsbr_wr_seq_;   /* atomic: the global write sequence */

/* The work of a check point when wr_seq moved or t has a queue (qsbr.c). */
void tn_qsbr_quiescent_slow(TnQsbrThread *t, intptr_t wr_seq);

/* A quiescent state: called at every eval-loop check point.  The common
 * case (nothing was delayed anywhere since this thread's last report, and
 * it has no queue) is two plain loads and one branch; the slow path
 * publishes seq (release, after an acquire load of wr_seq) and polls. */
static inline void tn_qsbr_quiescent(TnQsbrThread *t)
{
    intptr_t s = tn_atomic_load_intptr_relaxed(&tn_qsbr_wr_seq_);
    if (TN_UNLIKELY(((uintptr_t)(s ^ t->seq) | t->len) != 0))
        tn_qsbr_quiescent_slow(t, s);
}

#else

static inline void tn_qsbr_quiescent(TnQsbrThread *t) { (void)t; }

#endif

#endif
