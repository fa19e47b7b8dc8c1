/* core/objects/coroobject.h — coroutines and asynchronous generators (PEP 492,
 * PEP 525), as CPython 3.11.
 *
 * Both are TnGen objects (core/objects/genobject.h) of their own types: an
 * `async def` function's RETURN_GENERATOR makes a coroutine, or an async
 * generator if its body yields.  They resume their heap frame with the
 * generator machinery.  An async generator's `yield` wraps the value
 * (ASYNC_GEN_WRAP); the awaitables returned by __anext__/asend
 * (async_generator_asend) and athrow/aclose (async_generator_athrow) unwrap
 * it into StopIteration(value), and pass any other yielded value (one from an
 * `await` inside the generator) through to whoever drives them.
 */
#ifndef TN_COROOBJECT_H
#define TN_COROOBJECT_H

#include "core/object.h"

extern TnType tn_type_coroutine;
extern TnType tn_type_coroutine_wrapper;
extern TnType tn_type_async_generator;
extern TnType tn_type_async_generator_asend;
extern TnType tn_type_async_generator_athrow;
extern TnType tn_type_async_generator_wrapped_value;

static inline bool tn_coro_check(const TnObject *op) { return op->type == &tn_type_coroutine; }
static inline bool tn_async_gen_check(const TnObject *op) { return op->type == &tn_type_async_generator; }

/* The iterator `await o` drives (CPython's _PyCoro_GetAwaitableIter): a
 * coroutine itself, or o.__await__() (checked to be an iterator).  New ref. */
TnObject *tn_coro_get_awaitable_iter(TnObject *o);

/* The opcodes' work (core/vm/eval.c); each returns a new reference or NULL. */
TnObject *tn_coro_op_get_awaitable(TnObject *o, int where);  /* GET_AWAITABLE */
TnObject *tn_coro_op_get_aiter(TnObject *o);                 /* GET_AITER */
TnObject *tn_coro_op_get_anext(TnObject *aiter);             /* GET_ANEXT */
TnObject *tn_coro_op_wrap(TnObject *v);                      /* ASYNC_GEN_WRAP */

#endif
