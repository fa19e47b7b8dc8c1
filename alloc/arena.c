/* alloc/arena.c — arenas: 1 MiB of address space mapped from the OS,
 * aligned to 1 MiB and cut into 64 slots of 16 KiB (the pools of the gil
 * allocator, the pages of the ft one).  Design: docs/memory.md, "The
 * allocator".
 *
 * Address map.  tn_obj_free gets a bare pointer and must tell a block of an
 * arena (a pool or page header sits at the start of its 16 KiB slot) from a
 * large block of the C library, without reading memory that may not be
 * mapped.  Arenas are aligned, so the arena of an address is its top bits;
 * a two-level radix table over the 48-bit user address space (as CPython's
 * obmalloc does with its arena map) holds the arena of each 1 MiB unit, or
 * NULL.  Lookups are two dependent loads, lock-free: an entry changes only
 * when its arena is mapped (before any block of it exists) or unmapped
 * (after every block of it was freed), so no pointer a caller may still
 * pass can see a change.
 *
 * Slot choice: the non-full arena with the fewest free slots, so that the
 * emptiest arenas drain and can be unmapped (CPython's "usable arenas
 * sorted by free pools" heuristic).  An arena whose slots are all free is
 * unmapped, but one is kept as a spare.  ft: a mutex serialises slot
 * allocation and release (the slow path: one call per 16 KiB); gil: the GIL.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "alloc/alloc_internal.h"
#include "threading/atomic.h"

#if !TN_ALLOC_SYSTEM

_Static_assert(TN_ARENA_SLOTS == 64, "one bitmap word of slots per arena");

typedef struct Arena {
    uintptr_t base;
    uint64_t used;                /* bit i: slot i is handed out */
    struct Arena *prev, *next;    /* `usable`: arenas with a free slot */
} Arena;

#define ADDR_BITS 48
#define ARENA_BITS 20
#define L2_BITS 14
#define L1_BITS (ADDR_BITS - ARENA_BITS - L2_BITS)
_Static_assert(((size_t)1 << ARENA_BITS) == TN_ARENA_SIZE, "arena size");

static Arena **radix[(size_t)1 << L1_BITS];   /* leaves: Arena *[1 << L2_BITS] */
static Arena *usable;          /* arenas with at least one free slot */
static Arena *spare;           /* an empty arena kept mapped */
static uint64_t n_arenas, n_slots, n_arenas_unmapped, n_slots_released;

#if TN_FREE_THREADED
static pthread_mutex_t arena_mutex = PTHREAD_MUTEX_INITIALIZER;
#define ARENA_LOCK() pthread_mutex_lock(&arena_mutex)
#define ARENA_UNLOCK() pthread_mutex_unlock(&arena_mutex)
#else
#define ARENA_LOCK() ((void)0)
#define ARENA_UNLOCK() ((void)0)
#endif

static void count(uint64_t *c, int64_t d)
{
    tn_atomic_store_intptr_relaxed((intptr_t *)(void *)c,
                                   tn_atomic_load_intptr_relaxed((intptr_t *)(void *)c) + d);
}

static Arena **leaf_slot(uintptr_t a, bool create)
{
    size_t i1 = a >> (ARENA_BITS + L2_BITS), i2 = (a >> ARENA_BITS) & (((size_t)1 << L2_BITS) - 1);
    Arena **leaf = tn_atomic_load_ptr_acquire((void *const *)&radix[i1]);
    if (leaf == NULL) {
        if (!create)
            return NULL;
        leaf = calloc((size_t)1 << L2_BITS, sizeof(Arena *));
        if (leaf == NULL)
            return NULL;
        tn_atomic_store_ptr_release((void **)&radix[i1], leaf);   /* under ARENA_LOCK */
    }
    return &leaf[i2];
}

bool tn_arena_contains(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (a >> ADDR_BITS)
        return false;
    Arena **slot = leaf_slot(a, false);
    return slot != NULL && tn_atomic_load_ptr_acquire((void *const *)slot) != NULL;
}

static void usable_push(Arena *ar)
{
    ar->prev = NULL;
    ar->next = usable;
    if (usable != NULL)
        usable->prev = ar;
    usable = ar;
}

static void usable_remove(Arena *ar)
{
    if (ar->prev != NULL)
        ar->prev->next = ar->next;
    else
        usable = ar->next;
    if (ar->next != NULL)
        ar->next->prev = ar->prev;
    ar->prev = ar->next = NULL;
}

/* Map an aligned arena: map twice the size and trim both ends. */
static Arena *arena_new(void)
{
    Arena *ar = calloc(1, sizeof *ar);
    if (ar == NULL)
        return NULL;
    size_t len = 2 * TN_ARENA_SIZE;
    char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
        free(ar);
        return NULL;
    }
    uintptr_t base = ((uintptr_t)m + TN_ARENA_SIZE - 1) & ~(uintptr_t)(TN_ARENA_SIZE - 1);
    size_t head = base - (uintptr_t)m, tail = len - head - TN_ARENA_SIZE;
    if (head != 0)
        munmap(m, head);
    if (tail != 0)
        munmap((char *)base + TN_ARENA_SIZE, tail);
    Arena **slot = (base >> ADDR_BITS) ? NULL : leaf_slot(base, true);
    if (slot == NULL) {
        munmap((void *)base, TN_ARENA_SIZE);
        free(ar);
        return NULL;
    }
    ar->base = base;
    tn_atomic_store_ptr_release((void **)slot, ar);
    count(&n_arenas, 1);
    usable_push(ar);
    return ar;
}

static void arena_unmap(Arena *ar)
{
    usable_remove(ar);
    tn_atomic_store_ptr_release((void **)leaf_slot(ar->base, false), NULL);
    munmap((void *)ar->base, TN_ARENA_SIZE);
    free(ar);
    count(&n_arenas, -1);
    count(&n_arenas_unmapped, 1);
}

void *tn_arena_slot_alloc(void)
{
    ARENA_LOCK();
    Arena *best = NULL;
    int best_free = TN_ARENA_SLOTS + 1;
    for (Arena *ar = usable; ar != NULL; ar = ar->next) {
        int nfree = TN_ARENA_SLOTS - __builtin_popcountll(ar->used);
        if (nfree < best_free) {
            best = ar;
            best_free = nfree;
            if (nfree == 1)
                break;
        }
    }
    if (best == NULL)
        best = arena_new();
    void *slot = NULL;
    if (best != NULL) {
        int i = __builtin_ctzll(~best->used);
        best->used |= (uint64_t)1 << i;
        if (best == spare)
            spare = NULL;
        if (best->used == ~(uint64_t)0)
            usable_remove(best);
        slot = (void *)(best->base + (uintptr_t)i * TN_SLOT_SIZE);
        count(&n_slots, 1);
    }
    ARENA_UNLOCK();
    return slot;
}

void tn_arena_slot_free(void *slot)
{
    uintptr_t a = (uintptr_t)slot;
    ARENA_LOCK();
    Arena *ar = *leaf_slot(a, false);
    int i = (int)((a - ar->base) / TN_SLOT_SIZE);
    TN_ASSERT(ar->used & ((uint64_t)1 << i));
    if (ar->used == ~(uint64_t)0)
        usable_push(ar);
    ar->used &= ~((uint64_t)1 << i);
    count(&n_slots, -1);
    count(&n_slots_released, 1);
    if (ar->used == 0) {
        if (spare == NULL)
            spare = ar;
        else
            arena_unmap(ar);
    }
    ARENA_UNLOCK();
}

void tn_arena_stats(uint64_t *arenas, uint64_t *slots, uint64_t *arenas_unmapped,
                    uint64_t *slots_released)
{
    const intptr_t *p[4] = {(intptr_t *)(void *)&n_arenas, (intptr_t *)(void *)&n_slots,
                            (intptr_t *)(void *)&n_arenas_unmapped,
                            (intptr_t *)(void *)&n_slots_released};
    *arenas = (uint64_t)tn_atomic_load_intptr_relaxed(p[0]);
    *slots = (uint64_t)tn_atomic_load_intptr_relaxed(p[1]);
    *arenas_unmapped = (uint64_t)tn_atomic_load_intptr_relaxed(p[2]);
    *slots_released = (uint64_t)tn_atomic_load_intptr_relaxed(p[3]);
}

#endif
