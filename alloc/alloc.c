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

/* Remaining successful allocations before failures start; -1 = never fail.
 * Only tests set it; atomic so that a threaded test stays well defined. */
static intptr_t fail_countdown = -1;

static int should_fail(size_t size)
{
    if (size > TN_MEM_MAX_REQUEST)
        return 1;
    if (TN_LIKELY(tn_atomic_load_intptr_relaxed(&fail_countdown) < 0))
        return 0;
    return tn_atomic_add_intptr(&fail_countdown, -1) <= 0;
}

void tn_mem_fail_after(long n)
{
    tn_atomic_store_intptr(&fail_countdown, n < 0 ? -1 : (intptr_t)n);
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

void tn_freelist_clear(TnFreeList *fl)
{
    void *p;
    while ((p = tn_freelist_pop(fl)) != NULL)
        free(p);
}
