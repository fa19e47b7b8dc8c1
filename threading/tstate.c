/* threading/tstate.c — attach / detach and the interpreter's thread list.
 * Stop-the-world (threading/stw.c) hooks into linking, unlinking, attaching
 * and detaching; each hook is one call. */
#include "threading/tstate.h"
#include <unistd.h>
#include "threading/atomic.h"
#include "threading/mutex.h"
#include "threading/parking_lot.h"

#if TN_FREE_THREADED
/* A thread that sleeps on a contended TnMutex or in the parking lot is
 * detached for the sleep (the parking lot calls these around it), so a
 * stop-the-world pause never waits for a thread blocked on a lock.  The
 * lock code has already released the thread's critical sections. */
static _Thread_local bool parked_detached;

static void park_detach_hook(void)
{
    TnThreadState *ts = tn_tstate();
    if (ts == NULL || tn_atomic_load_u32_relaxed((uint32_t *)&ts->status) != TN_THREAD_ATTACHED)
        return;   /* no thread state, or already detached (TN_BEGIN_ALLOW_THREADS) */
    parked_detached = true;
    tn_atomic_store_u32_release((uint32_t *)&ts->status, TN_THREAD_DETACHED);
    tn_stw_after_detach(ts);
}

static void park_attach_hook(void)
{
    if (!parked_detached)
        return;
    parked_detached = false;
    tn_stw_attach_status(tn_tstate());
}

static void set_park_hooks(void)
{
    tn_parking_set_hooks(park_detach_hook, park_attach_hook);
}
#else
static void set_park_hooks(void) {}   /* gil: a thread parked on a lock keeps the GIL rules */
#endif

void tn_threads_init(TnInterp *interp)
{
    tn_gil_init(&interp->gil);
    tn_stw_init(&interp->stw);
    set_park_hooks();
    pthread_mutex_init(&interp->threads_mutex, NULL);
    interp->threads = NULL;
    interp->threads_started = 0;
    interp->finalizing = 0;
}

void tn_threads_link(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    pthread_mutex_lock(&interp->threads_mutex);
    ts->prev = NULL;
    ts->next = interp->threads;
    if (interp->threads != NULL)
        interp->threads->prev = ts;
    interp->threads = ts;
    tn_stw_on_link_locked(ts);
    pthread_mutex_unlock(&interp->threads_mutex);
}

void tn_threads_unlink(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    pthread_mutex_lock(&interp->threads_mutex);
    tn_stw_on_unlink_locked(ts);
    if (ts->prev != NULL)
        ts->prev->next = ts->next;
    else
        interp->threads = ts->next;
    if (ts->next != NULL)
        ts->next->prev = ts->prev;
    ts->prev = ts->next = NULL;
    pthread_mutex_unlock(&interp->threads_mutex);
}

/* Release: a stop-the-world requester that finds the thread DETACHED (and
 * suspends it) must see everything the thread did while attached. */
static void set_status(TnThreadState *ts, int status)
{
    tn_atomic_store_u32_release((uint32_t *)&ts->status, (uint32_t)status);
}

/* A thread other than the main one that attaches while the process exits
 * parks here for good: the exit does not wait for daemon threads, and they
 * must not run Python code while it tears things down (CPython 3.14 also
 * hangs them rather than killing them). */
static void hang_if_finalizing(TnThreadState *ts, bool holds_gil)
{
    TnInterp *interp = ts->interp;
    if (!tn_atomic_load_u32_relaxed((uint32_t *)&interp->finalizing) ||
        ts->thread_ident == interp->main_thread_ident)
        return;
    if (holds_gil)
        tn_gil_drop(&interp->gil, &ts->eval_breaker, false);
    for (;;)
        pause();
}

void tn_thread_attach(TnThreadState *ts)
{
    hang_if_finalizing(ts, false);
    uint64_t waited = tn_gil_take(&ts->interp->gil, &ts->eval_breaker);
    if (TN_UNLIKELY(tn_atomic_load_u32_relaxed((uint32_t *)&ts->interp->finalizing)))
        hang_if_finalizing(ts, true);
    /* Only this thread writes and reads its own counters (the
     * *_this_thread keys of sys._tandem_stats); gil.c keeps the totals. */
    ts->gil_wait_ns += waited;
    if (tn_gil_enabled())
        ts->gil_takes++;
    /* DETACHED -> ATTACHED, or wait here while a pause holds us SUSPENDED. */
    tn_stw_attach_status(ts);
    tn_qsbr_attach(&ts->qsbr);
    /* Re-lock the innermost critical section released by the detach. */
    tn_critical_section_resume();
}

TnThreadState *tn_thread_detach(void)
{
    TnThreadState *ts = tn_tstate();
    /* A blocked thread holds no object lock: another thread that needs one
     * of them cannot end up waiting for us while we wait for it. */
    tn_critical_section_suspend_all();
    tn_qsbr_detach(&ts->qsbr);   /* offline: holds no pointer from a lock-free field */
    set_status(ts, TN_THREAD_DETACHED);
    tn_stw_after_detach(ts);
    tn_gil_drop(&ts->interp->gil, &ts->eval_breaker, false);
    return ts;
}

void tn_thread_yield_gil(TnThreadState *ts)
{
    /* A gil-flavour pause is the GIL itself: keep it until the world restarts. */
    if (tn_world_stopped_by(ts))
        return;
    tn_qsbr_detach(&ts->qsbr);
    set_status(ts, TN_THREAD_DETACHED);
    tn_gil_drop(&ts->interp->gil, &ts->eval_breaker, true);
    tn_thread_attach(ts);
}

static uint64_t load_stat(const uint64_t *p)
{
    return (uint64_t)tn_atomic_load_intptr_relaxed((const intptr_t *)p);
}

void tn_thread_stats(TnInterp *interp, TnThreadStats *out)
{
    TnGil *g = &interp->gil;
    out->gil_takes = load_stat(&g->takes);
    out->gil_switches = load_stat(&g->switches);
    out->gil_drop_requests = load_stat(&g->drop_requests);
    out->gil_forced_switches = load_stat(&g->forced_switches);
    out->gil_wait_ns = load_stat(&g->wait_ns);
    tn_mutex_stats(&out->mutex_contended, &out->mutex_parks);
    out->mutex_handoffs = tn_mutex_handoffs();
    TnParkingLotStats pk;
    tn_parking_lot_stats(&pk);
    out->park_parks = pk.parks;
    out->park_unparks = pk.unparks;
    out->park_timeouts = pk.timeouts;
    out->park_sleep_ns = pk.sleep_ns;
    out->brc_merges = tn_brc_merged_count();
    TnStwStats stw;
    tn_stw_stats(interp, &stw);
    out->stw_pauses = stw.pauses;
    out->stw_pause_ns = stw.pause_ns;
    out->stw_stop_wait_ns = stw.stop_wait_ns;
    out->stw_max_pause_ns = stw.max_pause_ns;
    out->threads = 0;
    pthread_mutex_lock(&interp->threads_mutex);
    for (TnThreadState *t = interp->threads; t != NULL; t = t->next)
        out->threads++;
    pthread_mutex_unlock(&interp->threads_mutex);
}
