/* tests/unit/test_dict.c — dict, its views and iterators (core/objects/dict.c,
 * dictviews.c).  Messages and reprs were checked with CPython 3.11.
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

static void set_ii(TnObject *d, int64_t k, int64_t v)
{
    TnObject *key = I(k), *value = I(v);
    assert_int_equal(tn_dict_set_item(d, key, value), 0);
    tn_decref(key);
    tn_decref(value);
}

/* d[k] as an int64, or INT64_MIN when missing. */
static int64_t get_ii(TnObject *d, int64_t k)
{
    TnObject *key = I(k), *value;
    int r = tn_dict_get_item_ref(d, key, &value);
    tn_decref(key);
    assert_true(r >= 0);
    if (r == 0)
        return INT64_MIN;
    int64_t v = as_i64(value);
    tn_decref(value);
    return v;
}

static int del_i(TnObject *d, int64_t k)
{
    TnObject *key = I(k);
    int r = tn_dict_del_item(d, key);
    tn_decref(key);
    return r;
}

static TnObject *call_method(TnObject *o, const char *name, tn_ssize_t nargs, TnObject *const *args)
{
    return tn_call_method_cstr(o, name, args, nargs);
}

/* ---- basic operations --------------------------------------------------------------- */

static void test_str_keys(void **state)
{
    (void)state;
    TnObject *d = tn_dict_new();
    TnObject *one = I(1), *two = I(2);
    assert_int_equal(tn_dict_set_item_cstr(d, "a", one), 0);
    assert_int_equal(tn_dict_set_item_cstr(d, "b", two), 0);
    assert_ptr_equal(tn_dict_get_cstr_borrowed(d, "a"), one);
    assert_null(tn_dict_get_cstr_borrowed(d, "zz"));
    /* A non-interned equal string finds the entry. */
    TnObject *key = tn_str_from_utf8("ab", 1);
    assert_ptr_equal(tn_dict_get_str_borrowed(d, key), one);
    assert_int_equal(tn_dict_contains(d, key), 1);
    assert_int_equal(tn_dict_size(d), 2);
    assert_repr(d, "{'a': 1, 'b': 2}");
    assert_int_equal(tn_dict_set_item(d, key, two), 0);      /* replace */
    assert_repr(d, "{'a': 2, 'b': 2}");
    assert_int_equal(tn_dict_del_item(d, key), 0);
    assert_int_equal(tn_dict_del_item(d, key), -1);
    assert_error(&tn_exc_KeyError, "'a'");
    assert_repr(d, "{'b': 2}");
    tn_decref(key);
    tn_decref(one);
    tn_decref(two);
    tn_decref(d);
}

static void test_many_int_keys(void **state)
{
    (void)state;
    enum { N = 10000 };
    TnObject *d = tn_dict_new();
    uint64_t v0 = ((TnDict *)d)->version;
    for (int i = 0; i < N; i++)
        set_ii(d, i * 7 - 3000, i);
    assert_true(((TnDict *)d)->version > v0);
    assert_int_equal(tn_dict_size(d), N);
    for (int i = 0; i < N; i++)
        assert_int_equal(get_ii(d, i * 7 - 3000), i);
    assert_int_equal(get_ii(d, 1), INT64_MIN);
    /* Delete the even positions, check the survivors keep their order. */
    for (int i = 0; i < N; i += 2)
        assert_int_equal(del_i(d, i * 7 - 3000), 0);
    assert_int_equal(tn_dict_size(d), N / 2);
    tn_ssize_t pos = 0;
    TnObject *k, *v;
    int expect = 1;
    while (tn_dict_next(d, &pos, &k, &v)) {
        assert_int_equal(as_i64(v), expect);
        assert_int_equal(as_i64(k), expect * 7 - 3000);
        expect += 2;
    }
    assert_int_equal(expect, N + 1);
    /* Re-inserted keys go to the end. */
    set_ii(d, -3000, -1);
    TnObject *keys = tn_dict_keys_list(d);
    assert_int_equal(tn_list_size(keys), N / 2 + 1);
    assert_int_equal(as_i64(tn_list_get_lock_held(keys, N / 2)), -3000);
    assert_int_equal(as_i64(tn_list_get_lock_held(keys, 0)), 7 - 3000);
    tn_decref(keys);
    /* Many deletions and insertions cycle through resizes. */
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < N; i++)
            set_ii(d, 1000000 + i, i);
        for (int i = 0; i < N; i++)
            assert_int_equal(del_i(d, 1000000 + i), 0);
    }
    assert_int_equal(tn_dict_size(d), N / 2 + 1);
    assert_int_equal(get_ii(d, 7 - 3000), 1);
    tn_dict_clear(d);
    assert_int_equal(tn_dict_size(d), 0);
    assert_repr(d, "{}");
    set_ii(d, 5, 6);
    assert_repr(d, "{5: 6}");
    tn_decref(d);
}

static void test_collisions(void **state)
{
    (void)state;
    /* ints hash to themselves: multiples of 2**20 share their low bits, so
     * they collide in every table smaller than 2**20 slots. */
    enum { N = 3000 };
    TnObject *d = tn_dict_new();
    for (int64_t i = 0; i < N; i++)
        set_ii(d, i << 20, i);
    for (int64_t i = 0; i < N; i++)
        assert_int_equal(get_ii(d, i << 20), i);
    for (int64_t i = 0; i < N; i += 3)
        assert_int_equal(del_i(d, i << 20), 0);
    for (int64_t i = 0; i < N; i++)
        assert_int_equal(get_ii(d, i << 20), i % 3 == 0 ? INT64_MIN : i);
    /* hash(-1) == hash(-2) == -2 */
    set_ii(d, -1, 11);
    set_ii(d, -2, 22);
    assert_int_equal(get_ii(d, -1), 11);
    assert_int_equal(get_ii(d, -2), 22);
    /* 1 == 1.0 == True: one key */
    TnObject *f = tn_float_from_double(1.0 * (1 << 20)), *value;
    assert_int_equal(tn_dict_get_item_ref(d, f, &value), 1);
    assert_int_equal(as_i64(value), 1);
    tn_decref(value);
    tn_decref(f);
    tn_decref(d);
}

/* Random inserts/deletes/popitems checked against a model that records
 * the insertion order: exercises dummies, resizes and compaction. */
static void test_random_against_model(void **state)
{
    (void)state;
    enum { KEYS = 512, OPS = 200000 };
    static int64_t order[KEYS];     /* keys present, in insertion order */
    static int64_t value_of[KEYS];
    static bool present[KEYS];
    int n = 0;
    TnObject *d = tn_dict_new();
    srand(4242);
    for (int op = 0; op < OPS; op++) {
        int k = rand() % KEYS, what = rand() % 10;
        if (what < 5) {                       /* insert or replace */
            int64_t v = rand();
            set_ii(d, k, v);
            if (!present[k]) {
                present[k] = true;
                order[n++] = k;
            }
            value_of[k] = v;
        } else if (what < 9) {                /* delete */
            int r = del_i(d, k);
            if (present[k]) {
                assert_int_equal(r, 0);
                present[k] = false;
                int j = 0;
                while (order[j] != k)
                    j++;
                memmove(&order[j], &order[j + 1], sizeof(order[0]) * (size_t)(n - j - 1));
                n--;
            } else {
                char msg[16];
                snprintf(msg, sizeof msg, "%d", k);
                assert_int_equal(r, -1);
                assert_error(&tn_exc_KeyError, msg);
            }
        } else if (n > 0) {                   /* popitem: the last inserted */
            TnObject *pair = tn_call_method_cstr(d, "popitem", NULL, 0);
            assert_non_null(pair);
            assert_int_equal(as_i64(tn_tuple_get(pair, 0)), order[n - 1]);
            assert_int_equal(as_i64(tn_tuple_get(pair, 1)), value_of[order[n - 1]]);
            present[order[n - 1]] = false;
            n--;
            tn_decref(pair);
        }
        if (op % 997 == 0) {
            assert_int_equal(tn_dict_size(d), n);
            tn_ssize_t pos = 0;
            TnObject *key, *value;
            int j = 0;
            while (tn_dict_next(d, &pos, &key, &value)) {
                assert_true(j < n);
                assert_int_equal(as_i64(key), order[j]);
                assert_int_equal(as_i64(value), value_of[order[j]]);
                j++;
            }
            assert_int_equal(j, n);
        }
    }
    for (int k = 0; k < KEYS; k++)
        assert_int_equal(get_ii(d, k), present[k] ? value_of[k] : INT64_MIN);
    tn_decref(d);
}

static void test_unhashable_and_key_errors(void **state)
{
    (void)state;
    TnObject *d = tn_dict_new(), *l = tn_list_new(0), *value;
    assert_int_equal(tn_dict_set_item(d, l, l), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'list'");
    assert_int_equal(tn_dict_get_item_ref(d, l, &value), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'list'");
    assert_int_equal(tn_object_hash(d), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'dict'");
    TnObject *one = I(1), *two = I(2);
    TnObject *t = tn_tuple_pack(2, one, two);
    assert_null(tn_object_getitem(d, t));
    assert_error(&tn_exc_KeyError, "(1, 2)");
    assert_null(tn_object_getitem(d, one));
    assert_error(&tn_exc_KeyError, "1");
    tn_decref(t);
    tn_decref(one);
    tn_decref(two);
    tn_decref(l);
    tn_decref(d);
}

/* ---- a key whose __eq__ clears the dict ------------------------------------------------- */

typedef struct {
    TnObject ob;
    int id;
} EvilKey;

static TnObject *evil_target;
static int evil_calls;

static tn_hash_t evil_hash(TnObject *self)
{
    (void)self;
    return 42;
}

static TnObject *evil_richcompare(TnObject *a, TnObject *b, int op)
{
    (void)b;
    if (op != TN_EQ)
        return tn_newref(TN_NOTIMPLEMENTED);
    evil_calls++;
    if (evil_target != NULL) {
        TnObject *t = evil_target;
        evil_target = NULL;
        tn_dict_clear(t);
    }
    return tn_bool_from(a == b);
}

static void evil_dealloc(TnObject *self)
{
    tn_object_free(self);
}

static TnType evil_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "EvilKey",
    .basicsize = sizeof(EvilKey),
    .dealloc = evil_dealloc,
    .hash = evil_hash,
    .richcompare = evil_richcompare,
};

static void test_eq_mutates_dict(void **state)
{
    (void)state;
    TnObject *d = tn_dict_new();
    TnObject *k1 = tn_object_new(&evil_type, sizeof(EvilKey)), *k2 = tn_object_new(&evil_type, sizeof(EvilKey));
    TnObject *one = I(1), *value;
    assert_int_equal(tn_dict_set_item(d, k1, one), 0);
    evil_target = d;
    /* Looking up k2 compares with k1, whose __eq__ empties the dict: the
     * lookup restarts and finds nothing. */
    assert_int_equal(tn_dict_get_item_ref(d, k2, &value), 0);
    assert_true(evil_calls >= 1);
    assert_int_equal(tn_dict_size(d), 0);
    /* Same during an insertion. */
    assert_int_equal(tn_dict_set_item(d, k1, one), 0);
    evil_target = d;
    assert_int_equal(tn_dict_set_item(d, k2, one), 0);
    assert_int_equal(tn_dict_size(d), 1);
    assert_int_equal(tn_dict_contains(d, k2), 1);
    tn_decref(one);
    tn_decref(k1);
    tn_decref(k2);
    tn_decref(d);
}

/* ---- iteration ------------------------------------------------------------------------- */

static void test_iteration_errors(void **state)
{
    (void)state;
    TnObject *d = tn_dict_new();
    set_ii(d, 1, 1);
    set_ii(d, 2, 2);
    TnObject *it = tn_object_get_iter(d);
    assert_string_equal(tn_type(it)->name, "dict_keyiterator");
    TnObject *k = tn_iter_next(it);
    assert_int_equal(as_i64(k), 1);
    tn_decref(k);
    assert_int_equal(del_i(d, 1), 0);
    assert_null(tn_iter_next(it));
    assert_error(&tn_exc_RuntimeError, "dictionary changed size during iteration");
    set_ii(d, 1, 1);   /* same size again: still an error (sticky) */
    assert_null(tn_iter_next(it));
    assert_error(&tn_exc_RuntimeError, "dictionary changed size during iteration");
    tn_decref(it);

    /* d = {1: 1}; for k in d: del d[k]; d[2] = 2 */
    tn_dict_clear(d);
    set_ii(d, 1, 1);
    it = tn_object_get_iter(d);
    k = tn_iter_next(it);
    tn_decref(k);
    assert_int_equal(del_i(d, 1), 0);
    set_ii(d, 2, 2);
    assert_null(tn_iter_next(it));
    assert_error(&tn_exc_RuntimeError, "dictionary keys changed during iteration");
    assert_null(tn_iter_next(it));
    assert_null(tn_err_occurred());
    tn_decref(it);

    /* Values may change during iteration. */
    tn_dict_clear(d);
    set_ii(d, 1, 1);
    set_ii(d, 2, 2);
    TnObject *items = call_method(d, "items", 0, NULL);
    it = tn_object_get_iter(items);
    assert_string_equal(tn_type(it)->name, "dict_itemiterator");
    TnObject *pair;
    int n = 0;
    while ((pair = tn_iter_next(it)) != NULL) {
        set_ii(d, as_i64(tn_tuple_get(pair, 0)), 5);
        tn_decref(pair);
        n++;
    }
    assert_null(tn_err_occurred());
    assert_int_equal(n, 2);
    assert_repr(d, "{1: 5, 2: 5}");
    tn_decref(it);
    tn_decref(items);

    /* Reversed */
    it = call_method(d, "__reversed__", 0, NULL);
    assert_string_equal(tn_type(it)->name, "dict_reversekeyiterator");
    k = tn_iter_next(it);
    assert_int_equal(as_i64(k), 2);
    tn_decref(k);
    k = tn_iter_next(it);
    assert_int_equal(as_i64(k), 1);
    tn_decref(k);
    assert_null(tn_iter_next(it));
    assert_null(tn_err_occurred());
    tn_decref(it);
    tn_decref(d);
}

/* ---- repr, comparison, views ------------------------------------------------------------ */

static void test_repr_recursion(void **state)
{
    (void)state;
    TnObject *d = tn_dict_new(), *one = I(1);
    assert_repr(d, "{}");
    assert_int_equal(tn_dict_set_item(d, one, d), 0);
    assert_repr(d, "{1: {...}}");
    TnObject *values = call_method(d, "values", 0, NULL);
    assert_repr(values, "dict_values([{1: {...}}])");
    tn_decref(values);
    tn_dict_clear(d);
    tn_decref(one);
    tn_decref(d);
}

static void test_views(void **state)
{
    (void)state;
    TnObject *d = tn_dict_new(), *one = I(1), *two = I(2);
    assert_int_equal(tn_dict_set_item_cstr(d, "a", one), 0);
    TnObject *keys = call_method(d, "keys", 0, NULL);
    TnObject *items = call_method(d, "items", 0, NULL);
    TnObject *values = call_method(d, "values", 0, NULL);
    assert_repr(keys, "dict_keys(['a'])");
    assert_repr(items, "dict_items([('a', 1)])");
    assert_repr(values, "dict_values([1])");
    assert_int_equal(tn_dict_set_item_cstr(d, "b", two), 0);   /* views are live */
    assert_int_equal(tn_object_length(keys), 2);
    TnObject *a = tn_str_from_cstr("a");
    assert_int_equal(tn_sequence_contains(keys, a), 1);
    assert_int_equal(tn_sequence_contains(values, two), 1);
    TnObject *good = tn_tuple_pack(2, a, one), *bad = tn_tuple_pack(2, a, two);
    assert_int_equal(tn_sequence_contains(items, good), 1);
    assert_int_equal(tn_sequence_contains(items, bad), 0);
    assert_int_equal(tn_sequence_contains(items, one), 0);
    TnObject *keys2 = call_method(d, "keys", 0, NULL);
    assert_int_equal(tn_object_richcompare_bool(keys, keys2, TN_EQ), 1);
    assert_int_equal(tn_object_hash(keys), -1);
    assert_error(&tn_exc_TypeError, "unhashable type: 'dict_keys'");
    assert_null(call_method(d, "keys", 1, &one));
    assert_error(&tn_exc_TypeError, "dict.keys() takes no arguments (1 given)");
    tn_decref(keys2);
    tn_decref(good);
    tn_decref(bad);
    tn_decref(a);
    tn_decref(keys);
    tn_decref(items);
    tn_decref(values);
    tn_decref(one);
    tn_decref(two);
    tn_decref(d);
}

static void test_equality_and_or(void **state)
{
    (void)state;
    TnObject *a = tn_dict_new(), *b = tn_dict_new();
    set_ii(a, 1, 2);
    set_ii(a, 3, 4);
    set_ii(b, 3, 4);
    set_ii(b, 1, 2);
    assert_int_equal(tn_object_richcompare_bool(a, b, TN_EQ), 1);
    set_ii(b, 1, 5);
    assert_int_equal(tn_object_richcompare_bool(a, b, TN_EQ), 0);
    assert_int_equal(tn_object_richcompare_bool(a, b, TN_NE), 1);
    assert_null(tn_object_richcompare(a, b, TN_LT));
    assert_error(&tn_exc_TypeError, "'<' not supported between instances of 'dict' and 'dict'");
    TnObject *c = tn_type_dict.as_number->or_(a, b);
    assert_repr(c, "{1: 5, 3: 4}");
    tn_decref(c);
    TnObject *three = I(3);
    c = tn_type_dict.as_number->or_(a, three);
    assert_ptr_equal(c, TN_NOTIMPLEMENTED);
    tn_decref(c);
    /* |= accepts pairs */
    TnObject *pair = tn_tuple_pack(2, three, three), *pairs = tn_list_new(0);
    assert_int_equal(tn_list_append(pairs, pair), 0);
    c = tn_type_dict.as_number->inplace_or(a, pairs);
    assert_ptr_equal(c, a);
    tn_decref(c);
    assert_repr(a, "{1: 2, 3: 3}");
    TnObject *copy = tn_dict_copy(a);
    assert_int_equal(tn_object_richcompare_bool(a, copy, TN_EQ), 1);
    tn_decref(copy);
    tn_decref(pair);
    tn_decref(pairs);
    tn_decref(three);
    tn_decref(a);
    tn_decref(b);
}

/* ---- construction and update ----------------------------------------------------------- */

static void test_constructor_and_update(void **state)
{
    (void)state;
    TnObject *one = I(1), *two = I(2), *three = I(3);
    TnObject *p = tn_tuple_pack(2, one, two), *pairs = tn_list_new(0);
    assert_int_equal(tn_list_append(pairs, p), 0);
    TnObject *kwn = tn_tuple_new(1);
    tn_tuple_set_steal(kwn, 0, tn_str_from_cstr("x"));
    TnObject *args[2] = {pairs, three};
    TnObject *d = tn_call(TN_OBJ(&tn_type_dict), args, 1, kwn);
    assert_non_null(d);
    assert_repr(d, "{1: 2, 'x': 3}");
    TnObject *d2 = tn_call(TN_OBJ(&tn_type_dict), &d, 1, NULL);
    assert_repr(d2, "{1: 2, 'x': 3}");
    assert_null(tn_call(TN_OBJ(&tn_type_dict), args, 2, NULL));
    assert_error(&tn_exc_TypeError, "dict expected at most 1 argument, got 2");
    /* bad pairs */
    TnObject *bad = tn_list_new(0);
    assert_int_equal(tn_list_append(bad, one), 0);
    assert_int_equal(tn_dict_update(d, bad), -1);
    assert_error(&tn_exc_TypeError, "cannot convert dictionary update sequence element #0 to a sequence");
    tn_decref(bad);
    bad = tn_list_new(0);
    TnObject *triple = tn_tuple_pack(3, one, two, three);
    assert_int_equal(tn_list_append(bad, p), 0);
    assert_int_equal(tn_list_append(bad, triple), 0);
    assert_int_equal(tn_dict_update(d, bad), -1);
    assert_error(&tn_exc_ValueError, "dictionary update sequence element #1 has length 3; 2 is required");
    assert_int_equal(tn_dict_update(d, one), -1);
    assert_error(&tn_exc_TypeError, "'int' object is not iterable");
    /* A str pair is a sequence of two characters. */
    TnObject *ab = tn_str_from_cstr("ab"), *strs = tn_list_new(0);
    assert_int_equal(tn_list_append(strs, ab), 0);
    assert_int_equal(tn_dict_update(d, strs), 0);
    assert_repr(d, "{1: 2, 'x': 3, 'a': 'b'}");
    /* merge with override=0: KeyError on a duplicate */
    assert_int_equal(tn_dict_merge(d, d2, 0), -1);
    assert_error(&tn_exc_KeyError, "1");
    TnObject *fresh = tn_dict_new();
    assert_int_equal(tn_dict_merge(fresh, d2, 0), 0);
    assert_int_equal(tn_object_richcompare_bool(fresh, d2, TN_EQ), 1);
    tn_decref(fresh);
    tn_decref(ab);
    tn_decref(strs);
    tn_decref(triple);
    tn_decref(bad);
    tn_decref(d2);
    tn_decref(d);
    tn_decref(kwn);
    tn_decref(pairs);
    tn_decref(p);
    tn_decref(one);
    tn_decref(two);
    tn_decref(three);
}

static void test_methods(void **state)
{
    (void)state;
    TnObject *d = tn_dict_new(), *one = I(1), *two = I(2), *nine = I(9);
    TnObject *args[2] = {one, nine};
    TnObject *r = call_method(d, "get", 2, args);
    assert_ptr_equal(r, nine);
    tn_decref(r);
    r = call_method(d, "get", 1, args);
    assert_ptr_equal(r, TN_NONE);
    assert_null(call_method(d, "get", 0, NULL));
    assert_error(&tn_exc_TypeError, "get expected at least 1 argument, got 0");
    r = call_method(d, "setdefault", 2, args);
    assert_ptr_equal(r, nine);
    tn_decref(r);
    args[1] = two;
    r = call_method(d, "setdefault", 2, args);
    assert_ptr_equal(r, nine);
    tn_decref(r);
    set_ii(d, 2, 4);
    r = call_method(d, "popitem", 0, NULL);
    assert_repr(r, "(2, 4)");
    tn_decref(r);
    r = call_method(d, "pop", 1, args);
    assert_ptr_equal(r, nine);
    tn_decref(r);
    assert_null(call_method(d, "pop", 1, args));
    assert_error(&tn_exc_KeyError, "1");
    r = call_method(d, "pop", 2, args);
    assert_ptr_equal(r, two);
    tn_decref(r);
    assert_null(call_method(d, "popitem", 0, NULL));
    assert_error(&tn_exc_KeyError, "'popitem(): dictionary is empty'");
    /* popitem is LIFO and survives many pops */
    for (int i = 0; i < 100; i++)
        set_ii(d, i, i);
    for (int i = 99; i >= 0; i--) {
        r = call_method(d, "popitem", 0, NULL);
        assert_int_equal(as_i64(tn_tuple_get(r, 0)), i);
        tn_decref(r);
    }
    for (int i = 0; i < 10; i++)
        set_ii(d, i, i);
    assert_int_equal(tn_dict_size(d), 10);
    /* fromkeys (a class method: call it on the type) */
    TnObject *str = tn_str_from_cstr("ab");
    TnObject *fk_args[2] = {str, one};
    TnObject *fk = tn_call_method_cstr(TN_OBJ(&tn_type_dict), "fromkeys", fk_args, 2);
    assert_non_null(fk);
    assert_repr(fk, "{'a': 1, 'b': 1}");
    tn_decref(fk);
    r = call_method(d, "__contains__", 1, &nine);
    assert_ptr_equal(r, TN_TRUE);
    r = call_method(d, "__getitem__", 1, &nine);
    assert_int_equal(as_i64(r), 9);
    tn_decref(r);
    r = call_method(d, "update", 1, &d);
    assert_ptr_equal(r, TN_NONE);
    assert_int_equal(tn_dict_size(d), 10);
    assert_null(call_method(d, "update", 2, fk_args));
    assert_error(&tn_exc_TypeError, "update expected at most 1 argument, got 2");
    tn_decref(str);
    tn_decref(one);
    tn_decref(two);
    tn_decref(nine);
    tn_decref(d);
}

static int ready_types(void)
{
    TnType *types[] = {
        &tn_type_dict_keyiterator, &tn_type_dict_valueiterator, &tn_type_dict_itemiterator,
        &tn_type_dict_reversekeyiterator, &tn_type_dict_reversevalueiterator,
        &tn_type_dict_reverseitemiterator, &tn_type_list_iterator, &tn_type_tuple_iterator,
        &tn_type_seqiter, &evil_type,
    };
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
        cmocka_unit_test(test_str_keys),
        cmocka_unit_test(test_many_int_keys),
        cmocka_unit_test(test_collisions),
        cmocka_unit_test(test_random_against_model),
        cmocka_unit_test(test_unhashable_and_key_errors),
        cmocka_unit_test(test_eq_mutates_dict),
        cmocka_unit_test(test_iteration_errors),
        cmocka_unit_test(test_repr_recursion),
        cmocka_unit_test(test_views),
        cmocka_unit_test(test_equality_and_or),
        cmocka_unit_test(test_constructor_and_update),
        cmocka_unit_test(test_methods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
