/* gc/gc.c — what both collectors share: settings, statistics, hooks, the
 * finalizer and callback phases (docs/memory.md).  The flavour's algorithm
 * is in gc/collect_gil.c or gc/collect_ft.c. */
#include "gc/gc_internal.h"
#include "alloc/alloc.h"
#include "threading/atomic.h"
#include "threading/parking_lot.h"

TnGCState tn_gc = {
    .enabled = 1,
    /* CPython 3.11's defaults.  The ft collector uses only the first, as
     * CPython's free-threaded build does. */
    .thresholds = {700, 10, 10},
};

TnGCHooks *tn_gc_hooks(void) { return &tn_gc.hooks; }

bool tn_gc_enabled(void) { return tn_atomic_load_u32_relaxed(&tn_gc.enabled) != 0; }
void tn_gc_set_enabled(bool on) { tn_atomic_store_u32_relaxed(&tn_gc.enabled, on ? 1u : 0u); }
int tn_gc_debug_flags(void) { return tn_gc.debug; }
void tn_gc_set_debug_flags(int flags) { tn_gc.debug = flags; }
bool tn_gc_collecting(void) { return tn_atomic_load_u32_relaxed(&tn_gc.collecting) != 0; }

void tn_gc_get_thresholds(int out[TN_GC_NUM_GENERATIONS])
{
    for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++)
        out[i] = tn_gc.thresholds[i];
}

/* gc.set_threshold(t0[, t1[, t2]]): the ones not given keep their value. */
void tn_gc_set_thresholds(const int in[TN_GC_NUM_GENERATIONS], int n)
{
    for (int i = 0; i < n && i < TN_GC_NUM_GENERATIONS; i++)
        tn_gc.thresholds[i] = in[i];
}

void tn_gc_get_gen_stats(TnGCGenStats out[TN_GC_NUM_GENERATIONS])
{
    for (int i = 0; i < TN_GC_NUM_GENERATIONS; i++)
        out[i] = tn_gc.gen_stats[i];
}

void tn_gc_get_stats(TnGCStats *out) { *out = tn_gc.stats; }

int tn_gc_vec_push(TnGCVec *v, TnObject *op)
{
    if (v->len == v->cap) {
        size_t cap = v->cap != 0 ? v->cap * 2 : 256;
        size_t bytes;
        if (tn_mem_mul(cap, sizeof(TnObject *), &bytes))
            return -1;
        TnObject **grown = tn_mem_realloc(v->items, bytes);
        if (grown == NULL)
            return -1;
        v->items = grown;
        v->cap = cap;
    }
    v->items[v->len++] = op;
    return 0;
}

void tn_gc_vec_free(TnGCVec *v)
{
    tn_mem_free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

uint64_t tn_gc_now_ns(void) { return (uint64_t)tn_monotonic_ns(); }

void tn_gc_record_pause(uint64_t ns)
{
    TnGCStats *st = &tn_gc.stats;
    st->collections++;
    st->pause_ns += ns;
    if (ns > st->max_pause_ns)
        st->max_pause_ns = ns;
    int bucket = 0;
    for (uint64_t limit = 10000; bucket < 7 && ns >= limit; limit *= 10)
        bucket++;
    st->pause_hist[bucket]++;
}

void tn_gc_finalize_all(TnObject *const *objs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        TnObject *op = objs[i];
        TnType *tp = tn_type(op);
        if (tp->finalize == NULL || tn_gc_is_finalized(op))
            continue;
        tn_gc_set_finalized(op);
        tn_gc.stats.finalizers++;
        tp->finalize(op);
    }
}

void tn_gc_run_weakref_callbacks(TnGCVec *cbs)
{
    for (size_t i = 0; i < cbs->len; i++) {
        TnObject *wr = cbs->items[i];
        if (tn_gc.hooks.call_weakref_callback != NULL)
            tn_gc.hooks.call_weakref_callback(wr);
        tn_decref(wr);
    }
    tn_gc_vec_free(cbs);
}
