/* tests/unit/test_qsbr.c — threading/qsbr.h on one OS thread.
 *
 * Several TnQsbrThread records stand for several threads: the one
 * registered last is the caller's (tn_decref_delayed queues there), the
 * others are "readers" whose quiescent states the test reports by hand.
 * Objects are raw memory with a test type that counts its deallocations.
 * In gil every delayed decref is immediate; in ft a decref waits until
 * every online reader has passed a quiescent state after it was queued,
 * offline (detached) readers hold nothing back, and the queue of a thread
 * that unregisters is adopted by the next poller.  The threaded behaviour
 * is in stress/py/{function_fields,exception_fields,class_names}.py.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/object.h"
#include "core/objects/type.h"
#include "threading/critical_section.h"
#include "threading/qsbr.h"

static int deallocs;

static void counted_dealloc(TnObject *op)
{
    deallocs++;
    free(op);
}

static TnType counted_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "counted",
    .basicsize = sizeof(TnObject),
    .dealloc = counted_dealloc,
};

static TnObject *counted_new(void)
{
    TnObject *op = calloc(1, sizeof(TnObject));
    assert_non_null(op);
    tn_object_init(op, &counted_type);
    return op;
}

static TnQsbrThread reader, writer;

/* reader registered and online, then writer (the caller's record). */
static int setup(void **state)
{
    (void)state;
    deallocs = 0;
    tn_qsbr_register(&reader);
    tn_qsbr_attach(&reader);
    tn_qsbr_register(&writer);
    tn_qsbr_attach(&writer);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tn_qsbr_detach(&reader);
    (void)tn_qsbr_poll(&writer);
    tn_qsbr_unregister(&writer);
    tn_qsbr_unregister(&reader);
    return 0;
}

static void test_single_thread_mode_is_immediate(void **state)
{
    (void)state;
    /* Before any second thread exists (locking off), nobody can read. */
    if (tn_critical_section_locking_enabled())
        skip();
    tn_decref_delayed(counted_new());
    assert_int_equal(deallocs, 1);
    assert_int_equal(writer.len, 0);
}

static void test_waits_for_online_reader(void **state)
{
    (void)state;
    tn_critical_section_enable_locking();
    TnObject *a = counted_new();
    tn_decref_delayed(a);
    if (!TN_FREE_THREADED) {
        assert_int_equal(deallocs, 1);
        return;
    }
    assert_int_equal(deallocs, 0);
    assert_int_equal(writer.len, 1);
    /* The reader has not passed a check point since: nothing is freed. */
    assert_int_equal(tn_qsbr_poll(&writer), 1);
    assert_int_equal(deallocs, 0);
    /* A second decref queued later has a later goal. */
    TnObject *b = counted_new();
    tn_decref_delayed(b);
    assert_int_equal(writer.len, 2);
    assert_true(writer.items[1].goal > writer.items[0].goal);
    /* The reader's check point: both goals reached. */
    tn_qsbr_quiescent(&reader);
    assert_int_equal(tn_qsbr_poll(&writer), 0);
    assert_int_equal(deallocs, 2);
}

static void test_offline_reader_holds_nothing(void **state)
{
    (void)state;
    tn_critical_section_enable_locking();
    tn_decref_delayed(counted_new());
    tn_qsbr_detach(&reader);
    (void)tn_qsbr_poll(&writer);
    assert_int_equal(deallocs, 1);
    /* Coming back online: a newer decref waits for it again (ft). */
    tn_qsbr_attach(&reader);
    tn_decref_delayed(counted_new());
    (void)tn_qsbr_poll(&writer);
    assert_int_equal(deallocs, TN_FREE_THREADED ? 1 : 2);
    tn_qsbr_quiescent(&reader);
    (void)tn_qsbr_poll(&writer);
    assert_int_equal(deallocs, 2);
}

static void test_orphans_adopted(void **state)
{
    (void)state;
    tn_critical_section_enable_locking();
    tn_decref_delayed(counted_new());
    tn_decref_delayed(counted_new());
    /* The writer exits with its queue pending (ft): the reader adopts it and
     * frees once it has itself passed the goals (polling is a quiescent
     * state of the poller). */
    tn_qsbr_unregister(&writer);
    assert_int_equal(deallocs, TN_FREE_THREADED ? 0 : 2);
    assert_int_equal(tn_qsbr_poll(&reader), 0);
    assert_int_equal(deallocs, 2);
    tn_qsbr_register(&writer);   /* for teardown */
    tn_qsbr_attach(&writer);
}

static void test_many_pushes_poll_themselves(void **state)
{
    (void)state;
    tn_critical_section_enable_locking();
    /* The reader keeps passing check points: the queue drains itself every
     * TN_QSBR_POLL_LEN pushes, so it never holds more than that. */
    size_t most = 0;
    for (int i = 0; i < 10000; i++) {
        tn_decref_delayed(counted_new());
        tn_qsbr_quiescent(&reader);
        if (writer.len > most)
            most = writer.len;
    }
    assert_true(most <= TN_QSBR_POLL_LEN);
    (void)tn_qsbr_poll(&writer);
    assert_int_equal(deallocs, 10000);
}

static void test_field_replace(void **state)
{
    (void)state;
    tn_critical_section_enable_locking();
    TnObject *slot = counted_new();
    TnObject *held = tn_field_get_ref(&slot);   /* a reader's reference */
    assert_ptr_equal(held, slot);
    tn_field_replace_steal(&slot, counted_new());
    tn_qsbr_quiescent(&reader);
    (void)tn_qsbr_poll(&writer);
    /* The old value lost the field's reference but not the reader's. */
    assert_int_equal(deallocs, 0);
    tn_decref(held);
    assert_int_equal(deallocs, 1);
    tn_field_replace_steal(&slot, NULL);
    tn_qsbr_quiescent(&reader);
    (void)tn_qsbr_poll(&writer);
    assert_int_equal(deallocs, 2);
    assert_null(tn_field_load(&slot));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_single_thread_mode_is_immediate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_waits_for_online_reader, setup, teardown),
        cmocka_unit_test_setup_teardown(test_offline_reader_holds_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_orphans_adopted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_pushes_poll_themselves, setup, teardown),
        cmocka_unit_test_setup_teardown(test_field_replace, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
