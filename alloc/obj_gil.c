/* alloc/obj_gil.c — the gil flavour's object allocator: the pymalloc design
 * (CPython's Objects/obmalloc.c), written afresh.  Design and figures:
 * docs/memory.md, "The allocator".
 *
 *  - Size classes every 16 bytes up to TN_OBJ_SMALL_MAX (512): 32 classes.
 *  - A pool is one 16 KiB slot of an arena (alloc/arena.c) holding blocks
 *    of one class; its header sits at the start of the slot, so the pool of
 *    a block is the block's address rounded down: tn_obj_free needs no size.
 *  - Free blocks of a pool form a singly linked list through their first
 *    word; blocks never used yet are carved from the pool's end by a bump
 *    offset, so a new pool costs no initialisation per block.
 *  - usedpools[c]: the pools of class c with a free block.  A full pool is
 *    on no list; its first free puts it back.  A pool whose last block is
 *    freed goes back to its arena, and an arena whose pools are all free is
 *    unmapped (arena.c).
 *  - Larger requests go to the system allocator (alloc/sysblock.c).
 *
 * No locking: the GIL serialises every caller.  Objects are allocated and
 * freed only by attached threads (a detached thread touches no object; the
 * thread-exit path frees its free lists before it detaches).
 */
#include <string.h>
#include "alloc/alloc_internal.h"

#if !TN_ALLOC_SYSTEM && !TN_FREE_THREADED

#define NCLASSES (TN_OBJ_SMALL_MAX / 16)

typedef struct Pool {
    void *freeblock;              /* first free block (linked through word 0), or NULL */
    struct Pool *prev, *next;     /* usedpools[cls], while the pool has a free block */
    uint32_t ref;                 /* blocks handed out */
    uint32_t size;                /* block size */
    uint32_t nextoffset;          /* next never-used block */
    uint32_t maxnextoffset;       /* the last offset where a block still fits */
    uint32_t cls;
    uint32_t listed;              /* on usedpools[cls] */
} Pool;

#define POOL_HEADER ((sizeof(Pool) + 15) & ~(size_t)15)

static Pool *usedpools[NCLASSES];
static uint64_t stat_bytes, stat_blocks;

static void pool_link(Pool *pool)
{
    Pool **head = &usedpools[pool->cls];
    pool->prev = NULL;
    pool->next = *head;
    if (*head != NULL)
        (*head)->prev = pool;
    *head = pool;
    pool->listed = 1;
}

static void pool_unlink(Pool *pool)
{
    if (pool->prev != NULL)
        pool->prev->next = pool->next;
    else
        usedpools[pool->cls] = pool->next;
    if (pool->next != NULL)
        pool->next->prev = pool->prev;
    pool->prev = pool->next = NULL;
    pool->listed = 0;
}

static Pool *pool_new(uint32_t cls)
{
    Pool *pool = tn_arena_slot_alloc();
    if (pool == NULL)
        return NULL;
    pool->freeblock = NULL;
    pool->ref = 0;
    pool->size = (cls + 1) * 16;
    pool->cls = cls;
    pool->nextoffset = (uint32_t)POOL_HEADER;
    pool->maxnextoffset = (uint32_t)(TN_SLOT_SIZE - pool->size);
    pool_link(pool);
    return pool;
}

static bool pool_full(const Pool *pool)
{
    return pool->freeblock == NULL && pool->nextoffset > pool->maxnextoffset;
}

void *tn_obj_alloc(size_t size, bool gc)
{
    (void)gc;   /* the gil collector links its objects through their gc header */
    if (tn_mem_should_fail_(size))
        return NULL;
    if (size > TN_OBJ_SMALL_MAX)
        return tn_sysblock_alloc(size, gc);
    uint32_t cls = size == 0 ? 0 : (uint32_t)((size - 1) >> 4);
    Pool *pool = usedpools[cls];
    if (TN_UNLIKELY(pool == NULL)) {
        pool = pool_new(cls);
        if (pool == NULL)
            return NULL;
    }
    void *bp = pool->freeblock;
    if (bp != NULL) {
        pool->freeblock = *(void **)bp;
    } else {
        bp = (char *)pool + pool->nextoffset;
        pool->nextoffset += pool->size;
    }
    pool->ref++;
    if (pool_full(pool))
        pool_unlink(pool);
    stat_bytes += pool->size;
    stat_blocks++;
    memset(bp, 0, size);
    return bp;
}

void tn_obj_free(void *p)
{
    if (tn_obj_free_outside_arena_(p))
        return;
    Pool *pool = tn_arena_slot_of(p);
    TN_ASSERT(pool->ref > 0 && ((uintptr_t)p - (uintptr_t)pool - POOL_HEADER) % pool->size == 0);
    *(void **)p = pool->freeblock;
    pool->freeblock = p;
    pool->ref--;
    stat_bytes -= pool->size;
    stat_blocks--;
    if (pool->ref == 0) {
        if (pool->listed)
            pool_unlink(pool);
        tn_arena_slot_free(pool);
    } else if (!pool->listed) {
        pool_link(pool);
    }
}

/* The gil collector does not walk the heap (it links its objects). */
int tn_obj_visit_gc(int (*visit)(void *block, void *arg), void *arg)
{
    (void)visit;
    (void)arg;
    return -1;
}

void tn_alloc_thread_exit(void)
{
}

void tn_alloc_stats(TnAllocStats *out)
{
    uint64_t bytes, blocks, slots;
    tn_sysblock_stats(&bytes, &blocks);
    out->bytes = stat_bytes + bytes;
    out->blocks = stat_blocks + blocks;
    tn_arena_stats(&out->arenas, &slots, &out->arenas_unmapped, &out->pages_released);
    out->pages = slots;
}

#endif
