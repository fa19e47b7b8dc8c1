/* core/vm/breaker.c — what the eval loop does when its eval-breaker word is set.
 *
 * The loop tests the word at its check points (RESUME, JUMP_BACKWARD, after
 * calls that leave the interpreter) with one relaxed load; only when a bit is
 * set does it call here.  Each request is cleared before it is handled, so a
 * request posted while we handle it is seen at the next check point.
 */
#include "core/tn.h"
#include "threading/tstate.h"

/* Pending signals run in the main thread only, as in CPython.  Without the
 * signal module's handlers every signal tripped so far is SIGINT's default:
 * KeyboardInterrupt. */
static int handle_signals(TnThreadState *ts)
{
    TnInterp *interp = ts->interp;
    uint64_t pending = __atomic_exchange_n(&interp->pending_signals, 0, __ATOMIC_SEQ_CST);
    if (pending == 0)
        return 0;
    tn_err_set_none(&tn_exc_KeyboardInterrupt);
    return -1;
}

int tn_eval_handle_breaker(TnThreadState *ts)
{
    if (tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_BRC_MERGE))
        tn_brc_merge_pending(&ts->brc);
    if (tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_GIL_DROP_REQUEST))
        tn_thread_yield_gil(ts);
    if (ts->thread_ident == ts->interp->main_thread_ident &&
        tn_eval_breaker_take(&ts->eval_breaker, TN_EVAL_SIGNALS))
        return handle_signals(ts);
    return 0;
}
