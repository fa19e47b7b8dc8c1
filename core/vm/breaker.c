/* core/vm/breaker.c — what the eval loop does when its eval-breaker word is set.
 *
 * The loop tests the word at its check points (RESUME, JUMP_BACKWARD, after
 * calls that leave the interpreter) with one relaxed load; only when a bit is
 * set does it call here.  Each request is cleared before it is handled, so a
 * request posted while we handle it is seen at the next check point.
 */
#include "core/tn.h"
#include "threading/tstate.h"
#include "core/modules/signal.h"
#include "gc/gc.h"

int tn_eval_handle_breaker(TnThreadState *ts)
{
    /* First, as CPython does: a stop-the-world pause waits for us. */
    if (tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_STOP_REQUEST))
        tn_stw_park(ts);
    if (tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_BRC_MERGE))
        tn_brc_merge_pending(&ts->brc);
    if (tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_GIL_DROP_REQUEST))
        tn_thread_yield_gil(ts);
    /* A collection runs finalizers and callbacks: Python code, which may
     * raise only into the unraisable hook, never into this frame. */
    if (tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_GC_SCHEDULED))
        tn_gc_run_scheduled(ts);
    if (ts->thread_ident == ts->interp->main_thread_ident &&
        tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_SIGNALS))
        return tn_signal_run_pending(ts);   /* the Python handlers, main thread only */
    return 0;
}
