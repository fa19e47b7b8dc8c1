/* stress/c/mutex.c — TnMutex (threading/mutex.h) under contention.
 *
 *  1. exact count: N threads increment a plain counter under one mutex;
 *  2. progress: N threads lock/unlock in a loop until each has had the lock
 *     100 times (at least 0.3 s, at most 30 s); a thread that never gets
 *     there while the others keep going is starved;
 *  3. timed locks: try-lock and timed lock on a held mutex time out after
 *     (not before) the timeout, and succeed once the mutex is released;
 *     a parked timed waiter that times out leaves the mutex usable;
 *  4. signals: a parked lock with TN_LOCK_HANDLE_SIGNALS returns
 *     TN_LOCK_INTR when a handler runs; without the flag it keeps waiting.
 * It also prints the figures: uncontended lock+unlock time and contended
 * throughput.
 */
#include <signal.h>
#include <string.h>

#include "stress.h"
#include "threading/mutex.h"
#include "threading/parking_lot.h"

/* ---- 1. exact count ---------------------------------------------------------- */

typedef struct {
    TnMutex lock;
    long counter;        /* plain: only touched under lock */
    long iterations;
} CountShared;

static void *count_worker(void *arg)
{
    StressThread *t = arg;
    CountShared *s = t->shared;
    for (long i = 0; i < s->iterations; i++) {
        tn_mutex_lock(&s->lock);
        s->counter++;
        tn_mutex_unlock(&s->lock);
    }
    return NULL;
}

static void test_exact_count(int nthreads, long iterations)
{
    CountShared s = { .lock = TN_MUTEX_INIT, .counter = 0, .iterations = iterations };
    double t0 = stress_now();
    stress_run_threads(nthreads, count_worker, &s);
    double dt = stress_now() - t0;
    STRESS_CHECK(s.counter == nthreads * iterations, "counter %ld, expected %ld", s.counter,
                 nthreads * iterations);
    STRESS_CHECK(!tn_mutex_is_locked(&s.lock), "mutex left locked");
    STRESS_CHECK(s.lock.bits == 0, "mutex byte %u after the run, expected 0", s.lock.bits);
    printf("  contended: %d threads, %.2f M lock/unlock per s\n", nthreads,
           (double)(nthreads * iterations) / dt / 1e6);
}

/* ---- 2. progress / fairness --------------------------------------------------- */

typedef struct {
    TnMutex lock;
    long counter;
    int stop;            /* atomic */
    long acquired[STRESS_MAX_THREADS];
} FairShared;

static void *fair_worker(void *arg)
{
    StressThread *t = arg;
    FairShared *s = t->shared;
    while (!__atomic_load_n(&s->stop, __ATOMIC_RELAXED)) {
        tn_mutex_lock(&s->lock);
        s->counter++;
        /* Hold the lock a little so that waiters pile up and park. */
        for (volatile int spin = 0; spin < 200; spin++)
            ;
        tn_mutex_unlock(&s->lock);
        __atomic_fetch_add(&s->acquired[t->index], 1, __ATOMIC_RELAXED);
    }
    return NULL;
}

enum { FAIR_GOAL = 100, FAIR_MIN_MS = 300, FAIR_MAX_MS = 30000 };

typedef struct {
    FairShared *shared;
    int nthreads;
    long elapsed_ms;
} FairMonitor;

/* Stop the workers once every one of them has had the lock FAIR_GOAL times
 * (after at least FAIR_MIN_MS), or after FAIR_MAX_MS.  Judging by each
 * thread's own count instead of a fixed wall-clock window keeps the check
 * meaningful on a loaded machine, where a thread may simply not be
 * scheduled for a while: starvation means never getting the lock while
 * the others keep taking it, which the 30 s bound still catches. */
static void *fair_monitor(void *arg)
{
    FairMonitor *m = arg;
    struct timespec tick = { 0, 1000 * 1000 };
    long ms = 0;
    for (;; ms++) {
        nanosleep(&tick, NULL);
        int all = 1;
        for (int i = 0; i < m->nthreads; i++)
            all &= __atomic_load_n(&m->shared->acquired[i], __ATOMIC_RELAXED) >= FAIR_GOAL;
        if ((all && ms >= FAIR_MIN_MS) || ms >= FAIR_MAX_MS)
            break;
    }
    m->elapsed_ms = ms;
    __atomic_store_n(&m->shared->stop, 1, __ATOMIC_RELAXED);
    return NULL;
}

static void test_progress(int nthreads)
{
    static FairShared s;
    memset(&s, 0, sizeof s);
    uint64_t h0 = tn_mutex_handoffs();
    pthread_t monitor;
    FairMonitor mon = { .shared = &s, .nthreads = nthreads };
    pthread_create(&monitor, NULL, fair_monitor, &mon);
    stress_run_threads(nthreads, fair_worker, &s);
    pthread_join(monitor, NULL);
    long total = 0, least = -1;
    for (int i = 0; i < nthreads; i++) {
        total += s.acquired[i];
        if (least < 0 || s.acquired[i] < least)
            least = s.acquired[i];
    }
    STRESS_CHECK(total == s.counter, "acquisitions %ld but counter %ld", total, s.counter);
    /* Starvation check: the hand-off after 1 ms guarantees a parked thread
     * the lock within a few ms whenever it runs. */
    for (int i = 0; i < nthreads; i++)
        STRESS_CHECK(s.acquired[i] >= FAIR_GOAL, "thread %d acquired the lock only %ld times (of %ld) in %ld ms",
                     i, s.acquired[i], total, mon.elapsed_ms);
    printf("  progress: %d threads, %ld acquisitions in %.1f s, least %ld, %llu hand-offs\n", nthreads,
           total, mon.elapsed_ms / 1000.0, least, (unsigned long long)(tn_mutex_handoffs() - h0));
}

/* ---- 3. timed locks ------------------------------------------------------------- */

typedef struct {
    TnMutex *lock;
    int64_t timeout_ns;
    TnLockStatus status;
    int64_t waited_ns;
} TimedArgs;

static void *timed_locker(void *arg)
{
    TimedArgs *a = arg;
    int64_t t0 = tn_monotonic_ns();
    a->status = tn_mutex_lock_timed(a->lock, a->timeout_ns, TN_LOCK_DETACH);
    a->waited_ns = tn_monotonic_ns() - t0;
    if (a->status == TN_LOCK_ACQUIRED)
        tn_mutex_unlock(a->lock);
    return NULL;
}

static void test_timed(void)
{
    TnMutex m = TN_MUTEX_INIT;
    tn_mutex_lock(&m);
    STRESS_CHECK(tn_mutex_lock_timed(&m, 0, TN_LOCK_DETACH) == TN_LOCK_TIMEOUT, "try-lock of a held mutex");
    STRESS_CHECK(!tn_mutex_trylock(&m), "trylock of a held mutex");

    /* Several threads time out together while the mutex stays held. */
    enum { N = 4 };
    TimedArgs args[N];
    pthread_t th[N];
    for (int i = 0; i < N; i++) {
        args[i] = (TimedArgs){ .lock = &m, .timeout_ns = (i + 1) * 5 * 1000000LL };
        pthread_create(&th[i], NULL, timed_locker, &args[i]);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(th[i], NULL);
        STRESS_CHECK(args[i].status == TN_LOCK_TIMEOUT, "timed lock %d: status %d", i, args[i].status);
        STRESS_CHECK(args[i].waited_ns >= args[i].timeout_ns, "timed lock %d returned after %lld ns < %lld", i,
                     (long long)args[i].waited_ns, (long long)args[i].timeout_ns);
    }
    STRESS_CHECK(tn_parking_lot_count(&m.bits) == 0, "timed-out waiters still parked");
    /* HAS_PARKED may be left set by the timed-out waiters: unlock must cope. */
    tn_mutex_unlock(&m);
    STRESS_CHECK(m.bits == 0, "byte %u after unlock, expected 0", m.bits);

    /* A long timed lock succeeds when the holder lets go in time. */
    tn_mutex_lock(&m);
    TimedArgs ok = { .lock = &m, .timeout_ns = 10LL * 1000000000 };
    pthread_t th1;
    pthread_create(&th1, NULL, timed_locker, &ok);
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    nanosleep(&ts, NULL);
    tn_mutex_unlock(&m);
    pthread_join(th1, NULL);
    STRESS_CHECK(ok.status == TN_LOCK_ACQUIRED, "timed lock after release: status %d", ok.status);
    STRESS_CHECK(!tn_mutex_is_locked(&m), "mutex left locked");
}

/* Timeouts racing with unlocks: short timed locks against a busy mutex. */
typedef struct {
    TnMutex lock;
    long counter;
    long iterations;
    long acquired;      /* atomic */
} RaceShared;

static void *race_worker(void *arg)
{
    StressThread *t = arg;
    RaceShared *s = t->shared;
    for (long i = 0; i < s->iterations; i++) {
        if (t->index % 2 == 0) {
            tn_mutex_lock(&s->lock);
        } else if (tn_mutex_lock_timed(&s->lock, 20000 + (i % 7) * 10000, TN_LOCK_DETACH) != TN_LOCK_ACQUIRED) {
            continue;
        }
        s->counter++;
        for (volatile int spin = 0; spin < 100; spin++)
            ;
        tn_mutex_unlock(&s->lock);
        __atomic_add_fetch(&s->acquired, 1, __ATOMIC_RELAXED);
    }
    return NULL;
}

static void test_timeout_races(int nthreads, long iterations)
{
    RaceShared s = { .lock = TN_MUTEX_INIT, .iterations = iterations };
    stress_run_threads(nthreads, race_worker, &s);
    STRESS_CHECK(s.counter == s.acquired, "counter %ld but %ld acquisitions", s.counter, s.acquired);
    STRESS_CHECK(s.lock.bits == 0, "byte %u after the run, expected 0", s.lock.bits);
}

/* ---- 4. signals ------------------------------------------------------------------ */

static int signals_seen;   /* atomic */

static void on_sigusr1(int sig)
{
    (void)sig;
    __atomic_add_fetch(&signals_seen, 1, __ATOMIC_RELAXED);
}

typedef struct {
    TnMutex *lock;
    int flags;
    TnLockStatus status;
} SignalArgs;

static void *signal_locker(void *arg)
{
    SignalArgs *a = arg;
    a->status = tn_mutex_lock_timed(a->lock, 20LL * 1000000000, a->flags);
    if (a->status == TN_LOCK_ACQUIRED)
        tn_mutex_unlock(a->lock);
    return NULL;
}

static void wait_until_parked(const void *addr, size_t n)
{
    for (int i = 0; i < 20000 && tn_parking_lot_count(addr) < n; i++) {
        struct timespec ts = { 0, 100 * 1000 };
        nanosleep(&ts, NULL);
    }
}

static void test_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigusr1;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   /* no SA_RESTART: the wait sees EINTR */
    sigaction(SIGUSR1, &sa, NULL);

    TnMutex m = TN_MUTEX_INIT;
    tn_mutex_lock(&m);

    SignalArgs intr = { .lock = &m, .flags = TN_LOCK_DETACH | TN_LOCK_HANDLE_SIGNALS };
    pthread_t th;
    pthread_create(&th, NULL, signal_locker, &intr);
    wait_until_parked(&m.bits, 1);
    pthread_kill(th, SIGUSR1);
    pthread_join(th, NULL);
    STRESS_CHECK(intr.status == TN_LOCK_INTR, "interruptible lock: status %d, expected INTR", intr.status);

    SignalArgs keep = { .lock = &m, .flags = TN_LOCK_DETACH };
    pthread_create(&th, NULL, signal_locker, &keep);
    wait_until_parked(&m.bits, 1);
    pthread_kill(th, SIGUSR1);
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    nanosleep(&ts, NULL);
    tn_mutex_unlock(&m);
    pthread_join(th, NULL);
    STRESS_CHECK(keep.status == TN_LOCK_ACQUIRED, "uninterruptible lock: status %d", keep.status);
    STRESS_CHECK(__atomic_load_n(&signals_seen, __ATOMIC_RELAXED) == 2, "handler ran %d times",
                 __atomic_load_n(&signals_seen, __ATOMIC_RELAXED));
    signal(SIGUSR1, SIG_DFL);
}

/* ---- figures ------------------------------------------------------------------------ */

static void report_uncontended(long n)
{
    TnMutex m = TN_MUTEX_INIT;
    double t0 = stress_now();
    for (long i = 0; i < n; i++) {
        tn_mutex_lock(&m);
        tn_mutex_unlock(&m);
    }
    double dt = stress_now() - t0;
    pthread_mutex_t pm = PTHREAD_MUTEX_INITIALIZER;
    double t1 = stress_now();
    for (long i = 0; i < n; i++) {
        pthread_mutex_lock(&pm);
        pthread_mutex_unlock(&pm);
    }
    double dt_pthread = stress_now() - t1;
    printf("  uncontended lock+unlock: %.1f ns (pthread_mutex: %.1f ns)\n", dt / (double)n * 1e9,
           dt_pthread / (double)n * 1e9);
}

int main(void)
{
    double t0 = stress_now();
    long scale = stress_scale();
    test_exact_count(4, 250000 * scale);
    test_exact_count(8, 100000 * scale);
    test_progress(6);
    test_timed();
    test_timeout_races(6, 5000 * scale);
    test_signals();
    report_uncontended(1000000 * scale);   /* after threads ran: no single-thread shortcuts */
    uint64_t contended, parks;
    tn_mutex_stats(&contended, &parks);
    printf("  stats: %llu contended acquisitions, %llu parks\n", (unsigned long long)contended,
           (unsigned long long)parks);
    STRESS_CHECK(contended > 0 && parks > 0, "the counters did not move");
    return stress_finish("mutex", t0);
}
