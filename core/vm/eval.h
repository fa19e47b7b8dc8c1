/* core/vm/eval.h — running code. */
#ifndef TN_EVAL_H
#define TN_EVAL_H

#include "core/object.h"

/* Run a module- or class-level code object with the given namespaces
 * (locals may equal globals).  New reference to the result, or NULL. */
TnObject *tn_eval_code(TnObject *code, TnObject *globals, TnObject *locals);
/* The function type's call slot: bind arguments, push a frame, run. */
TnObject *tn_eval_call_function(TnObject *func, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
/* globals() of the innermost Python frame (borrowed; NULL if none). */
TnObject *tn_eval_get_globals(void);
/* locals(): new reference to the frame's locals dict, or a fresh snapshot dict for function frames. */
TnObject *tn_eval_get_locals(void);
/* Release the thread's frame stack chunks (thread exit). */
void tn_eval_free_datastack(TnThreadState *ts);

#endif
