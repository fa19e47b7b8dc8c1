/* alloc/alloc_internal.h — what the files of alloc/ share, nobody else.
 *
 * Layers (docs/memory.md, "The allocator"):
 *   alloc.c       raw memory (tn_mem_*), failure injection;
 *   sysblock.c    system-allocator blocks with a 32-byte prefix: every object
 *                 block in TANDEM_ALLOC=system, and the large ones (over
 *                 TN_OBJ_SMALL_MAX) otherwise; gc blocks are linked into a
 *                 list so that the walk finds them;
 *   arena.c       1 MiB arenas mapped from the OS, cut into 16 KiB slots
 *                 (pools in gil, pages in ft), and the address map that says
 *                 whether a pointer lies in an arena;
 *   obj_gil.c / obj_ft.c / obj_system.c   tn_obj_* for each build.
 */
#ifndef TN_ALLOC_INTERNAL_H
#define TN_ALLOC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/config.h"
#include "alloc/alloc.h"

/* Failure injection (alloc.c): 1 if this allocation of size bytes must fail
 * (numbered exactly like tn_mem_alloc's). */
int tn_mem_should_fail_(size_t size);

/* ---- sysblock.c ---------------------------------------------------------- */

/* Zeroed size bytes from calloc behind a 32-byte prefix (16-byte aligned);
 * gc blocks are linked for tn_sysblock_visit.  No failure injection here
 * (the caller did it).  Counted in the sysblock counters. */
void *tn_sysblock_alloc(size_t size, bool gc);
/* ft: unlinked at once, released to the C library once every online
 * thread has passed a quiescent state (the object header stays readable
 * until then); gil: released at once. */
void tn_sysblock_free(void *p);
int tn_sysblock_visit(int (*visit)(void *block, void *arg), void *arg);
/* The calling thread's delayed frees go to the shared orphan list. */
void tn_sysblock_thread_exit(void);
void tn_sysblock_stats(uint64_t *bytes, uint64_t *blocks);

/* ---- arena.c ------------------------------------------------------------- */

#define TN_ARENA_SIZE ((size_t)1 << 20)
#define TN_SLOT_SIZE ((size_t)16 << 10)
#define TN_ARENA_SLOTS ((int)(TN_ARENA_SIZE / TN_SLOT_SIZE))   /* 64: one bitmap word */

/* A TN_SLOT_SIZE-aligned slot of TN_SLOT_SIZE bytes (contents undefined),
 * or NULL when the OS has no memory.  ft: any thread (a mutex inside). */
void *tn_arena_slot_alloc(void);
/* Give a slot back; an arena whose slots are all free is unmapped (but one
 * spare, so that a program hovering at an arena boundary does not map and
 * unmap in a loop). */
void tn_arena_slot_free(void *slot);
/* Whether p lies in an arena (then its slot is p rounded down to
 * TN_SLOT_SIZE).  Lock-free; exact for every pointer the allocator handed
 * out that is still allocated. */
bool tn_arena_contains(const void *p);
static inline void *tn_arena_slot_of(const void *p)
{
    return (void *)((uintptr_t)p & ~(uintptr_t)(TN_SLOT_SIZE - 1));
}
void tn_arena_stats(uint64_t *arenas, uint64_t *slots, uint64_t *arenas_unmapped,
                    uint64_t *slots_released);

/* tn_obj_free's first step in the pool/page allocators: NULL and large
 * blocks are dealt with here (true); otherwise p is in an arena (false). */
static inline bool tn_obj_free_outside_arena_(void *p)
{
    if (p == NULL)
        return true;
    if (tn_arena_contains(p))
        return false;
    tn_sysblock_free(p);
    return true;
}

#endif
