/* tests/unit/test_critical_section.c — single-thread semantics of TnMutex
 * (threading/mutex.h), the section stack (threading/critical_section.h) and
 * the parking lot's no-waiter cases (threading/parking_lot.h).
 *
 * Sections are exercised on bare TnMutexes (tn_critical_section_begin_mutex
 * and friends), which work in both flavours; the object macros are checked
 * through the stack depth, which is 1 inside a section in ft and 0 in gil
 * (bare braces).  The threaded behaviour is in stress/c/{mutex,
 * critical_section,parking_lot}.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/object.h"
#include "threading/critical_section.h"
#include "threading/mutex.h"
#include "threading/parking_lot.h"

/* ---- TnMutex ------------------------------------------------------------------- */

static void test_mutex_lock_unlock(void **state)
{
    (void)state;
    TnMutex m = TN_MUTEX_INIT;
    assert_false(tn_mutex_is_locked(&m));
    tn_mutex_lock(&m);
    assert_true(tn_mutex_is_locked(&m));
    assert_int_equal(m.bits, TN_MUTEX_LOCKED);
    assert_false(tn_mutex_trylock(&m));
    tn_mutex_unlock(&m);
    assert_int_equal(m.bits, 0);
    assert_true(tn_mutex_trylock(&m));
    tn_mutex_unlock(&m);
    assert_int_equal(m.bits, 0);
}

static void test_mutex_timed(void **state)
{
    (void)state;
    TnMutex m = TN_MUTEX_INIT;
    assert_int_equal(tn_mutex_lock_timed(&m, 0, TN_LOCK_DETACH), TN_LOCK_ACQUIRED);
    assert_int_equal(tn_mutex_lock_timed(&m, 0, TN_LOCK_DETACH), TN_LOCK_TIMEOUT);
    int64_t t0 = tn_monotonic_ns();
    assert_int_equal(tn_mutex_lock_timed(&m, 2000000, TN_LOCK_DETACH), TN_LOCK_TIMEOUT);
    assert_true(tn_monotonic_ns() - t0 >= 2000000);
    /* The timed-out waiter parked (flagging HAS_PARKED) and left: the byte
     * may still say so, and unlock must clean it up. */
    assert_true(m.bits == TN_MUTEX_LOCKED || m.bits == (TN_MUTEX_LOCKED | TN_MUTEX_HAS_PARKED));
    assert_int_equal(tn_parking_lot_count(&m.bits), 0);
    tn_mutex_unlock(&m);
    assert_int_equal(m.bits, 0);
    uint64_t contended = 0, parks = 0;
    tn_mutex_stats(&contended, &parks);
    assert_true(contended >= 1);
    assert_true(parks >= 1);
}

/* ---- parking lot, nobody parked ------------------------------------------------------ */

static int cb_calls;
static void *cb_park_arg;

static void note_cb(void *arg, void *park_arg, bool has_more)
{
    (void)arg;
    assert_false(has_more);
    cb_calls++;
    cb_park_arg = park_arg;
}

static void test_parking_lot_alone(void **state)
{
    (void)state;
    uint32_t word = 1, other = 2;
    assert_int_equal(tn_parking_lot_park(&word, &other, 4, TN_PARK_FOREVER, NULL, false), TN_PARK_AGAIN);
    assert_int_equal(tn_parking_lot_park(&word, &word, 4, 1000, NULL, false), TN_PARK_TIMEOUT);
    cb_calls = 0;
    cb_park_arg = &word;
    assert_false(tn_parking_lot_unpark(&word, note_cb, NULL));
    assert_int_equal(cb_calls, 1);
    assert_null(cb_park_arg);
    assert_int_equal(tn_parking_lot_unpark_all(&word), 0);
    assert_int_equal(tn_parking_lot_count(&word), 0);
    /* Deadlines: negative and overflowing timeouts mean "never". */
    assert_int_equal(tn_deadline_ns(-1), -1);
    assert_int_equal(tn_deadline_ns(INT64_MAX), -1);
    int64_t now = tn_monotonic_ns();
    int64_t soon = tn_deadline_ns(1000000);
    assert_true(soon >= now + 1000000 && soon < now + 1000000000);
    assert_int_equal(tn_parking_lot_park(&word, &other, 4, INT64_MAX, NULL, false), TN_PARK_AGAIN);
}

/* ---- the section stack ------------------------------------------------------------------- */

static TnMutex m1, m2, m3;

static void test_section_single_and_reentry(void **state)
{
    (void)state;
    TnCriticalSection a, again;
    assert_int_equal(tn_critical_section_depth(), 0);
    tn_critical_section_begin_mutex(&a, &m1);
    assert_int_equal(tn_critical_section_depth(), 1);
    assert_true(tn_mutex_is_locked(&m1));
    /* Re-entering the top section's mutex locks and pushes nothing. */
    tn_critical_section_begin_mutex(&again, &m1);
    assert_int_equal(tn_critical_section_depth(), 1);
    assert_null(again.mutex);
    tn_critical_section_end(&again);
    assert_true(tn_mutex_is_locked(&m1));
    tn_critical_section_end(&a);
    assert_false(tn_mutex_is_locked(&m1));
    assert_int_equal(tn_critical_section_depth(), 0);
}

static void test_section_suspend_resume(void **state)
{
    (void)state;
    TnCriticalSection outer, inner;
    tn_critical_section_begin_mutex(&outer, &m1);
    tn_critical_section_begin_mutex(&inner, &m2);
    /* Nesting keeps the outer section locked. */
    assert_true(tn_mutex_is_locked(&m1));
    assert_true(tn_mutex_is_locked(&m2));
    tn_critical_section_suspend_all();
    assert_false(tn_mutex_is_locked(&m1));
    assert_false(tn_mutex_is_locked(&m2));
    tn_critical_section_suspend_all();   /* idempotent */
    tn_critical_section_resume();
    /* Only the top one comes back ... */
    assert_false(tn_mutex_is_locked(&m1));
    assert_true(tn_mutex_is_locked(&m2));
    tn_critical_section_resume();        /* no-op: top already active */
    assert_true(tn_mutex_is_locked(&m2));
    /* ... and the outer one when the inner one ends. */
    tn_critical_section_end(&inner);
    assert_false(tn_mutex_is_locked(&m2));
    assert_true(tn_mutex_is_locked(&m1));
    tn_critical_section_end(&outer);
    assert_false(tn_mutex_is_locked(&m1));
    assert_int_equal(tn_critical_section_depth(), 0);
    tn_critical_section_suspend_all();   /* empty stack: nothing to do */
    tn_critical_section_resume();
}

static void test_section_outer_reentry(void **state)
{
    (void)state;
    /* m1 { m2 { m1 } }: the inner m1 is held by an outer section; waiting
     * would wait for ourselves, so the sections are suspended instead. */
    TnCriticalSection a, b, c;
    tn_critical_section_begin_mutex(&a, &m1);
    tn_critical_section_begin_mutex(&b, &m2);
    tn_critical_section_begin_mutex(&c, &m1);
    assert_int_equal(tn_critical_section_depth(), 3);
    assert_true(tn_mutex_is_locked(&m1));
    assert_false(tn_mutex_is_locked(&m2));
    tn_critical_section_end(&c);
    assert_true(tn_mutex_is_locked(&m2));
    assert_false(tn_mutex_is_locked(&m1));
    tn_critical_section_end(&b);
    assert_true(tn_mutex_is_locked(&m1));
    assert_false(tn_mutex_is_locked(&m2));
    tn_critical_section_end(&a);
    assert_false(tn_mutex_is_locked(&m1));
    assert_int_equal(tn_critical_section_depth(), 0);
}

static void test_section2(void **state)
{
    (void)state;
    TnCriticalSection2 s;
    /* Same mutex twice: one lock, one stack entry. */
    tn_critical_section2_begin_mutex(&s, &m2, &m2);
    assert_int_equal(tn_critical_section_depth(), 1);
    assert_null(s.mutex2);
    assert_true(tn_mutex_is_locked(&m2));
    tn_critical_section2_end(&s);
    assert_false(tn_mutex_is_locked(&m2));
    /* Two mutexes: both locked, the lower address first. */
    tn_critical_section2_begin_mutex(&s, &m3, &m1);
    assert_int_equal(tn_critical_section_depth(), 1);
    assert_ptr_equal(s.base.mutex, &m1 < &m3 ? &m1 : &m3);
    assert_ptr_equal(s.mutex2, &m1 < &m3 ? &m3 : &m1);
    assert_true(tn_mutex_is_locked(&m1));
    assert_true(tn_mutex_is_locked(&m3));
    tn_critical_section_suspend_all();
    assert_false(tn_mutex_is_locked(&m1));
    assert_false(tn_mutex_is_locked(&m3));
    tn_critical_section_resume();
    assert_true(tn_mutex_is_locked(&m1));
    assert_true(tn_mutex_is_locked(&m3));
    tn_critical_section2_end(&s);
    assert_false(tn_mutex_is_locked(&m1));
    assert_false(tn_mutex_is_locked(&m3));
    /* A two-mutex section on a mutex an outer section holds. */
    TnCriticalSection outer;
    tn_critical_section_begin_mutex(&outer, &m1);
    tn_critical_section2_begin_mutex(&s, &m1, &m2);
    assert_true(tn_mutex_is_locked(&m1));
    assert_true(tn_mutex_is_locked(&m2));
    tn_critical_section2_end(&s);
    assert_true(tn_mutex_is_locked(&m1));   /* outer re-locked */
    assert_false(tn_mutex_is_locked(&m2));
    tn_critical_section_end(&outer);
    assert_false(tn_mutex_is_locked(&m1));
    assert_int_equal(tn_critical_section_depth(), 0);
}

static void test_section_bind_state(void **state)
{
    (void)state;
    TnCriticalSectionState st = { 0 };
    tn_critical_section_bind_state(&st);
    TnCriticalSection a;
    tn_critical_section_begin_mutex(&a, &m1);
    assert_int_equal(st.top, (uintptr_t)&a);
    tn_critical_section_end(&a);
    assert_int_equal(st.top, 0);
    tn_critical_section_bind_state(NULL);
    assert_int_equal(tn_critical_section_depth(), 0);
}

/* ---- the object macros ------------------------------------------------------------------- */

typedef struct {
    TnObject ob;
    long value;
} Obj;

static void test_object_macros(void **state)
{
    (void)state;
    static Obj a, b;   /* zeroed: an unlocked header mutex in ft */
    /* Sections are recorded in ft, and in gil's debug builds (tracked). */
    int inside = TN_FREE_THREADED || TN_DEBUG ? 1 : 0;
    TN_BEGIN_CRITICAL_SECTION(&a);
    assert_int_equal(tn_critical_section_depth(), inside);
    tn_critical_section_assert_held(&a);
    TN_BEGIN_CRITICAL_SECTION(&a);
    assert_int_equal(tn_critical_section_depth(), inside);
    a.value++;
    TN_END_CRITICAL_SECTION();
    TN_BEGIN_CRITICAL_SECTION2(&b, &a);
    assert_int_equal(tn_critical_section_depth(), 2 * inside);
    tn_critical_section_assert_held(&a);
    tn_critical_section_assert_held(&b);
    b.value++;
    TN_END_CRITICAL_SECTION2();
    TN_END_CRITICAL_SECTION();
    assert_int_equal(tn_critical_section_depth(), 0);
    assert_int_equal(a.value, 1);
    assert_int_equal(b.value, 1);
}

/* ---- single-thread mode and leaving it ----------------------------------------- */

/* Before any second thread, sections keep their stack but lock nothing;
 * enabling locking with sections open locks exactly the active ones, and
 * their ends then unlock them.  Runs first: the mode only goes one way. */
static void test_single_thread_mode(void **state)
{
    (void)state;
    assert_false(tn_critical_section_locking_enabled());
    TnMutex a = TN_MUTEX_INIT, b = TN_MUTEX_INIT, c = TN_MUTEX_INIT;
    TnCriticalSection s1, s2, s3;
    TnCriticalSection2 s4;
    tn_critical_section_begin_mutex(&s1, &a);
    assert_false(tn_mutex_is_locked(&a));
    assert_int_equal(tn_critical_section_depth(), 1);
    tn_critical_section_begin_mutex(&s2, &a);        /* re-entry of the top: no-op */
    assert_int_equal(tn_critical_section_depth(), 1);
    tn_critical_section_end(&s2);
    tn_critical_section_begin_mutex(&s2, &b);        /* nested: both stay "held" */
    tn_critical_section_begin_mutex(&s3, &a);        /* held by an outer one: suspends all */
    assert_int_equal(tn_critical_section_depth(), 3);
    tn_critical_section_end(&s3);
    tn_critical_section_end(&s2);
    tn_critical_section_end(&s1);
    assert_int_equal(tn_critical_section_depth(), 0);

    /* Leave the mode inside s1 (a) > s4 (b, c): both levels are active and
     * must come out locked; a suspended level must not. */
    tn_critical_section_begin_mutex(&s1, &a);
    tn_critical_section2_begin_mutex(&s4, &b, &c);
    tn_critical_section_enable_locking();
    assert_true(tn_critical_section_locking_enabled());
    assert_true(tn_mutex_is_locked(&a));
    assert_true(tn_mutex_is_locked(&b));
    assert_true(tn_mutex_is_locked(&c));
    tn_critical_section2_end(&s4);
    assert_false(tn_mutex_is_locked(&b));
    assert_false(tn_mutex_is_locked(&c));
    assert_true(tn_mutex_is_locked(&a));
    tn_critical_section_end(&s1);
    assert_false(tn_mutex_is_locked(&a));
    tn_critical_section_enable_locking();            /* idempotent */
    assert_int_equal(tn_critical_section_depth(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_thread_mode),
        cmocka_unit_test(test_mutex_lock_unlock),
        cmocka_unit_test(test_mutex_timed),
        cmocka_unit_test(test_parking_lot_alone),
        cmocka_unit_test(test_section_single_and_reentry),
        cmocka_unit_test(test_section_suspend_resume),
        cmocka_unit_test(test_section_outer_reentry),
        cmocka_unit_test(test_section2),
        cmocka_unit_test(test_section_bind_state),
        cmocka_unit_test(test_object_macros),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
