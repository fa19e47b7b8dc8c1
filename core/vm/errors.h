/* core/vm/errors.h — raising and inspecting the current exception.
 *
 * The current exception is one normalised exception object kept in the
 * thread state (tstate->curexc), as in CPython 3.12+.  A function signals
 * failure by returning NULL or -1 with it set; cleanup goes through one
 * `error:` label. */
#ifndef TN_ERRORS_H
#define TN_ERRORS_H

#include "core/object.h"

/* Raise type(value) — or value itself if it is already an instance of type.
 * KeyError(key) with a tuple key works as in CPython. */
void tn_err_set_object(TnType *type, TnObject *value);
void tn_err_set_str(TnType *type, const char *msg);
void tn_err_set_none(TnType *type);
/* Format with tn_str_from_format's directives and raise.  Always returns NULL,
 * so `return tn_err_format(...);` works in object-returning functions. */
TnObject *tn_err_format(TnType *type, const char *fmt, ...);
TnObject *tn_err_no_memory(void);                  /* MemoryError; returns NULL */
void tn_err_bad_internal_call(const char *where);  /* SystemError */

TnObject *tn_err_occurred(void);                   /* borrowed current exception or NULL */
/* Is the current exception an instance of type (or of a type in a tuple)? */
bool tn_err_matches(TnType *type);
bool tn_exc_matches(TnObject *exc, TnObject *type_or_tuple);
void tn_err_clear(void);
/* Take the current exception and report it as one that cannot be raised
 * (a __del__, a weak-reference callback): through sys.unraisablehook, by
 * default printed as "<msg or 'Exception ignored in'>: <repr(obj)>" and a
 * traceback (core/modules/sys_unraisable.c).  No exception is left set. */
void tn_err_write_unraisable(const char *msg, TnObject *obj);
TnObject *tn_err_fetch(void);                      /* take the current exception (new ref) or NULL */
void tn_err_restore(TnObject *exc_steal);          /* set the current exception; NULL clears */
/* Make the exception being handled (sys.exception()) the __context__ of
 * exc, breaking cycles in the context chain (CPython's _PyErr_SetObject). */
void tn_err_set_context(TnObject *exc);
/* The same with handled (NULL or None: nothing) instead of sys.exception(). */
void tn_err_chain_to(TnObject *exc, TnObject *handled);
/* Instantiate the exception class type with value as CPython's
 * _PyErr_CreateException: no arguments for NULL/None, *value for a tuple,
 * else value.  A result that is not an exception instance raises TypeError.
 * New reference, or NULL with the exception set. */
TnObject *tn_err_create_exception(TnObject *type, TnObject *value);
/* inst (stolen, may be NULL) made an instance of type as CPython's
 * normalisation does: an exception of another class becomes type(inst). */
TnObject *tn_err_fix_instance_steal(TnObject *type, TnObject *inst);
/* Raise exc (an instance or a class) as the `raise` statement does; sets
 * __context__ from the exception being handled.  Returns -1. */
int tn_err_raise(TnObject *exc, TnObject *cause);

/* SyntaxError/IndentationError/TabError with location.  lineno/col are
 * 1-based as in SyntaxError.offset (col counts characters, as CPython
 * reports), text is the source line (UTF-8, may be NULL). */
void tn_err_syntax(TnType *type, const char *msg, const char *filename,
                   int lineno, int col, int end_lineno, int end_col, const char *text);

/* Raise the OSError subclass for errno value err (ENOENT ->
 * FileNotFoundError, EACCES/EPERM -> PermissionError, ...) with args
 * (err, strerror(err)) and, if filename is not NULL, its filename
 * attribute: str() gives "[Errno 2] No such file or directory: 'x'".
 * Always returns NULL.  Defined in core/objects/exceptions.c. */
TnObject *tn_err_set_from_errno_filename(int err, TnObject *filename);
/* Raise type (ImportError or a subclass) with message msg and the name and
 * path attributes (either may be NULL); returns NULL. */
TnObject *tn_err_set_import_error(TnType *type, TnObject *msg, TnObject *name, TnObject *path);

/* Print exc with its traceback and chain to stderr, exactly as CPython's
 * default sys.excepthook does. */
void tn_err_print_exception(TnObject *exc);
/* The same report written to the Python file object file (NULL: the C
 * stderr), as CPython's _PyErr_Display; errors from file are cleared. */
void tn_err_display(TnObject *exc, TnObject *file);
/* If the current exception is SystemExit, return the process exit code it
 * asks for (printing its message if needed); otherwise print it, return 1. */
/* After an uncaught KeyboardInterrupt was reported: die of SIGINT now (call
 * after finalising, as CPython does after joining the threads); returns if
 * no such exit is pending. */
void tn_exit_by_signal(void);
/* Report exc as sys.excepthook does: to sys.stderr as it is now (a program
 * may have replaced it), nothing if it is None, "lost sys.stderr" if it is
 * missing. */
void tn_err_display_sys_stderr(TnObject *exc);
int tn_err_handle_uncaught(void);

#endif
