/* core/objects/range.h — range, slice, and the builtin iterator types. */
#ifndef TN_RANGE_H
#define TN_RANGE_H

#include "core/object.h"

/* Two representations.  The common one (big == NULL): start/stop/step fit
 * int64 and length is the number of items as an unsigned 64-bit count stored
 * in the int64_t field: ranges such as range(-2**63, 2**63-1) have more than
 * INT64_MAX items (len() raises OverflowError for them, as CPython does).
 * Read it with tn_range_ulength().  When a bound does not fit int64
 * (range(10**20)), big is a tuple of ints (start, stop, step, length) and the
 * int64 fields are unused. */
typedef struct TnRange {
    TnObject ob;
    int64_t start, stop, step, length;
    TnObject *big;
} TnRange;
static inline uint64_t tn_range_ulength(const TnRange *r) { return (uint64_t)r->length; }

typedef struct TnSlice {
    TnObject ob;
    TnObject *start, *stop, *step;     /* never NULL: None when omitted */
} TnSlice;

extern TnType tn_type_range, tn_type_range_iterator, tn_type_slice;
extern TnType tn_type_longrange_iterator;   /* iterator of a big range */

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

/* ---- additions (containers task) --------------------------------------- */

extern TnType tn_type_seqiter;            /* "iterator" */

/* o may be used as a sequence index: an int, or its type has __index__. */
static inline bool tn_slice_index_check(const TnObject *o)
{
    const TnType *tp = o->type;
    return (tp->flags & TN_TPFLAGS_INT_SUBCLASS) != 0
        || (tp->as_number != NULL && tp->as_number->index != NULL);
}
/* The two halves of tn_slice_indices, for callers that must resolve the
 * bounds (which may run __index__) before taking a container's lock and
 * clip them against the length afterwards.  Unpack: CPython's PySlice_Unpack
 * (0 / -1).  Adjust: PySlice_AdjustIndices, returns the slice length. */
int tn_slice_unpack(TnObject *slice, tn_ssize_t *start, tn_ssize_t *stop, tn_ssize_t *step);
tn_ssize_t tn_slice_adjust_indices(tn_ssize_t length, tn_ssize_t *start, tn_ssize_t *stop,
                                   tn_ssize_t step);
/* A start/stop argument of index() methods (CPython's
 * _PyEval_SliceIndexNotNone): clipped to the ssize range; TypeError "slice
 * indices must be integers or have an __index__ method".  0 / -1. */
int tn_slice_index_not_none(TnObject *v, tn_ssize_t *out);

#endif
