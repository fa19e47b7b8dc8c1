/* tests/unit/test_tuple.c — tuple and tuple_iterator (core/objects/tuple.c).
 *
 * Expected hashes, reprs and messages were produced with CPython 3.11
 * (python3 -c "print(hash((1, 2)))" etc.).  Only int and float items are
 * hashed: str hashes are randomised per process in CPython.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"

/* ---- helpers ------------------------------------------------------------------ */

static TnObject *I(int64_t v)
{
    TnObject *o = tn_int_from_i64(v);
    assert_non_null(o);
    return o;
}

/* A tuple of ints (n of them). */
static TnObject *int_tuple(int n, ...)
{
    TnObject *t = tn_tuple_new(n);
    assert_non_null(t);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        tn_tuple_set_steal(t, i, I(va_arg(ap, int)));
    va_end(ap);
    return t;
}

static void assert_repr(TnObject *o, const char *expected)
{
    TnObject *r = tn_object_repr(o);
    assert_non_null(r);
    assert_string_equal(tn_str_utf8(r, NULL), expected);
    tn_decref(r);
}

/* The pending exception is of type `type` with str() == msg; clears it. */
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

static TnObject *call_method(TnObject *o, const char *name, tn_ssize_t nargs, TnObject *const *args)
{
    return tn_call_method_cstr(o, name, args, nargs);
}

static int64_t as_i64(TnObject *o)
{
    int overflow;
    int64_t v = tn_int_as_i64(o, &overflow);
    assert_false(overflow);
    return v;
}

/* ---- construction --------------------------------------------------------------- */

static void test_empty_singleton(void **state)
{
    (void)state;
    TnObject *a = tn_tuple_new(0), *b = tn_tuple_new(0);
    assert_ptr_equal(a, b);
    assert_true(tn_is_immortal(a));
    assert_int_equal(tn_tuple_size(a), 0);
    TnObject *c = tn_tuple_from_array(NULL, 0);
    assert_ptr_equal(a, c);
    tn_decref(a);
    tn_decref(b);
    tn_decref(c);
}

static void test_pack_and_slice(void **state)
{
    (void)state;
    TnObject *one = I(1), *two = I(2), *three = I(3);
    TnObject *t = tn_tuple_pack(3, one, two, three);
    assert_int_equal(tn_tuple_size(t), 3);
    assert_ptr_equal(tn_tuple_get(t, 1), two);
    TnObject *s = tn_tuple_slice(t, 1, 100);
    assert_repr(s, "(2, 3)");
    tn_decref(s);
    s = tn_tuple_slice(t, -5, 100);
    assert_ptr_equal(s, t);                 /* whole exact tuple: itself */
    tn_decref(s);
    s = tn_tuple_slice(t, 2, 1);
    assert_int_equal(tn_tuple_size(s), 0);
    tn_decref(s);
    tn_decref(t);
    tn_decref(one);
    tn_decref(two);
    tn_decref(three);
}

static void test_from_iterable(void **state)
{
    (void)state;
    TnObject *list = tn_list_new(0);
    for (int i = 0; i < 5; i++) {
        TnObject *v = I(i * i);
        assert_int_equal(tn_list_append(list, v), 0);
        tn_decref(v);
    }
    TnObject *t = tn_tuple_from_iterable(list);
    assert_repr(t, "(0, 1, 4, 9, 16)");
    TnObject *again = tn_tuple_from_iterable(t);
    assert_ptr_equal(again, t);
    tn_decref(again);
    /* From a generic iterator (list_iterator). */
    TnObject *it = tn_object_get_iter(list);
    TnObject *t2 = tn_tuple_from_iterable(it);
    assert_repr(t2, "(0, 1, 4, 9, 16)");
    tn_decref(t2);
    tn_decref(it);
    /* tuple(5) */
    TnObject *five = I(5);
    assert_null(tn_tuple_from_iterable(five));
    assert_error(&tn_exc_TypeError, "'int' object is not iterable");
    tn_decref(five);
    tn_decref(t);
    tn_decref(list);
}

static void test_constructor(void **state)
{
    (void)state;
    TnObject *r = tn_call(TN_OBJ(&tn_type_tuple), NULL, 0, NULL);
    assert_non_null(r);
    assert_int_equal(tn_tuple_size(r), 0);
    tn_decref(r);
    TnObject *t = int_tuple(2, 7, 8);
    TnObject *args[2] = {t, t};
    r = tn_call(TN_OBJ(&tn_type_tuple), args, 1, NULL);
    assert_ptr_equal(r, t);
    tn_decref(r);
    assert_null(tn_call(TN_OBJ(&tn_type_tuple), args, 2, NULL));
    assert_error(&tn_exc_TypeError, "tuple expected at most 1 argument, got 2");
    tn_decref(t);
}

/* ---- hash ---------------------------------------------------------------------------- */

static void test_hash_matches_cpython(void **state)
{
    (void)state;
    struct { TnObject *t; tn_hash_t h; } cases[] = {
        {int_tuple(2, 1, 2), (tn_hash_t)-3550055125485641917LL},
        {tn_tuple_new(0), (tn_hash_t)5740354900026072187LL},
        {int_tuple(1, 1), (tn_hash_t)-6644214454873602895LL},
        {int_tuple(1, -1), (tn_hash_t)8078679518589016365LL},
        {int_tuple(1, -2), (tn_hash_t)8078679518589016365LL},   /* hash(-1) == hash(-2) */
        {int_tuple(3, 1, 2, 3), (tn_hash_t)529344067295497451LL},
        {int_tuple(1, 0), (tn_hash_t)-8753497827991233192LL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(tn_object_hash(cases[i].t), cases[i].h);
        tn_decref(cases[i].t);
    }
    /* Nested: hash(((1, 2), (3, 4))) */
    TnObject *a = int_tuple(2, 1, 2), *b = int_tuple(2, 3, 4);
    TnObject *nested = tn_tuple_pack(2, a, b);
    assert_int_equal(tn_object_hash(nested), (tn_hash_t)-1467267874458550984LL);
    tn_decref(nested);
    /* hash((1.5, 2)) */
    TnObject *f = tn_float_from_double(1.5), *two = I(2);
    TnObject *ft = tn_tuple_pack(2, f, two);
    assert_int_equal(tn_object_hash(ft), (tn_hash_t)8274728468405361693LL);
    tn_decref(ft);
    tn_decref(f);
    tn_decref(two);
    /* hash((True, False)) and big ints: hash((2**40, -2**40)) */
    TnObject *bt = tn_tuple_pack(2, TN_TRUE, TN_FALSE);
    assert_int_equal(tn_object_hash(bt), (tn_hash_t)-5164621852614943976LL);
    tn_decref(bt);
    TnObject *p = I((int64_t)1 << 40), *m = I(-((int64_t)1 << 40));
    TnObject *big = tn_tuple_pack(2, p, m);
    assert_int_equal(tn_object_hash(big), (tn_hash_t)6542304105880339463LL);
    tn_decref(big);
    tn_decref(p);
    tn_decref(m);
    tn_decref(a);
    tn_decref(b);
}

static void test_hash_lanes_agree(void **state)
{
    (void)state;
    TnObject *t = int_tuple(3, 5, -7, 1000000);
    tn_hash_t lanes[3];
    for (int i = 0; i < 3; i++)
        lanes[i] = tn_object_hash(tn_tuple_get(t, i));
    assert_int_equal(tn_tuple_hash_from_lanes(lanes, 3), tn_object_hash(t));
    tn_decref(t);
}

static void test_unhashable_item(void **state)
{
    (void)state;
    TnObject *l = tn_list_new(0);
    TnObject *t = tn_tuple_pack(1, l);
    assert_int_equal(tn_object_hash(t), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'list'");
    tn_decref(t);
    tn_decref(l);
}

/* ---- repr and comparison -------------------------------------------------------------------- */

static void test_repr(void **state)
{
    (void)state;
    TnObject *e = tn_tuple_new(0), *one = int_tuple(1, 1), *two = int_tuple(2, 1, 2);
    assert_repr(e, "()");
    assert_repr(one, "(1,)");
    assert_repr(two, "(1, 2)");
    TnObject *l = tn_list_new(0);
    TnObject *mixed = tn_tuple_pack(3, one, e, l);
    assert_repr(mixed, "((1,), (), [])");
    /* A cycle through a list: t = ([],); t[0].append(t) */
    assert_int_equal(tn_list_append(l, mixed), 0);
    assert_repr(mixed, "((1,), (), [(...)])");
    /* Break the cycle. */
    TnObject *gone = tn_call_method_cstr(l, "clear", NULL, 0);
    tn_decref(gone);
    tn_decref(mixed);
    tn_decref(l);
    tn_decref(e);
    tn_decref(one);
    tn_decref(two);
}

static int cmp(TnObject *a, TnObject *b, int op)
{
    int r = tn_object_richcompare_bool(a, b, op);
    assert_true(r >= 0);
    return r;
}

static void test_richcompare(void **state)
{
    (void)state;
    TnObject *a = int_tuple(2, 1, 2), *b = int_tuple(3, 1, 2, 3), *c = int_tuple(2, 1, 3);
    TnObject *a2 = int_tuple(2, 1, 2), *e = tn_tuple_new(0);
    assert_true(cmp(a, a2, TN_EQ));
    assert_false(cmp(a, a2, TN_NE));
    assert_true(cmp(a, b, TN_LT));
    assert_true(cmp(a, b, TN_LE));
    assert_false(cmp(a, b, TN_GT));
    assert_true(cmp(c, b, TN_GT));
    assert_true(cmp(c, b, TN_GE));
    assert_true(cmp(e, a, TN_LT));
    assert_false(cmp(a, b, TN_EQ));
    /* (1, []) < (1, 2): the first differing items are compared with < */
    TnObject *l = tn_list_new(0), *one = I(1);
    TnObject *x = tn_tuple_pack(2, one, l);
    assert_int_equal(tn_object_richcompare_bool(x, a, TN_LT), -1);
    assert_error(&tn_exc_TypeError, "'<' not supported between instances of 'list' and 'int'");
    /* tuple vs list: NotImplemented, == is False */
    TnObject *r = tn_type_tuple.richcompare(a, l, TN_EQ);
    assert_ptr_equal(r, TN_NOTIMPLEMENTED);
    tn_decref(r);
    tn_decref(x);
    tn_decref(l);
    tn_decref(one);
    tn_decref(a);
    tn_decref(a2);
    tn_decref(b);
    tn_decref(c);
    tn_decref(e);
}

/* ---- sequence protocol ----------------------------------------------------------------------- */

static void test_sequence_ops(void **state)
{
    (void)state;
    TnObject *a = int_tuple(2, 1, 2), *b = int_tuple(1, 3);
    TnObject *c = tn_type_tuple.as_sequence->concat(a, b);
    assert_repr(c, "(1, 2, 3)");
    tn_decref(c);
    TnObject *five = I(5);
    assert_null(tn_type_tuple.as_sequence->concat(a, five));
    assert_error(&tn_exc_TypeError, "can only concatenate tuple (not \"int\") to tuple");
    TnObject *r = tn_type_tuple.as_sequence->repeat(a, 3);
    assert_repr(r, "(1, 2, 1, 2, 1, 2)");
    tn_decref(r);
    r = tn_type_tuple.as_sequence->repeat(a, -1);
    assert_int_equal(tn_tuple_size(r), 0);
    tn_decref(r);
    r = tn_type_tuple.as_sequence->repeat(a, 1);
    assert_ptr_equal(r, a);
    tn_decref(r);
    assert_null(tn_type_tuple.as_sequence->repeat(a, (tn_ssize_t)1 << 61));
    assert_error(&tn_exc_MemoryError, "");
    assert_null(tn_type_tuple.as_sequence->repeat(a, INTPTR_MAX));
    assert_error(&tn_exc_MemoryError, "");
    /* item with negative indexes; IndexError */
    TnObject *it = tn_type_tuple.as_sequence->item(a, -1);
    assert_int_equal(as_i64(it), 2);
    tn_decref(it);
    assert_null(tn_type_tuple.as_sequence->item(a, 2));
    assert_error(&tn_exc_IndexError, "tuple index out of range");
    assert_int_equal(tn_sequence_contains(a, five), 0);
    TnObject *two = I(2);
    assert_int_equal(tn_sequence_contains(a, two), 1);
    assert_int_equal(tn_object_length(a), 2);
    tn_decref(two);
    tn_decref(five);
    tn_decref(a);
    tn_decref(b);
}

static void test_subscript(void **state)
{
    (void)state;
    TnObject *t = int_tuple(5, 0, 1, 2, 3, 4);
    TnObject *k = I(-2);
    TnObject *v = tn_object_getitem(t, k);
    assert_int_equal(as_i64(v), 3);
    tn_decref(v);
    tn_decref(k);
    TnObject *two = I(2), *none = TN_NONE, *m1 = I(-1);
    TnObject *s = tn_slice_new(NULL, NULL, two);
    v = tn_object_getitem(t, s);
    assert_repr(v, "(0, 2, 4)");
    tn_decref(v);
    tn_decref(s);
    s = tn_slice_new(none, none, m1);
    v = tn_object_getitem(t, s);
    assert_repr(v, "(4, 3, 2, 1, 0)");
    tn_decref(v);
    tn_decref(s);
    s = tn_slice_new(NULL, NULL, NULL);
    v = tn_object_getitem(t, s);
    assert_ptr_equal(v, t);
    tn_decref(v);
    tn_decref(s);
    TnObject *str = tn_str_from_cstr("a");
    assert_null(tn_object_getitem(t, str));
    assert_error(&tn_exc_TypeError, "tuple indices must be integers or slices, not str");
    tn_decref(str);
    tn_decref(two);
    tn_decref(m1);
    tn_decref(t);
}

/* ---- methods and iteration --------------------------------------------------------------------- */

static void test_index_count(void **state)
{
    (void)state;
    TnObject *t = int_tuple(5, 1, 2, 1, 2, 1);
    TnObject *one = I(1), *two = I(2), *nine = I(9), *three = I(3);
    TnObject *r = call_method(t, "count", 1, &one);
    assert_int_equal(as_i64(r), 3);
    tn_decref(r);
    r = call_method(t, "index", 1, &two);
    assert_int_equal(as_i64(r), 1);
    tn_decref(r);
    TnObject *args[3] = {two, two, nine};
    r = call_method(t, "index", 2, args);
    assert_int_equal(as_i64(r), 3);
    tn_decref(r);
    TnObject *args2[3] = {one, three, three};
    assert_null(call_method(t, "index", 3, args2));
    assert_error(&tn_exc_ValueError, "tuple.index(x): x not in tuple");
    assert_null(call_method(t, "index", 1, &nine));
    assert_error(&tn_exc_ValueError, "tuple.index(x): x not in tuple");
    assert_null(call_method(t, "index", 0, NULL));
    assert_error(&tn_exc_TypeError, "index expected at least 1 argument, got 0");
    assert_null(call_method(t, "count", 0, NULL));
    assert_error(&tn_exc_TypeError, "tuple.count() takes exactly one argument (0 given)");
    TnObject *str = tn_str_from_cstr("a");
    TnObject *args3[2] = {one, str};
    assert_null(call_method(t, "index", 2, args3));
    assert_error(&tn_exc_TypeError, "slice indices must be integers or have an __index__ method");
    tn_decref(str);
    tn_decref(one);
    tn_decref(two);
    tn_decref(three);
    tn_decref(nine);
    tn_decref(t);
}

static void test_iterator(void **state)
{
    (void)state;
    TnObject *t = int_tuple(3, 10, 20, 30);
    TnObject *it = tn_object_get_iter(t);
    assert_non_null(it);
    assert_string_equal(tn_type(it)->name, "tuple_iterator");
    int64_t sum = 0;
    TnObject *v;
    while ((v = tn_iter_next(it)) != NULL) {
        sum += as_i64(v);
        tn_decref(v);
    }
    assert_null(tn_err_occurred());
    assert_int_equal(sum, 60);
    assert_null(tn_iter_next(it));      /* stays exhausted */
    tn_decref(it);
    tn_decref(t);
}

int main(void)
{
    if (tn_runtime_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_singleton),
        cmocka_unit_test(test_pack_and_slice),
        cmocka_unit_test(test_from_iterable),
        cmocka_unit_test(test_constructor),
        cmocka_unit_test(test_hash_matches_cpython),
        cmocka_unit_test(test_hash_lanes_agree),
        cmocka_unit_test(test_unhashable_item),
        cmocka_unit_test(test_repr),
        cmocka_unit_test(test_richcompare),
        cmocka_unit_test(test_sequence_ops),
        cmocka_unit_test(test_subscript),
        cmocka_unit_test(test_index_count),
        cmocka_unit_test(test_iterator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
