/* threading/brc.c — biased reference counting slow paths and merge queues.
 * See threading/brc.h for the protocol; core/object.h for the fast paths.
 *
 * ref_shared holds (count << TN_REF_SHARED_SHIFT) | state, where state is
 *   UNSHARED  no other thread ever made the shared count negative; the
 *             owner still counts in ref_local;
 *   MAYBE_WEAKREF  the same, but weak references (or other lock-free
 *             readers that use tn_try_incref) may exist: the owner must not
 *             free the object on its fast path (ref_shared is never 0
 *             again), its last decref merges through a CAS, which orders it
 *             with a reader's tn_try_incref (core/object.h);
 *   QUEUED    a non-owner's decrement found the shared count at zero and
 *             handed the object to the owner instead of decrementing: the
 *             queue entry stands for that one reference;
 *   MERGED    the owner gave the object up (tid is 0, ref_local is 0): the
 *             shared count is the whole count.
 * The true count is ref_local + count, minus one while QUEUED and not yet
 * merged.  A correct program never drops a reference it does not hold, so
 * the true count cannot go below zero, which is what makes the transitions
 * below safe.
 *
 * Exit protocol (as CPython's _Py_brc_remove_thread).  Once a thread has
 * left the registry, other threads treat its objects as abandoned: a
 * decrement that would queue one merges it on the owner's behalf, reading
 * and clearing ref_local.  So the exiting thread must be completely done
 * with reference counting before it leaves: it merges its queue, and since
 * those merges can free objects whose destructors drop more references
 * (queueing more objects to it, or changing its own objects' local counts),
 * it repeats until it finds the queue empty under the bucket lock, and
 * leaves in that same critical section.  After tn_brc_thread_unregister
 * the thread must not touch any reference count.
 *
 * Merges on behalf of an exited owner run under the bucket lock.  Thread
 * ids are addresses of thread-local storage and are reused: a new thread
 * that gets an exited thread's id becomes the owner of that thread's
 * abandoned objects, and it registers under the same bucket lock.  Either
 * the on-behalf merge finishes first (the object is MERGED, tid 0: the new
 * thread only uses the shared count), or the registration does (the
 * decrement then finds the new owner and queues the object to it).  Merging
 * outside the lock would let the new thread change ref_local between the
 * merge's read of it and its store of 0, losing that update.  The same lock
 * orders the exited thread's last local updates (before it left, under the
 * lock) before the new owner's first ones (after it registered).  A thread
 * registers before it touches any reference count (tn_thread_state_new).
 */
#include "alloc/alloc.h"
#include "core/object.h"
#include "threading/brc.h"
#include "threading/eval_breaker.h"
#include "threading/thread_id.h"

_Thread_local char tn_thread_id_anchor;

#if TN_RC_BIASED

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* The registry of threads that own objects, keyed by thread id.  It is
 * process-wide rather than interpreter state because tn_decref, which needs
 * it, has no interpreter at hand; Tandem runs one interpreter per process. */
#define BRC_BUCKETS 64

typedef struct {
    pthread_mutex_t mutex;
    TnBrcThread *head;
} BrcBucket;

static BrcBucket brc_registry[BRC_BUCKETS] = {
#define B { PTHREAD_MUTEX_INITIALIZER, NULL }
    B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
    B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
#undef B
};
_Static_assert(BRC_BUCKETS == 64, "initialiser above has 64 entries");

static intptr_t brc_merged;   /* atomic: objects merged through a queue */

static BrcBucket *bucket_for(uintptr_t tid)
{
    /* Thread-local blocks are page-aligned-ish: mix the high bits in. */
    uintptr_t h = (tid >> 12) ^ (tid >> 20) ^ tid;
    return &brc_registry[h % BRC_BUCKETS];
}

static TnBrcThread *find_thread_locked(BrcBucket *b, uintptr_t tid)
{
    for (TnBrcThread *t = b->head; t != NULL; t = t->next)
        if (t->tid == tid)
            return t;
    return NULL;
}

/* Fold the local count (plus extra) into the shared count, give up
 * ownership and return the resulting count.  Called by the owner, or by any
 * thread once the owner has unregistered. */
static intptr_t explicit_merge(TnObject *op, intptr_t extra)
{
    /* Nothing may write to the object once another thread can free it, and
     * that is possible as soon as the CAS below makes it MERGED.  So the
     * CAS publishes the count plus one guard reference of our own; the
     * owner fields are cleared under that guard; dropping the guard last
     * tells whether the count is 0 (the caller then deallocates).  Meanwhile
     * tn_refcnt stays an upper bound of the true count. */
    intptr_t shared = tn_atomic_load_intptr_relaxed(&op->ref_shared);
    intptr_t count, desired;
    do {
        count = (shared >> TN_REF_SHARED_SHIFT) + (intptr_t)tn_atomic_load_u32_relaxed(&op->ref_local) + extra;
        desired = ((count + 1) << TN_REF_SHARED_SHIFT) | TN_REF_MERGED;
    } while (!tn_atomic_cas_intptr(&op->ref_shared, &shared, desired));
    tn_atomic_store_u32_relaxed(&op->ref_local, 0);
    tn_atomic_store_uintptr_relaxed(&op->tid, 0);
    intptr_t old = tn_atomic_add_intptr(&op->ref_shared, -((intptr_t)1 << TN_REF_SHARED_SHIFT));
    return (old >> TN_REF_SHARED_SHIFT) - 1;
}

void tn_brc_merge_zero_local(TnObject *op)
{
    intptr_t shared = tn_atomic_load_intptr_acquire(&op->ref_shared);
    if (shared == 0) {
        /* No other thread holds or ever dropped a reference: the common case. */
        tn_dealloc(op);
        return;
    }
    /* Other threads hold references: the shared count becomes the count. */
    tn_atomic_store_uintptr_relaxed(&op->tid, 0);
    intptr_t desired;
    do {
        desired = (shared & ~(intptr_t)TN_REF_FLAG_MASK) | TN_REF_MERGED;
    } while (!tn_atomic_cas_intptr(&op->ref_shared, &shared, desired));
    if (desired == TN_REF_MERGED)
        tn_dealloc(op);
}

static void queue_push_locked(TnBrcThread *t, TnObject *op)
{
    if (t->queue_len == t->queue_cap) {
        size_t cap = t->queue_cap ? t->queue_cap * 2 : 64;
        TnObject **q = tn_mem_raw_realloc(t->queue, cap * sizeof(TnObject *));
        if (q == NULL) {
            /* Cannot happen in practice (raw: exempt from the test
             * failure injection); losing the entry would leak or
             * double-free, so stop with a clear message instead. */
            fputs("Fatal Python error: out of memory in the reference count merge queue\n", stderr);
            abort();
        }
        t->queue = q;
        t->queue_cap = cap;
    }
    t->queue[t->queue_len++] = op;
}

/* The calling thread's decrement found the shared count at zero, turned it
 * into QUEUED and now hands the object (and that one reference) to its owner. */
static void queue_object(TnObject *op)
{
    uintptr_t tid = tn_atomic_load_uintptr_relaxed(&op->tid);
    if (tid == 0) {
        /* The owner is merging concurrently: drop the reference normally. */
        tn_decref(op);
        return;
    }
    BrcBucket *b = bucket_for(tid);
    intptr_t merged = -1;   /* the count after a merge on the owner's behalf */
    pthread_mutex_lock(&b->mutex);
    TnBrcThread *owner = find_thread_locked(b, tid);
    if (owner != NULL) {
        queue_push_locked(owner, op);
        if (owner->eval_breaker != NULL)
            tn_eval_breaker_set(owner->eval_breaker, TN_EVAL_BRC_MERGE);
    } else {
        /* The owner has exited: merge on its behalf, under the lock so that
         * no new thread with the same id can register and count locally
         * meanwhile (see the top of this file). */
        merged = explicit_merge(op, -1);
    }
    pthread_mutex_unlock(&b->mutex);
    if (owner == NULL) {
        tn_atomic_add_intptr(&brc_merged, 1);
        if (merged == 0)
            tn_dealloc(op);
    }
}

void tn_brc_decref_shared(TnObject *op)
{
    intptr_t shared = tn_atomic_load_intptr_relaxed(&op->ref_shared);
    intptr_t desired;
    bool queue;
    do {
        /* A count of 0, with or without weak references: the owner decides. */
        queue = (shared == TN_REF_UNSHARED || shared == TN_REF_MAYBE_WEAKREF);
        desired = queue ? TN_REF_QUEUED : shared - ((intptr_t)1 << TN_REF_SHARED_SHIFT);
    } while (!tn_atomic_cas_intptr(&op->ref_shared, &shared, desired));
    if (queue)
        queue_object(op);
    else if (desired == TN_REF_MERGED)
        tn_dealloc(op);
}

static void merge_queue(TnObject **q, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        /* Minus one: the queue entry stands for the reference whose drop
         * made the object QUEUED. */
        if (explicit_merge(q[i], -1) == 0)
            tn_dealloc(q[i]);
    }
    tn_atomic_add_intptr(&brc_merged, (intptr_t)n);
    tn_mem_raw_free(q);
}

/* Detach the queue from t under the bucket lock, so that objects queued
 * while we merge (deallocations can drop more references) go to a new one. */
static void take_queue(TnBrcThread *t, BrcBucket *b, TnObject ***q, size_t *n)
{
    pthread_mutex_lock(&b->mutex);
    *q = t->queue;
    *n = t->queue_len;
    t->queue = NULL;
    t->queue_len = t->queue_cap = 0;
    pthread_mutex_unlock(&b->mutex);
}

void tn_brc_merge_pending(TnBrcThread *t)
{
    TnObject **q;
    size_t n;
    take_queue(t, bucket_for(t->tid), &q, &n);
    if (n > 0 || q != NULL)
        merge_queue(q, n);
}

/* The world is stopped (threading/stw.h): merge t's queue on its behalf.
 * t is parked, so its plain stores to the owner fields are over and it
 * cannot make new ones until the world restarts.  An object whose count
 * reaches zero cannot be freed during the pause (dealloc runs code): it
 * keeps one reference, handed to dead(op, arg), which drops it later. */
void tn_brc_merge_stopped(TnBrcThread *t, void (*dead)(TnObject *op, void *arg), void *arg)
{
    TnObject **q;
    size_t n;
    take_queue(t, bucket_for(t->tid), &q, &n);
    for (size_t i = 0; i < n; i++) {
        if (explicit_merge(q[i], -1) == 0) {
            tn_atomic_add_intptr(&q[i]->ref_shared, (intptr_t)1 << TN_REF_SHARED_SHIFT);
            dead(q[i], arg);
        }
    }
    tn_atomic_add_intptr(&brc_merged, (intptr_t)n);
    tn_mem_raw_free(q);
}

void tn_brc_thread_register(TnBrcThread *t, uint32_t *eval_breaker)
{
    t->tid = tn_thread_id();
    t->eval_breaker = eval_breaker;
    t->queue = NULL;
    t->queue_len = t->queue_cap = 0;
    BrcBucket *b = bucket_for(t->tid);
    pthread_mutex_lock(&b->mutex);
    t->next = b->head;
    b->head = t;
    pthread_mutex_unlock(&b->mutex);
}

/* Leave the registry if nothing is queued for t; else detach the queue
 * (*q, *n) for the caller to merge.  Returns whether t has left. */
static bool leave_if_drained(TnBrcThread *t, BrcBucket *b, TnObject ***q, size_t *n)
{
    pthread_mutex_lock(&b->mutex);
    *q = t->queue;
    *n = t->queue_len;
    t->queue = NULL;
    t->queue_len = t->queue_cap = 0;
    bool drained = *n == 0;
    if (drained) {
        for (TnBrcThread **pp = &b->head; *pp != NULL; pp = &(*pp)->next) {
            if (*pp == t) {
                *pp = t->next;
                break;
            }
        }
    }
    pthread_mutex_unlock(&b->mutex);
    return drained;
}

void tn_brc_thread_unregister(TnBrcThread *t)
{
    /* Merge as the owner until the queue stays empty, then leave in the
     * same critical section (the exit protocol at the top of this file). */
    BrcBucket *b = bucket_for(t->tid);
    TnObject **q;
    size_t n;
    while (!leave_if_drained(t, b, &q, &n))
        merge_queue(q, n);
    free(q);
}

uint64_t tn_brc_merged_count(void) { return (uint64_t)tn_atomic_load_intptr_relaxed(&brc_merged); }

#else /* no biased counting in this build: registration is a no-op */

void tn_brc_thread_register(TnBrcThread *t, uint32_t *eval_breaker)
{
    (void)eval_breaker;
    t->tid = 0;
    t->next = NULL;
    t->eval_breaker = NULL;
    t->queue = NULL;
    t->queue_len = t->queue_cap = 0;
}

void tn_brc_thread_unregister(TnBrcThread *t) { (void)t; }
void tn_brc_merge_pending(TnBrcThread *t) { (void)t; }
void tn_brc_merge_stopped(TnBrcThread *t, void (*dead)(TnObject *op, void *arg), void *arg)
{
    (void)t;
    (void)dead;
    (void)arg;
}
uint64_t tn_brc_merged_count(void) { return 0; }

#endif
