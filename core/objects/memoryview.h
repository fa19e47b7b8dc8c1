/* core/objects/memoryview.h — memoryview over bytes / bytearray (format 'B',
 * one dimension, any step; cast() gives a contiguous view of another native
 * integer format). */
#ifndef TN_MEMORYVIEW_H
#define TN_MEMORYVIEW_H

#include "core/object.h"
#include "core/objects/bytes.h"

typedef struct TnMemoryView {
    TnObject ob;
    TnObject *obj;           /* the bytes or bytearray; NULL once released */
    tn_ssize_t start;        /* offset of item 0 in obj's data */
    tn_ssize_t step;
    tn_ssize_t length;       /* items */
    int readonly;
    char format;             /* struct code of the items: 'B' unless cast() */
    int itemsize;            /* bytes per item (step: bytes between items) */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnMemoryView;

static inline bool tn_memoryview_check(const TnObject *op) { return op->type == &tn_type_memoryview; }
/* memoryview(obj); TypeError when obj is not bytes-like. */
TnObject *tn_memoryview_new(TnObject *obj);
/* 1 with data when mv is live and contiguous; 0 otherwise. */
int tn_memoryview_data(TnObject *mv, const char **data, tn_ssize_t *n);
/* The object mv views (borrowed), NULL once released. */
TnObject *tn_memoryview_base(TnObject *mv);

#endif
