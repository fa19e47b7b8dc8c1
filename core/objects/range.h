/* core/objects/range.h — range, slice, and the builtin iterator types. */
#ifndef TN_RANGE_H
#define TN_RANGE_H

#include "core/object.h"

typedef struct TnRange {
    TnObject ob;
    int64_t start, stop, step, length;
} TnRange;

typedef struct TnSlice {
    TnObject ob;
    TnObject *start, *stop, *step;     /* never NULL: None when omitted */
} TnSlice;

extern TnType tn_type_range, tn_type_range_iterator, tn_type_slice;

TnObject *tn_range_new(int64_t start, int64_t stop, int64_t step);   /* step != 0 */
TnObject *tn_slice_new(TnObject *start, TnObject *stop, TnObject *step); /* NULL -> None; increfs */
static inline bool tn_slice_check(const TnObject *op) { return op->type == &tn_type_slice; }
/* Resolve a slice against a sequence length, CPython's PySlice_Unpack +
 * AdjustIndices.  Returns 0 (start/stop/step/slicelength set) or -1 with error
 * (TypeError for non-integer bounds, ValueError "slice step cannot be zero"). */
int tn_slice_indices(TnObject *slice, tn_ssize_t length, tn_ssize_t *start,
                     tn_ssize_t *stop, tn_ssize_t *step, tn_ssize_t *slicelength);

/* Generic iterator over any object with sq_item (iter() fallback, stops at IndexError). */
TnObject *tn_seqiter_new(TnObject *seq);

#endif
