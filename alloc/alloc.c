/* alloc/alloc.c — raw memory for the whole interpreter.
 *
 * Today a thin layer over the system allocator (so sanitizer builds see
 * every allocation).  It exists so that (1) impossible sizes fail cleanly
 * instead of asking the OS for terabytes, (2) tests can make allocation fail
 * on demand, and (3) per-flavour object heaps (size-class pools for gil,
 * per-thread walkable heaps for ft) can arrive without touching callers.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "alloc/alloc.h"
#include "threading/atomic.h"
#include "alloc/freelist.h"

/* Failure injection (SQLite's "Nth allocation fails" test): while armed,
 * every allocation gets a sequence number from 1; number fail_at fails and,
 * when persistent, every later one too.  Only tests arm it; atomic so that
 * a threaded test stays well defined (which thread gets which number is
 * then up to the scheduler). */
static intptr_t fail_armed;        /* 0: off, the fast path */
static intptr_t fail_seq;          /* allocations numbered since arming */
static intptr_t fail_at;
static intptr_t fail_persistent;
static intptr_t fail_count;        /* failures injected since arming */

static int should_fail(size_t size)
{
    if (size > TN_MEM_MAX_REQUEST)
        return 1;
    if (TN_LIKELY(tn_atomic_load_intptr_relaxed(&fail_armed) == 0))
        return 0;
    intptr_t n = tn_atomic_add_intptr(&fail_seq, 1) + 1;
    intptr_t at = tn_atomic_load_intptr_relaxed(&fail_at);
    if (n == at || (n > at && tn_atomic_load_intptr_relaxed(&fail_persistent))) {
        tn_atomic_add_intptr(&fail_count, 1);
        return 1;
    }
    return 0;
}

void tn_mem_fail_arm(long nth, int persistent)
{
    tn_atomic_store_intptr(&fail_armed, 0);
    tn_atomic_store_intptr(&fail_seq, 0);
    tn_atomic_store_intptr(&fail_count, 0);
    tn_atomic_store_intptr(&fail_at, nth);
    tn_atomic_store_intptr(&fail_persistent, persistent != 0);
    tn_atomic_store_intptr(&fail_armed, nth > 0);
}

void tn_mem_fail_after(long n)
{
    tn_mem_fail_arm(n < 0 ? 0 : n + 1, 1);
}

void tn_mem_fail_stats(long *allocs, long *failures)
{
    *allocs = (long)tn_atomic_load_intptr(&fail_seq);
    *failures = (long)tn_atomic_load_intptr(&fail_count);
}

void *tn_mem_alloc(size_t size)
{
    if (should_fail(size))
        return NULL;
    return malloc(size ? size : 1);
}

void *tn_mem_calloc(size_t n, size_t size)
{
    size_t total;
    if (tn_mem_mul(n, size, &total) || should_fail(total))
        return NULL;
    return calloc(total ? total : 1, 1);
}

void *tn_mem_realloc(void *p, size_t size)
{
    if (should_fail(size))
        return NULL;
    return realloc(p, size ? size : 1);
}

size_t tn_mem_physical(void)
{
    static size_t cached;   /* 0 until computed; every thread computes the same */
    size_t v = (size_t)tn_atomic_load_intptr_relaxed((const intptr_t *)(const void *)&cached);
    if (v != 0)
        return v;
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    v = pages > 0 && page > 0 && (size_t)pages <= TN_MEM_MAX_REQUEST / (size_t)page
            ? (size_t)pages * (size_t)page
            : TN_MEM_MAX_REQUEST;
    tn_atomic_store_intptr_relaxed((intptr_t *)(void *)&cached, (intptr_t)v);
    return v;
}

void tn_mem_free(void *p)
{
    free(p);
}

char *tn_mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = tn_mem_alloc(n);
    if (d != NULL)
        memcpy(d, s, n);
    return d;
}

char *tn_mem_strndup(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    char *d = tn_mem_alloc(n + 1);
    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Exempt from failure injection: for the few callers that cannot report a
 * failure (see alloc.h). */
void *tn_mem_raw_realloc(void *p, size_t size)
{
    if (size > TN_MEM_MAX_REQUEST)
        return NULL;
    return realloc(p, size ? size : 1);
}

void tn_mem_raw_free(void *p)
{
    free(p);
}

void tn_freelist_clear(TnFreeList *fl)
{
    void *p;
    while ((p = tn_freelist_pop(fl)) != NULL)
        free(p);
}

int tn_obj_visit_gc(int (*visit)(void *block, void *arg), void *arg)
{
    (void)visit;
    (void)arg;
    return 0;
}
