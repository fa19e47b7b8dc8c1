/* stress/c/critical_section.c — per-object critical sections (ft flavour).
 *
 *  1. two-object sections on (A, B) and (B, A) from different threads never
 *     deadlock (address order) and keep exact counts;
 *  2. nested single sections A{B} against B{A}: the classic lock-order
 *     deadlock, which the "blocking suspends every section" rule resolves;
 *     each counter is only touched while its own section is active (after
 *     the inner section ends, the outer one is re-locked);
 *  3. a ring of three objects locked pairwise and nested, mixed;
 *  4. blocking inside a section: a thread in A's section waits for a plain
 *     TnMutex held by a thread that needs A — suspension breaks the cycle;
 *  5. re-entry of the same object (top and outer) from many threads.
 * A deadlock shows as the alarm below killing the program.
 */
#include <string.h>
#include <unistd.h>

#include "core/object.h"
#include "stress.h"
#include "threading/critical_section.h"
#include "threading/mutex.h"

/* Bare objects: only the header's mutex byte (zero = unlocked) is used. */
typedef struct {
    TnObject ob;
    long value;
} Obj;

static Obj objs[3];
#define A (&objs[0])
#define B (&objs[1])
#define C (&objs[2])

static long iterations;

static void reset(void)
{
    memset(objs, 0, sizeof objs);
}

static void check_unlocked(const char *what)
{
    for (int i = 0; i < 3; i++)
        STRESS_CHECK(objs[i].ob.mutex == 0, "%s: object %d's mutex byte is %u", what, i, objs[i].ob.mutex);
    STRESS_CHECK(tn_critical_section_depth() == 0, "%s: main thread has open sections", what);
}

/* ---- 1. two-object sections ---------------------------------------------------------- */

static void *pair_worker(void *arg)
{
    StressThread *t = arg;
    Obj *x = t->index % 2 ? A : B;
    Obj *y = t->index % 2 ? B : A;
    for (long i = 0; i < iterations; i++) {
        TN_BEGIN_CRITICAL_SECTION2(x, y);
        x->value++;
        y->value++;
        TN_END_CRITICAL_SECTION2();
    }
    STRESS_CHECK(tn_critical_section_depth() == 0, "thread %d left sections open", t->index);
    return NULL;
}

/* ---- 2. nested single sections in opposite orders --------------------------------------- */

static void *nested_worker(void *arg)
{
    StressThread *t = arg;
    Obj *outer = t->index % 2 ? A : B;
    Obj *inner = t->index % 2 ? B : A;
    for (long i = 0; i < iterations; i++) {
        TN_BEGIN_CRITICAL_SECTION(outer);
        outer->value++;
        TN_BEGIN_CRITICAL_SECTION(inner);
        inner->value++;
        TN_END_CRITICAL_SECTION();
        /* The outer section is active again here (re-locked if it was
         * suspended while the inner one waited). */
        outer->value++;
        TN_END_CRITICAL_SECTION();
    }
    return NULL;
}

/* ---- 3. a ring of three -------------------------------------------------------------------- */

static void *ring_worker(void *arg)
{
    StressThread *t = arg;
    Obj *x = &objs[t->index % 3];
    Obj *y = &objs[(t->index + 1) % 3];
    Obj *z = &objs[(t->index + 2) % 3];
    for (long i = 0; i < iterations; i++) {
        if (i % 2 == 0) {
            TN_BEGIN_CRITICAL_SECTION2(x, y);
            x->value++;
            y->value++;
            TN_END_CRITICAL_SECTION2();
        } else {
            TN_BEGIN_CRITICAL_SECTION(y);
            y->value++;
            TN_BEGIN_CRITICAL_SECTION2(z, x);
            z->value++;
            x->value++;
            TN_END_CRITICAL_SECTION2();
            y->value++;
            TN_END_CRITICAL_SECTION();
        }
    }
    return NULL;
}

/* ---- 4. blocking on a plain mutex inside a section ------------------------------------------ */

typedef struct {
    TnMutex gate;
    StressBarrier step;
    long rounds;
} BlockShared;

static void *block_worker(void *arg)
{
    StressThread *t = arg;
    BlockShared *s = t->shared;
    for (long r = 0; r < s->rounds; r++) {
        if (t->index == 0) {
            /* Take A's section, then wait for the gate held by thread 1. */
            TN_BEGIN_CRITICAL_SECTION(A);
            A->value++;
            stress_barrier_wait(&s->step);      /* thread 1 holds the gate now */
            tn_mutex_lock(&s->gate);            /* parks: suspends A's section */
            A->value++;                         /* A's section is active again */
            tn_mutex_unlock(&s->gate);
            TN_END_CRITICAL_SECTION();
            stress_barrier_wait(&s->step);      /* end of the round */
        } else {
            tn_mutex_lock(&s->gate);
            stress_barrier_wait(&s->step);
            /* Needs A while holding the gate: only possible because thread 0
             * lets go of A when it blocks on the gate. */
            TN_BEGIN_CRITICAL_SECTION(A);
            A->value++;
            TN_END_CRITICAL_SECTION();
            tn_mutex_unlock(&s->gate);
            stress_barrier_wait(&s->step);
        }
    }
    return NULL;
}

/* ---- 5. re-entry --------------------------------------------------------------------------------- */

static void *reentry_worker(void *arg)
{
    StressThread *t = arg;
    for (long i = 0; i < iterations; i++) {
        TN_BEGIN_CRITICAL_SECTION(A);
        A->value++;
        TN_BEGIN_CRITICAL_SECTION(A);           /* top re-entry: no-op */
        A->value++;
        TN_END_CRITICAL_SECTION();
        TN_BEGIN_CRITICAL_SECTION(B);
        B->value++;
        TN_BEGIN_CRITICAL_SECTION(A);           /* held by an outer section */
        A->value++;
        TN_END_CRITICAL_SECTION();
        B->value++;
        TN_END_CRITICAL_SECTION();
        A->value++;
        TN_END_CRITICAL_SECTION();
    }
    STRESS_CHECK(tn_critical_section_depth() == 0, "thread %d left sections open", t->index);
    return NULL;
}

static void report_uncontended(long n)
{
    reset();
    double t0 = stress_now();
    for (long i = 0; i < n; i++) {
        TN_BEGIN_CRITICAL_SECTION(A);
        A->value++;
        TN_END_CRITICAL_SECTION();
    }
    double t1 = stress_now();
    for (long i = 0; i < n; i++) {
        TN_BEGIN_CRITICAL_SECTION2(A, B);
        A->value++;
        TN_END_CRITICAL_SECTION2();
    }
    double t2 = stress_now();
    printf("  uncontended section: %.1f ns, two-object section: %.1f ns\n", (t1 - t0) / (double)n * 1e9,
           (t2 - t1) / (double)n * 1e9);
}

int main(void)
{
    double t0 = stress_now();
    long scale = stress_scale();
    alarm(300);   /* a deadlock must fail the test, not hang it */
    tn_critical_section_enable_locking();   /* threads follow: leave single-thread mode */
    iterations = 20000 * scale;
    int n = 6;

    reset();
    stress_run_threads(n, pair_worker, NULL);
    STRESS_CHECK(A->value == n * iterations && B->value == n * iterations, "pairs: A %ld B %ld, expected %ld",
                 A->value, B->value, n * iterations);
    check_unlocked("pairs");

    reset();
    stress_run_threads(n, nested_worker, NULL);
    /* Half the threads add 2 as outer and 1 as inner, the other half the
     * reverse, to each object. */
    STRESS_CHECK(A->value == 3 * (n / 2) * iterations && B->value == 3 * (n / 2) * iterations,
                 "nested: A %ld B %ld, expected %ld", A->value, B->value, 3 * (n / 2) * iterations);
    check_unlocked("nested");

    reset();
    stress_run_threads(n, ring_worker, NULL);
    long expected = 0;
    for (int i = 0; i < n; i++)   /* per thread: even rounds 1 each to x,y; odd: 2 to y, 1 to z,x */
        expected += iterations * 2;
    long total = A->value + B->value + C->value;
    STRESS_CHECK(total == expected + n * iterations, "ring: total %ld, expected %ld", total,
                 expected + n * iterations);
    STRESS_CHECK(A->value == B->value && B->value == C->value, "ring: A %ld B %ld C %ld not equal", A->value,
                 B->value, C->value);
    check_unlocked("ring");

    reset();
    BlockShared bs = { .gate = TN_MUTEX_INIT, .rounds = 200 * scale };
    stress_barrier_init(&bs.step, 2);
    stress_run_threads(2, block_worker, &bs);
    stress_barrier_destroy(&bs.step);
    STRESS_CHECK(A->value == 3 * bs.rounds, "blocking: A %ld, expected %ld", A->value, 3 * bs.rounds);
    STRESS_CHECK(bs.gate.bits == 0, "gate left as %u", bs.gate.bits);
    check_unlocked("blocking");

    reset();
    stress_run_threads(4, reentry_worker, NULL);
    STRESS_CHECK(A->value == 4 * 4 * iterations && B->value == 4 * 2 * iterations,
                 "re-entry: A %ld B %ld, expected %ld and %ld", A->value, B->value, 16 * iterations,
                 8 * iterations);
    check_unlocked("re-entry");

    report_uncontended(1000000 * scale);
    return stress_finish("critical_section", t0);
}
