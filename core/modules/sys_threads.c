/* core/modules/sys_threads.c — the thread-related functions of sys:
 * setswitchinterval / getswitchinterval (CPython's), and _tandem_stats(),
 * Tandem's one window on its threading counters (docs/threading.md). */
#include "core/tn.h"
#include "gc/gc.h"
#include "core/modules/modules.h"
#include "threading/tstate.h"

static TnObject *sys_setswitchinterval(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("sys.setswitchinterval", kwnames) < 0 ||
        tn_args_count("sys.setswitchinterval", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_float_check(args[0]) && !tn_int_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "must be real number, not %s", tn_type_name(tn_type(args[0])));
    double interval = tn_float_as_double(args[0]);
    if (interval == -1 && tn_err_occurred())
        return NULL;
    if (!(interval > 0.0))
        return tn_err_format(&tn_exc_ValueError, "switch interval must be strictly positive");
    /* Whole microseconds, truncated as CPython does: below 1 us reads back
     * as 0.0.  A GIL waiter's timed wait then expires at once, which is in
     * effect CPython's 1 us floor.  The count is 32-bit: intervals above
     * ~4295 s are stored as that. */
    double us = interval * 1e6;
    uint32_t v = us > 4294967295.0 ? UINT32_MAX : (uint32_t)us;
    tn_gil_set_interval_us(&tn_interp()->gil, v);
    return tn_none_ref();
}

static TnObject *sys_getswitchinterval(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("sys.getswitchinterval", kwnames) < 0 ||
        tn_args_count("sys.getswitchinterval", nargs, 0, 0) < 0)
        return NULL;
    return tn_float_from_double((double)tn_gil_interval_us(&tn_interp()->gil) / 1e6);
}

/* The counters of sys._tandem_stats() and -X stats, in their documented
 * order (docs/threading.md, "Statistics").  Both flavours report every key;
 * the gil_* ones are 0 in ft, brc_* is 0 in gil, stw_* count pauses in both
 * (in gil a pause is only the GIL holder marking itself), alloc_* are the
 * object allocator's (alloc/alloc.h), and mutex_* / park_* count
 * little in gil (its critical sections are bare braces: only file objects'
 * I/O locks are TnMutexes there).  One table so that the dict and the exit
 * report cannot drift apart. */
typedef struct StatValue {
    const char *key;
    uint64_t value;
} StatValue;

#define STAT_COUNT 42

static void collect_stats(StatValue out[STAT_COUNT])
{
    TnThreadStats st;
    tn_thread_stats(tn_interp(), &st);
    TnAllocStats al;
    tn_alloc_stats(&al);
    /* The *_this_thread pair: the calling thread's own counters, which only
     * it writes, so plain reads are exact. */
    TnThreadState *ts = tn_tstate();
    TnGCStats gc;
    tn_gc_get_stats(&gc);
    const StatValue v[STAT_COUNT] = {
        {"threads", st.threads},
        {"gil_takes", st.gil_takes},
        {"gil_switches", st.gil_switches},
        {"gil_drop_requests", st.gil_drop_requests},
        {"gil_forced_switches", st.gil_forced_switches},
        {"gil_wait_ns", st.gil_wait_ns},
        {"gil_takes_this_thread", ts->gil_takes},
        {"gil_wait_ns_this_thread", ts->gil_wait_ns},
        {"mutex_contended", st.mutex_contended},
        {"mutex_parks", st.mutex_parks},
        {"mutex_handoffs", st.mutex_handoffs},
        {"park_parks", st.park_parks},
        {"park_unparks", st.park_unparks},
        {"park_timeouts", st.park_timeouts},
        {"park_sleep_ns", st.park_sleep_ns},
        {"brc_queued_merges", st.brc_merges},
        {"stw_pauses", st.stw_pauses},
        {"stw_pause_ns", st.stw_pause_ns},
        {"stw_stop_wait_ns", st.stw_stop_wait_ns},
        {"stw_max_pause_ns", st.stw_max_pause_ns},
        {"gc_collections", gc.collections},
        {"gc_examined", gc.examined},
        {"gc_freed", gc.freed},
        {"gc_finalizers", gc.finalizers},
        {"gc_resurrected", gc.resurrected},
        {"gc_pause_ns", gc.pause_ns},
        {"gc_max_pause_ns", gc.max_pause_ns},
        {"gc_pauses_lt_10us", gc.pause_hist[0]},
        {"gc_pauses_lt_100us", gc.pause_hist[1]},
        {"gc_pauses_lt_1ms", gc.pause_hist[2]},
        {"gc_pauses_lt_10ms", gc.pause_hist[3]},
        {"gc_pauses_lt_100ms", gc.pause_hist[4]},
        {"gc_pauses_lt_1s", gc.pause_hist[5]},
        {"gc_pauses_lt_10s", gc.pause_hist[6]},
        {"gc_pauses_ge_10s", gc.pause_hist[7]},
        {"switch_interval_us", tn_gil_interval_us(&tn_interp()->gil)},
        {"alloc_bytes", al.bytes},
        {"alloc_blocks", al.blocks},
        {"alloc_arenas", al.arenas},
        {"alloc_pages", al.pages},
        {"alloc_arenas_unmapped", al.arenas_unmapped},
        {"alloc_pages_released", al.pages_released},
    };
    for (int i = 0; i < STAT_COUNT; i++)
        out[i] = v[i];
}

static int put_u64(TnObject *d, const char *key, uint64_t v)
{
    TnObject *o = tn_int_from_i64((int64_t)v);
    if (o == NULL)
        return -1;
    int r = tn_dict_set_item_cstr(d, key, o);
    tn_decref(o);
    return r;
}

static int put_str(TnObject *d, const char *key, const char *v)
{
    TnObject *o = tn_str_from_cstr(v);
    if (o == NULL)
        return -1;
    int r = tn_dict_set_item_cstr(d, key, o);
    tn_decref(o);
    return r;
}

/* A dict of the counters; the keys are documented in docs/threading.md. */
TnObject *tn_sys_tandem_stats_dict(void)
{
    StatValue v[STAT_COUNT];
    collect_stats(v);
    TnObject *d = tn_dict_new();
    if (d == NULL)
        return NULL;
    if (put_str(d, "flavour", TN_FLAVOUR_NAME) < 0 || put_str(d, "refcount", TN_RC_MODE_NAME) < 0 ||
        put_str(d, "allocator", tn_alloc_name()) < 0)
        goto error;
    for (int i = 0; i < STAT_COUNT; i++)
        if (put_u64(d, v[i].key, v[i].value) < 0)
            goto error;
    return d;
error:
    tn_decref(d);
    return NULL;
}

/* -X stats: the same keys and values, one "tandem-stats: KEY=VALUE" line
 * each, in dict order.  Plain C (no objects), so that it can run after the
 * runtime has shut threading down. */
void tn_sys_tandem_stats_print(FILE *f)
{
    StatValue v[STAT_COUNT];
    collect_stats(v);
    fprintf(f, "tandem-stats: flavour=%s\n", TN_FLAVOUR_NAME);
    fprintf(f, "tandem-stats: refcount=%s\n", TN_RC_MODE_NAME);
    fprintf(f, "tandem-stats: allocator=%s\n", tn_alloc_name());
    for (int i = 0; i < STAT_COUNT; i++)
        fprintf(f, "tandem-stats: %s=%llu\n", v[i].key, (unsigned long long)v[i].value);
    fflush(f);
}

static TnObject *sys_tandem_stats(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("sys._tandem_stats", kwnames) < 0 || tn_args_count("sys._tandem_stats", nargs, 0, 0) < 0)
        return NULL;
    return tn_sys_tandem_stats_dict();
}

const TnMethodDef tn_sys_thread_functions[] = {
    {"setswitchinterval", sys_setswitchinterval, 0, "Set the ideal thread switching delay inside the Python interpreter."},
    {"getswitchinterval", sys_getswitchinterval, 0, "Return the current thread switch interval; see sys.setswitchinterval()."},
    {"_tandem_stats", sys_tandem_stats, 0, "Return Tandem's threading counters as a dict (docs/threading.md)."},
    {NULL, NULL, 0, NULL},
};
