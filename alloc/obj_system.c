/* alloc/obj_system.c — the object allocator of TANDEM_ALLOC=system builds:
 * every object block is a sysblock (calloc behind a 32-byte prefix,
 * alloc/sysblock.c).  The ablation that `make compare` measures the
 * tandem allocator against, and what the sanitizer presets use, so that
 * AddressSanitizer and ThreadSanitizer see each object as an allocation of
 * its own.  Design: docs/memory.md, "The allocator".
 */
#include "alloc/alloc_internal.h"

#if TN_ALLOC_SYSTEM

void *tn_obj_alloc(size_t size, bool gc)
{
    if (tn_mem_should_fail_(size))
        return NULL;
    return tn_sysblock_alloc(size, gc);
}

void tn_obj_free(void *p)
{
    if (p != NULL)
        tn_sysblock_free(p);
}

int tn_obj_visit_gc(int (*visit)(void *block, void *arg), void *arg)
{
    return tn_sysblock_visit(visit, arg);
}

void tn_alloc_thread_exit(void)
{
    tn_sysblock_thread_exit();
}

void tn_alloc_stats(TnAllocStats *out)
{
    *out = (TnAllocStats){0};
    tn_sysblock_stats(&out->bytes, &out->blocks);
}

#endif
