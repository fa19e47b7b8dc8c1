/* core/modules/itertools.c — the itertools module, as CPython 3.11's
 * Modules/itertoolsmodule.c: count, cycle, repeat, accumulate, chain,
 * compress, dropwhile, filterfalse, groupby (and its _grouper), islice,
 * pairwise, starmap, takewhile, tee (and _tee, _tee_dataobject),
 * zip_longest, product, permutations, combinations and
 * combinations_with_replacement, with CPython's argument checks and
 * messages.  docs/stdlib.md.
 *
 * Threads (ft): every __next__ runs inside its iterator's critical section
 * (a `_lock_held` step function), so that threads sharing one iterator get
 * what some serial interleaving of their calls would give: each value
 * once, combinatoric indices and counters never torn.  A step may call
 * Python code (the source iterator, a key or predicate function), which may
 * block and so suspend the section, letting another thread step the same
 * iterator meanwhile; so a step never keeps a borrowed pointer to one of
 * its own fields across such a call: it takes a reference first and
 * re-checks the field afterwards.  tee's iterators share a data object,
 * whose cells are read and filled inside the section of a lock object
 * shared by the family of tees (see TeeObject).
 *
 * Not provided: pickling (__reduce__/__setstate__, deprecated in 3.12).
 */
#include <string.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/compiler/ast.h"
#include "core/objects/complex.h"

static TnObject *self_iter(TnObject *self)
{
    return tn_newref(self);
}

/* CPython's _PyArg_CheckPositional(name, nargs, min, max) message, also for
 * one argument ("cycle expected 1 argument, got 0").  0 / -1. */
static int check_positional(const char *name, tn_ssize_t nargs, tn_ssize_t min, tn_ssize_t max)
{
    if (min == 1 && max == 1 && nargs != 1) {
        tn_err_format(&tn_exc_TypeError, "%s expected 1 argument, got %zd", name, nargs);
        return -1;
    }
    return tn_args_count(name, nargs, min, max);
}

/* A C index from an object with __index__ (argument clinic's "n"):
 * CPython's TypeError and "Python int too large to convert to C ssize_t".
 * 0 / -1. */
static int ssize_arg(TnObject *o, tn_ssize_t *out)
{
    TnObject *idx = tn_number_index(o);
    if (idx == NULL)
        return -1;
    *out = tn_int_as_ssize(idx);
    tn_decref(idx);
    return *out == -1 && tn_err_occurred() ? -1 : 0;
}

/* CPython's PyNumber_Check: int, float, complex or anything convertible. */
static bool is_number(TnObject *v)
{
    const TnNumberMethods *nb = tn_type(v)->as_number;
    return (nb != NULL && (nb->index != NULL || nb->int_ != NULL || nb->float_ != NULL)) || tn_complex_check(v);
}

/* The short name of an object's type ("count" for itertools.count and
 * the subclass's name for a subclass), as CPython's _PyType_Name. */
static const char *short_type_name(TnObject *o)
{
    const char *name = tn_type_name(tn_type(o));
    const char *dot = strrchr(name, '.');
    return dot != NULL ? dot + 1 : name;
}

/* Run step(self) inside self's critical section. */
#define LOCKED_NEXT(prefix)                                        \
    static TnObject *prefix##_next(TnObject *self)                 \
    {                                                              \
        TnObject *r;                                               \
        TN_BEGIN_CRITICAL_SECTION(self);                           \
        r = prefix##_next_lock_held(self);                         \
        TN_END_CRITICAL_SECTION();                                 \
        return r;                                                  \
    }

/* visit(field) when the field is set. */
#define VISIT(field)                                               \
    do {                                                           \
        if ((field) != NULL && visit((field), arg) != 0)           \
            return -1;                                             \
    } while (0)

/* dealloc and traverse of an object owning two references. */
#define DEALLOC_TRAVERSE2(prefix, Type, f1, f2)                                   \
    static void prefix##_dealloc(TnObject *self)                                   \
    {                                                                              \
        TN_CLEAR(((Type *)self)->f1);                                              \
        TN_CLEAR(((Type *)self)->f2);                                              \
        tn_object_free(self);                                                      \
    }                                                                              \
    static int prefix##_traverse(TnObject *self, tn_visitproc visit, void *arg)    \
    {                                                                              \
        VISIT(((Type *)self)->f1);                                                 \
        VISIT(((Type *)self)->f2);                                                 \
        return 0;                                                                  \
    }

/* Swap a new value into an owned field and drop the old one afterwards. */
static void set_field(TnObject **field, TnObject *value_steal)
{
    TnObject *old = *field;
    *field = value_steal;
    tn_xdecref(old);
}

/* A new reference to the field, or NULL. */
static TnObject *field_ref(TnObject *field)
{
    return field != NULL ? tn_newref(field) : NULL;
}

/* ======================================================================
 * count(start=0, step=1)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    int64_t cnt;            /* fast mode: the next value (step 1, an int that fits) */
    bool slow;              /* long_cnt and long_step hold the state */
    TnObject *long_cnt;     /* slow mode: the next value */
    TnObject *long_step;    /* slow mode: the step (fast mode: NULL) */
} CountObject;

static TnObject *count_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"start", "step", NULL};
    TnObject *a[2];
    if (tn_args_parse("count", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    if ((a[0] != NULL && !is_number(a[0])) || (a[1] != NULL && !is_number(a[1])))
        return tn_err_format(&tn_exc_TypeError, "a number is required");
    CountObject *c = (CountObject *)tn_object_new(type, (size_t)type->basicsize);
    if (c == NULL)
        return NULL;
    int overflow = 0;
    int64_t start = 0;
    bool fast_start = a[0] == NULL || (tn_int_check(a[0]) && (start = tn_int_as_i64(a[0], &overflow), !overflow)
                                       && start != INT64_MAX);
    int64_t step = 1;
    bool fast_step = a[1] == NULL || (tn_int_check(a[1]) && (step = tn_int_as_i64(a[1], &overflow), !overflow)
                                      && step == 1);
    if (fast_start && fast_step) {
        c->cnt = start;
        return TN_OBJ(c);
    }
    c->slow = true;
    c->long_cnt = a[0] != NULL ? tn_newref(a[0]) : tn_int_from_i64(0);
    c->long_step = a[1] != NULL ? tn_newref(a[1]) : tn_int_from_i64(1);
    if (c->long_cnt == NULL || c->long_step == NULL) {
        tn_decref(TN_OBJ(c));
        return NULL;
    }
    return TN_OBJ(c);
}

static TnObject *count_next_lock_held(TnObject *self)
{
    CountObject *c = (CountObject *)self;
    if (!c->slow) {
        TnObject *v = tn_int_from_i64(c->cnt);
        if (v != NULL && ++c->cnt == INT64_MAX) {
            /* Past the fast range: continue with int objects. */
            c->long_cnt = tn_int_from_i64(INT64_MAX);
            c->long_step = tn_int_from_i64(1);
            c->slow = true;
            if (c->long_cnt == NULL || c->long_step == NULL) {
                tn_decref(v);
                return NULL;
            }
        }
        return v;
    }
    TnObject *cur = tn_newref(c->long_cnt);
    TnObject *next = tn_number_binop(cur, c->long_step, TN_OP_ADD);
    if (next == NULL) {
        tn_decref(cur);
        return NULL;
    }
    set_field(&c->long_cnt, next);
    return cur;
}
LOCKED_NEXT(count)

static TnObject *count_repr_lock_held(CountObject *c)
{
    if (!c->slow)
        return tn_str_from_format("%s(%lld)", short_type_name(TN_OBJ(c)), (long long)c->cnt);
    TnObject *cnt = tn_newref(c->long_cnt), *step = tn_newref(c->long_step);
    TnObject *res = NULL;
    int64_t stepv = 0;
    int overflow = 0;
    if (tn_int_check(step) && (stepv = tn_int_as_i64(step, &overflow), !overflow) && stepv == 1)
        res = tn_str_from_format("%s(%R)", short_type_name(TN_OBJ(c)), cnt);
    else
        res = tn_str_from_format("%s(%R, %R)", short_type_name(TN_OBJ(c)), cnt, step);
    tn_decref(cnt);
    tn_decref(step);
    return res;
}

static TnObject *count_repr(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = count_repr_lock_held((CountObject *)self);
    TN_END_CRITICAL_SECTION();
    return r;
}

DEALLOC_TRAVERSE2(count, CountObject, long_cnt, long_step)

/* ======================================================================
 * cycle(iterable)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *it;           /* the source, NULL once exhausted */
    TnObject *saved;        /* list of the items seen */
    tn_ssize_t index;       /* next item of saved, once the source is exhausted */
} CycleObject;

static TnObject *cycle_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("cycle", kwnames) < 0 || check_positional("cycle", nargs, 1, 1) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    TnObject *saved = tn_list_new(0);
    CycleObject *c = saved != NULL ? (CycleObject *)tn_object_new(type, (size_t)type->basicsize) : NULL;
    if (c == NULL) {
        tn_decref(it);
        tn_xdecref(saved);
        return NULL;
    }
    c->it = it;
    c->saved = saved;
    return TN_OBJ(c);
}

static TnObject *cycle_next_lock_held(TnObject *self)
{
    CycleObject *c = (CycleObject *)self;
    TnObject *it = field_ref(c->it);
    if (it != NULL) {
        TnObject *item = tn_iter_next(it);
        if (item != NULL) {
            tn_decref(it);
            if (tn_list_append(c->saved, item) < 0)
                TN_CLEAR(item);
            return item;
        }
        if (tn_err_occurred() == NULL && c->it == it)
            TN_CLEAR(c->it);
        tn_decref(it);
        if (tn_err_occurred() != NULL)
            return NULL;
    }
    tn_ssize_t n = tn_list_size(c->saved);
    if (n == 0)
        return NULL;
    if (c->index >= n)
        c->index = 0;
    TnObject *item = tn_list_get_item_ref(c->saved, c->index);
    if (++c->index >= n)
        c->index = 0;
    return item;
}
LOCKED_NEXT(cycle)

DEALLOC_TRAVERSE2(cycle, CycleObject, it, saved)

/* ======================================================================
 * repeat(object[, times])
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *element;
    tn_ssize_t cnt;         /* times left; -1: forever */
} RepeatObject;

static TnObject *repeat_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"object", "times", NULL};
    TnObject *a[2];
    if (tn_args_parse("repeat", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    tn_ssize_t cnt = -1;
    if (a[1] != NULL) {
        if (ssize_arg(a[1], &cnt) < 0)
            return NULL;
        if (cnt < 0)   /* negative counts mean zero, as CPython does */
            cnt = 0;
    }
    RepeatObject *r = (RepeatObject *)tn_object_new(type, (size_t)type->basicsize);
    if (r == NULL)
        return NULL;
    r->element = tn_newref(a[0]);
    r->cnt = cnt;
    return TN_OBJ(r);
}

static TnObject *repeat_next_lock_held(TnObject *self)
{
    RepeatObject *r = (RepeatObject *)self;
    tn_ssize_t cnt = r->cnt;
    if (cnt == 0)
        return NULL;
    if (cnt > 0)
        tn_atomic_store_intptr_relaxed((intptr_t *)&r->cnt, (intptr_t)(cnt - 1));
    return tn_newref(r->element);
}
LOCKED_NEXT(repeat)

/* cnt is read once, relaxed: a racing next() gives one of the two counts. */
static tn_ssize_t repeat_count(RepeatObject *r)
{
    return (tn_ssize_t)tn_atomic_load_intptr_relaxed((intptr_t *)&r->cnt);
}

static TnObject *repeat_repr(TnObject *self)
{
    RepeatObject *r = (RepeatObject *)self;
    tn_ssize_t cnt = repeat_count(r);
    if (cnt == -1)
        return tn_str_from_format("%s(%R)", short_type_name(self), r->element);
    return tn_str_from_format("%s(%R, %zd)", short_type_name(self), r->element, cnt);
}

static TnObject *repeat_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__length_hint__", kwnames) < 0 || tn_args_count("__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    tn_ssize_t cnt = repeat_count((RepeatObject *)self);
    if (cnt == -1)
        return tn_err_format(&tn_exc_TypeError, "len() of unsized object");
    return tn_int_from_ssize(cnt);
}

static const TnMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static void repeat_dealloc(TnObject *self)
{
    TN_CLEAR(((RepeatObject *)self)->element);
    tn_object_free(self);
}

static int repeat_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    VISIT(((RepeatObject *)self)->element);
    return 0;
}

/* ======================================================================
 * accumulate(iterable, func=None, *, initial=None)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *it;
    TnObject *binop;        /* NULL: + */
    TnObject *total;        /* NULL before the first item */
    TnObject *initial;      /* NULL once returned (or when not given) */
} AccumulateObject;

static TnObject *accumulate_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"iterable", "func", "initial", NULL};
    TnObject *a[3];
    if (nargs > 2)
        return tn_err_format(&tn_exc_TypeError, "accumulate() takes at most 2 positional arguments (%zd given)",
                             nargs);
    if (tn_args_parse("accumulate", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    AccumulateObject *acc = (AccumulateObject *)tn_object_new(type, (size_t)type->basicsize);
    if (acc == NULL) {
        tn_decref(it);
        return NULL;
    }
    acc->it = it;
    acc->binop = a[1] != NULL && a[1] != TN_NONE ? tn_newref(a[1]) : NULL;
    acc->initial = a[2] != NULL && a[2] != TN_NONE ? tn_newref(a[2]) : NULL;
    return TN_OBJ(acc);
}

static TnObject *accumulate_next_lock_held(TnObject *self)
{
    AccumulateObject *acc = (AccumulateObject *)self;
    if (acc->initial != NULL) {
        TnObject *init = acc->initial;
        acc->initial = NULL;
        set_field(&acc->total, tn_newref(init));
        return init;
    }
    TnObject *it = tn_newref(acc->it);
    TnObject *val = tn_iter_next(it);
    tn_decref(it);
    if (val == NULL)
        return NULL;
    if (acc->total == NULL) {
        acc->total = tn_newref(val);
        return val;
    }
    TnObject *total = tn_newref(acc->total);
    TnObject *newtotal;
    if (acc->binop == NULL) {
        newtotal = tn_number_binop(total, val, TN_OP_ADD);
    } else {
        TnObject *binop = tn_newref(acc->binop);
        TnObject *pair[2] = {total, val};
        newtotal = tn_call(binop, pair, 2, NULL);
        tn_decref(binop);
    }
    tn_decref(total);
    tn_decref(val);
    if (newtotal == NULL)
        return NULL;
    set_field(&acc->total, tn_newref(newtotal));
    return newtotal;
}
LOCKED_NEXT(accumulate)

static void accumulate_dealloc(TnObject *self)
{
    AccumulateObject *acc = (AccumulateObject *)self;
    TN_CLEAR(acc->it);
    TN_CLEAR(acc->binop);
    TN_CLEAR(acc->total);
    TN_CLEAR(acc->initial);
    tn_object_free(self);
}

static int accumulate_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    AccumulateObject *acc = (AccumulateObject *)self;
    VISIT(acc->it);
    VISIT(acc->binop);
    VISIT(acc->total);
    VISIT(acc->initial);
    return 0;
}

/* ======================================================================
 * chain(*iterables), chain.from_iterable(iterable)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *source;       /* iterator over the iterables; NULL: all consumed */
    TnObject *active;       /* the current iterable's iterator, or NULL */
} ChainObject;

static TnType chain_type;

static TnObject *chain_make(TnType *type, TnObject *source_steal)
{
    ChainObject *c = (ChainObject *)tn_object_new(type, (size_t)type->basicsize);
    if (c == NULL) {
        tn_decref(source_steal);
        return NULL;
    }
    c->source = source_steal;
    return TN_OBJ(c);
}

static TnObject *chain_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("chain", kwnames) < 0)
        return NULL;
    TnObject *t = tn_tuple_from_array(args, nargs);
    TnObject *source = t != NULL ? tn_object_get_iter(t) : NULL;
    tn_xdecref(t);
    return source != NULL ? chain_make(type, source) : NULL;
}

static TnObject *chain_from_iterable(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("chain.from_iterable", kwnames) < 0 || tn_args_count("chain.from_iterable", nargs, 1, 1) < 0)
        return NULL;
    TnObject *source = tn_object_get_iter(args[0]);
    return source != NULL ? chain_make((TnType *)cls, source) : NULL;
}

/* Drop `field` if it still holds `expected` (a section may have been
 * suspended while we used it, and another thread replaced it). */
static void clear_if_same(TnObject **field, TnObject *expected)
{
    if (*field == expected)
        TN_CLEAR(*field);
}

static TnObject *chain_next_lock_held(TnObject *self)
{
    ChainObject *c = (ChainObject *)self;
    while (c->source != NULL) {
        if (c->active == NULL) {
            TnObject *source = tn_newref(c->source);
            TnObject *iterable = tn_iter_next(source);
            if (iterable == NULL) {
                clear_if_same(&c->source, source);
                tn_decref(source);
                return NULL;
            }
            TnObject *active = tn_object_get_iter(iterable);
            tn_decref(iterable);
            if (active == NULL) {
                clear_if_same(&c->source, source);
                tn_decref(source);
                return NULL;
            }
            tn_decref(source);
            set_field(&c->active, active);
        }
        TnObject *active = tn_newref(c->active);
        TnObject *item = tn_iter_next(active);
        if (item != NULL) {
            tn_decref(active);
            return item;
        }
        if (tn_err_occurred() != NULL) {
            tn_decref(active);
            return NULL;
        }
        clear_if_same(&c->active, active);
        tn_decref(active);
    }
    return NULL;
}
LOCKED_NEXT(chain)

DEALLOC_TRAVERSE2(chain, ChainObject, source, active)

static const TnMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, TN_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {NULL, NULL, 0, NULL},
};

/* ======================================================================
 * compress(data, selectors)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *data;
    TnObject *selectors;
} CompressObject;

static TnObject *compress_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"data", "selectors", NULL};
    TnObject *a[2];
    if (tn_args_parse("compress", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    TnObject *data = tn_object_get_iter(a[0]);
    TnObject *selectors = data != NULL ? tn_object_get_iter(a[1]) : NULL;
    CompressObject *c = selectors != NULL ? (CompressObject *)tn_object_new(type, (size_t)type->basicsize) : NULL;
    if (c == NULL) {
        tn_xdecref(data);
        tn_xdecref(selectors);
        return NULL;
    }
    c->data = data;
    c->selectors = selectors;
    return TN_OBJ(c);
}

static TnObject *compress_next_lock_held(TnObject *self)
{
    CompressObject *c = (CompressObject *)self;
    for (;;) {
        TnObject *datum = tn_iter_next(c->data);
        if (datum == NULL)
            return NULL;
        TnObject *selector = tn_iter_next(c->selectors);
        if (selector == NULL) {
            tn_decref(datum);
            return NULL;
        }
        int ok = tn_object_is_true(selector);
        tn_decref(selector);
        if (ok > 0)
            return datum;
        tn_decref(datum);
        if (ok < 0)
            return NULL;
    }
}
LOCKED_NEXT(compress)

DEALLOC_TRAVERSE2(compress, CompressObject, data, selectors)

/* ======================================================================
 * dropwhile, takewhile, filterfalse, starmap: (function, iterable)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *func;
    TnObject *it;
    bool flag;              /* dropwhile: dropping done; takewhile: stopped */
} FuncIterObject;

static TnObject *funciter_make(TnType *type, const char *name, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    if (tn_args_no_kw(name, kwnames) < 0 || check_positional(name, nargs, 2, 2) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[1]);
    if (it == NULL)
        return NULL;
    FuncIterObject *f = (FuncIterObject *)tn_object_new(type, (size_t)type->basicsize);
    if (f == NULL) {
        tn_decref(it);
        return NULL;
    }
    f->func = tn_newref(args[0]);
    f->it = it;
    return TN_OBJ(f);
}

/* func(item) is true: 1 / 0 / -1 (func None: the item's own truth). */
static int funciter_test(FuncIterObject *f, TnObject *item)
{
    if (f->func == TN_NONE)
        return tn_object_is_true(item);
    TnObject *good = tn_call_one(f->func, item);
    if (good == NULL)
        return -1;
    int ok = tn_object_is_true(good);
    tn_decref(good);
    return ok;
}

static TnObject *dropwhile_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return funciter_make(type, "dropwhile", args, nargs, kwnames);
}

static TnObject *dropwhile_next_lock_held(TnObject *self)
{
    FuncIterObject *f = (FuncIterObject *)self;
    for (;;) {
        TnObject *item = tn_iter_next(f->it);
        if (item == NULL || f->flag)
            return item;
        /* dropwhile calls the predicate even for None (TypeError), as CPython. */
        TnObject *good = tn_call_one(f->func, item);
        int ok = good != NULL ? tn_object_is_true(good) : -1;
        tn_xdecref(good);
        if (ok == 0) {
            f->flag = true;
            return item;
        }
        tn_decref(item);
        if (ok < 0)
            return NULL;
    }
}
LOCKED_NEXT(dropwhile)

static TnObject *takewhile_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return funciter_make(type, "takewhile", args, nargs, kwnames);
}

static TnObject *takewhile_next_lock_held(TnObject *self)
{
    FuncIterObject *f = (FuncIterObject *)self;
    if (f->flag)
        return NULL;
    TnObject *item = tn_iter_next(f->it);
    if (item == NULL)
        return NULL;
    TnObject *good = tn_call_one(f->func, item);
    int ok = good != NULL ? tn_object_is_true(good) : -1;
    tn_xdecref(good);
    if (ok > 0)
        return item;
    tn_decref(item);
    if (ok == 0)
        f->flag = true;
    return NULL;
}
LOCKED_NEXT(takewhile)

static TnObject *filterfalse_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return funciter_make(type, "filterfalse", args, nargs, kwnames);
}

static TnObject *filterfalse_next_lock_held(TnObject *self)
{
    FuncIterObject *f = (FuncIterObject *)self;
    for (;;) {
        TnObject *item = tn_iter_next(f->it);
        if (item == NULL)
            return NULL;
        int ok = funciter_test(f, item);
        if (ok == 0)
            return item;
        tn_decref(item);
        if (ok < 0)
            return NULL;
    }
}
LOCKED_NEXT(filterfalse)

static TnObject *starmap_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return funciter_make(type, "starmap", args, nargs, kwnames);
}

static TnObject *starmap_next_lock_held(TnObject *self)
{
    FuncIterObject *f = (FuncIterObject *)self;
    TnObject *args = tn_iter_next(f->it);
    if (args == NULL)
        return NULL;
    if (!tn_tuple_check_exact(args)) {
        TnObject *t = tn_tuple_from_iterable(args);
        tn_decref(args);
        if (t == NULL)
            return NULL;
        args = t;
    }
    TnObject *res = tn_call(f->func, tn_tuple_items(args), tn_tuple_size(args), NULL);
    tn_decref(args);
    return res;
}
LOCKED_NEXT(starmap)

DEALLOC_TRAVERSE2(funciter, FuncIterObject, func, it)

/* ======================================================================
 * pairwise(iterable)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *it;           /* NULL once exhausted */
    TnObject *old;          /* the previous item, or NULL */
} PairwiseObject;

static TnObject *pairwise_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("pairwise", kwnames) < 0 || check_positional("pairwise", nargs, 1, 1) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    PairwiseObject *p = (PairwiseObject *)tn_object_new(type, (size_t)type->basicsize);
    if (p == NULL) {
        tn_decref(it);
        return NULL;
    }
    p->it = it;
    return TN_OBJ(p);
}

static TnObject *pairwise_next_lock_held(TnObject *self)
{
    PairwiseObject *p = (PairwiseObject *)self;
    TnObject *it = field_ref(p->it);
    if (it == NULL)
        return NULL;
    if (p->old == NULL) {
        TnObject *first = tn_iter_next(it);
        if (first == NULL) {
            clear_if_same(&p->it, it);
            tn_decref(it);
            return NULL;
        }
        set_field(&p->old, first);
    }
    TnObject *new_ = tn_iter_next(it);
    if (new_ == NULL) {
        clear_if_same(&p->it, it);
        TN_CLEAR(p->old);
        tn_decref(it);
        return NULL;
    }
    tn_decref(it);
    TnObject *old = p->old;
    if (old == NULL) {   /* another thread exhausted it meanwhile */
        tn_decref(new_);
        return NULL;
    }
    TnObject *res = tn_tuple_pack(2, old, new_);
    set_field(&p->old, new_);
    return res;
}
LOCKED_NEXT(pairwise)

DEALLOC_TRAVERSE2(pairwise, PairwiseObject, it, old)

/* ======================================================================
 * groupby(iterable, key=None) and its _grouper
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *it;
    TnObject *keyfunc;      /* None: the identity */
    TnObject *tgtkey;       /* the key of the current group */
    TnObject *currkey;      /* the key of currvalue */
    TnObject *currvalue;    /* the item read ahead, or NULL */
    const void *currgrouper;  /* the grouper that may still iterate (identity only) */
} GroupbyObject;

typedef struct {
    TnObject ob;
    TnObject *parent;       /* the groupby object */
    TnObject *tgtkey;
} GrouperObject;

static TnType grouper_type, groupby_type;

static TnObject *groupby_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"iterable", "key", NULL};
    TnObject *a[2];
    if (tn_args_parse("groupby", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    GroupbyObject *g = (GroupbyObject *)tn_object_new(type, (size_t)type->basicsize);
    if (g == NULL) {
        tn_decref(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = tn_newref(a[1] != NULL ? a[1] : TN_NONE);
    return TN_OBJ(g);
}

/* Read the next item and its key into currvalue/currkey.  0 / -1 (also
 * at the end, without an exception).  Lock held (the groupby's). */
static int groupby_step_lock_held(GroupbyObject *g)
{
    TnObject *value = tn_iter_next(g->it);
    if (value == NULL)
        return -1;
    TnObject *key;
    if (g->keyfunc == TN_NONE) {
        key = tn_newref(value);
    } else {
        key = tn_call_one(g->keyfunc, value);
        if (key == NULL) {
            tn_decref(value);
            return -1;
        }
    }
    set_field(&g->currvalue, value);
    set_field(&g->currkey, key);
    return 0;
}

/* tgtkey == currkey, on references taken first (__eq__ may run anything). */
static int keys_equal(TnObject *tgtkey, TnObject *currkey)
{
    TnObject *a = tn_newref(tgtkey), *b = tn_newref(currkey);
    int r = tn_object_richcompare_bool(a, b, TN_EQ);
    tn_decref(a);
    tn_decref(b);
    return r;
}

static TnObject *groupby_next_lock_held(TnObject *self)
{
    GroupbyObject *g = (GroupbyObject *)self;
    g->currgrouper = NULL;
    /* Skip the rest of the current group. */
    for (;;) {
        if (g->currkey != NULL) {
            if (g->tgtkey == NULL)
                break;
            int eq = keys_equal(g->tgtkey, g->currkey);
            if (eq < 0)
                return NULL;
            if (eq == 0 && g->currkey != NULL)
                break;
        }
        if (groupby_step_lock_held(g) < 0)
            return NULL;
    }
    TnObject *key = tn_newref(g->currkey);
    set_field(&g->tgtkey, tn_newref(key));
    GrouperObject *gr = (GrouperObject *)tn_object_new(&grouper_type, sizeof(GrouperObject));
    if (gr == NULL) {
        tn_decref(key);
        return NULL;
    }
    gr->parent = tn_newref(self);
    gr->tgtkey = tn_newref(key);
    g->currgrouper = gr;
    TnObject *res = tn_tuple_pack(2, key, TN_OBJ(gr));
    tn_decref(key);
    tn_decref(TN_OBJ(gr));
    return res;
}
LOCKED_NEXT(groupby)

static void groupby_dealloc(TnObject *self)
{
    GroupbyObject *g = (GroupbyObject *)self;
    TN_CLEAR(g->it);
    TN_CLEAR(g->keyfunc);
    TN_CLEAR(g->tgtkey);
    TN_CLEAR(g->currkey);
    TN_CLEAR(g->currvalue);
    tn_object_free(self);
}

static int groupby_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    GroupbyObject *g = (GroupbyObject *)self;
    VISIT(g->it);
    VISIT(g->keyfunc);
    VISIT(g->tgtkey);
    VISIT(g->currkey);
    VISIT(g->currvalue);
    return 0;
}

/* The grouper steps its parent's state: inside the parent's section.  It
 * yields only while it is the parent's current grouper. */
static TnObject *grouper_next_lock_held(GrouperObject *gr)
{
    GroupbyObject *g = (GroupbyObject *)gr->parent;
    if (g->currgrouper != gr)
        return NULL;
    if (g->currvalue == NULL && groupby_step_lock_held(g) < 0)
        return NULL;
    if (g->currkey == NULL)
        return NULL;
    int eq = keys_equal(gr->tgtkey, g->currkey);
    if (eq <= 0 || g->currvalue == NULL)
        return NULL;
    TnObject *r = g->currvalue;
    g->currvalue = NULL;
    TN_CLEAR(g->currkey);
    return r;
}

static TnObject *grouper_next(TnObject *self)
{
    GrouperObject *gr = (GrouperObject *)self;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(gr->parent);
    r = grouper_next_lock_held(gr);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *grouper_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_grouper", kwnames) < 0 || check_positional("_grouper", nargs, 2, 2) < 0)
        return NULL;
    if (!tn_object_type_check(args[0], &groupby_type))
        return tn_err_format(&tn_exc_TypeError, "_grouper() argument 1 must be itertools.groupby, not %s",
                             tn_type_name(tn_type(args[0])));
    GrouperObject *gr = (GrouperObject *)tn_object_new(type, (size_t)type->basicsize);
    if (gr == NULL)
        return NULL;
    gr->parent = tn_newref(args[0]);
    gr->tgtkey = tn_newref(args[1]);
    return TN_OBJ(gr);
}

DEALLOC_TRAVERSE2(grouper, GrouperObject, parent, tgtkey)

/* ======================================================================
 * islice(iterable, stop) / islice(iterable, start, stop[, step])
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *it;           /* NULL once done */
    tn_ssize_t next;        /* index of the next item to return */
    tn_ssize_t stop;        /* -1: no stop */
    tn_ssize_t step;
    tn_ssize_t cnt;         /* items consumed */
} IsliceObject;

/* An islice bound: None, or an index (__index__) as CPython's
 * PyNumber_AsSsize_t(x, OverflowError); -1 with the error cleared when it
 * is neither (the caller raises islice's ValueError). */
static tn_ssize_t islice_bound(TnObject *v, tn_ssize_t if_none)
{
    if (v == NULL || v == TN_NONE)
        return if_none;
    tn_ssize_t r = tn_number_as_ssize(v, &tn_exc_OverflowError);
    if (r == -1 && tn_err_occurred() != NULL)
        tn_err_clear();
    return r;
}

static const char islice_stop_msg[] =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

static TnObject *islice_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("islice", kwnames) < 0 || check_positional("islice", nargs, 2, 4) < 0)
        return NULL;
    tn_ssize_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        stop = islice_bound(args[1], -1);
        if (stop == -1 && args[1] != TN_NONE)
            return tn_err_format(&tn_exc_ValueError, "%s", islice_stop_msg);
    } else {
        start = islice_bound(args[1], 0);
        stop = islice_bound(args[2], -1);
        if (stop == -1 && args[2] != TN_NONE)
            return tn_err_format(&tn_exc_ValueError, "%s", islice_stop_msg);
    }
    if (start < 0 || stop < -1)
        return tn_err_format(&tn_exc_ValueError,
                             "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (nargs == 4) {
        step = islice_bound(args[3], 1);
        if (step < 1)
            return tn_err_format(&tn_exc_ValueError, "Step for islice() must be a positive integer or None.");
    }
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    IsliceObject *s = (IsliceObject *)tn_object_new(type, (size_t)type->basicsize);
    if (s == NULL) {
        tn_decref(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return TN_OBJ(s);
}

static TnObject *islice_next_lock_held(TnObject *self)
{
    IsliceObject *s = (IsliceObject *)self;
    TnObject *it = field_ref(s->it);
    if (it == NULL)
        return NULL;
    TnObject *item;
    while (s->cnt < s->next) {
        item = tn_iter_next(it);
        if (item == NULL)
            goto empty;
        tn_decref(item);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop)
        goto empty;
    item = tn_iter_next(it);
    if (item == NULL)
        goto empty;
    tn_decref(it);
    s->cnt++;
    tn_ssize_t oldnext = s->next;
    s->next = (tn_ssize_t)((size_t)s->next + (size_t)s->step);   /* no signed overflow */
    if (s->next < oldnext || (s->stop != -1 && s->next > s->stop))
        s->next = s->stop;
    return item;
empty:
    clear_if_same(&s->it, it);
    tn_decref(it);
    return NULL;
}
LOCKED_NEXT(islice)

static void islice_dealloc(TnObject *self)
{
    TN_CLEAR(((IsliceObject *)self)->it);
    tn_object_free(self);
}

static int islice_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    VISIT(((IsliceObject *)self)->it);
    return 0;
}

/* ======================================================================
 * tee(iterable, n=2): _tee iterators over a shared _tee_dataobject chain
 * ====================================================================== */

#define TEE_LINKCELLS 57

/* One link of the buffer: up to TEE_LINKCELLS items read from the source,
 * then the next link.  The links of one family of tees (made by one tee()
 * or _tee() and their copies) are read and filled only under the family's
 * lock. */
typedef struct {
    TnObject ob;
    TnObject *it;           /* the source iterator (shared by every link) */
    int numread;            /* cells filled */
    bool running;           /* the source is being read (re-entry check) */
    TnObject *nextlink;     /* the next link, made on demand */
    TnObject *values[TEE_LINKCELLS];
} TeeDataObject;

/* A tee iterator.  `lock` is a bare object shared by the family, whose
 * critical section guards every tee and link of the family: a tee's index
 * and link, and the cells, change together, so threads sharing tees see the
 * source's items as some serial order of their calls would.  (Not while the
 * source itself blocks: the section is then suspended, and another thread
 * stepping the family meanwhile gets "cannot re-enter the tee iterator",
 * CPython's answer to re-entry.)  A link cannot hold the lock: the first
 * links of the chain die as the tees move on. */
typedef struct {
    TnObject ob;
    TnObject *dataobj;      /* the current link */
    int index;              /* the next cell of it */
    TnObject *lock;         /* the family's lock object (never changes) */
} TeeObject;

static TnType teedata_type, tee_type;

static TnObject *teedata_new_for(TnObject *it)
{
    TeeDataObject *d = (TeeDataObject *)tn_object_new(&teedata_type, sizeof(TeeDataObject));
    if (d == NULL)
        return NULL;
    d->it = tn_newref(it);
    return TN_OBJ(d);
}

/* Cell i of the link (i <= numread), reading the source for a new one.
 * New ref; NULL at the end or on error.  The family's lock is held. */
static TnObject *teedata_getitem_lock_held(TeeDataObject *d, int i)
{
    if (i < d->numread)
        return tn_newref(d->values[i]);
    if (d->running)
        return tn_err_format(&tn_exc_RuntimeError, "cannot re-enter the tee iterator");
    d->running = true;
    TnObject *value = tn_iter_next(d->it);
    d->running = false;
    if (value == NULL)
        return NULL;
    d->values[d->numread++] = value;
    return tn_newref(value);
}

static void teedata_dealloc(TnObject *self)
{
    TeeDataObject *d = (TeeDataObject *)self;
    for (int i = 0; i < d->numread; i++)
        TN_CLEAR(d->values[i]);
    TN_CLEAR(d->it);
    TN_CLEAR(d->nextlink);
    tn_object_free(self);
}

static int teedata_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TeeDataObject *d = (TeeDataObject *)self;
    VISIT(d->it);
    for (int i = 0; i < d->numread; i++)
        VISIT(d->values[i]);
    VISIT(d->nextlink);
    return 0;
}

static TnObject *tee_next_lock_held(TeeObject *t)
{
    tn_critical_section_assert_held(t->lock);
    if (t->index >= TEE_LINKCELLS) {
        TeeDataObject *d = (TeeDataObject *)t->dataobj;
        if (d->nextlink == NULL && (d->nextlink = teedata_new_for(d->it)) == NULL)
            return NULL;
        set_field(&t->dataobj, tn_newref(d->nextlink));
        t->index = 0;
    }
    TnObject *link = tn_newref(t->dataobj);
    int index = t->index;
    TnObject *value = teedata_getitem_lock_held((TeeDataObject *)link, index);
    if (value != NULL && t->dataobj == link && t->index == index)
        t->index++;
    tn_decref(link);
    return value;
}

static TnObject *tee_next(TnObject *self)
{
    TeeObject *t = (TeeObject *)self;
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(t->lock);
    r = tee_next_lock_held(t);
    TN_END_CRITICAL_SECTION();
    return r;
}

static void tee_copy_state_lock_held(TeeObject *from, TeeObject *to)
{
    tn_critical_section_assert_held(from->lock);
    to->dataobj = tn_newref(from->dataobj);
    to->index = from->index;
}

static TnObject *tee_copy_of(TeeObject *t)
{
    TeeObject *c = (TeeObject *)tn_object_new(&tee_type, sizeof(TeeObject));
    if (c == NULL)
        return NULL;
    c->lock = tn_newref(t->lock);
    TN_BEGIN_CRITICAL_SECTION(t->lock);
    tee_copy_state_lock_held(t, c);
    TN_END_CRITICAL_SECTION();
    return TN_OBJ(c);
}

/* A _tee over iterable: a copy if its iterator already is a _tee. */
static TnObject *tee_fromiterable(TnObject *iterable)
{
    TnObject *it = tn_object_get_iter(iterable);
    if (it == NULL)
        return NULL;
    if (tn_type(it) == &tee_type) {
        TnObject *c = tee_copy_of((TeeObject *)it);
        tn_decref(it);
        return c;
    }
    TnObject *data = teedata_new_for(it);
    tn_decref(it);
    TnObject *lock = data != NULL ? tn_object_new(&tn_type_object, sizeof(TnObject)) : NULL;
    TeeObject *t = lock != NULL ? (TeeObject *)tn_object_new(&tee_type, sizeof(TeeObject)) : NULL;
    if (t == NULL) {
        tn_xdecref(data);
        tn_xdecref(lock);
        return NULL;
    }
    t->dataobj = data;
    t->lock = lock;
    return TN_OBJ(t);
}

static TnObject *tee_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_tee", kwnames) < 0 || check_positional("_tee", nargs, 1, 1) < 0)
        return NULL;
    return tee_fromiterable(args[0]);
}

static TnObject *tee_copy_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__copy__", kwnames) < 0 || tn_args_count("__copy__", nargs, 0, 0) < 0)
        return NULL;
    return tee_copy_of((TeeObject *)self);
}

static const TnMethodDef tee_methods[] = {
    {"__copy__", tee_copy_meth, 0, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

DEALLOC_TRAVERSE2(tee, TeeObject, dataobj, lock)

/* tee(iterable, n=2, /): n independent iterators; the first is the
 * iterable's own iterator when it can be copied (__copy__). */
static TnObject *itertools_tee(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("itertools.tee", kwnames) < 0 || check_positional("tee", nargs, 1, 2) < 0)
        return NULL;
    tn_ssize_t n = 2;
    if (nargs == 2 && ssize_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0)
        return tn_err_format(&tn_exc_ValueError, "n must be >= 0");
    TnObject *result = tn_tuple_new(n);
    if (result == NULL || n == 0)
        return result;
    for (tn_ssize_t i = 0; i < n; i++)
        tn_tuple_set_steal(result, i, tn_none_ref());
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        goto error;
    TnObject *copyfunc;
    int r = tn_object_lookup_attr(it, tn_str_intern_cstr("__copy__"), &copyfunc);
    if (r < 0) {
        tn_decref(it);
        goto error;
    }
    TnObject *copyable = it;
    if (r == 0) {
        copyable = tee_fromiterable(it);
        tn_decref(it);
        if (copyable == NULL)
            goto error;
        copyfunc = tn_object_getattr_cstr(copyable, "__copy__");
        if (copyfunc == NULL) {
            tn_decref(copyable);
            goto error;
        }
    }
    set_field(&tn_tuple_items(result)[0], copyable);
    for (tn_ssize_t i = 1; i < n; i++) {
        TnObject *c = tn_call_noargs(copyfunc);
        if (c == NULL) {
            tn_decref(copyfunc);
            goto error;
        }
        set_field(&tn_tuple_items(result)[i], c);
    }
    tn_decref(copyfunc);
    return result;
error:
    tn_decref(result);
    return NULL;
}

/* ======================================================================
 * zip_longest(*iterables, fillvalue=None)
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *ittuple;      /* the iterators; an exhausted one is replaced by None */
    tn_ssize_t numactive;
    TnObject *fillvalue;
} ZipLongestObject;

static TnObject *zip_longest_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *fillvalue = TN_NONE;
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    if (nkw > 0) {
        TnObject *kw = tn_tuple_get(kwnames, 0);
        if (nkw != 1 || !tn_str_check(kw) || !tn_str_eq_cstr(kw, "fillvalue"))
            return tn_err_format(&tn_exc_TypeError, "zip_longest() got an unexpected keyword argument");
        fillvalue = args[nargs];
    }
    TnObject *ittuple = tn_tuple_new(nargs);
    if (ittuple == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < nargs; i++)
        tn_tuple_set_steal(ittuple, i, tn_none_ref());
    for (tn_ssize_t i = 0; i < nargs; i++) {
        TnObject *it = tn_object_get_iter(args[i]);
        if (it == NULL) {
            tn_decref(ittuple);
            return NULL;
        }
        set_field(&tn_tuple_items(ittuple)[i], it);
    }
    ZipLongestObject *z = (ZipLongestObject *)tn_object_new(type, (size_t)type->basicsize);
    if (z == NULL) {
        tn_decref(ittuple);
        return NULL;
    }
    z->ittuple = ittuple;
    z->numactive = nargs;
    z->fillvalue = tn_newref(fillvalue);
    return TN_OBJ(z);
}

static TnObject *zip_longest_next_lock_held(TnObject *self)
{
    ZipLongestObject *z = (ZipLongestObject *)self;
    tn_ssize_t n = tn_tuple_size(z->ittuple);
    if (n == 0 || z->numactive == 0)
        return NULL;
    TnObject *result = tn_tuple_new(n);
    if (result == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++)
        tn_tuple_set_steal(result, i, tn_none_ref());
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *it = tn_newref(tn_tuple_get(z->ittuple, i));
        TnObject *item = NULL;
        if (it != TN_NONE) {
            item = tn_iter_next(it);
            if (item == NULL) {
                if (tn_err_occurred() != NULL || z->numactive <= 1) {
                    z->numactive = 0;
                    tn_decref(it);
                    tn_decref(result);
                    return NULL;
                }
                if (tn_tuple_get(z->ittuple, i) == it) {
                    z->numactive--;
                    set_field(&tn_tuple_items(z->ittuple)[i], tn_none_ref());
                }
            }
        }
        tn_decref(it);
        set_field(&tn_tuple_items(result)[i], item != NULL ? item : tn_newref(z->fillvalue));
    }
    return result;
}
LOCKED_NEXT(zip_longest)

DEALLOC_TRAVERSE2(zip_longest, ZipLongestObject, ittuple, fillvalue)

/* ======================================================================
 * The combinatoric iterators: product, combinations,
 * combinations_with_replacement, permutations.  Each keeps its indices
 * (and permutations its cycles) in one C array and builds a new result
 * tuple from them at every step.
 * ====================================================================== */

typedef struct {
    TnObject ob;
    TnObject *pools;        /* product: tuple of tuples; the others: one tuple */
    tn_ssize_t *indices;
    tn_ssize_t *cycles;     /* permutations only */
    tn_ssize_t r;           /* length of a result */
    bool started;           /* the first result was returned */
    bool stopped;
} CombObject;

static CombObject *comb_alloc(TnType *type, TnObject *pools_steal, tn_ssize_t r, tn_ssize_t nindices, bool cycles)
{
    CombObject *c = (CombObject *)tn_object_new(type, (size_t)type->basicsize);
    if (c == NULL) {
        tn_decref(pools_steal);
        return NULL;
    }
    c->pools = pools_steal;
    c->r = r;
    c->indices = tn_mem_alloc(sizeof(tn_ssize_t) * (size_t)(nindices > 0 ? nindices : 1));
    if (cycles)
        c->cycles = tn_mem_alloc(sizeof(tn_ssize_t) * (size_t)(r > 0 ? r : 1));
    if (c->indices == NULL || (cycles && c->cycles == NULL)) {
        tn_decref(TN_OBJ(c));
        tn_err_no_memory();
        return NULL;
    }
    for (tn_ssize_t i = 0; i < nindices; i++)
        c->indices[i] = i;
    return c;
}

static void comb_dealloc(TnObject *self)
{
    CombObject *c = (CombObject *)self;
    TN_CLEAR(c->pools);
    tn_mem_free(c->indices);
    tn_mem_free(c->cycles);
    tn_object_free(self);
}

static int comb_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    VISIT(((CombObject *)self)->pools);
    return 0;
}

/* (pool[indices[0]], ..., pool[indices[r-1]]) for one pool. */
static TnObject *comb_result(CombObject *c)
{
    TnObject *res = tn_tuple_new(c->r);
    if (res == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < c->r; i++)
        tn_tuple_set_steal(res, i, tn_newref(tn_tuple_get(c->pools, c->indices[i])));
    return res;
}

/* CPython's "r" argument of combinations and its relatives: an index,
 * not negative.  0 / -1. */
static int comb_r_arg(TnObject *v, tn_ssize_t *r)
{
    if (ssize_arg(v, r) < 0)
        return -1;
    if (*r < 0) {
        tn_err_format(&tn_exc_ValueError, "r must be non-negative");
        return -1;
    }
    return 0;
}

/* ---- product(*iterables, repeat=1) ---- */

static TnObject *product_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"repeat", NULL};
    TnObject *a[1];
    tn_ssize_t repeat = 1;
    if (tn_args_parse("product", args + nargs, 0, kwnames, names, 0, 0, a) < 0)
        return NULL;
    if (a[0] != NULL) {
        if (ssize_arg(a[0], &repeat) < 0)
            return NULL;
        if (repeat < 0)
            return tn_err_format(&tn_exc_ValueError, "repeat argument cannot be negative");
    }
    if (repeat == 0)
        nargs = 0;
    else if ((size_t)nargs > (size_t)INTPTR_MAX / sizeof(tn_ssize_t) / (size_t)repeat)
        return tn_err_format(&tn_exc_OverflowError, "repeat argument too large");
    tn_ssize_t npools = nargs * repeat;
    TnObject *pools = tn_tuple_new(npools);
    if (pools == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < npools; i++)
        tn_tuple_set_steal(pools, i, tn_none_ref());
    for (tn_ssize_t i = 0; i < nargs; i++) {
        TnObject *pool = tn_tuple_from_iterable(args[i]);
        if (pool == NULL) {
            tn_decref(pools);
            return NULL;
        }
        set_field(&tn_tuple_items(pools)[i], pool);
    }
    for (tn_ssize_t i = nargs; i < npools; i++)
        set_field(&tn_tuple_items(pools)[i], tn_newref(tn_tuple_get(pools, i - nargs)));
    CombObject *c = comb_alloc(type, pools, npools, npools, false);
    if (c == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < npools; i++)
        c->indices[i] = 0;
    return TN_OBJ(c);
}

static TnObject *product_result(CombObject *c)
{
    TnObject *res = tn_tuple_new(c->r);
    if (res == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < c->r; i++)
        tn_tuple_set_steal(res, i, tn_newref(tn_tuple_get(tn_tuple_get(c->pools, i), c->indices[i])));
    return res;
}

static TnObject *product_next_lock_held(TnObject *self)
{
    CombObject *c = (CombObject *)self;
    if (c->stopped)
        return NULL;
    tn_ssize_t npools = c->r;
    if (!c->started) {
        c->started = true;
        for (tn_ssize_t i = 0; i < npools; i++) {
            if (tn_tuple_size(tn_tuple_get(c->pools, i)) == 0) {
                c->stopped = true;
                return NULL;
            }
        }
        return product_result(c);
    }
    /* Advance the indices right to left, like an odometer. */
    tn_ssize_t i;
    for (i = npools - 1; i >= 0; i--) {
        if (++c->indices[i] < tn_tuple_size(tn_tuple_get(c->pools, i)))
            break;
        c->indices[i] = 0;
    }
    if (i < 0) {
        c->stopped = true;
        return NULL;
    }
    return product_result(c);
}
LOCKED_NEXT(product)

/* ---- combinations(iterable, r) ---- */

static TnObject *combinations_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"iterable", "r", NULL};
    TnObject *a[2];
    tn_ssize_t r;
    if (tn_args_parse("combinations", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    TnObject *pool = tn_tuple_from_iterable(a[0]);
    if (pool == NULL)
        return NULL;
    if (comb_r_arg(a[1], &r) < 0) {
        tn_decref(pool);
        return NULL;
    }
    CombObject *c = comb_alloc(type, pool, r, r, false);
    if (c != NULL && r > tn_tuple_size(c->pools))
        c->stopped = true;
    return TN_OBJ(c);
}

static TnObject *combinations_next_lock_held(TnObject *self)
{
    CombObject *c = (CombObject *)self;
    if (c->stopped)
        return NULL;
    tn_ssize_t n = tn_tuple_size(c->pools), r = c->r;
    if (c->started) {
        /* The rightmost index not at its maximum (i + n - r) moves up one;
         * the ones after it follow it. */
        tn_ssize_t i = r - 1;
        while (i >= 0 && c->indices[i] == i + n - r)
            i--;
        if (i < 0) {
            c->stopped = true;
            return NULL;
        }
        c->indices[i]++;
        for (tn_ssize_t j = i + 1; j < r; j++)
            c->indices[j] = c->indices[j - 1] + 1;
    }
    c->started = true;
    return comb_result(c);
}
LOCKED_NEXT(combinations)

/* ---- combinations_with_replacement(iterable, r) ---- */

static TnObject *cwr_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"iterable", "r", NULL};
    TnObject *a[2];
    tn_ssize_t r;
    if (tn_args_parse("combinations_with_replacement", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    TnObject *pool = tn_tuple_from_iterable(a[0]);
    if (pool == NULL)
        return NULL;
    if (comb_r_arg(a[1], &r) < 0) {
        tn_decref(pool);
        return NULL;
    }
    CombObject *c = comb_alloc(type, pool, r, r, false);
    if (c == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < r; i++)
        c->indices[i] = 0;
    if (tn_tuple_size(c->pools) == 0 && r > 0)
        c->stopped = true;
    return TN_OBJ(c);
}

static TnObject *cwr_next_lock_held(TnObject *self)
{
    CombObject *c = (CombObject *)self;
    if (c->stopped)
        return NULL;
    tn_ssize_t n = tn_tuple_size(c->pools), r = c->r;
    if (c->started) {
        /* The rightmost index below n-1 moves up one; the ones after it
         * take its new value. */
        tn_ssize_t i = r - 1;
        while (i >= 0 && c->indices[i] == n - 1)
            i--;
        if (i < 0) {
            c->stopped = true;
            return NULL;
        }
        tn_ssize_t index = c->indices[i] + 1;
        for (tn_ssize_t j = i; j < r; j++)
            c->indices[j] = index;
    }
    c->started = true;
    return comb_result(c);
}
LOCKED_NEXT(cwr)

/* ---- permutations(iterable, r=None) ---- */

static TnObject *permutations_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"iterable", "r", NULL};
    TnObject *a[2];
    if (tn_args_parse("permutations", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    TnObject *pool = tn_tuple_from_iterable(a[0]);
    if (pool == NULL)
        return NULL;
    tn_ssize_t n = tn_tuple_size(pool), r = n;
    if (a[1] != NULL && a[1] != TN_NONE) {
        if (!tn_int_check(a[1])) {
            tn_decref(pool);
            return tn_err_format(&tn_exc_TypeError, "Expected int as r");
        }
        r = tn_int_as_ssize(a[1]);
        if (r == -1 && tn_err_occurred() != NULL) {
            tn_decref(pool);
            return NULL;
        }
        if (r < 0) {
            tn_decref(pool);
            return tn_err_format(&tn_exc_ValueError, "r must be non-negative");
        }
    }
    CombObject *c = comb_alloc(type, pool, r, n, true);
    if (c == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < r; i++)
        c->cycles[i] = n - i;
    if (r > n)
        c->stopped = true;
    return TN_OBJ(c);
}

static TnObject *permutations_next_lock_held(TnObject *self)
{
    CombObject *c = (CombObject *)self;
    if (c->stopped)
        return NULL;
    tn_ssize_t n = tn_tuple_size(c->pools), r = c->r;
    if (c->started) {
        if (n == 0) {
            c->stopped = true;
            return NULL;
        }
        /* Decrement the rightmost cycle, moving left when it rolls over. */
        tn_ssize_t i;
        for (i = r - 1; i >= 0; i--) {
            if (--c->cycles[i] == 0) {
                /* indices[i:] = indices[i+1:] + indices[i:i+1] */
                tn_ssize_t index = c->indices[i];
                for (tn_ssize_t j = i; j < n - 1; j++)
                    c->indices[j] = c->indices[j + 1];
                c->indices[n - 1] = index;
                c->cycles[i] = n - i;
            } else {
                tn_ssize_t j = c->cycles[i];
                tn_ssize_t index = c->indices[i];
                c->indices[i] = c->indices[n - j];
                c->indices[n - j] = index;
                break;
            }
        }
        if (i < 0) {
            c->stopped = true;
            return NULL;
        }
    }
    c->started = true;
    return comb_result(c);
}
LOCKED_NEXT(permutations)

/* ======================================================================
 * The types and the module
 * ====================================================================== */

#define ITER_TYPE(var, tname, obj, newf, nextf, deallocf, traversef, docstr)   \
    static TnType var = {                                                     \
        .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),                           \
        .name = tname,                                                        \
        .basicsize = sizeof(obj),                                             \
        .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,                    \
        .dealloc = deallocf,                                                  \
        .getattro = tn_object_generic_getattr,                                \
        .iter = self_iter,                                                    \
        .iternext = nextf,                                                    \
        .new_ = newf,                                                         \
        .traverse = traversef,                                                \
        .doc = docstr,                                                        \
    };

static TnType count_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "itertools.count",
    .basicsize = sizeof(CountObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = count_dealloc,
    .repr = count_repr,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = count_next,
    .new_ = count_new,
    .traverse = count_traverse,
    .doc = "Return a count object whose .__next__() method returns consecutive values.",
};

static TnType repeat_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "itertools.repeat",
    .basicsize = sizeof(RepeatObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = repeat_dealloc,
    .repr = repeat_repr,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = repeat_next,
    .new_ = repeat_new,
    .methods = repeat_methods,
    .traverse = repeat_traverse,
    .doc = "repeat(object [,times]) -> create an iterator which returns the object\n"
           "for the specified number of times.  If not specified, returns the object\nendlessly.",
};

static TnType chain_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "itertools.chain",
    .basicsize = sizeof(ChainObject),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = chain_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = chain_next,
    .new_ = chain_new,
    .methods = chain_methods,
    .traverse = chain_traverse,
    .doc = "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns "
           "elements from the\nfirst iterable until it is exhausted, then elements from the next\n"
           "iterable, until all of the iterables are exhausted.",
};

static TnType tee_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "itertools._tee",
    .basicsize = sizeof(TeeObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = tee_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = tee_next,
    .new_ = tee_new,
    .methods = tee_methods,
    .traverse = tee_traverse,
    .doc = "Iterator wrapped to make it copyable.",
};

static TnType teedata_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "itertools._tee_dataobject",
    .basicsize = sizeof(TeeDataObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = teedata_dealloc,
    .getattro = tn_object_generic_getattr,
    .traverse = teedata_traverse,
    .doc = "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.",
};

static TnType grouper_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "itertools._grouper",
    .basicsize = sizeof(GrouperObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = grouper_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = grouper_next,
    .new_ = grouper_new,
    .traverse = grouper_traverse,
};

ITER_TYPE(cycle_type, "itertools.cycle", CycleObject, cycle_new, cycle_next, cycle_dealloc, cycle_traverse,
          "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.")
ITER_TYPE(accumulate_type, "itertools.accumulate", AccumulateObject, accumulate_new, accumulate_next,
          accumulate_dealloc, accumulate_traverse, "Return series of accumulated sums (or other binary function results).")
ITER_TYPE(compress_type, "itertools.compress", CompressObject, compress_new, compress_next, compress_dealloc,
          compress_traverse, "Return data elements corresponding to true selector elements.")
ITER_TYPE(dropwhile_type, "itertools.dropwhile", FuncIterObject, dropwhile_new, dropwhile_next, funciter_dealloc,
          funciter_traverse, "Drop items from the iterable while predicate(item) is true.")
ITER_TYPE(takewhile_type, "itertools.takewhile", FuncIterObject, takewhile_new, takewhile_next, funciter_dealloc,
          funciter_traverse, "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.")
ITER_TYPE(filterfalse_type, "itertools.filterfalse", FuncIterObject, filterfalse_new, filterfalse_next,
          funciter_dealloc, funciter_traverse, "Return those items of iterable for which function(item) is false.")
ITER_TYPE(starmap_type, "itertools.starmap", FuncIterObject, starmap_new, starmap_next, funciter_dealloc,
          funciter_traverse, "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.")
ITER_TYPE(groupby_type, "itertools.groupby", GroupbyObject, groupby_new, groupby_next, groupby_dealloc,
          groupby_traverse, "make an iterator that returns consecutive keys and groups from the iterable")
ITER_TYPE(islice_type, "itertools.islice", IsliceObject, islice_new, islice_next, islice_dealloc, islice_traverse,
          "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object")
ITER_TYPE(pairwise_type, "itertools.pairwise", PairwiseObject, pairwise_new, pairwise_next, pairwise_dealloc,
          pairwise_traverse, "Return an iterator of overlapping pairs taken from the input iterator.")
ITER_TYPE(zip_longest_type, "itertools.zip_longest", ZipLongestObject, zip_longest_new, zip_longest_next,
          zip_longest_dealloc, zip_longest_traverse,
          "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object")
ITER_TYPE(product_type, "itertools.product", CombObject, product_new, product_next, comb_dealloc, comb_traverse,
          "product(*iterables, repeat=1) --> product object")
ITER_TYPE(combinations_type, "itertools.combinations", CombObject, combinations_new, combinations_next,
          comb_dealloc, comb_traverse, "Return successive r-length combinations of elements in the iterable.")
ITER_TYPE(cwr_type, "itertools.combinations_with_replacement", CombObject, cwr_new, cwr_next, comb_dealloc,
          comb_traverse, "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.")
ITER_TYPE(permutations_type, "itertools.permutations", CombObject, permutations_new, permutations_next,
          comb_dealloc, comb_traverse, "Return successive r-length permutations of elements in the iterable.")

static const TnMethodDef itertools_functions[] = {
    {"tee", itertools_tee, 0, "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_itertools_module_create(void)
{
    /* In the order of CPython's module (its __dict__ order). */
    TnType *const types[] = {
        &accumulate_type, &combinations_type, &cwr_type, &cycle_type, &dropwhile_type, &takewhile_type,
        &islice_type, &starmap_type, &chain_type, &compress_type, &filterfalse_type, &count_type,
        &zip_longest_type, &pairwise_type, &permutations_type, &product_type, &repeat_type, &groupby_type,
        &grouper_type, &tee_type, &teedata_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (tn_type_ready(types[i]) < 0)
            return NULL;
    TnObject *m = tn_module_new("itertools");
    if (m == NULL || tn_module_add_functions(m, itertools_functions) < 0)
        goto error;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        const char *dot = strrchr(types[i]->name, '.');
        if (tn_module_add_object(m, dot + 1, TN_OBJ(types[i])) < 0)
            goto error;
    }
    return m;
error:
    tn_xdecref(m);
    return NULL;
}
