/* bench/alloc/alloc_bench.c — the allocation micro-benchmark behind the
 * allocator decision (docs/memory.md, "The allocator"; alloc/README.md).
 *
 * Blocks of 32..256 bytes (16-byte steps, cycling), allocated zeroed and
 * freed, in three workloads:
 *   1t       one thread: allocate a batch of BATCH blocks, free it, repeat;
 *   2t       two threads doing the same independently;
 *   2t-cross two threads, each allocating batches and handing them to the
 *            other, which frees them: every free is of a block the other
 *            thread allocated.
 * The figure is millions of alloc+free pairs per second (per process).
 * Backends, chosen at compile time (bench/alloc/run.sh builds all three):
 *   -DBENCH_TANDEM    tn_obj_alloc / tn_obj_free (link build/<preset>/libtandem_core.a);
 *                     the threads are registered with QSBR and report a
 *                     quiescent state every batch, as the eval loop does at
 *                     its check points, and locking is on (multi-thread mode);
 *   -DBENCH_MALLOC    glibc calloc / free;
 *   -DBENCH_MIMALLOC  mimalloc's mi_zalloc / mi_free (Debian libmimalloc-dev).
 */
#define _GNU_SOURCE 1
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(BENCH_TANDEM)
#include "alloc/alloc.h"
#include "threading/critical_section.h"
#include "threading/qsbr.h"
#define NAME "tandem"
static void *zalloc(size_t n) { return tn_obj_alloc(n, (n & 16) != 0); }
static void release(void *p) { tn_obj_free(p); }
static _Thread_local TnQsbrThread qsbr;
static void thread_begin(void) { tn_qsbr_register(&qsbr); tn_qsbr_attach(&qsbr); }
static void quiescent(void) { tn_qsbr_quiescent(&qsbr); }
static void thread_end(void) { tn_qsbr_detach(&qsbr); tn_qsbr_unregister(&qsbr); tn_alloc_thread_exit(); }
static void setup(void) { tn_critical_section_enable_locking(); }
#elif defined(BENCH_MIMALLOC)
#include <mimalloc.h>
#define NAME "mimalloc"
static void *zalloc(size_t n) { return mi_zalloc(n); }
static void release(void *p) { mi_free(p); }
static void thread_begin(void) {}
static void quiescent(void) {}
static void thread_end(void) {}
static void setup(void) {}
#else
#define NAME "glibc"
static void *zalloc(size_t n) { return calloc(1, n); }
static void release(void *p) { free(p); }
static void thread_begin(void) {}
static void quiescent(void) {}
static void thread_end(void) {}
static void setup(void) {}
#endif

#define BATCH 1000
#define SLOTS 4   /* batches in flight per direction (2t-cross) */

static long rounds;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static size_t size_of(long i)
{
    return 32 + (size_t)(i % 15) * 16;
}

static void fill(void **b, long salt)
{
    for (long i = 0; i < BATCH; i++) {
        b[i] = zalloc(size_of(i + salt));
        if (b[i] == NULL)
            abort();
        *(long *)b[i] = i;
    }
}

static void drain(void **b)
{
    for (long i = 0; i < BATCH; i++)
        release(b[i]);
}

static void *solo(void *arg)
{
    (void)arg;
    thread_begin();
    void **b = malloc(BATCH * sizeof(void *));
    for (long r = 0; r < rounds; r++) {
        fill(b, r);
        drain(b);
        quiescent();
    }
    free(b);
    thread_end();
    return NULL;
}

/* 2t-cross: a ring of SLOTS batch buffers per direction, each with a flag
 * (0: empty, 1: full), busy-waited with acquire/release. */
typedef struct Ring {
    void *batch[SLOTS][BATCH];
    int full[SLOTS];
} Ring;
static Ring rings[2];

static void *cross(void *arg)
{
    int me = (int)(intptr_t)arg;
    Ring *out = &rings[me], *in = &rings[1 - me];
    thread_begin();
    long sent = 0, got = 0;
    while (sent < rounds || got < rounds) {
        int progress = 0;
        if (sent < rounds && !__atomic_load_n(&out->full[sent % SLOTS], __ATOMIC_ACQUIRE)) {
            fill(out->batch[sent % SLOTS], sent);
            __atomic_store_n(&out->full[sent % SLOTS], 1, __ATOMIC_RELEASE);
            sent++;
            progress = 1;
        }
        if (got < rounds && __atomic_load_n(&in->full[got % SLOTS], __ATOMIC_ACQUIRE)) {
            drain(in->batch[got % SLOTS]);
            __atomic_store_n(&in->full[got % SLOTS], 0, __ATOMIC_RELEASE);
            got++;
            progress = 1;
        }
        quiescent();
        if (!progress)
            sched_yield();
    }
    thread_end();
    return NULL;
}

static double run(const char *mode)
{
    pthread_t t[2];
    double t0 = now();
    if (!strcmp(mode, "1t")) {
        pthread_create(&t[0], NULL, solo, NULL);
        pthread_join(t[0], NULL);
    } else {
        void *(*fn)(void *) = !strcmp(mode, "2t") ? solo : cross;
        for (int i = 0; i < 2; i++)
            pthread_create(&t[i], NULL, fn, (void *)(intptr_t)i);
        for (int i = 0; i < 2; i++)
            pthread_join(t[i], NULL);
    }
    double secs = now() - t0;
    double pairs = (double)rounds * BATCH * (strcmp(mode, "1t") ? 2 : 1);
    return pairs / secs / 1e6;
}

int main(int argc, char **argv)
{
    rounds = argc > 1 ? atol(argv[1]) : 2000;
    setup();
    const char *modes[] = {"1t", "2t", "2t-cross"};
    for (int i = 0; i < 3; i++) {
#if defined(BENCH_TANDEM)
        /* The gil allocator relies on the GIL: one thread only. */
        if (!TN_FREE_THREADED && i > 0)
            break;
#endif
        printf("%s %s %.1f Mpairs/s\n", NAME, modes[i], run(modes[i]));
    }
    return 0;
}
