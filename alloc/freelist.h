/* alloc/freelist.h — bounded per-thread free lists of dead objects.
 *
 * The hottest object types (float, int, small tuples) recycle their memory
 * through a free list in the thread state instead of going back to malloc,
 * as CPython does (Include/internal/pycore_freelist.h).  A free list is
 * only ever touched by its owning thread, so it needs no lock in either
 * flavour; an object freed by another thread simply joins that thread's
 * list.  The link is stored in the dead object's first word.
 */
#ifndef TN_FREELIST_H
#define TN_FREELIST_H

#include <stddef.h>

typedef struct TnFreeList {
    void *head;
    int count;
    int limit;       /* 0 = disabled */
} TnFreeList;

static inline void *tn_freelist_pop(TnFreeList *fl)
{
    void *p = fl->head;
    if (p != NULL) {
        fl->head = *(void **)p;
        fl->count--;
    }
    return p;
}

/* 1 if p was kept (the caller must not free it), 0 if the list is full. */
static inline int tn_freelist_push(TnFreeList *fl, void *p)
{
    if (fl->count >= fl->limit)
        return 0;
    *(void **)p = fl->head;
    fl->head = p;
    fl->count++;
    return 1;
}

/* Release every block (thread exit, tests). */
void tn_freelist_clear(TnFreeList *fl);

#endif
