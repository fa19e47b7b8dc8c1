/* gc/gc_internal.h — state shared by gc/gc.c and the flavour's collector.
 * Design: docs/memory.md. */
#ifndef TN_GC_INTERNAL_H
#define TN_GC_INTERNAL_H

#include "gc/gc.h"
#include "threading/mutex.h"

typedef struct TnGCState {
    uint32_t enabled;            /* atomic */
    int debug;                   /* gc.set_debug() flags */
    int thresholds[TN_GC_NUM_GENERATIONS];
    /* gil: gens' counts (allocations minus deallocations for 0, collections
     * of the next younger generation for 1 and 2).  ft: [0] is the shared
     * allocation balance (atomic), the others are 0. */
    intptr_t counts[TN_GC_NUM_GENERATIONS];
    uint32_t collecting;         /* atomic: a collection is running */
    TnGCGenStats gen_stats[TN_GC_NUM_GENERATIONS];
    TnGCStats stats;
    TnGCHooks hooks;
    /* gil only: CPython 3.11's rule that a full collection waits until the
     * objects promoted since the last one exceed a quarter of the old ones. */
    tn_ssize_t long_lived_total;
    tn_ssize_t long_lived_pending;
} TnGCState;

extern TnGCState tn_gc;

/* A growable array of object pointers (unreachable sets, mark stacks,
 * callbacks to run).  Push fails (-1) only when memory runs out. */
typedef struct TnGCVec {
    TnObject **items;
    size_t len, cap;
} TnGCVec;

int tn_gc_vec_push(TnGCVec *v, TnObject *op);
void tn_gc_vec_free(TnGCVec *v);

/* Record one collection's duration in tn_gc.stats. */
void tn_gc_record_pause(uint64_t ns);
uint64_t tn_gc_now_ns(void);

/* Run the finalizer of every object in objs that has one and has not run
 * it yet (marking it first); objs hold references for the duration. */
void tn_gc_finalize_all(TnObject *const *objs, size_t n);
/* Call then drop every weak-reference callback collected in cbs. */
void tn_gc_run_weakref_callbacks(TnGCVec *cbs);

#endif
