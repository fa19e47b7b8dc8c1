/* core/objects/genobject.c — generators: send, throw, close, iteration,
 * and `yield from` delegation (PEP 380), with PEP 479's rule that a
 * StopIteration escaping a generator becomes RuntimeError.  *
 * Design note: docs/execution.md.
 */
#include <stdio.h>
#include "core/tn.h"
#include "core/compiler/opcodes.h"
#include "core/objects/frameobject.h"
#include "core/objects/genobject.h"
#include "core/objects/coroobject.h"
#include "core/vm/eval.h"
#include "core/vm/frame.h"

TnObject *tn_gen_new_steal_frame(TnFrame *frame, TnObject *name, TnObject *qualname)
{
    return tn_gen_new_typed(&tn_type_generator, frame, name, qualname);
}

TnObject *tn_gen_new_typed(TnType *type, TnFrame *frame, TnObject *name, TnObject *qualname)
{
    TnGen *g = (TnGen *)tn_object_new(type, sizeof(TnGen));
    if (g == NULL)
        return NULL;
    g->frame = frame;
    g->name = tn_newref(name);
    g->qualname = tn_newref(qualname);
    g->code = tn_newref(TN_OBJ(frame->code));
    g->exc_state = NULL;
    g->state = TN_GEN_CREATED;
    g->ag_running_async = 0;
    g->ag_closed = 0;
    return TN_OBJ(g);
}

/* "generator", "coroutine" or "async generator", for messages. */
static const char *gen_kind(TnGen *g)
{
    if (g->ob.type == &tn_type_coroutine)
        return "coroutine";
    if (g->ob.type == &tn_type_async_generator)
        return "async generator";
    return "generator";
}

/* Move from one state to RUNNING atomically: two threads resuming the same
 * generator must not both run its frame. */
static bool try_start(TnGen *g, uint8_t *prev)
{
    for (;;) {
        uint8_t s = tn_atomic_load_u8(&g->state);
        if (s == TN_GEN_RUNNING || s == TN_GEN_CLOSED) {
            *prev = s;
            return false;
        }
        if (tn_atomic_cas_u8(&g->state, s, TN_GEN_RUNNING)) {
            *prev = s;
            return true;
        }
    }
}

static void release_frame(TnGen *g)
{
    if (g->frame != NULL) {
        if (g->frame->code != NULL)
            tn_eval_frame_clear(g->frame);
        tn_mem_free(g->frame);
        g->frame = NULL;
    }
}

/* PEP 479: a StopIteration leaving the generator's frame is a bug in the
 * generator; it becomes RuntimeError with the StopIteration as cause. */
static void stop_iteration_to_runtime_error(TnGen *g)
{
    const char *what = "StopIteration";
    if (!tn_err_matches(&tn_exc_StopIteration)) {
        if (g->ob.type != &tn_type_async_generator || !tn_err_matches(&tn_exc_StopAsyncIteration))
            return;
        what = "StopAsyncIteration";
    }
    TnObject *stop = tn_err_fetch();
    tn_err_format(&tn_exc_RuntimeError, "%s raised %s", gen_kind(g), what);
    TnObject *exc = tn_err_occurred();
    if (exc != NULL) {
        TnBaseException *e = (TnBaseException *)exc;
        tn_field_replace_steal(&e->cause, tn_newref(stop));
        tn_field_replace_steal(&e->context, tn_newref(stop));
        tn_exc_set_suppress_context(exc, 1);
    }
    tn_decref(stop);
}

/* Resume the frame: with throwflag, the current exception is raised at the
 * suspension point.  Returns the yielded value, or NULL (StopIteration with
 * the return value unless iternext and the value is None, or an error). */
/* The handled exception is per generator, as CPython's gi_exc_state: the
 * frame runs with its own one (NULL at first) in ts->handled_exc, and
 * sys.exception() falls back to the caller's (ts->handled_outer) while it
 * has none; when it suspends inside an except clause the generator keeps
 * its exception for the next resume.  The saved caller state stays alive
 * in the caller's locals meanwhile. */
typedef struct { TnObject *handled, *outer; } ExcSaved;

static ExcSaved exc_state_enter(TnThreadState *ts, TnGen *g)
{
    ExcSaved saved = {ts->handled_exc, ts->handled_outer};
    ts->handled_outer = tn_tstate_handled_exc(ts);
    ts->handled_exc = g->exc_state;   /* the reference moves to ts */
    g->exc_state = NULL;
    return saved;
}

static void exc_state_leave(TnThreadState *ts, TnGen *g, ExcSaved saved, bool suspended)
{
    if (suspended)
        g->exc_state = ts->handled_exc;
    else
        tn_xdecref(ts->handled_exc);
    ts->handled_exc = saved.handled;
    ts->handled_outer = saved.outer;
}

/* The generator could not be claimed: it is running (in this thread or
 * another) or finished.  Sets the exception a resume gets in that case. */
static TnObject *resume_refused(TnGen *g, uint8_t prev, int throwflag, bool iternext)
{
    if (prev == TN_GEN_RUNNING) {
        if (throwflag)
            tn_err_clear();
        return tn_err_format(&tn_exc_ValueError, "%s already executing", gen_kind(g));
    }
    if (g->ob.type == &tn_type_coroutine) {
        if (throwflag)
            tn_err_clear();
        return tn_err_format(&tn_exc_RuntimeError, "cannot reuse already awaited coroutine");
    }
    /* Closed: a throw propagates its exception; send/next stop. */
    if (!throwflag && !iternext)
        tn_err_set_none(g->ob.type == &tn_type_async_generator ? &tn_exc_StopAsyncIteration
                                                               : &tn_exc_StopIteration);
    return NULL;
}

/* Run the frame of a generator this thread has claimed (state RUNNING, set
 * by try_start; prev is the state it had). */
static TnObject *gen_run_claimed(TnGen *g, uint8_t prev, TnObject *value, int throwflag, bool iternext)
{
    if (prev == TN_GEN_CREATED && value != TN_NONE && !throwflag) {
        tn_atomic_store_u8(&g->state, TN_GEN_CREATED);
        return tn_err_format(&tn_exc_TypeError, "can't send non-None value to a just-started %s", gen_kind(g));
    }
    TnThreadState *ts = tn_tstate();
    ExcSaved saved = exc_state_enter(ts, g);
    TnObject *res = tn_eval_resume_frame(g->frame, throwflag ? NULL : tn_newref(value), throwflag);
    exc_state_leave(ts, g, saved, ts->gen_yielded != 0);
    if (ts->gen_yielded) {
        ts->gen_yielded = 0;
        tn_atomic_store_u8(&g->state, TN_GEN_SUSPENDED);
        return res;
    }
    /* The frame returned or raised: the generator is finished. */
    release_frame(g);
    tn_atomic_store_u8(&g->state, TN_GEN_CLOSED);
    if (res == NULL) {
        stop_iteration_to_runtime_error(g);
        return NULL;
    }
    if (g->ob.type == &tn_type_async_generator) {
        tn_decref(res);
        tn_err_set_none(&tn_exc_StopAsyncIteration);
        return NULL;
    }
    if (res == TN_NONE) {
        tn_decref(res);
        if (!iternext)
            tn_err_set_none(&tn_exc_StopIteration);
        return NULL;
    }
    tn_err_set_object(&tn_exc_StopIteration, res);
    tn_decref(res);
    return NULL;
}

static TnObject *gen_resume(TnGen *g, TnObject *value, int throwflag, bool iternext)
{
    uint8_t prev;
    if (!try_start(g, &prev))
        return resume_refused(g, prev, throwflag, iternext);
    return gen_run_claimed(g, prev, value, throwflag, iternext);
}

/* The sub-iterator of a `yield from` the frame is suspended in, if any
 * (the generator is suspended, or claimed by the caller). */
static TnObject *frame_yf(TnGen *g)
{
    if (g->frame == NULL)
        return NULL;
    TnCodeUnit w = *g->frame->instr_ptr;
    if (TN_OP(w) != TN_RESUME || TN_ARG(w) < 2)
        return NULL;
    return g->frame->stack_pointer[-1];
}

/* The sub-iterator of a `yield from` the generator is suspended in, if any:
 * the frame stopped at the RESUME 2 that follows the delegation's YIELD_VALUE,
 * with the receiver on top of its stack (CPython's _PyGen_yf).  Borrowed. */
static TnObject *gen_yf(TnGen *g)
{
    if (tn_atomic_load_u8(&g->state) != TN_GEN_SUSPENDED)
        return NULL;
    return frame_yf(g);
}

TnObject *tn_gen_send(TnObject *gen, TnObject *value, bool iternext)
{
    return gen_resume((TnGen *)gen, value, 0, iternext);
}

TnObject *tn_gen_yf(TnObject *gen)
{
    return gen_yf((TnGen *)gen);
}

/* After a delegated throw/close finished the sub-iterator: pop it, continue
 * after the `yield from` loop (the SEND's target) with its result pushed,
 * as CPython's _gen_throw does.  The generator is still claimed (RUNNING)
 * by this thread, so no other thread touches the frame meanwhile. */
static TnObject *finish_delegation(TnGen *g)
{
    TnFrame *f = g->frame;
    TnObject *recv = *--f->stack_pointer;
    tn_decref(recv);
    /* instr_ptr -> RESUME 2; two back is the SEND whose target ends the loop. */
    TnCodeUnit send = f->instr_ptr[-2];
    f->instr_ptr = f->code->instr + TN_ARG(send);
    TnObject *val;
    if (tn_err_matches(&tn_exc_StopIteration)) {
        TnObject *exc = tn_err_fetch();
        TnObject *v = tn_field_load(&((TnStopIterationObject *)exc)->value);   /* held by exc */
        val = tn_newref(v != NULL ? v : TN_NONE);
        tn_decref(exc);
    } else if (tn_err_occurred() == NULL) {
        val = tn_newref(TN_NONE);
    } else {
        /* The sub-iterator raised: raise it in this frame. */
        return gen_run_claimed(g, TN_GEN_SUSPENDED, TN_NONE, 1, false);
    }
    TnObject *r = gen_run_claimed(g, TN_GEN_SUSPENDED, val, 0, false);
    tn_decref(val);
    return r;
}

static int close_subiterator(TnObject *yf)
{
    if (tn_gen_check(yf)) {
        TnObject *r = tn_call_method_cstr(yf, "close", NULL, 0);
        tn_xdecref(r);
        return r != NULL ? 0 : -1;
    }
    TnObject *close;
    int found = tn_object_lookup_attr(yf, tn_str_intern_cstr("close"), &close);
    if (found <= 0)
        return found;
    TnObject *r = tn_call_noargs(close);
    tn_decref(close);
    tn_xdecref(r);
    return r != NULL ? 0 : -1;
}

/* throw(exc) with exc already normalised and set as the current exception
 * (taken by this function). */
static TnObject *gen_throw_current(TnGen *g, bool close_on_generator_exit)
{
    /* Claim the generator before looking at its frame: another thread
     * resuming it at the same time gets "already executing", as it would
     * while the sub-iterator's close()/throw() runs (CPython marks the
     * generator running for that too). */
    uint8_t prev;
    if (!try_start(g, &prev))
        return resume_refused(g, prev, 1, false);
    TnObject *yf = prev == TN_GEN_SUSPENDED ? frame_yf(g) : NULL;
    if (yf != NULL) {
        tn_incref(yf);
        TnObject *exc = tn_err_occurred();
        TnObject *res = NULL;
        bool delegated = false;
        if (close_on_generator_exit && tn_object_type_check(exc, &tn_exc_GeneratorExit)) {
            /* Close the sub-iterator first, then raise GeneratorExit here. */
            TnObject *saved = tn_err_fetch();
            int r = close_subiterator(yf);
            if (r < 0)
                tn_decref(saved);
            else
                tn_err_restore(saved);
        } else {
            TnObject *throw_meth = NULL;
            int found = tn_gen_check(yf) ? 1 : tn_object_lookup_attr(yf, tn_str_intern_cstr("throw"), &throw_meth);
            if (found > 0) {
                TnObject *e = tn_err_fetch();
                res = tn_gen_check(yf) ? tn_call_method_cstr(yf, "throw", &e, 1) : tn_call_one(throw_meth, e);
                tn_decref(e);
                tn_xdecref(throw_meth);
                delegated = true;
            } else if (found < 0) {
                /* lookup failed: raise that error in the generator */
            }
        }
        tn_decref(yf);
        if (delegated) {
            if (res != NULL) {
                /* The sub-iterator yielded: stay suspended in it. */
                tn_atomic_store_u8(&g->state, TN_GEN_SUSPENDED);
                return res;
            }
            return finish_delegation(g);
        }
    }
    return gen_run_claimed(g, prev, TN_NONE, 1, false);
}

TnObject *tn_gen_throw_current(TnObject *gen, bool close_on_generator_exit)
{
    return gen_throw_current((TnGen *)gen, close_on_generator_exit);
}

/* throw(typ, val) with typ an exception class: CPython's
 * PyErr_NormalizeException.  When instantiating fails (the constructor
 * raised, or returned a non-exception), the resulting error is what gets
 * thrown into the generator, as in CPython.  New reference. */
static TnObject *throw_normalize(TnObject *typ, TnObject *val)
{
    if (val != NULL && tn_exception_check(val) && tn_object_type_check(val, (TnType *)typ))
        return tn_newref(val);
    /* CPython normalises twice: in throw() and again where the generator
     * catches it (see tn_err_fix_instance_steal). */
    TnObject *exc = tn_err_create_exception(typ, val);
    if (exc != NULL)
        exc = tn_err_fix_instance_steal(typ, exc);
    return exc != NULL ? exc : tn_err_fetch();
}

/* gen.throw(typ[, val[, tb]]) (3.11 signature) or gen.throw(exc). */
int tn_gen_set_throw_exception(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 3) < 0)
        return -1;
    TnObject *typ = args[0], *val = nargs > 1 ? args[1] : NULL;
    TnObject *tb = nargs > 2 && args[2] != TN_NONE ? args[2] : NULL;
    if (tb != NULL && tn_type(tb) != &tn_type_traceback) {
        tn_err_set_str(&tn_exc_TypeError, "throw() third argument must be a traceback object");
        return -1;
    }
    TnObject *exc;
    if (tn_exception_type_check(typ)) {
        exc = throw_normalize(typ, val);
    } else if (tn_exception_check(typ)) {
        if (val != NULL && val != TN_NONE) {
            tn_err_format(&tn_exc_TypeError, "instance exception may not have a separate value");
            return -1;
        }
        exc = tn_newref(typ);
    } else {
        tn_err_format(&tn_exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, not %T", typ);
        return -1;
    }
    if (tb != NULL)
        TN_SETREF(((TnBaseException *)exc)->traceback, tn_newref(tb));
    tn_err_restore(exc);
    return 0;
}

TnObject *tn_gen_meth_throw(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_gen_set_throw_exception("throw", args, nargs, kwnames) < 0)
        return NULL;
    return gen_throw_current((TnGen *)self, true);
}

/* close(): raise GeneratorExit at the suspension point; it must not yield. */
static TnObject *gen_close_impl(TnGen *g)
{
    uint8_t s = tn_atomic_load_u8(&g->state);
    if (s == TN_GEN_CREATED) {
        if (tn_atomic_cas_u8(&g->state, TN_GEN_CREATED, TN_GEN_CLOSED))
            release_frame(g);
        return tn_newref(TN_NONE);
    }
    if (s == TN_GEN_CLOSED)
        return tn_newref(TN_NONE);
    if (s == TN_GEN_RUNNING)
        return tn_err_format(&tn_exc_ValueError, "%s already executing", gen_kind(g));
    tn_err_set_none(&tn_exc_GeneratorExit);
    TnObject *r = gen_throw_current(g, true);
    if (r != NULL) {
        tn_decref(r);
        return tn_err_format(&tn_exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(g));
    }
    if (tn_err_matches(&tn_exc_StopIteration) || tn_err_matches(&tn_exc_GeneratorExit)) {
        tn_err_clear();
        return tn_newref(TN_NONE);
    }
    return NULL;
}

TnObject *tn_gen_close(TnObject *gen)
{
    return gen_close_impl((TnGen *)gen);
}

TnObject *tn_gen_meth_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("close", kwnames) < 0 || tn_args_count("close", nargs, 0, 0) < 0)
        return NULL;
    return gen_close_impl((TnGen *)self);
}

TnObject *tn_gen_meth_send(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("send", kwnames) < 0 || tn_args_count("send", nargs, 1, 1) < 0)
        return NULL;
    return gen_resume((TnGen *)self, args[0], 0, false);
}

static TnObject *gen_iternext(TnObject *self)
{
    return gen_resume((TnGen *)self, TN_NONE, 0, true);
}

static TnObject *gen_iter(TnObject *self)
{
    return tn_newref(self);
}

/* PEP 442 finalizer (TnType.finalize) of generators, coroutines and async
 * generators: a suspended one is closed, so its finally blocks run; an
 * error is reported as "Exception ignored in: <generator object ...>". */
void tn_gen_finalize(TnObject *self)
{
    TnGen *g = (TnGen *)self;
    if (tn_atomic_load_u8(&g->state) != TN_GEN_SUSPENDED)
        return;
    TnObject *r = gen_close_impl(g);
    if (r == NULL)
        tn_err_write_unraisable(NULL, self);
    tn_xdecref(r);
}

void tn_gen_dealloc(TnObject *self)
{
    TnGen *g = (TnGen *)self;
    release_frame(g);
    TN_CLEAR(g->exc_state);
    TN_CLEAR(g->name);
    TN_CLEAR(g->qualname);
    TN_CLEAR(g->code);
    tn_object_free(self);
}

/* ---- cycle collection ----------------------------------------------------
 * Shared by generators, coroutines and async generators (coroobject.c).
 * A generator owns its heap frame: the frame's function, code and locals
 * dict, its locals, cells and free variables, and -- while suspended --
 * the value stack up to the saved stack_pointer.  A running frame's
 * stack_pointer is not kept up to date, so only its locals are visited
 * then (what its value stack holds stays counted as external: kept).
 * A running generator is reachable from its thread anyway. */
int tn_gen_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnGen *g = (TnGen *)self;
    TN_VISIT(g->name);
    TN_VISIT(g->qualname);
    TN_VISIT(g->code);
    TN_VISIT(g->exc_state);
    TnFrame *f = g->frame;
    if (f == NULL || f->code == NULL)
        return 0;
    TN_VISIT(TN_OBJ(f->code));
    TN_VISIT(f->func);
    TN_VISIT(f->locals);
    TnObject **end = tn_atomic_load_u8(&g->state) == TN_GEN_RUNNING ? f->localsplus + f->code->nlocalsplus
                                                                     : f->stack_pointer;
    for (TnObject **p = f->localsplus; p < end; p++)
        TN_VISIT(*p);
    return 0;
}

/* Close a generator the collector found unreachable without running it:
 * its finalizer (close(), which runs the finally blocks) has already run
 * by then, so only a generator that never started, or whose finalizer
 * resurrected nothing and left it suspended, still has a frame.  The frame
 * is detached before its references are dropped (a decref may run code
 * that looks at the generator: it sees a closed one, as after close()). */
int tn_gen_clear(TnObject *self)
{
    TnGen *g = (TnGen *)self;
    uint8_t s = tn_atomic_load_u8(&g->state);
    if (s == TN_GEN_RUNNING || (s != TN_GEN_CLOSED && !tn_atomic_cas_u8(&g->state, s, TN_GEN_CLOSED)))
        return 0;   /* running or just claimed by a thread: not garbage */
    TnFrame *f = g->frame;
    g->frame = NULL;
    if (f != NULL) {
        if (f->code != NULL)
            tn_eval_frame_clear(f);
        tn_mem_free(f);
    }
    TN_CLEAR(g->exc_state);
    return 0;
}

static TnObject *gen_repr(TnObject *self)
{
    return tn_str_from_format("<generator object %U at %p>", ((TnGen *)self)->qualname, (void *)self);
}

TnObject *tn_gen_get_name(TnObject *self, void *c) { return tn_newref(((TnGen *)self)->name); }
TnObject *tn_gen_get_qualname(TnObject *self, void *c) { return tn_newref(((TnGen *)self)->qualname); }
TnObject *tn_gen_get_code(TnObject *self, void *c) { return tn_newref(((TnGen *)self)->code); }

TnObject *tn_gen_get_running(TnObject *self, void *c)
{
    return tn_bool_from(tn_atomic_load_u8(&((TnGen *)self)->state) == TN_GEN_RUNNING);
}

TnObject *tn_gen_get_suspended(TnObject *self, void *c)
{
    return tn_bool_from(tn_atomic_load_u8(&((TnGen *)self)->state) == TN_GEN_SUSPENDED);
}

TnObject *tn_gen_get_yieldfrom(TnObject *self, void *c)
{
    TnObject *yf = gen_yf((TnGen *)self);
    return tn_newref(yf != NULL ? yf : TN_NONE);
}

/* gi_frame / cr_frame / ag_frame: a snapshot of the generator's frame
 * (see frameobject.h), None once it has finished.  While it runs, the
 * snapshot includes its callers. */
TnObject *tn_gen_get_frame(TnObject *self, void *c)
{
    TnGen *g = (TnGen *)self;
    uint8_t state = tn_atomic_load_u8(&g->state);
    if (state == TN_GEN_CLOSED || g->frame == NULL)
        return tn_none_ref();
    if (state == TN_GEN_RUNNING)
        return tn_frame_object_from(g->frame);
    return tn_frame_object_alone(g->frame);
}

static const TnMethodDef gen_methods[] = {
    {"send", tn_gen_meth_send, 0, NULL},
    {"throw", tn_gen_meth_throw, 0, NULL},
    {"close", tn_gen_meth_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef gen_getsets[] = {
    {"__name__", tn_gen_get_name, NULL, NULL, NULL},
    {"__qualname__", tn_gen_get_qualname, NULL, NULL, NULL},
    {"gi_code", tn_gen_get_code, NULL, NULL, NULL},
    {"gi_frame", tn_gen_get_frame, NULL, NULL, NULL},
    {"gi_running", tn_gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", tn_gen_get_suspended, NULL, NULL, NULL},
    {"gi_yieldfrom", tn_gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_generator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "generator",
    .weaklistoffset = offsetof(TnGen, weaklist),
    .basicsize = sizeof(TnGen),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = tn_gen_dealloc,
    .finalize = tn_gen_finalize,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
    .new_ = tn_type_new_not_allowed,
    .traverse = tn_gen_traverse,
    .clear = tn_gen_clear,
};
