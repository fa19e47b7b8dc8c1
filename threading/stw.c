/* threading/stw.c — stop-the-world (design: docs/threading.md,
 * "Stop-the-world"; CPython's stop_the_world / park_detached_threads in
 * Python/pystate.c).
 *
 * Thread statuses change only as follows while a stop is in progress, every
 * SUSPENDED transition under the interpreter's threads_mutex:
 *   ATTACHED  -> SUSPENDED  the thread itself, at a check point (tn_stw_park);
 *   DETACHED  -> SUSPENDED  the requester's scan, or the thread as it detaches;
 *   (new)     -> SUSPENDED  a thread linked during the pause;
 *   SUSPENDED -> DETACHED   only tn_world_start (-> ATTACHED for a thread that
 *                           is waiting to run again: see tn_world_start).
 * The countdown starts at the number of threads other than the requester
 * and drops once per counted thread: when it becomes SUSPENDED, or when it
 * leaves the thread list (thread exit) before that.  Threads linked during
 * the pause start SUSPENDED and are not counted.
 */
#include "threading/stw.h"
#include <errno.h>
#include <time.h>
#include "threading/atomic.h"
#include "threading/parking_lot.h"
#include "threading/tstate.h"

/* How long the requester sleeps between scans for threads that detached
 * without being counted (CPython waits 1 ms too). */
#define STW_SCAN_INTERVAL_NS 1000000

void tn_stw_init(TnStw *stw)
{
    *stw = (TnStw){ .requesters = TN_MUTEX_INIT };
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&stw->all_parked, &attr);
    pthread_cond_init(&stw->restarted, &attr);
    pthread_condattr_destroy(&attr);
}

static uint32_t *status_word(TnThreadState *ts)
{
    return (uint32_t *)&ts->status;
}

static TnThreadState *requester_of(TnStw *stw)
{
    return tn_atomic_load_ptr_acquire((void *const *)&stw->requester);
}

bool tn_world_stopped_by(TnThreadState *ts)
{
    return requester_of(&ts->interp->stw) == ts;
}

static void add_stat(uint64_t *p, uint64_t v)
{
    (void)tn_atomic_add_intptr((intptr_t *)p, (intptr_t)v);
}

/* Pause statistics, once per outermost pause (the requester only). */
static void count_pause(TnStw *stw, uint64_t pause_ns)
{
    add_stat(&stw->pauses, 1);
    add_stat(&stw->pause_ns, pause_ns);
    intptr_t *max = (intptr_t *)&stw->max_pause_ns;
    intptr_t seen = tn_atomic_load_intptr_relaxed(max);
    while ((uint64_t)seen < pause_ns && !tn_atomic_cas_intptr(max, &seen, (intptr_t)pause_ns))
        ;
}

void tn_stw_stats(TnInterp *interp, TnStwStats *out)
{
    TnStw *stw = &interp->stw;
    out->pauses = (uint64_t)tn_atomic_load_intptr_relaxed((const intptr_t *)&stw->pauses);
    out->pause_ns = (uint64_t)tn_atomic_load_intptr_relaxed((const intptr_t *)&stw->pause_ns);
    out->stop_wait_ns = (uint64_t)tn_atomic_load_intptr_relaxed((const intptr_t *)&stw->stop_wait_ns);
    out->max_pause_ns = (uint64_t)tn_atomic_load_intptr_relaxed((const intptr_t *)&stw->max_pause_ns);
}

#if TN_FREE_THREADED

static uint32_t status_of(TnThreadState *ts)
{
    return tn_atomic_load_u32_acquire(status_word(ts));
}

static bool stop_requested(TnStw *stw)
{
    return tn_atomic_load_u32_acquire(&stw->requested) != 0;
}

/* One counted thread is parked (or gone); the last one wakes the requester. */
static void countdown_locked(TnStw *stw)
{
    if (--stw->countdown == 0)
        pthread_cond_signal(&stw->all_parked);
}

/* A counted thread that is DETACHED becomes SUSPENDED.  The CAS loses only
 * to the thread attaching itself, which then parks at its next check
 * point. */
static void park_if_detached_locked(TnStw *stw, TnThreadState *t)
{
    if (tn_atomic_cas_u32(status_word(t), TN_THREAD_DETACHED, TN_THREAD_SUSPENDED))
        countdown_locked(stw);
}

static bool is_linked_locked(TnThreadState *ts)
{
    return ts->prev != NULL || ts->interp->threads == ts;
}

/* Ask every other thread to park, and suspend the detached ones; repeat
 * until all are parked.  A thread that attaches between two scans gets the
 * bit at the next one (or already had it from an earlier scan). */
static void wait_for_parked_locked(TnInterp *interp, TnThreadState *self)
{
    TnStw *stw = &interp->stw;
    for (;;) {
        for (TnThreadState *t = interp->threads; t != NULL; t = t->next) {
            if (t == self)
                continue;
            park_if_detached_locked(stw, t);
            if (status_of(t) == TN_THREAD_ATTACHED)
                tn_eval_breaker_set(&t->eval_breaker, TN_EVAL_STOP_REQUEST);
        }
        if (stw->countdown == 0)
            return;
        struct timespec until;
        int64_t deadline = tn_deadline_ns(STW_SCAN_INTERVAL_NS);
        until.tv_sec = (time_t)(deadline / 1000000000);
        until.tv_nsec = (long)(deadline % 1000000000);
        (void)pthread_cond_timedwait(&stw->all_parked, &interp->threads_mutex, &until);
    }
}

void tn_world_stop(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    TnStw *stw = &interp->stw;
    if (requester_of(stw) == ts) {
        stw->depth++;
        return;
    }
    int64_t t0 = tn_monotonic_ns();
    /* Waiting here parks detached (the parking lot's hooks), so an active
     * requester counts this thread as stopped instead of waiting for it. */
    tn_mutex_lock(&stw->requesters);
    pthread_mutex_lock(&interp->threads_mutex);
    stw->started_ns = t0;
    stw->depth = 1;
    stw->countdown = 0;
    for (TnThreadState *t = interp->threads; t != NULL; t = t->next)
        if (t != ts)
            stw->countdown++;
    tn_atomic_store_ptr_release((void **)&stw->requester, ts);
    tn_atomic_store_u32_release(&stw->requested, 1);
    wait_for_parked_locked(interp, ts);
    pthread_mutex_unlock(&interp->threads_mutex);
    add_stat(&stw->stop_wait_ns, (uint64_t)(tn_monotonic_ns() - t0));
}

void tn_world_start(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    TnStw *stw = &interp->stw;
    if (--stw->depth > 0)
        return;
    /* Timed before the restart: the threads it wakes often preempt us. */
    int64_t end = tn_monotonic_ns();
    pthread_mutex_lock(&interp->threads_mutex);
    tn_atomic_store_u32_release(&stw->requested, 0);
    tn_atomic_store_ptr_release((void **)&stw->requester, NULL);
    /* A thread waiting to run again is restarted ATTACHED, not DETACHED:
     * a requester that stops the world again at once then waits for it to
     * reach its next check point instead of suspending it before it woke,
     * so back-to-back pauses (a loop of __class__ assignments) slow the
     * other threads down but cannot starve them. */
    for (TnThreadState *t = interp->threads; t != NULL; t = t->next)
        if (status_of(t) == TN_THREAD_SUSPENDED)
            tn_atomic_store_u32_release(status_word(t), t->stw_waiting ? TN_THREAD_ATTACHED
                                                                        : TN_THREAD_DETACHED);
    pthread_cond_broadcast(&stw->restarted);
    pthread_mutex_unlock(&interp->threads_mutex);
    count_pause(stw, (uint64_t)(end - stw->started_ns));
    tn_mutex_unlock(&stw->requesters);
}

static void wait_while_suspended_locked(TnThreadState *ts)
{
    ts->stw_waiting = true;
    while (status_of(ts) == TN_THREAD_SUSPENDED)
        pthread_cond_wait(&ts->interp->stw.restarted, &ts->interp->threads_mutex);
    ts->stw_waiting = false;
}

void tn_stw_park(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    TnStw *stw = &interp->stw;
    if (!stop_requested(stw) || requester_of(stw) == ts)
        return;
    /* Parking is detaching: release the object locks for the pause. */
    tn_critical_section_suspend_all();
    pthread_mutex_lock(&interp->threads_mutex);
    if (stop_requested(stw) && requester_of(stw) != ts && status_of(ts) == TN_THREAD_ATTACHED) {
        tn_atomic_store_u32_release(status_word(ts), TN_THREAD_SUSPENDED);
        countdown_locked(stw);
    }
    wait_while_suspended_locked(ts);
    tn_atomic_store_u32_release(status_word(ts), TN_THREAD_ATTACHED);
    pthread_mutex_unlock(&interp->threads_mutex);
    tn_critical_section_resume();
}

void tn_stw_on_link_locked(TnThreadState *ts)
{
    if (stop_requested(&ts->interp->stw))
        tn_atomic_store_u32_release(status_word(ts), TN_THREAD_SUSPENDED);
}

void tn_stw_on_unlink_locked(TnThreadState *ts)
{
    TnStw *stw = &ts->interp->stw;
    if (stop_requested(stw) && requester_of(stw) != ts && status_of(ts) != TN_THREAD_SUSPENDED)
        countdown_locked(stw);
}

void tn_stw_after_detach(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    TnStw *stw = &interp->stw;
    if (!stop_requested(stw) || requester_of(stw) == ts)
        return;
    pthread_mutex_lock(&interp->threads_mutex);
    if (stop_requested(stw) && requester_of(stw) != ts && is_linked_locked(ts))
        park_if_detached_locked(stw, ts);
    pthread_mutex_unlock(&interp->threads_mutex);
}

void tn_stw_attach_status(TnThreadState *ts)
{
    if (tn_atomic_cas_u32(status_word(ts), TN_THREAD_DETACHED, TN_THREAD_ATTACHED))
        return;
    TnInterp *interp = ts->interp;
    pthread_mutex_lock(&interp->threads_mutex);
    wait_while_suspended_locked(ts);
    tn_atomic_store_u32_release(status_word(ts), TN_THREAD_ATTACHED);
    pthread_mutex_unlock(&interp->threads_mutex);
}

#else /* the gil flavour: the GIL holder is alone with the objects already */

void tn_world_stop(TnThreadState *ts)
{
    TnStw *stw = &ts->interp->stw;
    if (requester_of(stw) == ts) {
        stw->depth++;
        return;
    }
    stw->started_ns = tn_monotonic_ns();
    stw->depth = 1;
    tn_atomic_store_ptr_release((void **)&stw->requester, ts);
}

void tn_world_start(TnThreadState *ts)
{
    TnStw *stw = &ts->interp->stw;
    if (--stw->depth > 0)
        return;
    tn_atomic_store_ptr_release((void **)&stw->requester, NULL);
    count_pause(stw, (uint64_t)(tn_monotonic_ns() - stw->started_ns));
}

void tn_stw_park(TnThreadState *ts)
{
    (void)ts;
}

void tn_stw_on_link_locked(TnThreadState *ts)
{
    (void)ts;
}

void tn_stw_on_unlink_locked(TnThreadState *ts)
{
    (void)ts;
}

void tn_stw_after_detach(TnThreadState *ts)
{
    (void)ts;
}

void tn_stw_attach_status(TnThreadState *ts)
{
    tn_atomic_store_u32_release(status_word(ts), TN_THREAD_ATTACHED);
}

#endif
