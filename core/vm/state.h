/* core/vm/state.h — interpreter state and per-thread state.
 *
 * No mutable global state lives outside these two structs (static type
 * objects and immortal singletons are immutable after startup).  The thread
 * state of the running OS thread is reached through a thread-local pointer.
 */
#ifndef TN_STATE_H
#define TN_STATE_H

#include "core/object.h"

typedef struct TnFrame TnFrame;

typedef struct TnInterp {
    TnObject *builtins;        /* dict of the builtins module */
    TnObject *builtins_module;
    TnObject *modules;         /* sys.modules */
    TnObject *sysdict;         /* sys.__dict__ */
    TnObject *interned;        /* str -> str: the interning table */
    int recursion_limit;
    TnObject *main_filename;   /* for messages */
} TnInterp;

typedef struct TnDataChunk TnDataChunk;

typedef struct TnThreadState {
    TnInterp *interp;
    TnObject *curexc;          /* the exception being raised, or NULL */
    TnObject *handled_exc;     /* sys.exception(): the exception being handled */
    TnFrame *frame;            /* innermost running Python frame */
    /* Frame stack: frames and their value stacks are carved out of chunks. */
    TnObject **datastack_top;
    TnObject **datastack_limit;
    TnDataChunk *datastack_chunk;
    int py_recursion_depth;    /* Python frames active */
    int c_recursion_depth;     /* nested C-level evaluations */
} TnThreadState;

extern _Thread_local TnThreadState *tn_tstate_current;
static inline TnThreadState *tn_tstate(void) { return tn_tstate_current; }
static inline TnInterp *tn_interp(void) { return tn_tstate_current->interp; }

/* Guard for C recursion (repr of nested lists, compare, parser).  Returns 0
 * or -1 with RecursionError ("maximum recursion depth exceeded" + where). */
int tn_enter_recursive_call(const char *where);
static inline void tn_leave_recursive_call(void) { tn_tstate_current->c_recursion_depth--; }

#endif
