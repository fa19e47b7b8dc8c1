/* core/modules/builtins_async.c — aiter(), anext() and anext_awaitable.
 *
 * anext(it) is type(it).__anext__(it).  anext(it, default) wraps that
 * awaitable in an anext_awaitable, which drives it (through the iterator
 * its __await__ gives) and turns StopAsyncIteration into
 * StopIteration(default), i.e. `await anext(it, d)` evaluates to d at the
 * end, as CPython 3.11's anextawaitable.
 */
#include "core/tn.h"
#include "core/objects/coroobject.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/builtins_async.h"

/* Does type(o) define name (special-method lookup, not the instance)? */
static bool type_has(TnObject *o, const char *name)
{
    TnObject *key = tn_str_intern_cstr(name);
    if (key == NULL) {
        tn_err_clear();
        return false;
    }
    TnObject *attr = tn_type_lookup(tn_type(o), key);
    tn_decref(key);
    return attr != NULL;
}

TnObject *tn_builtin_aiter(TnObject *module, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)module;
    if (tn_args_no_kw("aiter", kwnames) < 0 || tn_args_count("aiter", nargs, 1, 1) < 0)
        return NULL;
    TnObject *it;
    int found = tn_builtins_call_special(args[0], "__aiter__", NULL, 0, &it);
    if (found == 0)
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not an async iterable", tn_type_name(tn_type(args[0])));
    if (found < 0)
        return NULL;
    if (!type_has(it, "__anext__")) {
        tn_err_format(&tn_exc_TypeError, "aiter() returned not an async iterator of type '%s'", tn_type_name(tn_type(it)));
        tn_decref(it);
        return NULL;
    }
    return it;
}

/* ---- anext_awaitable ---------------------------------------------------- */

typedef struct AnextAwaitable {
    TnObject ob;
    TnObject *wrapped;      /* what __anext__ returned */
    TnObject *dflt;         /* the default value */
    TnObject *iter;         /* the iterator driving `wrapped`; NULL until first used */
} AnextAwaitable;

TnObject *tn_builtin_anext(TnObject *module, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)module;
    if (tn_args_no_kw("anext", kwnames) < 0 || tn_builtins_check_positional("anext", nargs, 1, 2) < 0)
        return NULL;
    if (!type_has(args[0], "__anext__"))
        return tn_err_format(&tn_exc_TypeError, "'%s' object is not an async iterator", tn_type_name(tn_type(args[0])));
    TnObject *awaitable;
    if (tn_builtins_call_special(args[0], "__anext__", NULL, 0, &awaitable) <= 0)
        return NULL;
    if (nargs == 1)
        return awaitable;
    AnextAwaitable *a = (AnextAwaitable *)tn_object_new(&tn_type_anext_awaitable, sizeof(AnextAwaitable));
    if (a == NULL) {
        tn_decref(awaitable);
        return NULL;
    }
    a->wrapped = awaitable;
    a->dflt = tn_newref(args[1]);
    a->iter = NULL;
    return TN_OBJ(a);
}

/* The iterator that drives a->wrapped (new ref): its awaitable iterator, and
 * for a coroutine (which has no __next__) its __await__() wrapper.  Made once;
 * a racing thread's duplicate is dropped. */
static TnObject *anext_iter_ref(AnextAwaitable *a)
{
    TnObject *it = NULL;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(a));
    it = tn_xnewref(a->iter);
    TN_END_CRITICAL_SECTION();
    if (it != NULL)
        return it;
    it = tn_coro_get_awaitable_iter(a->wrapped);
    if (it != NULL && tn_type(it)->iternext == NULL)
        TN_SETREF(it, tn_call_method_cstr(it, "__await__", NULL, 0));
    if (it == NULL)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(a));
    if (a->iter == NULL)
        a->iter = tn_newref(it);
    else
        TN_SETREF(it, tn_newref(a->iter));
    TN_END_CRITICAL_SECTION();
    return it;
}

/* Forward next (meth NULL) / send / throw / close to the iterator; its
 * StopAsyncIteration becomes StopIteration(default). */
static TnObject *anext_proxy(TnObject *self, const char *meth, TnObject *const *args, tn_ssize_t nargs)
{
    AnextAwaitable *a = (AnextAwaitable *)self;
    TnObject *it = anext_iter_ref(a);
    if (it == NULL)
        return NULL;
    TnObject *res = meth == NULL ? tn_type(it)->iternext(it) : tn_call_method_cstr(it, meth, args, nargs);
    tn_decref(it);
    if (res == NULL && tn_err_matches(&tn_exc_StopAsyncIteration)) {
        tn_err_clear();
        tn_err_set_object(&tn_exc_StopIteration, a->dflt);
    }
    return res;
}

static TnObject *anext_iternext(TnObject *self)
{
    return anext_proxy(self, NULL, NULL, 0);
}

static TnObject *anext_send(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("send", kwnames) < 0 || tn_args_count("send", nargs, 1, 1) < 0)
        return NULL;
    return anext_proxy(self, "send", args, nargs);
}

static TnObject *anext_throw(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("throw", kwnames) < 0 || tn_builtins_check_positional("throw", nargs, 1, 3) < 0)
        return NULL;
    return anext_proxy(self, "throw", args, nargs);
}

static TnObject *anext_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("close", kwnames) < 0 || tn_args_count("close", nargs, 0, 0) < 0)
        return NULL;
    return anext_proxy(self, "close", args, nargs);
}

static TnObject *anext_await(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__await__", kwnames) < 0 || tn_args_count("__await__", nargs, 0, 0) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *anext_iter_self(TnObject *self)
{
    return tn_newref(self);
}

static int anext_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    AnextAwaitable *a = (AnextAwaitable *)self;
    TN_VISIT(a->wrapped);
    TN_VISIT(a->dflt);
    TN_VISIT(a->iter);
    return 0;
}

/* The default becomes None and the driving iterator is made again on
 * demand; the wrapped awaitable stays, since every method needs it (a
 * cycle through it passes through its own fields, which are cleared). */
static int anext_clear(TnObject *self)
{
    AnextAwaitable *a = (AnextAwaitable *)self;
    TnObject *it;
    TN_BEGIN_CRITICAL_SECTION(self);
    it = a->iter;
    a->iter = NULL;
    TN_END_CRITICAL_SECTION();
    tn_xdecref(it);
    TN_SETREF(a->dflt, tn_newref(TN_NONE));
    return 0;
}

static void anext_dealloc(TnObject *self)
{
    AnextAwaitable *a = (AnextAwaitable *)self;
    TN_CLEAR(a->wrapped);
    TN_CLEAR(a->dflt);
    TN_CLEAR(a->iter);
    tn_object_free(self);
}

static const TnMethodDef anext_methods[] = {
    {"__await__", anext_await, 0, NULL},
    {"send", anext_send, 0, "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."},
    {"throw", anext_throw, 0, "throw(typ[,val[,tb]]) -> raise exception in the wrapped iterator,\nreturn next yielded value or raise StopIteration."},
    {"close", anext_close, 0, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_anext_awaitable = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "anext_awaitable",
    .basicsize = sizeof(AnextAwaitable),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = anext_dealloc,
    .iter = anext_iter_self,
    .iternext = anext_iternext,
    .new_ = tn_type_new_not_allowed,
    .methods = anext_methods,
    .traverse = anext_traverse,
    .clear = anext_clear,
};
