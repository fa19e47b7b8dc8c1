/* core/vm/lifecycle.c — creating the interpreter and thread states,
 * readying every static type, and the recursion guard. */
#define _GNU_SOURCE 1   /* pthread_getattr_np */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "core/tn.h"
#include "gc/gc.h"
#include "threading/critical_section.h"
#include "threading/tstate.h"
#include "core/vm/lifecycle.h"
#include "core/vm/eval.h"
#include "core/vm/import.h"
#include "core/objects/mappingproxy.h"
#include "core/modules/modules.h"
#include "core/modules/signal.h"
#include "core/objects/complex.h"
#include "core/objects/coroobject.h"

_Thread_local TnThreadState *tn_tstate_current;

/* Stack space kept in reserve below the recursion guard's limit, so that
 * raising the RecursionError and unwinding have room. */
#define C_STACK_RESERVE (256 * 1024)

static char *stack_limit_for_current_thread(void)
{
    pthread_attr_t attr;
    void *addr;
    size_t size;
    /* Fallback when the stack cannot be queried: allow 1 MiB below here. */
    char *fallback = (char *)__builtin_frame_address(0) - (1 << 20);
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return fallback;
    int r = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (r != 0 || size <= 2 * C_STACK_RESERVE)
        return fallback;
    return (char *)addr + C_STACK_RESERVE;
}

int tn_enter_recursive_call(const char *where)
{
    TnThreadState *ts = tn_tstate_current;
    char probe;
    if (ts->py_recursion_depth >= ts->interp->recursion_limit || &probe < ts->c_stack_limit) {
        tn_err_format(&tn_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    ts->py_recursion_depth++;
    return 0;
}

int tn_check_c_stack(const char *where)
{
    char probe;
    if (&probe < tn_tstate_current->c_stack_limit) {
        tn_err_format(&tn_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

TnThreadState *tn_thread_state_alloc(void)
{
    return tn_mem_calloc(1, sizeof(TnThreadState));
}

TnThreadState *tn_thread_state_new(TnInterp *interp)
{
    TnThreadState *ts = tn_thread_state_alloc();
    return ts != NULL ? tn_thread_state_init(ts, interp) : NULL;
}

TnThreadState *tn_thread_state_init(TnThreadState *ts, TnInterp *interp)
{
    ts->interp = interp;
    ts->c_stack_limit = stack_limit_for_current_thread();
    ts->float_freelist.limit = TN_FLOAT_FREELIST_LIMIT;
    ts->int_freelist.limit = TN_INT_FREELIST_LIMIT;
    for (int i = 1; i <= TN_TUPLE_FREELIST_SIZES; i++)
        ts->tuple_freelists[i].limit = TN_TUPLE_FREELIST_LIMIT;
    ts->thread_ident = (unsigned long)pthread_self();
    ts->native_id = (long)syscall(SYS_gettid);
    tn_brc_thread_register(&ts->brc, &ts->eval_breaker);
    tn_qsbr_register(&ts->qsbr);
    tn_critical_section_bind_state(&ts->critical_sections);
    tn_tstate_current = ts;
    tn_threads_link(ts);
    return ts;
}

static void free_thread_memory(TnThreadState *ts)
{
    tn_freelist_clear(&ts->float_freelist);
    tn_freelist_clear(&ts->int_freelist);
    for (int i = 1; i <= TN_TUPLE_FREELIST_SIZES; i++)
        tn_freelist_clear(&ts->tuple_freelists[i]);
    tn_eval_free_datastack(ts);
    tn_mem_free(ts->trash);   /* empty: the trashcan is drained before tn_dealloc returns */
}

void tn_thread_state_delete_current(void)
{
    TnThreadState *ts = tn_tstate();
    /* Per-thread Python state first, while still attached: dropping it can
     * run destructors. */
    TN_CLEAR(ts->local_dicts);
    TN_CLEAR(ts->curexc);
    TN_CLEAR(ts->handled_exc);
    /* Objects other threads handed back to this one are merged now; objects
     * this thread still owns are merged later by whoever drops them last. */
    tn_qsbr_unregister(&ts->qsbr);
    tn_brc_thread_unregister(&ts->brc);
    /* Attached and still listed: the free lists go back to the object
     * allocator (gil: under the GIL; ft: before a stop-the-world stops
     * waiting for this thread), then its heap is handed over. */
    free_thread_memory(ts);
    tn_alloc_thread_exit();
    tn_threads_unlink(ts);
    (void)tn_thread_detach();
    tn_critical_section_bind_state(NULL);
    tn_tstate_current = NULL;
    tn_mem_free(ts);
}

int tn_signal_trip(TnInterp *interp, int signum)
{
    if (signum < 1 || signum > 64)
        return 0;
    __atomic_fetch_or(&interp->pending_signals, (uint64_t)1 << (signum - 1), __ATOMIC_SEQ_CST);
    if (interp->main_breaker != NULL)
        tn_eval_breaker_set(interp->main_breaker, TN_EVAL_SIGNALS);
    return 0;
}

/* Every static type, readied in dependency order (bases first is handled
 * by tn_type_ready itself). */
static TnType *const static_types[] = {
    &tn_type_object, &tn_type_type, &tn_type_int, &tn_type_bool, &tn_type_float,
    &tn_type_str, &tn_type_tuple, &tn_type_list, &tn_type_dict,
    &tn_type_dict_keys, &tn_type_dict_values, &tn_type_dict_items,
    &tn_type_dict_keyiterator, &tn_type_dict_valueiterator, &tn_type_dict_itemiterator,
    &tn_type_dict_reversekeyiterator, &tn_type_dict_reversevalueiterator, &tn_type_dict_reverseitemiterator,
    &tn_type_set, &tn_type_frozenset, &tn_type_set_iterator,
    &tn_type_tuple_iterator, &tn_type_list_iterator, &tn_type_list_reverseiterator,
    &tn_type_str_iterator, &tn_type_str_ascii_iterator, &tn_type_seqiter,
    &tn_type_range, &tn_type_range_iterator, &tn_type_longrange_iterator, &tn_type_slice,
    &tn_type_none, &tn_type_notimplemented, &tn_type_ellipsis,
    &tn_type_function, &tn_type_cfunction, &tn_type_method, &tn_type_cell,
    &tn_type_method_descr, &tn_type_classmethod_descr, &tn_type_getset_descr,
    &tn_type_bytes, &tn_type_bytearray, &tn_type_memoryview,
    &tn_type_bytes_iterator, &tn_type_bytearray_iterator,
    &tn_type_code, &tn_type_module, &tn_type_traceback, &tn_type_generator, &tn_type_generic_alias, &tn_type_union,
    &tn_type_wrapper_descr, &tn_type_method_wrapper, &tn_type_member_descr, &tn_type_super,
    &tn_type_property, &tn_type_staticmethod, &tn_type_classmethod,
    &tn_type_complex,
    &tn_type_coroutine, &tn_type_coroutine_wrapper, &tn_type_async_generator,
    &tn_type_async_generator_asend, &tn_type_async_generator_athrow,
    &tn_type_async_generator_wrapped_value,
    &tn_type_mappingproxy,
};

static int ready_types(void)
{
    for (size_t i = 0; i < sizeof static_types / sizeof static_types[0]; i++)
        if (tn_type_ready(static_types[i]) < 0)
            return -1;
    return tn_exceptions_init_types();
}

/* Create the C modules (math, time, os and its os.path) and put them in
 * sys.modules, so that `import math` finds them.  0 / -1. */
static int init_interp(TnInterp *interp)
{
    tn_gc_init();
    interp->recursion_limit = TN_RECURSION_LIMIT_DEFAULT;
    interp->int_max_str_digits = 4300;
    interp->interned = tn_dict_new();
    interp->importing = tn_dict_new();
    if (interp->importing == NULL)
        return -1;
    interp->modules = tn_dict_new();
    if (interp->interned == NULL || interp->modules == NULL)
        return -1;
    if (tn_int_init_types() < 0 || tn_str_init_types() < 0 || ready_types() < 0)
        return -1;
    if (tn_codecs_init(interp) < 0)
        return -1;
    interp->memory_error = tn_exception_new(&tn_exc_MemoryError, NULL);
    if (interp->memory_error == NULL)
        return -1;
    tn_set_immortal(interp->memory_error);
    interp->builtins_module = tn_builtins_module_create();
    if (interp->builtins_module == NULL)
        return -1;
    interp->builtins = tn_newref(tn_module_dict(interp->builtins_module));
    if (tn_dict_set_item_cstr(interp->modules, "builtins", interp->builtins_module) < 0)
        return -1;
    /* The handler table and Ctrl-C's C handler, before the signal module
     * (which exposes them) is created. */
    if (tn_signal_init(interp) < 0)
        return -1;
    return tn_import_add_builtin_modules(interp->modules);
}

int tn_runtime_init(void)
{
    static TnInterp main_interp;   /* the one interpreter; its fields are its state */
    /* Measure what single-thread mode saves (threading/critical_section.c):
     * with TANDEM_ALWAYS_LOCK=1 sections lock from the first one. */
    const char *always_lock = getenv("TANDEM_ALWAYS_LOCK");
    if (always_lock != NULL && strcmp(always_lock, "1") == 0)
        tn_critical_section_enable_locking();
    tn_threads_init(&main_interp);
    TnThreadState *ts = tn_thread_state_new(&main_interp);
    if (ts == NULL) {
        fprintf(stderr, "tandem: out of memory at startup\n");
        return -1;
    }
    main_interp.main_thread_ident = ts->thread_ident;
    main_interp.main_breaker = &ts->eval_breaker;
    tn_thread_attach(ts);
    if (init_interp(&main_interp) < 0) {
        TnObject *exc = tn_err_fetch();
        fprintf(stderr, "tandem: runtime initialisation failed\n");
        if (exc != NULL)
            tn_err_print_exception(exc);
        return -1;
    }
    return 0;
}

/* As CPython's wait_for_thread_shutdown: if the threading module was
 * imported, threading._shutdown() joins every non-daemon thread. */
static void wait_for_thread_shutdown(TnInterp *interp)
{
    TnObject *threading = tn_dict_get_cstr_ref(interp->modules, "threading");
    if (threading == NULL)
        return;
    TnObject *shutdown = tn_object_getattr_cstr(threading, "_shutdown");
    tn_decref(threading);
    TnObject *res = shutdown != NULL ? tn_call_noargs(shutdown) : NULL;
    if (res == NULL) {
        TnObject *exc = tn_err_fetch();
        if (exc != NULL && !(shutdown == NULL && tn_type(exc) == &tn_exc_AttributeError)) {
            fputs("Exception ignored on threading shutdown:\n", stderr);
            tn_err_print_exception(exc);
        }
        tn_xdecref(exc);
    }
    tn_xdecref(res);
    tn_xdecref(shutdown);
}

/* Set d[key] = None for the keys of d whose first character is (or, with
 * underscore false, is not) '_', __builtins__ excepted. */
static void none_out_names(TnObject *d, TnObject *keys, bool underscore)
{
    for (tn_ssize_t i = 0; i < tn_list_size(keys); i++) {
        TnObject *k = tn_list_get_item_ref(keys, i);
        if (k == NULL)
            break;
        const char *name = tn_str_check(k) ? tn_str_utf8(k, NULL) : NULL;
        if (name != NULL && strcmp(name, "__builtins__") != 0 && (name[0] == '_') == underscore
            && tn_dict_set_item(d, k, TN_NONE) < 0)
            tn_err_clear();
        tn_decref(k);
    }
}

/* As CPython's finalize_modules does for every module, here for __main__:
 * its globals become None (the names starting with an underscore first,
 * __builtins__ kept), then a full collection runs, so that the __del__
 * methods and generators' finally blocks of what the program left in its
 * globals run before the process exits, as in CPython. */
static void clear_main_module(TnInterp *interp)
{
    /* Daemon threads still running would see their globals turn to None
     * (CPython freezes them first): then the globals are left alone. */
    pthread_mutex_lock(&interp->threads_mutex);
    bool alone = interp->threads != NULL && interp->threads->next == NULL;
    pthread_mutex_unlock(&interp->threads_mutex);
    if (!alone)
        return;
    TnObject *main = interp->modules != NULL ? tn_dict_get_cstr_ref(interp->modules, "__main__") : NULL;
    if (main != NULL && tn_object_type_check(main, &tn_type_module)) {
        TnObject *d = tn_newref(tn_module_dict(main));
        TnObject *keys = tn_dict_keys_list(d);
        if (keys != NULL) {
            none_out_names(d, keys, true);
            none_out_names(d, keys, false);
            tn_decref(keys);
        }
        tn_decref(d);
    }
    tn_xdecref(main);
    tn_err_clear();
    (void)tn_gc_collect(tn_tstate(), TN_GC_NUM_GENERATIONS - 1, TN_GC_REASON_SHUTDOWN);
    tn_err_clear();
}

int tn_runtime_fini(void)
{
    TnInterp *interp = tn_interp();
    wait_for_thread_shutdown(interp);
    /* Then the atexit callbacks, as CPython's Py_FinalizeEx, the standard
     * streams flushed, then the globals of __main__ and a last collection
     * (their destructors may still print: flushed again after). */
    tn_atexit_run_at_exit();
    int status = tn_io_flush_std_files(false);
    clear_main_module(interp);
    if (tn_io_flush_std_files(true) < 0)
        status = -1;
    /* Daemon threads that reach a blocking call or, in gil, ask for the GIL
     * from now on stop there (tn_thread_attach) instead of racing the exit. */
    tn_atomic_store_u32_relaxed((uint32_t *)&interp->finalizing, 1);
    /* Objects other threads handed back to this one are merged (and freed
     * when nothing else holds them) before the thread state goes away. */
    tn_qsbr_fini(&tn_tstate_current->qsbr);
    tn_brc_thread_unregister(&tn_tstate_current->brc);
    fflush(stdout);
    fflush(stderr);
    return status;
}
