/* tests/unit/test_args.c — the argument checking helpers (core/vm/args.h).
 *
 * Every expected message below was produced by CPython 3.11 for the
 * builtin named in the comment next to it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"

/* ---- helpers -------------------------------------------------------------- */

/* Assert that a TypeError with exactly `msg` is pending, and clear it. */
static void expect_type_error(const char *msg)
{
    TnObject *exc = tn_err_fetch();
    assert_non_null(exc);
    assert_ptr_equal(tn_type(exc), &tn_exc_TypeError);
    TnObject *s = tn_object_str(exc);
    assert_non_null(s);
    assert_string_equal(tn_str_utf8(s, NULL), msg);
    tn_decref(s);
    tn_decref(exc);
}

static void expect_no_error(void)
{
    assert_null(tn_err_occurred());
}

/* A tuple of interned keyword names (NULL-terminated list). */
static TnObject *kwnames_of(const char *first, ...)
{
    TnObject *items[8];
    tn_ssize_t n = 0;
    va_list ap;
    va_start(ap, first);
    for (const char *k = first; k != NULL; k = va_arg(ap, const char *)) {
        assert_true(n < 8);
        items[n] = tn_str_from_cstr(k);
        assert_non_null(items[n]);
        n++;
    }
    va_end(ap);
    TnObject *t = tn_tuple_from_array(items, n);
    assert_non_null(t);
    for (tn_ssize_t i = 0; i < n; i++)
        tn_decref(items[i]);
    return t;
}

/* Distinct argument objects (the ints 100..107). */
static TnObject *argv_[8];

static int setup(void **state)
{
    (void)state;
    if (tn_runtime_init() < 0)
        return -1;
    for (int i = 0; i < 8; i++)
        argv_[i] = tn_int_from_i64(100 + i);
    return 0;
}

/* ---- tn_args_no_kw ------------------------------------------------------ */

static void test_no_kw(void **state)
{
    (void)state;
    assert_int_equal(tn_args_no_kw("len", NULL), 0);
    TnObject *empty = tn_tuple_new(0);
    assert_int_equal(tn_args_no_kw("len", empty), 0);
    tn_decref(empty);
    expect_no_error();

    TnObject *kw = kwnames_of("x", NULL);
    assert_int_equal(tn_args_no_kw("len", kw), -1);
    expect_type_error("len() takes no keyword arguments");               /* len(x=1) */
    assert_int_equal(tn_args_no_kw("sys.exit", kw), -1);
    expect_type_error("sys.exit() takes no keyword arguments");          /* sys.exit(x=1) */
    tn_decref(kw);
}

/* ---- tn_args_count -------------------------------------------------------- */

static void test_count_ok(void **state)
{
    (void)state;
    assert_int_equal(tn_args_count("f", 0, 0, 0), 0);
    assert_int_equal(tn_args_count("f", 1, 1, 1), 0);
    assert_int_equal(tn_args_count("f", 2, 1, 3), 0);
    assert_int_equal(tn_args_count("f", 100, 1, -1), 0);
    expect_no_error();
}

static void test_count_meth_o(void **state)
{
    (void)state;
    assert_int_equal(tn_args_count("len", 2, 1, 1), -1);
    expect_type_error("len() takes exactly one argument (2 given)");     /* len(1, 2) */
    assert_int_equal(tn_args_count("len", 0, 1, 1), -1);
    expect_type_error("len() takes exactly one argument (0 given)");     /* len() */
}

static void test_count_noargs(void **state)
{
    (void)state;
    assert_int_equal(tn_args_count("globals", 1, 0, 0), -1);
    expect_type_error("globals() takes no arguments (1 given)");         /* globals(1) */
}

static void test_count_positional(void **state)
{
    (void)state;
    assert_int_equal(tn_args_count("divmod", 1, 2, 2), -1);
    expect_type_error("divmod expected 2 arguments, got 1");             /* divmod(1) */
    assert_int_equal(tn_args_count("divmod", 3, 2, 2), -1);
    expect_type_error("divmod expected 2 arguments, got 3");             /* divmod(1, 2, 3) */
    assert_int_equal(tn_args_count("getattr", 1, 2, 3), -1);
    expect_type_error("getattr expected at least 2 arguments, got 1");   /* getattr(1) */
    assert_int_equal(tn_args_count("getattr", 4, 2, 3), -1);
    expect_type_error("getattr expected at most 3 arguments, got 4");    /* getattr(1, 'x', 2, 3) */
    assert_int_equal(tn_args_count("vars", 2, 0, 1), -1);
    expect_type_error("vars expected at most 1 argument, got 2");        /* vars(1, 2) */
    assert_int_equal(tn_args_count("iter", 0, 1, 2), -1);
    expect_type_error("iter expected at least 1 argument, got 0");       /* iter() */
    assert_int_equal(tn_args_count("max", 0, 1, -1), -1);
    expect_type_error("max expected at least 1 argument, got 0");        /* max() */
}

/* ---- tn_args_parse ------------------------------------------------------ */

static const char *const pow_names[] = {"base", "exp", "mod", NULL};      /* pow(base, exp, mod=None) */
static const char *const sum_names[] = {"iterable", "start", NULL};      /* sum(iterable, /, start=0) */
static const char *const enc_names[] = {"encoding", "errors", NULL};     /* str.encode(encoding, errors) */

static void test_parse_positional(void **state)
{
    (void)state;
    TnObject *out[3];
    assert_int_equal(tn_args_parse("pow", argv_, 2, NULL, pow_names, 0, 2, out), 0);
    assert_ptr_equal(out[0], argv_[0]);
    assert_ptr_equal(out[1], argv_[1]);
    assert_null(out[2]);
    assert_int_equal(tn_args_parse("pow", argv_, 3, NULL, pow_names, 0, 2, out), 0);
    assert_ptr_equal(out[2], argv_[2]);
    expect_no_error();
}

static void test_parse_keywords(void **state)
{
    (void)state;
    TnObject *out[3];
    /* pow(exp=B, base=A): keyword values follow the positional ones. */
    TnObject *kw = kwnames_of("exp", "base", NULL);
    assert_int_equal(tn_args_parse("pow", argv_, 0, kw, pow_names, 0, 2, out), 0);
    assert_ptr_equal(out[0], argv_[1]);
    assert_ptr_equal(out[1], argv_[0]);
    assert_null(out[2]);
    tn_decref(kw);
    /* pow(A, B, mod=C) */
    kw = kwnames_of("mod", NULL);
    assert_int_equal(tn_args_parse("pow", argv_, 2, kw, pow_names, 0, 2, out), 0);
    assert_ptr_equal(out[0], argv_[0]);
    assert_ptr_equal(out[1], argv_[1]);
    assert_ptr_equal(out[2], argv_[2]);
    tn_decref(kw);
    /* sum(A, start=B) */
    kw = kwnames_of("start", NULL);
    assert_int_equal(tn_args_parse("sum", argv_, 1, kw, sum_names, 1, 1, out), 0);
    assert_ptr_equal(out[0], argv_[0]);
    assert_ptr_equal(out[1], argv_[1]);
    tn_decref(kw);
    expect_no_error();
}

static void test_parse_too_many(void **state)
{
    (void)state;
    TnObject *out[3];
    assert_int_equal(tn_args_parse("pow", argv_, 4, NULL, pow_names, 0, 2, out), -1);
    expect_type_error("pow() takes at most 3 arguments (4 given)");      /* pow(1, 2, 3, 4) */
    TnObject *kw = kwnames_of("start", NULL);
    assert_int_equal(tn_args_parse("sum", argv_, 2, kw, sum_names, 1, 1, out), -1);
    expect_type_error("sum() takes at most 2 arguments (3 given)");      /* sum([], 1, start=2) */
    tn_decref(kw);
    kw = kwnames_of("base", "exp", "mod", "x", NULL);
    assert_int_equal(tn_args_parse("pow", argv_, 0, kw, pow_names, 0, 2, out), -1);
    /* pow(base=2, exp=3, mod=None, x=1) */
    expect_type_error("pow() takes at most 3 keyword arguments (4 given)");
    tn_decref(kw);
    kw = kwnames_of("a", "b", NULL);
    static const char *const strict_names[] = {"strict", NULL};
    assert_int_equal(tn_args_parse("zip", argv_, 0, kw, strict_names, 0, 0, out), -1);
    expect_type_error("zip() takes at most 1 keyword argument (2 given)"); /* zip([], strict=1, foo=2) */
    tn_decref(kw);
}

static void test_parse_missing(void **state)
{
    (void)state;
    TnObject *out[3];
    assert_int_equal(tn_args_parse("pow", argv_, 0, NULL, pow_names, 0, 2, out), -1);
    expect_type_error("pow() missing required argument 'base' (pos 1)"); /* pow() */
    assert_int_equal(tn_args_parse("pow", argv_, 1, NULL, pow_names, 0, 2, out), -1);
    expect_type_error("pow() missing required argument 'exp' (pos 2)");  /* pow(1) */
    TnObject *kw = kwnames_of("base", NULL);
    assert_int_equal(tn_args_parse("pow", argv_, 1, kw, pow_names, 0, 2, out), -1);
    expect_type_error("pow() missing required argument 'exp' (pos 2)");  /* pow(1, base=2) */
    tn_decref(kw);
    /* Positional-only parameters are counted instead. */
    assert_int_equal(tn_args_parse("sum", argv_, 0, NULL, sum_names, 1, 1, out), -1);
    expect_type_error("sum() takes at least 1 positional argument (0 given)"); /* sum() */
    kw = kwnames_of("iterable", NULL);
    assert_int_equal(tn_args_parse("sum", argv_, 0, kw, sum_names, 1, 1, out), -1);
    expect_type_error("sum() takes at least 1 positional argument (0 given)"); /* sum(iterable=[]) */
    tn_decref(kw);
}

static void test_parse_name_and_position(void **state)
{
    (void)state;
    TnObject *out[2];
    TnObject *kw = kwnames_of("encoding", NULL);
    assert_int_equal(tn_args_parse("encode", argv_, 1, kw, enc_names, 0, 0, out), -1);
    /* 'a'.encode(1, encoding='x') */
    expect_type_error("argument for encode() given by name ('encoding') and position (1)");
    tn_decref(kw);
}

static void test_parse_unexpected(void **state)
{
    (void)state;
    TnObject *out[3];
    TnObject *kw = kwnames_of("foo", NULL);
    assert_int_equal(tn_args_parse("encode", argv_, 0, kw, enc_names, 0, 0, out), -1);
    expect_type_error("'foo' is an invalid keyword argument for encode()"); /* 'a'.encode(foo=1) */
    tn_decref(kw);
    /* A positional-only parameter cannot be passed by name. */
    kw = kwnames_of("iterable", NULL);
    assert_int_equal(tn_args_parse("sum", argv_, 1, kw, sum_names, 1, 1, out), -1);
    expect_type_error("'iterable' is an invalid keyword argument for sum()"); /* sum([], iterable=1) */
    tn_decref(kw);
    kw = kwnames_of("foo", NULL);
    static const char *const gs_names[] = {"object", "default", NULL};
    assert_int_equal(tn_args_parse("getsizeof", argv_, 1, kw, gs_names, 0, 1, out), -1);
    expect_type_error("'foo' is an invalid keyword argument for getsizeof()");
    tn_decref(kw);
}

static void test_parse_keywords_only_call(void **state)
{
    (void)state;
    /* min/max and zip parse only their keywords: nargs 0, values at args. */
    static const char *const mm_names[] = {"key", "default", NULL};
    TnObject *out[2];
    TnObject *kw = kwnames_of("default", NULL);
    assert_int_equal(tn_args_parse("max", argv_ + 3, 0, kw, mm_names, 0, 0, out), 0);
    assert_null(out[0]);
    assert_ptr_equal(out[1], argv_[3]);
    tn_decref(kw);
    kw = kwnames_of("key", "default", "foo", NULL);
    assert_int_equal(tn_args_parse("max", argv_, 0, kw, mm_names, 0, 0, out), -1);
    expect_type_error("max() takes at most 2 keyword arguments (3 given)");
    tn_decref(kw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_kw),
        cmocka_unit_test(test_count_ok),
        cmocka_unit_test(test_count_meth_o),
        cmocka_unit_test(test_count_noargs),
        cmocka_unit_test(test_count_positional),
        cmocka_unit_test(test_parse_positional),
        cmocka_unit_test(test_parse_keywords),
        cmocka_unit_test(test_parse_too_many),
        cmocka_unit_test(test_parse_missing),
        cmocka_unit_test(test_parse_name_and_position),
        cmocka_unit_test(test_parse_unexpected),
        cmocka_unit_test(test_parse_keywords_only_call),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
