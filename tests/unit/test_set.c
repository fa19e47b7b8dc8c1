/* tests/unit/test_set.c — set, frozenset and set_iterator (core/objects/set.c).
 * Orders, hashes and messages were checked with CPython 3.11.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "core/compiler/ast.h"

static TnObject *I(int64_t v)
{
    TnObject *o = tn_int_from_i64(v);
    assert_non_null(o);
    return o;
}

static void assert_repr(TnObject *o, const char *expected)
{
    TnObject *r = tn_object_repr(o);
    assert_non_null(r);
    assert_string_equal(tn_str_utf8(r, NULL), expected);
    tn_decref(r);
}

static void assert_error(TnType *type, const char *msg)
{
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    assert_true(tn_object_type_check(exc, type));
    TnObject *s = tn_object_str(exc);
    assert_non_null(s);
    assert_string_equal(tn_str_utf8(s, NULL), msg);
    tn_decref(s);
    tn_decref(exc);
}

static void add_i(TnObject *s, int64_t v)
{
    TnObject *k = I(v);
    assert_int_equal(tn_set_add(s, k), 0);
    tn_decref(k);
}

static int has_i(TnObject *s, int64_t v)
{
    TnObject *k = I(v);
    int r = tn_set_contains(s, k);
    tn_decref(k);
    return r;
}

static TnObject *range_list(int64_t start, int64_t stop)
{
    TnObject *l = tn_list_new(0);
    assert_non_null(l);
    for (int64_t i = start; i < stop; i++) {
        TnObject *k = I(i);
        assert_int_equal(tn_list_append_steal(l, k), 0);
    }
    return l;
}

static void test_add_contains_discard(void **state)
{
    (void)state;
    TnObject *s = tn_set_new(NULL);
    assert_non_null(s);
    assert_true(tn_set_check(s) && tn_anyset_check(s) && !tn_frozenset_check(s));
    assert_int_equal(tn_set_size(s), 0);
    for (int i = 0; i < 1000; i++)
        add_i(s, i * 3);
    add_i(s, 0);
    assert_int_equal(tn_set_size(s), 1000);
    assert_int_equal(has_i(s, 2997), 1);
    assert_int_equal(has_i(s, 2998), 0);
    TnObject *k = I(3);
    assert_int_equal(tn_set_discard(s, k), 1);
    assert_int_equal(tn_set_discard(s, k), 0);
    tn_decref(k);
    assert_int_equal(tn_set_size(s), 999);
    tn_decref(s);
}

static void test_order_and_repr(void **state)
{
    (void)state;
    TnObject *s = tn_set_new(NULL);
    add_i(s, 5);
    add_i(s, 3);
    add_i(s, 100);
    add_i(s, 8);
    assert_repr(s, "{8, 3, 100, 5}");
    TnObject *empty = tn_set_new(NULL), *fe = tn_frozenset_new(NULL);
    assert_repr(empty, "set()");
    assert_repr(fe, "frozenset()");
    TnObject *f = tn_frozenset_new(s);
    assert_repr(f, "frozenset({8, 3, 100, 5})");
    assert_true(tn_frozenset_new(f) == f);
    tn_decref(f);
    tn_decref(f);
    tn_decref(fe);
    tn_decref(empty);
    tn_decref(s);
}

static void test_difference_order(void **state)
{
    (void)state;
    TnObject *l = range_list(0, 20), *a = tn_set_new(l), *b = tn_set_new(NULL);
    add_i(b, 3);
    TnObject *d = tn_number_binop(a, b, TN_OP_SUB);
    assert_non_null(d);
    assert_repr(d, "{0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}");
    tn_decref(d);
    tn_decref(b);
    tn_decref(a);
    tn_decref(l);
}

static void test_frozenset_hash(void **state)
{
    (void)state;
    TnObject *e = tn_frozenset_new(NULL);
    assert_int_equal(tn_object_hash(e), 133146708735736);
    TnObject *s = tn_set_new(NULL);
    add_i(s, 1);
    add_i(s, 2);
    TnObject *f = tn_frozenset_new(s);
    assert_int_equal(tn_object_hash(f), -1826646154956904602);
    /* set is unhashable; a set key is looked up as a frozenset */
    assert_int_equal(tn_object_hash(s), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'set'");
    TnObject *outer = tn_set_new(NULL);
    assert_int_equal(tn_set_add(outer, f), 0);
    assert_int_equal(tn_set_contains(outer, s), 1);
    assert_int_equal(tn_set_discard(outer, s), 1);
    assert_int_equal(tn_set_size(outer), 0);
    assert_int_equal(tn_set_add(outer, s), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'set'");
    tn_decref(outer);
    tn_decref(f);
    tn_decref(s);
    tn_decref(e);
}

static void test_next_and_iter(void **state)
{
    (void)state;
    TnObject *l = range_list(0, 10), *s = tn_set_new(l);
    tn_ssize_t pos = 0, n = 0;
    TnObject *key;
    tn_hash_t hash;
    int64_t sum = 0;
    while (tn_set_next(s, &pos, &key, &hash)) {
        int ovf;
        sum += tn_int_as_i64(key, &ovf);
        assert_int_equal(hash, tn_object_hash(key));
        n++;
    }
    assert_int_equal(n, 10);
    assert_int_equal(sum, 45);
    TnObject *it = tn_object_get_iter(s);
    assert_non_null(it);
    TnObject *first = tn_iter_next(it);
    assert_non_null(first);
    tn_decref(first);
    add_i(s, 100);
    assert_null(tn_iter_next(it));
    assert_error(&tn_exc_RuntimeError, "Set changed size during iteration");
    assert_null(tn_iter_next(it));
    assert_error(&tn_exc_RuntimeError, "Set changed size during iteration");
    tn_decref(it);
    tn_decref(s);
    tn_decref(l);
}

static void test_update_and_errors(void **state)
{
    (void)state;
    TnObject *s = tn_set_new(NULL), *l = range_list(0, 5);
    assert_int_equal(tn_set_update(s, l), 0);
    assert_int_equal(tn_set_size(s), 5);
    TnObject *bad = tn_set_new(l);
    TnObject *seven = I(7);
    assert_int_equal(tn_set_update(s, seven), -1);
    assert_error(&tn_exc_TypeError, "'int' object is not iterable");
    TnObject *r = tn_number_binop(s, l, TN_OP_BITOR);
    assert_null(r);
    assert_error(&tn_exc_TypeError, "unsupported operand type(s) for |: 'set' and 'list'");
    r = tn_object_richcompare(s, bad, TN_EQ);
    assert_true(r == TN_TRUE);
    TnObject *f = tn_frozenset_new(s);
    r = tn_object_richcompare(f, s, TN_LE);
    assert_true(r == TN_TRUE);
    add_i(s, 99);
    r = tn_object_richcompare(f, s, TN_LT);
    assert_true(r == TN_TRUE);
    r = tn_object_richcompare(s, f, TN_EQ);
    assert_true(r == TN_FALSE);
    tn_decref(f);
    tn_decref(seven);
    tn_decref(bad);
    tn_decref(l);
    tn_decref(s);
}

static void test_many_deletions(void **state)
{
    (void)state;
    TnObject *s = tn_set_new(NULL);
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 5000; i++)
            add_i(s, i);
        for (int i = 0; i < 5000; i++) {
            TnObject *k = I(i);
            assert_int_equal(tn_set_discard(s, k), 1);
            tn_decref(k);
        }
        assert_int_equal(tn_set_size(s), 0);
    }
    tn_decref(s);
}

int main(void)
{
    if (tn_runtime_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_contains_discard),
        cmocka_unit_test(test_order_and_repr),
        cmocka_unit_test(test_difference_order),
        cmocka_unit_test(test_frozenset_hash),
        cmocka_unit_test(test_next_and_iter),
        cmocka_unit_test(test_update_and_errors),
        cmocka_unit_test(test_many_deletions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
