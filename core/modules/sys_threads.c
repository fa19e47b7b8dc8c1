/* core/modules/sys_threads.c — the thread-related functions of sys:
 * setswitchinterval / getswitchinterval (CPython's), and _tandem_stats(),
 * Tandem's one window on its threading counters (docs/threading.md). */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "threading/tstate.h"

static TnObject *sys_setswitchinterval(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("setswitchinterval", kwnames) < 0 || tn_args_count("setswitchinterval", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_float_check(args[0]) && !tn_int_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "must be real number, not %s", tn_type(args[0])->name);
    double interval = tn_float_as_double(args[0]);
    if (interval == -1 && tn_err_occurred())
        return NULL;
    if (!(interval > 0.0))
        return tn_err_format(&tn_exc_ValueError, "switch interval must be strictly positive");
    /* Microseconds, clamped as CPython clamps: at least 1 us, at most
     * what a 32-bit count holds. */
    double us = interval * 1e6;
    uint32_t v = us < 1.0 ? 1 : us > 4294967295.0 ? UINT32_MAX : (uint32_t)us;
    tn_gil_set_interval_us(&tn_interp()->gil, v);
    return tn_none_ref();
}

static TnObject *sys_getswitchinterval(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("getswitchinterval", kwnames) < 0 || tn_args_count("getswitchinterval", nargs, 0, 0) < 0)
        return NULL;
    return tn_float_from_double((double)tn_gil_interval_us(&tn_interp()->gil) / 1e6);
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
    TnInterp *interp = tn_interp();
    TnThreadStats st;
    tn_thread_stats(interp, &st);
    TnObject *d = tn_dict_new();
    if (d == NULL)
        return NULL;
    if (put_str(d, "flavour", TN_FLAVOUR_NAME) < 0 || put_str(d, "refcount", TN_RC_MODE_NAME) < 0 ||
        put_u64(d, "threads", st.threads) < 0 || put_u64(d, "gil_switches", st.gil_switches) < 0 ||
        put_u64(d, "gil_drop_requests", st.gil_drop_requests) < 0 ||
        put_u64(d, "gil_forced_switches", st.gil_forced_switches) < 0 ||
        put_u64(d, "gil_wait_ns", st.gil_wait_ns) < 0 ||
        put_u64(d, "gil_wait_ns_this_thread", tn_tstate()->gil_wait_ns) < 0 ||
        put_u64(d, "brc_queued_merges", st.brc_merges) < 0) {
        tn_decref(d);
        return NULL;
    }
    return d;
}

static TnObject *sys_tandem_stats(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_tandem_stats", kwnames) < 0 || tn_args_count("_tandem_stats", nargs, 0, 0) < 0)
        return NULL;
    return tn_sys_tandem_stats_dict();
}

const TnMethodDef tn_sys_thread_functions[] = {
    {"setswitchinterval", sys_setswitchinterval, 0, "Set the ideal thread switching delay inside the Python interpreter."},
    {"getswitchinterval", sys_getswitchinterval, 0, "Return the current thread switch interval; see sys.setswitchinterval()."},
    {"_tandem_stats", sys_tandem_stats, 0, "Return Tandem's threading counters as a dict (docs/threading.md)."},
    {NULL, NULL, 0, NULL},
};
