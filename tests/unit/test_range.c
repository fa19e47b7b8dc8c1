/* tests/unit/test_range.c — range, range_iterator, slice and the sequence
 * iterator (core/objects/range.c).  Expected values come from CPython 3.11.
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

static int64_t as_i64(TnObject *o)
{
    int overflow;
    int64_t v = tn_int_as_i64(o, &overflow);
    assert_false(overflow);
    return v;
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

static TnObject *R(int64_t start, int64_t stop, int64_t step)
{
    TnObject *r = tn_range_new(start, stop, step);
    assert_non_null(r);
    return r;
}

/* list(it) as a repr string check. */
static void assert_items(TnObject *iterable, const char *expected)
{
    TnObject *l = tn_list_from_iterable(iterable);
    assert_non_null(l);
    assert_repr(l, expected);
    tn_decref(l);
}

static TnObject *slice3(int64_t a, int64_t b, int64_t c, bool has_a, bool has_b, bool has_c)
{
    TnObject *x = has_a ? I(a) : NULL, *y = has_b ? I(b) : NULL, *z = has_c ? I(c) : NULL;
    TnObject *s = tn_slice_new(x, y, z);
    tn_xdecref(x);
    tn_xdecref(y);
    tn_xdecref(z);
    assert_non_null(s);
    return s;
}

#define MAX INT64_MAX
#define MIN INT64_MIN

/* ---- range ----------------------------------------------------------------------- */

static void test_lengths(void **state)
{
    (void)state;
    struct { int64_t start, stop, step; tn_ssize_t len; } cases[] = {
        {0, 10, 1, 10}, {0, 10, 3, 4}, {10, 0, -3, 4}, {0, -10, -3, 4}, {5, 5, 1, 0},
        {5, 0, 1, 0}, {0, 5, -1, 0}, {MIN, MAX, MAX, 3}, {MAX, MIN, -MAX, 3},
        {MIN, MAX, (int64_t)1 << 62, 4}, {MIN, MAX, 3, 6148914691236517205LL},
        {MAX - 2, MAX, 1, 2}, {MIN, MIN + 3, 1, 3}, {MAX, MIN, MIN, 2}, {0, 1, MIN, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TnObject *r = R(cases[i].start, cases[i].stop, cases[i].step);
        assert_int_equal(tn_object_length(r), cases[i].len);
        assert_int_equal(tn_object_is_true(r), cases[i].len != 0);
        tn_decref(r);
    }
    /* More than INT64_MAX items: len() overflows, the range still works. */
    TnObject *huge = R(MIN, MAX, 1);
    assert_int_equal(tn_object_length(huge), -1);
    assert_error(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
    assert_int_equal(tn_object_is_true(huge), 1);
    TnObject *m1 = I(-1);
    TnObject *last = tn_object_getitem(huge, m1);
    assert_int_equal(as_i64(last), MAX - 1);
    tn_decref(last);
    tn_decref(m1);
    tn_decref(huge);
}

static void test_items_and_iteration(void **state)
{
    (void)state;
    TnObject *r = R(0, -10, -3);
    assert_items(r, "[0, -3, -6, -9]");
    TnObject *rev = tn_call_method_cstr(r, "__reversed__", NULL, 0);
    assert_string_equal(tn_type(rev)->name, "range_iterator");
    assert_items(rev, "[-9, -6, -3, 0]");
    tn_decref(rev);
    tn_decref(r);
    r = R(MIN, MAX, MAX);
    assert_items(r, "[-9223372036854775808, -1, 9223372036854775806]");
    tn_decref(r);
    r = R(MAX, MIN, -MAX);
    assert_items(r, "[9223372036854775807, 0, -9223372036854775807]");
    tn_decref(r);
    r = R(MAX - 3, MAX, 1);
    assert_items(r, "[9223372036854775804, 9223372036854775805, 9223372036854775806]");
    tn_decref(r);
    r = R(MIN, MIN + 3, 1);
    rev = tn_call_method_cstr(r, "__reversed__", NULL, 0);
    assert_items(rev, "[-9223372036854775806, -9223372036854775807, -9223372036854775808]");
    tn_decref(rev);
    tn_decref(r);
    r = R(MAX, MAX - 10, -4);
    rev = tn_call_method_cstr(r, "__reversed__", NULL, 0);
    assert_items(rev, "[9223372036854775799, 9223372036854775803, 9223372036854775807]");
    tn_decref(rev);
    tn_decref(r);
    /* The FOR_ITER fast path: iternext called directly. */
    r = R(0, 5, 1);
    TnObject *it = tn_object_get_iter(r);
    assert_ptr_equal(tn_type(it), &tn_type_range_iterator);
    int64_t sum = 0;
    TnObject *v;
    while ((v = tn_type_range_iterator.iternext(it)) != NULL) {
        sum += as_i64(v);
        tn_decref(v);
    }
    assert_null(tn_err_occurred());
    assert_int_equal(sum, 10);
    tn_decref(it);
    /* items by index */
    TnObject *k = I(-1);
    v = tn_object_getitem(r, k);
    assert_int_equal(as_i64(v), 4);
    tn_decref(v);
    tn_decref(k);
    k = I(5);
    assert_null(tn_object_getitem(r, k));
    assert_error(&tn_exc_IndexError, "range object index out of range");
    tn_decref(k);
    k = I(-6);
    assert_null(tn_object_getitem(r, k));
    assert_error(&tn_exc_IndexError, "range object index out of range");
    tn_decref(k);
    TnObject *str = tn_str_from_cstr("a");
    assert_null(tn_object_getitem(r, str));
    assert_error(&tn_exc_TypeError, "range indices must be integers or slices, not str");
    tn_decref(str);
    tn_decref(r);
}

static void test_slicing(void **state)
{
    (void)state;
    struct { int64_t start, stop, step; int64_t a, b, c; bool ha, hb, hc; const char *repr; } cases[] = {
        {0, 10, 2, 0, 0, -1, false, false, true, "range(8, -2, -2)"},
        {0, 10, 1, 1, 8, 3, true, true, true, "range(1, 8, 3)"},
        {5, -5, -2, 1, 0, 0, true, false, false, "range(3, -5, -2)"},
        {0, 10, 1, 0, 0, -2, false, false, true, "range(9, -1, -2)"},
        {0, 3, 1, 5, 1, -1, true, true, true, "range(2, 1, -1)"},
        {0, 10, 1, 2, 4, 0, true, true, false, "range(2, 4)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TnObject *r = R(cases[i].start, cases[i].stop, cases[i].step);
        TnObject *s = slice3(cases[i].a, cases[i].b, cases[i].c, cases[i].ha, cases[i].hb, cases[i].hc);
        TnObject *sub = tn_object_getitem(r, s);
        assert_non_null(sub);
        assert_repr(sub, cases[i].repr);
        tn_decref(sub);
        tn_decref(s);
        tn_decref(r);
    }
    TnObject *r = R(0, 10, 1), *s = slice3(0, 0, 0, false, false, true);
    assert_null(tn_object_getitem(r, s));
    assert_error(&tn_exc_ValueError, "slice step cannot be zero");
    tn_decref(s);
    tn_decref(r);
}

static void test_contains_index_count(void **state)
{
    (void)state;
    TnObject *r = R(0, 10, 5), *five = I(5), *six = I(6), *m5 = I(-5);
    assert_int_equal(tn_sequence_contains(r, five), 1);
    assert_int_equal(tn_sequence_contains(r, six), 0);
    TnObject *neg = R(0, -10, -5);
    assert_int_equal(tn_sequence_contains(neg, m5), 1);
    assert_int_equal(tn_sequence_contains(neg, five), 0);
    TnObject *f = tn_float_from_double(5.0), *str = tn_str_from_cstr("a");
    assert_int_equal(tn_sequence_contains(r, f), 1);          /* generic path */
    assert_int_equal(tn_sequence_contains(r, str), 0);
    assert_int_equal(tn_sequence_contains(r, TN_TRUE), 0);
    TnObject *v = tn_call_method_cstr(r, "index", &five, 1);
    assert_int_equal(as_i64(v), 1);
    tn_decref(v);
    v = tn_call_method_cstr(r, "index", &f, 1);
    assert_int_equal(as_i64(v), 1);
    tn_decref(v);
    assert_null(tn_call_method_cstr(r, "index", &six, 1));
    assert_error(&tn_exc_ValueError, "6 is not in range");
    assert_null(tn_call_method_cstr(r, "index", &str, 1));
    assert_error(&tn_exc_ValueError, "sequence.index(x): x not in sequence");
    v = tn_call_method_cstr(r, "count", &f, 1);
    assert_int_equal(as_i64(v), 1);
    tn_decref(v);
    v = tn_call_method_cstr(r, "count", &six, 1);
    assert_int_equal(as_i64(v), 0);
    tn_decref(v);
    /* Extreme bounds */
    TnObject *big = R(MIN, MAX, 3), *k = I(MAX - 3);
    assert_int_equal(tn_sequence_contains(big, k), 1);
    v = tn_call_method_cstr(big, "index", &k, 1);
    assert_int_equal(as_i64(v), 6148914691236517204LL);
    tn_decref(v);
    tn_decref(k);
    tn_decref(big);
    tn_decref(f);
    tn_decref(str);
    tn_decref(neg);
    tn_decref(r);
    tn_decref(five);
    tn_decref(six);
    tn_decref(m5);
}

static void test_repr_eq_hash_attrs(void **state)
{
    (void)state;
    TnObject *a = R(0, 10, 1), *b = R(0, 10, 2), *c = R(0, 5, 1), *d = R(0, 5, 1);
    assert_repr(a, "range(0, 10)");
    assert_repr(b, "range(0, 10, 2)");
    assert_int_equal(tn_object_richcompare_bool(c, d, TN_EQ), 1);
    assert_int_equal(tn_object_richcompare_bool(a, c, TN_EQ), 0);
    TnObject *e1 = R(0, 0, 1), *e2 = R(5, 5, 3), *one1 = R(3, 4, 1), *one2 = R(3, 100, 200);
    assert_int_equal(tn_object_richcompare_bool(e1, e2, TN_EQ), 1);
    assert_int_equal(tn_object_richcompare_bool(one1, one2, TN_EQ), 1);
    assert_int_equal(tn_object_hash(e1), tn_object_hash(e2));
    assert_int_equal(tn_object_hash(one1), tn_object_hash(one2));
    assert_null(tn_object_richcompare(a, c, TN_LT));
    assert_error(&tn_exc_TypeError, "'<' not supported between instances of 'range' and 'range'");
    TnObject *h3 = R(0, 3, 1), *h6 = R(0, 6, 2), *h10 = R(0, 10, 1);
    assert_int_equal(tn_object_hash(h3), (tn_hash_t)-8338477496398685190LL);
    assert_int_equal(tn_object_hash(h6), (tn_hash_t)-1830836740296686765LL);
    assert_int_equal(tn_object_hash(h10), (tn_hash_t)-7546101314042312252LL);
    TnObject *start = tn_object_getattr_cstr(b, "step");
    assert_int_equal(as_i64(start), 2);
    tn_decref(start);
    tn_decref(h3);
    tn_decref(h6);
    tn_decref(h10);
    tn_decref(e1);
    tn_decref(e2);
    tn_decref(one1);
    tn_decref(one2);
    tn_decref(a);
    tn_decref(b);
    tn_decref(c);
    tn_decref(d);
}

static void test_constructor(void **state)
{
    (void)state;
    TnObject *one = I(1), *two = I(2), *zero = I(0), *f = tn_float_from_double(1.0);
    TnObject *args[4] = {one, two, zero, one};
    TnObject *r = tn_call(TN_OBJ(&tn_type_range), args, 2, NULL);
    assert_repr(r, "range(1, 2)");
    tn_decref(r);
    r = tn_call(TN_OBJ(&tn_type_range), args, 1, NULL);
    assert_repr(r, "range(0, 1)");
    tn_decref(r);
    assert_null(tn_call(TN_OBJ(&tn_type_range), args, 0, NULL));
    assert_error(&tn_exc_TypeError, "range expected at least 1 argument, got 0");
    assert_null(tn_call(TN_OBJ(&tn_type_range), args, 4, NULL));
    assert_error(&tn_exc_TypeError, "range expected at most 3 arguments, got 4");
    assert_null(tn_call(TN_OBJ(&tn_type_range), args, 3, NULL));
    assert_error(&tn_exc_ValueError, "range() arg 3 must not be zero");
    assert_null(tn_call(TN_OBJ(&tn_type_range), &f, 1, NULL));
    assert_error(&tn_exc_TypeError, "'float' object cannot be interpreted as an integer");
    r = tn_call(TN_OBJ(&tn_type_range), (TnObject *[]){TN_TRUE}, 1, NULL);
    assert_repr(r, "range(0, 1)");
    tn_decref(r);
    tn_decref(one);
    tn_decref(two);
    tn_decref(zero);
    tn_decref(f);
}

/* ---- slice ----------------------------------------------------------------------------------- */

static void test_slice_indices(void **state)
{
    (void)state;
    /* slice, then its indices(10) and indices(0) from CPython */
    struct { int64_t a, b, c; bool ha, hb, hc; tn_ssize_t r10[3], r0[3]; } cases[] = {
        {0, 0, -1, false, false, true, {9, -1, -1}, {-1, -1, -1}},
        {-100, 100, 2, true, true, true, {0, 10, 2}, {0, 0, 2}},
        {5, 0, -2, true, false, true, {5, -1, -2}, {-1, -1, -2}},
        {0, -3, 0, false, true, false, {0, 7, 1}, {0, 0, 1}},
        {2, 1, 0, true, true, false, {2, 1, 1}, {0, 0, 1}},
        {-1, -5, -1, true, true, true, {9, 5, -1}, {-1, -1, -1}},
        {3, 100, 7, true, true, true, {3, 10, 7}, {0, 0, 7}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TnObject *s = slice3(cases[i].a, cases[i].b, cases[i].c, cases[i].ha, cases[i].hb, cases[i].hc);
        for (int which = 0; which < 2; which++) {
            tn_ssize_t len = which == 0 ? 10 : 0;
            const tn_ssize_t *want = which == 0 ? cases[i].r10 : cases[i].r0;
            /* The Python method */
            TnObject *n = I(len);
            TnObject *t = tn_call_method_cstr(s, "indices", &n, 1);
            assert_non_null(t);
            for (int j = 0; j < 3; j++)
                assert_int_equal(as_i64(tn_tuple_get(t, j)), want[j]);
            tn_decref(t);
            tn_decref(n);
            /* The C API agrees on the bounds it uses (start/step and the length). */
            tn_ssize_t start, stop, step, slen;
            assert_int_equal(tn_slice_indices(s, len, &start, &stop, &step, &slen), 0);
            assert_int_equal(start, want[0]);
            assert_int_equal(step, want[2]);
            tn_ssize_t expect_len = 0;
            for (tn_ssize_t k = want[0]; step > 0 ? k < want[1] : k > want[1]; k += step)
                expect_len++;
            assert_int_equal(slen, expect_len);
        }
        tn_decref(s);
    }
    TnObject *s = slice3(1, 2, 0, true, true, true), *one = I(1), *m1 = I(-1);
    assert_null(tn_call_method_cstr(s, "indices", &one, 1));
    assert_error(&tn_exc_ValueError, "slice step cannot be zero");
    tn_decref(s);
    s = slice3(1, 2, 0, true, true, false);
    assert_null(tn_call_method_cstr(s, "indices", &m1, 1));
    assert_error(&tn_exc_ValueError, "length should not be negative");
    assert_null(tn_call_method_cstr(s, "indices", NULL, 0));
    assert_error(&tn_exc_TypeError, "slice.indices() takes exactly one argument (0 given)");
    assert_repr(s, "slice(1, 2, None)");
    assert_int_equal(tn_object_hash(s), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'slice'");
    TnObject *s2 = slice3(1, 3, 0, true, true, false);
    assert_int_equal(tn_object_richcompare_bool(s, s2, TN_LT), 1);
    assert_int_equal(tn_object_richcompare_bool(s, s2, TN_EQ), 0);
    TnObject *s3 = slice3(1, 2, 0, true, true, false);
    assert_int_equal(tn_object_richcompare_bool(s, s3, TN_EQ), 1);
    TnObject *stop = tn_object_getattr_cstr(s, "stop");
    assert_int_equal(as_i64(stop), 2);
    tn_decref(stop);
    TnObject *step = tn_object_getattr_cstr(s, "step");
    assert_ptr_equal(step, TN_NONE);
    TnObject *made = tn_call(TN_OBJ(&tn_type_slice), &one, 1, NULL);
    assert_repr(made, "slice(None, 1, None)");
    tn_decref(made);
    assert_null(tn_call(TN_OBJ(&tn_type_slice), NULL, 0, NULL));
    assert_error(&tn_exc_TypeError, "slice expected at least 1 argument, got 0");
    /* Clipping: huge bounds do not overflow */
    TnObject *hi = I(MAX), *lo = I(MIN);
    TnObject *wide = tn_slice_new(lo, hi, lo);
    tn_ssize_t a, b, c, l;
    assert_int_equal(tn_slice_indices(wide, 10, &a, &b, &c, &l), 0);
    assert_int_equal(c, -INTPTR_MAX);
    assert_int_equal(l, 0);
    tn_decref(wide);
    tn_decref(hi);
    tn_decref(lo);
    tn_decref(s3);
    tn_decref(s2);
    tn_decref(s);
    tn_decref(one);
    tn_decref(m1);
}

/* ---- seqiter ---------------------------------------------------------------------------------- */

static void test_seqiter(void **state)
{
    (void)state;
    TnObject *l = tn_list_new(0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(tn_list_append_steal(l, I(i * 10)), 0);
    TnObject *it = tn_seqiter_new(l);
    assert_string_equal(tn_type(it)->name, "iterator");
    assert_items(it, "[0, 10, 20, 30]");
    assert_null(tn_iter_next(it));
    assert_null(tn_err_occurred());
    tn_decref(it);
    /* Over a range, whose item slot raises IndexError at the end */
    TnObject *r = R(3, 0, -1);
    it = tn_seqiter_new(r);
    assert_items(it, "[3, 2, 1]");
    tn_decref(it);
    tn_decref(r);
    tn_decref(l);
}

static int ready_types(void)
{
    TnType *types[] = {&tn_type_seqiter, &tn_type_list_iterator, &tn_type_range_iterator};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (!(types[i]->flags & TN_TPFLAGS_READY) && tn_type_ready(types[i]) < 0)
            return -1;
    }
    return 0;
}

int main(void)
{
    if (tn_runtime_init() < 0 || ready_types() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lengths),
        cmocka_unit_test(test_items_and_iteration),
        cmocka_unit_test(test_slicing),
        cmocka_unit_test(test_contains_index_count),
        cmocka_unit_test(test_repr_eq_hash_attrs),
        cmocka_unit_test(test_constructor),
        cmocka_unit_test(test_slice_indices),
        cmocka_unit_test(test_seqiter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
