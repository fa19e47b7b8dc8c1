/* threading/gil.c — the GIL (gil flavour); see threading/gil.h. */
#include <errno.h>
#include <time.h>
#include "threading/gil.h"
#include "threading/atomic.h"
#include "threading/eval_breaker.h"

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void stat_add(uint64_t *p, uint64_t v) { (void)tn_atomic_add_intptr((intptr_t *)p, (intptr_t)v); }

#if TN_HAVE_GIL

void tn_gil_init(TnGil *g)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&g->mutex, NULL);
    pthread_cond_init(&g->cond, &attr);
    pthread_mutex_init(&g->switch_mutex, NULL);
    pthread_cond_init(&g->switch_cond, NULL);
    pthread_condattr_destroy(&attr);
    g->locked = 0;
    g->holder_breaker = NULL;
    g->switch_number = 0;
    g->interval_us = TN_GIL_DEFAULT_INTERVAL_US;
    g->switches = g->drop_requests = g->forced_switches = 0;
    g->takes = g->wait_ns = 0;
}

static struct timespec deadline_after_us(uint32_t us)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t ns = (uint64_t)ts.tv_nsec + (uint64_t)us * 1000u;
    ts.tv_sec += (time_t)(ns / 1000000000u);
    ts.tv_nsec = (long)(ns % 1000000000u);
    return ts;
}

uint64_t tn_gil_take(TnGil *g, uint32_t *breaker)
{
    uint64_t waited = 0;
    pthread_mutex_lock(&g->mutex);
    if (g->locked) {
        uint64_t t0 = now_ns();
        while (g->locked) {
            uint64_t seen = g->switch_number;
            struct timespec deadline = deadline_after_us(tn_gil_interval_us(g));
            int r = pthread_cond_timedwait(&g->cond, &g->mutex, &deadline);
            /* A whole interval passed and nobody switched: ask the holder. */
            if (r == ETIMEDOUT && g->locked && g->switch_number == seen) {
                tn_eval_breaker_set(g->holder_breaker, TN_EVAL_GIL_DROP_REQUEST);
                stat_add(&g->drop_requests, 1);
            }
        }
        waited = now_ns() - t0;
        stat_add(&g->wait_ns, waited);
    }
    stat_add(&g->takes, 1);
    /* The switch mutex orders this acquisition before a forced-switch
     * waiter's check of holder_breaker. */
    pthread_mutex_lock(&g->switch_mutex);
    g->locked = 1;
    if (g->holder_breaker != breaker)
        stat_add(&g->switches, 1);
    g->holder_breaker = breaker;
    g->switch_number++;
    pthread_cond_signal(&g->switch_cond);
    pthread_mutex_unlock(&g->switch_mutex);
    /* A request aimed at our previous turn is stale now. */
    tn_eval_breaker_take(breaker, TN_EVAL_GIL_DROP_REQUEST);
    pthread_mutex_unlock(&g->mutex);
    return waited;
}

void tn_gil_drop(TnGil *g, uint32_t *breaker, bool on_request)
{
    pthread_mutex_lock(&g->mutex);
    g->locked = 0;
    pthread_cond_signal(&g->cond);
    pthread_mutex_unlock(&g->mutex);
    if (!on_request)
        return;
    /* Forced switching: the thread that asked must get its turn before we
     * can take the GIL back. */
    pthread_mutex_lock(&g->switch_mutex);
    if (g->holder_breaker == breaker) {
        stat_add(&g->forced_switches, 1);
        while (g->holder_breaker == breaker)
            pthread_cond_wait(&g->switch_cond, &g->switch_mutex);
    }
    pthread_mutex_unlock(&g->switch_mutex);
}

bool tn_gil_enabled(void) { return true; }

#else /* ft: no global lock */

void tn_gil_init(TnGil *g)
{
    g->locked = 0;
    g->holder_breaker = NULL;
    g->switch_number = 0;
    g->interval_us = TN_GIL_DEFAULT_INTERVAL_US;
    g->switches = g->drop_requests = g->forced_switches = 0;
    g->takes = g->wait_ns = 0;
}

uint64_t tn_gil_take(TnGil *g, uint32_t *breaker) { (void)g; (void)breaker; (void)now_ns; return 0; }
void tn_gil_drop(TnGil *g, uint32_t *breaker, bool on_request) { (void)g; (void)breaker; (void)on_request; (void)stat_add; }
bool tn_gil_enabled(void) { return false; }

#endif

void tn_gil_set_interval_us(TnGil *g, uint32_t us) { tn_atomic_store_u32_relaxed(&g->interval_us, us); }
uint32_t tn_gil_interval_us(const TnGil *g) { return tn_atomic_load_u32_relaxed(&g->interval_us); }
