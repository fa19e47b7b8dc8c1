/* core/objects/coroobject.c — coroutines, coroutine_wrapper, async
 * generators and their asend/athrow awaitables (CPython 3.11's
 * Objects/genobject.c); see coroobject.h. */
#include "core/tn.h"
#include "core/objects/coroobject.h"
#include "core/objects/genobject.h"

#define REUSE_ASEND_MSG "cannot reuse already awaited __anext__()/asend()"
#define REUSE_ATHROW_MSG "cannot reuse already awaited aclose()/athrow()"
#define IGNORED_EXIT_MSG "async generator ignored GeneratorExit"

enum { AWAITABLE_INIT = 0, AWAITABLE_ITER, AWAITABLE_CLOSED };

/* A special method looked up on the type and bound to obj: new ref, or NULL
 * (with an error only if binding failed). */
static TnObject *lookup_special(TnObject *obj, const char *name)
{
    TnObject *n = tn_str_intern_cstr(name);
    TnObject *attr = n != NULL ? tn_type_lookup(tn_type(obj), n) : NULL;
    if (attr == NULL)
        return NULL;
    tn_descrgetfunc get = tn_type(attr)->descr_get;
    if (get == NULL)
        return tn_newref(attr);
    return get(attr, obj, TN_OBJ(tn_type(obj)));
}

static bool has_special(TnObject *obj, const char *name)
{
    TnObject *n = tn_str_intern_cstr(name);
    return n != NULL && tn_type_lookup(tn_type(obj), n) != NULL;
}

/* Replace the current exception by type(msg) with the old one as its
 * __cause__ (CPython's _PyErr_FormatFromCause). */
static void format_from_cause(TnType *type, const char *fmt, const char *arg)
{
    TnObject *cause = tn_err_fetch();
    tn_err_format(type, fmt, arg);
    TnObject *exc = tn_err_occurred();
    if (exc != NULL && cause != NULL) {
        TnBaseException *e = (TnBaseException *)exc;
        tn_field_replace_steal(&e->cause, tn_newref(cause));
        tn_field_replace_steal(&e->context, tn_newref(cause));
        tn_exc_set_suppress_context(exc, 1);
    }
    tn_xdecref(cause);
}

/* ==================================================================== */
/* Awaitables                                                            */
/* ==================================================================== */

TnObject *tn_coro_get_awaitable_iter(TnObject *o)
{
    if (tn_coro_check(o))
        return tn_newref(o);
    TnObject *await = lookup_special(o, "__await__");
    if (await == NULL) {
        if (tn_err_occurred() == NULL)
            tn_err_format(&tn_exc_TypeError, "object %s can't be used in 'await' expression", tn_type_name(tn_type(o)));
        return NULL;
    }
    TnObject *res = tn_call_noargs(await);
    tn_decref(await);
    if (res == NULL)
        return NULL;
    if (tn_coro_check(res)) {
        tn_decref(res);
        return tn_err_format(&tn_exc_TypeError, "__await__() returned a coroutine");
    }
    if (tn_type(res)->iternext == NULL) {
        tn_err_format(&tn_exc_TypeError, "__await__() returned non-iterator of type '%s'", tn_type_name(tn_type(res)));
        tn_decref(res);
        return NULL;
    }
    return res;
}

TnObject *tn_coro_op_get_awaitable(TnObject *o, int where)
{
    TnObject *it = tn_coro_get_awaitable_iter(o);
    if (it == NULL) {
        if (where != 0 && !has_special(o, "__await__") && tn_err_matches(&tn_exc_TypeError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError,
                          "'async with' received an object from __a%s__ that does not implement __await__: %s",
                          where == 1 ? "enter" : "exit", tn_type_name(tn_type(o)));
        }
        return NULL;
    }
    if (tn_coro_check(it) && tn_gen_yf(it) != NULL) {
        tn_decref(it);
        return tn_err_format(&tn_exc_RuntimeError, "coroutine is being awaited already");
    }
    return it;
}

TnObject *tn_coro_op_get_aiter(TnObject *o)
{
    TnObject *aiter = lookup_special(o, "__aiter__");
    if (aiter == NULL) {
        if (tn_err_occurred() == NULL)
            tn_err_format(&tn_exc_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                          tn_type_name(tn_type(o)));
        return NULL;
    }
    TnObject *it = tn_call_noargs(aiter);
    tn_decref(aiter);
    if (it == NULL)
        return NULL;
    if (!has_special(it, "__anext__")) {
        tn_err_format(&tn_exc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                      tn_type_name(tn_type(it)));
        tn_decref(it);
        return NULL;
    }
    return it;
}

TnObject *tn_coro_op_get_anext(TnObject *aiter)
{
    TnObject *next = lookup_special(aiter, "__anext__");
    if (next == NULL) {
        if (tn_err_occurred() == NULL)
            tn_err_format(&tn_exc_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                          tn_type_name(tn_type(aiter)));
        return NULL;
    }
    TnObject *nx = tn_call_noargs(next);
    tn_decref(next);
    if (nx == NULL)
        return NULL;
    if (tn_type(nx) == &tn_type_async_generator_asend)
        return nx;
    TnObject *aw = tn_coro_get_awaitable_iter(nx);
    if (aw == NULL)
        format_from_cause(&tn_exc_TypeError, "'async for' received an invalid object from __anext__: %s",
                          tn_type_name(tn_type(nx)));
    tn_decref(nx);
    return aw;
}

/* ==================================================================== */
/* coroutine                                                             */
/* ==================================================================== */

typedef struct {
    TnObject ob;
    TnObject *coro;
} TnCoroWrapper;

static TnObject *coro_await(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__await__", kwnames) < 0 || tn_args_count("__await__", nargs, 0, 0) < 0)
        return NULL;
    TnCoroWrapper *w = (TnCoroWrapper *)tn_object_new(&tn_type_coroutine_wrapper, sizeof(TnCoroWrapper));
    if (w == NULL)
        return NULL;
    w->coro = tn_newref(self);
    return TN_OBJ(w);
}

static TnObject *coro_repr(TnObject *self)
{
    return tn_str_from_format("<coroutine object %U at %p>", ((TnGen *)self)->qualname, (void *)self);
}

static TnObject *coro_get_origin(TnObject *self, void *c) { return tn_newref(TN_NONE); }

static const TnMethodDef coro_methods[] = {
    {"send", tn_gen_meth_send, 0, NULL},
    {"throw", tn_gen_meth_throw, 0, NULL},
    {"close", tn_gen_meth_close, 0, NULL},
    {"__await__", coro_await, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef coro_getsets[] = {
    {"__name__", tn_gen_get_name, NULL, NULL, NULL},
    {"__qualname__", tn_gen_get_qualname, NULL, NULL, NULL},
    {"cr_code", tn_gen_get_code, NULL, NULL, NULL},
    {"cr_frame", tn_gen_get_frame, NULL, NULL, NULL},
    {"cr_running", tn_gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", tn_gen_get_suspended, NULL, NULL, NULL},
    {"cr_await", tn_gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_coroutine = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "coroutine",
    .weaklistoffset = offsetof(TnGen, weaklist),
    .basicsize = sizeof(TnGen),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = tn_gen_dealloc,
    .finalize = tn_gen_finalize,
    .repr = coro_repr,
    .methods = coro_methods,
    .getsets = coro_getsets,
    .new_ = tn_type_new_not_allowed,
    .traverse = tn_gen_traverse,
    .clear = tn_gen_clear,
};

/* ---- coroutine_wrapper: the iterator coro.__await__() returns ---- */

static void cw_dealloc(TnObject *self)
{
    TN_CLEAR(((TnCoroWrapper *)self)->coro);
    tn_object_free(self);
}

/* The helper objects below have a traverse but no clear, as in CPython:
 * each needs its generator (or value) to work, and a cycle through one
 * passes through the generator, which is cleared. */
static int cw_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((TnCoroWrapper *)self)->coro);
    return 0;
}

static TnObject *cw_iter(TnObject *self) { return tn_newref(self); }

static TnObject *cw_iternext(TnObject *self)
{
    return tn_gen_send(((TnCoroWrapper *)self)->coro, TN_NONE, false);
}

static TnObject *cw_send(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_gen_meth_send(((TnCoroWrapper *)self)->coro, args, nargs, kwnames);
}

static TnObject *cw_throw(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_gen_meth_throw(((TnCoroWrapper *)self)->coro, args, nargs, kwnames);
}

static TnObject *cw_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_gen_meth_close(((TnCoroWrapper *)self)->coro, args, nargs, kwnames);
}

static const TnMethodDef cw_methods[] = {
    {"send", cw_send, 0, NULL},
    {"throw", cw_throw, 0, NULL},
    {"close", cw_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_coroutine_wrapper = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "coroutine_wrapper",
    .basicsize = sizeof(TnCoroWrapper),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = cw_dealloc,
    .iter = cw_iter,
    .iternext = cw_iternext,
    .methods = cw_methods,
    .new_ = tn_type_new_not_allowed,
    .traverse = cw_traverse,
};

/* ==================================================================== */
/* async generator                                                       */
/* ==================================================================== */

typedef struct {
    TnObject ob;
    TnObject *val;
} TnAsyncGenWrapped;

typedef struct {
    TnObject ob;
    TnGen *gen;
    TnObject *sendval;      /* asend(v): v; __anext__: None */
    int state;
} TnAsyncGenASend;

typedef struct {
    TnObject ob;
    TnGen *gen;
    TnObject *args;         /* athrow's arguments (tuple); NULL for aclose() */
    int state;
} TnAsyncGenAThrow;

TnObject *tn_coro_op_wrap(TnObject *v)
{
    TnAsyncGenWrapped *w = (TnAsyncGenWrapped *)tn_object_new(&tn_type_async_generator_wrapped_value,
                                                              sizeof(TnAsyncGenWrapped));
    if (w == NULL)
        return NULL;
    w->val = tn_newref(v);
    return TN_OBJ(w);
}

static bool is_wrapped(TnObject *o) { return tn_type(o) == &tn_type_async_generator_wrapped_value; }

static void wrapped_dealloc(TnObject *self)
{
    TN_CLEAR(((TnAsyncGenWrapped *)self)->val);
    tn_object_free(self);
}

static int wrapped_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((TnAsyncGenWrapped *)self)->val);
    return 0;
}

TnType tn_type_async_generator_wrapped_value = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "async_generator_wrapped_value",
    .basicsize = sizeof(TnAsyncGenWrapped),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = wrapped_dealloc,
    .new_ = tn_type_new_not_allowed,
    .traverse = wrapped_traverse,
};

/* What the generator produced, seen from an awaitable: a wrapped value (a
 * `yield`) becomes StopIteration(value); anything else passes through. */
static TnObject *unwrap_value(TnGen *gen, TnObject *result)
{
    if (result == NULL) {
        if (tn_err_occurred() == NULL)
            tn_err_set_none(&tn_exc_StopAsyncIteration);
        if (tn_err_matches(&tn_exc_StopAsyncIteration) || tn_err_matches(&tn_exc_GeneratorExit))
            gen->ag_closed = 1;
        gen->ag_running_async = 0;
        return NULL;
    }
    if (is_wrapped(result)) {
        TnObject *v = ((TnAsyncGenWrapped *)result)->val;
        /* StopIteration(v) even when v is a tuple or an exception. */
        TnObject *exc = tn_call_one(TN_OBJ(&tn_exc_StopIteration), v);
        if (exc != NULL)
            tn_err_restore(exc);
        tn_decref(result);
        gen->ag_running_async = 0;
        return NULL;
    }
    return result;
}

static TnObject *agen_asend_new(TnObject *gen, TnObject *sendval)
{
    TnAsyncGenASend *o = (TnAsyncGenASend *)tn_object_new(&tn_type_async_generator_asend, sizeof(TnAsyncGenASend));
    if (o == NULL)
        return NULL;
    o->gen = (TnGen *)tn_newref(gen);
    o->sendval = tn_newref(sendval);
    o->state = AWAITABLE_INIT;
    return TN_OBJ(o);
}

static TnObject *agen_athrow_new(TnObject *gen, TnObject *args)
{
    TnAsyncGenAThrow *o = (TnAsyncGenAThrow *)tn_object_new(&tn_type_async_generator_athrow,
                                                            sizeof(TnAsyncGenAThrow));
    if (o == NULL)
        return NULL;
    o->gen = (TnGen *)tn_newref(gen);
    o->args = args != NULL ? tn_newref(args) : NULL;
    o->state = AWAITABLE_INIT;
    return TN_OBJ(o);
}

static TnObject *agen_aiter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__aiter__", kwnames) < 0 || tn_args_count("__aiter__", nargs, 0, 0) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *agen_anext(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__anext__", kwnames) < 0 || tn_args_count("__anext__", nargs, 0, 0) < 0)
        return NULL;
    return agen_asend_new(self, TN_NONE);
}

static TnObject *agen_asend(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("asend", kwnames) < 0 || tn_args_count("asend", nargs, 1, 1) < 0)
        return NULL;
    return agen_asend_new(self, args[0]);
}

static TnObject *agen_athrow(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("athrow", kwnames) < 0 || tn_args_count("athrow", nargs, 1, 3) < 0)
        return NULL;
    TnObject *tup = tn_tuple_new(nargs);
    if (tup == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < nargs; i++)
        tn_tuple_set_steal(tup, i, tn_newref(args[i]));
    TnObject *r = agen_athrow_new(self, tup);
    tn_decref(tup);
    return r;
}

static TnObject *agen_aclose(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("aclose", kwnames) < 0 || tn_args_count("aclose", nargs, 0, 0) < 0)
        return NULL;
    return agen_athrow_new(self, NULL);
}

static TnObject *agen_repr(TnObject *self)
{
    return tn_str_from_format("<async_generator object %U at %p>", ((TnGen *)self)->qualname, (void *)self);
}

static TnObject *agen_get_running(TnObject *self, void *c)
{
    return tn_bool_from(((TnGen *)self)->ag_running_async);
}

static const TnMethodDef agen_methods[] = {
    {"__aiter__", agen_aiter, 0, NULL},
    {"__anext__", agen_anext, 0, NULL},
    {"asend", agen_asend, 0, NULL},
    {"athrow", agen_athrow, 0, NULL},
    {"aclose", agen_aclose, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef agen_getsets[] = {
    {"__name__", tn_gen_get_name, NULL, NULL, NULL},
    {"__qualname__", tn_gen_get_qualname, NULL, NULL, NULL},
    {"ag_code", tn_gen_get_code, NULL, NULL, NULL},
    {"ag_frame", tn_gen_get_frame, NULL, NULL, NULL},
    {"ag_running", agen_get_running, NULL, NULL, NULL},
    {"ag_suspended", tn_gen_get_suspended, NULL, NULL, NULL},
    {"ag_await", tn_gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_async_generator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "async_generator",
    .weaklistoffset = offsetof(TnGen, weaklist),
    .basicsize = sizeof(TnGen),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = tn_gen_dealloc,
    .finalize = tn_gen_finalize,
    .repr = agen_repr,
    .methods = agen_methods,
    .getsets = agen_getsets,
    .new_ = tn_type_new_not_allowed,
    .traverse = tn_gen_traverse,
    .clear = tn_gen_clear,
};

/* ---- async_generator_asend ---- */

static TnObject *asend_send_impl(TnAsyncGenASend *o, TnObject *arg)
{
    if (o->state == AWAITABLE_CLOSED)
        return tn_err_format(&tn_exc_RuntimeError, REUSE_ASEND_MSG);
    if (o->state == AWAITABLE_INIT) {
        if (o->gen->ag_running_async)
            return tn_err_format(&tn_exc_RuntimeError, "anext(): asynchronous generator is already running");
        if (arg == NULL || arg == TN_NONE)
            arg = o->sendval;
        o->state = AWAITABLE_ITER;
    }
    if (arg == NULL)
        arg = TN_NONE;
    o->gen->ag_running_async = 1;
    TnObject *r = unwrap_value(o->gen, tn_gen_send(TN_OBJ(o->gen), arg, false));
    if (r == NULL)
        o->state = AWAITABLE_CLOSED;
    return r;
}

static TnObject *asend_send(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("send", kwnames) < 0 || tn_args_count("send", nargs, 1, 1) < 0)
        return NULL;
    return asend_send_impl((TnAsyncGenASend *)self, args[0]);
}

static TnObject *asend_iternext(TnObject *self)
{
    return asend_send_impl((TnAsyncGenASend *)self, NULL);
}

static TnObject *asend_throw(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnAsyncGenASend *o = (TnAsyncGenASend *)self;
    if (o->state == AWAITABLE_CLOSED)
        return tn_err_format(&tn_exc_RuntimeError, REUSE_ASEND_MSG);
    TnObject *r = unwrap_value(o->gen, tn_gen_meth_throw(TN_OBJ(o->gen), args, nargs, kwnames));
    if (r == NULL)
        o->state = AWAITABLE_CLOSED;
    return r;
}

static TnObject *awaitable_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("close", kwnames) < 0 || tn_args_count("close", nargs, 0, 0) < 0)
        return NULL;
    if (tn_type(self) == &tn_type_async_generator_asend)
        ((TnAsyncGenASend *)self)->state = AWAITABLE_CLOSED;
    else
        ((TnAsyncGenAThrow *)self)->state = AWAITABLE_CLOSED;
    return tn_newref(TN_NONE);
}

static TnObject *awaitable_self(TnObject *self) { return tn_newref(self); }

static TnObject *awaitable_await(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__await__", kwnames) < 0 || tn_args_count("__await__", nargs, 0, 0) < 0)
        return NULL;
    return tn_newref(self);
}

static void asend_dealloc(TnObject *self)
{
    TnAsyncGenASend *o = (TnAsyncGenASend *)self;
    TN_CLEAR(o->gen);
    TN_CLEAR(o->sendval);
    tn_object_free(self);
}

static int asend_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnAsyncGenASend *o = (TnAsyncGenASend *)self;
    TN_VISIT(TN_OBJ(o->gen));
    TN_VISIT(o->sendval);
    return 0;
}

static const TnMethodDef asend_methods[] = {
    {"send", asend_send, 0, NULL},
    {"throw", asend_throw, 0, NULL},
    {"close", awaitable_close, 0, NULL},
    {"__await__", awaitable_await, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_async_generator_asend = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "async_generator_asend",
    .basicsize = sizeof(TnAsyncGenASend),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = asend_dealloc,
    .iter = awaitable_self,
    .iternext = asend_iternext,
    .methods = asend_methods,
    .new_ = tn_type_new_not_allowed,
    .traverse = asend_traverse,
};

/* ---- async_generator_athrow (athrow and aclose) ---- */

/* aclose() ends with StopIteration whether the generator exited by
 * StopAsyncIteration or GeneratorExit. */
static TnObject *athrow_check_error(TnAsyncGenAThrow *o)
{
    o->gen->ag_running_async = 0;
    o->state = AWAITABLE_CLOSED;
    if (o->args == NULL
        && (tn_err_matches(&tn_exc_StopAsyncIteration) || tn_err_matches(&tn_exc_GeneratorExit))) {
        tn_err_clear();
        tn_err_set_none(&tn_exc_StopIteration);
    }
    return NULL;
}

static TnObject *athrow_yield_close(TnAsyncGenAThrow *o)
{
    o->gen->ag_running_async = 0;
    o->state = AWAITABLE_CLOSED;
    return tn_err_format(&tn_exc_RuntimeError, IGNORED_EXIT_MSG);
}

static TnObject *athrow_send_impl(TnAsyncGenAThrow *o, TnObject *arg)
{
    TnGen *gen = o->gen;
    TnObject *retval;
    if (o->state == AWAITABLE_CLOSED)
        return tn_err_format(&tn_exc_RuntimeError, REUSE_ATHROW_MSG);
    if (tn_atomic_load_u8(&gen->state) == TN_GEN_CLOSED) {
        o->state = AWAITABLE_CLOSED;
        tn_err_set_none(&tn_exc_StopIteration);
        return NULL;
    }
    if (o->state == AWAITABLE_INIT) {
        if (gen->ag_running_async) {
            o->state = AWAITABLE_CLOSED;
            return tn_err_format(&tn_exc_RuntimeError, o->args == NULL
                                 ? "aclose(): asynchronous generator is already running"
                                 : "athrow(): asynchronous generator is already running");
        }
        if (gen->ag_closed) {
            o->state = AWAITABLE_CLOSED;
            tn_err_set_none(&tn_exc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != TN_NONE)
            return tn_err_format(&tn_exc_RuntimeError, "can't send non-None value to a just-started coroutine");
        o->state = AWAITABLE_ITER;
        gen->ag_running_async = 1;
        if (o->args == NULL) {
            gen->ag_closed = 1;
            tn_err_set_none(&tn_exc_GeneratorExit);
            retval = tn_gen_throw_current(TN_OBJ(gen), false);
            if (retval != NULL && is_wrapped(retval)) {
                tn_decref(retval);
                return athrow_yield_close(o);
            }
        } else {
            TnObject *const *items = tn_tuple_items(o->args);
            if (tn_gen_set_throw_exception("athrow", items, tn_tuple_size(o->args), NULL) < 0)
                retval = NULL;
            else
                retval = tn_gen_throw_current(TN_OBJ(gen), false);
            retval = unwrap_value(gen, retval);
        }
        if (retval == NULL)
            return athrow_check_error(o);
        return retval;
    }
    retval = tn_gen_send(TN_OBJ(gen), arg != NULL ? arg : TN_NONE, false);
    if (o->args != NULL)
        return unwrap_value(gen, retval);
    if (retval == NULL)
        return athrow_check_error(o);
    if (is_wrapped(retval)) {
        tn_decref(retval);
        return athrow_yield_close(o);
    }
    return retval;
}

static TnObject *athrow_send(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("send", kwnames) < 0 || tn_args_count("send", nargs, 1, 1) < 0)
        return NULL;
    return athrow_send_impl((TnAsyncGenAThrow *)self, args[0]);
}

static TnObject *athrow_iternext(TnObject *self)
{
    return athrow_send_impl((TnAsyncGenAThrow *)self, NULL);
}

static TnObject *athrow_throw(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnAsyncGenAThrow *o = (TnAsyncGenAThrow *)self;
    if (o->state == AWAITABLE_CLOSED)
        return tn_err_format(&tn_exc_RuntimeError, REUSE_ATHROW_MSG);
    TnObject *retval = tn_gen_meth_throw(TN_OBJ(o->gen), args, nargs, kwnames);
    if (o->args != NULL)
        return unwrap_value(o->gen, retval);
    if (retval != NULL && is_wrapped(retval)) {
        tn_decref(retval);
        return athrow_yield_close(o);
    }
    if (retval == NULL
        && (tn_err_matches(&tn_exc_StopAsyncIteration) || tn_err_matches(&tn_exc_GeneratorExit))) {
        tn_err_clear();
        tn_err_set_none(&tn_exc_StopIteration);
    }
    return retval;
}

static void athrow_dealloc(TnObject *self)
{
    TnAsyncGenAThrow *o = (TnAsyncGenAThrow *)self;
    TN_CLEAR(o->gen);
    TN_CLEAR(o->args);
    tn_object_free(self);
}

static int athrow_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnAsyncGenAThrow *o = (TnAsyncGenAThrow *)self;
    TN_VISIT(TN_OBJ(o->gen));
    TN_VISIT(o->args);
    return 0;
}

static const TnMethodDef athrow_methods[] = {
    {"send", athrow_send, 0, NULL},
    {"throw", athrow_throw, 0, NULL},
    {"close", awaitable_close, 0, NULL},
    {"__await__", awaitable_await, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_async_generator_athrow = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "async_generator_athrow",
    .basicsize = sizeof(TnAsyncGenAThrow),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = athrow_dealloc,
    .iter = awaitable_self,
    .iternext = athrow_iternext,
    .methods = athrow_methods,
    .new_ = tn_type_new_not_allowed,
    .traverse = athrow_traverse,
};
