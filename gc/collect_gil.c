/* gc/collect_gil.c — the gil flavour's cycle collector: CPython 3.11's
 * generational algorithm over linked headers (design: docs/memory.md).
 *
 * Every gc object has a TnGCHead in front of it, linking it into one of
 * three generations (or the permanent one of gc.freeze()).  A collection of
 * generation g:
 *   1. merges the younger generations into g ("young");
 *   2. gc_refs := reference count, for every young object;
 *   3. subtracts every reference that one young object holds to another
 *      (traverse): what is left counts references from outside;
 *   4. marks what is reachable from the objects with gc_refs > 0;
 *   5. promotes the reachable objects to g + 1; the rest is unreachable;
 *   6. clears weak references to the unreachable objects, runs the
 *      callbacks of those weak references that are still reachable, then
 *      the PEP 442 finalizers;
 *   7. repeats 2-4 on the unreachable set: a finalizer that stored an object
 *      somewhere reachable resurrected it and everything it references;
 *   8. calls clear on what is still unreachable, which breaks the cycles.
 * Steps 2-5 run no Python code; during them prev holds gc_refs (shifted)
 * and the young list is linked by next only; step 5 rebuilds the links.
 */
#include "gc/gc_internal.h"
#if TN_FREE_THREADED
#error "gc/collect_gil.c is the gil flavour's collector; ft uses collect_ft.c"
#endif
#include "core/vm/state.h"
#include "threading/eval_breaker.h"

/* prev's low bits (heads are 16-byte aligned). */
#define F_FINALIZED   0x1u   /* PEP 442: the finalizer ran */
#define F_COLLECTING  0x2u   /* in the set being collected; prev holds gc_refs */
#define F_REACHABLE   0x4u   /* marked in step 4 */
#define F_UNREACHABLE 0x8u   /* in the unreachable set (steps 6-8) */
#define F_MASK        0xfu
#define REFS_SHIFT    4

static TnGCHead gens[TN_GC_NUM_GENERATIONS];
static TnGCHead permanent;

static inline TnGCHead *as_gc(const TnObject *op) { return (TnGCHead *)op - 1; }
static inline TnObject *from_gc(TnGCHead *g) { return (TnObject *)(g + 1); }
static inline TnGCHead *gc_next(const TnGCHead *g) { return (TnGCHead *)g->next; }
static inline TnGCHead *gc_prev(const TnGCHead *g) { return (TnGCHead *)(g->prev & ~(uintptr_t)F_MASK); }
static inline void set_prev(TnGCHead *g, TnGCHead *p) { g->prev = (uintptr_t)p | (g->prev & F_MASK); }

/* ---- lists (circular, with a sentinel whose flag bits stay 0) ------------- */

static void list_init(TnGCHead *l)
{
    l->next = (uintptr_t)l;
    l->prev = (uintptr_t)l;
}

static bool list_is_empty(const TnGCHead *l) { return gc_next(l) == l; }

static void list_append(TnGCHead *node, TnGCHead *list)
{
    TnGCHead *last = gc_prev(list);
    set_prev(node, last);
    node->next = (uintptr_t)list;
    last->next = (uintptr_t)node;
    list->prev = (uintptr_t)node;
}

static void list_unlink(TnGCHead *node)
{
    TnGCHead *prev = gc_prev(node), *next = gc_next(node);
    prev->next = (uintptr_t)next;
    set_prev(next, prev);
}

static void list_move(TnGCHead *node, TnGCHead *list)
{
    list_unlink(node);
    list_append(node, list);
}

/* Append every node of from to to; from is left empty. */
static void list_merge(TnGCHead *from, TnGCHead *to)
{
    if (!list_is_empty(from)) {
        TnGCHead *tail = gc_prev(to), *first = gc_next(from), *last = gc_prev(from);
        tail->next = (uintptr_t)first;
        set_prev(first, tail);
        last->next = (uintptr_t)to;
        to->prev = (uintptr_t)last;
    }
    list_init(from);
}

static tn_ssize_t list_size(const TnGCHead *l)
{
    tn_ssize_t n = 0;
    for (const TnGCHead *g = gc_next(l); g != l; g = gc_next(g))
        n++;
    return n;
}

static void lists_init_once(void)
{
    if (gens[0].next == 0) {
        for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++)
            list_init(&gens[i]);
        list_init(&permanent);
    }
}

void tn_gc_init(void) { lists_init_once(); }

/* ---- tracking ------------------------------------------------------------- */

void tn_gc_track(TnObject *op)
{
    TnGCHead *g = as_gc(op);
    if (g->next != 0)
        return;
    lists_init_once();
    list_append(g, &gens[0]);
}

void tn_gc_untrack(TnObject *op)
{
    TnGCHead *g = as_gc(op);
    if (g->next == 0)
        return;
    list_unlink(g);
    g->next = 0;
    g->prev &= F_FINALIZED;
}

bool tn_gc_is_tracked(const TnObject *op) { return tn_object_is_gc(op) && as_gc(op)->next != 0; }
bool tn_gc_is_finalized(const TnObject *op) { return tn_object_is_gc(op) && (as_gc(op)->prev & F_FINALIZED) != 0; }

void tn_gc_set_finalized(TnObject *op)
{
    if (tn_object_is_gc(op))
        as_gc(op)->prev |= F_FINALIZED;
}

void tn_gc_on_alloc(TnObject *op)
{
    as_gc(op)->next = 0;   /* memory reused from a free list: no stale flags */
    as_gc(op)->prev = 0;
    tn_gc_track(op);
    tn_gc.counts[0]++;
    if (tn_gc.counts[0] > tn_gc.thresholds[0] && tn_gc.thresholds[0] != 0
        && tn_gc.enabled && !tn_gc.collecting) {
        TnThreadState *ts = tn_tstate();
        if (ts != NULL)
            tn_eval_breaker_set(&ts->eval_breaker, TN_EVAL_GC_SCHEDULED);
    }
}

void tn_gc_on_dealloc(TnObject *op)
{
    tn_gc_untrack(op);
    if (tn_gc.counts[0] > 0)
        tn_gc.counts[0]--;
}

/* ---- steps 2-5 ---------------------------------------------------------- */

static inline tn_ssize_t gc_refs(const TnGCHead *g) { return (tn_ssize_t)(g->prev >> REFS_SHIFT); }

/* The young object a reference points to, or NULL when it points outside. */
static inline TnGCHead *collecting_head(TnObject *op)
{
    if (!tn_object_is_gc(op))
        return NULL;
    TnGCHead *g = as_gc(op);
    return g->next != 0 && (g->prev & F_COLLECTING) ? g : NULL;
}

/* Step 2.  Immortal objects are roots whatever their count says. */
static tn_ssize_t update_refs(TnGCHead *list)
{
    tn_ssize_t n = 0;
    for (TnGCHead *g = gc_next(list); g != list; g = gc_next(g)) {
        TnObject *op = from_gc(g);
        tn_ssize_t refs = tn_is_immortal(op) ? (tn_ssize_t)1 << 30 : tn_refcnt(op);
        TN_ASSERT(refs > 0);   /* dealloc untracks before the count can be read as 0 */
        g->prev = ((uintptr_t)refs << REFS_SHIFT) | (g->prev & F_FINALIZED) | F_COLLECTING;
        n++;
    }
    return n;
}

static int visit_decref(TnObject *op, void *arg)
{
    (void)arg;
    TnGCHead *g = collecting_head(op);
    /* A count below zero would mean a traverse reports a reference its
     * object does not own; freeing on that evidence could free a live
     * object, so the count stops at zero (debug builds assert). */
    if (g != NULL && gc_refs(g) > 0)
        g->prev -= (uintptr_t)1 << REFS_SHIFT;
    else
        TN_ASSERT(g == NULL);
    return 0;
}

/* Step 3. */
static void subtract_refs(TnGCHead *list)
{
    for (TnGCHead *g = gc_next(list); g != list; g = gc_next(g)) {
        TnObject *op = from_gc(g);
        tn_traverseproc traverse = tn_type(op)->traverse;
        if (traverse != NULL)
            (void)traverse(op, visit_decref, NULL);
    }
}

typedef struct MarkCtx {
    TnGCVec stack;
    bool failed;                 /* the stack could not grow */
} MarkCtx;

/* During marking, F_UNREACHABLE means "the scan has passed this object
 * while it looked unreachable" (it is set for real after marking). */
#define F_PASSED F_UNREACHABLE

static int visit_reachable(TnObject *op, void *arg)
{
    TnGCHead *g = collecting_head(op);
    if (g == NULL || (g->prev & F_REACHABLE))
        return 0;
    g->prev |= F_REACHABLE;
    /* Not yet passed: the scan will traverse it in list order (the cheap,
     * cache-friendly case).  Passed: it must be traversed from the stack. */
    if ((g->prev & F_PASSED) && tn_gc_vec_push(&((MarkCtx *)arg)->stack, op) < 0)
        ((MarkCtx *)arg)->failed = true;
    return 0;
}

static void traverse_reachable(TnObject *op, MarkCtx *ctx)
{
    tn_traverseproc traverse = tn_type(op)->traverse;
    if (traverse != NULL)
        (void)traverse(op, visit_reachable, ctx);
}

/* Steps 4-5: scan list in order, traversing every object that has
 * references from outside (gc_refs > 0) or that something scanned
 * reaches; then relink list into its reachable part (kept in list) and its
 * unreachable part (appended to unreachable, with F_UNREACHABLE).  If the
 * stack cannot grow, everything is kept: a collection may always find less
 * garbage, never more. */
static tn_ssize_t move_unreachable(TnGCHead *list, TnGCHead *unreachable)
{
    tn_ssize_t kept = 0;
    MarkCtx ctx = {{NULL, 0, 0}, false};
    for (TnGCHead *g = gc_next(list); g != list && !ctx.failed; g = gc_next(g)) {
        if (!(g->prev & F_REACHABLE) && gc_refs(g) == 0) {
            g->prev |= F_PASSED;
            continue;
        }
        g->prev |= F_REACHABLE;
        traverse_reachable(from_gc(g), &ctx);
        while (ctx.stack.len > 0 && !ctx.failed)
            traverse_reachable(ctx.stack.items[--ctx.stack.len], &ctx);
    }
    tn_gc_vec_free(&ctx.stack);

    TnGCHead *g = gc_next(list);
    list_init(list);
    while (g != list) {
        TnGCHead *next = gc_next(g);
        bool reachable = ctx.failed || (g->prev & F_REACHABLE) != 0;
        g->prev &= F_FINALIZED;
        if (reachable) {
            list_append(g, list);
            kept++;
        } else {
            g->prev |= F_UNREACHABLE;
            list_append(g, unreachable);
        }
        g = next;
    }
    return kept;
}

/* Move every object of from to to, clearing F_UNREACHABLE. */
static void merge_back(TnGCHead *from, TnGCHead *to)
{
    for (TnGCHead *g = gc_next(from); g != from; g = gc_next(g))
        g->prev &= ~(uintptr_t)F_UNREACHABLE;
    list_merge(from, to);
}

/* ---- steps 6-8 ------------------------------------------------------------ */

static bool is_unreachable(TnObject *op)
{
    return tn_object_is_gc(op) && as_gc(op)->next != 0 && (as_gc(op)->prev & F_UNREACHABLE) != 0;
}

static int keep_callback(TnObject *wr, void *arg) { return tn_gc_vec_push(arg, wr); }

/* Step 6a.  Weak references that are themselves garbage are detached first,
 * so that their callbacks never run, even when their referents die during
 * step 8.  A callback that could not be queued (memory) is dropped. */
static void handle_weakrefs(TnGCHead *unreachable, TnGCVec *callbacks)
{
    if (tn_gc.hooks.detach_weakref != NULL)
        for (TnGCHead *g = gc_next(unreachable); g != unreachable; g = gc_next(g))
            tn_gc.hooks.detach_weakref(from_gc(g));
    for (TnGCHead *g = gc_next(unreachable); g != unreachable; g = gc_next(g)) {
        TnObject *op = from_gc(g);
        if (tn_type(op)->weaklistoffset != 0 && tn_gc.hooks.clear_weakrefs != NULL)
            (void)tn_gc.hooks.clear_weakrefs(op, is_unreachable, keep_callback, callbacks);
    }
}

/* Step 6b.  A finalizer may free objects of the set (they leave the list
 * when their dealloc untracks them), so each object is moved to `seen`
 * before its finalizer runs, and held while it runs. */
static void finalize_garbage(TnGCHead *unreachable)
{
    TnGCHead seen;
    list_init(&seen);
    while (!list_is_empty(unreachable)) {
        TnGCHead *g = gc_next(unreachable);
        TnObject *op = from_gc(g);
        list_move(g, &seen);
        if (tn_type(op)->finalize != NULL && !(g->prev & F_FINALIZED)) {
            g->prev |= F_FINALIZED;
            tn_gc.stats.finalizers++;
            tn_incref(op);
            tn_type(op)->finalize(op);
            tn_decref(op);
        }
    }
    list_merge(&seen, unreachable);
}

/* Step 7: what a finalizer made reachable again goes to `old`. */
static void handle_resurrected(TnGCHead *unreachable, TnGCHead *old)
{
    TnGCHead still;
    list_init(&still);
    (void)update_refs(unreachable);
    subtract_refs(unreachable);
    tn_gc.stats.resurrected += (uint64_t)move_unreachable(unreachable, &still);
    merge_back(unreachable, old);
    list_merge(&still, unreachable);
}

/* Step 8.  clear breaks the object's references; if it is still alive
 * afterwards (something outside the cycle kept it), it survives in old. */
static void delete_garbage(TnGCHead *unreachable, TnGCHead *old)
{
    while (!list_is_empty(unreachable)) {
        TnGCHead *g = gc_next(unreachable);
        TnObject *op = from_gc(g);
        if (tn_gc.debug & TN_GC_DEBUG_SAVEALL) {
            if (tn_gc.hooks.save_garbage != NULL)
                tn_gc.hooks.save_garbage(op);
        } else if (tn_type(op)->clear != NULL) {
            tn_incref(op);
            (void)tn_type(op)->clear(op);
            tn_decref(op);
        }
        if (gc_next(unreachable) == g) {
            g->prev &= ~(uintptr_t)F_UNREACHABLE;
            list_move(g, old);
        }
    }
}

/* One collection of `generation` and the younger ones. */
static tn_ssize_t collect_main(int generation)
{
    lists_init_once();
    TnGCHead *young = &gens[generation];
    TnGCHead *old = generation + 1 < TN_GC_NUM_GENERATIONS ? &gens[generation + 1] : young;
    for (int i = 0; i < generation; i++)
        list_merge(&gens[i], young);
    if (generation + 1 < TN_GC_NUM_GENERATIONS)
        tn_gc.counts[generation + 1]++;
    for (int i = 0; i <= generation; i++)
        tn_gc.counts[i] = 0;

    tn_gc.stats.examined += (uint64_t)update_refs(young);
    subtract_refs(young);
    TnGCHead unreachable;
    list_init(&unreachable);
    tn_ssize_t survivors = move_unreachable(young, &unreachable);

    /* Survivors move up a generation. */
    if (young != old) {
        if (generation == TN_GC_NUM_GENERATIONS - 2)
            tn_gc.long_lived_pending += survivors;
        list_merge(young, old);
    } else {
        tn_gc.long_lived_pending = 0;
        tn_gc.long_lived_total = survivors;
    }

    TnGCVec callbacks = {NULL, 0, 0};
    handle_weakrefs(&unreachable, &callbacks);
    tn_gc_run_weakref_callbacks(&callbacks);
    finalize_garbage(&unreachable);
    handle_resurrected(&unreachable, old);
    tn_ssize_t collected = list_size(&unreachable);
    tn_gc.stats.freed += (uint64_t)collected;
    delete_garbage(&unreachable, old);

    tn_gc.gen_stats[generation].collections++;
    tn_gc.gen_stats[generation].collected += (uint64_t)collected;
    return collected;
}

tn_ssize_t tn_gc_collect(struct TnThreadState *ts, int generation, TnGCReason reason)
{
    (void)reason;
    if (tn_gc.collecting)
        return -1;
    tn_gc.collecting = 1;
    if (tn_gc.hooks.phase != NULL)
        tn_gc.hooks.phase(ts, true, generation, 0, 0);
    uint64_t t0 = tn_gc_now_ns();
    tn_ssize_t n = collect_main(generation);
    tn_gc_record_pause(tn_gc_now_ns() - t0);
    if (tn_gc.hooks.phase != NULL)
        tn_gc.hooks.phase(ts, false, generation, n, 0);
    tn_gc.collecting = 0;
    return n;
}

/* CPython 3.11's collect_generations: the oldest generation over its
 * threshold, except that a full collection also waits until a quarter of
 * the long-lived objects are new. */
void tn_gc_run_scheduled(struct TnThreadState *ts)
{
    if (!tn_gc.enabled || tn_gc.collecting || tn_gc.thresholds[0] == 0)
        return;
    for (int i = TN_GC_NUM_GENERATIONS - 1; i >= 0; i--) {
        if (tn_gc.counts[i] > tn_gc.thresholds[i]) {
            if (i == TN_GC_NUM_GENERATIONS - 1 && tn_gc.long_lived_pending < tn_gc.long_lived_total / 4)
                continue;
            (void)tn_gc_collect(ts, i, TN_GC_REASON_AUTO);
            break;
        }
    }
}

void tn_gc_get_counts(int out[TN_GC_NUM_GENERATIONS])
{
    for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++)
        out[i] = (int)tn_gc.counts[i];
}

/* ---- gc.freeze, gc.get_objects ------------------------------------------- */

void tn_gc_freeze(struct TnThreadState *ts)
{
    (void)ts;
    lists_init_once();
    for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++) {
        list_merge(&gens[i], &permanent);
        tn_gc.counts[i] = 0;
    }
}

void tn_gc_unfreeze(struct TnThreadState *ts)
{
    (void)ts;
    lists_init_once();
    list_merge(&permanent, &gens[TN_GC_NUM_GENERATIONS - 1]);
}

tn_ssize_t tn_gc_freeze_count(struct TnThreadState *ts)
{
    (void)ts;
    lists_init_once();
    return list_size(&permanent);
}

int tn_gc_visit_objects(struct TnThreadState *ts, int generation,
                        int (*visit)(TnObject *op, void *arg), void *arg)
{
    (void)ts;
    lists_init_once();
    for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++) {
        if (generation >= 0 && i != generation)
            continue;
        for (TnGCHead *g = gc_next(&gens[i]); g != &gens[i]; g = gc_next(g)) {
            int r = visit(from_gc(g), arg);
            if (r != 0)
                return r;
        }
    }
    return 0;
}
