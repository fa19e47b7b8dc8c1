/* tests/unit/test_math.c — the math module (core/modules/math.c) called
 * from C: constants, real functions and their errors, integer functions,
 * fsum. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"
#include "core/modules/modules.h"

static TnObject *math_mod;

static int setup(void **state)
{
    (void)state;
    if (tn_runtime_init() < 0)
        return -1;
    math_mod = tn_math_module_create();
    return math_mod != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    tn_xdecref(math_mod);
    return 0;
}

/* math.<name>(*args); args are stolen. */
static TnObject *call(const char *name, int n, ...)
{
    TnObject *f = tn_object_getattr_cstr(math_mod, name);
    assert_non_null(f);
    TnObject *args[4];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, TnObject *);
    va_end(ap);
    TnObject *r = tn_call(f, args, n, NULL);
    for (int i = 0; i < n; i++)
        tn_decref(args[i]);
    tn_decref(f);
    return r;
}

static TnObject *F(double v) { return tn_float_from_double(v); }
static TnObject *I(int64_t v) { return tn_int_from_i64(v); }

static void check_repr(TnObject *o, const char *expected)
{
    assert_non_null(o);
    TnObject *r = tn_object_repr(o);
    assert_non_null(r);
    const char *s = tn_str_utf8(r, NULL);
    if (strcmp(s, expected) != 0)
        fail_msg("got %s, expected %s", s, expected);
    tn_decref(r);
    tn_decref(o);
}

static void check_error(TnObject *r, TnType *type, const char *msg)
{
    assert_null(r);
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    assert_true(tn_object_type_check(exc, type));
    TnObject *s = tn_object_str(exc);
    assert_string_equal(tn_str_utf8(s, NULL), msg);
    tn_decref(s);
    tn_decref(exc);
}

static void test_constants(void **state)
{
    (void)state;
    check_repr(tn_object_getattr_cstr(math_mod, "pi"), "3.141592653589793");
    check_repr(tn_object_getattr_cstr(math_mod, "e"), "2.718281828459045");
    check_repr(tn_object_getattr_cstr(math_mod, "tau"), "6.283185307179586");
    check_repr(tn_object_getattr_cstr(math_mod, "inf"), "inf");
    check_repr(tn_object_getattr_cstr(math_mod, "nan"), "nan");
}

static void test_real(void **state)
{
    (void)state;
    check_repr(call("sqrt", 1, F(2)), "1.4142135623730951");
    check_repr(call("exp", 1, I(1)), "2.718281828459045");
    check_repr(call("log", 2, I(8), I(2)), "3.0");
    check_repr(call("hypot", 2, I(3), I(4)), "5.0");
    check_repr(call("gamma", 1, F(0.5)), "1.7724538509055159");
    check_repr(call("lgamma", 1, I(5)), "3.178053830347945");
    check_repr(call("floor", 1, F(-2.5)), "-3");
    check_repr(call("ceil", 1, F(2.1)), "3");
    check_repr(call("trunc", 1, F(-2.7)), "-2");
    check_error(call("sqrt", 1, F(-1)), &tn_exc_ValueError, "math domain error");
    check_error(call("exp", 1, F(1000)), &tn_exc_OverflowError, "math range error");
    check_error(call("sqrt", 1, tn_str_from_cstr("x")), &tn_exc_TypeError, "must be real number, not str");
    check_error(call("log", 1, I(0)), &tn_exc_ValueError, "math domain error");
}

static void test_integers(void **state)
{
    (void)state;
    check_repr(call("factorial", 1, I(20)), "2432902008176640000");
    check_repr(call("factorial", 1, I(0)), "1");
    check_repr(call("comb", 2, I(10), I(3)), "120");
    check_repr(call("perm", 2, I(5), I(2)), "20");
    check_repr(call("gcd", 3, I(12), I(-18), I(27)), "3");
    check_repr(call("lcm", 2, I(4), I(6)), "12");
    check_repr(call("isqrt", 1, I(INT64_MAX)), "3037000499");
    check_error(call("factorial", 1, I(-1)), &tn_exc_ValueError, "factorial() not defined for negative values");
    check_error(call("factorial", 1, F(2.0)), &tn_exc_TypeError, "'float' object cannot be interpreted as an integer");
}

static void test_fsum(void **state)
{
    (void)state;
    TnObject *l = tn_list_new(0);
    for (int i = 0; i < 10; i++)
        tn_list_append_steal(l, F(0.1));
    check_repr(call("fsum", 1, l), "1.0");
    TnObject *l2 = tn_list_new(0);
    tn_list_append_steal(l2, F(INFINITY));
    tn_list_append_steal(l2, F(-INFINITY));
    check_error(call("fsum", 1, l2), &tn_exc_ValueError, "-inf + inf in fsum");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constants),
        cmocka_unit_test(test_real),
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_fsum),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
