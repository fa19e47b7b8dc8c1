/* tests/unit/test_alloc.c — the object allocator (alloc/alloc.h) alone:
 * size classes, free and reuse, the gc walk, frees from other threads,
 * thread exit with live blocks, arenas going back to the OS, and (ft) the
 * freed header kept intact and not reused until every online thread has
 * passed a QSBR quiescent state.
 *
 * The same file runs in every build: gil/ft x tandem/system (the sanitizer
 * presets use system).  What differs is tested with plain C expressions.
 * The tests run in order: those that need single-thread mode (no second
 * Python thread ever, so frees are immediate) come before the one that
 * turns locking on.  The threads here are bare pthreads that use only the
 * allocator, which is all it asks of a caller.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <cmocka.h>

#include "alloc/alloc.h"
#include "threading/critical_section.h"
#include "threading/qsbr.h"

#define SYSTEM (!strcmp(tn_alloc_name(), "system"))
/* The walk exists in every build but gil with the tandem allocator. */
#define WALKABLE (TN_FREE_THREADED || SYSTEM)

static TnAllocStats stats(void)
{
    TnAllocStats s;
    tn_alloc_stats(&s);
    return s;
}

/* Small blocks count their size class: 16-byte steps, 32 at least in ft
 * (an ft object header); large ones and the system allocator count the
 * request. */
static uint64_t counted_size(size_t n)
{
    if (SYSTEM || n > TN_OBJ_SMALL_MAX)
        return n;
    size_t c = (n + 15) & ~(size_t)15;
    if (c == 0)
        c = 16;
    if (TN_FREE_THREADED && c < 32)
        c = 32;
    return c;
}

static void test_size_classes(void **state)
{
    (void)state;
    TnAllocStats base = stats();
    for (size_t n = 1; n <= 1100; n += 7) {
        TnAllocStats before = stats();
        unsigned char *p = tn_obj_alloc(n, n % 2);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xab, n);
        TnAllocStats after = stats();
        assert_int_equal(after.blocks - before.blocks, 1);
        assert_int_equal(after.bytes - before.bytes, counted_size(n));
        tn_obj_free(p);
        after = stats();
        assert_int_equal(after.blocks, before.blocks);
        assert_int_equal(after.bytes, before.bytes);
    }
    assert_int_equal(stats().blocks, base.blocks);
    tn_obj_free(NULL);
}

static void test_free_then_reuse(void **state)
{
    (void)state;
    /* A freed block comes back zeroed, and (tandem) is the next block of
     * its class handed out. */
    void *p = tn_obj_alloc(48, false);
    assert_non_null(p);
    memset(p, 0x5a, 48);
    tn_obj_free(p);
    unsigned char *q = tn_obj_alloc(40, false);
    assert_non_null(q);
    if (!SYSTEM)
        assert_ptr_equal(q, p);
    for (int i = 0; i < 40; i++)
        assert_int_equal(q[i], 0);
    /* Many blocks of one class are distinct and do not overlap. */
    enum { N = 3000 };
    static unsigned char *v[N];
    for (int i = 0; i < N; i++) {
        v[i] = tn_obj_alloc(64, i % 3 == 0);
        assert_non_null(v[i]);
        memset(v[i], i & 0xff, 64);
    }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < 64; j++)
            assert_int_equal(v[i][j], i & 0xff);
    for (int i = 0; i < N; i++)
        tn_obj_free(v[i]);
    tn_obj_free(q);
}

static void test_failure_injection(void **state)
{
    (void)state;
    /* Counted exactly like tn_mem_calloc, so the OOM sweep reaches
     * object allocations. */
    tn_mem_fail_arm(2, 0);
    void *a = tn_obj_alloc(32, false);
    void *b = tn_obj_alloc(32, false);
    void *c = tn_mem_calloc(1, 32);
    long allocs, failures;
    tn_mem_fail_stats(&allocs, &failures);
    tn_mem_fail_arm(0, 0);
    assert_non_null(a);
    assert_null(b);
    assert_non_null(c);
    assert_int_equal(allocs, 3);
    assert_int_equal(failures, 1);
    tn_obj_free(a);
    tn_mem_free(c);
    assert_null(tn_obj_alloc(TN_MEM_MAX_REQUEST + 1, true));
}

/* ---- the walk ------------------------------------------------------------ */

enum { WALK_N = 600 };
static void *walk_blocks[WALK_N];
static bool walk_live[WALK_N];

typedef struct WalkCount {
    int ours, others, wrong;
    int stop_after;     /* return 1 at this visit (0: never) */
    int visits;
} WalkCount;

static int count_visit(void *block, void *arg)
{
    WalkCount *c = arg;
    c->visits++;
    int found = -1;
    for (int i = 0; i < WALK_N; i++)
        if (walk_blocks[i] == block)
            found = i;
    if (found < 0)
        c->others++;
    else if (walk_live[found])
        c->ours++;
    else
        c->wrong++;
    return c->stop_after != 0 && c->visits == c->stop_after ? 1 : 0;
}

static void test_walk_sees_exactly_gc_blocks(void **state)
{
    (void)state;
    if (!WALKABLE) {
        assert_int_equal(tn_obj_visit_gc(count_visit, &(WalkCount){0}), -1);
        skip();
    }
    WalkCount c0 = {0};
    assert_int_equal(tn_obj_visit_gc(count_visit, &c0), 0);
    /* gc blocks of many sizes (large ones too), non-gc blocks beside them,
     * half of the gc ones freed again. */
    void *plain[WALK_N];
    int live = 0;
    for (int i = 0; i < WALK_N; i++) {
        size_t n = 32 + (size_t)(i % 40) * 16 + (i % 97 == 0 ? 2000 : 0);
        walk_blocks[i] = tn_obj_alloc(n, true);
        plain[i] = tn_obj_alloc(n, false);
        assert_non_null(walk_blocks[i]);
        assert_non_null(plain[i]);
    }
    for (int i = 0; i < WALK_N; i++) {
        walk_live[i] = i % 2 == 0 || i % 7 == 0;
        if (!walk_live[i])
            tn_obj_free(walk_blocks[i]);
        else
            live++;
    }
    WalkCount c = {0};
    assert_int_equal(tn_obj_visit_gc(count_visit, &c), 0);
    assert_int_equal(c.ours, live);
    assert_int_equal(c.wrong, 0);
    assert_int_equal(c.others, c0.others + c0.ours);
    /* A non-zero result stops the walk and is returned. */
    WalkCount s = {.stop_after = 5};
    assert_int_equal(tn_obj_visit_gc(count_visit, &s), 1);
    assert_int_equal(s.visits, 5);
    for (int i = 0; i < WALK_N; i++) {
        if (walk_live[i])
            tn_obj_free(walk_blocks[i]);
        walk_live[i] = false;
        tn_obj_free(plain[i]);
    }
    WalkCount e = {0};
    assert_int_equal(tn_obj_visit_gc(count_visit, &e), 0);
    assert_int_equal(e.ours + e.wrong + e.others, c0.others + c0.ours);
}

/* ---- other threads ------------------------------------------------------- */

/* The gil allocator relies on the GIL: the threads below take this mutex
 * around each call in that flavour, as attached threads would hold the
 * GIL.  ft: no lock, which is the point. */
static pthread_mutex_t fake_gil = PTHREAD_MUTEX_INITIALIZER;

static void *t_alloc(size_t n, bool gc)
{
    if (!TN_FREE_THREADED)
        pthread_mutex_lock(&fake_gil);
    void *p = tn_obj_alloc(n, gc);
    if (!TN_FREE_THREADED)
        pthread_mutex_unlock(&fake_gil);
    return p;
}

static void t_free(void *p)
{
    if (!TN_FREE_THREADED)
        pthread_mutex_lock(&fake_gil);
    tn_obj_free(p);
    if (!TN_FREE_THREADED)
        pthread_mutex_unlock(&fake_gil);
}

enum { NTHREADS = 4, PER_THREAD = 4000 };
static void *made[NTHREADS][PER_THREAD];
static pthread_barrier_t barrier;

static void *cross_worker(void *arg)
{
    int me = (int)(intptr_t)arg;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < PER_THREAD; i++) {
            size_t n = 32 + (size_t)((i + me) % 12) * 16;
            made[me][i] = t_alloc(n, i % 2);
            assert_non_null(made[me][i]);
            memset(made[me][i], me + 1, n);
        }
        pthread_barrier_wait(&barrier);
        /* Free the next thread's blocks: every free is a remote one. */
        int other = (me + 1) % NTHREADS;
        for (int i = 0; i < PER_THREAD; i++) {
            unsigned char *p = made[other][i];
            assert_int_equal(p[0], other + 1);
            t_free(p);
        }
        pthread_barrier_wait(&barrier);
    }
    tn_alloc_thread_exit();
    return NULL;
}

static void test_cross_thread_free(void **state)
{
    (void)state;
    TnAllocStats base = stats();
    pthread_t t[NTHREADS];
    pthread_barrier_init(&barrier, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, cross_worker, (void *)(intptr_t)i), 0);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&barrier);
    TnAllocStats after = stats();
    assert_int_equal(after.blocks, base.blocks);
    assert_int_equal(after.bytes, base.bytes);
    if (WALKABLE) {
        WalkCount c = {0};
        assert_int_equal(tn_obj_visit_gc(count_visit, &c), 0);
        assert_int_equal(c.others, 0);
    }
}

enum { EXIT_N = 5000 };
static void *left[EXIT_N];

static void *exiting_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < EXIT_N; i++) {
        left[i] = t_alloc(32 + (size_t)(i % 5) * 16, true);
        assert_non_null(left[i]);
    }
    /* Half freed by their own thread before it goes. */
    for (int i = 0; i < EXIT_N; i += 2)
        t_free(left[i]);
    tn_alloc_thread_exit();
    return NULL;
}

static int visit_left(void *block, void *arg)
{
    int *n = arg;
    for (int i = 1; i < EXIT_N; i += 2)
        if (left[i] == block)
            (*n)++;
    return 0;
}

static void test_thread_exit_keeps_blocks(void **state)
{
    (void)state;
    TnAllocStats base = stats();
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, exiting_worker, NULL), 0);
    pthread_join(t, NULL);
    TnAllocStats mid = stats();
    assert_int_equal(mid.blocks - base.blocks, EXIT_N / 2);
    if (WALKABLE) {
        int n = 0;
        assert_int_equal(tn_obj_visit_gc(visit_left, &n), 0);
        assert_int_equal(n, EXIT_N / 2);
    }
    /* The survivors are freed by another thread, then that thread
     * allocates as many again: the exited thread's pages are adopted, not
     * left behind (tandem: no more pages than the exited thread held). */
    for (int i = 1; i < EXIT_N; i += 2)
        tn_obj_free(left[i]);
    if (WALKABLE) {
        int n = 0;
        assert_int_equal(tn_obj_visit_gc(visit_left, &n), 0);
        assert_int_equal(n, 0);
    }
    assert_int_equal(stats().blocks, base.blocks);
    for (int i = 0; i < EXIT_N; i++) {
        left[i] = tn_obj_alloc(32 + (size_t)(i % 5) * 16, true);
        assert_non_null(left[i]);
    }
    if (!SYSTEM)
        assert_true(stats().pages <= mid.pages + 5);
    for (int i = 0; i < EXIT_N; i++)
        tn_obj_free(left[i]);
    assert_int_equal(stats().blocks, base.blocks);
}

static void test_arenas_go_back_to_the_os(void **state)
{
    (void)state;
    if (SYSTEM)
        skip();
    /* 5 MiB of 256-byte blocks needs at least 5 arenas; freed, all but the
     * spare (and pages still in use elsewhere) are unmapped. */
    enum { N = 5 * 4096 };
    void **v = malloc(N * sizeof(void *));
    assert_non_null(v);
    TnAllocStats base = stats();
    for (int i = 0; i < N; i++) {
        v[i] = tn_obj_alloc(256, i % 2);
        assert_non_null(v[i]);
    }
    TnAllocStats peak = stats();
    assert_true(peak.arenas >= base.arenas + 5);
    assert_true(peak.pages >= base.pages + 5 * 64 - 5);
    for (int i = 0; i < N; i++)
        tn_obj_free(v[i]);
    free(v);
    TnAllocStats end = stats();
    assert_true(end.arenas_unmapped - base.arenas_unmapped >= 2);
    assert_true(end.arenas <= base.arenas + 3);
    assert_true(end.pages_released - base.pages_released >= 5 * 64 - 10);
    assert_int_equal(end.blocks, base.blocks);
}

/* ---- ft: freed headers stay, reuse waits for QSBR ------------------------ */

static void test_freed_header_kept_until_quiescent(void **state)
{
    (void)state;
    if (!TN_FREE_THREADED)
        skip();
    /* From here on the program counts as multi-threaded. */
    tn_critical_section_enable_locking();
    static TnQsbrThread reader;
    tn_qsbr_register(&reader);
    tn_qsbr_attach(&reader);   /* online, and it will not pass a quiescent state yet */

    enum { N = 200, MORE = 4000 };
    unsigned char *freed[N];
    for (int i = 0; i < N; i++) {
        freed[i] = tn_obj_alloc(48, i % 2);
        assert_non_null(freed[i]);
        memset(freed[i], 0xc0 | (i & 0xf), 48);
    }
    for (int i = 0; i < N; i++)
        tn_obj_free(freed[i]);
    /* Allocate plenty of the same class: none of the freed blocks comes
     * back, and their first TN_OBJ_KEEP bytes are as they were. */
    static void *more[MORE];
    for (int i = 0; i < MORE; i++) {
        more[i] = tn_obj_alloc(48, i % 2);
        assert_non_null(more[i]);
        for (int j = 0; j < N; j++)
            if (more[i] == freed[j])
                fail_msg("block %d handed out again before the reader's quiescent state", j);
    }
    for (int i = 0; i < N; i++)
        for (int k = 0; k < TN_OBJ_KEEP; k++)
            assert_int_equal(freed[i][k], 0xc0 | (i & 0xf));
    for (int i = 0; i < MORE; i++)
        tn_obj_free(more[i]);

    /* The reader passes a quiescent state: now the blocks are reused. */
    tn_qsbr_quiescent(&reader);
    (void)tn_qsbr_advance();
    tn_qsbr_quiescent(&reader);
    int reused = 0, m = 0;
    while (m < MORE && !reused) {
        more[m] = tn_obj_alloc(48, m % 2);
        assert_non_null(more[m]);
        for (int j = 0; j < N; j++)
            reused |= more[m] == freed[j];
        if (++m % 64 == 0)
            tn_qsbr_quiescent(&reader);
    }
    for (int i = 0; i < m; i++)
        tn_obj_free(more[i]);
    if (!SYSTEM)
        assert_true(reused);
    tn_qsbr_detach(&reader);
    tn_qsbr_unregister(&reader);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_size_classes),
        cmocka_unit_test(test_free_then_reuse),
        cmocka_unit_test(test_failure_injection),
        cmocka_unit_test(test_walk_sees_exactly_gc_blocks),
        cmocka_unit_test(test_cross_thread_free),
        cmocka_unit_test(test_thread_exit_keeps_blocks),
        cmocka_unit_test(test_arenas_go_back_to_the_os),
        cmocka_unit_test(test_freed_header_kept_until_quiescent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
