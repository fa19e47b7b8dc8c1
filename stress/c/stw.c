/* stress/c/stw.c — stop-the-world (threading/stw.h) against every kind of
 * thread it must stop.
 *
 * Threads, each with its own thread state (as a thread running Python):
 *   runners     attached, polling their eval breaker as the eval loop does at
 *               check points; half the time inside a critical section on a
 *               shared object (the pause must release it);
 *   blockers    in and out of TN_BEGIN_ALLOW_THREADS (a short sleep), and in
 *               and out of a contended TnMutex (parked on it: detached);
 *   spawners    start short-lived threads that create a thread state, attach,
 *               poll a few times and exit, so threads appear and disappear
 *               during pauses;
 *   requesters  two of them, stopping the world at the same time (and nesting
 *               a second stop now and then).
 * Checks:
 *   - in a pause no other thread makes progress: every thread's progress
 *     counter reads the same before and after a short spin;
 *   - `generation` is written (odd, then even again) only inside pauses,
 *     with plain stores, and every other thread reads it with plain loads and
 *     must always see it even (under TSan: and without a data race, which
 *     proves the pause orders those accesses);
 *   - the counters of sys._tandem_stats count every pause;
 *   - it all ends (a deadlock is a timeout).
 * In the gil flavour the GIL already excludes the others, so the same checks
 * hold with a pause that costs nothing.
 */
#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "threading/tstate.h"
#include "threading/stw.h"
#include "stress.h"
#include <time.h>

#define NRUNNERS 2
#define NBLOCKERS 2
#define NSPAWNERS 1
#define NREQUESTERS 2
#define NTHREADS (NRUNNERS + NBLOCKERS + NSPAWNERS + NREQUESTERS)

typedef struct Shared {
    TnInterp *interp;
    uint64_t progress[NTHREADS];   /* plain: each written by its own thread only */
    uint64_t generation;           /* plain: written only with the world stopped */
    uint64_t cs_data;              /* plain: under the critical section on cs_obj */
    TnObject *cs_obj;
    TnMutex contended;
    uint64_t mutex_data;           /* plain: under `contended` */
    int requesters_left;           /* atomic */
    int done;                      /* atomic: the requesters have finished */
    long pauses_each;
} Shared;

static bool finished(Shared *s)
{
    return __atomic_load_n(&s->done, __ATOMIC_ACQUIRE) != 0;
}

/* What the eval loop does at a check point. */
static void check_point(TnThreadState *ts)
{
    if (tn_eval_breaker_pending(&ts->eval_breaker))
        (void)tn_eval_handle_breaker(ts);
}

static void check_generation(Shared *s, const char *who)
{
    uint64_t g = *(volatile uint64_t *)&s->generation;
    STRESS_CHECK((g & 1) == 0, "%s saw generation %llu: ran during a pause", who, (unsigned long long)g);
}

static void short_sleep(long ns)
{
    struct timespec d = { 0, ns };
    nanosleep(&d, NULL);
}

static void run_runner(Shared *s, TnThreadState *ts, int i)
{
    while (!finished(s)) {
        check_point(ts);
        check_generation(s, "runner");
        s->progress[i]++;
        if (s->progress[i] % 2 == 0) {
            TN_BEGIN_CRITICAL_SECTION(s->cs_obj);
            s->cs_data++;
            check_point(ts);   /* parking here suspends the section */
            s->cs_data++;
            TN_END_CRITICAL_SECTION();
        }
    }
}

static void run_blocker(Shared *s, TnThreadState *ts, int i)
{
    while (!finished(s)) {
        TN_BEGIN_ALLOW_THREADS
        short_sleep(20000);
        TN_END_ALLOW_THREADS
        check_generation(s, "blocker");
        s->progress[i]++;
        tn_mutex_lock(&s->contended);
        s->mutex_data++;
        tn_mutex_unlock(&s->contended);
        check_point(ts);
    }
}

static void *short_lived(void *arg)
{
    Shared *s = arg;
    TnThreadState *ts = tn_thread_state_new(s->interp);
    STRESS_CHECK(ts != NULL, "no thread state");
    if (ts == NULL)
        return NULL;
    tn_thread_attach(ts);
    for (int k = 0; k < 50; k++) {
        check_point(ts);
        check_generation(s, "short-lived thread");
    }
    tn_thread_state_delete_current();
    return NULL;
}

static void run_spawner(Shared *s, TnThreadState *ts, int i)
{
    while (!finished(s)) {
        pthread_t t[2];
        int n = 0;
        TN_BEGIN_ALLOW_THREADS
        for (; n < 2; n++)
            if (pthread_create(&t[n], NULL, short_lived, s) != 0)
                break;
        for (int k = 0; k < n; k++)
            pthread_join(t[k], NULL);
        TN_END_ALLOW_THREADS
        s->progress[i]++;
        check_point(ts);
    }
}

static void run_requester(Shared *s, TnThreadState *ts, int i)
{
    for (long p = 0; p < s->pauses_each; p++) {
        tn_world_stop(ts);
        bool nested = p % 8 == 0;
        if (nested)
            tn_world_stop(ts);
        STRESS_CHECK(tn_world_stopped_by(ts), "requester not recorded as the one that stopped the world");
        /* Volatile (still plain, not atomic): the compiler must really load
         * and store, or it could merge the two reads and the two writes. */
        volatile uint64_t *progress = s->progress, *generation = &s->generation;
        uint64_t before[NTHREADS];
        for (int k = 0; k < NTHREADS; k++)
            before[k] = progress[k];
        *generation = *generation + 1;   /* odd: a thread that reads it now runs in the pause */
        for (volatile int spin = 0; spin < 20000; spin++)
            ;
        for (int k = 0; k < NTHREADS; k++)
            STRESS_CHECK(k == i || progress[k] == before[k], "thread %d made progress during a pause", k);
        *generation = *generation + 1;
        if (nested)
            tn_world_start(ts);
        tn_world_start(ts);
        STRESS_CHECK(!tn_world_stopped_by(ts), "world still stopped after tn_world_start");
        s->progress[i]++;
        check_point(ts);   /* the other requester may be stopping us */
        check_generation(s, "requester");
        if (p % 32 == 0) {   /* let the others run between pauses */
            TN_BEGIN_ALLOW_THREADS
            short_sleep(20000);
            TN_END_ALLOW_THREADS
        }
    }
    if (__atomic_sub_fetch(&s->requesters_left, 1, __ATOMIC_ACQ_REL) == 0)
        __atomic_store_n(&s->done, 1, __ATOMIC_RELEASE);
}

static void *thread_main(void *arg)
{
    StressThread *t = arg;
    Shared *s = t->shared;
    TnThreadState *ts = tn_thread_state_new(s->interp);
    STRESS_CHECK(ts != NULL, "no thread state");
    if (ts == NULL)
        return NULL;
    tn_thread_attach(ts);
    int i = t->index;
    if (i < NRUNNERS)
        run_runner(s, ts, i);
    else if (i < NRUNNERS + NBLOCKERS)
        run_blocker(s, ts, i);
    else if (i < NRUNNERS + NBLOCKERS + NSPAWNERS)
        run_spawner(s, ts, i);
    else
        run_requester(s, ts, i);
    tn_thread_state_delete_current();
    return NULL;
}

int main(void)
{
    double t0 = stress_now();
    if (tn_runtime_init() < 0)
        return 1;
    /* Threads are started here with pthread_create, not _thread: leave the
     * critical sections' single-thread mode as starting one would. */
    tn_critical_section_enable_locking();
    static Shared s;
    s.interp = tn_interp();
    s.cs_obj = tn_list_new(0);
    s.pauses_each = 1000 * stress_scale();
    s.requesters_left = NREQUESTERS;
    TnStwStats before;
    tn_stw_stats(s.interp, &before);
    /* The main thread waits detached, as a Python thread joining does. */
    TN_BEGIN_ALLOW_THREADS
    stress_run_threads(NTHREADS, thread_main, &s);
    TN_END_ALLOW_THREADS
    TnStwStats after;
    tn_stw_stats(s.interp, &after);
    uint64_t pauses = after.pauses - before.pauses;
    STRESS_CHECK(pauses == (uint64_t)(NREQUESTERS * s.pauses_each), "stats count %llu pauses, expected %ld",
                 (unsigned long long)pauses, NREQUESTERS * s.pauses_each);
    STRESS_CHECK(after.max_pause_ns <= after.pause_ns, "max pause longer than the total");
    printf("stw: %llu pauses, mean %.1f us, max %.1f us, mean wait for parking %.1f us\n",
           (unsigned long long)pauses, pauses ? (double)(after.pause_ns - before.pause_ns) / pauses / 1e3 : 0.0,
           (double)after.max_pause_ns / 1e3,
           pauses ? (double)(after.stop_wait_ns - before.stop_wait_ns) / pauses / 1e3 : 0.0);
    tn_decref(s.cs_obj);
    return stress_finish("stw", t0);
}
