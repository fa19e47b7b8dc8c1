/* core/objects/object.c — allocation and destruction of objects, and the
 * `object` base type. */
#include "core/tn.h"
#include "gc/gc.h"
#include "core/objects/object_reduce.h"

TnObject *tn_object_new(TnType *tp, size_t size)
{
    TnObject *op = tn_object_alloc(tp, size);
    return op != NULL ? op : tn_err_no_memory();
}

/* Objects of gc types (gc/gc.h) are tracked by the cycle collector from
 * here on; in the gil flavour their memory starts with the collector's
 * links (TN_GC_PRE_SIZE bytes before the object). */
TnObject *tn_object_alloc(TnType *tp, size_t size)
{
    bool gc = tn_type_is_gc(tp);
    size_t pre = gc ? TN_GC_PRE_SIZE : 0;
    char *mem = tn_obj_alloc(size + pre, gc);
    if (mem == NULL)
        return NULL;
    TnObject *op = (TnObject *)(mem + pre);
    tn_object_init(op, tp);
    /* Instances of heap types keep their type alive. */
    if (tp->flags & TN_TPFLAGS_HEAPTYPE)
        tn_incref(TN_OBJ(tp));
    if (gc)
        tn_gc_on_alloc(op);
    return op;
}

void tn_object_free(TnObject *op)
{
    TnType *tp = tn_type(op);
    bool gc = tn_type_is_gc(tp);
    if (gc)
        tn_gc_untrack(op);   /* an error path may free an object tn_dealloc never saw */
    tn_obj_free((char *)op - (gc ? TN_GC_PRE_SIZE : 0));
    if (tp->flags & TN_TPFLAGS_HEAPTYPE)
        tn_decref(TN_OBJ(tp));
}

/* ---- the trashcan ----------------------------------------------------------
 *
 * Freeing an object drops its references, which may free more objects, and
 * so on: a chain of a million closures, iterators, exceptions or method
 * wrappers would nest a million deallocations on the C stack.  As CPython's
 * trashcan does, each thread counts how deep its deallocations are nested;
 * past TN_TRASH_DEPTH an object is not freed but put on the thread's trash
 * array, and the outermost deallocation frees those before it returns.  Each
 * of them again nests at most TN_TRASH_DEPTH deep, so a chain costs C stack
 * for TN_TRASH_DEPTH levels and one array slot, whatever its length.  This
 * sits in tn_dealloc, which every last decref reaches (in the ft flavour:
 * the owner's, another thread's, or the merge of a queued object), so every
 * type is covered without code of its own.  A deferred object is dead (no
 * references), so nothing reads it until its turn; its deallocation then
 * runs in the same thread, a little later, like any other.
 */

#define TN_TRASH_DEPTH 50

/* Defer op; false if the array cannot grow (op is then freed at once). */
static bool trash_push(TnThreadState *ts, TnObject *op)
{
    if (ts->trash_len == ts->trash_cap) {
        size_t cap = ts->trash_cap != 0 ? ts->trash_cap * 2 : 64;
        size_t bytes;
        if (tn_mem_mul(cap, sizeof(TnObject *), &bytes))
            return false;
        TnObject **grown = tn_mem_realloc(ts->trash, bytes);
        if (grown == NULL)
            return false;
        ts->trash = grown;
        ts->trash_cap = cap;
    }
    ts->trash[ts->trash_len++] = op;
    return true;
}

/* PEP 442: run op's finalizer once, with op resurrected for the call.
 * True if op must not be destroyed now (the finalizer kept a reference). */
static bool finalize_from_dealloc(TnObject *op)
{
    tn_gc_set_finalized(op);
    tn_object_resurrect_start(op);
    tn_type(op)->finalize(op);
    return tn_object_resurrect_end(op);
}

/* Run op's destructor.  The exception state is preserved: a destructor may
 * run while an exception is propagating.  Order (as CPython's): the
 * finalizer, then the object leaves the collector, then its weak references
 * are cleared, then the type's dealloc drops its references. */
static void dealloc_now(TnThreadState *ts, TnObject *op)
{
    TnObject *saved = NULL;
    if (ts != NULL && ts->curexc != NULL) {
        saved = ts->curexc;
        ts->curexc = NULL;
    }
    bool gc = tn_object_is_gc(op);
    if (gc && tn_type(op)->finalize != NULL && !tn_gc_is_finalized(op) && finalize_from_dealloc(op))
        goto restore;
    if (gc)
        tn_gc_on_dealloc(op);
    /* Weak references report op dead, and their callbacks run, before any of it is freed. */
    tn_weakref_clear_on_dealloc(op);
    tn_type(op)->dealloc(op);
restore:
    if (saved != NULL) {
        if (ts->curexc != NULL)
            tn_decref(ts->curexc);
        ts->curexc = saved;
    }
}

/* Free the deferred objects, last deferred first; their deallocations may
 * defer more, which this loop frees as well. */
static void trash_drain(TnThreadState *ts)
{
    while (ts->trash_len > 0) {
        TnObject *op = ts->trash[--ts->trash_len];
        dealloc_now(ts, op);
    }
}

/* Called by tn_decref when the count reaches zero. */
void tn_dealloc(TnObject *op)
{
    TnThreadState *ts = tn_tstate();
    if (ts == NULL) {
        /* A thread whose state is gone: no trashcan (nothing deep is freed there). */
        dealloc_now(NULL, op);
        return;
    }
    if (ts->dealloc_depth >= TN_TRASH_DEPTH && trash_push(ts, op))
        return;
    ts->dealloc_depth++;
    dealloc_now(ts, op);
    if (ts->dealloc_depth == 1)
        trash_drain(ts);
    ts->dealloc_depth--;
}

/* ---- object ------------------------------------------------------------ */

static void object_dealloc(TnObject *self)
{
    tn_object_free(self);
}

/* object.__str__: the type's repr (CPython's object_str); every type
 * without a str of its own inherits it, which is what makes
 * `object.__str__` and `int.__str__` exist as slot wrappers. */
static TnObject *object_str(TnObject *self)
{
    tn_unaryfunc repr = tn_type(self)->repr;
    return repr != NULL ? repr(self) : tn_object_repr(self);
}

static TnObject *object_repr(TnObject *self)
{
    TnType *tp = tn_type(self);
    if (tp->flags & TN_TPFLAGS_HEAPTYPE) {
        TnObject *mod = tn_dict_get_cstr_borrowed(tp->dict, "__module__");
        /* __qualname__ may be replaced meanwhile (threading/qsbr.h). */
        TnObject *qualname = tn_field_get_ref(&((TnHeapType *)tp)->qualname);
        TnObject *r;
        if (mod != NULL && tn_str_check(mod) && !tn_str_eq_cstr(mod, "builtins"))
            r = tn_str_from_format("<%U.%U object at %p>", mod, qualname, (void *)self);
        else
            r = tn_str_from_format("<%U object at %p>", qualname, (void *)self);
        tn_decref(qualname);
        return r;
    }
    return tn_str_from_format("<%s object at %p>", tn_type_name(tp), (void *)self);
}

static tn_hash_t object_hash(TnObject *self)
{
    return tn_hash_pointer(self);
}

static TnObject *object_richcompare(TnObject *a, TnObject *b, int op)
{
    if (op == TN_EQ)
        return tn_newref(a == b ? TN_TRUE : TN_NOTIMPLEMENTED);
    if (op == TN_NE) {
        /* By default != delegates to == and inverts, as CPython does. */
        TnType *tp = tn_type(a);
        if (tp->richcompare == NULL || tp->richcompare == object_richcompare)
            return tn_newref(a == b ? TN_FALSE : TN_NOTIMPLEMENTED);
        TnObject *res = tp->richcompare(a, b, TN_EQ);
        if (res == NULL || res == TN_NOTIMPLEMENTED)
            return res;
        int t = tn_object_is_true(res);
        tn_decref(res);
        if (t < 0)
            return NULL;
        return tn_bool_from(!t);
    }
    return tn_newref(TN_NOTIMPLEMENTED);
}

static TnObject *object_format_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__format__", kwnames) < 0 || tn_args_count("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    if (tn_str_length(args[0]) > 0)
        return tn_err_format(&tn_exc_TypeError, "unsupported format string passed to %s.__format__",
                             tn_type_name(tn_type(self)));
    return tn_object_str(self);
}

static TnObject *object_dir_class(TnObject *self, void *closure)
{
    return tn_newref(TN_OBJ(tn_type(self)));
}

/* object.__getstate__() (core/objects/object_reduce.c). */
static TnObject *object_getstate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__getstate__", kwnames) < 0 || tn_args_count("__getstate__", nargs, 0, 0) < 0)
        return NULL;
    return tn_object_default_getstate(self);
}

static const TnMethodDef object_methods[] = {
    {"__getstate__", object_getstate, 0, NULL},
    {"__reduce__", tn_object_reduce_meth, 0, "Helper for pickle."},
    {"__reduce_ex__", tn_object_reduce_ex_meth, 0, "Helper for pickle."},
    {"__format__", object_format_meth, 0, NULL},
    {"__init__", tn_object_init_meth, 0, NULL},
    {"__init_subclass__", tn_object_init_subclass_meth, TN_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static int object_set_class(TnObject *self, TnObject *value, void *closure)
{
    return tn_class_set_instance_class(self, value);
}

static const TnGetSetDef object_getsets[] = {
    {"__class__", object_dir_class, object_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_object = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "object",
    .basicsize = sizeof(TnObject),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattro = tn_object_generic_getattr,
    .setattro = tn_object_generic_setattr,
    .new_ = tn_object_new_impl,
    .methods = object_methods,
    .getsets = object_getsets,
    .doc = "The base class of the class hierarchy.",
};
