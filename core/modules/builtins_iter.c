/* core/modules/builtins_iter.c — the iterator types of the builtins module:
 * enumerate, zip, map, filter, reversed (all Python-visible types, called to
 * construct) and callable_iterator (made by iter(callable, sentinel)).
 *
 * Each is a static TnType whose iter slot returns self and whose iternext
 * slot produces the next value, or NULL without an exception when exhausted
 * (NULL with an exception on error).
 *
 * Cycle collection: each has a traverse and, as in CPython, no clear: a
 * cycle through an iterator passes through what it iterates or calls,
 * which has its own clear, and a cleared iterator would need NULL checks
 * on every step.
 *
 * Exhaustion: CPython drops its references (reversed's sequence, the
 * callable and sentinel of callable_iterator) as soon as the iterator is
 * exhausted.  Here they are kept until dealloc and a marker records the
 * exhaustion instead, so that a second thread calling next() on the same
 * iterator in the ft flavour can never read a freed pointer.  Only
 * refcounts can tell the difference.
 */
#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/modules/builtins_iter.h"

static TnObject *self_iter(TnObject *self)
{
    return tn_newref(self);
}

/* Fill the unset slots [from, n) of a tuple being built with None and drop
 * it: the tuple is then always fully initialised when its dealloc runs. */
static void discard_partial_tuple(TnObject *t, tn_ssize_t from)
{
    tn_ssize_t n = tn_tuple_size(t);
    for (tn_ssize_t i = from; i < n; i++)
        tn_tuple_set_steal(t, i, tn_none_ref());
    tn_decref(t);
}

/* A tuple of iter(x) for every x in objs[0..n-1].  New ref or NULL. */
static TnObject *iterators_tuple(TnObject *const *objs, tn_ssize_t n)
{
    TnObject *t = tn_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *it = tn_object_get_iter(objs[i]);
        if (it == NULL) {
            discard_partial_tuple(t, i);
            return NULL;
        }
        tn_tuple_set_steal(t, i, it);
    }
    return t;
}

/* ======================================================================
 * enumerate
 * ====================================================================== */

typedef struct EnumObject {
    TnObject ob;
    int64_t index;          /* next index; INT64_MAX: continue in longindex */
    TnObject *longindex;    /* next index as an int object once index saturates */
    TnObject *it;
} EnumObject;

/* CPython's check_keyword: kwnames[i] must be `name`.  1 ok / 0 error set. */
static int enum_check_keyword(TnObject *kwnames, tn_ssize_t i, const char *name)
{
    TnObject *kw = tn_tuple_get(kwnames, i);
    if (tn_str_check(kw) && tn_str_eq_cstr(kw, name))
        return 1;
    tn_err_format(&tn_exc_TypeError, "'%S' is an invalid keyword argument for enumerate()", kw);
    return 0;
}

/* Set en's starting index from `start` (any object with __index__).  0 / -1. */
static int enum_set_start(EnumObject *en, TnObject *start)
{
    TnObject *idx = tn_number_index(start);
    if (idx == NULL)
        return -1;
    int overflow = 0;
    int64_t v = tn_int_as_i64(idx, &overflow);
    if (overflow || v == INT64_MAX) {
        en->index = INT64_MAX;
        en->longindex = idx;
        return 0;
    }
    en->index = v;
    tn_decref(idx);
    return 0;
}

/* enumerate(iterable, start): CPython converts start before asking for the
 * iterator, so enumerate(1, 'a') complains about 'a'. */
static TnObject *enum_make(TnType *type, TnObject *iterable, TnObject *start)
{
    EnumObject *en = (EnumObject *)tn_object_new(type, (size_t)type->basicsize);
    if (en == NULL)
        return NULL;
    if (start != NULL && enum_set_start(en, start) < 0)
        goto error;
    en->it = tn_object_get_iter(iterable);
    if (en->it == NULL)
        goto error;
    return TN_OBJ(en);
error:
    tn_decref(TN_OBJ(en));
    return NULL;
}

/* enumerate(iterable, start=0), with CPython's hand-written argument
 * handling (enumerate_vectorcall) and its messages. */
static TnObject *enumerate_new(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    tn_ssize_t nkw = kwnames == NULL ? 0 : tn_tuple_size(kwnames);
    if (nargs + nkw == 2) {
        if (nkw == 1 && !enum_check_keyword(kwnames, 0, "start"))
            return NULL;
        if (nkw == 2) {
            TnObject *kw0 = tn_tuple_get(kwnames, 0);
            if (tn_str_check(kw0) && tn_str_eq_cstr(kw0, "start")) {
                if (!enum_check_keyword(kwnames, 1, "iterable"))
                    return NULL;
                return enum_make(type, args[1], args[0]);
            }
            if (!enum_check_keyword(kwnames, 0, "iterable") ||
                !enum_check_keyword(kwnames, 1, "start"))
                return NULL;
        }
        return enum_make(type, args[0], args[1]);
    }
    if (nargs + nkw == 1) {
        if (nkw == 1 && !enum_check_keyword(kwnames, 0, "iterable"))
            return NULL;
        return enum_make(type, args[0], NULL);
    }
    if (nargs == 0)
        return tn_err_format(&tn_exc_TypeError, "enumerate() missing required argument 'iterable'");
    return tn_err_format(&tn_exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                         nargs + nkw);
}

/* Past INT64_MAX the index is an int object, replaced at every step:
 * inside the enumerate object's section, so that threads sharing it never
 * drop the same reference twice.  Lock held. */
static TnObject *enum_take_long_index_lock_held(EnumObject *en);

/* The index to pair with the next item, as a new int.  NULL on error.
 * Threads sharing one enumerate object may get the same index twice, but
 * the counter is read and written with relaxed atomics (no data race). */
static TnObject *enum_take_index(EnumObject *en)
{
    intptr_t *slot = (intptr_t *)(void *)&en->index;
    int64_t i = (int64_t)tn_atomic_load_intptr_relaxed(slot);
    if (i != INT64_MAX) {
        tn_atomic_store_intptr_relaxed(slot, (intptr_t)(i + 1));
        return tn_int_from_i64(i);
    }
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(en));
    r = enum_take_long_index_lock_held(en);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *enum_take_long_index_lock_held(EnumObject *en)
{
    tn_critical_section_assert_held(en);
    if (en->longindex == NULL) {
        en->longindex = tn_int_from_i64(INT64_MAX);
        if (en->longindex == NULL)
            return NULL;
    }
    TnObject *one = tn_int_from_i64(1);
    if (one == NULL)
        return NULL;
    TnObject *next = tn_number_binop(en->longindex, one, TN_OP_ADD);
    tn_decref(one);
    if (next == NULL)
        return NULL;
    TnObject *cur = en->longindex;
    en->longindex = next;
    return cur;
}

/* The item and its index are taken together inside the enumerate object's
 * section, so that threads sharing it get consistent pairs, as under a GIL
 * (where the whole __next__ of a C iterator is atomic): without it thread A
 * could take item k, thread B item k+1 and index k, and A index k+1. */
static TnObject *enumerate_next_lock_held(EnumObject *en)
{
    TnObject *item = tn_iter_next(en->it);
    if (item == NULL)
        return NULL;
    TnObject *index = enum_take_index(en);
    if (index == NULL) {
        tn_decref(item);
        return NULL;
    }
    TnObject *res = tn_tuple_new(2);
    if (res == NULL) {
        tn_decref(index);
        tn_decref(item);
        return NULL;
    }
    tn_tuple_set_steal(res, 0, index);
    tn_tuple_set_steal(res, 1, item);
    return res;
}

static TnObject *enumerate_next(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = enumerate_next_lock_held((EnumObject *)self);
    TN_END_CRITICAL_SECTION();
    return r;
}

static void enumerate_dealloc(TnObject *self)
{
    EnumObject *en = (EnumObject *)self;
    TN_CLEAR(en->it);
    TN_CLEAR(en->longindex);
    tn_object_free(self);
}

static int enumerate_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    EnumObject *en = (EnumObject *)self;
    TN_VISIT(en->it);
    TN_VISIT(en->longindex);
    return 0;
}

/* ======================================================================
 * zip
 * ====================================================================== */

typedef struct ZipObject {
    TnObject ob;
    TnObject *iters;        /* tuple of iterators */
    int strict;
} ZipObject;

/* zip(*iterables, strict=False) */
static TnObject *zip_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"strict", NULL};
    TnObject *opt[1];
    if (tn_args_parse("zip", args + nargs, 0, kwnames, names, 0, 0, opt) < 0)
        return NULL;
    int strict = 0;
    if (opt[0] != NULL && (strict = tn_object_is_true(opt[0])) < 0)
        return NULL;
    TnObject *iters = iterators_tuple(args, nargs);
    if (iters == NULL)
        return NULL;
    ZipObject *z = (ZipObject *)tn_object_new(type, (size_t)type->basicsize);
    if (z == NULL) {
        tn_decref(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    return TN_OBJ(z);
}

/* After iterator i (0-based) of a strict zip ran out: the error CPython
 * raises when the lengths differ, or NULL without error when every
 * iterator is exhausted at once. */
static TnObject *zip_strict_check(ZipObject *z, tn_ssize_t i)
{
    if (tn_err_occurred() != NULL) {
        if (!tn_err_matches(&tn_exc_StopIteration))
            return NULL;
        tn_err_clear();
    }
    if (i > 0)
        return tn_err_format(&tn_exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                             i + 1, i == 1 ? " " : "s 1-", i);
    tn_ssize_t n = tn_tuple_size(z->iters);
    for (i = 1; i < n; i++) {
        TnObject *item = tn_iter_next(tn_tuple_get(z->iters, i));
        if (item != NULL) {
            tn_decref(item);
            return tn_err_format(&tn_exc_ValueError,
                                 "zip() argument %zd is longer than argument%s%zd",
                                 i + 1, i == 1 ? " " : "s 1-", i);
        }
        if (tn_err_occurred() != NULL) {
            if (!tn_err_matches(&tn_exc_StopIteration))
                return NULL;
            tn_err_clear();
        }
    }
    return NULL;
}

/* One item of every iterator, taken inside the zip object's section so that
 * threads sharing it get the items of one step together (as under a GIL). */
static TnObject *zip_next_lock_held(ZipObject *z)
{
    tn_ssize_t n = tn_tuple_size(z->iters);
    if (n == 0)
        return NULL;
    TnObject *res = tn_tuple_new(n);
    if (res == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *item = tn_iter_next(tn_tuple_get(z->iters, i));
        if (item == NULL) {
            discard_partial_tuple(res, i);
            if (z->strict)
                return zip_strict_check(z, i);
            return NULL;
        }
        tn_tuple_set_steal(res, i, item);
    }
    return res;
}

static TnObject *zip_next(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = zip_next_lock_held((ZipObject *)self);
    TN_END_CRITICAL_SECTION();
    return r;
}

static void zip_dealloc(TnObject *self)
{
    TN_CLEAR(((ZipObject *)self)->iters);
    tn_object_free(self);
}

static int zip_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    ZipObject *z = (ZipObject *)self;
    TN_VISIT(z->iters);
    return 0;
}

/* ======================================================================
 * map
 * ====================================================================== */

typedef struct MapObject {
    TnObject ob;
    TnObject *func;
    TnObject *iters;        /* tuple of iterators, at least one */
} MapObject;

/* map(func, iterable, ...) */
static TnObject *map_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("map", kwnames) < 0)
        return NULL;
    if (nargs < 2)
        return tn_err_format(&tn_exc_TypeError, "map() must have at least two arguments.");
    TnObject *iters = iterators_tuple(args + 1, nargs - 1);
    if (iters == NULL)
        return NULL;
    MapObject *m = (MapObject *)tn_object_new(type, (size_t)type->basicsize);
    if (m == NULL) {
        tn_decref(iters);
        return NULL;
    }
    m->func = tn_newref(args[0]);
    m->iters = iters;
    return TN_OBJ(m);
}

#define MAP_SMALL_ARGS 8

/* The next item of every iterator into items[0..n-1] (new refs): how many
 * it got (n, or fewer when one is exhausted or failed). */
static tn_ssize_t map_fetch_lock_held(MapObject *m, TnObject **items, tn_ssize_t n)
{
    tn_ssize_t got = 0;
    for (; got < n; got++) {
        items[got] = tn_iter_next(tn_tuple_get(m->iters, got));
        if (items[got] == NULL)
            break;
    }
    return got;
}

/* Next item of every iterator into items[0..n-1] (new refs), then call.
 * The items of one step are taken together inside the map object's section
 * (as under a GIL, where threads sharing a map over C iterators never mix
 * steps); the call runs outside it. */
static TnObject *map_call_next(MapObject *m, TnObject **items, tn_ssize_t n)
{
    TnObject *res = NULL;
    tn_ssize_t got;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(m));
    got = map_fetch_lock_held(m, items, n);
    TN_END_CRITICAL_SECTION();
    if (got == n)
        res = tn_call(m->func, items, n, NULL);
    for (tn_ssize_t i = 0; i < got; i++)
        tn_decref(items[i]);
    return res;
}

static TnObject *map_next(TnObject *self)
{
    MapObject *m = (MapObject *)self;
    tn_ssize_t n = tn_tuple_size(m->iters);
    TnObject *small[MAP_SMALL_ARGS];
    if (n <= MAP_SMALL_ARGS)
        return map_call_next(m, small, n);
    size_t bytes;
    if (tn_mem_mul((size_t)n, sizeof(TnObject *), &bytes))
        return tn_err_no_memory();
    TnObject **items = tn_mem_alloc(bytes);
    if (items == NULL)
        return tn_err_no_memory();
    TnObject *res = map_call_next(m, items, n);
    tn_mem_free(items);
    return res;
}

static void map_dealloc(TnObject *self)
{
    MapObject *m = (MapObject *)self;
    TN_CLEAR(m->func);
    TN_CLEAR(m->iters);
    tn_object_free(self);
}

static int map_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    MapObject *m = (MapObject *)self;
    TN_VISIT(m->func);
    TN_VISIT(m->iters);
    return 0;
}

/* ======================================================================
 * filter
 * ====================================================================== */

typedef struct FilterObject {
    TnObject ob;
    TnObject *func;         /* None or bool: test the item's truth directly */
    TnObject *it;
} FilterObject;

/* filter(function or None, iterable) */
static TnObject *filter_new(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (tn_args_no_kw("filter", kwnames) < 0 ||
        tn_builtins_check_positional("filter", nargs, 2, 2) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[1]);
    if (it == NULL)
        return NULL;
    FilterObject *f = (FilterObject *)tn_object_new(type, (size_t)type->basicsize);
    if (f == NULL) {
        tn_decref(it);
        return NULL;
    }
    f->func = tn_newref(args[0]);
    f->it = it;
    return TN_OBJ(f);
}

/* 1 keep item, 0 drop it, -1 error. */
static int filter_test(FilterObject *f, TnObject *item)
{
    if (f->func == TN_NONE || f->func == TN_OBJ(&tn_type_bool))
        return tn_object_is_true(item);
    TnObject *good = tn_call_one(f->func, item);
    if (good == NULL)
        return -1;
    int ok = tn_object_is_true(good);
    tn_decref(good);
    return ok;
}

static TnObject *filter_next(TnObject *self)
{
    FilterObject *f = (FilterObject *)self;
    for (;;) {
        TnObject *item = tn_iter_next(f->it);
        if (item == NULL)
            return NULL;
        int ok = filter_test(f, item);
        if (ok > 0)
            return item;
        tn_decref(item);
        if (ok < 0)
            return NULL;
    }
}

static void filter_dealloc(TnObject *self)
{
    FilterObject *f = (FilterObject *)self;
    TN_CLEAR(f->func);
    TN_CLEAR(f->it);
    tn_object_free(self);
}

static int filter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    FilterObject *f = (FilterObject *)self;
    TN_VISIT(f->func);
    TN_VISIT(f->it);
    return 0;
}

/* ======================================================================
 * reversed
 * ====================================================================== */

typedef struct ReversedObject {
    TnObject ob;
    tn_ssize_t index;       /* next index to fetch; -1 once exhausted */
    TnObject *seq;
} ReversedObject;

/* CPython's PySequence_Check: indexable by integers and not a dict.
 * Python classes defining __getitem__ may fill only the mapping slot. */
static bool is_sequence(TnObject *o)
{
    TnType *tp = tn_type(o);
    if (tn_dict_check(o))
        return false;
    if (tp->as_sequence != NULL && tp->as_sequence->item != NULL)
        return true;
    return tp->as_mapping != NULL && tp->as_mapping->subscript != NULL;
}

/* seq[i] for 0 <= i: through the sequence slot when there is one. */
static TnObject *sequence_item(TnObject *seq, tn_ssize_t i)
{
    TnType *tp = tn_type(seq);
    if (tp->as_sequence != NULL && tp->as_sequence->item != NULL)
        return tp->as_sequence->item(seq, i);
    TnObject *key = tn_int_from_ssize(i);
    if (key == NULL)
        return NULL;
    TnObject *res = tn_object_getitem(seq, key);
    tn_decref(key);
    return res;
}

static TnObject *not_reversible(TnObject *seq)
{
    return tn_err_format(&tn_exc_TypeError, "'%T' object is not reversible", seq);
}

/* reversed(sequence, /): seq.__reversed__() if the type defines it (None
 * means "not reversible"), else a reversed iterator over the sequence. */
static TnObject *reversed_new(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (tn_args_no_kw("reversed", kwnames) < 0 ||
        tn_builtins_check_positional("reversed", nargs, 1, 1) < 0)
        return NULL;
    TnObject *seq = args[0];
    TnObject *name = tn_str_intern_cstr("__reversed__");
    if (name == NULL)
        return NULL;
    TnObject *attr = tn_type_lookup(tn_type(seq), name);
    if (attr == TN_NONE)
        return not_reversible(seq);
    if (attr != NULL)
        return tn_call_method_cstr(seq, "__reversed__", args, 0);
    if (!is_sequence(seq))
        return not_reversible(seq);
    tn_ssize_t n = tn_object_length(seq);
    if (n < 0)
        return NULL;
    ReversedObject *ro = (ReversedObject *)tn_object_new(type, (size_t)type->basicsize);
    if (ro == NULL)
        return NULL;
    ro->index = n - 1;
    ro->seq = tn_newref(seq);
    return TN_OBJ(ro);
}

static TnObject *reversed_next(TnObject *self)
{
    ReversedObject *ro = (ReversedObject *)self;
    tn_ssize_t index = ro->index;
    if (index >= 0) {
        TnObject *item = sequence_item(ro->seq, index);
        if (item != NULL) {
            ro->index = index - 1;
            return item;
        }
        if (tn_err_matches(&tn_exc_IndexError) || tn_err_matches(&tn_exc_StopIteration))
            tn_err_clear();
    }
    ro->index = -1;
    return NULL;
}

/* __length_hint__: items left, 0 once exhausted or if the sequence shrank. */
static TnObject *reversed_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    ReversedObject *ro = (ReversedObject *)self;
    if (tn_args_no_kw("__length_hint__", kwnames) < 0 ||
        tn_args_count("__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    if (ro->index < 0)
        return tn_int_from_ssize(0);
    tn_ssize_t size = tn_object_length(ro->seq);
    if (size < 0)
        return NULL;
    tn_ssize_t position = ro->index + 1;
    return tn_int_from_ssize(size < position ? 0 : position);
}

static void reversed_dealloc(TnObject *self)
{
    TN_CLEAR(((ReversedObject *)self)->seq);
    tn_object_free(self);
}

static int reversed_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    ReversedObject *ro = (ReversedObject *)self;
    TN_VISIT(ro->seq);
    return 0;
}

/* ======================================================================
 * callable_iterator
 * ====================================================================== */

typedef struct CallIterObject {
    TnObject ob;
    TnObject *callable;
    TnObject *sentinel;
    int exhausted;
} CallIterObject;

TnObject *tn_calliter_new(TnObject *callable, TnObject *sentinel)
{
    CallIterObject *ci = (CallIterObject *)tn_object_new(&tn_type_callable_iterator,
                                                         sizeof(CallIterObject));
    if (ci == NULL)
        return NULL;
    ci->callable = tn_newref(callable);
    ci->sentinel = tn_newref(sentinel);
    return TN_OBJ(ci);
}

/* Call the callable; stop (for good) when it returns something equal to
 * the sentinel (compared as sentinel == result) or raises StopIteration. */
static TnObject *calliter_next(TnObject *self)
{
    CallIterObject *ci = (CallIterObject *)self;
    if (ci->exhausted)
        return NULL;
    TnObject *result = tn_call_noargs(ci->callable);
    if (result != NULL) {
        int ok = tn_object_richcompare_bool(ci->sentinel, result, TN_EQ);
        if (ok == 0)
            return result;
        tn_decref(result);
        if (ok > 0)
            ci->exhausted = 1;
    } else if (tn_err_matches(&tn_exc_StopIteration)) {
        tn_err_clear();
        ci->exhausted = 1;
    }
    return NULL;
}

static void calliter_dealloc(TnObject *self)
{
    CallIterObject *ci = (CallIterObject *)self;
    TN_CLEAR(ci->callable);
    TN_CLEAR(ci->sentinel);
    tn_object_free(self);
}

static int calliter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    CallIterObject *ci = (CallIterObject *)self;
    TN_VISIT(ci->callable);
    TN_VISIT(ci->sentinel);
    return 0;
}

/* ======================================================================
 * type readiness
 * ====================================================================== */

int tn_builtins_iter_init_types(void)
{
    TnType *types[] = {
        &tn_type_enumerate, &tn_type_zip, &tn_type_map, &tn_type_filter,
        &tn_type_reversed, &tn_type_callable_iterator,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if ((types[i]->flags & TN_TPFLAGS_READY) == 0 && tn_type_ready(types[i]) < 0)
            return -1;
    }
    return 0;
}

/* ======================================================================
 * type objects
 * ====================================================================== */

static const TnMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_enumerate = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "enumerate",
    .basicsize = sizeof(EnumObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = enumerate_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = enumerate_next,
    .new_ = enumerate_new,
    .traverse = enumerate_traverse,
    .doc = "Return an enumerate object.",
};

TnType tn_type_zip = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "zip",
    .basicsize = sizeof(ZipObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = zip_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = zip_next,
    .new_ = zip_new,
    .traverse = zip_traverse,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
};

TnType tn_type_map = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "map",
    .basicsize = sizeof(MapObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = map_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = map_next,
    .new_ = map_new,
    .traverse = map_traverse,
    .doc = "map(func, *iterables) --> map object",
};

TnType tn_type_filter = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "filter",
    .basicsize = sizeof(FilterObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = filter_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = filter_next,
    .new_ = filter_new,
    .traverse = filter_traverse,
    .doc = "filter(function or None, iterable) --> filter object",
};

TnType tn_type_reversed = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "reversed",
    .basicsize = sizeof(ReversedObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = reversed_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = reversed_next,
    .new_ = reversed_new,
    .methods = reversed_methods,
    .traverse = reversed_traverse,
    .doc = "Return a reverse iterator over the values of the given sequence.",
};

TnType tn_type_callable_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "callable_iterator",
    .flags = TN_TPFLAGS_HAVE_GC,
    .basicsize = sizeof(CallIterObject),
    .dealloc = calliter_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = calliter_next,
    .new_ = tn_type_new_not_allowed,
    .traverse = calliter_traverse,
};
