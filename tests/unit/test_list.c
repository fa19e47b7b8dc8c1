/* tests/unit/test_list.c — list, its iterators and list.sort (core/objects/list.c,
 * list_sort.c).
 *
 * Growth sizes come from CPython 3.11's sys.getsizeof ((size - 56) // 8 is
 * the allocated item count); messages were checked with python3.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
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

/* A list of the ints given. */
static TnObject *int_list(int n, ...)
{
    TnObject *l = tn_list_new(0);
    assert_non_null(l);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(tn_list_append_steal(l, I(va_arg(ap, int))), 0);
    va_end(ap);
    return l;
}

/* list(range(n)) built by appends. */
static TnObject *range_list(int n)
{
    TnObject *l = tn_list_new(0);
    for (int i = 0; i < n; i++)
        assert_int_equal(tn_list_append_steal(l, I(i)), 0);
    return l;
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

static TnObject *call_method(TnObject *o, const char *name, tn_ssize_t nargs, TnObject *const *args)
{
    return tn_call_method_cstr(o, name, args, nargs);
}

/* Call and expect None. */
static void call_none(TnObject *o, const char *name, tn_ssize_t nargs, TnObject *const *args)
{
    TnObject *r = call_method(o, name, nargs, args);
    assert_ptr_equal(r, TN_NONE);
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

static tn_ssize_t allocated(TnObject *l)
{
    return ((TnList *)l)->allocated;
}

/* ---- storage ---------------------------------------------------------------------- */

static void test_growth_matches_cpython(void **state)
{
    (void)state;
    /* (size after append, allocated) at every reallocation, from CPython. */
    static const int steps[][2] = {
        {1, 4}, {5, 8}, {9, 16}, {17, 24}, {25, 32}, {33, 40}, {41, 52},
        {53, 64}, {65, 76}, {77, 92}, {93, 108}, {109, 128}, {129, 148},
    };
    TnObject *l = tn_list_new(0);
    assert_int_equal(allocated(l), 0);
    size_t k = 0;
    tn_ssize_t prev = 0;
    for (int i = 0; i < 130; i++) {
        assert_int_equal(tn_list_append_steal(l, I(i)), 0);
        if (allocated(l) != prev) {
            assert_true(k < sizeof steps / sizeof steps[0]);
            assert_int_equal(i + 1, steps[k][0]);
            assert_int_equal(allocated(l), steps[k][1]);
            k++;
            prev = allocated(l);
        }
    }
    assert_int_equal(k, sizeof steps / sizeof steps[0]);
    assert_int_equal(tn_list_size(l), 130);
    tn_decref(l);
}

static void test_presizing(void **state)
{
    (void)state;
    /* list(x) for a sized x allocates len rounded up to even; [0]*n and
     * slices allocate exactly. */
    for (int n = 1; n <= 17; n++) {
        TnObject *src = range_list(n);
        TnObject *tup = tn_list_as_tuple(src);
        TnObject *a = tn_list_from_iterable(src), *b = tn_list_from_iterable(tup);
        assert_int_equal(allocated(a), (n + 1) & ~1);
        assert_int_equal(allocated(b), (n + 1) & ~1);
        TnObject *rep = tn_type_list.as_sequence->repeat(src, 1);
        assert_int_equal(allocated(rep), n);
        TnObject *e = tn_list_new(0);
        assert_int_equal(tn_list_extend(e, src), 0);
        assert_int_equal(allocated(e), (n + 1) & ~1);
        tn_decref(e);
        tn_decref(rep);
        tn_decref(a);
        tn_decref(b);
        tn_decref(tup);
        tn_decref(src);
    }
    /* From an iterator: presized from __length_hint__ (CPython 3.11 sizes). */
    static const int from_iter[] = {2, 2, 4, 4, 6, 6, 8, 8, 10, 10, 12};
    for (int n = 1; n <= 11; n++) {
        TnObject *src = range_list(n);
        TnObject *it = tn_object_get_iter(src);
        TnObject *a = tn_list_from_iterable(it);
        assert_int_equal(tn_list_size(a), n);
        assert_int_equal(allocated(a), from_iter[n - 1]);
        tn_decref(a);
        tn_decref(it);
        tn_decref(src);
    }
}

static void test_get_item_ref(void **state)
{
    (void)state;
    TnObject *l = int_list(3, 10, 20, 30);
    TnObject *v = tn_list_get_item_ref(l, 2);
    assert_int_equal(as_i64(v), 30);
    tn_decref(v);
    assert_null(tn_list_get_item_ref(l, -1));
    assert_error(&tn_exc_IndexError, "list index out of range");
    assert_null(tn_list_get_item_ref(l, 3));
    assert_error(&tn_exc_IndexError, "list index out of range");
    TnObject *t = tn_list_as_tuple(l);
    assert_repr(t, "(10, 20, 30)");
    tn_decref(t);
    tn_decref(l);
}

/* ---- slots ----------------------------------------------------------------------------- */

static void test_repr_and_recursion(void **state)
{
    (void)state;
    TnObject *l = int_list(2, 1, 2);
    assert_repr(l, "[1, 2]");
    TnObject *e = tn_list_new(0);
    assert_repr(e, "[]");
    assert_int_equal(tn_list_append(l, l), 0);
    assert_repr(l, "[1, 2, [...]]");
    assert_int_equal(tn_list_append(e, l), 0);
    assert_repr(e, "[[1, 2, [...]]]");
    call_none(l, "clear", 0, NULL);
    tn_decref(e);
    tn_decref(l);
}

static void test_richcompare(void **state)
{
    (void)state;
    TnObject *a = int_list(2, 1, 2), *b = int_list(3, 1, 2, 3), *c = int_list(2, 1, 2);
    assert_int_equal(tn_object_richcompare_bool(a, c, TN_EQ), 1);
    assert_int_equal(tn_object_richcompare_bool(a, b, TN_EQ), 0);
    assert_int_equal(tn_object_richcompare_bool(a, b, TN_LT), 1);
    assert_int_equal(tn_object_richcompare_bool(b, a, TN_GE), 1);
    TnObject *d = int_list(1, 1);
    assert_int_equal(tn_object_richcompare_bool(a, d, TN_LE), 0);
    TnObject *three = I(3);
    assert_null(tn_object_richcompare(a, three, TN_LT));
    assert_error(&tn_exc_TypeError, "'<' not supported between instances of 'list' and 'int'");
    tn_decref(three);
    tn_decref(a);
    tn_decref(b);
    tn_decref(c);
    tn_decref(d);
}

static void test_concat_repeat(void **state)
{
    (void)state;
    TnObject *a = int_list(2, 1, 2), *b = int_list(1, 3);
    TnObject *c = tn_type_list.as_sequence->concat(a, b);
    assert_repr(c, "[1, 2, 3]");
    tn_decref(c);
    TnObject *t = tn_list_as_tuple(b);
    assert_null(tn_type_list.as_sequence->concat(a, t));
    assert_error(&tn_exc_TypeError, "can only concatenate list (not \"tuple\") to list");
    c = tn_type_list.as_sequence->inplace_concat(a, t);
    assert_ptr_equal(c, a);
    tn_decref(c);
    assert_repr(a, "[1, 2, 3]");
    TnObject *five = I(5);
    assert_null(tn_type_list.as_sequence->inplace_concat(a, five));
    assert_error(&tn_exc_TypeError, "'int' object is not iterable");
    c = tn_type_list.as_sequence->repeat(b, 3);
    assert_repr(c, "[3, 3, 3]");
    tn_decref(c);
    assert_null(tn_type_list.as_sequence->repeat(a, (tn_ssize_t)1 << 62));
    assert_error(&tn_exc_MemoryError, "");
    c = tn_type_list.as_sequence->inplace_repeat(a, 2);
    assert_repr(a, "[1, 2, 3, 1, 2, 3]");
    tn_decref(c);
    c = tn_type_list.as_sequence->inplace_repeat(a, 0);
    assert_repr(a, "[]");
    tn_decref(c);
    /* l.extend(l) */
    assert_int_equal(tn_list_extend(b, b), 0);
    assert_int_equal(tn_list_extend(b, b), 0);
    assert_repr(b, "[3, 3, 3, 3]");
    tn_decref(five);
    tn_decref(t);
    tn_decref(a);
    tn_decref(b);
}

static void test_item_assignment(void **state)
{
    (void)state;
    TnObject *l = int_list(3, 1, 2, 3);
    TnObject *k = I(-1), *v = I(9), *big = I(5);
    assert_int_equal(tn_object_setitem(l, k, v), 0);
    assert_repr(l, "[1, 2, 9]");
    assert_int_equal(tn_object_setitem(l, big, v), -1);
    assert_error(&tn_exc_IndexError, "list assignment index out of range");
    assert_int_equal(tn_object_delitem(l, big), -1);
    assert_error(&tn_exc_IndexError, "list assignment index out of range");
    assert_int_equal(tn_object_delitem(l, k), 0);
    assert_repr(l, "[1, 2]");
    TnObject *f = tn_float_from_double(1.0);
    assert_null(tn_object_getitem(l, f));
    assert_error(&tn_exc_TypeError, "list indices must be integers or slices, not float");
    tn_decref(f);
    tn_decref(k);
    tn_decref(v);
    tn_decref(big);
    tn_decref(l);
}

static void test_slices(void **state)
{
    (void)state;
    TnObject *l = range_list(10);
    TnObject *s = slice3(0, 0, 3, false, false, true);
    TnObject *r = tn_object_getitem(l, s);
    assert_repr(r, "[0, 3, 6, 9]");
    tn_decref(r);
    tn_decref(s);
    s = slice3(0, 0, -1, false, false, true);
    r = tn_object_getitem(l, s);
    assert_repr(r, "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
    tn_decref(r);
    tn_decref(s);
    s = slice3(-2, 0, 0, true, false, false);
    r = tn_object_getitem(l, s);
    assert_repr(r, "[8, 9]");
    tn_decref(r);
    tn_decref(s);

    /* l[2:5] = [a, b] shrinks, l[1:1] = [...] inserts */
    TnObject *ab = int_list(2, 100, 200);
    s = slice3(2, 5, 0, true, true, false);
    assert_int_equal(tn_object_setitem(l, s, ab), 0);
    tn_decref(s);
    assert_repr(l, "[0, 1, 100, 200, 5, 6, 7, 8, 9]");
    s = slice3(1, 1, 0, true, true, false);
    assert_int_equal(tn_object_setitem(l, s, ab), 0);
    tn_decref(s);
    assert_repr(l, "[0, 100, 200, 1, 100, 200, 5, 6, 7, 8, 9]");
    /* s[5:2] = [..] inserts before 5 */
    s = slice3(5, 2, 0, true, true, false);
    assert_int_equal(tn_object_setitem(l, s, ab), 0);
    tn_decref(s);
    assert_repr(l, "[0, 100, 200, 1, 100, 100, 200, 200, 5, 6, 7, 8, 9]");
    /* del l[::2] */
    s = slice3(0, 0, 2, false, false, true);
    assert_int_equal(tn_object_delitem(l, s), 0);
    tn_decref(s);
    assert_repr(l, "[100, 1, 100, 200, 6, 8]");
    /* del l[::-3] */
    s = slice3(0, 0, -3, false, false, true);
    assert_int_equal(tn_object_delitem(l, s), 0);
    tn_decref(s);
    assert_repr(l, "[100, 1, 200, 6]");
    /* extended assignment, size mismatch and success */
    s = slice3(0, 0, 2, false, false, true);
    TnObject *three = int_list(3, 7, 8, 9);
    assert_int_equal(tn_object_setitem(l, s, three), -1);
    assert_error(&tn_exc_ValueError, "attempt to assign sequence of size 3 to extended slice of size 2");
    assert_int_equal(tn_object_setitem(l, s, ab), 0);
    assert_repr(l, "[100, 1, 200, 6]");
    tn_decref(s);
    /* l[::-1] = l */
    s = slice3(0, 0, -1, false, false, true);
    assert_int_equal(tn_object_setitem(l, s, l), 0);
    assert_repr(l, "[6, 200, 1, 100]");
    TnObject *one = I(1);
    assert_int_equal(tn_object_setitem(l, s, one), -1);
    assert_error(&tn_exc_TypeError, "must assign iterable to extended slice");
    tn_decref(s);
    s = slice3(0, 0, 0, false, false, false);
    assert_int_equal(tn_object_setitem(l, s, one), -1);
    assert_error(&tn_exc_TypeError, "can only assign an iterable");
    /* l[:] = l and l[:] = [] */
    assert_int_equal(tn_object_setitem(l, s, l), 0);
    assert_repr(l, "[6, 200, 1, 100]");
    TnObject *empty = tn_list_new(0);
    assert_int_equal(tn_object_setitem(l, s, empty), 0);
    assert_repr(l, "[]");
    assert_int_equal(allocated(l), 0);
    tn_decref(s);
    /* bad slices */
    TnObject *str = tn_str_from_cstr("a");
    s = tn_slice_new(str, NULL, NULL);
    assert_null(tn_object_getitem(l, s));
    assert_error(&tn_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    tn_decref(s);
    s = slice3(0, 0, 0, false, false, true);
    assert_null(tn_object_getitem(l, s));
    assert_error(&tn_exc_ValueError, "slice step cannot be zero");
    tn_decref(s);
    tn_decref(str);
    tn_decref(empty);
    tn_decref(one);
    tn_decref(three);
    tn_decref(ab);
    tn_decref(l);
}

/* ---- methods ------------------------------------------------------------------------------ */

static void test_methods(void **state)
{
    (void)state;
    TnObject *l = int_list(3, 1, 2, 3);
    TnObject *zero = I(0), *m1 = I(-1), *two = I(2), *five = I(5), *hundred = I(100);
    TnObject *args[3] = {zero, five, NULL};
    call_none(l, "insert", 2, args);
    args[0] = hundred;
    call_none(l, "insert", 2, args);
    args[0] = m1;
    args[1] = two;
    call_none(l, "insert", 2, args);
    assert_repr(l, "[5, 1, 2, 3, 2, 5]");
    assert_null(call_method(l, "insert", 1, args));
    assert_error(&tn_exc_TypeError, "insert expected 2 arguments, got 1");
    TnObject *r = call_method(l, "pop", 0, NULL);
    assert_int_equal(as_i64(r), 5);
    tn_decref(r);
    r = call_method(l, "pop", 1, &zero);
    assert_int_equal(as_i64(r), 5);
    tn_decref(r);
    assert_null(call_method(l, "pop", 1, &hundred));
    assert_error(&tn_exc_IndexError, "pop index out of range");
    r = call_method(l, "count", 1, &two);
    assert_int_equal(as_i64(r), 2);
    tn_decref(r);
    r = call_method(l, "index", 1, &two);
    assert_int_equal(as_i64(r), 1);
    tn_decref(r);
    assert_repr(l, "[1, 2, 3, 2]");
    TnObject *a3[3] = {two, two, hundred};
    r = call_method(l, "index", 3, a3);
    assert_int_equal(as_i64(r), 3);
    tn_decref(r);
    a3[1] = m1;
    r = call_method(l, "index", 2, a3);
    assert_int_equal(as_i64(r), 3);
    tn_decref(r);
    TnObject *one = I(1);
    a3[1] = zero;
    a3[2] = one;
    assert_null(call_method(l, "index", 3, a3));
    assert_error(&tn_exc_ValueError, "2 is not in list");
    tn_decref(one);
    assert_null(call_method(l, "index", 1, &five));
    assert_error(&tn_exc_ValueError, "5 is not in list");
    call_none(l, "remove", 1, &two);
    assert_repr(l, "[1, 3, 2]");
    assert_null(call_method(l, "remove", 1, &five));
    assert_error(&tn_exc_ValueError, "list.remove(x): x not in list");
    call_none(l, "reverse", 0, NULL);
    assert_repr(l, "[2, 3, 1]");
    r = call_method(l, "copy", 0, NULL);
    assert_repr(r, "[2, 3, 1]");
    assert_ptr_not_equal(r, l);
    tn_decref(r);
    assert_null(call_method(l, "copy", 1, &two));
    assert_error(&tn_exc_TypeError, "list.copy() takes no arguments (1 given)");
    assert_null(call_method(l, "append", 0, NULL));
    assert_error(&tn_exc_TypeError, "list.append() takes exactly one argument (0 given)");
    call_none(l, "clear", 0, NULL);
    assert_null(call_method(l, "pop", 0, NULL));
    assert_error(&tn_exc_IndexError, "pop from empty list");
    call_none(l, "extend", 1, &l);
    assert_repr(l, "[]");
    tn_decref(zero);
    tn_decref(m1);
    tn_decref(two);
    tn_decref(five);
    tn_decref(hundred);
    tn_decref(l);
}

static void test_iterators_tolerate_mutation(void **state)
{
    (void)state;
    TnObject *l = int_list(3, 1, 2, 3);
    TnObject *it = tn_object_get_iter(l);
    assert_string_equal(tn_type(it)->name, "list_iterator");
    TnObject *v = tn_iter_next(it);
    assert_int_equal(as_i64(v), 1);
    tn_decref(v);
    assert_int_equal(tn_list_append_steal(l, I(4)), 0);   /* grows during iteration */
    int64_t sum = 0;
    while ((v = tn_iter_next(it)) != NULL) {
        sum += as_i64(v);
        tn_decref(v);
    }
    assert_int_equal(sum, 2 + 3 + 4);
    tn_decref(it);
    TnObject *rit = call_method(l, "__reversed__", 0, NULL);
    assert_string_equal(tn_type(rit)->name, "list_reverseiterator");
    v = tn_iter_next(rit);
    assert_int_equal(as_i64(v), 4);
    tn_decref(v);
    call_none(l, "clear", 0, NULL);              /* shrinks during iteration */
    assert_null(tn_iter_next(rit));
    assert_null(tn_err_occurred());
    tn_decref(rit);
    tn_decref(l);
}

/* ---- sort ------------------------------------------------------------------------------------ */

/* key=lambda t: t[0] */
static TnObject *first_item(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)self;
    (void)nargs;
    (void)kwnames;
    return tn_newref(tn_tuple_get(args[0], 0));
}
static const TnMethodDef first_item_def = {"first", first_item, 0, NULL};

static TnObject *victim;    /* the list a key function mutates */
static TnObject *mutating_key(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)self;
    (void)nargs;
    (void)kwnames;
    if (tn_list_append(victim, args[0]) < 0)
        return NULL;
    return tn_newref(args[0]);
}
static const TnMethodDef mutating_key_def = {"mutate", mutating_key, 0, NULL};

static void test_sort_stable_with_key(void **state)
{
    (void)state;
    /* (key, original position) pairs with many equal keys. */
    enum { N = 2000 };
    TnObject *l = tn_list_new(0);
    srand(12345);
    for (int i = 0; i < N; i++) {
        TnObject *k = I(rand() % 50), *pos = I(i);
        assert_int_equal(tn_list_append_steal(l, tn_tuple_pack(2, k, pos)), 0);
        tn_decref(k);
        tn_decref(pos);
    }
    TnObject *key = tn_cfunction_new(&first_item_def, NULL, NULL);
    for (int reverse = 0; reverse <= 1; reverse++) {
        assert_int_equal(tn_list_sort(l, key, reverse), 0);
        assert_int_equal(tn_list_size(l), N);
        for (int i = 1; i < N; i++) {
            TnObject *a = tn_list_get_lock_held(l, i - 1), *b = tn_list_get_lock_held(l, i);
            int64_t ka = as_i64(tn_tuple_get(a, 0)), kb = as_i64(tn_tuple_get(b, 0));
            int64_t pa = as_i64(tn_tuple_get(a, 1)), pb = as_i64(tn_tuple_get(b, 1));
            if (reverse)
                assert_true(ka > kb || (ka == kb && pa < pb));
            else
                assert_true(ka < kb || (ka == kb && pa < pb));
        }
        /* The next round starts from this order: stability is then
         * checked in the reversed direction too. */
    }
    tn_decref(key);
    tn_decref(l);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static void test_sort_many_ints(void **state)
{
    (void)state;
    enum { N = 10000 };
    static int64_t ref[N];
    TnObject *l = tn_list_new(0);
    srand(777);
    for (int i = 0; i < N; i++) {
        ref[i] = (int64_t)rand() - RAND_MAX / 2;
        assert_int_equal(tn_list_append_steal(l, I(ref[i])), 0);
    }
    qsort(ref, N, sizeof ref[0], cmp_i64);
    assert_int_equal(tn_list_sort(l, NULL, 0), 0);
    for (int i = 0; i < N; i++)
        assert_int_equal(as_i64(tn_list_get_lock_held(l, i)), ref[i]);
    assert_int_equal(tn_list_sort(l, NULL, 1), 0);
    for (int i = 0; i < N; i++)
        assert_int_equal(as_i64(tn_list_get_lock_held(l, i)), ref[N - 1 - i]);
    /* Mixed int/float goes through the generic comparison. */
    assert_int_equal(tn_list_append_steal(l, tn_float_from_double(0.5)), 0);
    assert_int_equal(tn_list_sort(l, NULL, 0), 0);
    tn_decref(l);
    /* Strings */
    TnObject *s = tn_list_new(0);
    const char *words[] = {"pear", "apple", "fig", "banana", "apple", "Zed", ""};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_int_equal(tn_list_append_steal(s, tn_str_from_cstr(words[i])), 0);
    assert_int_equal(tn_list_sort(s, NULL, 0), 0);
    assert_repr(s, "['', 'Zed', 'apple', 'apple', 'banana', 'fig', 'pear']");
    tn_decref(s);
}

static void test_sort_errors(void **state)
{
    (void)state;
    TnObject *l = int_list(3, 3, 1, 2);
    assert_int_equal(tn_list_append_steal(l, tn_str_from_cstr("a")), 0);
    assert_int_equal(tn_list_sort(l, NULL, 0), -1);
    TnObject *exc = tn_err_fetch();
    assert_true(tn_object_type_check(exc, &tn_exc_TypeError));
    tn_decref(exc);
    assert_int_equal(tn_list_size(l), 4);        /* every item still there */
    /* A key function that mutates the list */
    victim = l;
    TnObject *key = tn_cfunction_new(&mutating_key_def, NULL, NULL);
    TnObject *ints = int_list(3, 3, 1, 2);
    victim = ints;
    assert_int_equal(tn_list_sort(ints, key, 0), -1);
    assert_error(&tn_exc_ValueError, "list modified during sort");
    assert_repr(ints, "[1, 2, 3]");
    /* Not callable */
    TnObject *one = I(1);
    assert_int_equal(tn_list_sort(ints, one, 0), -1);
    assert_error(&tn_exc_TypeError, "'int' object is not callable");
    assert_repr(ints, "[1, 2, 3]");
    /* The method's argument parsing */
    assert_null(call_method(ints, "sort", 1, &one));
    assert_error(&tn_exc_TypeError, "sort() takes no positional arguments");
    TnObject *kwn = tn_tuple_new(1);
    tn_tuple_set_steal(kwn, 0, tn_str_from_cstr("reverse"));
    TnObject *meth = tn_object_getattr_cstr(ints, "sort");
    TnObject *r = tn_call(meth, &one, 0, kwn);
    assert_ptr_equal(r, TN_NONE);
    assert_repr(ints, "[3, 2, 1]");
    TnObject *none_arg[1] = {TN_NONE};
    assert_null(tn_call(meth, none_arg, 0, kwn));
    assert_error(&tn_exc_TypeError, "'NoneType' object cannot be interpreted as an integer");
    tn_decref(tn_tuple_get(kwn, 0));
    tn_tuple_set_steal(kwn, 0, tn_str_from_cstr("x"));
    assert_null(tn_call(meth, none_arg, 0, kwn));
    assert_error(&tn_exc_TypeError, "'x' is an invalid keyword argument for sort()");
    tn_decref(kwn);
    tn_decref(meth);
    tn_decref(one);
    tn_decref(ints);
    tn_decref(key);
    tn_decref(l);
}

/* Containers nested a million deep are freed without deep C recursion,
 * and their repr stops with RecursionError instead of overflowing the stack. */
static void test_deep_nesting(void **state)
{
    (void)state;
    enum { DEPTH = 1000000 };
    TnObject *l = tn_list_new(0), *t = tn_tuple_new(0), *d = tn_dict_new();
    for (int i = 0; i < DEPTH; i++) {
        TnObject *outer = tn_list_new(1);
        assert_non_null(outer);
        tn_list_set_steal(outer, 0, l);
        l = outer;
        TnObject *tt = tn_tuple_new(2);
        assert_non_null(tt);
        tn_tuple_set_steal(tt, 0, t);
        tn_tuple_set_steal(tt, 1, tn_list_new(0));
        t = tt;
        TnObject *dd = tn_dict_new();
        assert_int_equal(tn_dict_set_item_cstr(dd, "a", d), 0);
        tn_decref(d);
        d = dd;
    }
    assert_null(tn_object_repr(l));
    TnObject *exc = tn_err_fetch();
    assert_true(tn_object_type_check(exc, &tn_exc_RecursionError));
    tn_decref(exc);
    tn_decref(l);
    tn_decref(t);
    tn_decref(d);
}

/* Types this file relies on that the runtime may not ready yet. */
static int ready_types(void)
{
    TnType *types[] = {&tn_type_list_iterator, &tn_type_list_reverseiterator, &tn_type_tuple_iterator};
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
        cmocka_unit_test(test_growth_matches_cpython),
        cmocka_unit_test(test_presizing),
        cmocka_unit_test(test_get_item_ref),
        cmocka_unit_test(test_repr_and_recursion),
        cmocka_unit_test(test_richcompare),
        cmocka_unit_test(test_concat_repeat),
        cmocka_unit_test(test_item_assignment),
        cmocka_unit_test(test_slices),
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_iterators_tolerate_mutation),
        cmocka_unit_test(test_sort_stable_with_key),
        cmocka_unit_test(test_sort_many_ints),
        cmocka_unit_test(test_sort_errors),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
