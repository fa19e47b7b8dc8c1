/* core/modules/signal.h — signals: the C handler, the Python handlers, and
 * what blocking calls do when a signal arrives (core/modules/signal.c).
 *
 * A signal goes through three steps, as in CPython:
 *  1. the C handler records it (async-signal-safe atomics only): the bit in
 *     interp->pending_signals, the main thread's TN_EVAL_SIGNALS breaker bit
 *     (tn_signal_trip), and a flag blocking waits poll;
 *  2. the main thread notices it at its next eval-breaker check point, or in
 *     a blocking call that was interrupted (EINTR) or polls the flag;
 *  3. tn_signal_check runs the Python handlers there, in the main thread.
 * Other threads never run handlers and their waits are never interrupted.
 */
#ifndef TN_SIGNAL_H
#define TN_SIGNAL_H

#include <stdbool.h>
#include "core/vm/state.h"

/* At startup, in the main thread: read the inherited dispositions into the
 * handler table and, when SIGINT is at its default, install the C handler
 * with signal.default_int_handler (Ctrl-C raises KeyboardInterrupt).
 * 0 / -1 (exception set). */
int tn_signal_init(TnInterp *interp);

/* CPython's PyErr_CheckSignals: in the main thread, call the Python
 * handler of every signal that arrived and was not handled yet.  Returns -1
 * with the exception set if a handler raised (the remaining signals stay
 * pending), else 0.  In another thread: 0 at once.  Attached callers only. */
int tn_signal_check(void);
/* The same, from the eval breaker (ts is the calling thread's state). */
int tn_signal_run_pending(TnThreadState *ts);

/* Whether the calling thread is the main thread (the one that runs
 * handlers and whose blocking waits a signal interrupts). */
bool tn_signal_is_main_thread(void);

/* Whether an OS signal was caught since the main thread last ran its
 * handlers.  Safe to call detached: for the main thread's waits that a
 * signal cannot interrupt with EINTR (condition variables), which poll it. */
bool tn_signal_os_pending(void);

/* The signal module.  New ref or NULL. */
TnObject *tn_signal_module_create(void);

#endif
