/* threading/tstate.h — thread states: attach, detach, the list of threads.
 *
 * One TnThreadState per OS thread that runs Python code (the struct is in
 * core/vm/state.h because the eval loop owns most of its fields).  A thread
 * state is
 *   ATTACHED   running Python code: may touch objects (in gil: holds the GIL);
 *   DETACHED   blocked in C (sleep, lock wait, I/O): must not touch objects;
 *   SUSPENDED  detached and held there by a stop-the-world pause (ft;
 *              threading/stw.h): it cannot attach until the world restarts.
 * Blocking calls are bracketed by TN_BEGIN_ALLOW_THREADS / TN_END_ALLOW_THREADS:
 * in gil they drop and retake the GIL, in ft they only change the status
 * (and release the thread's critical sections), so a stop-the-world pause
 * never waits for a blocked thread.
 */
#ifndef TN_TSTATE_H
#define TN_TSTATE_H

#include "core/vm/state.h"
#include "threading/stw.h"

#define TN_THREAD_DETACHED 0
#define TN_THREAD_ATTACHED 1
#define TN_THREAD_SUSPENDED 2

void tn_threads_init(TnInterp *interp);
/* Link a new thread state (created on its own OS thread) into the list. */
void tn_threads_link(TnThreadState *ts);
/* Unlink ts (the calling thread's state) from the list. */
void tn_threads_unlink(TnThreadState *ts);

/* Attach ts (the calling thread's state): in gil, take the GIL. */
void tn_thread_attach(TnThreadState *ts);
/* Detach the calling thread and return its state for tn_thread_attach. */
TnThreadState *tn_thread_detach(void);
/* At a check point with TN_EVAL_GIL_DROP_REQUEST: give other threads a turn. */
void tn_thread_yield_gil(TnThreadState *ts);

#define TN_BEGIN_ALLOW_THREADS { TnThreadState *tn_saved_ts_ = tn_thread_detach();
#define TN_END_ALLOW_THREADS tn_thread_attach(tn_saved_ts_); }

/* Statistics for sys._tandem_stats() and -X stats (docs/threading.md lists
 * them as the user sees them).  Counters are since process start; the gil_*
 * ones stay 0 in the ft flavour, which has no GIL. */
typedef struct TnThreadStats {
    uint64_t threads;          /* live thread states */
    uint64_t gil_takes, gil_switches, gil_drop_requests, gil_forced_switches;
    uint64_t gil_wait_ns;      /* summed over every thread, exited ones included */
    uint64_t mutex_contended, mutex_parks, mutex_handoffs;   /* TnMutex (mutex.h) */
    uint64_t park_parks, park_unparks, park_timeouts, park_sleep_ns;   /* parking_lot.h */
    uint64_t brc_merges;       /* objects merged through a biased-RC queue */
    uint64_t stw_pauses, stw_pause_ns, stw_stop_wait_ns, stw_max_pause_ns;   /* stw.h */
} TnThreadStats;
void tn_thread_stats(TnInterp *interp, TnThreadStats *out);

#endif
