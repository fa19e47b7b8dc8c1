/* core/objects/genobject.h — generator objects.
 *
 * A generator owns a heap copy of the frame its function started
 * (RETURN_GENERATOR moves the frame off the thread's frame stack).  send /
 * throw / close resume that frame as an entry frame of the eval loop; it
 * runs until YIELD_VALUE (suspended) or until it returns or raises (closed).
 *
 * State transitions are guarded so that a generator run by two threads at
 * once raises "ValueError: generator already executing" instead of running
 * one frame twice.
 */
#ifndef TN_GENOBJECT_H
#define TN_GENOBJECT_H

#include "core/object.h"

typedef struct TnFrame TnFrame;

enum { TN_GEN_CREATED = 0, TN_GEN_SUSPENDED, TN_GEN_RUNNING, TN_GEN_CLOSED };

typedef struct TnGen {
    TnObject ob;
    TnFrame *frame;          /* heap frame; NULL once closed and cleared */
    TnObject *name;          /* __name__ */
    TnObject *qualname;      /* __qualname__ */
    TnObject *code;          /* gi_code */
    TnObject *exc_state;     /* the exception its frame was handling when it
                                suspended (strong) or NULL (see gen_resume) */
    uint8_t state;           /* TN_GEN_*; changed with atomic CAS */
    uint8_t ag_running_async; /* async generators: an asend/athrow is in progress */
    uint8_t ag_closed;        /* async generators: aclose() called or exhausted */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnGen;

extern TnType tn_type_generator;

static inline bool tn_gen_check(const TnObject *op) { return op->type == &tn_type_generator; }

/* Wrap a heap frame (ownership passes to the generator). */
TnObject *tn_gen_new_steal_frame(TnFrame *frame, TnObject *name, TnObject *qualname);
/* gen.send(value): the next yielded value (new ref); NULL with StopIteration
 * (carrying the return value) when the generator returns, or with the error
 * it raised.  If `iternext` is true, a plain return raises nothing (NULL
 * without exception: exhausted), as the iternext slot needs. */
TnObject *tn_gen_send(TnObject *gen, TnObject *value, bool iternext);

/* Shared with coroutines and async generators (core/objects/coroobject.c):
 * they are TnGen objects of other types, resumed the same way; messages
 * name the kind ("coroutine already executing"...). */
TnObject *tn_gen_new_typed(TnType *type, TnFrame *frame, TnObject *name, TnObject *qualname);
/* The sub-iterator of the `yield from` / `await` it is suspended in (borrowed) or NULL. */
TnObject *tn_gen_yf(TnObject *gen);
/* throw() with the exception already set as the current one.
 * close_on_generator_exit: a GeneratorExit closes the sub-iterator. */
TnObject *tn_gen_throw_current(TnObject *gen, bool close_on_generator_exit);
/* Normalise throw()'s (typ[, val[, tb]]) arguments and set the exception: 0 / -1. */
int tn_gen_set_throw_exception(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_gen_close(TnObject *gen);
void tn_gen_dealloc(TnObject *self);
/* Close a suspended generator/coroutine when it dies (TnType.finalize). */
void tn_gen_finalize(TnObject *self);
TnObject *tn_gen_meth_send(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_gen_meth_throw(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_gen_meth_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_gen_get_name(TnObject *self, void *c);
TnObject *tn_gen_get_qualname(TnObject *self, void *c);
TnObject *tn_gen_get_code(TnObject *self, void *c);
TnObject *tn_gen_get_running(TnObject *self, void *c);
TnObject *tn_gen_get_suspended(TnObject *self, void *c);
TnObject *tn_gen_get_yieldfrom(TnObject *self, void *c);
TnObject *tn_gen_get_frame(TnObject *self, void *c);
/* Cycle collection (TnType.traverse / clear of the three kinds). */
int tn_gen_traverse(TnObject *self, tn_visitproc visit, void *arg);
int tn_gen_clear(TnObject *self);

#endif
