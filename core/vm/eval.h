/* core/vm/eval.h — running code. */
#ifndef TN_EVAL_H
#define TN_EVAL_H

#include "core/object.h"
#include "core/vm/state.h"

/* Run a module- or class-level code object with the given namespaces
 * (locals may equal globals).  New reference to the result, or NULL. */
TnObject *tn_eval_code(TnObject *code, TnObject *globals, TnObject *locals);
/* The builtins that code run with these globals sees (CPython's
 * _PyEval_BuiltinsFromGlobals): globals['__builtins__'], a module standing
 * for its dict, or the interpreter's builtins when there is none.  New
 * reference, or NULL with the exception set. */
TnObject *tn_eval_builtins_from_globals_ref(TnObject *globals);
/* The function type's call slot: bind arguments, push a frame, run. */
TnObject *tn_eval_call_function(TnObject *func, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
/* Run a class body function with `locals` as its namespace (the class
 * statement's __build_class__).  Returns what the body returns: the
 * __class__ cell, or None. */
TnObject *tn_eval_class_body(TnObject *func, TnObject *locals);
/* The builtins of the innermost Python frame, or the interpreter's
 * (borrowed). */
TnObject *tn_eval_get_builtins(void);
/* globals() of the innermost Python frame (borrowed; NULL if none). */
TnObject *tn_eval_get_globals(void);
/* locals(): new reference to the frame's locals dict, or a fresh snapshot dict for function frames. */
TnObject *tn_eval_get_locals(void);
/* Resume a generator's (heap) frame: push value_steal (or, with throwflag,
 * raise the current exception at the suspended instruction) and run until
 * YIELD_VALUE (tn_tstate()->gen_yielded is then 1) or until the frame
 * returns (value) or raises (NULL).  The frame is cleared when it ends. */
TnObject *tn_eval_resume_frame(TnFrame *f, TnObject *value_steal, int throwflag);
/* Drop every reference a frame holds. */
void tn_eval_frame_clear(TnFrame *f);
/* Release the thread's frame stack chunks (thread exit). */
void tn_eval_free_datastack(TnThreadState *ts);

#endif
