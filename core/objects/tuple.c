/* core/objects/tuple.c — tuple and tuple_iterator.
 *
 * A tuple stores its items inline after the header and never changes after
 * it has been handed out, so reads need no critical section.  The empty
 * tuple is one immortal static object.  hash() is CPython 3.11's tuplehash
 * bit for bit, so that hash values (and thus set/dict orders that depend on
 * them) match CPython.
 */
#include "core/tn.h"
#include "gc/gc.h"
#include "core/objects/repr_guard.h"

static TnTuple empty_tuple = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_tuple),
    .size = 0,
};

/* ---- construction -------------------------------------------------------- */

/* A tuple of type tp (tuple or a subclass) with n NULL items.  New ref or
 * NULL + MemoryError.  n == 0 of exact tuple gives the singleton. */
static TnObject *tuple_alloc(TnType *tp, tn_ssize_t n)
{
    if (n < 0) {
        tn_err_bad_internal_call("tuple_alloc");
        return NULL;
    }
    if (n == 0 && tp == &tn_type_tuple)
        return TN_OBJ(&empty_tuple);
    if (n <= TN_TUPLE_FREELIST_SIZES && tp == &tn_type_tuple) {
        /* The free list holds the blocks' starts, so that releasing them
         * frees what was allocated (the gc links come first, gc/gc.h). */
        char *mem = tn_freelist_pop(&tn_tstate()->tuple_freelists[n]);
        if (mem != NULL) {
            TnObject *op = (TnObject *)(mem + TN_GC_PRE_SIZE);
            tn_object_init(op, tp);
            ((TnTuple *)op)->size = n;
            memset(((TnTuple *)op)->items, 0, sizeof(TnObject *) * (size_t)n);
            tn_gc_on_alloc(op);
            return op;
        }
    }
    size_t items_size, base = sizeof(TnTuple);
    if (tp->basicsize > (tn_ssize_t)base)
        base = (size_t)tp->basicsize;
    if (tn_mem_mul((size_t)n, sizeof(TnObject *), &items_size) || items_size + base > TN_MEM_MAX_REQUEST)
        return tn_err_no_memory();
    TnObject *op = tn_object_new(tp, base + items_size);
    if (op == NULL)
        return NULL;
    ((TnTuple *)op)->size = n;
    return op;
}

TnObject *tn_tuple_new(tn_ssize_t n)
{
    return tuple_alloc(&tn_type_tuple, n);
}

TnObject *tn_tuple_from_array(TnObject *const *items, tn_ssize_t n)
{
    TnObject *t = tn_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++)
        tn_tuple_set_steal(t, i, tn_newref(items[i]));
    return t;
}

TnObject *tn_tuple_pack(tn_ssize_t n, ...)
{
    TnObject *t = tn_tuple_new(n);
    if (t == NULL)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (tn_ssize_t i = 0; i < n; i++)
        tn_tuple_set_steal(t, i, tn_newref(va_arg(ap, TnObject *)));
    va_end(ap);
    return t;
}

/* tuple(iterable) for the exact tuple type.  New ref or NULL. */
TnObject *tn_tuple_from_iterable(TnObject *iterable)
{
    /* Subclasses may override __iter__: only exact types take the shortcut. */
    if (tn_tuple_check_exact(iterable))
        return tn_newref(iterable);
    if (tn_list_check_exact(iterable))
        return tn_list_as_tuple(iterable);
    TnObject *list = tn_list_from_iterable(iterable);
    if (list == NULL)
        return NULL;
    TnObject *t = tn_list_as_tuple(list);
    tn_decref(list);
    return t;
}

/* t[start:stop] with CPython's clipping (tuple_slice); the whole of an exact
 * tuple is t itself. */
TnObject *tn_tuple_slice(TnObject *t, tn_ssize_t start, tn_ssize_t stop)
{
    tn_ssize_t n = tn_tuple_size(t);
    if (start < 0)
        start = 0;
    if (stop > n)
        stop = n;
    if (stop < start)
        stop = start;
    if (start == 0 && stop == n && tn_tuple_check_exact(t))
        return tn_newref(t);
    return tn_tuple_from_array(tn_tuple_items(t) + start, stop - start);
}

/* ---- hash ------------------------------------------------------------------ */

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static inline uint64_t hash_step(uint64_t acc, uint64_t lane)
{
    acc += lane * XXPRIME_2;
    acc = XXROTATE(acc);
    return acc * XXPRIME_1;
}

static inline tn_hash_t hash_finish(uint64_t acc, tn_ssize_t len)
{
    /* Add the length, mangled to keep the historical value of hash(()). */
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (tn_hash_t)acc;
}

tn_hash_t tn_tuple_hash_from_lanes(const tn_hash_t *lanes, tn_ssize_t n)
{
    uint64_t acc = XXPRIME_5;
    for (tn_ssize_t i = 0; i < n; i++)
        acc = hash_step(acc, (uint64_t)lanes[i]);
    return hash_finish(acc, n);
}

/* hash of a tuple item.  Nested tuples recurse through the recursion guard
 * so that absurdly deep nesting raises RecursionError instead of
 * overflowing the C stack. */
static tn_hash_t item_hash(TnObject *item)
{
    if (!tn_tuple_check(item))
        return tn_object_hash(item);
    if (tn_enter_recursive_call(" while hashing a tuple") < 0)
        return -1;
    tn_hash_t h = tn_object_hash(item);
    tn_leave_recursive_call();
    return h;
}

static tn_hash_t tuple_hash(TnObject *self)
{
    tn_ssize_t n = tn_tuple_size(self);
    uint64_t acc = XXPRIME_5;
    for (tn_ssize_t i = 0; i < n; i++) {
        tn_hash_t lane = item_hash(tn_tuple_get(self, i));
        if (lane == -1)
            return -1;
        acc = hash_step(acc, (uint64_t)lane);
    }
    return hash_finish(acc, n);
}

/* ---- slots ------------------------------------------------------------------- */

static void tuple_dealloc(TnObject *self)
{
    tn_ssize_t n = tn_tuple_size(self);
    tn_xdecref_array(tn_tuple_items(self), n);
    if (n > 0 && n <= TN_TUPLE_FREELIST_SIZES && tn_tuple_check_exact(self)
        && tn_freelist_push(&tn_tstate()->tuple_freelists[n], (char *)self - TN_GC_PRE_SIZE))
        return;
    tn_object_free(self);
}

static int tuple_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    for (tn_ssize_t i = tn_tuple_size(self); --i >= 0;) {
        TnObject *v = tn_tuple_get(self, i);
        if (v != NULL) {
            int r = visit(v, arg);
            if (r != 0)
                return r;
        }
    }
    return 0;
}

/* "(1, 2)", "(1,)", "()"; "(...)" for a tuple reached again through its own
 * items' reprs. */
static TnObject *tuple_repr(TnObject *self)
{
    tn_ssize_t n = tn_tuple_size(self);
    if (n == 0)
        return tn_str_from_cstr("()");
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("(...)") : NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    int err = tn_strw_putc(&w, '(');
    for (tn_ssize_t i = 0; i < n && err == 0; i++) {
        if (i > 0)
            err = tn_strw_puts(&w, ", ");
        if (err == 0)
            err = tn_strw_put_repr(&w, tn_tuple_get(self, i));
    }
    if (err == 0 && n == 1)
        err = tn_strw_putc(&w, ',');
    if (err == 0)
        err = tn_strw_putc(&w, ')');
    tn_repr_leave(self);
    if (err < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

/* Result of comparing two sizes with op (CPython's Py_RETURN_RICHCOMPARE). */
static TnObject *compare_sizes(tn_ssize_t a, tn_ssize_t b, int op)
{
    return tn_bool_from(TN_RICHCOMPARE(a, b, op));
}

/* Lexicographic comparison: the first differing item decides. */
static TnObject *tuple_richcompare(TnObject *v, TnObject *w, int op)
{
    if (!tn_tuple_check(v) || !tn_tuple_check(w))
        return tn_newref(TN_NOTIMPLEMENTED);
    tn_ssize_t vlen = tn_tuple_size(v), wlen = tn_tuple_size(w), i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = tn_object_richcompare_bool(tn_tuple_get(v, i), tn_tuple_get(w, i), TN_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        return compare_sizes(vlen, wlen, op);
    if (op == TN_EQ)
        return tn_bool_from(0);
    if (op == TN_NE)
        return tn_bool_from(1);
    return tn_object_richcompare(tn_tuple_get(v, i), tn_tuple_get(w, i), op);
}

static tn_ssize_t tuple_length(TnObject *self)
{
    return tn_tuple_size(self);
}

static TnObject *tuple_concat(TnObject *a, TnObject *b)
{
    if (!tn_tuple_check(b))
        return tn_err_format(&tn_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                             tn_type_name(tn_type(b)));
    tn_ssize_t na = tn_tuple_size(a), nb = tn_tuple_size(b);
    if (na == 0 && tn_tuple_check_exact(b))
        return tn_newref(b);
    if (nb == 0 && tn_tuple_check_exact(a))
        return tn_newref(a);
    TnObject *t = tn_tuple_new(na + nb);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < na; i++)
        tn_tuple_set_steal(t, i, tn_newref(tn_tuple_get(a, i)));
    for (tn_ssize_t i = 0; i < nb; i++)
        tn_tuple_set_steal(t, na + i, tn_newref(tn_tuple_get(b, i)));
    return t;
}

static TnObject *tuple_repeat(TnObject *a, tn_ssize_t n)
{
    tn_ssize_t size = tn_tuple_size(a);
    if ((size == 0 || n == 1) && tn_tuple_check_exact(a))
        return tn_newref(a);
    if (size == 0 || n <= 0)
        return tn_tuple_new(0);
    if (size > INTPTR_MAX / n)
        return tn_err_no_memory();
    TnObject *t = tn_tuple_new(size * n);
    if (t == NULL)
        return NULL;
    TnObject **src = tn_tuple_items(a), **dst = tn_tuple_items(t);
    for (tn_ssize_t j = 0; j < n; j++) {
        for (tn_ssize_t i = 0; i < size; i++)
            *dst++ = tn_newref(src[i]);
    }
    return t;
}

/* sq_item: negative indexes count from the end. */
static TnObject *tuple_item(TnObject *self, tn_ssize_t i)
{
    tn_ssize_t n = tn_tuple_size(self);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return tn_err_format(&tn_exc_IndexError, "tuple index out of range");
    return tn_newref(tn_tuple_get(self, i));
}

static int tuple_contains(TnObject *self, TnObject *value)
{
    int cmp = 0;
    for (tn_ssize_t i = 0; cmp == 0 && i < tn_tuple_size(self); i++)
        cmp = tn_object_richcompare_bool(tn_tuple_get(self, i), value, TN_EQ);
    return cmp;
}

static TnObject *tuple_subscript(TnObject *self, TnObject *key)
{
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return tuple_item(self, i);
    }
    if (!tn_slice_check(key))
        return tn_err_format(&tn_exc_TypeError, "tuple indices must be integers or slices, not %s",
                             tn_type_name(tn_type(key)));
    tn_ssize_t start, stop, step, len;
    if (tn_slice_indices(key, tn_tuple_size(self), &start, &stop, &step, &len) < 0)
        return NULL;
    if (step == 1)
        return tn_tuple_slice(self, start, start + len);
    if (len <= 0)
        return tn_tuple_new(0);
    TnObject *t = tn_tuple_new(len);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0, cur = start; i < len; i++, cur += step)
        tn_tuple_set_steal(t, i, tn_newref(tn_tuple_get(self, cur)));
    return t;
}

static TnObject *tuple_iter(TnObject *self);

/* tuple(iterable) for a subclass: build a plain tuple, copy it into an
 * instance of type. */
static TnObject *tuple_subtype_new(TnType *type, TnObject *iterable)
{
    TnObject *tmp = iterable != NULL ? tn_tuple_from_iterable(iterable) : tn_tuple_new(0);
    if (tmp == NULL)
        return NULL;
    tn_ssize_t n = tn_tuple_size(tmp);
    TnObject *t = tuple_alloc(type, n);
    if (t != NULL) {
        for (tn_ssize_t i = 0; i < n; i++)
            tn_tuple_set_steal(t, i, tn_newref(tn_tuple_get(tmp, i)));
    }
    tn_decref(tmp);
    return t;
}

static TnObject *tuple_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("tuple", kwnames) < 0 || tn_args_count("tuple", nargs, 0, 1) < 0)
        return NULL;
    if (type != &tn_type_tuple)
        return tuple_subtype_new(type, nargs > 0 ? args[0] : NULL);
    if (nargs == 0)
        return tn_tuple_new(0);
    return tn_tuple_from_iterable(args[0]);
}

/* ---- methods ----------------------------------------------------------------- */

/* tuple.index(value, start=0, stop=sys.maxsize) */
static TnObject *tuple_index_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (tn_args_no_kw("tuple.index", kwnames) < 0 || tn_args_count("index", nargs, 1, 3) < 0)
        return NULL;
    tn_ssize_t n = tn_tuple_size(self), start = 0, stop = INTPTR_MAX;
    if (nargs > 1 && tn_slice_index_not_none(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && tn_slice_index_not_none(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += n;
    else if (stop > n)
        stop = n;
    for (tn_ssize_t i = start; i < stop; i++) {
        int cmp = tn_object_richcompare_bool(tn_tuple_get(self, i), args[0], TN_EQ);
        if (cmp > 0)
            return tn_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    return tn_err_format(&tn_exc_ValueError, "tuple.index(x): x not in tuple");
}

static TnObject *tuple_count_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (tn_args_no_kw("tuple.count", kwnames) < 0 || tn_args_count("tuple.count", nargs, 1, 1) < 0)
        return NULL;
    tn_ssize_t count = 0;
    for (tn_ssize_t i = 0; i < tn_tuple_size(self); i++) {
        int cmp = tn_object_richcompare_bool(tn_tuple_get(self, i), args[0], TN_EQ);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return tn_int_from_ssize(count);
}

static const TnMethodDef tuple_methods[] = {
    {"index", tuple_index_meth, 0,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", tuple_count_meth, 0, "Return number of occurrences of value."},
    {NULL, NULL, 0, NULL},
};

static const TnSequenceMethods tuple_as_sequence = {
    .length = tuple_length,
    .concat = tuple_concat,
    .repeat = tuple_repeat,
    .item = tuple_item,
    .contains = tuple_contains,
};

static const TnMappingMethods tuple_as_mapping = {
    .length = tuple_length,
    .subscript = tuple_subscript,
};

TnType tn_type_tuple = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "tuple",
    .basicsize = sizeof(TnTuple),
    .itemsize = sizeof(TnObject *),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_TUPLE_SUBCLASS | TN_TPFLAGS_HAVE_GC,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .new_ = tuple_new_from_python,
    .as_sequence = &tuple_as_sequence,
    .as_mapping = &tuple_as_mapping,
    .methods = tuple_methods,
    .traverse = tuple_traverse,
    .doc = "Built-in immutable sequence.\n\n"
           "If no argument is given, the constructor returns an empty tuple.\n"
           "If iterable is specified the tuple is initialized from iterable's items.\n\n"
           "If the argument is a tuple, the return value is the same object.",
};

/* ---- tuple_iterator -------------------------------------------------------- */

typedef struct TupleIter {
    TnObject ob;
    tn_ssize_t index;
    TnObject *seq;          /* NULL once exhausted */
} TupleIter;

static TnObject *tuple_iter(TnObject *self)
{
    TupleIter *it = (TupleIter *)tn_object_new(&tn_type_tuple_iterator, sizeof(TupleIter));
    if (it == NULL)
        return NULL;
    it->seq = tn_newref(self);
    return TN_OBJ(it);
}

static void tupleiter_dealloc(TnObject *self)
{
    TN_CLEAR(((TupleIter *)self)->seq);
    tn_object_free(self);
}

static int tupleiter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnObject *seq = ((TupleIter *)self)->seq;
    return seq != NULL ? visit(seq, arg) : 0;
}

/* An iterator shared by threads must not crash: the index is read once
 * (relaxed atomic) and bounds-checked before use, and the ft flavour keeps
 * the tuple until the iterator dies (another thread may be reading it),
 * marking exhaustion with an index past the end.  Items may be seen twice
 * by racing threads, as in CPython's free-threaded build. */
static TnObject *tupleiter_next(TnObject *self)
{
    TupleIter *it = (TupleIter *)self;
    if (it->seq == NULL)
        return NULL;
    tn_ssize_t i = tn_atomic_load_intptr_relaxed(&it->index);
    if (i < tn_tuple_size(it->seq)) {
        tn_atomic_store_intptr_relaxed(&it->index, i + 1);
        return tn_newref(tn_tuple_get(it->seq, i));
    }
    if (!TN_FREE_THREADED)
        TN_CLEAR(it->seq);
    return NULL;
}

static TnObject *iter_self(TnObject *self)
{
    return tn_newref(self);
}

static TnObject *tupleiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (tn_args_no_kw("tuple_iterator.__length_hint__", kwnames) < 0
        || tn_args_count("tuple_iterator.__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    TupleIter *it = (TupleIter *)self;
    tn_ssize_t n = it->seq != NULL ? tn_tuple_size(it->seq) - tn_atomic_load_intptr_relaxed(&it->index) : 0;
    return tn_int_from_ssize(n > 0 ? n : 0);
}

static const TnMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_tuple_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = tupleiter_dealloc,
    .iter = iter_self,
    .iternext = tupleiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = tupleiter_methods,
    .traverse = tupleiter_traverse,
};
