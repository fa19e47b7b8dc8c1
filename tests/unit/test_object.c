/* tests/unit/test_object.c — the object header and the refcount API
 * (core/object.h), in whichever flavour this build is.
 *
 * Objects here are raw memory initialised with tn_object_init and a static
 * test type whose dealloc counts its calls, so the tests need neither the
 * runtime (tn_runtime_init) nor the object allocator.  The flavour is read
 * through TN_FREE_THREADED in plain C expressions: no #if outside the files
 * the variant-switch rule allows (tools/check_variant_ifs.sh).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/object.h"

/* ---- a test type ------------------------------------------------------------ */

typedef struct {
    TnObject ob;
    long payload;
} TestObj;

static int dealloc_calls;
static TnObject *last_deallocated;
/* When set, dealloc checks that this variable was already cleared (TN_CLEAR
 * and TN_SETREF must detach the reference before dropping it). */
static TnObject **watched_var;
static int watched_var_was_null;

static void testobj_dealloc(TnObject *op)
{
    dealloc_calls++;
    last_deallocated = op;
    if (watched_var != NULL)
        watched_var_was_null = (*watched_var == NULL);
    free(op);
}

static TnType test_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "testobj",
    .basicsize = sizeof(TestObj),
    .dealloc = testobj_dealloc,
};

static TnType other_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "otherobj",
    .basicsize = sizeof(TestObj),
    .dealloc = testobj_dealloc,
};

static TnObject *testobj_new(void)
{
    TestObj *o = calloc(1, sizeof(TestObj));
    assert_non_null(o);
    tn_object_init(&o->ob, &test_type);
    return &o->ob;
}

static int reset_counters(void **state)
{
    (void)state;
    dealloc_calls = 0;
    last_deallocated = NULL;
    watched_var = NULL;
    watched_var_was_null = -1;
    return 0;
}

/* ---- layout ------------------------------------------------------------------ */

static void test_header_size(void **state)
{
    (void)state;
    assert_int_equal(sizeof(TnObject), TN_FREE_THREADED ? 32 : 16);
    assert_int_equal(offsetof(TnObject, type), TN_FREE_THREADED ? 24 : 8);
    /* A subtype's fields start right after the header. */
    assert_int_equal(offsetof(TestObj, payload), sizeof(TnObject));
    /* The type object is itself an object: its header comes first. */
    assert_int_equal(offsetof(TnType, ob), 0);
}

static void test_type_accessors(void **state)
{
    (void)state;
    TnObject *op = testobj_new();
    assert_ptr_equal(tn_type(op), &test_type);
    assert_true(tn_type_check_exact(op, &test_type));
    tn_set_type(op, &other_type);
    assert_ptr_equal(tn_type(op), &other_type);
    assert_false(tn_type_check_exact(op, &test_type));
    tn_set_type(op, &test_type);
    tn_decref(op);
    assert_int_equal(dealloc_calls, 1);
}

/* ---- counting --------------------------------------------------------------- */

static void test_new_object_has_one_reference(void **state)
{
    (void)state;
    TnObject *op = testobj_new();
    assert_int_equal(tn_refcnt(op), 1);
    assert_false(tn_is_immortal(op));
    tn_decref(op);
    assert_int_equal(dealloc_calls, 1);
}

static void test_incref_decref(void **state)
{
    (void)state;
    TnObject *op = testobj_new();
    tn_incref(op);
    assert_int_equal(tn_refcnt(op), 2);
    tn_incref(op);
    tn_incref(op);
    assert_int_equal(tn_refcnt(op), 4);
    tn_decref(op);
    tn_decref(op);
    tn_decref(op);
    assert_int_equal(tn_refcnt(op), 1);
    assert_int_equal(dealloc_calls, 0);
    tn_decref(op);          /* the last reference: dealloc runs, once */
    assert_int_equal(dealloc_calls, 1);
    assert_ptr_equal(last_deallocated, op);
}

static void test_many_references(void **state)
{
    (void)state;
    TnObject *op = testobj_new();
    for (int i = 0; i < 100000; i++)
        tn_incref(op);
    assert_int_equal(tn_refcnt(op), 100001);
    for (int i = 0; i < 100000; i++)
        tn_decref(op);
    assert_int_equal(tn_refcnt(op), 1);
    assert_int_equal(dealloc_calls, 0);
    tn_decref(op);
    assert_int_equal(dealloc_calls, 1);
}

static void test_x_variants_accept_null(void **state)
{
    (void)state;
    tn_xincref(NULL);
    tn_xdecref(NULL);
    assert_null(tn_xnewref(NULL));
    TnObject *op = testobj_new();
    tn_xincref(op);
    assert_int_equal(tn_refcnt(op), 2);
    assert_ptr_equal(tn_xnewref(op), op);
    assert_int_equal(tn_refcnt(op), 3);
    tn_xdecref(op);
    tn_xdecref(op);
    assert_int_equal(dealloc_calls, 0);
    tn_xdecref(op);
    assert_int_equal(dealloc_calls, 1);
}

static void test_newref(void **state)
{
    (void)state;
    TnObject *op = testobj_new();
    TnObject *r = tn_newref(op);
    assert_ptr_equal(r, op);
    assert_int_equal(tn_refcnt(op), 2);
    tn_decref(r);
    tn_decref(op);
    assert_int_equal(dealloc_calls, 1);
}

/* ---- immortal objects --------------------------------------------------------- */

static TestObj static_obj = {
    .ob = TN_STATIC_OBJECT_HEAD(&test_type),
    .payload = 42,
};

static void test_static_object_is_immortal(void **state)
{
    (void)state;
    TnObject *op = &static_obj.ob;
    assert_true(tn_is_immortal(op));
    assert_true(tn_is_immortal(TN_OBJ(&test_type)));
    tn_ssize_t before = tn_refcnt(op);
    assert_true(before > 0);
    for (int i = 0; i < 1000; i++)
        tn_incref(op);
    for (int i = 0; i < 5000; i++)     /* more decrefs than increfs */
        tn_decref(op);
    assert_int_equal(tn_refcnt(op), before);
    assert_true(tn_is_immortal(op));
    assert_int_equal(dealloc_calls, 0);
    assert_int_equal(static_obj.payload, 42);
}

static void test_set_immortal(void **state)
{
    (void)state;
    TnObject *op = testobj_new();
    tn_incref(op);
    tn_set_immortal(op);
    assert_true(tn_is_immortal(op));
    tn_ssize_t before = tn_refcnt(op);
    for (int i = 0; i < 10; i++)
        tn_decref(op);
    assert_ptr_equal(tn_newref(op), op);
    TnObject *var = op;
    TN_CLEAR(var);
    assert_null(var);
    assert_int_equal(tn_refcnt(op), before);
    assert_int_equal(dealloc_calls, 0);
    free(op);   /* immortal objects are never deallocated by refcounting */
}

/* ---- TN_CLEAR / TN_SETREF ---------------------------------------------------- */

static void test_clear(void **state)
{
    (void)state;
    TnObject *var = testobj_new();
    tn_incref(var);
    TnObject *keep = var;
    TN_CLEAR(var);                      /* drops one of two references */
    assert_null(var);
    assert_int_equal(tn_refcnt(keep), 1);
    assert_int_equal(dealloc_calls, 0);

    var = keep;
    watched_var = &var;
    TN_CLEAR(var);                      /* drops the last one */
    assert_null(var);
    assert_int_equal(dealloc_calls, 1);
    assert_int_equal(watched_var_was_null, 1);   /* cleared before dealloc ran */

    TN_CLEAR(var);                      /* NULL: nothing happens */
    assert_null(var);
    assert_int_equal(dealloc_calls, 1);
}

static void test_clear_typed_pointer(void **state)
{
    (void)state;
    TestObj *var = (TestObj *)testobj_new();
    TN_CLEAR(var);
    assert_null(var);
    assert_int_equal(dealloc_calls, 1);
}

static void test_setref(void **state)
{
    (void)state;
    TnObject *a = testobj_new();
    TnObject *b = testobj_new();
    TnObject *var = a;                  /* var owns a's only reference */
    watched_var = &var;
    TN_SETREF(var, b);                  /* steals b, drops a */
    assert_ptr_equal(var, b);
    assert_int_equal(dealloc_calls, 1);
    assert_ptr_equal(last_deallocated, a);
    assert_int_equal(watched_var_was_null, 0);   /* var already held b */
    watched_var = NULL;

    TN_SETREF(var, NULL);               /* drops b */
    assert_null(var);
    assert_int_equal(dealloc_calls, 2);
    assert_ptr_equal(last_deallocated, b);

    TnObject *c = testobj_new();
    TN_SETREF(var, c);                  /* old value NULL: nothing dropped */
    assert_ptr_equal(var, c);
    assert_int_equal(dealloc_calls, 2);
    assert_int_equal(tn_refcnt(c), 1);
    TN_CLEAR(var);
    assert_int_equal(dealloc_calls, 3);
}

static void test_setref_same_object(void **state)
{
    (void)state;
    TnObject *a = testobj_new();
    TnObject *var = a;
    TN_SETREF(var, tn_newref(a));       /* new reference in, old one out */
    assert_ptr_equal(var, a);
    assert_int_equal(tn_refcnt(a), 1);
    assert_int_equal(dealloc_calls, 0);
    TN_CLEAR(var);
    assert_int_equal(dealloc_calls, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_header_size, reset_counters),
        cmocka_unit_test_setup(test_type_accessors, reset_counters),
        cmocka_unit_test_setup(test_new_object_has_one_reference, reset_counters),
        cmocka_unit_test_setup(test_incref_decref, reset_counters),
        cmocka_unit_test_setup(test_many_references, reset_counters),
        cmocka_unit_test_setup(test_x_variants_accept_null, reset_counters),
        cmocka_unit_test_setup(test_newref, reset_counters),
        cmocka_unit_test_setup(test_static_object_is_immortal, reset_counters),
        cmocka_unit_test_setup(test_set_immortal, reset_counters),
        cmocka_unit_test_setup(test_clear, reset_counters),
        cmocka_unit_test_setup(test_clear_typed_pointer, reset_counters),
        cmocka_unit_test_setup(test_setref, reset_counters),
        cmocka_unit_test_setup(test_setref_same_object, reset_counters),
    };
    return cmocka_run_group_tests_name("object", tests, NULL, NULL);
}
