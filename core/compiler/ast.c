/* core/compiler/ast.c — the arena that owns an AST, and TnAstSeq.
 *
 * Every node of a tree lives in one TnArena: memory is carved out of large
 * blocks and released all at once by tn_arena_free(), so the parser never
 * frees nodes one by one (it also throws away the nodes of alternatives it
 * backtracked over).  The arena also keeps one reference to every object
 * stored in the tree (identifiers, constants); they are released with it.
 */
#include <string.h>
#include "core/tn.h"
#include "core/compiler/ast.h"

#define ARENA_BLOCK_SIZE 8192
#define ARENA_ALIGN 16

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t size;        /* usable bytes after the header */
    size_t used;
    /* data follows, aligned to ARENA_ALIGN */
} ArenaBlock;

struct TnArena {
    ArenaBlock *head;           /* block currently being filled */
    ArenaBlock *big;            /* oversized single allocations */
    TnObject **objects;
    tn_ssize_t nobjects, objects_cap;
};

#define BLOCK_HEADER (((sizeof(ArenaBlock) + ARENA_ALIGN - 1) / ARENA_ALIGN) * ARENA_ALIGN)

static ArenaBlock *block_new(size_t size)
{
    ArenaBlock *b = tn_mem_alloc(BLOCK_HEADER + size);
    if (b == NULL)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

static char *block_data(ArenaBlock *b)
{
    return (char *)b + BLOCK_HEADER;
}

TnArena *tn_arena_new(void)
{
    TnArena *a = tn_mem_calloc(1, sizeof(TnArena));
    if (a == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    a->head = block_new(ARENA_BLOCK_SIZE);
    if (a->head == NULL) {
        tn_mem_free(a);
        tn_err_no_memory();
        return NULL;
    }
    return a;
}

static void free_blocks(ArenaBlock *b)
{
    while (b != NULL) {
        ArenaBlock *next = b->next;
        tn_mem_free(b);
        b = next;
    }
}

void tn_arena_free(TnArena *arena)
{
    if (arena == NULL)
        return;
    for (tn_ssize_t i = 0; i < arena->nobjects; i++)
        tn_decref(arena->objects[i]);
    tn_mem_free(arena->objects);
    free_blocks(arena->head);
    free_blocks(arena->big);
    tn_mem_free(arena);
}

/* Zeroed, ARENA_ALIGN-aligned memory owned by the arena.  NULL + MemoryError. */
void *tn_arena_alloc(TnArena *arena, size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    if (size > ARENA_BLOCK_SIZE / 4) {
        /* Big request: a block of its own, kept on a separate list so the
         * current block keeps filling. */
        ArenaBlock *b = block_new(size);
        if (b == NULL) {
            tn_err_no_memory();
            return NULL;
        }
        b->next = arena->big;
        arena->big = b;
        memset(block_data(b), 0, size);
        return block_data(b);
    }
    ArenaBlock *b = arena->head;
    if (b->size - b->used < size) {
        ArenaBlock *nb = block_new(ARENA_BLOCK_SIZE);
        if (nb == NULL) {
            tn_err_no_memory();
            return NULL;
        }
        nb->next = b;
        arena->head = nb;
        b = nb;
    }
    char *res = block_data(b) + b->used;
    b->used += size;
    memset(res, 0, size);
    return res;
}

int tn_arena_add_object_steal(TnArena *arena, TnObject *obj)
{
    if (arena->nobjects == arena->objects_cap) {
        tn_ssize_t ncap = arena->objects_cap ? arena->objects_cap * 2 : 64;
        size_t bytes;
        TnObject **nobjs;
        if (tn_mem_mul((size_t)ncap, sizeof(TnObject *), &bytes)
            || (nobjs = tn_mem_realloc(arena->objects, bytes)) == NULL) {
            tn_decref(obj);
            tn_err_no_memory();
            return -1;
        }
        arena->objects = nobjs;
        arena->objects_cap = ncap;
    }
    arena->objects[arena->nobjects++] = obj;
    return 0;
}

TnAstSeq *tn_ast_seq_new(TnArena *arena, tn_ssize_t n)
{
    size_t bytes;
    if (n < 0 || tn_mem_mul((size_t)n, sizeof(void *), &bytes)
        || bytes > TN_MEM_MAX_REQUEST - sizeof(TnAstSeq)) {
        tn_err_no_memory();
        return NULL;
    }
    TnAstSeq *s = tn_arena_alloc(arena, sizeof(TnAstSeq) + bytes);
    if (s == NULL)
        return NULL;
    s->n = n;
    return s;
}
