/* alloc/sysblock.c — object blocks from the C library's calloc, behind a
 * 32-byte prefix (design: docs/memory.md, "The allocator").
 *
 * Used for every object block in TANDEM_ALLOC=system builds (the ablation,
 * and the sanitizer presets, which must see each object as its own
 * allocation) and for large blocks (over TN_OBJ_SMALL_MAX) otherwise.
 *
 * The prefix keeps what tn_obj_free and the walk need without reading the
 * object: the size (for the counters) and, for gc blocks, the links of a
 * doubly linked list of every live gc block, which tn_obj_visit_gc walks.
 * In ft the list has a mutex (allocation of gc blocks from several threads);
 * it is the ablation's cost and is counted as such.
 *
 * ft: a freed block is not given back to the C library at once.  Its object
 * header (the first TN_OBJ_KEEP bytes after the prefix) must stay readable
 * for lock-free readers that loaded a pointer to it before it died
 * (threading/qsbr.h); the prefix's links, which no reader looks at, chain it
 * on the freeing thread's pending list.  Every TN_SYSBLOCK_BATCH frees the
 * thread advances the QSBR write sequence for the pending batch and releases
 * the previous batch once every online thread has passed its goal.  A
 * single-thread program (no second thread ever started) frees at once.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "alloc/alloc_internal.h"
#include "threading/atomic.h"
#if TN_FREE_THREADED
#include "threading/critical_section.h"
#include "threading/qsbr.h"
#endif

typedef struct SysBlock {
    struct SysBlock *prev, *next;   /* gc list while live; pending chain once freed (next) */
    size_t size;
    uint32_t gc;
    uint32_t magic;
} SysBlock;
_Static_assert(sizeof(SysBlock) == 32, "the prefix keeps 16-byte alignment");

#define SYSBLOCK_MAGIC 0x7a0b1c5du
#define TN_SYSBLOCK_BATCH 32

/* The gc list: a circular list around a sentinel. */
static SysBlock gc_head = {&gc_head, &gc_head, 0, 1, SYSBLOCK_MAGIC};
static intptr_t stat_bytes, stat_blocks;

#if TN_FREE_THREADED
static pthread_mutex_t gc_mutex = PTHREAD_MUTEX_INITIALIZER;
#define GC_LOCK() pthread_mutex_lock(&gc_mutex)
#define GC_UNLOCK() pthread_mutex_unlock(&gc_mutex)
static void count(intptr_t bytes, intptr_t blocks)
{
    tn_atomic_add_intptr(&stat_bytes, bytes);
    tn_atomic_add_intptr(&stat_blocks, blocks);
}
#else
#define GC_LOCK() ((void)0)
#define GC_UNLOCK() ((void)0)
static void count(intptr_t bytes, intptr_t blocks)
{
    stat_bytes += bytes;
    stat_blocks += blocks;
}
#endif

static SysBlock *prefix_of(void *p)
{
    SysBlock *b = (SysBlock *)p - 1;
    TN_ASSERT(b->magic == SYSBLOCK_MAGIC);
    return b;
}

void *tn_sysblock_alloc(size_t size, bool gc)
{
    if (size > TN_MEM_MAX_REQUEST)
        return NULL;
    SysBlock *b = calloc(1, sizeof(SysBlock) + size);
    if (b == NULL)
        return NULL;
    b->size = size;
    b->gc = gc;
    b->magic = SYSBLOCK_MAGIC;
    if (gc) {
        GC_LOCK();
        b->next = gc_head.next;
        b->prev = &gc_head;
        gc_head.next->prev = b;
        gc_head.next = b;
        GC_UNLOCK();
    }
    count((intptr_t)size, 1);
    return b + 1;
}

static void unlink_gc(SysBlock *b)
{
    if (!b->gc)
        return;
    GC_LOCK();
    b->prev->next = b->next;
    b->next->prev = b->prev;
    GC_UNLOCK();
    b->prev = b->next = NULL;
}

#if TN_FREE_THREADED

/* The calling thread's delayed frees: `pending` (freed since the last
 * batch, no goal yet) and `waiting` (a batch whose goal is `goal`). */
typedef struct Delayed {
    SysBlock *pending, *waiting;
    size_t npending;
    intptr_t goal;
} Delayed;
static _Thread_local Delayed delayed;

/* Batches of exited threads, each with its goal; whoever flushes next
 * releases those that are due. */
typedef struct Orphan {
    struct Orphan *next;
    SysBlock *blocks;
    intptr_t goal;
} Orphan;
static pthread_mutex_t orphan_mutex = PTHREAD_MUTEX_INITIALIZER;
static Orphan *orphans;
static intptr_t orphans_pending;   /* atomic: orphans != NULL */

static void release_chain(SysBlock *b)
{
    while (b != NULL) {
        SysBlock *next = b->next;
        free(b);
        b = next;
    }
}

static void release_due_orphans(intptr_t min)
{
    pthread_mutex_lock(&orphan_mutex);
    Orphan **pp = &orphans;
    Orphan *due = NULL;
    while (*pp != NULL) {
        Orphan *o = *pp;
        if (o->goal <= min) {
            *pp = o->next;
            o->next = due;
            due = o;
        } else {
            pp = &o->next;
        }
    }
    tn_atomic_store_intptr(&orphans_pending, orphans != NULL);
    pthread_mutex_unlock(&orphan_mutex);
    while (due != NULL) {
        Orphan *next = due->next;
        release_chain(due->blocks);
        free(due);
        due = next;
    }
}

/* Release the waiting batch if its goal was reached, then make the pending
 * blocks the waiting batch under a new goal. */
static void flush(Delayed *d)
{
    intptr_t min = tn_qsbr_min_online_seq();
    if (d->waiting != NULL && d->goal <= min) {
        release_chain(d->waiting);
        d->waiting = NULL;
    }
    if (d->waiting == NULL && d->pending != NULL) {
        d->waiting = d->pending;
        d->pending = NULL;
        d->npending = 0;
        d->goal = tn_qsbr_advance();
    }
    if (tn_atomic_load_intptr_relaxed(&orphans_pending))
        release_due_orphans(min);
}

void tn_sysblock_free(void *p)
{
    SysBlock *b = prefix_of(p);
    count(-(intptr_t)b->size, -1);
    unlink_gc(b);
    if (!tn_critical_section_locking_enabled()) {
        free(b);   /* one thread has ever run: nobody can hold a pointer */
        return;
    }
    Delayed *d = &delayed;
    b->next = d->pending;
    d->pending = b;
    if (++d->npending >= TN_SYSBLOCK_BATCH)
        flush(d);
}

void tn_sysblock_thread_exit(void)
{
    Delayed *d = &delayed;
    SysBlock *all = d->pending;
    if (d->waiting != NULL) {
        SysBlock *last = d->waiting;
        while (last->next != NULL)
            last = last->next;
        last->next = all;
        all = d->waiting;
    }
    d->pending = d->waiting = NULL;
    d->npending = 0;
    if (all == NULL)
        return;
    Orphan *o = malloc(sizeof *o);
    if (o == NULL)
        return;   /* leaks the blocks, which is safe: nobody frees them twice */
    o->blocks = all;
    o->goal = tn_qsbr_advance();
    pthread_mutex_lock(&orphan_mutex);
    o->next = orphans;
    orphans = o;
    tn_atomic_store_intptr(&orphans_pending, 1);
    pthread_mutex_unlock(&orphan_mutex);
}

#else /* gil: the GIL orders every reader before the free */

void tn_sysblock_free(void *p)
{
    SysBlock *b = prefix_of(p);
    count(-(intptr_t)b->size, -1);
    unlink_gc(b);
    free(b);
}

void tn_sysblock_thread_exit(void)
{
}

#endif

/* With the world stopped: no thread is inside GC_LOCK (allocation and free
 * run attached), and the list cannot change under us. */
int tn_sysblock_visit(int (*visit)(void *block, void *arg), void *arg)
{
    for (SysBlock *b = gc_head.next; b != &gc_head;) {
        SysBlock *next = b->next;
        int r = visit(b + 1, arg);
        if (r != 0)
            return r;
        b = next;
    }
    return 0;
}

void tn_sysblock_stats(uint64_t *bytes, uint64_t *blocks)
{
    *bytes = (uint64_t)tn_atomic_load_intptr_relaxed(&stat_bytes);
    *blocks = (uint64_t)tn_atomic_load_intptr_relaxed(&stat_blocks);
}
