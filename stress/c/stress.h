/* stress/c/stress.h — the small harness shared by the C stress programs.
 *
 * A stress program starts N threads on one function, joins them and checks
 * exact final values.  Sizes come from TN_STRESS_SCALE (an integer >= 1,
 * default 1), so `make stress` can run the same programs longer.
 *
 * STRESS_CHECK may be used from any thread (the failure count is atomic).
 * Failures print "FAIL: <what>" and make the program exit 1; the program
 * prints one summary line and exits 0 when every check passed.
 */
#ifndef TN_STRESS_H
#define TN_STRESS_H

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int stress_failures;

#define STRESS_CHECK(cond, ...)                                          \
    do {                                                                 \
        if (!(cond)) {                                                   \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);         \
            fprintf(stderr, __VA_ARGS__);                                \
            fputc('\n', stderr);                                         \
            __atomic_add_fetch(&stress_failures, 1, __ATOMIC_RELAXED);   \
        }                                                                \
    } while (0)

/* TN_STRESS_SCALE from the environment: an integer in [1, 100000]. */
static inline long stress_scale(void)
{
    const char *s = getenv("TN_STRESS_SCALE");
    if (s == NULL || *s == '\0')
        return 1;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || v < 1 || v > 100000) {
        fprintf(stderr, "TN_STRESS_SCALE=%s is not an integer in [1, 100000]; using 1\n", s);
        return 1;
    }
    return v;
}

static inline double stress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define STRESS_MAX_THREADS 64

/* A reusable counter barrier (phase changes through `generation`). */
typedef struct StressBarrier {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int waiting;
    int total;
    int generation;
} StressBarrier;

static inline void stress_barrier_init(StressBarrier *b, int total)
{
    pthread_mutex_init(&b->lock, NULL);
    pthread_cond_init(&b->cond, NULL);
    b->waiting = 0;
    b->total = total;
    b->generation = 0;
}

static inline void stress_barrier_wait(StressBarrier *b)
{
    pthread_mutex_lock(&b->lock);
    int gen = b->generation;
    if (++b->waiting == b->total) {
        b->waiting = 0;
        b->generation++;
        pthread_cond_broadcast(&b->cond);
    } else {
        while (gen == b->generation)
            pthread_cond_wait(&b->cond, &b->lock);
    }
    pthread_mutex_unlock(&b->lock);
}

static inline void stress_barrier_destroy(StressBarrier *b)
{
    pthread_cond_destroy(&b->cond);
    pthread_mutex_destroy(&b->lock);
}

typedef struct StressThread {
    pthread_t handle;
    int index;                  /* 0 .. nthreads-1 */
    void *shared;               /* the test's shared state */
    void *(*fn)(void *);        /* called with this StressThread * */
    StressBarrier *start;       /* every thread starts fn at the same time */
} StressThread;

static inline void *stress_trampoline(void *arg)
{
    StressThread *t = arg;
    stress_barrier_wait(t->start);
    return t->fn(t);
}

/* Run fn(thread) on nthreads threads, released together by a barrier, and
 * wait for all of them.  Every thread gets its index and the shared pointer.
 * Returns 0, or -1 if a thread could not be started (reported as a failure;
 * the threads that did start are released and joined). */
static inline int stress_run_threads(int nthreads, void *(*fn)(void *), void *shared)
{
    StressThread threads[STRESS_MAX_THREADS];
    StressBarrier start;
    int started = 0;
    if (nthreads > STRESS_MAX_THREADS)
        nthreads = STRESS_MAX_THREADS;
    /* The main thread is the barrier's last member: it releases the others
     * once all of them exist. */
    stress_barrier_init(&start, nthreads + 1);
    for (int i = 0; i < nthreads; i++) {
        threads[i].index = i;
        threads[i].shared = shared;
        threads[i].fn = fn;
        threads[i].start = &start;
        if (pthread_create(&threads[i].handle, NULL, stress_trampoline, &threads[i]) != 0) {
            STRESS_CHECK(0, "pthread_create failed for thread %d", i);
            break;
        }
        started++;
    }
    if (started < nthreads) {
        /* Shrink the barrier so the started threads are not stuck. */
        pthread_mutex_lock(&start.lock);
        start.total = started + 1;
        pthread_mutex_unlock(&start.lock);
    }
    stress_barrier_wait(&start);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i].handle, NULL);
    stress_barrier_destroy(&start);
    return started == nthreads ? 0 : -1;
}

/* Print the summary line and return the process exit status. */
static inline int stress_finish(const char *name, double t0)
{
    double dt = stress_now() - t0;
    int failures = __atomic_load_n(&stress_failures, __ATOMIC_RELAXED);
    if (failures != 0) {
        fprintf(stderr, "%s: %d check(s) FAILED (%.2f s)\n", name, failures, dt);
        return 1;
    }
    printf("%s: ok (scale %ld, %.2f s)\n", name, stress_scale(), dt);
    return 0;
}

#endif /* TN_STRESS_H */
