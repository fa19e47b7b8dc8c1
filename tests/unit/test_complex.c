/* tests/unit/test_complex.c — complex (core/objects/complex.c): construction,
 * repr, arithmetic through the number protocol, comparison, hashing,
 * parsing, and float ** float with a negative base. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/objects/complex.h"
#include "core/vm/lifecycle.h"

static int setup(void **state)
{
    (void)state;
    static bool done;
    if (!done && tn_runtime_init() < 0)
        return -1;
    done = true;
    return 0;
}

/* repr(o) == expected; steals o. */
static void check_repr(TnObject *o, const char *expected)
{
    assert_non_null(o);
    TnObject *r = tn_object_repr(o);
    assert_non_null(r);
    const char *s = tn_str_utf8(r, NULL);
    if (strcmp(s, expected) != 0)
        fail_msg("repr: got %s, expected %s", s, expected);
    tn_decref(r);
    tn_decref(o);
}

/* The current exception is of type `type` with message msg; clears it. */
static void check_error(TnType *type, const char *msg)
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

static void test_repr(void **state)
{
    (void)state;
    check_repr(tn_complex_from_doubles(1, 2), "(1+2j)");
    check_repr(tn_complex_from_doubles(0, 2), "2j");
    check_repr(tn_complex_from_doubles(-0.0, -1), "(-0-1j)");
    check_repr(tn_complex_from_doubles(NAN, INFINITY), "(nan+infj)");
    check_repr(tn_complex_from_doubles(0, 1e20), "1e+20j");
    check_repr(tn_complex_from_doubles(1.5, -0.0), "(1.5-0j)");
    check_repr(tn_complex_from_doubles(0, 0), "0j");
}

static void test_arithmetic(void **state)
{
    (void)state;
    TnObject *a = tn_complex_from_doubles(1, 2), *b = tn_complex_from_doubles(3, -4);
    TnObject *i = tn_int_from_i64(2), *f = tn_float_from_double(0.5);
    check_repr(tn_number_binop(a, b, TN_OP_ADD), "(4-2j)");
    check_repr(tn_number_binop(a, b, TN_OP_SUB), "(-2+6j)");
    check_repr(tn_number_binop(a, b, TN_OP_MULT), "(11+2j)");
    check_repr(tn_number_binop(a, b, TN_OP_DIV), "(-0.2+0.4j)");
    check_repr(tn_number_binop(i, a, TN_OP_MULT), "(2+4j)");
    check_repr(tn_number_binop(a, f, TN_OP_SUB), "(0.5+2j)");
    check_repr(tn_number_power(a, i, TN_NONE), "(-3+4j)");
    check_repr(tn_number_negative(a), "(-1-2j)");
    check_repr(tn_number_absolute(b), "5.0");
    TnObject *zero = tn_complex_from_doubles(0, 0);
    assert_null(tn_number_binop(a, zero, TN_OP_DIV));
    check_error(&tn_exc_ZeroDivisionError, "complex division by zero");
    assert_null(tn_number_binop(a, i, TN_OP_FLOORDIV));
    check_error(&tn_exc_TypeError, "unsupported operand type(s) for //: 'complex' and 'int'");
    TnObject *m1 = tn_float_from_double(-1.0);
    check_repr(tn_number_power(m1, f, TN_NONE), "(6.123233995736766e-17+1j)");
    tn_decref(m1);
    tn_decref(zero);
    tn_decref(a);
    tn_decref(b);
    tn_decref(i);
    tn_decref(f);
}

static void test_compare_hash(void **state)
{
    (void)state;
    TnObject *c1 = tn_complex_from_doubles(1, 0), *one = tn_int_from_i64(1);
    TnObject *c2 = tn_complex_from_doubles(1, 2);
    assert_int_equal(tn_object_richcompare_bool(c1, one, TN_EQ), 1);
    assert_int_equal(tn_object_richcompare_bool(one, c1, TN_EQ), 1);
    assert_int_equal(tn_object_richcompare_bool(c2, one, TN_NE), 1);
    assert_true(tn_object_hash(c1) == tn_object_hash(one));
    assert_null(tn_object_richcompare(c2, c1, TN_LT));
    check_error(&tn_exc_TypeError, "'<' not supported between instances of 'complex' and 'complex'");
    tn_decref(c1);
    tn_decref(c2);
    tn_decref(one);
}

static TnObject *call_complex_str(const char *s)
{
    TnObject *arg = tn_str_from_cstr(s);
    assert_non_null(arg);
    TnObject *r = tn_call_one(TN_OBJ(&tn_type_complex), arg);
    tn_decref(arg);
    return r;
}

static void test_parse(void **state)
{
    (void)state;
    check_repr(call_complex_str("1+2j"), "(1+2j)");
    check_repr(call_complex_str(" ( -1.5e3-2J ) "), "(-1500-2j)");
    check_repr(call_complex_str("-j"), "-1j");
    check_repr(call_complex_str("inf"), "(inf+0j)");
    check_repr(call_complex_str("1_0j"), "10j");
    const char *bad[] = {"", "1+2", "x", "1 + 2j", "(1", "1e"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        assert_null(call_complex_str(bad[k]));
        check_error(&tn_exc_ValueError, "complex() arg is a malformed string");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repr),
        cmocka_unit_test(test_arithmetic),
        cmocka_unit_test(test_compare_hash),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
