/* core/vm/state.h — interpreter state and per-thread state.
 *
 * No mutable global state lives outside these two structs (static type
 * objects and immortal singletons are immutable after startup).  The thread
 * state of the running OS thread is reached through a thread-local pointer.
 */
#ifndef TN_STATE_H
#define TN_STATE_H

#include "core/object.h"
#include "alloc/freelist.h"

typedef struct TnFrame TnFrame;

typedef struct TnInterp {
    TnObject *builtins;        /* dict of the builtins module */
    TnObject *builtins_module;
    TnObject *modules;         /* sys.modules */
    TnObject *sysdict;         /* sys.__dict__ */
    TnObject *interned;        /* str -> str: the interning table */
    TnObject *importing;       /* names of modules whose body is running (circular-import messages) */
    uint32_t next_type_version; /* source of unique type version tags */
    int recursion_limit;
    int int_max_str_digits;    /* sys.set_int_max_str_digits(); 0 = no limit */
    TnObject *memory_error;    /* preallocated MemoryError, used when raising one needs memory */
} TnInterp;

typedef struct TnDataChunk TnDataChunk;

typedef struct TnThreadState {
    TnInterp *interp;
    TnObject *curexc;          /* the exception being raised, or NULL */
    TnObject *handled_exc;     /* the exception being handled at this level (the running
                                  generator's own, see genobject.c), or NULL */
    TnObject *handled_outer;   /* borrowed: the one sys.exception() shows when handled_exc
                                  is NULL (a running generator's caller's), or NULL */
    int gen_yielded;           /* set by YIELD_VALUE for the generator that resumed the frame */
    TnFrame *frame;            /* innermost running Python frame */
    /* Frame stack: frames and their value stacks are carved out of chunks. */
    TnObject **datastack_top;
    TnObject **datastack_limit;
    TnDataChunk *datastack_chunk;
    /* One depth counter for Python frames and nested C-level evaluations,
     * checked against sys.getrecursionlimit() as CPython 3.11 does. */
    int py_recursion_depth;
    int c_recursion_depth;     /* unused by the limit; kept for statistics */
    /* Lowest safe C stack address: recursion that gets below it raises
     * RecursionError whatever the recursion limit is set to. */
    char *c_stack_limit;
    /* Method cache: (type version, interned name) -> borrowed MRO lookup
     * result.  Per thread, so it needs no lock in either flavour. */
    struct TnTypeCacheEntry {
        uint32_t version;
        TnObject *name;
        TnObject *value;
    } type_cache[TN_TYPE_CACHE_SIZE];
    /* tn_str_intern_cstr's cache: C string literal -> interned str. */
    struct TnInternCacheEntry {
        const char *key;
        TnObject *str;
    } intern_cache[TN_INTERN_CACHE_SIZE];
    /* Recycled memory of dead objects, used only by this thread. */
    TnFreeList float_freelist;
    TnFreeList int_freelist;
    TnFreeList tuple_freelists[TN_TUPLE_FREELIST_SIZES + 1];   /* by size; [0] unused */
    TnObject *repr_running;    /* list of containers whose repr is in progress (repr_guard.c) or NULL */
} TnThreadState;

/* sys.exception(): the exception being handled (borrowed), maybe None or NULL. */
static inline TnObject *tn_tstate_handled_exc(const TnThreadState *ts)
{
    return ts->handled_exc != NULL ? ts->handled_exc : ts->handled_outer;
}

extern _Thread_local TnThreadState *tn_tstate_current;
static inline TnThreadState *tn_tstate(void) { return tn_tstate_current; }
static inline TnInterp *tn_interp(void) { return tn_tstate_current->interp; }

/* Guard for C recursion (repr of nested lists, compare, parser).  Returns 0
 * or -1 with RecursionError ("maximum recursion depth exceeded" + where). */
int tn_enter_recursive_call(const char *where);
/* Only the C stack check (no depth counted): -1 with RecursionError when the
 * C stack is nearly exhausted. */
int tn_check_c_stack(const char *where);
static inline void tn_leave_recursive_call(void) { tn_tstate_current->py_recursion_depth--; }

#endif
