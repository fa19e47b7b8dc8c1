/* threading/stw.h — stop-the-world: hold every other thread at a safe point.
 *
 * Design and rules: docs/threading.md, "Stop-the-world".  In short (ft):
 * the requester sets TN_EVAL_STOP_REQUEST in every attached thread's eval
 * breaker, and those threads park (SUSPENDED) at their next check point;
 * detached threads (blocked in C, in a lock, in the parking lot) are moved
 * from DETACHED to SUSPENDED and cannot attach again until the world
 * restarts; threads that start during the pause begin SUSPENDED.  The
 * requester proceeds once every other thread is SUSPENDED.  Requesters are
 * serialised by a mutex, and a thread waiting for it is detached, so a
 * pending requester is itself stopped by the active one.
 *
 * In the gil flavour holding the GIL already excludes every other thread
 * from Python objects, so a pause only counts itself (and keeps the holder
 * from yielding the GIL at its check points until the world restarts).
 *
 * Code between tn_world_stop and tn_world_start must be short and must not
 * block: no lock another thread may hold (a SUSPENDED thread may own a
 * mutex handed to it while it slept), no blocking call, no Python code.
 * Pauses nest in the requester (an inner stop/start pair only counts).
 */
#ifndef TN_STW_H
#define TN_STW_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include "core/config.h"
#include "threading/mutex.h"

struct TnThreadState;
struct TnInterp;

/* Eval-breaker bit (threading/eval_breaker.h): park for a stop-the-world. */
#define TN_EVAL_STOP_REQUEST 0x8u

typedef struct TnStw {
    TnMutex requesters;           /* held by the requester for the whole pause */
    /* With the interpreter's threads_mutex: */
    pthread_cond_t all_parked;    /* the countdown reached 0 */
    pthread_cond_t restarted;     /* the world was started again */
    int countdown;                /* threads still to park */
    uint32_t requested;           /* atomic: a stop is in progress (set before the first
                                     thread is asked, cleared when the world restarts) */
    struct TnThreadState *requester;   /* atomic: the thread that stopped the world */
    int depth;                    /* requester only: nesting of tn_world_stop */
    int64_t started_ns;           /* requester only: when tn_world_stop was called */
    /* Statistics (atomic; sys._tandem_stats, -X stats). */
    uint64_t pauses;              /* completed pauses (outermost stop/start pairs) */
    uint64_t pause_ns;            /* summed length: request to restart */
    uint64_t stop_wait_ns;        /* the part spent waiting for threads to park */
    uint64_t max_pause_ns;        /* the longest pause */
} TnStw;

void tn_stw_init(TnStw *stw);

/* Stop every other thread of ts's interpreter (ts: the calling, attached
 * thread).  Returns with the world stopped. */
void tn_world_stop(struct TnThreadState *ts);
/* Restart them (the same ts). */
void tn_world_start(struct TnThreadState *ts);
/* Whether ts has stopped the world (is between stop and start). */
bool tn_world_stopped_by(struct TnThreadState *ts);

/* At a check point with TN_EVAL_STOP_REQUEST: park until the world restarts
 * (a stale bit is ignored). */
void tn_stw_park(struct TnThreadState *ts);

/* Thread-state hooks (threading/tstate.c), each called with the
 * interpreter's threads_mutex held, except the last two. */
void tn_stw_on_link_locked(struct TnThreadState *ts);     /* starts SUSPENDED during a pause */
void tn_stw_on_unlink_locked(struct TnThreadState *ts);   /* leaves the countdown */
/* ts has just become DETACHED: if a stop is in progress, count it parked now
 * rather than at the requester's next scan. */
void tn_stw_after_detach(struct TnThreadState *ts);
/* DETACHED -> ATTACHED, waiting while the thread is SUSPENDED. */
void tn_stw_attach_status(struct TnThreadState *ts);

typedef struct TnStwStats {
    uint64_t pauses, pause_ns, stop_wait_ns, max_pause_ns;
} TnStwStats;
void tn_stw_stats(struct TnInterp *interp, TnStwStats *out);

#endif
