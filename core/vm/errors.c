/* core/vm/errors.c — setting, fetching and matching the current exception. */
#include <stdarg.h>
#include <stdio.h>
#include "core/tn.h"

static void set_current_steal(TnObject *exc)
{
    TnThreadState *ts = tn_tstate();
    TnObject *old = ts->curexc;
    ts->curexc = exc;
    tn_xdecref(old);
}

/* Instantiate type with a single argument (or no argument for NULL value). */
static TnObject *instantiate(TnType *type, TnObject *value)
{
    TnObject *args;
    if (value == NULL)
        args = tn_tuple_new(0);
    else
        args = tn_tuple_pack(1, value);
    if (args == NULL)
        return NULL;
    TnObject *exc = tn_exception_new(type, args);
    tn_decref(args);
    return exc;
}

void tn_err_set_object(TnType *type, TnObject *value)
{
    TnObject *exc;
    if (value != NULL && tn_object_type_check(value, type) && tn_exception_check(value))
        exc = tn_newref(value);
    else
        exc = instantiate(type, value);
    if (exc == NULL)
        return;   /* instantiate raised (MemoryError, or the constructor's error) */
    set_current_steal(exc);
}

void tn_err_set_none(TnType *type)
{
    tn_err_set_object(type, NULL);
}

void tn_err_set_str(TnType *type, const char *msg)
{
    TnObject *s = tn_str_from_cstr(msg);
    if (s == NULL)
        return;
    tn_err_set_object(type, s);
    tn_decref(s);
}

TnObject *tn_err_format(TnType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TnObject *s = tn_str_from_formatv(fmt, ap);
    va_end(ap);
    if (s == NULL)
        return NULL;
    tn_err_set_object(type, s);
    tn_decref(s);
    return NULL;
}

/* MemoryError must not need memory: one preallocated instance would be
 * shared across threads, so instead we try to allocate and fall back to
 * the immortal MemoryError class-level instance made at startup. */
TnObject *tn_err_no_memory(void)
{
    TnObject *exc = tn_exception_new(&tn_exc_MemoryError, NULL);
    if (exc == NULL)
        return NULL;          /* tn_exception_new already set the fallback */
    set_current_steal(exc);
    return NULL;
}

void tn_err_bad_internal_call(const char *where)
{
    tn_err_format(&tn_exc_SystemError, "bad argument to internal function (%s)", where);
}

TnObject *tn_err_occurred(void)
{
    return tn_tstate()->curexc;
}

bool tn_exc_matches(TnObject *exc, TnObject *type_or_tuple)
{
    if (tn_tuple_check(type_or_tuple)) {
        tn_ssize_t n = tn_tuple_size(type_or_tuple);
        for (tn_ssize_t i = 0; i < n; i++)
            if (tn_exc_matches(exc, tn_tuple_get(type_or_tuple, i)))
                return true;
        return false;
    }
    if (!tn_object_type_check(type_or_tuple, &tn_type_type))
        return false;
    return tn_object_type_check(exc, (TnType *)type_or_tuple);
}

bool tn_err_matches(TnType *type)
{
    TnObject *exc = tn_tstate()->curexc;
    return exc != NULL && tn_object_type_check(exc, type);
}

void tn_err_clear(void)
{
    set_current_steal(NULL);
}

TnObject *tn_err_fetch(void)
{
    TnThreadState *ts = tn_tstate();
    TnObject *exc = ts->curexc;
    ts->curexc = NULL;
    return exc;
}

void tn_err_restore(TnObject *exc_steal)
{
    set_current_steal(exc_steal);
}

/* Set exc.__context__ to the exception being handled, avoiding cycles in
 * the context chain as CPython's _PyErr_SetObject does. */
void tn_err_set_context(TnObject *exc)
{
    tn_err_chain_to(exc, tn_tstate_handled_exc(tn_tstate()));
}

void tn_err_chain_to(TnObject *exc, TnObject *handled)
{
    if (handled == NULL || handled == TN_NONE || handled == exc)
        return;
    /* Break a cycle: if exc is already somewhere in handled's context
     * chain, cut the chain there.  The chain may itself be a cycle
     * (__context__ is writable): Floyd's slow pointer, advancing every
     * other step, meets the walker then, and the walk stops. */
    TnBaseException *o = (TnBaseException *)handled, *slow = o;
    bool advance_slow = false;
    TnObject *next;
    while ((next = tn_field_load(&o->context)) != NULL) {
        if (next == exc) {
            tn_field_replace_steal(&o->context, NULL);
            break;
        }
        o = (TnBaseException *)next;
        if (o == slow)
            break;
        if (advance_slow)
            slow = (TnBaseException *)tn_field_load(&slow->context);
        advance_slow = !advance_slow;
    }
    TnBaseException *e = (TnBaseException *)exc;
    tn_field_replace_steal(&e->context, tn_newref(handled));
}

TnObject *tn_err_create_exception(TnObject *type, TnObject *value)
{
    TnObject *exc;
    if (value == NULL || value == TN_NONE)
        exc = tn_call_noargs(type);
    else if (tn_tuple_check(value))
        exc = tn_call_tuple_dict(type, value, NULL);
    else
        exc = tn_call_one(type, value);
    if (exc != NULL && !tn_exception_check(exc)) {
        /* A __new__ may return anything; raising it would treat a non-exception
         * as a TnBaseException. */
        tn_err_format(&tn_exc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %T",
                      type, exc);
        TN_CLEAR(exc);
    }
    return exc;
}

/* CPython 3.11 keeps (class, value) apart until an except clause
 * normalises them: a value that is an exception but not an instance of
 * the class is then replaced by class(value).  A __new__ returning some
 * other exception therefore runs twice.  Steals inst; new reference or NULL. */
TnObject *tn_err_fix_instance_steal(TnObject *type, TnObject *inst)
{
    if (inst == NULL || tn_object_type_check(inst, (TnType *)type))
        return inst;
    TnObject *fixed = tn_err_create_exception(type, inst);
    tn_decref(inst);
    return fixed;
}

int tn_err_raise(TnObject *exc, TnObject *cause)
{
    TnObject *inst;
    if (tn_exception_type_check(exc)) {
        inst = tn_call_noargs(exc);
        if (inst == NULL)
            return -1;
        if (!tn_exception_check(inst)) {
            tn_err_format(&tn_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          exc, (TnObject *)tn_type(inst));
            tn_decref(inst);
            return -1;
        }
        inst = tn_err_fix_instance_steal(exc, inst);
        if (inst == NULL)
            return -1;
    } else if (tn_exception_check(exc)) {
        inst = tn_newref(exc);
    } else {
        tn_err_set_str(&tn_exc_TypeError, "exceptions must derive from BaseException");
        return -1;
    }
    if (cause != NULL) {
        TnObject *fixed;
        if (tn_exception_type_check(cause)) {
            fixed = tn_call_noargs(cause);
            if (fixed == NULL) {
                tn_decref(inst);
                return -1;
            }
        } else if (tn_exception_check(cause)) {
            fixed = tn_newref(cause);
        } else if (cause == TN_NONE) {
            fixed = NULL;
        } else {
            tn_decref(inst);
            tn_err_set_str(&tn_exc_TypeError, "exception causes must derive from BaseException");
            return -1;
        }
        TnBaseException *e = (TnBaseException *)inst;
        tn_field_replace_steal(&e->cause, fixed);
        tn_exc_set_suppress_context(inst, 1);
    }
    tn_err_set_context(inst);
    set_current_steal(inst);
    return -1;
}

void tn_err_syntax(TnType *type, const char *msg, const char *filename,
                   int lineno, int col, int end_lineno, int end_col, const char *text)
{
    TnObject *m = tn_str_from_cstr(msg);
    TnObject *args = NULL, *exc = NULL;
    if (m == NULL)
        return;
    args = tn_tuple_pack(1, m);
    if (args == NULL)
        goto error;
    exc = tn_exception_new(type, args);
    if (exc == NULL)
        goto error;
    TnSyntaxErrorObject *se = (TnSyntaxErrorObject *)exc;
    TN_SETREF(se->msg, tn_newref(m));
    TN_SETREF(se->filename, filename ? tn_str_from_cstr(filename) : tn_newref(TN_NONE));
    TN_SETREF(se->lineno, tn_int_from_i64(lineno));
    TN_SETREF(se->offset, tn_int_from_i64(col));
    TN_SETREF(se->end_lineno, tn_int_from_i64(end_lineno));
    TN_SETREF(se->end_offset, tn_int_from_i64(end_col));
    TN_SETREF(se->text, text ? tn_str_from_utf8(text, (tn_ssize_t)strlen(text)) : tn_newref(TN_NONE));
    if (se->filename == NULL || se->lineno == NULL || se->offset == NULL || se->end_lineno == NULL
        || se->end_offset == NULL || se->text == NULL) {
        /* A field failed (bad UTF-8 in text, or memory): keep what we have. */
        tn_err_clear();
        if (se->text == NULL)
            se->text = tn_newref(TN_NONE);
    }
    set_current_steal(exc);
    exc = NULL;
error:
    tn_xdecref(exc);
    tn_xdecref(args);
    tn_decref(m);
}
