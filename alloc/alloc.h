/* alloc/alloc.h — every allocation in Tandem goes through here.
 *
 * Raw memory: tn_mem_* never set exceptions (alloc/ knows nothing of
 * objects); callers in core/ turn NULL into MemoryError.  A test build can
 * make allocation fail on demand (tn_mem_fail_after) to test error paths.
 * Sizes above TN_MEM_MAX_REQUEST fail at once, so `[0] * 10**12` gives
 * MemoryError instead of asking the OS for a terabyte.
 */
#ifndef TN_ALLOC_H
#define TN_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TN_MEM_MAX_REQUEST ((size_t)1 << 40)

void *tn_mem_alloc(size_t size);                 /* uninitialised */
void *tn_mem_calloc(size_t n, size_t size);      /* zeroed; checks n*size overflow */
void *tn_mem_realloc(void *p, size_t size);
void tn_mem_free(void *p);
char *tn_mem_strdup(const char *s);
char *tn_mem_strndup(const char *s, size_t max); /* at most max bytes of s, NUL added */
/* Multiply with overflow check: 0 on success. */
static inline int tn_mem_mul(size_t a, size_t b, size_t *out)
{
    return __builtin_mul_overflow(a, b, out) || *out > TN_MEM_MAX_REQUEST;
}

/* The machine's physical memory in bytes (TN_MEM_MAX_REQUEST when unknown):
 * what a request for many new objects is measured against. */
size_t tn_mem_physical(void);

/* Failure injection, for tests of error paths (SQLite's method).  After
 * tn_mem_fail_arm(nth, persistent) the allocations are numbered from 1;
 * number nth fails and, if persistent, every later one too (nth <= 0:
 * disarm).  tn_mem_fail_after(n) = fail every allocation after n more
 * succeed.  tn_mem_fail_stats: allocations numbered and failures injected
 * since the last arming.  The `tandem` command arms it from the
 * TANDEM_FAIL_ALLOC environment variable (docs/build.md, "Out-of-memory sweep"). */
void tn_mem_fail_arm(long nth, int persistent);
void tn_mem_fail_after(long n);
void tn_mem_fail_stats(long *allocs, long *failures);

/* Raw memory exempt from failure injection, for the few callers that have
 * no way to report a failure and must not be made to fail by a test: the
 * biased reference counting merge queue (threading/brc.c; a decref cannot
 * fail, and dropping the entry would leak or double-free).  Pair with
 * tn_mem_raw_free. */
void *tn_mem_raw_realloc(void *p, size_t size);
void tn_mem_raw_free(void *p);

/* ---- the object allocator ----------------------------------------------------
 * Every object's memory (core/objects/object.c: tn_object_alloc /
 * tn_object_free) comes from here.  Design: docs/memory.md, "The allocator".
 * Two implementations per flavour, chosen at build time (TANDEM_ALLOC,
 * TN_ALLOC_SYSTEM in core/config.h):
 *   tandem (default)  gil: pymalloc-style size-class pools in 1 MiB arenas
 *                     (alloc/obj_gil.c); ft: per-thread heaps of one-class
 *                     pages, walkable, QSBR-delayed reuse (alloc/obj_ft.c);
 *   system            calloc/free with a 32-byte prefix that links gc blocks
 *                     into a list (alloc/obj_system.c): the ablation, and
 *                     what the sanitizer presets use.
 *
 * tn_obj_alloc(size, gc): size bytes, zeroed, 16-byte aligned; NULL when out
 *   of memory or when the failure injection above says so (it counts exactly
 *   like tn_mem_calloc).  gc: the block holds an object the ft collector must
 *   find (a type with TN_TPFLAGS_HAVE_GC); such blocks live apart from the
 *   others so that the walk visits only them.  Never sets an exception.
 * tn_obj_free(p): p from tn_obj_alloc (any thread), or NULL.  ft, tandem:
 *   the first TN_OBJ_KEEP bytes of the block (the ft object header) stay
 *   readable and unchanged after the free, and the block is not handed out
 *   again until every online thread has passed a QSBR quiescent state
 *   (threading/qsbr.h) after the free.
 * tn_obj_visit_gc(visit, arg): calls visit(block, arg) on every block now
 *   allocated with gc=true, in every thread's heap and in the pages of exited
 *   threads, in no particular order; stops at and returns the first non-zero
 *   result (0 when all were visited).  ft: call it with the world stopped
 *   (threading/stw.h).  visit must not allocate or free object blocks
 *   (tn_obj_alloc / tn_obj_free), nor stop the world; it may read and write
 *   the blocks.  A block freed during the walk by visit is undefined
 *   behaviour.  Available in every build except gil+tandem, where the gil
 *   collector links its objects itself: there it returns -1 at once.
 * tn_alloc_thread_exit(): the calling thread will allocate no more objects
 *   (core/vm/lifecycle.c, before the thread state is unlinked).  ft: its
 *   pages go to the abandoned pool, which live threads adopt and the walk
 *   visits; blocks freed later by other threads go back to them.  A thread
 *   that allocates again afterwards gets a fresh heap. */
#define TN_OBJ_KEEP 32            /* bytes preserved after a free (ft, tandem) */
#define TN_OBJ_SMALL_MAX 512      /* larger requests go to the system allocator */

void *tn_obj_alloc(size_t size, bool gc);
void tn_obj_free(void *p);
int tn_obj_visit_gc(int (*visit)(void *block, void *arg), void *arg);
void tn_alloc_thread_exit(void);

/* Counters (sys._tandem_stats(), -X stats; docs/memory.md lists them).
 * bytes: block sizes as handed out (a small request counts its size class,
 * a large one its request); arenas: 1 MiB regions mapped from the OS;
 * pages: 16 KiB pools (gil) or pages (ft) carved from them and given to a
 * size class.  The *_unmapped / *_released counters are totals since start:
 * arenas given back to the OS (munmap), pages given back to their arena.
 * system: only bytes and blocks are counted. */
typedef struct TnAllocStats {
    uint64_t bytes, blocks;
    uint64_t arenas, pages;
    uint64_t arenas_unmapped, pages_released;
} TnAllocStats;
void tn_alloc_stats(TnAllocStats *out);
/* "tandem" or "system". */
const char *tn_alloc_name(void);

#endif
