/* core/config.h — the one place where build knobs are read and derived.
 *
 * CMake writes tn_build_config.h with the raw options (TN_FREE_THREADED,
 * TN_RC_*, TN_ATOMICS_C11, TN_DEBUG) and TN_STDLIB_DIR (a string: the
 * directory of CPython's standard library that sys.path ends with;
 * docs/stdlib.md).  Everything derived from them is computed here, once,
 * and never at the place it is used.  Every knob is always defined to 0 or
 * 1 and tested with #if, so -Wundef catches typos.
 */
#ifndef TN_CONFIG_H
#define TN_CONFIG_H

#include "tn_build_config.h"

#if !defined(TN_FREE_THREADED) || (TN_FREE_THREADED != 0 && TN_FREE_THREADED != 1)
#error "TN_FREE_THREADED must be defined to 0 or 1 by the build"
#endif

/* Reference counting strategy (CMake option TANDEM_RC).
 *  - gil flavour: plain (non-atomic) counts; the GIL serialises them.
 *  - ft flavour, TANDEM_RC=biased (default): biased reference counting
 *    (Choi et al., PEP 703).  The thread that created an object counts in
 *    ref_local with plain loads and stores; other threads count in
 *    ref_shared with atomic operations; threading/brc.c merges the two.
 *  - ft flavour, TANDEM_RC=atomic: every incref/decref is an atomic RMW on
 *    ref_shared.  Correct and slow; kept as an ablation mode (preset
 *    ft-atomic) so that the cost of atomic counting can be measured. */
#ifndef TN_RC_ATOMIC
#define TN_RC_ATOMIC 0
#endif
#ifndef TN_RC_BIASED
#define TN_RC_BIASED 0
#endif
#if TN_FREE_THREADED && TN_RC_ATOMIC == TN_RC_BIASED
#error "the ft flavour needs exactly one of TANDEM_RC=biased or TANDEM_RC=atomic"
#endif
#if !TN_FREE_THREADED && (TN_RC_ATOMIC || TN_RC_BIASED)
#error "the gil flavour counts references with plain integers"
#endif
#define TN_RC_MODE_NAME (TN_RC_BIASED ? "biased" : TN_RC_ATOMIC ? "atomic" : "plain")

/* Atomics backend: ConcurrencyKit (default) or C11/__atomic builtins, which
 * ThreadSanitizer understands (ck_pr uses inline asm that TSan cannot see). */
#ifndef TN_ATOMICS_C11
#define TN_ATOMICS_C11 0
#endif

/* Object allocator (CMake option TANDEM_ALLOC, alloc/alloc.h): 0 = Tandem's
 * own (pools in gil, per-thread heaps in ft), 1 = the system allocator (the
 * ablation; the sanitizer presets use it so that they see every object). */
#if !defined(TN_ALLOC_SYSTEM) || (TN_ALLOC_SYSTEM != 0 && TN_ALLOC_SYSTEM != 1)
#error "TN_ALLOC_SYSTEM must be defined to 0 or 1 by the build"
#endif
#define TN_ALLOC_NAME (TN_ALLOC_SYSTEM ? "system" : "tandem")

/* Debug build: internal asserts, lock-discipline checks. */
#ifndef TN_DEBUG
#define TN_DEBUG 0
#endif

/* Derived knobs. */
#define TN_HAVE_GIL (!TN_FREE_THREADED)
#define TN_OBJECT_LOCKS TN_FREE_THREADED

#define TN_VERSION "0.1.0"
#define TN_FLAVOUR_NAME (TN_FREE_THREADED ? "free-threaded" : "gil")
/* The Python language level Tandem implements (sys.version_info). */
#define TN_PY_MAJOR 3
#define TN_PY_MINOR 11
#define TN_PY_MICRO 0

/* Limits. */
#define TN_RECURSION_LIMIT_DEFAULT 1000
/* Nested C-level evaluations (builtins calling back into Python, deep
 * parser recursion) are bounded separately so the C stack cannot overflow. */
#define TN_C_RECURSION_LIMIT 2000
/* Per-thread free lists (CPython's limits): floats, ints, tuples of sizes
 * 1..TN_TUPLE_FREELIST_SIZES. */
#define TN_FLOAT_FREELIST_LIMIT 100
#define TN_INT_FREELIST_LIMIT 100
#define TN_TUPLE_FREELIST_SIZES 20
#define TN_TUPLE_FREELIST_LIMIT 2000
/* Entries in each thread's cache of interned C-string names (a power of two). */
#define TN_INTERN_CACHE_SIZE 512
/* Entries in each thread's type attribute cache (a power of two). */
#define TN_TYPE_CACHE_SIZE 4096
/* Per-thread frame stack: slots for locals and value stacks of Python frames. */
#define TN_FRAME_STACK_CHUNK (64 * 1024)

/* TN_ASSERT(x): a contract check, on in TN_DEBUG builds (the -debug,
 * -asan and -tsan presets) whatever NDEBUG says, off otherwise.  A failure
 * prints the expression and its place, then aborts (core/assert.c). */
#if TN_DEBUG
void tn_assert_fail(const char *expr, const char *file, int line, const char *func)
    __attribute__((noreturn, cold));
#define TN_ASSERT(x) (__builtin_expect(!!(x), 1) ? (void)0 : tn_assert_fail(#x, __FILE__, __LINE__, __func__))
#else
#define TN_ASSERT(x) ((void)0)
#endif

#if defined(__GNUC__)
#define TN_LIKELY(x) __builtin_expect(!!(x), 1)
#define TN_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define TN_NORETURN __attribute__((noreturn))
#define TN_UNUSED __attribute__((unused))
#else
#define TN_LIKELY(x) (x)
#define TN_UNLIKELY(x) (x)
#define TN_NORETURN
#define TN_UNUSED
#endif

/* TN_LSAN_KEEP(p): the heap object p is never freed on purpose (an
 * immortal code constant of the ft flavour): LeakSanitizer must not report
 * it at exit.  Nothing outside the sanitizer builds. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define TN_LSAN_KEEP(p) __lsan_ignore_object(p)
#else
#define TN_LSAN_KEEP(p) ((void)(p))
#endif

#endif /* TN_CONFIG_H */
