/* tests/unit/test_bytes.c — bytes, bytearray, memoryview and the codecs
 * (core/objects/bytes*.c, bytearray.c, memoryview.c, codecs.c).  Expected
 * values come from CPython 3.11. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/tn.h"
#include "core/vm/lifecycle.h"

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

static TnObject *call_method(TnObject *o, const char *name, TnObject *const *args, tn_ssize_t n)
{
    return tn_call_method_cstr(o, name, args, n);
}

static void test_from_data_and_repr(void **state)
{
    (void)state;
    TnObject *b = tn_bytes_from_data("a'b\x00\xff\n", 6);
    assert_non_null(b);
    assert_true(tn_bytes_check(b));
    assert_false(tn_bytearray_check(b));
    assert_int_equal(tn_bytes_size(b), 6);
    assert_memory_equal(tn_bytes_data(b), "a'b\x00\xff\n", 6);
    assert_int_equal(tn_bytes_data(b)[6], 0);
    assert_repr(b, "b\"a'b\\x00\\xff\\n\"");
    TnObject *ba = tn_bytearray_from_data("xy", 2);
    assert_non_null(ba);
    assert_true(tn_bytearray_check(ba));
    assert_repr(ba, "bytearray(b'xy')");
    TnObject *e = tn_bytes_from_data(NULL, 0);
    assert_repr(e, "b''");
    tn_decref(e);
    tn_decref(ba);
    tn_decref(b);
}

static void test_bytes_like(void **state)
{
    (void)state;
    TnObject *b = tn_bytes_from_data("abc", 3);
    TnObject *ba = tn_bytearray_from_data("de", 2);
    TnObject *mv = tn_memoryview_new(ba);
    assert_non_null(mv);
    const char *d;
    tn_ssize_t n;
    assert_int_equal(tn_bytes_like(b, &d, &n), 1);
    assert_int_equal(n, 3);
    assert_int_equal(tn_bytes_like(ba, &d, &n), 1);
    assert_memory_equal(d, "de", 2);
    assert_int_equal(tn_bytes_like(mv, &d, &n), 1);
    assert_int_equal(n, 2);
    TnObject *s = tn_str_from_cstr("x");
    assert_int_equal(tn_bytes_like(s, &d, &n), 0);
    assert_null(tn_err_occurred());
    /* While exported, the bytearray cannot be resized. */
    TnObject *one = tn_int_from_i64(1);
    assert_null(call_method(ba, "append", &one, 1));
    assert_error(&tn_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    tn_decref(mv);
    TnObject *r = call_method(ba, "append", &one, 1);
    assert_non_null(r);
    tn_decref(r);
    assert_repr(ba, "bytearray(b'de\\x01')");
    tn_decref(one);
    tn_decref(s);
    tn_decref(ba);
    tn_decref(b);
}

static void test_hash_eq(void **state)
{
    (void)state;
    TnObject *b1 = tn_bytes_from_data("abc", 3);
    TnObject *b2 = tn_bytes_from_data("abc", 3);
    TnObject *s = tn_str_from_cstr("abc");
    assert_int_equal(tn_object_hash(b1), tn_object_hash(b2));
    assert_int_equal(tn_object_hash(b1), tn_str_hash(s));
    assert_int_equal(tn_object_richcompare_bool(b1, b2, TN_EQ), 1);
    assert_int_equal(tn_object_richcompare_bool(b1, s, TN_EQ), 0);
    TnObject *ba = tn_bytearray_from_data("abc", 3);
    assert_int_equal(tn_object_richcompare_bool(b1, ba, TN_EQ), 1);
    assert_int_equal(tn_object_hash(ba), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'bytearray'");
    tn_decref(ba);
    tn_decref(s);
    tn_decref(b2);
    tn_decref(b1);
}

static void test_codecs(void **state)
{
    (void)state;
    TnObject *s = tn_str_from_cstr("h\xc3\xa9\xe2\x82\xac");   /* "hé€" */
    TnObject *b = tn_codec_encode(s, "UTF-8", NULL);
    assert_non_null(b);
    assert_repr(b, "b'h\\xc3\\xa9\\xe2\\x82\\xac'");
    TnObject *back = tn_codec_decode(tn_bytes_data(b), tn_bytes_size(b), "utf8", "strict");
    assert_non_null(back);
    assert_true(tn_str_eq(back, s));
    tn_decref(back);
    assert_null(tn_codec_encode(s, "ascii", "strict"));
    assert_error(&tn_exc_UnicodeEncodeError,
                 "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
    TnObject *r = tn_codec_encode(s, "latin-1", "replace");
    assert_repr(r, "b'h\\xe9?'");
    tn_decref(r);
    assert_null(tn_codec_decode("\xff", 1, "utf-8", NULL));
    assert_error(&tn_exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    assert_null(tn_codec_decode("x", 1, "foo", NULL));
    assert_error(&tn_exc_LookupError, "unknown encoding: foo");
    r = tn_codec_decode("a\xff", 2, "ascii", "backslashreplace");
    assert_repr(r, "'a\\\\xff'");
    tn_decref(r);
    tn_decref(b);
    tn_decref(s);
}

static void test_printf_and_methods(void **state)
{
    (void)state;
    TnObject *x = tn_bytes_from_data("x", 1);
    TnObject *one = tn_int_from_i64(1);
    TnObject *args = tn_tuple_pack(2, one, x);
    TnObject *r = tn_bytes_printf("%d-%s", 5, args);
    assert_non_null(r);
    assert_repr(r, "b'1-x'");
    tn_decref(r);
    TnObject *b = tn_bytes_from_data("a,b", 3);
    TnObject *sep = tn_bytes_from_data(",", 1);
    r = call_method(b, "split", &sep, 1);
    assert_non_null(r);
    assert_repr(r, "[b'a', b'b']");
    tn_decref(r);
    r = call_method(b, "upper", NULL, 0);
    assert_repr(r, "b'A,B'");
    tn_decref(r);
    tn_decref(sep);
    tn_decref(b);
    tn_decref(args);
    tn_decref(one);
    tn_decref(x);
}

int main(void)
{
    if (tn_runtime_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_from_data_and_repr),
        cmocka_unit_test(test_bytes_like),
        cmocka_unit_test(test_hash_eq),
        cmocka_unit_test(test_codecs),
        cmocka_unit_test(test_printf_and_methods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
