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

/* ft collector: call visit(block, arg) for every allocated block that holds
 * a gc object, in every thread's heap, with the world stopped; returns the
 * first non-zero result.  (Interim: the walkable heaps arrive with the
 * object allocator; until then no block is visited.) */
int tn_obj_visit_gc(int (*visit)(void *block, void *arg), void *arg);

#endif
