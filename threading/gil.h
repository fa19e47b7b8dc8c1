/* threading/gil.h — the global interpreter lock of the gil flavour.
 *
 * CPython 3.2+ design (FREE_THREADING.md, "the new GIL"):
 *  - a flag `locked` guarded by a mutex, and a condition variable waiters
 *    sleep on;
 *  - a waiter sleeps at most the switch interval (default 5 ms); if it wakes
 *    by timeout and no switch happened meanwhile, it sets the drop-request
 *    bit (TN_EVAL_GIL_DROP_REQUEST) in the holder's eval-breaker word;
 *  - the holder sees the bit at its next check point and drops the GIL;
 *    forced switching: a thread that drops on request then waits until some
 *    other thread has taken the GIL, so it cannot take it straight back.
 * In the ft flavour the struct exists (one interpreter layout) and every
 * function is a no-op: there is no global lock.
 */
#ifndef TN_GIL_H
#define TN_GIL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include "core/config.h"

#define TN_EVAL_GIL_DROP_REQUEST 0x2u   /* eval-breaker bit (threading/eval_breaker.h) */
#define TN_GIL_DEFAULT_INTERVAL_US 5000

typedef struct TnGil {
    pthread_mutex_t mutex;        /* guards locked, holder_breaker, switch_number */
    pthread_cond_t cond;          /* signalled when the GIL is released */
    pthread_mutex_t switch_mutex; /* forced switching: a requested dropper waits ... */
    pthread_cond_t switch_cond;   /* ... here until another thread took the GIL */
    int locked;
    uint32_t *holder_breaker;     /* eval-breaker word of the holder (or last holder) */
    uint64_t switch_number;       /* incremented at every acquisition */
    uint32_t interval_us;         /* atomic: sys.setswitchinterval */
    /* Statistics (atomic, read by sys._tandem_stats / -X stats). */
    uint64_t switches;            /* acquisitions by a thread other than the last holder */
    uint64_t drop_requests;       /* drop-request bits set by timed-out waiters */
    uint64_t forced_switches;     /* drops that waited for another thread to take over */
    uint64_t takes;               /* acquisitions, by every thread since start */
    uint64_t wait_ns;             /* time spent waiting in tn_gil_take, summed over every
                                     thread since start (exited ones included) */
} TnGil;

void tn_gil_init(TnGil *g);
/* Take the GIL for the thread whose eval-breaker word is `breaker`; returns
 * the nanoseconds spent waiting. */
uint64_t tn_gil_take(TnGil *g, uint32_t *breaker);
/* Release it.  `on_request`: the holder drops because of a drop request, so
 * it waits (forced switching) until another thread has taken the GIL. */
void tn_gil_drop(TnGil *g, uint32_t *breaker, bool on_request);
void tn_gil_set_interval_us(TnGil *g, uint32_t us);
uint32_t tn_gil_interval_us(const TnGil *g);
/* Whether this build has a GIL at all. */
bool tn_gil_enabled(void);

#endif
