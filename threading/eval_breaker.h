/* threading/eval_breaker.h — the per-thread word the eval loop polls.
 *
 * Every thread state has one 32-bit eval-breaker word.  Other threads (and
 * signal handlers, later) set bits in it with atomic OR; the owning thread
 * tests the whole word with one relaxed load at its check points (loop
 * back-edges, function entry) and handles the bits it finds.  One word, one
 * test: the cost when nothing is pending is a load and a branch.
 */
#ifndef TN_EVAL_BREAKER_H
#define TN_EVAL_BREAKER_H

#include <stdbool.h>
#include <stdint.h>
#include "threading/atomic.h"

/* Bits of the eval-breaker word. */
#define TN_EVAL_BRC_MERGE 0x1u   /* objects wait in this thread's biased-RC merge queue */
/* 0x2u is TN_EVAL_GIL_DROP_REQUEST (threading/gil.h). */
#define TN_EVAL_SIGNALS 0x4u     /* a signal arrived (main thread: run its handler) */
/* 0x8u is TN_EVAL_STOP_REQUEST (threading/stw.h). */
/* 0x10u is TN_EVAL_GC_SCHEDULED (gc/gc.h). */

static inline bool tn_eval_breaker_pending(const uint32_t *word)
{
    return tn_atomic_load_u32_relaxed(word) != 0;
}

static inline void tn_eval_breaker_set(uint32_t *word, uint32_t bits) { (void)tn_atomic_or_u32(word, bits); }

/* Clear bits and return whether any of them was set. */
static inline bool tn_eval_breaker_take(uint32_t *word, uint32_t bits)
{
    return (tn_atomic_and_u32(word, ~bits) & bits) != 0;
}

#endif
