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
#include "threading/brc.h"
#include "threading/eval_breaker.h"
#include "threading/gil.h"
#include "threading/critical_section.h"
#include "threading/stw.h"
#include "threading/qsbr.h"

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
    /* Threads (threading/tstate.c). */
    TnGil gil;                 /* gil flavour only; inert in ft */
    TnStw stw;                 /* stop-the-world (threading/stw.h) */
    pthread_mutex_t threads_mutex;   /* guards the list below */
    struct TnThreadState *threads;   /* every live thread state */
    long threads_started;      /* _thread._count(): running threads started by _thread */
    unsigned long main_thread_ident;
    int finalizing;            /* atomic: the main thread is shutting the process down */
    size_t thread_stack_size;  /* _thread.stack_size(); 0 = the system default */
    intptr_t local_serial;     /* atomic: source of _thread._local keys */
    uint32_t *main_breaker;    /* the main thread's eval-breaker word (signals) */
    uint64_t pending_signals;  /* atomic: bit n-1 = signal n arrived, not yet handled */
    int exit_signal;           /* main thread only: die of this signal after finalising (an
                                  uncaught KeyboardInterrupt: SIGINT), 0 = exit normally */
    TnObject *atexit_callbacks; /* the atexit module's list of callbacks, or NULL before the
                                   first use (core/modules/atexit.c) */
    /* _imp.acquire_lock(): importlib's global import lock, reentrant
     * (core/modules/imp.c). */
    TnMutex imp_lock;
    uintptr_t imp_lock_owner;  /* atomic: tn_thread_id() of the holder, 0 = free */
    int imp_lock_count;        /* the holder's depth */
    /* Once importlib is imported (core/vm/import.c, install_importlib):
     * its _bootstrap_external module (module specs for the modules the C
     * importer loads) and the standard finders it put on sys.meta_path,
     * whose work the C importer does itself.  NULL before. */
    TnObject *importlib_external;
    TnObject *std_finders;     /* tuple */
    /* The codec registry (core/objects/codecs_registry.c): search functions
     * (list), normalised name -> CodecInfo (dict), error handler name ->
     * handler (dict); codecs_ready (atomic) once `encodings` is imported. */
    TnObject *codec_search_path;
    TnObject *codec_search_cache;
    TnObject *codec_error_registry;
    int codecs_ready;
} TnInterp;

typedef struct TnDataChunk TnDataChunk;

typedef struct TnThreadState {
    TnInterp *interp;
    /* Polled by the eval loop at its check points (threading/eval_breaker.h);
     * other threads post requests here with atomic OR. */
    uint32_t eval_breaker;
    /* This thread's biased-reference-counting registration and merge queue. */
    TnBrcThread brc;
    int status;                /* atomic: TN_THREAD_ATTACHED / _DETACHED / _SUSPENDED */
    bool stw_waiting;          /* under threads_mutex: waiting for a stop-the-world
                                  pause to end, to run again (threading/stw.c) */
    struct TnThreadState *prev, *next;   /* interp->threads, under threads_mutex */
    unsigned long thread_ident;          /* _thread.get_ident() */
    long native_id;                      /* _thread.get_native_id() */
    uint64_t gil_wait_ns;      /* time spent waiting for the GIL */
    uint64_t gil_takes;        /* GIL acquisitions */
    TnObject *local_dicts;     /* _thread._local per-thread dicts: {key: dict} or NULL */
    TnCriticalSectionState critical_sections;   /* this thread's held sections (ft) */
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
    /* The trashcan (core/objects/object.c): how many deallocations are
     * nested in this thread's C stack, and the objects whose deallocation
     * was deferred because the nesting got too deep (a LIFO array, freed
     * when the outermost deallocation unwinds). */
    int dealloc_depth;
    TnObject **trash;
    size_t trash_len, trash_cap;
    /* This thread's quiescent states and delayed decrefs (threading/qsbr.h).
     * Last: placed among the hot fields above, it cost fib 20% (layout). */
    TnQsbrThread qsbr;
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
/* Thread states of threads other than the main one (core/vm/lifecycle.c):
 * create the calling OS thread's state (registered, linked, not attached),
 * and tear it down at thread exit (the thread must be attached; returns
 * detached). */
TnThreadState *tn_thread_state_new(TnInterp *interp);
/* The same in two steps, so that a thread's starter can allocate the state
 * (and report MemoryError) and the new thread set it up:
 * tn_thread_state_alloc() (NULL, no exception, when out of memory) in any
 * thread, then tn_thread_state_init(ts, interp) in the new one (returns ts). */
TnThreadState *tn_thread_state_alloc(void);
TnThreadState *tn_thread_state_init(TnThreadState *ts, TnInterp *interp);
void tn_thread_state_delete_current(void);
/* Record that signal signum arrived and wake the main thread's eval loop
 * (async-signal-safe).  0 / -1. */
int tn_signal_trip(TnInterp *interp, int signum);

/* Handle whatever is posted in ts->eval_breaker (core/vm/breaker.c).
 * Returns 0, or -1 with an exception set. */
int tn_eval_handle_breaker(TnThreadState *ts);
static inline void tn_leave_recursive_call(void) { tn_tstate_current->py_recursion_depth--; }

#endif
