/* gc/collect_ft.c — the free-threaded flavour's cycle collector:
 * non-generational, with the world stopped (design: docs/memory.md).
 *
 * There are no links between objects: the collector finds every gc object
 * by walking the allocator's gc pages (tn_obj_visit_gc, alloc/alloc.h), and
 * keeps its per-object flags in the header's gc_bits byte.  A collection:
 *
 *   pause 1 (world stopped)
 *     - applies every thread's queued biased-refcount merges, so counts
 *       are exact (an object that reaches zero is kept for after the pause);
 *     - lists the tracked objects; while they are being examined each one's
 *       tid field holds its index in that list (the real tid is saved and
 *       put back before the pause ends), which gives gc_refs a home without
 *       a header word;
 *     - gc_refs := count - references from other tracked objects; marks
 *       what the objects with gc_refs > 0 reach; the rest is unreachable;
 *     - clears the weak references to unreachable objects, and takes a
 *       reference to each unreachable object so none dies while the world
 *       runs again;
 *   world running: weak-reference callbacks, then the finalizers (Python
 *     code never runs while the world is stopped);
 *   pause 2: the same count on the unreachable set alone: what a finalizer
 *     made reachable again (resurrected) is kept;
 *   world running: clear breaks the remaining cycles; the collector drops
 *     its references, which frees them.
 *
 * A collection starts when allocations of gc objects outrun deallocations
 * by the threshold (gc.set_threshold()'s first value), as in CPython's
 * free-threaded build.
 */
#include "gc/gc_internal.h"
#if !TN_FREE_THREADED
#error "gc/collect_ft.c is the ft flavour's collector; gil uses collect_gil.c"
#endif

#include "alloc/alloc.h"
#include "core/vm/state.h"
#include "threading/atomic.h"
#include "threading/brc.h"
#include "threading/eval_breaker.h"
#include "threading/stw.h"

/* gc_bits */
#define B_TRACKED     0x01u
#define B_FINALIZED   0x02u
#define B_COLLECTING  0x04u   /* in this collection's list; tid holds the index */
#define B_REACHABLE   0x08u
#define B_UNREACHABLE 0x10u
#define B_FROZEN      0x20u   /* gc.freeze(): ignored by collections */
#define B_PASSED      0x40u   /* marking: the scan passed it while it looked unreachable */

/* A thread's allocations minus deallocations of gc objects not yet added
 * to the shared count (which every allocation would otherwise contend on). */
#define LOCAL_FLUSH 64
static _Thread_local int local_balance;

/* The gc bits are written by the one thread that owns the object's fate at
 * that moment (its allocator, its deallocator, or the collector with the
 * world stopped), but read by others (gc.is_tracked): relaxed atomics. */
static inline uint8_t bits(const TnObject *op) { return tn_atomic_load_u8((uint8_t *)&op->gc_bits); }
static inline void set_bits(TnObject *op, uint8_t b) { tn_atomic_store_u8(&op->gc_bits, (uint8_t)(bits(op) | b)); }
static inline void clear_bits(TnObject *op, uint8_t b) { tn_atomic_store_u8(&op->gc_bits, (uint8_t)(bits(op) & ~b)); }

void tn_gc_init(void) {}

void tn_gc_track(TnObject *op) { set_bits(op, B_TRACKED); }
void tn_gc_untrack(TnObject *op) { clear_bits(op, B_TRACKED); }
bool tn_gc_is_tracked(const TnObject *op) { return tn_object_is_gc(op) && (bits(op) & B_TRACKED) != 0; }
bool tn_gc_is_finalized(const TnObject *op) { return tn_object_is_gc(op) && (bits(op) & B_FINALIZED) != 0; }

void tn_gc_set_finalized(TnObject *op)
{
    if (tn_object_is_gc(op))
        set_bits(op, B_FINALIZED);
}

/* Whether `balance` new objects call for a collection: more than the
 * threshold, and (as CPython's free-threaded build decides, the collector
 * not being generational) more than a quarter of the objects the last
 * collection kept, so that building a large structure costs linear time,
 * not a full collection every 700 allocations. */
static bool should_collect(intptr_t balance)
{
    int threshold = tn_gc.thresholds[0];
    return threshold > 0 && balance > threshold
           && balance > tn_atomic_load_intptr_relaxed(&tn_gc.long_lived_total) / 4;
}

static void flush_balance(void)
{
    intptr_t total = tn_atomic_add_intptr(&tn_gc.counts[0], local_balance) + local_balance;
    local_balance = 0;
    if (should_collect(total) && tn_gc_enabled() && !tn_gc_collecting()) {
        TnThreadState *ts = tn_tstate();
        if (ts != NULL)
            tn_eval_breaker_set(&ts->eval_breaker, TN_EVAL_GC_SCHEDULED);
    }
}

void tn_gc_on_alloc(TnObject *op)
{
    tn_atomic_store_u8(&op->gc_bits, B_TRACKED);
    if (++local_balance >= LOCAL_FLUSH)
        flush_balance();
}

void tn_gc_on_dealloc(TnObject *op)
{
    tn_gc_untrack(op);
    if (--local_balance <= -LOCAL_FLUSH)
        flush_balance();
}

void tn_gc_get_counts(int out[TN_GC_NUM_GENERATIONS])
{
    intptr_t n = tn_atomic_load_intptr_relaxed(&tn_gc.counts[0]);
    out[0] = n > 0 ? (int)n : 0;
    out[1] = out[2] = 0;
}

/* ---- pause 1 ---------------------------------------------------------------- */

typedef struct Entry {
    TnObject *op;
    uintptr_t tid;               /* the real tid while op->tid holds the index */
    tn_ssize_t refs;
} Entry;

typedef struct Collection {
    Entry *entries;
    size_t n, cap;
    bool failed;                 /* memory ran out: keep everything */
    TnGCVec stack;               /* marking */
    TnGCVec unreachable;         /* each with a reference of ours */
    TnGCVec callbacks;           /* weak references whose callbacks run later */
    TnGCVec dead;                /* merged to zero during the pause */
} Collection;

static int add_entry(void *block, void *arg)
{
    Collection *c = arg;
    TnObject *op = block;
    uint8_t b = bits(op);
    if (!(b & B_TRACKED) || (b & B_FROZEN))
        return 0;
    if (c->n == c->cap) {
        size_t cap = c->cap != 0 ? c->cap * 2 : 1024, bytes;
        Entry *grown = tn_mem_mul(cap, sizeof(Entry), &bytes) ? NULL : tn_mem_realloc(c->entries, bytes);
        if (grown == NULL) {
            c->failed = true;
            return 1;
        }
        c->entries = grown;
        c->cap = cap;
    }
    /* Immortal objects and objects in the middle of their deallocation
     * (count 0: deferred by a trashcan, or finalizing) are roots: they are
     * never collected, and what they reference stays. */
    tn_ssize_t refs = tn_is_immortal(op) ? (tn_ssize_t)1 << 30 : tn_refcnt(op);
    if (refs <= 0)
        refs = (tn_ssize_t)1 << 30;
    c->entries[c->n] = (Entry){op, op->tid, refs};
    op->tid = (uintptr_t)c->n;
    op->gc_bits = (uint8_t)(b | B_COLLECTING);
    c->n++;
    return 0;
}

static inline Entry *entry_of(Collection *c, TnObject *op)
{
    if (!tn_object_is_gc(op) || !(op->gc_bits & B_COLLECTING))
        return NULL;
    return &c->entries[op->tid];
}

static int visit_decref(TnObject *op, void *arg)
{
    Entry *e = entry_of(arg, op);
    /* Never below zero: see collect_gil.c's visit_decref. */
    if (e != NULL && e->refs > 0)
        e->refs--;
    else
        TN_ASSERT(e == NULL);
    return 0;
}

static int visit_reachable(TnObject *op, void *arg)
{
    Collection *c = arg;
    Entry *e = entry_of(c, op);
    if (e == NULL || (op->gc_bits & B_REACHABLE))
        return 0;
    op->gc_bits |= B_REACHABLE;
    /* Not yet passed: the scan traverses it in order (see collect_gil.c). */
    if ((op->gc_bits & B_PASSED) && tn_gc_vec_push(&c->stack, op) < 0)
        c->failed = true;
    return 0;
}

static void traverse_reachable(Collection *c, TnObject *op)
{
    tn_traverseproc traverse = tn_type(op)->traverse;
    if (traverse != NULL)
        (void)traverse(op, visit_reachable, c);
}

static void traverse_all(Collection *c, tn_visitproc visit)
{
    for (size_t i = 0; i < c->n; i++) {
        TnObject *op = c->entries[i].op;
        tn_traverseproc traverse = tn_type(op)->traverse;
        if (traverse != NULL)
            (void)traverse(op, visit, c);
    }
}

/* gc_refs, marking, and the unreachable set (entries without B_REACHABLE).
 * Puts every tid back.  With the world stopped. */
static void find_unreachable(Collection *c, TnGCVec *out)
{
    traverse_all(c, visit_decref);
    for (size_t i = 0; i < c->n && !c->failed; i++) {
        TnObject *op = c->entries[i].op;
        if (!(op->gc_bits & B_REACHABLE) && c->entries[i].refs == 0) {
            op->gc_bits |= B_PASSED;
            continue;
        }
        op->gc_bits |= B_REACHABLE;
        traverse_reachable(c, op);
        while (c->stack.len > 0 && !c->failed)
            traverse_reachable(c, c->stack.items[--c->stack.len]);
    }
    c->stack.len = 0;
    for (size_t i = 0; i < c->n; i++) {
        TnObject *op = c->entries[i].op;
        bool reachable = c->failed || (op->gc_bits & B_REACHABLE);
        op->tid = c->entries[i].tid;
        op->gc_bits &= (uint8_t) ~(B_COLLECTING | B_REACHABLE | B_PASSED);
        if (!reachable && tn_gc_vec_push(out, op) < 0)
            c->failed = true;
    }
    if (c->failed)
        out->len = 0;
}

static void keep_dead(TnObject *op, void *arg)
{
    Collection *c = arg;
    if (tn_gc_vec_push(&c->dead, op) < 0) {
        /* Cannot queue it: let it leak rather than free it in the pause. */
    }
}

static bool is_unreachable(TnObject *op) { return tn_object_is_gc(op) && (op->gc_bits & B_UNREACHABLE) != 0; }

static int keep_callback(TnObject *wr, void *arg) { return tn_gc_vec_push(arg, wr); }

static void pause_one(TnThreadState *ts, Collection *c)
{
    tn_world_stop(ts);
    TnInterp *interp = ts->interp;
    pthread_mutex_lock(&interp->threads_mutex);
    for (TnThreadState *t = interp->threads; t != NULL; t = t->next)
        tn_brc_merge_stopped(&t->brc, keep_dead, c);
    pthread_mutex_unlock(&interp->threads_mutex);

    (void)tn_obj_visit_gc(add_entry, c);
    tn_gc.stats.examined += c->n;
    if (c->failed) {
        for (size_t i = 0; i < c->n; i++) {
            c->entries[i].op->tid = c->entries[i].tid;
            c->entries[i].op->gc_bits &= (uint8_t) ~B_COLLECTING;
        }
    } else {
        find_unreachable(c, &c->unreachable);
    }
    TnGCHooks *h = &tn_gc.hooks;
    for (size_t i = 0; i < c->unreachable.len; i++)
        c->unreachable.items[i]->gc_bits |= B_UNREACHABLE;
    if (h->detach_weakref != NULL)
        for (size_t i = 0; i < c->unreachable.len; i++)
            h->detach_weakref(c->unreachable.items[i]);
    for (size_t i = 0; i < c->unreachable.len; i++) {
        TnObject *op = c->unreachable.items[i];
        if (tn_type(op)->weaklistoffset != 0 && h->clear_weakrefs != NULL)
            (void)h->clear_weakrefs(op, is_unreachable, keep_callback, &c->callbacks);
    }
    for (size_t i = 0; i < c->unreachable.len; i++)
        tn_incref(c->unreachable.items[i]);
    tn_world_start(ts);
}

/* ---- pause 2 ---------------------------------------------------------------- */

/* Keep what a finalizer resurrected.  The set is examined alone: each
 * object's count minus our reference minus the references from the set. */
static void pause_two(TnThreadState *ts, Collection *c)
{
    tn_world_stop(ts);
    c->n = 0;
    for (size_t i = 0; i < c->unreachable.len && !c->failed; i++) {
        TnObject *op = c->unreachable.items[i];
        op->gc_bits &= (uint8_t) ~B_UNREACHABLE;
        size_t before = c->n;
        (void)add_entry(op, c);
        if (c->n > before)
            c->entries[c->n - 1].refs -= 1;   /* ours */
    }
    TnGCVec still = {NULL, 0, 0};
    if (c->failed) {
        for (size_t i = 0; i < c->n; i++) {
            c->entries[i].op->tid = c->entries[i].tid;
            c->entries[i].op->gc_bits &= (uint8_t) ~B_COLLECTING;
        }
    } else {
        find_unreachable(c, &still);
    }
    tn_world_start(ts);
    tn_gc.stats.resurrected += c->unreachable.len - still.len;
    /* The resurrected keep living; drop our references to them. */
    for (size_t i = 0; i < still.len; i++)
        still.items[i]->gc_bits |= B_UNREACHABLE;
    for (size_t i = 0; i < c->unreachable.len; i++) {
        TnObject *op = c->unreachable.items[i];
        if (!(op->gc_bits & B_UNREACHABLE))
            tn_decref(op);
    }
    tn_gc_vec_free(&c->unreachable);
    c->unreachable = still;
}

/* A finalizer may break its cycle (a generator's close() drops its frame):
 * then reference counting frees those objects once the collector lets go.
 * They are let go now, as many times as that frees more, so that they are
 * not counted as collected (CPython 3.11 counts only what is still
 * unreachable after the finalizers). */
static void drop_freed_by_finalizers(Collection *c)
{
    for (int round = 0; round < 8; round++) {
        size_t kept = 0, before = c->unreachable.len;
        for (size_t i = 0; i < c->unreachable.len; i++) {
            TnObject *op = c->unreachable.items[i];
            if (tn_refcnt(op) == 1) {
                op->gc_bits &= (uint8_t) ~B_UNREACHABLE;
                tn_decref(op);
            } else {
                c->unreachable.items[kept++] = op;
            }
        }
        c->unreachable.len = kept;
        if (kept == before)
            break;
    }
}

static tn_ssize_t collect_main(TnThreadState *ts)
{
    Collection c = {0};
    pause_one(ts, &c);
    size_t examined = c.n;
    for (size_t i = 0; i < c.dead.len; i++)
        tn_decref(c.dead.items[i]);
    tn_gc_vec_free(&c.dead);
    tn_gc_run_weakref_callbacks(&c.callbacks);
    tn_gc_finalize_all(c.unreachable.items, c.unreachable.len);
    drop_freed_by_finalizers(&c);
    pause_two(ts, &c);
    tn_ssize_t collected = (tn_ssize_t)c.unreachable.len;
    tn_gc.stats.freed += (uint64_t)collected;
    tn_atomic_store_intptr_relaxed(&tn_gc.long_lived_total, (intptr_t)(examined - c.unreachable.len));
    for (size_t i = 0; i < c.unreachable.len; i++) {
        TnObject *op = c.unreachable.items[i];
        op->gc_bits &= (uint8_t) ~B_UNREACHABLE;
        if (tn_gc.debug & TN_GC_DEBUG_SAVEALL) {
            if (tn_gc.hooks.save_garbage != NULL)
                tn_gc.hooks.save_garbage(op);
        } else if (tn_type(op)->clear != NULL) {
            (void)tn_type(op)->clear(op);
        }
    }
    for (size_t i = 0; i < c.unreachable.len; i++)
        tn_decref(c.unreachable.items[i]);
    tn_gc_vec_free(&c.unreachable);
    tn_gc_vec_free(&c.stack);
    tn_mem_free(c.entries);
    return collected;
}

tn_ssize_t tn_gc_collect(struct TnThreadState *ts, int generation, TnGCReason reason)
{
    (void)reason;
    if (!tn_atomic_cas_u32(&tn_gc.collecting, 0, 1))
        return -1;
    if (tn_gc.hooks.phase != NULL)
        tn_gc.hooks.phase(ts, true, generation, 0, 0);
    /* The balance restarts from here: objects allocated from now on count
     * towards the next collection. */
    tn_atomic_store_intptr_relaxed(&tn_gc.counts[0], 0);
    uint64_t t0 = tn_gc_now_ns();
    tn_ssize_t n = collect_main(ts);
    tn_gc_record_pause(tn_gc_now_ns() - t0);
    for (int g = 0; g <= generation && g < TN_GC_NUM_GENERATIONS; g++)
        tn_gc.gen_stats[g].collections += g == generation;
    tn_gc.gen_stats[generation].collected += (uint64_t)n;
    if (tn_gc.hooks.phase != NULL)
        tn_gc.hooks.phase(ts, false, generation, n, 0);
    tn_atomic_store_u32_relaxed(&tn_gc.collecting, 0);
    return n;
}

void tn_gc_run_scheduled(struct TnThreadState *ts)
{
    if (!tn_gc_enabled() || tn_gc_collecting() || !should_collect(tn_atomic_load_intptr_relaxed(&tn_gc.counts[0])))
        return;
    (void)tn_gc_collect(ts, TN_GC_NUM_GENERATIONS - 1, TN_GC_REASON_AUTO);
}

/* ---- gc.freeze, gc.get_objects ------------------------------------------- */

static int freeze_one(void *block, void *arg)
{
    (void)arg;
    TnObject *op = block;
    if (op->gc_bits & B_TRACKED)
        op->gc_bits |= B_FROZEN;
    return 0;
}

static int unfreeze_one(void *block, void *arg)
{
    (void)arg;
    ((TnObject *)block)->gc_bits &= (uint8_t) ~B_FROZEN;
    return 0;
}

static int count_frozen(void *block, void *arg)
{
    TnObject *op = block;
    if ((op->gc_bits & (B_TRACKED | B_FROZEN)) == (B_TRACKED | B_FROZEN))
        (*(tn_ssize_t *)arg)++;
    return 0;
}

void tn_gc_freeze(struct TnThreadState *ts)
{
    tn_world_stop(ts);
    (void)tn_obj_visit_gc(freeze_one, NULL);
    tn_world_start(ts);
    tn_atomic_store_intptr_relaxed(&tn_gc.counts[0], 0);
}

void tn_gc_unfreeze(struct TnThreadState *ts)
{
    tn_world_stop(ts);
    (void)tn_obj_visit_gc(unfreeze_one, NULL);
    tn_world_start(ts);
}

tn_ssize_t tn_gc_freeze_count(struct TnThreadState *ts)
{
    tn_ssize_t n = 0;
    tn_world_stop(ts);
    (void)tn_obj_visit_gc(count_frozen, &n);
    tn_world_start(ts);
    return n;
}

typedef struct Visit {
    int (*visit)(TnObject *op, void *arg);
    void *arg;
    TnGCVec objs;
    bool failed;
} Visit;

static int gather(void *block, void *arg)
{
    Visit *v = arg;
    TnObject *op = block;
    if ((op->gc_bits & (B_TRACKED | B_FROZEN)) == B_TRACKED && tn_refcnt(op) > 0) {
        if (tn_gc_vec_push(&v->objs, op) < 0) {
            v->failed = true;
            return 1;
        }
        tn_incref(op);
    }
    return 0;
}

/* ft has one generation: every generation argument means all objects, as
 * in CPython's free-threaded build.  The objects are gathered (with new
 * references) while the world is stopped, and visited after. */
int tn_gc_visit_objects(struct TnThreadState *ts, int generation,
                        int (*visit)(TnObject *op, void *arg), void *arg)
{
    (void)generation;
    Visit v = {visit, arg, {NULL, 0, 0}, false};
    tn_world_stop(ts);
    (void)tn_obj_visit_gc(gather, &v);
    tn_world_start(ts);
    int r = 0;
    for (size_t i = 0; i < v.objs.len; i++) {
        if (r == 0)
            r = visit(v.objs.items[i], arg);
        tn_decref(v.objs.items[i]);
    }
    tn_gc_vec_free(&v.objs);
    return r;
}
