/* stress/c/parking_lot.c — threading/parking_lot.h.
 *
 *  1. single-thread contract: a mismatched value does not park (AGAIN), a
 *     park with nobody to unpark times out (not early), unpark with no
 *     waiter calls the callback with NULL and returns false;
 *  2. unpark one: threads parked one after the other are woken oldest first,
 *     the callback sees their park_arg and a correct has_more_waiters;
 *  3. unpark all: every round N threads park, unpark_all wakes exactly N;
 *  4. a counting semaphore built on park/unpark, with short timeouts so that
 *     timeouts race with unparks: every token is consumed exactly once;
 *  5. the detach/attach hooks run around a park with detach == true only.
 */
#include <string.h>

#include "stress.h"
#include "threading/parking_lot.h"

static void nap_us(long us)
{
    struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
    nanosleep(&ts, NULL);
}

static void wait_count(const void *addr, size_t n)
{
    for (int i = 0; i < 200000 && tn_parking_lot_count(addr) != n; i++)
        nap_us(50);
    STRESS_CHECK(tn_parking_lot_count(addr) == n, "expected %zu parked threads, have %zu", n,
                 tn_parking_lot_count(addr));
}

/* ---- 1. single thread ------------------------------------------------------------- */

typedef struct {
    int calls;
    void *park_arg;
    bool has_more;
} CbRecord;

static void record_cb(void *arg, void *park_arg, bool has_more)
{
    CbRecord *r = arg;
    r->calls++;
    r->park_arg = park_arg;
    r->has_more = has_more;
}

static void test_single_thread(void)
{
    uint32_t word = 7;
    uint32_t other = 8;
    STRESS_CHECK(tn_parking_lot_park(&word, &other, 4, TN_PARK_FOREVER, NULL, false) == TN_PARK_AGAIN,
                 "park on a mismatched value must return AGAIN");
    uint8_t byte = 3, byte_expected = 3;
    int64_t t0 = tn_monotonic_ns();
    TnParkResult r = tn_parking_lot_park(&byte, &byte_expected, 1, 3000000, NULL, false);
    int64_t waited = tn_monotonic_ns() - t0;
    STRESS_CHECK(r == TN_PARK_TIMEOUT, "park with nobody to wake: %d, expected TIMEOUT", r);
    STRESS_CHECK(waited >= 3000000, "timed out after %lld ns < 3 ms", (long long)waited);
    intptr_t wide = -5, wide_expected = -5;
    STRESS_CHECK(tn_parking_lot_park(&wide, &wide_expected, 8, 0, NULL, false) == TN_PARK_TIMEOUT,
                 "zero timeout on a matching 8-byte value");
    CbRecord rec = { 0, (void *)1, true };
    STRESS_CHECK(!tn_parking_lot_unpark(&word, record_cb, &rec), "unpark with nobody parked returned true");
    STRESS_CHECK(rec.calls == 1 && rec.park_arg == NULL && !rec.has_more,
                 "callback with nobody parked: calls %d park_arg %p has_more %d", rec.calls, rec.park_arg,
                 rec.has_more);
    STRESS_CHECK(tn_parking_lot_unpark_all(&word) == 0, "unpark_all with nobody parked");
}

/* ---- 2. unpark one, FIFO ------------------------------------------------------------ */

enum { FIFO_N = 5 };

typedef struct {
    uint32_t word;      /* stays 0: everyone parks on it */
    long id;
    TnParkResult result;
} FifoArgs;

static void *fifo_parker(void *arg)
{
    FifoArgs *a = arg;
    uint32_t zero = 0;
    a->result = tn_parking_lot_park(a - a->id, &zero, 4, TN_PARK_FOREVER, (void *)(a->id + 100), false);
    return NULL;
}

static void test_unpark_fifo(void)
{
    /* All threads park on args[0].word (fifo_parker finds it via a - id). */
    FifoArgs args[FIFO_N];
    pthread_t th[FIFO_N];
    memset(args, 0, sizeof args);
    for (long i = 0; i < FIFO_N; i++) {
        args[i].id = i;
        pthread_create(&th[i], NULL, fifo_parker, &args[i]);
        wait_count(&args[0], (size_t)i + 1);   /* park strictly one after the other */
    }
    for (long i = 0; i < FIFO_N; i++) {
        CbRecord rec = { 0, NULL, false };
        STRESS_CHECK(tn_parking_lot_unpark(&args[0], record_cb, &rec), "unpark %ld found nobody", i);
        STRESS_CHECK(rec.park_arg == (void *)(i + 100), "unpark %ld woke park_arg %p (not FIFO)", i, rec.park_arg);
        STRESS_CHECK(rec.has_more == (i < FIFO_N - 1), "unpark %ld: has_more %d", i, rec.has_more);
    }
    for (int i = 0; i < FIFO_N; i++) {
        pthread_join(th[i], NULL);
        STRESS_CHECK(args[i].result == TN_PARK_OK, "parker %d: %d", i, args[i].result);
    }
}

/* ---- 3. unpark all --------------------------------------------------------------------- */

typedef struct {
    uint32_t word;
    int rounds;
    StressBarrier round_start;
    int ok;               /* atomic */
} AllShared;

static void *all_parker(void *arg)
{
    StressThread *t = arg;
    AllShared *s = t->shared;
    uint32_t zero = 0;
    for (int r = 0; r < s->rounds; r++) {
        stress_barrier_wait(&s->round_start);
        if (tn_parking_lot_park(&s->word, &zero, 4, TN_PARK_FOREVER, NULL, false) == TN_PARK_OK)
            __atomic_add_fetch(&s->ok, 1, __ATOMIC_RELAXED);
    }
    return NULL;
}

static void *all_waker(void *arg)
{
    AllShared *s = arg;
    int n = s->round_start.total - 1;
    for (int r = 0; r < s->rounds; r++) {
        stress_barrier_wait(&s->round_start);
        wait_count(&s->word, (size_t)n);
        size_t woken = tn_parking_lot_unpark_all(&s->word);
        STRESS_CHECK(woken == (size_t)n, "round %d: unpark_all woke %zu of %d", r, woken, n);
    }
    return NULL;
}

static void test_unpark_all(int nthreads, int rounds)
{
    static AllShared s;
    memset(&s, 0, sizeof s);
    s.rounds = rounds;
    stress_barrier_init(&s.round_start, nthreads + 1);
    pthread_t waker;
    pthread_create(&waker, NULL, all_waker, &s);
    stress_run_threads(nthreads, all_parker, &s);
    pthread_join(waker, NULL);
    stress_barrier_destroy(&s.round_start);
    STRESS_CHECK(s.ok == nthreads * rounds, "%d successful parks, expected %d", s.ok, nthreads * rounds);
}

/* ---- 4. a semaphore on the parking lot ------------------------------------------------- */

typedef struct {
    uint32_t tokens;      /* atomic */
    long per_producer;
    long consumed;        /* atomic */
    long produced;        /* atomic */
    long timeouts;        /* atomic */
    int producers;
} SemShared;

static void sem_take(SemShared *s, long seed)
{
    for (;;) {
        uint32_t v = __atomic_load_n(&s->tokens, __ATOMIC_ACQUIRE);
        if (v > 0) {
            if (__atomic_compare_exchange_n(&s->tokens, &v, v - 1, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
                return;
            continue;
        }
        /* Short, varied timeouts: some expire just as an unpark picks us. */
        int64_t timeout = 2000 + (seed++ % 13) * 3000;
        if (tn_parking_lot_park(&s->tokens, &v, 4, timeout, NULL, false) == TN_PARK_TIMEOUT)
            __atomic_add_fetch(&s->timeouts, 1, __ATOMIC_RELAXED);
    }
}

static void sem_give(SemShared *s)
{
    __atomic_add_fetch(&s->tokens, 1, __ATOMIC_RELEASE);
    tn_parking_lot_unpark(&s->tokens, NULL, NULL);
}

static void *sem_worker(void *arg)
{
    StressThread *t = arg;
    SemShared *s = t->shared;
    if (t->index < s->producers) {
        for (long i = 0; i < s->per_producer; i++) {
            sem_give(s);
            __atomic_add_fetch(&s->produced, 1, __ATOMIC_RELAXED);
            if (i % 64 == 0)
                sched_yield();
        }
    } else {
        /* Consumers take until everything produced has been consumed; the
         * count of tokens to take is shared, so claim one first. */
        long total = s->per_producer * s->producers;
        for (;;) {
            long c = __atomic_fetch_add(&s->consumed, 1, __ATOMIC_RELAXED);
            if (c >= total)
                break;
            sem_take(s, c + t->index);
        }
    }
    return NULL;
}

static void test_semaphore(int producers, int consumers, long per_producer)
{
    SemShared s = { .per_producer = per_producer, .producers = producers };
    stress_run_threads(producers + consumers, sem_worker, &s);
    STRESS_CHECK(s.produced == per_producer * producers, "produced %ld", s.produced);
    STRESS_CHECK(s.tokens == 0, "%u tokens left over", s.tokens);
    STRESS_CHECK(tn_parking_lot_count(&s.tokens) == 0, "threads still parked");
    printf("  semaphore: %ld tokens through %d consumers, %ld park timeouts\n", s.produced, consumers,
           s.timeouts);
}

/* ---- 5. hooks ---------------------------------------------------------------------------- */

static int hook_before_calls;   /* atomic */
static int hook_after_calls;    /* atomic */

static void count_before(void) { __atomic_add_fetch(&hook_before_calls, 1, __ATOMIC_RELAXED); }
static void count_after(void) { __atomic_add_fetch(&hook_after_calls, 1, __ATOMIC_RELAXED); }

static void test_hooks(void)
{
    uint8_t byte = 1, expected = 1;
    tn_parking_set_hooks(count_before, count_after);
    tn_parking_lot_park(&byte, &expected, 1, 100000, NULL, true);
    tn_parking_lot_park(&byte, &expected, 1, 100000, NULL, false);
    uint8_t wrong = 2;
    tn_parking_lot_park(&byte, &wrong, 1, 100000, NULL, true);   /* AGAIN: never slept */
    tn_parking_set_hooks(NULL, NULL);
    tn_parking_lot_park(&byte, &expected, 1, 100000, NULL, true);
    STRESS_CHECK(hook_before_calls == 1 && hook_after_calls == 1, "hooks ran %d/%d times, expected 1/1",
                 hook_before_calls, hook_after_calls);
}

int main(void)
{
    double t0 = stress_now();
    long scale = stress_scale();
    test_single_thread();
    test_unpark_fifo();
    test_unpark_all(6, (int)(30 * scale));
    test_semaphore(2, 4, 20000 * scale);
    test_hooks();
    return stress_finish("parking_lot", t0);
}
