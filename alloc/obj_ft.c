/* alloc/obj_ft.c — the free-threaded flavour's object allocator: per-thread
 * heaps of one-class pages, walkable, with QSBR-delayed reuse.  Design,
 * the measurement that chose it over mimalloc, and figures: docs/memory.md,
 * "The allocator".
 *
 * Heaps and pages.  Every thread that allocates objects has a heap: for each
 * kind (gc, non-gc) and size class (16-byte steps, 32..512 bytes) a list of
 * pages.  A page is one 16 KiB slot of an arena (alloc/arena.c) with blocks
 * of one class and a header at its start, so the page of a block is its
 * address rounded down.  gc and non-gc blocks never share a page: the
 * collector's walk visits only gc pages.
 *
 * Block state lives in the page header, in bitmaps, never in the block:
 *   alloc    handed out (what the walk visits, minus `remote`);
 *   free     ready to hand out again;
 *   pending  freed by the owner, waiting for a QSBR goal;
 *   waiting  freed, with goal `goal`: free once every online thread's
 *            QSBR sequence has reached it (threading/qsbr.h);
 *   remote   freed by another thread (atomic OR), not yet collected.
 * So a freed block's bytes stay untouched (the object header a lock-free
 * reader may still look at: tid, refcounts, type), and the block is handed
 * out again only after every thread that might hold a pointer to it has
 * passed a quiescent state.  The owner writes alloc/free/pending/waiting
 * with plain stores; only `remote` is shared.  A single-thread program (no
 * second thread ever started) frees straight to `free`.
 *
 * Allocation: the head page of the class's `avail` list; the first set
 * bit of `free` from the page's cursor; set `alloc`; zero the block.  No
 * lock, no atomic RMW.  When the head page is exhausted (the slow path):
 * SCAN_PAGES pages of the `full` list (every block live when last seen)
 * are looked at in turn, and those with remote frees move to `avail`;
 * then every `avail` page is refreshed (remote bits collected into
 * pending; waiting released if its goal was reached; pending made waiting
 * under a fresh goal — one QSBR advance per slow path, whose full barrier
 * covers every free before it); the first with a free block becomes the
 * head, pages with only live blocks move to `full`, and entirely free
 * pages beyond SPARE_FREE_PAGES are parked (one spare page per class) or
 * go back to their arena.  Otherwise the spare page, else a page of an exited thread is
 * adopted, else a new page is taken from the arenas.
 *
 * Free by the owner: clear `alloc`, set `pending` (plain stores).  Free by
 * another thread, or of a page whose owner exited: one atomic OR into
 * `remote`; nothing else of the page is touched, so the page cannot be
 * released under it (it holds a live block until that OR).
 *
 * Thread exit (tn_alloc_thread_exit): each page of the heap is released if
 * entirely free, else its owner is cleared and it goes on the abandoned list
 * of its kind and class.  A thread whose class list runs dry adopts one
 * from there; the walk visits them all the while.  The heap's counters
 * are folded into the totals.
 *
 * Large blocks (over TN_OBJ_SMALL_MAX) are sysblocks (alloc/sysblock.c),
 * which keep the same two promises (gc blocks listed for the walk, freed
 * headers kept until QSBR says so).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "alloc/alloc_internal.h"
#include "threading/atomic.h"

#if !TN_ALLOC_SYSTEM && TN_FREE_THREADED

#include "threading/critical_section.h"
#include "threading/qsbr.h"

#define NCLASSES (TN_OBJ_SMALL_MAX / 16)   /* class c: blocks of (c + 1) * 16 bytes */
#define MIN_CLASS 1                          /* 32 bytes: an ft object header */
#define NWORDS 8                             /* bitmap words: >= slot / 32-byte blocks */
#define SCAN_PAGES 8
#define SPARE_FREE_PAGES 2   /* entirely free pages an avail list keeps, besides its head */

typedef struct Heap Heap;

typedef struct Page {
    Heap *owner;                  /* atomic: NULL while abandoned */
    struct Page *prev, *next;     /* the owner's class list, or the abandoned list */
    uint32_t size, nblocks;
    uint32_t recip;               /* ceil(2^32 / size): index = offset * recip >> 32 */
    uint32_t nfree;               /* set bits of free */
    uint32_t npending, nwaiting;
    uint16_t cls, gc;
    uint32_t cursor;              /* no free bit below this word */
    uint32_t in_full;             /* on its class's `full` list */
    intptr_t goal;                /* QSBR goal of waiting */
    uint64_t alloc[NWORDS], free[NWORDS], pending[NWORDS], waiting[NWORDS];
    /* Written by other threads: a cache line of its own. */
    uint64_t remote[NWORDS] __attribute__((aligned(64)));
} Page;

#define PAGE_HEADER ((sizeof(Page) + 63) & ~(size_t)63)
_Static_assert((TN_SLOT_SIZE - PAGE_HEADER) / 32 <= NWORDS * 64, "bitmaps cover a page of 32-byte blocks");

typedef struct ClassList {
    Page *head, *tail;
} ClassList;

/* The pages of one kind and class: `avail` may have room (free, pending,
 * waiting or remote blocks), its head is where allocation happens; `full`
 * had every block live when last looked at (a local free moves a page
 * back at once; remote frees are found by the slow path's rotating look
 * at a few full pages); `empty` is one entirely free page kept back, so
 * that a class that hovers around a page boundary does not take and
 * release a page each time. */
typedef struct ClassPages {
    ClassList avail, full;
    Page *empty;
} ClassPages;

struct Heap {
    ClassPages pages[2][NCLASSES];  /* [gc][class] */
    Heap *prev, *next;             /* the registry */
    /* Counters: written only by the owner (plain load + store), read by
     * tn_alloc_stats; remote frees count on the freeing thread's heap, so
     * a heap's own values may go negative. */
    intptr_t bytes, blocks;
};

static _Thread_local Heap *my_heap;

/* Registry of live heaps, abandoned pages, and the counters of exited
 * heaps: under `registry` (thread start/exit and adoption; not the common
 * path).  The walk reads them without it: with the world stopped no thread
 * is inside (every user runs attached). */
static pthread_mutex_t registry = PTHREAD_MUTEX_INITIALIZER;
static Heap *heaps;
static ClassList abandoned[2][NCLASSES];
static intptr_t n_abandoned;        /* atomic: pages on the abandoned lists */
static intptr_t exited_bytes, exited_blocks;   /* atomic */

static void count(intptr_t *c, intptr_t d)
{
    tn_atomic_store_intptr_relaxed(c, tn_atomic_load_intptr_relaxed(c) + d);
}

/* ---- lists -------------------------------------------------------------- */

static void list_push_head(ClassList *l, Page *pg)
{
    pg->prev = NULL;
    pg->next = l->head;
    if (l->head != NULL)
        l->head->prev = pg;
    else
        l->tail = pg;
    l->head = pg;
}

static void list_push_tail(ClassList *l, Page *pg)
{
    pg->next = NULL;
    pg->prev = l->tail;
    if (l->tail != NULL)
        l->tail->next = pg;
    else
        l->head = pg;
    l->tail = pg;
}

static void list_remove(ClassList *l, Page *pg)
{
    if (pg->prev != NULL)
        pg->prev->next = pg->next;
    else
        l->head = pg->next;
    if (pg->next != NULL)
        pg->next->prev = pg->prev;
    else
        l->tail = pg->prev;
    pg->prev = pg->next = NULL;
}

/* ---- pages -------------------------------------------------------------- */

static char *page_block(Page *pg, uint32_t i)
{
    return (char *)pg + PAGE_HEADER + (size_t)i * pg->size;
}

static uint32_t page_index(Page *pg, const void *p)
{
    uint64_t off = (uint64_t)((uintptr_t)p - (uintptr_t)pg - PAGE_HEADER);
    return (uint32_t)((off * pg->recip) >> 32);
}

static Page *page_new(Heap *h, int gc, uint32_t cls)
{
    Page *pg = tn_arena_slot_alloc();
    if (pg == NULL)
        return NULL;
    memset(pg, 0, sizeof(Page));
    pg->size = (cls + 1) * 16;
    pg->nblocks = (uint32_t)((TN_SLOT_SIZE - PAGE_HEADER) / pg->size);
    pg->recip = (uint32_t)((((uint64_t)1 << 32) + pg->size - 1) / pg->size);
    pg->cls = (uint16_t)cls;
    pg->gc = (uint16_t)gc;
    for (uint32_t i = 0; i < pg->nblocks; i++)
        pg->free[i / 64] |= (uint64_t)1 << (i % 64);
    pg->nfree = pg->nblocks;
    tn_atomic_store_ptr_release((void **)&pg->owner, h);
    return pg;
}

static void *page_take(Page *pg)
{
    uint32_t w = pg->cursor;
    while (pg->free[w] == 0)
        w++;
    pg->cursor = w;
    uint64_t word = pg->free[w];
    uint32_t b = (uint32_t)__builtin_ctzll(word);
    pg->free[w] = word & (word - 1);
    pg->alloc[w] |= (uint64_t)1 << b;
    pg->nfree--;
    return page_block(pg, w * 64 + b);
}

/* Move the remote frees into pending (the owner, or the adopter). */
static void collect_remote(Page *pg)
{
    for (int w = 0; w < NWORDS; w++) {
        if (tn_atomic_load_u64_relaxed(&pg->remote[w]) == 0)
            continue;
        uint64_t x = tn_atomic_exchange_u64(&pg->remote[w], 0);
        pg->alloc[w] &= ~x;
        pg->pending[w] |= x;
        pg->npending += (uint32_t)__builtin_popcountll(x);
    }
}

static void make_free(Page *pg, uint64_t *bits, uint32_t *n)
{
    for (int w = 0; w < NWORDS; w++) {
        pg->free[w] |= bits[w];
        bits[w] = 0;
    }
    pg->nfree += *n;
    *n = 0;
    pg->cursor = 0;
}

/* The state of a slow path: the QSBR values, fetched once and only when
 * needed (each costs a lock or a barrier). */
typedef struct Epoch {
    intptr_t min;      /* 0: not read yet */
    intptr_t goal;     /* 0: not advanced yet */
} Epoch;

/* Single-thread mode (threading/critical_section.h): no second thread has
 * ever started, so nobody can hold a pointer to a block being freed. */
static bool single_thread(void)
{
    return !tn_critical_section_locking_enabled();
}

static void page_refresh(Page *pg, Epoch *e)
{
    collect_remote(pg);
    if (pg->nwaiting != 0) {
        if (e->min == 0)
            e->min = tn_qsbr_min_online_seq();
        if (pg->goal <= e->min)
            make_free(pg, pg->waiting, &pg->nwaiting);
    }
    if (pg->npending != 0 && pg->nwaiting == 0) {
        if (single_thread()) {
            make_free(pg, pg->pending, &pg->npending);
            return;
        }
        if (e->goal == 0)
            e->goal = tn_qsbr_advance();
        memcpy(pg->waiting, pg->pending, sizeof pg->waiting);
        memset(pg->pending, 0, sizeof pg->pending);
        pg->nwaiting = pg->npending;
        pg->npending = 0;
        pg->goal = e->goal;
    }
}

static void page_release(Page *pg)
{
    tn_atomic_store_ptr_release((void **)&pg->owner, NULL);
    tn_arena_slot_free(pg);
}

/* An entirely free page, on no list: keep it as the class's spare, or
 * give it back to its arena. */
static void page_park(ClassPages *cp, Page *pg)
{
    if (cp->empty == NULL)
        cp->empty = pg;
    else
        page_release(pg);
}

/* ---- heaps -------------------------------------------------------------- */

static Heap *heap_new(void)
{
    Heap *h = calloc(1, sizeof(Heap));
    if (h == NULL)
        return NULL;
    pthread_mutex_lock(&registry);
    h->next = heaps;
    if (heaps != NULL)
        heaps->prev = h;
    heaps = h;
    pthread_mutex_unlock(&registry);
    my_heap = h;
    return h;
}

/* A page of an exited thread for (gc, cls), now owned by h; NULL if none. */
static Page *adopt(Heap *h, int gc, uint32_t cls)
{
    if (tn_atomic_load_intptr_relaxed(&n_abandoned) == 0)
        return NULL;
    pthread_mutex_lock(&registry);
    Page *pg = abandoned[gc][cls].head;
    if (pg != NULL) {
        list_remove(&abandoned[gc][cls], pg);
        tn_atomic_add_intptr(&n_abandoned, -1);
        tn_atomic_store_ptr_release((void **)&pg->owner, h);
    }
    pthread_mutex_unlock(&registry);
    return pg;
}

static void *alloc_slow(Heap *h, int gc, uint32_t cls)
{
    ClassPages *cp = &h->pages[gc][cls];
    ClassList *l = &cp->avail;
    Epoch e = {0, 0};
    /* A few full pages, in turn: those with remote frees come back. */
    for (int n = 0; n < SCAN_PAGES && cp->full.head != NULL; n++) {
        Page *pg = cp->full.head;
        list_remove(&cp->full, pg);
        bool remote = false;
        for (int w = 0; w < NWORDS && !remote; w++)
            remote = tn_atomic_load_u64_relaxed(&pg->remote[w]) != 0;
        if (remote) {
            pg->in_full = 0;
            list_push_tail(l, pg);
        } else {
            list_push_tail(&cp->full, pg);
        }
    }
    /* Every page that may have room: the waiting ones must be looked at
     * again, or memory grows while their goals pass unnoticed. */
    Page *found = NULL;
    int spare_free = 0;   /* entirely free pages kept after `found` */
    for (Page *pg = l->head, *next; pg != NULL; pg = next) {
        next = pg->next;
        page_refresh(pg, &e);
        if (pg->nfree == 0) {
            if (pg->npending == 0 && pg->nwaiting == 0) {
                list_remove(l, pg);   /* every block live */
                list_push_tail(&cp->full, pg);
                pg->in_full = 1;
            }
        } else if (found == NULL) {
            found = pg;
        } else if (pg->nfree == pg->nblocks && ++spare_free > SPARE_FREE_PAGES) {
            list_remove(l, pg);   /* more entirely free pages than the class keeps */
            page_park(cp, pg);
        }
    }
    if (found != NULL) {
        list_remove(l, found);
        list_push_head(l, found);
        return page_take(found);
    }
    Page *pg = cp->empty;
    if (pg != NULL) {
        cp->empty = NULL;
        list_push_head(l, pg);
        return page_take(pg);
    }
    while ((pg = adopt(h, gc, cls)) != NULL) {
        page_refresh(pg, &e);
        if (pg->nfree != 0) {
            list_push_head(l, pg);
            return page_take(pg);
        }
        /* No room yet (live or not-yet-reusable blocks): keep it, look further. */
        list_push_tail(l, pg);
    }
    pg = page_new(h, gc, cls);
    if (pg == NULL)
        return NULL;
    list_push_head(l, pg);
    return page_take(pg);
}

void *tn_obj_alloc(size_t size, bool gc)
{
    if (tn_mem_should_fail_(size))
        return NULL;
    if (size > TN_OBJ_SMALL_MAX)
        return tn_sysblock_alloc(size, gc);
    uint32_t cls = size <= 32 ? MIN_CLASS : (uint32_t)((size - 1) >> 4);
    Heap *h = my_heap;
    if (TN_UNLIKELY(h == NULL) && (h = heap_new()) == NULL)
        return NULL;
    Page *pg = h->pages[gc][cls].avail.head;
    void *p = pg != NULL && pg->nfree != 0 ? page_take(pg) : alloc_slow(h, gc, cls);
    if (p == NULL)
        return NULL;
    uint32_t bsize = (cls + 1) * 16;
    count(&h->bytes, bsize);
    count(&h->blocks, 1);
    memset(p, 0, size);
    return p;
}

void tn_obj_free(void *p)
{
    if (tn_obj_free_outside_arena_(p))
        return;
    Page *pg = tn_arena_slot_of(p);
    uint32_t i = page_index(pg, p), w = i / 64;
    uint64_t bit = (uint64_t)1 << (i % 64);
    TN_ASSERT(page_block(pg, i) == (char *)p);
    Heap *h = my_heap;
    if (h != NULL) {
        count(&h->bytes, -(intptr_t)pg->size);
        count(&h->blocks, -1);
    } else {
        tn_atomic_add_intptr(&exited_bytes, -(intptr_t)pg->size);
        tn_atomic_add_intptr(&exited_blocks, -1);
    }
    if (h == NULL || tn_atomic_load_ptr_acquire((void *const *)&pg->owner) != h) {
        /* The page's last access by this thread: after it the owner may
         * reuse the block or release the page. */
        tn_atomic_or_u64(&pg->remote[w], bit);
        return;
    }
    TN_ASSERT(pg->alloc[w] & bit);
    pg->alloc[w] &= ~bit;
    ClassPages *cp = &h->pages[pg->gc][pg->cls];
    if (pg->in_full) {
        list_remove(&cp->full, pg);
        list_push_tail(&cp->avail, pg);
        pg->in_full = 0;
    }
    if (!single_thread()) {
        pg->pending[w] |= bit;
        pg->npending++;
        return;
    }
    /* One thread has ever run: nobody can hold a pointer to the block. */
    pg->free[w] |= bit;
    pg->nfree++;
    if (w < pg->cursor)
        pg->cursor = w;
    if (pg->nfree == pg->nblocks && pg != cp->avail.head) {
        list_remove(&cp->avail, pg);
        page_park(cp, pg);
    }
}

/* ---- the walk ----------------------------------------------------------- */

static int visit_page(Page *pg, int (*visit)(void *, void *), void *arg)
{
    for (uint32_t w = 0; w < NWORDS; w++) {
        uint64_t live = pg->alloc[w] & ~tn_atomic_load_u64_relaxed(&pg->remote[w]);
        while (live != 0) {
            uint32_t b = (uint32_t)__builtin_ctzll(live);
            live &= live - 1;
            int r = visit(page_block(pg, w * 64 + b), arg);
            if (r != 0)
                return r;
        }
    }
    return 0;
}

static int visit_list(ClassList *l, int (*visit)(void *, void *), void *arg)
{
    for (Page *pg = l->head; pg != NULL; pg = pg->next) {
        int r = visit_page(pg, visit, arg);
        if (r != 0)
            return r;
    }
    return 0;
}

int tn_obj_visit_gc(int (*visit)(void *block, void *arg), void *arg)
{
    int r;
    for (Heap *h = heaps; h != NULL; h = h->next)
        for (uint32_t c = 0; c < NCLASSES; c++)
            if ((r = visit_list(&h->pages[1][c].avail, visit, arg)) != 0 ||
                (r = visit_list(&h->pages[1][c].full, visit, arg)) != 0)
                return r;
    for (uint32_t c = 0; c < NCLASSES; c++)
        if ((r = visit_list(&abandoned[1][c], visit, arg)) != 0)
            return r;
    return tn_sysblock_visit(visit, arg);
}

/* ---- thread exit, counters ---------------------------------------------- */

void tn_alloc_thread_exit(void)
{
    tn_sysblock_thread_exit();
    Heap *h = my_heap;
    if (h == NULL)
        return;
    my_heap = NULL;
    /* Released pages first, outside the registry lock (arena.c locks);
     * the others lose their owner, then go to the abandoned lists. */
    ClassList keep[2][NCLASSES];
    memset(keep, 0, sizeof keep);
    for (int gc = 0; gc < 2; gc++) {
        for (uint32_t c = 0; c < NCLASSES; c++) {
            ClassPages *cp = &h->pages[gc][c];
            if (cp->empty != NULL)
                page_release(cp->empty);
            cp->empty = NULL;
            ClassList *lists[2] = {&cp->avail, &cp->full};
            for (int k = 0; k < 2; k++) {
                while (lists[k]->head != NULL) {
                    Page *pg = lists[k]->head;
                    list_remove(lists[k], pg);
                    pg->in_full = 0;
                    collect_remote(pg);
                    if (pg->nfree == pg->nblocks) {
                        page_release(pg);
                    } else {
                        tn_atomic_store_ptr_release((void **)&pg->owner, NULL);
                        list_push_tail(&keep[gc][c], pg);
                    }
                }
            }
        }
    }
    pthread_mutex_lock(&registry);
    for (int gc = 0; gc < 2; gc++) {
        for (uint32_t c = 0; c < NCLASSES; c++) {
            while (keep[gc][c].head != NULL) {
                Page *pg = keep[gc][c].head;
                list_remove(&keep[gc][c], pg);
                list_push_tail(&abandoned[gc][c], pg);
                tn_atomic_add_intptr(&n_abandoned, 1);
            }
        }
    }
    if (h->prev != NULL)
        h->prev->next = h->next;
    else
        heaps = h->next;
    if (h->next != NULL)
        h->next->prev = h->prev;
    tn_atomic_add_intptr(&exited_bytes, tn_atomic_load_intptr_relaxed(&h->bytes));
    tn_atomic_add_intptr(&exited_blocks, tn_atomic_load_intptr_relaxed(&h->blocks));
    pthread_mutex_unlock(&registry);
    free(h);
}

void tn_alloc_stats(TnAllocStats *out)
{
    /* Under the lock: a heap leaves the list and joins the exited totals
     * in one step. */
    pthread_mutex_lock(&registry);
    intptr_t bytes = tn_atomic_load_intptr(&exited_bytes);
    intptr_t blocks = tn_atomic_load_intptr(&exited_blocks);
    for (Heap *h = heaps; h != NULL; h = h->next) {
        bytes += tn_atomic_load_intptr_relaxed(&h->bytes);
        blocks += tn_atomic_load_intptr_relaxed(&h->blocks);
    }
    pthread_mutex_unlock(&registry);
    uint64_t sb, sn, slots;
    tn_sysblock_stats(&sb, &sn);
    out->bytes = (uint64_t)bytes + sb;
    out->blocks = (uint64_t)blocks + sn;
    tn_arena_stats(&out->arenas, &slots, &out->arenas_unmapped, &out->pages_released);
    out->pages = slots;
}

#endif
