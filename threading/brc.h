/* threading/brc.h — biased reference counting: per-thread merge queues.
 *
 * The fast paths (tn_incref / tn_decref) are in core/object.h.  This module
 * holds what happens when a count crosses a boundary:
 *
 *  - the owner's local count drops to zero while other threads still hold
 *    references (tn_brc_merge_zero_local): the object gives up its owner and
 *    the two counts become one shared count, flagged MERGED;
 *  - a non-owner's decrement would take the shared count below zero
 *    (tn_brc_decref_shared): the shared count may legitimately go negative
 *    (the owner holds the matching references in ref_local), so the object
 *    is flagged QUEUED and handed to its owner, which merges the counts at
 *    its next eval-breaker check point and frees the object if the sum is 0.
 *
 * Registration: every thread that runs Python code registers a TnBrcThread
 * (embedded in its thread state) under its tn_thread_id(), so that other
 * threads can find its queue.  A thread that unregisters merges its queue
 * until it stays empty and leaves the registry in the same locked step;
 * from then on it must not touch any reference count, and objects it still
 * owns are merged by whichever thread queues them later (the owner being
 * gone, it is safe to merge on its behalf, under the registry's lock).
 *
 * In the gil flavour and with TANDEM_RC=atomic the struct still exists (so
 * thread states have one layout in every build) and the functions do nothing.
 */
#ifndef TN_BRC_H
#define TN_BRC_H

#include <stddef.h>
#include <stdint.h>
#include "core/config.h"

struct TnObject;

typedef struct TnBrcThread {
    uintptr_t tid;                 /* tn_thread_id() of the registered thread */
    struct TnBrcThread *next;      /* next thread in the same registry bucket */
    uint32_t *eval_breaker;        /* where to post TN_EVAL_BRC_MERGE, or NULL */
    /* Objects handed over by other threads; guarded by the bucket's mutex. */
    struct TnObject **queue;
    size_t queue_len;
    size_t queue_cap;
} TnBrcThread;

/* Register the calling thread; eval_breaker may be NULL (the thread then
 * calls tn_brc_merge_pending itself). */
void tn_brc_thread_register(TnBrcThread *t, uint32_t *eval_breaker);
/* Merge what is queued for the calling thread until nothing is, then
 * unregister it.  The last reference count operation of the thread. */
void tn_brc_thread_unregister(TnBrcThread *t);
/* Owner only: merge every queued object's counts, freeing those at zero. */
void tn_brc_merge_pending(TnBrcThread *t);
/* With the world stopped: merge another (parked) thread's queue; objects
 * whose count reaches zero are kept with one reference and passed to dead. */
void tn_brc_merge_stopped(TnBrcThread *t, void (*dead)(struct TnObject *op, void *arg), void *arg);
/* Objects merged so far by the process (for tests and -X stats). */
uint64_t tn_brc_merged_count(void);

#endif
