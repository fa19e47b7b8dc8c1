/* gc/gc.h — the cycle collectors' one internal API (design: docs/memory.md).
 *
 * Reference counting frees most objects; the collector finds the groups of
 * objects that only reference each other.  Two implementations sit behind
 * this header, one per flavour (CMake compiles one of them):
 *
 *   gc/collect_gil.c  CPython 3.11's generational collector: every object
 *                     of a gc type carries a TnGCHead *before* it, linking it
 *                     into one of three generations (thresholds 700/10/10).
 *   gc/collect_ft.c   non-generational, with the world stopped: objects are
 *                     found by walking the allocator's gc pages; the flags
 *                     live in the object header's gc_bits byte.
 *
 * A "gc object" is an object whose type has TN_TPFLAGS_HAVE_GC and that was
 * allocated by tn_object_alloc (static objects are not gc objects).  It is
 * tracked from its allocation (its fields are zeroed, and traverse skips
 * NULL) until tn_dealloc starts destroying it.
 *
 * Collections never start inside arbitrary C code: an allocation that
 * crosses the threshold only posts TN_EVAL_GC_SCHEDULED to its thread's eval
 * breaker, and the collection runs at the next check point, where every
 * frame's value stack is saved and no object is half-built.
 *
 * This folder does not include core/objects: what the collector needs from
 * there (weak references, gc.callbacks, gc.garbage) comes through TnGCHooks.
 */
#ifndef TN_GC_H
#define TN_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/config.h"
#include "core/object.h"

struct TnThreadState;

/* Eval-breaker bit (threading/eval_breaker.h): run a scheduled collection. */
#define TN_EVAL_GC_SCHEDULED 0x10u

/* gil: the links before every gc object (none in ft).  prev's low four bits
 * are flags (TN_GC_* in collect_gil.c); during a collection prev holds the
 * object's gc_refs instead of a pointer. */
typedef struct TnGCHead {
    uintptr_t next;              /* 0 = not tracked */
    uintptr_t prev;
} TnGCHead;

/* Bytes in front of a gc object's header. */
#define TN_GC_PRE_SIZE (TN_FREE_THREADED ? (size_t)0 : sizeof(TnGCHead))

static inline bool tn_type_is_gc(const TnType *tp) { return (tp->flags & TN_TPFLAGS_HAVE_GC) != 0; }

/* ---- tracking (both flavours) -------------------------------------------- */

/* tn_object_alloc: op (a gc object) was just allocated: track it and count
 * the allocation towards the next collection. */
void tn_gc_on_alloc(TnObject *op);
/* tn_dealloc: op's count reached zero and its destruction starts: untrack
 * it and count the deallocation. */
void tn_gc_on_dealloc(TnObject *op);
void tn_gc_track(TnObject *op);
void tn_gc_untrack(TnObject *op);
bool tn_gc_is_tracked(const TnObject *op);
/* PEP 442: whether op's finalizer has run (it never runs twice). */
bool tn_gc_is_finalized(const TnObject *op);
void tn_gc_set_finalized(TnObject *op);

/* ---- collecting ------------------------------------------------------------ */

#define TN_GC_NUM_GENERATIONS 3

/* Why a collection runs (passed to gc.callbacks as CPython does not; for stats). */
typedef enum { TN_GC_REASON_AUTO, TN_GC_REASON_MANUAL, TN_GC_REASON_SHUTDOWN } TnGCReason;

/* Collect generation `generation` and the younger ones (ft: everything).
 * Returns the number of unreachable objects found, or -1 if a collection is
 * already running in this process (gc.collect() from a finalizer). */
tn_ssize_t tn_gc_collect(struct TnThreadState *ts, int generation, TnGCReason reason);
/* The eval breaker's TN_EVAL_GC_SCHEDULED: collect what the thresholds ask for. */
void tn_gc_run_scheduled(struct TnThreadState *ts);

/* ---- state for the gc module ------------------------------------------------ */

/* gc.DEBUG_* */
#define TN_GC_DEBUG_STATS         1
#define TN_GC_DEBUG_COLLECTABLE   2
#define TN_GC_DEBUG_UNCOLLECTABLE 4
#define TN_GC_DEBUG_SAVEALL       32
#define TN_GC_DEBUG_LEAK (TN_GC_DEBUG_COLLECTABLE | TN_GC_DEBUG_UNCOLLECTABLE | TN_GC_DEBUG_SAVEALL)

typedef struct TnGCGenStats {
    uint64_t collections;
    uint64_t collected;
    uint64_t uncollectable;
} TnGCGenStats;

/* Totals for sys._tandem_stats() / -X stats. */
typedef struct TnGCStats {
    uint64_t collections;
    uint64_t examined;           /* objects looked at (gc_refs computed) */
    uint64_t freed;              /* unreachable objects found */
    uint64_t pause_ns;           /* summed time of the collections */
    uint64_t max_pause_ns;
    uint64_t pause_hist[8];      /* < 10 µs, < 100 µs, < 1 ms, < 10 ms, < 100 ms, < 1 s, < 10 s, more */
    uint64_t finalizers;         /* finalizers run by the collector */
    uint64_t resurrected;        /* unreachable objects a finalizer made reachable again */
} TnGCStats;

bool tn_gc_enabled(void);
void tn_gc_set_enabled(bool on);
int tn_gc_debug_flags(void);
void tn_gc_set_debug_flags(int flags);
void tn_gc_get_thresholds(int out[TN_GC_NUM_GENERATIONS]);
void tn_gc_set_thresholds(const int in[TN_GC_NUM_GENERATIONS], int n);
void tn_gc_get_counts(int out[TN_GC_NUM_GENERATIONS]);
void tn_gc_get_gen_stats(TnGCGenStats out[TN_GC_NUM_GENERATIONS]);
void tn_gc_get_stats(TnGCStats *out);
/* Whether a collection is running (gc.collect() inside a callback). */
bool tn_gc_collecting(void);

/* gc.freeze(): move every tracked object to the permanent generation,
 * which collections ignore; unfreeze puts them back in the oldest. */
void tn_gc_freeze(struct TnThreadState *ts);
void tn_gc_unfreeze(struct TnThreadState *ts);
tn_ssize_t tn_gc_freeze_count(struct TnThreadState *ts);

/* Call visit(op, arg) for every tracked object of `generation` (-1: all
 * generations, the permanent one excluded), as gc.get_objects does, until
 * visit returns non-zero (returned).  visit must not run Python code: the
 * caller collects the objects first (with new references) and then works. */
int tn_gc_visit_objects(struct TnThreadState *ts, int generation,
                        int (*visit)(TnObject *op, void *arg), void *arg);

/* ---- hooks from the object layer ------------------------------------------ */

typedef struct TnGCHooks {
    /* Detach every weak reference to op (op is unreachable), so that they
     * report their referent dead; for each weak reference that has a
     * callback and is not itself unreachable (is_unreachable(wr) false),
     * call keep(wr, arg) with a new reference (the collector calls
     * call_callback(wr) later, outside the pause, then drops it).  -1 on
     * memory failure (the weak references are still cleared). */
    int (*clear_weakrefs)(TnObject *op, bool (*is_unreachable)(TnObject *wr),
                          int (*keep)(TnObject *wr, void *arg), void *arg);
    void (*call_weakref_callback)(TnObject *wr);
    /* If op is a weak reference, detach it from its referent without
     * calling its callback (op is unreachable: its callback must never run). */
    void (*detach_weakref)(TnObject *op);
    /* gc.callbacks: phase "start" / "stop". */
    void (*phase)(struct TnThreadState *ts, bool start, int generation,
                  tn_ssize_t collected, tn_ssize_t uncollectable);
    /* DEBUG_SAVEALL: keep op in gc.garbage (a new reference is taken). */
    void (*save_garbage)(TnObject *op);
} TnGCHooks;

/* The hooks, filled in at start-up by the object layer (weak references:
 * core/objects/weakref.c; the rest: core/modules/gc.c).  NULL = not used. */
TnGCHooks *tn_gc_hooks(void);

/* Start-up and the end of the interpreter. */
void tn_gc_init(void);

#endif
