/* core/vm/eval.c — the bytecode interpreter.
 *
 * One C function, tn_eval_frame, runs Python frames until its entry frame
 * returns.  Python-to-Python calls do not recurse in C: CALL on a Python
 * function pushes a frame on the thread's frame stack and continues in the
 * same loop; RETURN_VALUE pops it.  Dispatch is by computed goto over the
 * table generated from opcodes.def.
 *
 * Check points (the eval breaker): RESUME, JUMP_BACKWARD and after calls
 * that leave the interpreter.  They all go through EVAL_CHECK_PERIODIC(),
 * one relaxed load of the thread's eval-breaker word (core/vm/breaker.c
 * handles what is posted there).
 *
 * Errors: an instruction that fails jumps to `error`, which records a
 * traceback entry, then `exception_unwind` searches the code object's
 * exception table and either jumps to a handler or pops the frame and
 * continues unwinding in the caller.
 */
#include <stdio.h>
#include "core/tn.h"
#include "core/compiler/opcodes.h"
#include "core/compiler/ast.h"
#include "core/vm/frame.h"
#include "core/vm/eval.h"
#include "core/objects/genobject.h"
#include "core/objects/coroobject.h"
#include "core/objects/frameobject.h"
#include "core/vm/import.h"
#include "core/vm/match.h"

/* ---- frame stack ----------------------------------------------------------- */

#define FRAME_HEADER_SLOTS (sizeof(TnFrame) / sizeof(TnObject *))
_Static_assert(sizeof(TnFrame) % sizeof(TnObject *) == 0, "frame header is a whole number of slots");

static int push_chunk(TnThreadState *ts, size_t need)
{
    size_t size = TN_FRAME_STACK_CHUNK;
    if (size < need * 2)
        size = need * 2;
    TnDataChunk *c = tn_mem_alloc(sizeof(TnDataChunk) + size * sizeof(TnObject *));
    if (c == NULL) {
        tn_err_no_memory();
        return -1;
    }
    c->previous = ts->datastack_chunk;
    c->saved_top = ts->datastack_top;
    c->saved_limit = ts->datastack_limit;
    c->size = size;
    ts->datastack_chunk = c;
    ts->datastack_top = c->data;
    ts->datastack_limit = c->data + size;
    return 0;
}

/* A frame for code, uninitialised except the header fields set here;
 * localsplus are NULL.  Counts against the recursion limit. */
static TnFrame *frame_push(TnThreadState *ts, TnCode *co)
{
    if (ts->py_recursion_depth >= ts->interp->recursion_limit) {
        tn_err_set_str(&tn_exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    size_t slots = FRAME_HEADER_SLOTS + (size_t)co->nlocalsplus + (size_t)co->stacksize;
    if (ts->datastack_top == NULL || ts->datastack_top + slots > ts->datastack_limit) {
        if (push_chunk(ts, slots) < 0)
            return NULL;
    }
    TnFrame *f = (TnFrame *)ts->datastack_top;
    ts->datastack_top += slots;
    TN_ASSERT(ts->datastack_top <= ts->datastack_limit);
    ts->py_recursion_depth++;
    f->code = (TnCode *)tn_newref(TN_OBJ(co));
    f->func = NULL;
    f->locals = NULL;
    f->instr_ptr = co->instr;
    f->stack_pointer = f->localsplus + co->nlocalsplus;
    f->is_entry = 0;
    f->owner = TN_FRAME_OWNED_BY_THREAD;
    for (int i = 0; i < co->nlocalsplus; i++)
        f->localsplus[i] = NULL;
    return f;
}

/* Drop every reference a frame holds (locals, value stack, function,
 * locals dict, code).  The frame is dead afterwards. */
void tn_eval_frame_clear(TnFrame *f)
{
    TnObject **base = f->localsplus;
    for (TnObject **p = base; p < f->stack_pointer; p++)
        tn_xdecref(*p);
    f->stack_pointer = base;
    TN_CLEAR(f->func);
    TN_CLEAR(f->locals);
    TN_CLEAR(f->code);
}

/* Release a frame's references and its stack space.  The value stack must
 * already be empty or described by stack_pointer.  A generator's frame is
 * only cleared: the generator frees its memory. */
static void frame_pop(TnThreadState *ts, TnFrame *f)
{
    TN_ASSERT(ts->py_recursion_depth > 0);
    tn_eval_frame_clear(f);
    ts->py_recursion_depth--;
    if (f->owner == TN_FRAME_OWNED_BY_GENERATOR)
        return;
    TnDataChunk *c = ts->datastack_chunk;
    if ((TnObject **)f == c->data && c->previous != NULL) {
        ts->datastack_chunk = c->previous;
        ts->datastack_top = c->saved_top;
        ts->datastack_limit = c->saved_limit;
        tn_mem_free(c);
    } else {
        ts->datastack_top = (TnObject **)f;
    }
}

/* Give a frame's memory back to the thread's frame stack without touching
 * its references (they were moved elsewhere). */
static void frame_release_moved(TnThreadState *ts, TnFrame *f)
{
    f->stack_pointer = f->localsplus;
    f->func = NULL;
    f->locals = NULL;
    f->code = (TnCode *)tn_newref(TN_OBJ(f->code));   /* balanced by frame_pop's clear */
    frame_pop(ts, f);
}

/* RETURN_GENERATOR: move the running frame into heap memory owned by a new
 * generator object.  The thread-stack frame keeps no references. */
static TnObject *make_generator(TnThreadState *ts, TnFrame *f, TnCodeUnit *ip, TnObject **sp)
{
    TnCode *co = f->code;
    size_t slots = FRAME_HEADER_SLOTS + (size_t)co->nlocalsplus + (size_t)co->stacksize;
    TnFrame *hf = tn_mem_alloc(slots * sizeof(TnObject *));
    if (hf == NULL)
        return tn_err_no_memory();
    tn_ssize_t used = sp - f->localsplus;
    memcpy(hf, f, sizeof(TnFrame) + (size_t)used * sizeof(TnObject *));
    hf->previous = NULL;
    hf->instr_ptr = ip;
    hf->stack_pointer = hf->localsplus + used;
    hf->is_entry = 1;
    hf->owner = TN_FRAME_OWNED_BY_GENERATOR;
    TnFunction *fn = (TnFunction *)f->func;
    TnType *gtype = (co->flags & TN_CO_COROUTINE) ? &tn_type_coroutine
                  : (co->flags & TN_CO_ASYNC_GENERATOR) ? &tn_type_async_generator : &tn_type_generator;
    TnObject *name = tn_field_get_ref(&fn->name), *qualname = tn_field_get_ref(&fn->qualname);
    TnObject *gen = tn_gen_new_typed(gtype, hf, name, qualname);
    tn_decref(name);
    tn_decref(qualname);
    if (gen == NULL) {
        tn_mem_free(hf);
        return NULL;
    }
    /* The references now belong to the heap frame. */
    f->stack_pointer = sp;
    (void)ts;
    return gen;
}


void tn_eval_free_datastack(TnThreadState *ts)
{
    TnDataChunk *c = ts->datastack_chunk;
    while (c != NULL) {
        TnDataChunk *prev = c->previous;
        tn_mem_free(c);
        c = prev;
    }
    ts->datastack_chunk = NULL;
    ts->datastack_top = ts->datastack_limit = NULL;
}

/* ---- argument binding (CPython's initialize_locals, same messages) ------------ */

/* Another thread may replace fn's __code__, __defaults__, __kwdefaults__ and
 * __qualname__ while we bind (threading/qsbr.h): the code is the frame's
 * (loaded once, held by the frame), the defaults are held for the binding,
 * and the qualname is borrowed only for one message. */

static const char *qualname_of(TnFunction *fn)
{
    const char *s = tn_str_utf8(tn_field_load(&fn->qualname), NULL);
    return s != NULL ? s : "?";
}

static void too_many_positional(TnFunction *fn, TnCode *co, tn_ssize_t given, TnObject **locals)
{
    TnObject *defaults = tn_field_get_ref(&fn->defaults);
    tn_ssize_t ndefaults = defaults != NULL ? tn_tuple_size(defaults) : 0;
    tn_xdecref(defaults);
    tn_ssize_t kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (locals[i] != NULL)
            kwonly_given++;
    char sig[64];
    if (ndefaults > 0)
        snprintf(sig, sizeof sig, "from %zd to %d", (tn_ssize_t)co->argcount - ndefaults, co->argcount);
    else
        snprintf(sig, sizeof sig, "%d", co->argcount);
    int plural = !(ndefaults == 0 && co->argcount == 1);
    if (kwonly_given > 0) {
        tn_err_format(&tn_exc_TypeError,
                      "%s() takes %s positional argument%s but %zd positional argument%s (and %zd keyword-only argument%s) were given",
                      qualname_of(fn), sig, plural ? "s" : "", given, given != 1 ? "s" : "",
                      kwonly_given, kwonly_given != 1 ? "s" : "");
    } else {
        tn_err_format(&tn_exc_TypeError, "%s() takes %s positional argument%s but %zd %s given",
                      qualname_of(fn), sig, plural ? "s" : "", given, given == 1 ? "was" : "were");
    }
}

/* "missing 2 required positional arguments: 'a' and 'b'" */
static void missing_arguments(TnFunction *fn, TnCode *co, TnObject **locals, int start, int end, int dflt_start,
                              const char *kind)
{
    TnObject *names[256];
    int n = 0;
    for (int i = start; i < end && n < 256; i++) {
        if (locals[i] == NULL && i < dflt_start)
            names[n++] = tn_tuple_get(co->localsplusnames, i);
    }
    if (n == 0)
        return;
    TnStrWriter w;
    tn_strw_init(&w);
    for (int i = 0; i < n; i++) {
        if (i > 0)
            tn_strw_puts(&w, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        tn_strw_putc(&w, '\'');
        tn_strw_put_str(&w, names[i]);
        tn_strw_putc(&w, '\'');
    }
    TnObject *list = tn_strw_finish(&w);
    if (list == NULL)
        return;
    tn_err_format(&tn_exc_TypeError, "%s() missing %d required %s argument%s: %U", qualname_of(fn), n, kind,
                  n == 1 ? "" : "s", list);
    tn_decref(list);
}

static int find_keyword(TnCode *co, TnObject *name, int start, int end)
{
    TnObject **names = tn_tuple_items(co->localsplusnames);
    for (int i = start; i < end; i++)
        if (names[i] == name)
            return i;
    for (int i = start; i < end; i++)
        if (tn_str_eq(names[i], name))
            return i;
    return -1;
}

static int bind_keywords(TnFunction *fn, TnCode *co, TnObject **locals, TnObject *const *kwvalues,
                         TnObject *kwnames, TnObject *kwdict)
{
    int total = co->argcount + co->kwonlyargcount;
    tn_ssize_t nkw = tn_tuple_size(kwnames);
    for (tn_ssize_t k = 0; k < nkw; k++) {
        TnObject *name = tn_tuple_get(kwnames, k);
        int i = find_keyword(co, name, co->posonlyargcount, total);
        if (i < 0) {
            if (kwdict != NULL) {
                if (tn_dict_set_item(kwdict, name, kwvalues[k]) < 0)
                    return -1;
                continue;
            }
            if (find_keyword(co, name, 0, co->posonlyargcount) >= 0)
                tn_err_format(&tn_exc_TypeError,
                              "%s() got some positional-only arguments passed as keyword arguments: '%U'",
                              qualname_of(fn), name);
            else
                tn_err_format(&tn_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                              qualname_of(fn), name);
            return -1;
        }
        if (locals[i] != NULL) {
            tn_err_format(&tn_exc_TypeError, "%s() got multiple values for argument '%U'", qualname_of(fn), name);
            return -1;
        }
        locals[i] = tn_newref(kwvalues[k]);
    }
    return 0;
}

static int fill_positional_defaults(TnFunction *fn, TnCode *co, TnObject **locals)
{
    TnObject *defaults = tn_field_get_ref(&fn->defaults);
    tn_ssize_t ndefaults = defaults != NULL ? tn_tuple_size(defaults) : 0;
    int dflt_start = co->argcount - (int)ndefaults;
    for (int i = 0; i < co->argcount; i++) {
        if (locals[i] == NULL && i >= dflt_start)
            locals[i] = tn_newref(tn_tuple_get(defaults, i - dflt_start));
    }
    tn_xdecref(defaults);
    for (int i = 0; i < co->argcount; i++) {
        if (locals[i] == NULL) {
            missing_arguments(fn, co, locals, 0, co->argcount, dflt_start, "positional");
            return -1;
        }
    }
    return 0;
}

static int fill_defaults(TnFunction *fn, TnCode *co, TnObject **locals)
{
    if (fill_positional_defaults(fn, co, locals) < 0)
        return -1;
    int kwend = co->argcount + co->kwonlyargcount;
    TnObject *kwdefaults = co->kwonlyargcount > 0 ? tn_field_get_ref(&fn->kwdefaults) : NULL;
    for (int i = co->argcount; i < kwend; i++) {
        if (locals[i] != NULL)
            continue;
        if (kwdefaults != NULL) {
            /* Taken inside the dict's section: another thread may change
             * __kwdefaults__ items meanwhile. */
            TnObject *v = tn_dict_get_str_ref(kwdefaults, tn_tuple_get(co->localsplusnames, i));
            if (v != NULL) {
                locals[i] = v;
                continue;
            }
        }
    }
    tn_xdecref(kwdefaults);
    for (int i = co->argcount; i < kwend; i++) {
        if (locals[i] == NULL) {
            missing_arguments(fn, co, locals, co->argcount, kwend, kwend, "keyword-only");
            return -1;
        }
    }
    return 0;
}

/* Bind args (borrowed) into a fresh frame's locals.  0 / -1. */
static int bind_arguments(TnFunction *fn, TnCode *co, TnObject **locals, TnObject *const *args,
                          tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t npos = nargs < co->argcount ? nargs : co->argcount;
    int slot = co->argcount + co->kwonlyargcount;
    for (tn_ssize_t i = 0; i < npos; i++)
        locals[i] = tn_newref(args[i]);
    if (co->flags & TN_CO_VARARGS) {
        TnObject *rest = tn_tuple_from_array(args + npos, nargs - npos);
        if (rest == NULL)
            return -1;
        locals[slot++] = rest;
    }
    TnObject *kwdict = NULL;
    if (co->flags & TN_CO_VARKEYWORDS) {
        kwdict = tn_dict_new();
        if (kwdict == NULL)
            return -1;
        locals[slot] = kwdict;
    }
    if (kwnames != NULL && tn_tuple_size(kwnames) > 0
        && bind_keywords(fn, co, locals, args + nargs, kwnames, kwdict) < 0)
        return -1;
    if (nargs > co->argcount && !(co->flags & TN_CO_VARARGS)) {
        too_many_positional(fn, co, nargs, locals);
        return -1;
    }
    return fill_defaults(fn, co, locals);
}

/* Push and initialise a frame for calling fn.  NULL with an exception on
 * failure (the frame is already popped). */
static TnFrame *frame_for_call(TnThreadState *ts, TnFunction *fn, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    /* Borrowed until frame_push takes the frame's reference: no check point
     * in between. */
    TnCode *co = (TnCode *)tn_field_load(&fn->code);
    TnFrame *f = frame_push(ts, co);
    if (f == NULL)
        return NULL;
    f->func = tn_newref(TN_OBJ(fn));
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    /* Fast path: exact positional match, no varargs or varkeywords. */
    if (kwnames == NULL && nargs == co->argcount && co->kwonlyargcount == 0
        && !(co->flags & (TN_CO_VARARGS | TN_CO_VARKEYWORDS))) {
        for (tn_ssize_t i = 0; i < nargs; i++)
            f->localsplus[i] = tn_newref(args[i]);
    } else if (bind_arguments(fn, co, f->localsplus, args, nargs, kwnames) < 0) {
        f->stack_pointer = f->localsplus + co->nlocalsplus;
        frame_pop(ts, f);
        return NULL;
    }
    return f;
}

/* ---- helpers for instructions ------------------------------------------------ */

/* The reference is taken inside the dict's section (tn_dict_get_str_ref):
 * another thread rebinding the global cannot free it in between. */
/* name in the frame's builtins: a dict, or (from a globals' __builtins__)
 * any mapping, read with [] as CPython's LOAD_GLOBAL slow path does.  New
 * reference, or NULL: *missing says whether the name just is not there. */
static TnObject *load_builtin(TnObject *builtins, TnObject *name, bool *missing)
{
    *missing = false;
    if (tn_dict_check(builtins)) {
        TnObject *v = tn_dict_get_str_ref(builtins, name);
        *missing = v == NULL;
        return v;
    }
    TnObject *v = tn_object_getitem(builtins, name);
    if (v == NULL && tn_err_matches(&tn_exc_KeyError)) {
        tn_err_clear();
        *missing = true;
    }
    return v;
}

static TnObject *load_global(TnFrame *f, TnObject *name)
{
    TnObject *v = tn_dict_get_str_ref(f->globals, name);
    bool missing = false;
    if (v == NULL)
        v = load_builtin(f->builtins, name, &missing);
    if (missing)
        tn_err_format(&tn_exc_NameError, "name '%U' is not defined", name);
    return v;
}

TnObject *tn_eval_builtins_from_globals_ref(TnObject *globals)
{
    TnObject *b = NULL;
    if (tn_dict_get_item_ref(globals, tn_str_intern_cstr("__builtins__"), &b) < 0)
        return NULL;
    if (b == NULL)
        return tn_newref(tn_interp()->builtins);
    if (tn_object_type_check(b, &tn_type_module))
        TN_SETREF(b, tn_newref(tn_module_dict(b)));
    return b;
}

static TnObject *load_name(TnFrame *f, TnObject *name)
{
    if (f->locals != NULL) {
        TnObject *v;
        int r;
        if (tn_dict_check_exact(f->locals))
            r = tn_dict_get_item_ref(f->locals, name, &v);
        else {
            v = tn_object_getitem(f->locals, name);
            r = v != NULL ? 1 : (tn_err_matches(&tn_exc_KeyError) ? (tn_err_clear(), 0) : -1);
        }
        if (r != 0)
            return v;
    }
    return load_global(f, name);
}

static void unbound_local(TnCode *co, int i)
{
    tn_err_format(&tn_exc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not associated with a value",
                  tn_tuple_get(co->localsplusnames, i));
}

static void unbound_deref(TnCode *co, int i)
{
    if (co->localspluskinds[i] & TN_LOCAL_KIND_FREE)
        tn_err_format(&tn_exc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                      tn_tuple_get(co->localsplusnames, i));
    else
        unbound_local(co, i);
}

/* UNPACK_SEQUENCE: push n items of seq so that item 0 ends on top. */
static int unpack_iterable(TnObject *seq, int before, int after, TnObject **sp_top)
{
    /* sp_top points one past where the last pushed value goes; items are
     * written downward: sp_top[-1] = item 0. */
    TnObject *it = tn_object_get_iter(seq);
    if (it == NULL) {
        if (tn_err_matches(&tn_exc_TypeError) && tn_type(seq)->iter == NULL
            && (tn_type(seq)->as_sequence == NULL || tn_type(seq)->as_sequence->item == NULL)) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError, "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    int i = 0;
    for (; i < before; i++) {
        TnObject *v = tn_iter_next(it);
        if (v == NULL) {
            if (!tn_err_occurred()) {
                if (after < 0)
                    tn_err_format(&tn_exc_ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
                else
                    tn_err_format(&tn_exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                                  before + after, i);
            }
            goto error;
        }
        sp_top[-1 - i] = v;
    }
    if (after < 0) {
        TnObject *extra = tn_iter_next(it);
        if (extra != NULL) {
            tn_decref(extra);
            tn_err_format(&tn_exc_ValueError, "too many values to unpack (expected %d)", before);
            goto error;
        }
        if (tn_err_occurred())
            goto error;
        tn_decref(it);
        return 0;
    }
    TnObject *rest = tn_list_from_iterable(it);
    if (rest == NULL)
        goto error;
    tn_ssize_t nrest = tn_list_size(rest);
    if (nrest < after) {
        tn_err_format(&tn_exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                      before + after, (tn_ssize_t)before + nrest);
        tn_decref(rest);
        goto error;
    }
    /* The last `after` items of rest go below the starred list. */
    for (int j = 0; j < after; j++) {
        TnObject *v = tn_list_get_item_ref(rest, nrest - after + j);
        sp_top[-1 - (before + 1 + j)] = v;
    }
    TnObject *star = tn_list_new(0);
    if (star == NULL) {
        for (int j = 0; j < after; j++)
            tn_decref(sp_top[-1 - (before + 1 + j)]);
        tn_decref(rest);
        goto error;
    }
    for (tn_ssize_t j = 0; j < nrest - after; j++) {
        TnObject *v = tn_list_get_item_ref(rest, j);
        if (v == NULL || tn_list_append_steal(star, v) < 0) {
            for (int k = 0; k < after; k++)
                tn_decref(sp_top[-1 - (before + 1 + k)]);
            tn_decref(star);
            tn_decref(rest);
            goto error;
        }
    }
    tn_decref(rest);
    sp_top[-1 - before] = star;
    tn_decref(it);
    return 0;
error:
    for (int j = 0; j < i; j++)
        tn_decref(sp_top[-1 - j]);
    tn_decref(it);
    return -1;
}

/* Items go to sp_top[-1], sp_top[-2], ...: the first item ends on top. */
static int unpack_sequence(TnObject *seq, int n, TnObject **sp_top)
{
    if (tn_tuple_check_exact(seq) || tn_list_check_exact(seq)) {
        tn_ssize_t len;
        if (tn_tuple_check_exact(seq)) {
            len = tn_tuple_size(seq);
            if (len == n) {
                for (int i = 0; i < n; i++)
                    sp_top[-1 - i] = tn_newref(tn_tuple_get(seq, i));
                return 0;
            }
        } else {
            /* Check the size and read the items in one section: another
             * thread may resize the list between a separate size read and
             * the item reads.  The items land in stack order afterwards. */
            TnObject **dst = sp_top - n;
            len = tn_list_items_if_size_ref(seq, n, dst);
            if (len == n) {
                for (int i = 0, j = n - 1; i < j; i++, j--) {
                    TnObject *t = dst[i];
                    dst[i] = dst[j];
                    dst[j] = t;
                }
                return 0;
            }
        }
        if (len < n)
            tn_err_format(&tn_exc_ValueError, "not enough values to unpack (expected %d, got %zd)", n, len);
        else
            tn_err_format(&tn_exc_ValueError, "too many values to unpack (expected %d)", n);
        return -1;
    }
    return unpack_iterable(seq, n, -1, sp_top);
}

static TnObject *make_function(TnFrame *f, TnObject *code, int flags, TnObject **extras)
{
    /* extras: in stack order defaults, kwdefaults, annotations, closure (present per flags). */
    TnFunction *fn = (TnFunction *)tn_function_new(code, f->globals);
    if (fn == NULL)
        return NULL;
    int k = 0;
    if (flags & 0x01)
        fn->defaults = tn_newref(extras[k++]);
    if (flags & 0x02)
        fn->kwdefaults = tn_newref(extras[k++]);
    if (flags & 0x04)
        fn->annotations = tn_newref(extras[k++]);
    if (flags & 0x08)
        fn->closure = tn_newref(extras[k++]);
    return TN_OBJ(fn);
}

static TnObject *format_value(TnObject *value, int conversion, TnObject *spec)
{
    TnObject *conv;
    switch (conversion) {
    case 1: conv = tn_object_str(value); break;
    case 2: conv = tn_object_repr(value); break;
    case 3: conv = tn_object_ascii(value); break;
    default: conv = tn_newref(value); break;
    }
    if (conv == NULL)
        return NULL;
    if (spec == NULL && tn_str_check_exact(conv))
        return conv;
    TnObject *empty = NULL;
    if (spec == NULL) {
        empty = tn_str_from_cstr("");
        if (empty == NULL) {
            tn_decref(conv);
            return NULL;
        }
        spec = empty;
    }
    TnObject *res = tn_object_format(conv, spec);
    tn_decref(conv);
    tn_xdecref(empty);
    return res;
}

static TnObject *build_string(TnObject **items, int n)
{
    TnStrWriter w;
    tn_strw_init(&w);
    for (int i = 0; i < n; i++) {
        if (tn_strw_put_str(&w, items[i]) < 0) {
            tn_strw_discard(&w);
            return NULL;
        }
    }
    return tn_strw_finish(&w);
}

static int check_exc_match_type(TnObject *type)
{
    if (tn_tuple_check(type)) {
        tn_ssize_t n = tn_tuple_size(type);
        for (tn_ssize_t i = 0; i < n; i++)
            if (check_exc_match_type(tn_tuple_get(type, i)) < 0)
                return -1;
        return 0;
    }
    if (!tn_exception_type_check(type)) {
        tn_err_set_str(&tn_exc_TypeError,
                       "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return 0;
}

/* except* T: T must be an exception class (or a tuple of them), and not an
 * exception group: matching splits groups, so catching one makes no sense. */
static int check_except_star_type(TnObject *type)
{
    if (check_exc_match_type(type) < 0)
        return -1;
    bool is_group = false;
    if (tn_tuple_check(type)) {
        for (tn_ssize_t i = 0; i < tn_tuple_size(type) && !is_group; i++)
            is_group = tn_type_is_subtype((TnType *)tn_tuple_get(type, i), &tn_exc_BaseExceptionGroup);
    } else {
        is_group = tn_type_is_subtype((TnType *)type, &tn_exc_BaseExceptionGroup);
    }
    if (is_group) {
        tn_err_set_str(&tn_exc_TypeError,
                       "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
}

/* CHECK_EG_MATCH's split (CPython's exception_group_match): *match and
 * *rest get new references.  A naked exception that matches is wrapped in
 * ExceptionGroup("", (exc,)), without a traceback (as CPython 3.11). */
static int exception_group_match(TnObject *exc, TnObject *type, TnObject **match, TnObject **rest)
{
    *match = *rest = NULL;
    if (exc == TN_NONE) {
        *match = tn_none_ref();
        *rest = tn_none_ref();
        return 0;
    }
    if (tn_exc_matches(exc, type)) {
        if (tn_exception_group_check(exc)) {
            *match = tn_newref(exc);
        } else {
            TnObject *msg = tn_str_from_cstr(""), *excs = tn_tuple_pack(1, exc);
            TnObject *a[2] = {msg, excs};
            TnObject *wrapped = msg != NULL && excs != NULL
                ? tn_call(TN_OBJ(&tn_exc_BaseExceptionGroup), a, 2, NULL) : NULL;
            tn_xdecref(msg);
            tn_xdecref(excs);
            if (wrapped == NULL)
                return -1;
            *match = wrapped;
        }
        *rest = tn_none_ref();
        return 0;
    }
    if (tn_exception_group_check(exc)) {
        TnObject *pair = tn_call_method_cstr(exc, "split", &type, 1);
        if (pair == NULL)
            return -1;
        if (!tn_tuple_check(pair) || tn_tuple_size(pair) != 2) {
            tn_decref(pair);
            tn_err_set_str(&tn_exc_TypeError, "split must return a 2-tuple");
            return -1;
        }
        *match = tn_newref(tn_tuple_get(pair, 0));
        *rest = tn_newref(tn_tuple_get(pair, 1));
        tn_decref(pair);
        return 0;
    }
    *match = tn_none_ref();
    *rest = tn_newref(exc);
    return 0;
}

/* CALL_FUNCTION_EX: call callable(*args, **kwargs) with the usual checks. */
static TnObject *call_function_ex(TnObject *callable, TnObject *self, TnObject *args, TnObject *kwargs)
{
    TnObject *tuple = NULL, *dict = NULL, *res = NULL;
    if (tn_tuple_check_exact(args)) {
        tuple = tn_newref(args);
    } else {
        if (tn_type(args)->iter == NULL && (tn_type(args)->as_sequence == NULL || tn_type(args)->as_sequence->item == NULL)) {
            TnObject *name = tn_object_getattr_cstr(callable, "__qualname__");
            if (name == NULL) {
                tn_err_clear();
                return tn_err_format(&tn_exc_TypeError, "argument after * must be an iterable, not %T", args);
            }
            tn_err_format(&tn_exc_TypeError, "%U() argument after * must be an iterable, not %T", name, args);
            tn_decref(name);
            return NULL;
        }
        tuple = tn_tuple_from_iterable(args);
        if (tuple == NULL)
            return NULL;
    }
    if (self != NULL) {
        tn_ssize_t n = tn_tuple_size(tuple);
        TnObject *t2 = tn_tuple_new(n + 1);
        if (t2 == NULL)
            goto done;
        tn_tuple_set_steal(t2, 0, tn_newref(self));
        for (tn_ssize_t i = 0; i < n; i++)
            tn_tuple_set_steal(t2, i + 1, tn_newref(tn_tuple_get(tuple, i)));
        TN_SETREF(tuple, t2);
    }
    if (kwargs != NULL && !tn_dict_check_exact(kwargs)) {
        dict = tn_dict_new();
        if (dict == NULL || tn_dict_merge(dict, kwargs, 1) < 0)
            goto done;
        kwargs = dict;
    }
    res = tn_call_tuple_dict(callable, tuple, kwargs);
done:
    tn_xdecref(tuple);
    tn_xdecref(dict);
    return res;
}

/* A special method looked up on the type, bound to obj (CPython's
 * _PyObject_LookupSpecial): new ref, or NULL (with an error only if the
 * binding failed). */
static TnObject *lookup_special(TnObject *obj, const char *name)
{
    TnObject *n = tn_str_intern_cstr(name);
    TnObject *attr = n != NULL ? tn_type_lookup(tn_type(obj), n) : NULL;
    if (attr == NULL)
        return NULL;
    tn_descrgetfunc get = tn_type(attr)->descr_get;
    if (get == NULL)
        return tn_newref(attr);
    return get(attr, obj, TN_OBJ(tn_type(obj)));
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH on the manager at sp[-1]: replace it
 * with its bound exit method and store the enter result at sp[0] (the
 * caller bumps sp).  -1 with CPython's TypeError for a missing method. */
static int enter_context(TnObject **sp, const char *enter_name, const char *exit_name, const char *kind)
{
    TnObject *mgr = sp[-1];
    TnObject *enter = lookup_special(mgr, enter_name);
    if (enter == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "'%T' object does not support the %scontext manager protocol", mgr,
                          kind);
        return -1;
    }
    TnObject *exit = lookup_special(mgr, exit_name);
    if (exit == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "'%T' object does not support the %scontext manager protocol (missed %s method)", mgr,
                          kind, exit_name);
        tn_decref(enter);
        return -1;
    }
    sp[-1] = exit;
    tn_decref(mgr);
    TnObject *res = tn_call_noargs(enter);
    tn_decref(enter);
    if (res == NULL)
        return -1;
    sp[0] = res;
    return 0;
}

/* The value a finished sub-iterator returned: after send_to() gave NULL,
 * either StopIteration (its value) or plain exhaustion (None) -> 0 with
 * *result set; any other exception -> -1. */
static int stop_iteration_value(TnObject **result)
{
    TnObject *exc = tn_err_occurred();
    if (exc == NULL) {
        *result = tn_newref(TN_NONE);
        return 0;
    }
    if (!tn_err_matches(&tn_exc_StopIteration))
        return -1;
    exc = tn_err_fetch();
    TnObject *v = ((TnStopIterationObject *)exc)->value;
    *result = tn_newref(v != NULL ? v : TN_NONE);
    tn_decref(exc);
    return 0;
}

/* SEND: give v to the sub-iterator of a `yield from`.  The next value it
 * yields (new ref), or NULL (see stop_iteration_value). */
static TnObject *send_to(TnObject *recv, TnObject *v)
{
    if (tn_gen_check(recv) || tn_coro_check(recv))
        return tn_gen_send(recv, v, false);
    if (v == TN_NONE && tn_type(recv)->iternext != NULL)
        return tn_type(recv)->iternext(recv);
    return tn_call_method_cstr(recv, "send", &v, 1);
}

/* "f()" for messages about a call, as CPython's _PyObject_FunctionStr. */
static TnObject *function_str(TnObject *func)
{
    TnObject *qualname, *module = NULL;
    if (tn_object_lookup_attr(func, tn_str_intern_cstr("__qualname__"), &qualname) > 0
        && tn_str_check(qualname)) {
        TnObject *res;
        int r = tn_object_lookup_attr(func, tn_str_intern_cstr("__module__"), &module);
        if (r < 0)
            tn_err_clear();
        if (r > 0 && tn_str_check(module) && !tn_str_eq_cstr(module, "builtins"))
            res = tn_str_from_format("%U.%U()", module, qualname);
        else
            res = tn_str_from_format("%U()", qualname);
        tn_xdecref(module);
        tn_decref(qualname);
        return res;
    }
    tn_xdecref(qualname);
    tn_err_clear();
    return tn_str_from_format("%T object", func);
}

/* f(**update): add update's items to the call's keyword dict, with
 * CPython's errors for non-mappings, non-str keys and duplicates. */
static int merge_call_kwargs(TnObject *func, TnObject *kwdict, TnObject *update)
{
    TnObject *items = NULL, *fs = NULL;
    int result = -1;
    if (!tn_dict_check(update)) {
        int has_keys = tn_object_hasattr(update, tn_str_intern_cstr("keys"));
        if (has_keys <= 0) {
            if (has_keys == 0 && (fs = function_str(func)) != NULL)
                tn_err_format(&tn_exc_TypeError, "%U argument after ** must be a mapping, not %T", fs, update);
            goto done;
        }
    }
    items = tn_dict_new();
    if (items == NULL || tn_dict_update(items, update) < 0)
        goto done;
    tn_ssize_t pos = 0;
    TnObject *k, *v;
    while (tn_dict_next(items, &pos, &k, &v)) {
        if (!tn_str_check(k)) {
            if ((fs = function_str(func)) != NULL)
                tn_err_format(&tn_exc_TypeError, "%U keywords must be strings", fs);
            goto done;
        }
        int dup = tn_dict_contains(kwdict, k);
        if (dup != 0) {
            if (dup > 0 && (fs = function_str(func)) != NULL)
                tn_err_format(&tn_exc_TypeError, "%U got multiple values for keyword argument '%U'", fs, k);
            goto done;
        }
        if (tn_dict_set_item(kwdict, k, v) < 0)
            goto done;
    }
    result = 0;
done:
    tn_xdecref(items);
    tn_xdecref(fs);
    return result;
}

/* Record that the exception `exc` (the current one) passed through frame
 * at instruction lasti: a traceback entry with the frame's snapshot as
 * tb_frame.  from_callee: the exception came out of a call this frame
 * made, so the head entry's frame gets this one as f_back.  A snapshot
 * that cannot be made (no memory) leaves tb_frame None and the exception
 * being raised untouched. */
static void traceback_here(TnObject *exc, TnFrame *frame, int lasti, bool from_callee)
{
    TnObject *cur = tn_err_fetch();
    TnObject *fo = tn_frame_object_for_traceback(frame, lasti);
    if (fo == NULL)
        tn_err_clear();
    if (tn_traceback_add(exc, TN_OBJ(frame->code), lasti, fo, from_callee) < 0)
        tn_err_clear();
    tn_err_restore(cur);
}

/* Find the handler for the instruction at index i: the innermost entry whose
 * range covers it (entries may nest; the compiler emits them so that the
 * first matching entry in table order is the innermost). */
static const TnExcEntry *find_handler(TnCode *co, tn_ssize_t i)
{
    for (int k = 0; k < co->nexctable; k++) {
        const TnExcEntry *e = &co->exctable[k];
        if (i >= e->start && i < e->end)
            return e;
    }
    return NULL;
}

/* ---- arithmetic fast paths ------------------------------------------------------
 *
 * Exact ints that fit a machine word and exact floats skip the generic
 * slot dispatch for the commonest operators.  They return NULL (without an
 * exception) whenever the generic path must decide: overflow, division by
 * zero, other types.  Semantics are exactly the generic ones. */

static TnObject *binary_op_fast(TnObject *a, TnObject *b, int op)
{
    int64_t x, y, r;
    if (op >= TN_OP_INPLACE_OFFSET)
        op -= TN_OP_INPLACE_OFFSET;
    if (tn_int_exact_word(a, &x) && tn_int_exact_word(b, &y)) {
        bool overflow;
        switch (op) {
        case TN_OP_ADD: overflow = __builtin_add_overflow(x, y, &r); break;
        case TN_OP_SUB: overflow = __builtin_sub_overflow(x, y, &r); break;
        case TN_OP_MULT: overflow = __builtin_mul_overflow(x, y, &r); break;
        default: return NULL;
        }
        return overflow ? NULL : tn_int_from_i64(r);
    }
    if (tn_float_check_exact(a) && tn_float_check_exact(b)) {
        double u = tn_float_value(a), v = tn_float_value(b);
        switch (op) {
        case TN_OP_ADD: return tn_float_from_double(u + v);
        case TN_OP_SUB: return tn_float_from_double(u - v);
        case TN_OP_MULT: return tn_float_from_double(u * v);
        case TN_OP_DIV: return v != 0.0 ? tn_float_from_double(u / v) : NULL;
        default: return NULL;
        }
    }
    return NULL;
}

static TnObject *compare_op_fast(TnObject *a, TnObject *b, int op)
{
    int64_t x, y;
    if (tn_int_exact_word(a, &x) && tn_int_exact_word(b, &y)) {
        return tn_bool_from(TN_RICHCOMPARE(x, y, op));
    }
    if (tn_float_check_exact(a) && tn_float_check_exact(b)) {
        double u = tn_float_value(a), v = tn_float_value(b);
        return tn_bool_from(TN_RICHCOMPARE(u, v, op));
    }
    return NULL;
}

/* ---- imports ------------------------------------------------------------------ */

/* from m import *: __all__ if present, else every name not starting with '_'. */
static int import_star(TnObject *locals, TnObject *module)
{
    TnObject *all;
    int r = tn_object_lookup_attr(module, tn_str_intern_cstr("__all__"), &all);
    if (r < 0)
        return -1;
    TnObject *dict = NULL;
    if (all == NULL) {
        r = tn_object_lookup_attr(module, tn_str_intern_cstr("__dict__"), &dict);
        if (r <= 0) {
            if (r == 0)
                tn_err_set_str(&tn_exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = tn_dict_keys_list(dict);
        if (all == NULL) {
            tn_decref(dict);
            return -1;
        }
    }
    TnObject *it = tn_object_get_iter(all);
    int result = it != NULL ? 0 : -1;
    TnObject *name;
    while (it != NULL && (name = tn_iter_next(it)) != NULL) {
        bool skip = dict != NULL && tn_str_check(name) && tn_str_length(name) > 0 && tn_str_read(name, 0) == '_';
        TnObject *v = skip ? NULL : tn_object_getattr(module, name);
        if (!skip && (v == NULL || tn_object_setitem(locals, name, v) < 0))
            result = -1;
        tn_xdecref(v);
        tn_decref(name);
        if (result < 0)
            break;
    }
    if (result == 0 && tn_err_occurred())
        result = -1;
    tn_xdecref(it);
    tn_decref(all);
    tn_xdecref(dict);
    return result;
}

/* ---- the loop ----------------------------------------------------------------- */

/* The frame's instruction and stack pointers are saved before a request is
 * handled: a collection or another thread's stop-the-world pause may walk
 * the value stacks of suspended generator frames (gc/gc.h). */
#define EVAL_CHECK_PERIODIC()                                        \
    do {                                                             \
        tn_qsbr_quiescent(&ts->qsbr);                                \
        if (TN_UNLIKELY(tn_eval_breaker_pending(&ts->eval_breaker))) { \
            SAVE_FRAME();                                            \
            if (tn_eval_handle_breaker(ts) < 0)                      \
                goto error;                                          \
        }                                                            \
    } while (0)

static TnObject *tn_eval_frame(TnThreadState *ts, TnFrame *frame, int throwflag)
{
    static void *const dispatch_table[TN_OPCODE_COUNT] = {
#define TN_OPCODE(name, flags) &&op_##name,
#include "core/compiler/opcodes.def"
#undef TN_OPCODE
    };

    TnCode *co;
    TnCodeUnit *ip;
    TnObject **sp;
    TnObject **localsplus;
    TnObject *consts, *names;
    TnObject *kwnames = NULL;
    unsigned oparg;
    TnCodeUnit word;

#define LOAD_FRAME()                                   \
    do {                                               \
        co = frame->code;                              \
        ip = frame->instr_ptr;                         \
        sp = frame->stack_pointer;                     \
        localsplus = frame->localsplus;                \
        consts = co->consts;                           \
        names = co->names;                             \
        ts->frame = frame;                             \
    } while (0)
#define SAVE_FRAME()                                   \
    do {                                               \
        frame->instr_ptr = ip;                         \
        frame->stack_pointer = sp;                     \
    } while (0)
/* Debug builds check the value stack's bounds before every instruction. */
#define DISPATCH()                                     \
    do {                                               \
        TN_ASSERT(sp >= localsplus + co->nlocalsplus   \
                  && sp <= localsplus + co->nlocalsplus + co->stacksize); \
        word = *ip++;                                  \
        oparg = TN_ARG(word);                          \
        goto *dispatch_table[TN_OP(word)];             \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(tn_ssize_t)(n)])
#define GETNAME(i) tn_tuple_get(names, (i))
#define JUMPTO(target) (ip = co->instr + (target))
/* [v] -> [f(v)] for the unary operators. */
#define UNARY_OP(f)                                    \
    do {                                               \
        TnObject *v_ = TOP();                          \
        TnObject *r_ = f(v_);                          \
        if (r_ == NULL)                                \
            goto error;                                \
        TOP() = r_;                                    \
        tn_decref(v_);                                 \
        DISPATCH();                                    \
    } while (0)
/* Pop v; jump when its truth equals want (bools tested without a call). */
#define POP_JUMP_IF(want)                              \
    do {                                               \
        TnObject *v_ = POP();                          \
        int t_;                                        \
        if (v_ == TN_FALSE || v_ == TN_TRUE) {         \
            t_ = v_ == TN_TRUE;                        \
        } else {                                       \
            t_ = tn_object_is_true(v_);                \
            tn_decref(v_);                             \
            if (t_ < 0)                                \
                goto error;                            \
        }                                              \
        if (t_ == (want))                              \
            JUMPTO(oparg);                             \
        DISPATCH();                                    \
    } while (0)

    frame->previous = ts->frame;
    frame->is_entry = 1;
    LOAD_FRAME();
    if (throwflag) {
        /* gen.throw(): raise at the suspended instruction.  As CPython's
         * gen_send_ex2 (_PyErr_ChainStackItem), the exception is chained
         * to what the generator itself is handling, even one raised
         * before, and never to what the caller is handling. */
        TnObject *thrown = tn_err_occurred();
        if (thrown != NULL && tn_exception_check(thrown))
            tn_err_chain_to(thrown, ts->handled_exc);
        goto traceback_here;
    }
    DISPATCH();

op_NOP:
    DISPATCH();

op_RESUME:
    EVAL_CHECK_PERIODIC();
    DISPATCH();

op_POP_TOP: {
    TnObject *v = POP();
    tn_xdecref(v);
    DISPATCH();
}

op_PUSH_NULL:
    PUSH(NULL);
    DISPATCH();

op_COPY: {
    TnObject *v = PEEK(oparg);
    PUSH(tn_xnewref(v));
    DISPATCH();
}

op_SWAP: {
    TnObject *t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
}

op_LOAD_CONST:
    PUSH(tn_newref(tn_tuple_get(consts, oparg)));
    DISPATCH();

op_LOAD_FAST: {
    TnObject *v = localsplus[oparg];
    if (TN_UNLIKELY(v == NULL)) {
        unbound_local(co, (int)oparg);
        goto error;
    }
    PUSH(tn_newref(v));
    DISPATCH();
}

op_STORE_FAST: {
    TnObject *old = localsplus[oparg];
    localsplus[oparg] = POP();
    tn_xdecref(old);
    DISPATCH();
}

op_DELETE_FAST: {
    TnObject *old = localsplus[oparg];
    if (old == NULL) {
        unbound_local(co, (int)oparg);
        goto error;
    }
    localsplus[oparg] = NULL;
    tn_decref(old);
    DISPATCH();
}

op_LOAD_GLOBAL: {
    TnObject *v = load_global(frame, GETNAME(oparg >> 1));
    if (v == NULL)
        goto error;
    PUSH(v);
    if (oparg & 1)
        PUSH(NULL);
    DISPATCH();
}

op_STORE_GLOBAL: {
    TnObject *v = POP();
    int r = tn_dict_set_item(frame->globals, GETNAME(oparg), v);
    tn_decref(v);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_DELETE_GLOBAL: {
    if (tn_dict_del_item(frame->globals, GETNAME(oparg)) < 0) {
        if (tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_NameError, "name '%U' is not defined", GETNAME(oparg));
        }
        goto error;
    }
    DISPATCH();
}

op_LOAD_NAME: {
    TnObject *v = load_name(frame, GETNAME(oparg));
    if (v == NULL)
        goto error;
    PUSH(v);
    DISPATCH();
}

op_STORE_NAME: {
    TnObject *v = POP();
    int r;
    if (frame->locals == NULL) {
        tn_err_format(&tn_exc_SystemError, "no locals found when storing %R", GETNAME(oparg));
        r = -1;
    } else if (tn_dict_check_exact(frame->locals)) {
        r = tn_dict_set_item(frame->locals, GETNAME(oparg), v);
    } else {
        r = tn_object_setitem(frame->locals, GETNAME(oparg), v);
    }
    tn_decref(v);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_DELETE_NAME: {
    TnObject *name = GETNAME(oparg);
    if (frame->locals == NULL || tn_object_delitem(frame->locals, name) < 0) {
        if (frame->locals == NULL || tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_NameError, "name '%U' is not defined", name);
        }
        goto error;
    }
    DISPATCH();
}

op_MAKE_CELL: {
    TnObject *cell = tn_cell_new(localsplus[oparg]);
    if (cell == NULL)
        goto error;
    TN_SETREF(localsplus[oparg], cell);
    DISPATCH();
}

op_COPY_FREE_VARS: {
    TnObject *closure = ((TnFunction *)frame->func)->closure;
    int offset = co->nlocalsplus - (int)oparg;
    for (unsigned i = 0; i < oparg; i++)
        localsplus[offset + (int)i] = tn_newref(tn_tuple_get(closure, (tn_ssize_t)i));
    DISPATCH();
}

op_LOAD_CLOSURE:
    PUSH(tn_newref(localsplus[oparg]));
    DISPATCH();

/* Cells can be shared by threads (closures): every access goes through the
 * cell's critical section (tn_cell_get_ref / tn_cell_swap_steal). */
op_LOAD_DEREF: {
    TnObject *v = tn_cell_get_ref(localsplus[oparg]);
    if (v == NULL) {
        unbound_deref(co, (int)oparg);
        goto error;
    }
    PUSH(v);
    DISPATCH();
}

op_STORE_DEREF: {
    tn_xdecref(tn_cell_swap_steal(localsplus[oparg], POP()));
    DISPATCH();
}

op_DELETE_DEREF: {
    TnObject *old = tn_cell_swap_steal(localsplus[oparg], NULL);
    if (old == NULL) {
        unbound_deref(co, (int)oparg);
        goto error;
    }
    tn_decref(old);
    DISPATCH();
}

op_LOAD_CLASSDEREF: {
    TnObject *name = tn_tuple_get(co->localsplusnames, oparg);
    TnObject *v = NULL;
    if (frame->locals != NULL && tn_dict_get_item_ref(frame->locals, name, &v) < 0)
        goto error;
    if (v == NULL) {
        v = tn_cell_get_ref(localsplus[oparg]);
        if (v == NULL) {
            unbound_deref(co, (int)oparg);
            goto error;
        }
    }
    PUSH(v);
    DISPATCH();
}

op_LOAD_ATTR: {
    TnObject *owner = TOP();
    TnObject *name = GETNAME(oparg >> 1);
    if (oparg & 1) {
        TnObject *meth;
        int r = tn_object_get_method(owner, name, &meth);
        if (r < 0)
            goto error;
        if (r == 1) {
            /* [owner] -> [meth, owner] */
            TOP() = meth;
            PUSH(owner);
        } else {
            TOP() = meth;
            tn_decref(owner);
            PUSH(NULL);
        }
    } else {
        TnObject *v = tn_object_getattr(owner, name);
        if (v == NULL)
            goto error;
        TOP() = v;
        tn_decref(owner);
    }
    DISPATCH();
}

op_STORE_ATTR: {
    TnObject *owner = POP();
    TnObject *v = POP();
    int r = tn_object_setattr(owner, GETNAME(oparg), v);
    tn_decref(owner);
    tn_decref(v);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_DELETE_ATTR: {
    TnObject *owner = POP();
    int r = tn_object_setattr(owner, GETNAME(oparg), NULL);
    tn_decref(owner);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_BINARY_SUBSCR: {
    TnObject *key = POP();
    TnObject *container = TOP();
    TnObject *v = tn_object_getitem(container, key);
    tn_decref(key);
    if (v == NULL)
        goto error;
    TOP() = v;
    tn_decref(container);
    DISPATCH();
}

op_STORE_SUBSCR: {
    TnObject *key = POP();
    TnObject *container = POP();
    TnObject *v = POP();
    int r = tn_object_setitem(container, key, v);
    tn_decref(key);
    tn_decref(container);
    tn_decref(v);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_DELETE_SUBSCR: {
    TnObject *key = POP();
    TnObject *container = POP();
    int r = tn_object_delitem(container, key);
    tn_decref(key);
    tn_decref(container);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_BUILD_SLICE: {
    TnObject *step = oparg == 3 ? POP() : NULL;
    TnObject *stop = POP();
    TnObject *start = TOP();
    TnObject *s = tn_slice_new(start, stop, step);
    tn_xdecref(step);
    tn_decref(stop);
    if (s == NULL)
        goto error;
    TOP() = s;
    tn_decref(start);
    DISPATCH();
}

op_BINARY_OP: {
    TnObject *b = POP();
    TnObject *a = TOP();
    TnObject *r = binary_op_fast(a, b, (int)oparg);
    if (r == NULL)
        r = tn_number_binop(a, b, (int)oparg);
    tn_decref(b);
    if (r == NULL)
        goto error;
    TOP() = r;
    tn_decref(a);
    DISPATCH();
}

op_UNARY_NEGATIVE:
    UNARY_OP(tn_number_negative);

op_UNARY_POSITIVE:
    UNARY_OP(tn_number_positive);

op_UNARY_INVERT:
    UNARY_OP(tn_number_invert);

op_UNARY_NOT: {
    TnObject *v = TOP();
    int t = tn_object_is_true(v);
    if (t < 0)
        goto error;
    TOP() = tn_bool_from(!t);
    tn_decref(v);
    DISPATCH();
}

op_COMPARE_OP: {
    TnObject *b = POP();
    TnObject *a = TOP();
    TnObject *r = compare_op_fast(a, b, (int)oparg);
    if (r == NULL)
        r = tn_object_richcompare(a, b, (int)oparg);
    tn_decref(b);
    if (r == NULL)
        goto error;
    TOP() = r;
    tn_decref(a);
    DISPATCH();
}

op_IS_OP: {
    TnObject *b = POP();
    TnObject *a = TOP();
    int res = (a == b) ^ (int)oparg;
    TOP() = tn_bool_from(res);
    tn_decref(a);
    tn_decref(b);
    DISPATCH();
}

op_CONTAINS_OP: {
    TnObject *container = POP();
    TnObject *item = TOP();
    int r = tn_sequence_contains(container, item);
    tn_decref(container);
    if (r < 0)
        goto error;
    TOP() = tn_bool_from(r ^ (int)oparg);
    tn_decref(item);
    DISPATCH();
}

op_BUILD_TUPLE: {
    TnObject *t = tn_tuple_new(oparg);
    if (t == NULL)
        goto error;
    for (int i = (int)oparg - 1; i >= 0; i--)
        tn_tuple_set_steal(t, i, POP());
    PUSH(t);
    DISPATCH();
}

op_BUILD_LIST: {
    TnObject *l = tn_list_new(oparg);
    if (l == NULL)
        goto error;
    for (int i = (int)oparg - 1; i >= 0; i--)
        tn_list_set_steal(l, i, POP());
    PUSH(l);
    DISPATCH();
}

op_BUILD_SET: {
    TnObject *set = tn_set_new(NULL);
    int err = set == NULL ? -1 : 0;
    for (int i = (int)oparg; i > 0; i--) {
        TnObject *item = PEEK(i);
        if (err == 0)
            err = tn_set_add(set, item);
        tn_decref(item);
    }
    sp -= oparg;
    if (err < 0) {
        tn_xdecref(set);
        goto error;
    }
    PUSH(set);
    DISPATCH();
}

op_SET_ADD: {
    TnObject *v = POP();
    int r = tn_set_add(PEEK(oparg), v);
    tn_decref(v);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_SET_UPDATE: {
    TnObject *iterable = POP();
    int r = tn_set_update(PEEK(oparg), iterable);
    tn_decref(iterable);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_BUILD_MAP: {
    TnObject *d = tn_dict_new();
    if (d == NULL)
        goto error;
    TnObject **items = sp - 2 * oparg;
    for (unsigned i = 0; i < oparg; i++) {
        if (tn_dict_set_item(d, items[2 * i], items[2 * i + 1]) < 0) {
            tn_decref(d);
            goto error;
        }
    }
    while (sp > items)
        tn_decref(POP());
    PUSH(d);
    DISPATCH();
}

op_BUILD_CONST_KEY_MAP: {
    TnObject *keys = TOP();
    TnObject **values = sp - 1 - oparg;
    TnObject *d = tn_dict_new();
    if (d == NULL)
        goto error;
    for (unsigned i = 0; i < oparg; i++) {
        if (tn_dict_set_item(d, tn_tuple_get(keys, (tn_ssize_t)i), values[i]) < 0) {
            tn_decref(d);
            goto error;
        }
    }
    while (sp > values)
        tn_decref(POP());
    PUSH(d);
    DISPATCH();
}

op_BUILD_STRING: {
    TnObject *s = build_string(sp - oparg, (int)oparg);
    if (s == NULL)
        goto error;
    for (unsigned i = 0; i < oparg; i++)
        tn_decref(POP());
    PUSH(s);
    DISPATCH();
}

op_FORMAT_VALUE: {
    TnObject *spec = (oparg & 4) ? POP() : NULL;
    TnObject *v = TOP();
    TnObject *r = format_value(v, (int)(oparg & 3), spec);
    tn_xdecref(spec);
    if (r == NULL)
        goto error;
    TOP() = r;
    tn_decref(v);
    DISPATCH();
}

op_LIST_APPEND: {
    TnObject *v = POP();
    if (tn_list_append_steal(PEEK(oparg), v) < 0)
        goto error;
    DISPATCH();
}

op_MAP_ADD: {
    TnObject *value = POP();
    TnObject *key = POP();
    int r = tn_dict_set_item(PEEK(oparg), key, value);
    tn_decref(key);
    tn_decref(value);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_LIST_EXTEND: {
    TnObject *iterable = POP();
    int r = tn_list_extend(PEEK(oparg), iterable);
    if (r < 0 && tn_err_matches(&tn_exc_TypeError) && tn_type(iterable)->iter == NULL
        && (tn_type(iterable)->as_sequence == NULL || tn_type(iterable)->as_sequence->item == NULL)) {
        tn_err_clear();
        tn_err_format(&tn_exc_TypeError, "Value after * must be an iterable, not %T", iterable);
    }
    tn_decref(iterable);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_DICT_UPDATE: {
    TnObject *update = POP();
    int r = tn_dict_update(PEEK(oparg), update);
    if (r < 0 && tn_err_matches(&tn_exc_AttributeError)) {
        tn_err_clear();
        tn_err_format(&tn_exc_TypeError, "'%T' object is not a mapping", update);
    }
    tn_decref(update);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_DICT_MERGE: {
    TnObject *update = POP();
    /* Stack: [callable, self_or_NULL, args, kwargs_dict, ...]; the callable
     * names the function in the messages. */
    int r = merge_call_kwargs(PEEK(oparg + 3), PEEK(oparg), update);
    tn_decref(update);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_LIST_TO_TUPLE: {
    TnObject *l = TOP();
    TnObject *t = tn_list_as_tuple(l);
    if (t == NULL)
        goto error;
    TOP() = t;
    tn_decref(l);
    DISPATCH();
}

op_UNPACK_SEQUENCE: {
    TnObject *seq = POP();
    int r = unpack_sequence(seq, (int)oparg, sp + oparg);
    tn_decref(seq);
    if (r < 0)
        goto error;
    sp += oparg;
    DISPATCH();
}

op_UNPACK_EX: {
    int before = (int)(oparg & 0xFF), after = (int)(oparg >> 8);
    TnObject *seq = POP();
    int total = before + 1 + after;
    int r = unpack_iterable(seq, before, after, sp + total);
    tn_decref(seq);
    if (r < 0)
        goto error;
    sp += total;
    DISPATCH();
}

op_GET_ITER: {
    TnObject *o = TOP();
    TnObject *it = tn_object_get_iter(o);
    if (it == NULL)
        goto error;
    TOP() = it;
    tn_decref(o);
    DISPATCH();
}

op_FOR_ITER: {
    TnObject *it = TOP();
    TnObject *next = tn_type(it)->iternext(it);
    if (next != NULL) {
        PUSH(next);
        DISPATCH();
    }
    if (tn_err_occurred()) {
        if (!tn_err_matches(&tn_exc_StopIteration))
            goto error;
        tn_err_clear();
    }
    (void)POP();
    tn_decref(it);
    JUMPTO(oparg);
    DISPATCH();
}

op_JUMP_FORWARD:
    JUMPTO(oparg);
    DISPATCH();

op_JUMP_BACKWARD:
    JUMPTO(oparg);
    EVAL_CHECK_PERIODIC();
    DISPATCH();

op_POP_JUMP_IF_FALSE:
    POP_JUMP_IF(0);

op_POP_JUMP_IF_TRUE:
    POP_JUMP_IF(1);

op_POP_JUMP_IF_NONE: {
    TnObject *v = POP();
    if (v == TN_NONE)
        JUMPTO(oparg);
    else
        tn_decref(v);
    DISPATCH();
}

op_POP_JUMP_IF_NOT_NONE: {
    TnObject *v = POP();
    if (v != TN_NONE) {
        tn_decref(v);
        JUMPTO(oparg);
    }
    DISPATCH();
}

op_JUMP_IF_FALSE_OR_POP: {
    TnObject *v = TOP();
    int t = tn_object_is_true(v);
    if (t < 0)
        goto error;
    if (!t) {
        JUMPTO(oparg);
    } else {
        (void)POP();
        tn_decref(v);
    }
    DISPATCH();
}

op_JUMP_IF_TRUE_OR_POP: {
    TnObject *v = TOP();
    int t = tn_object_is_true(v);
    if (t < 0)
        goto error;
    if (t) {
        JUMPTO(oparg);
    } else {
        (void)POP();
        tn_decref(v);
    }
    DISPATCH();
}

op_KW_NAMES:
    kwnames = tn_tuple_get(consts, oparg);
    DISPATCH();

op_CALL: {
    tn_ssize_t total = (tn_ssize_t)oparg;
    TnObject **args = sp - total;
    TnObject *self_or_null = args[-1];
    TnObject *callable = args[-2];
    TnObject *kw = kwnames;
    kwnames = NULL;
    if (self_or_null != NULL) {
        args--;
        total++;
    }
    tn_ssize_t nkw = kw != NULL ? tn_tuple_size(kw) : 0;
    tn_ssize_t npos = total - nkw;
    if (tn_type(callable) == &tn_type_function) {
        /* Python-to-Python: push a frame and keep going in this loop. */
        SAVE_FRAME();
        TnFrame *callee = frame_for_call(ts, (TnFunction *)callable, args, npos, kw);
        /* The callee took its own references; drop the stack's. */
        for (TnObject **p = args; p < sp; p++)
            tn_decref(*p);
        sp = args - (self_or_null != NULL ? 1 : 2);
        tn_decref(callable);
        frame->stack_pointer = sp;
        if (callee == NULL)
            goto error;
        callee->previous = frame;
        frame = callee;
        LOAD_FRAME();
        DISPATCH();
    }
    SAVE_FRAME();
    TnObject *res = tn_call(callable, args, npos, kw);
    for (TnObject **p = args; p < sp; p++)
        tn_decref(*p);
    sp = args - (self_or_null != NULL ? 1 : 2);
    tn_decref(callable);
    if (res == NULL)
        goto error;
    PUSH(res);
    EVAL_CHECK_PERIODIC();
    DISPATCH();
}

op_CALL_FUNCTION_EX: {
    TnObject *kwargs = (oparg & 1) ? POP() : NULL;
    TnObject *args = POP();
    TnObject *self_or_null = POP();
    TnObject *callable = TOP();
    SAVE_FRAME();
    TnObject *res = call_function_ex(callable, self_or_null, args, kwargs);
    tn_xdecref(kwargs);
    tn_decref(args);
    tn_xdecref(self_or_null);
    if (res == NULL)
        goto error;
    TOP() = res;
    tn_decref(callable);
    EVAL_CHECK_PERIODIC();
    DISPATCH();
}

op_MAKE_FUNCTION: {
    TnObject *code = POP();
    int nextra = ((oparg & 1) != 0) + ((oparg & 2) != 0) + ((oparg & 4) != 0) + ((oparg & 8) != 0);
    TnObject **extras = sp - nextra;
    TnObject *fn = make_function(frame, code, (int)oparg, extras);
    tn_decref(code);
    for (int i = 0; i < nextra; i++)
        tn_decref(POP());
    if (fn == NULL)
        goto error;
    PUSH(fn);
    DISPATCH();
}

op_RETURN_VALUE: {
    TnObject *retval = POP();
    frame->stack_pointer = sp;
    TnFrame *done = frame;
    frame = done->previous;
    int entry = done->is_entry;
    frame_pop(ts, done);
    ts->frame = frame;
    if (entry)
        return retval;
    LOAD_FRAME();
    PUSH(retval);
    EVAL_CHECK_PERIODIC();
    DISPATCH();
}

op_RAISE_VARARGS: {
    TnObject *cause = oparg == 2 ? POP() : NULL;
    TnObject *exc = oparg >= 1 ? POP() : NULL;
    if (exc == NULL) {
        TnObject *handled = tn_tstate_handled_exc(ts);
        if (handled == NULL || handled == TN_NONE) {
            tn_err_set_str(&tn_exc_RuntimeError, "No active exception to reraise");
            goto error;
        }
        tn_err_restore(tn_newref(handled));
        goto exception_unwind;
    }
    tn_err_raise(exc, cause);
    tn_decref(exc);
    tn_xdecref(cause);
    goto error;
}

op_LOAD_ASSERTION_ERROR:
    PUSH(tn_newref(TN_OBJ(&tn_exc_AssertionError)));
    DISPATCH();

op_PUSH_EXC_INFO: {
    TnObject *exc = TOP();
    TnObject *prev = ts->handled_exc;
    TOP() = prev != NULL ? prev : tn_newref(TN_NONE);
    ts->handled_exc = tn_newref(exc);
    PUSH(exc);
    DISPATCH();
}

op_POP_EXCEPT: {
    TnObject *prev = POP();
    TnObject *old = ts->handled_exc;
    ts->handled_exc = prev == TN_NONE ? NULL : prev;
    if (prev == TN_NONE)
        tn_decref(prev);
    tn_xdecref(old);
    DISPATCH();
}

op_CHECK_EXC_MATCH: {
    TnObject *type = POP();
    if (check_exc_match_type(type) < 0) {
        tn_decref(type);
        goto error;
    }
    int match = tn_exc_matches(TOP(), type);
    tn_decref(type);
    PUSH(tn_bool_from(match));
    DISPATCH();
}

op_CHECK_EG_MATCH: {
    TnObject *type = POP();
    TnObject *match, *rest;
    SAVE_FRAME();
    int r = check_except_star_type(type);
    if (r == 0)
        r = exception_group_match(TOP(), type, &match, &rest);
    tn_decref(type);
    if (r < 0)
        goto error;
    if (match == TN_NONE) {
        tn_decref(rest);
        PUSH(match);
        DISPATCH();
    }
    /* The clause sees the matched part as the exception being handled. */
    tn_decref(TOP());
    TOP() = rest;
    PUSH(match);
    TnObject *old = ts->handled_exc;
    ts->handled_exc = tn_newref(match);
    tn_xdecref(old);
    DISPATCH();
}

op_PREP_RERAISE_STAR: {
    TnObject *excs = POP();
    TnObject *orig = TOP();
    SAVE_FRAME();
    TnObject *res = tn_exception_group_prep_reraise_star(orig, excs);
    tn_decref(excs);
    if (res == NULL)
        goto error;
    TOP() = res;
    tn_decref(orig);
    DISPATCH();
}

op_PRINT_EXPR: {
    TnObject *v = POP();
    TnObject *sysdict = tn_interp()->sysdict;
    TnObject *hook = NULL;
    if (sysdict != NULL && tn_dict_get_item_ref(sysdict, tn_str_intern_cstr("displayhook"), &hook) < 0) {
        tn_decref(v);
        goto error;
    }
    if (hook == NULL) {
        tn_decref(v);
        tn_err_set_str(&tn_exc_RuntimeError, "lost sys.displayhook");
        goto error;
    }
    SAVE_FRAME();
    TnObject *res = tn_call_one(hook, v);
    tn_decref(hook);
    tn_decref(v);
    if (res == NULL)
        goto error;
    tn_decref(res);
    DISPATCH();
}

op_RERAISE: {
    /* The handler is looked up at this instruction; the saved lasti under
     * the exception (oparg != 0) only matters for line numbers, and the
     * exception's traceback already has this frame's entry. */
    tn_err_restore(POP());
    goto exception_unwind;
}

op_IMPORT_NAME: {
    TnObject *fromlist = POP();
    TnObject *level = TOP();
    int overflow;
    int lv = tn_int_check(level) ? (int)tn_int_as_i64(level, &overflow) : 0;
    SAVE_FRAME();
    TnObject *m = tn_import_module_level(GETNAME(oparg), frame->globals, fromlist, lv);
    tn_decref(fromlist);
    if (m == NULL)
        goto error;
    TOP() = m;
    tn_decref(level);
    DISPATCH();
}

op_IMPORT_FROM: {
    TnObject *v = tn_import_from(TOP(), GETNAME(oparg));
    if (v == NULL)
        goto error;
    PUSH(v);
    DISPATCH();
}

op_IMPORT_STAR: {
    TnObject *m = POP();
    int r = frame->locals != NULL ? import_star(frame->locals, m) : -1;
    if (frame->locals == NULL)
        tn_err_set_str(&tn_exc_SyntaxError, "import * only allowed at module level");
    tn_decref(m);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_SETUP_ANNOTATIONS: {
    if (frame->locals == NULL) {
        tn_err_set_str(&tn_exc_SystemError, "no locals found when setting up annotations");
        goto error;
    }
    TnObject *key = tn_str_intern_cstr("__annotations__");
    int has = tn_sequence_contains(frame->locals, key);
    if (has < 0)
        goto error;
    if (!has) {
        TnObject *d = tn_dict_new();
        int r = d != NULL ? tn_object_setitem(frame->locals, key, d) : -1;
        tn_xdecref(d);
        if (r < 0)
            goto error;
    }
    DISPATCH();
}

op_RETURN_GENERATOR: {
    TnObject *gen = make_generator(ts, frame, ip, sp);
    if (gen == NULL)
        goto error;
    TnFrame *done = frame;
    frame = done->previous;
    int entry = done->is_entry;
    frame_release_moved(ts, done);
    ts->frame = frame;
    if (entry)
        return gen;
    LOAD_FRAME();
    PUSH(gen);
    DISPATCH();
}

op_YIELD_VALUE: {
    /* Generator frames always run as entry frames (resumed from C). */
    TnObject *v = POP();
    SAVE_FRAME();
    ts->gen_yielded = 1;
    ts->frame = frame->previous;
    ts->py_recursion_depth--;
    return v;
}

op_GET_YIELD_FROM_ITER: {
    TnObject *o = TOP();
    if (tn_coro_check(o)) {
        if (!(co->flags & (TN_CO_COROUTINE | TN_CO_ITERABLE_COROUTINE))) {
            tn_err_set_str(&tn_exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
            goto error;
        }
    } else if (!tn_gen_check(o)) {
        TnObject *it = tn_object_get_iter(o);
        if (it == NULL)
            goto error;
        TOP() = it;
        tn_decref(o);
    }
    DISPATCH();
}

op_SEND: {
    TnObject *v = POP();
    TnObject *recv = TOP();
    SAVE_FRAME();
    TnObject *r = send_to(recv, v);
    tn_decref(v);
    if (r != NULL) {
        PUSH(r);
        DISPATCH();
    }
    TnObject *result;
    if (stop_iteration_value(&result) < 0)
        goto error;
    TOP() = result;
    tn_decref(recv);
    JUMPTO(oparg);
    DISPATCH();
}

/* ---- pattern matching (helpers in core/vm/match.c) ---- */

op_MATCH_CLASS: {
    TnObject *kwnames_ = POP();
    TnObject *cls = POP();
    TnObject *subject = TOP();
    SAVE_FRAME();
    TnObject *attrs = tn_match_class(subject, cls, (tn_ssize_t)oparg, kwnames_);
    tn_decref(kwnames_);
    tn_decref(cls);
    if (attrs == NULL) {
        if (tn_err_occurred())
            goto error;
        attrs = tn_newref(TN_NONE);   /* no match */
    }
    TOP() = attrs;
    tn_decref(subject);
    DISPATCH();
}

op_MATCH_MAPPING: {
    bool is_mapping = tn_match_is_mapping(TOP());
    PUSH(tn_bool_from(is_mapping));
    DISPATCH();
}

op_MATCH_SEQUENCE: {
    bool is_sequence = tn_match_is_sequence(TOP());
    PUSH(tn_bool_from(is_sequence));
    DISPATCH();
}

op_MATCH_KEYS: {
    SAVE_FRAME();
    TnObject *values = tn_match_keys(SECOND(), TOP());
    if (values == NULL)
        goto error;
    PUSH(values);
    DISPATCH();
}

op_GET_LEN: {
    SAVE_FRAME();
    tn_ssize_t len = tn_object_length(TOP());
    TnObject *n = len < 0 ? NULL : tn_int_from_ssize(len);
    if (n == NULL)
        goto error;
    PUSH(n);
    DISPATCH();
}

op_COPY_DICT_WITHOUT_KEYS: {
    SAVE_FRAME();
    TnObject *rest = tn_match_copy_dict_without_keys(SECOND(), TOP());
    if (rest == NULL)
        goto error;
    TnObject *keys = TOP();
    TOP() = rest;
    tn_decref(keys);
    DISPATCH();
}

op_BEFORE_WITH:
    /* [mgr] -> [bound __exit__, mgr.__enter__()] */
    SAVE_FRAME();
    if (enter_context(sp, "__enter__", "__exit__", "") < 0)
        goto error;
    sp++;
    DISPATCH();

op_WITH_EXCEPT_START: {
    /* [exit, lasti, prev_exc, exc] -> [..., exc, exit(type(exc), exc, tb)] */
    TnObject *exc = TOP();
    TnObject *exit = PEEK(4);
    TnObject *tb = tn_field_get_ref(&((TnBaseException *)exc)->traceback);
    TnObject *cargs[3] = {TN_OBJ(tn_type(exc)), exc, tb != NULL ? tb : TN_NONE};
    SAVE_FRAME();
    TnObject *res = tn_call(exit, cargs, 3, NULL);
    tn_xdecref(tb);
    if (res == NULL)
        goto error;
    PUSH(res);
    DISPATCH();
}

op_GET_AWAITABLE: {
    TnObject *o = TOP();
    SAVE_FRAME();
    TnObject *it = tn_coro_op_get_awaitable(o, (int)oparg);
    if (it == NULL)
        goto error;
    TOP() = it;
    tn_decref(o);
    DISPATCH();
}

op_GET_AITER: {
    TnObject *o = TOP();
    SAVE_FRAME();
    TnObject *it = tn_coro_op_get_aiter(o);
    if (it == NULL)
        goto error;
    TOP() = it;
    tn_decref(o);
    DISPATCH();
}

op_GET_ANEXT: {
    SAVE_FRAME();
    TnObject *aw = tn_coro_op_get_anext(TOP());
    if (aw == NULL)
        goto error;
    PUSH(aw);
    DISPATCH();
}

op_BEFORE_ASYNC_WITH:
    /* [mgr] -> [bound __aexit__, mgr.__aenter__()] */
    SAVE_FRAME();
    if (enter_context(sp, "__aenter__", "__aexit__", "asynchronous ") < 0)
        goto error;
    sp++;
    DISPATCH();

op_END_ASYNC_FOR: {
    /* [aiter, exc]: StopAsyncIteration ends the loop; anything else is re-raised. */
    TnObject *exc = POP();
    if (tn_object_type_check(exc, &tn_exc_StopAsyncIteration)) {
        tn_decref(exc);
        TnObject *aiter = POP();
        tn_decref(aiter);
        DISPATCH();
    }
    tn_err_restore(exc);
    goto exception_unwind;
}

op_ASYNC_GEN_WRAP: {
    TnObject *v = TOP();
    TnObject *w = tn_coro_op_wrap(v);
    if (w == NULL)
        goto error;
    TOP() = w;
    tn_decref(v);
    DISPATCH();
}

op_LOAD_BUILD_CLASS: {
    bool missing = false;
    /* key is NULL when there is no memory for it: MemoryError, not "not found". */
    TnObject *key = tn_str_intern_cstr("__build_class__");
    TnObject *bc = key != NULL ? load_builtin(frame->builtins, key, &missing) : NULL;
    if (bc == NULL) {
        if (missing)
            tn_err_set_str(&tn_exc_NameError, "__build_class__ not found");
        goto error;
    }
    PUSH(bc);
    DISPATCH();
}

error: {
    /* A fresh exception (no traceback yet) raised while another is being
     * handled gets it as __context__, whoever raised it. */
    TnObject *exc = tn_err_occurred();
    if (exc != NULL && tn_exception_check(exc)
        && tn_field_load(&((TnBaseException *)exc)->traceback) == NULL)
        tn_err_set_context(exc);
}
traceback_here: {
    /* Record where this frame was when the exception passed through it. */
    TnObject *exc = tn_err_occurred();
    if (exc == NULL)
        tn_err_set_str(&tn_exc_SystemError, "error return without exception set");
    else if (tn_exception_check(exc))
        traceback_here(exc, frame, (int)(ip - co->instr - 1), false);
}
exception_unwind: {
    tn_ssize_t index = ip - co->instr - 1;
    const TnExcEntry *h = find_handler(co, index);
    if (h != NULL) {
        TnObject **base = localsplus + co->nlocalsplus;
        while (sp > base + h->depth) {
            TnObject *v = POP();
            tn_xdecref(v);
        }
        if (h->lasti) {
            TnObject *li = tn_int_from_i64(index);
            if (li == NULL)
                goto exception_unwind_frame;
            PUSH(li);
        }
        PUSH(tn_err_fetch());
        JUMPTO(h->target);
        DISPATCH();
    }
exception_unwind_frame:
    /* No handler: pop this frame and keep unwinding in the caller. */
    frame->stack_pointer = sp;
    TnFrame *done = frame;
    frame = done->previous;
    int entry = done->is_entry;
    frame_pop(ts, done);
    ts->frame = frame;
    if (entry)
        return NULL;
    LOAD_FRAME();
    /* The caller's ip is past its CALL instruction. */
    TnObject *exc = tn_err_occurred();
    if (exc != NULL && tn_exception_check(exc))
        traceback_here(exc, frame, (int)(ip - co->instr - 1), true);
    goto exception_unwind;
}

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef GETNAME
#undef JUMPTO
#undef POP_JUMP_IF
#undef UNARY_OP
}

/* ---- entry points --------------------------------------------------------------- */

TnObject *tn_eval_call_function(TnObject *func, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnThreadState *ts = tn_tstate();
    /* The frame counts against the recursion limit; C-level re-entry only
     * needs the stack-depth check. */
    if (tn_check_c_stack("") < 0)
        return NULL;
    TnFrame *f = frame_for_call(ts, (TnFunction *)func, args, nargs, kwnames);
    return f != NULL ? tn_eval_frame(ts, f, 0) : NULL;
}

TnObject *tn_eval_code(TnObject *code, TnObject *globals, TnObject *locals)
{
    TnThreadState *ts = tn_tstate();
    TnCode *co = (TnCode *)code;
    if (tn_dict_get_cstr_borrowed(globals, "__builtins__") == NULL
        && tn_dict_set_item_cstr(globals, "__builtins__", ts->interp->builtins_module) < 0)
        return NULL;
    /* The frame borrows its builtins: this reference keeps them alive even
     * if the code rebinds globals['__builtins__'] while it runs. */
    TnObject *builtins = tn_eval_builtins_from_globals_ref(globals);
    if (builtins == NULL)
        return NULL;
    TnFrame *f = frame_push(ts, co);
    if (f == NULL) {
        tn_decref(builtins);
        return NULL;
    }
    f->globals = globals;
    f->builtins = builtins;
    f->locals = tn_newref(locals);
    TnObject *res = tn_eval_frame(ts, f, 0);
    tn_decref(builtins);
    return res;
}

TnObject *tn_eval_resume_frame(TnFrame *f, TnObject *value_steal, int throwflag)
{
    TnThreadState *ts = tn_tstate();
    if (ts->py_recursion_depth >= ts->interp->recursion_limit) {
        tn_xdecref(value_steal);
        tn_err_set_str(&tn_exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    if (tn_check_c_stack(" while calling a Python object") < 0) {
        tn_xdecref(value_steal);
        return NULL;
    }
    ts->py_recursion_depth++;
    if (!throwflag)
        *f->stack_pointer++ = value_steal;
    ts->gen_yielded = 0;
    return tn_eval_frame(ts, f, throwflag);
}

TnObject *tn_eval_class_body(TnObject *func, TnObject *locals)
{
    TnThreadState *ts = tn_tstate();
    TnFunction *fn = (TnFunction *)func;
    if (tn_check_c_stack(" while calling a Python object") < 0)
        return NULL;
    TnFrame *f = frame_push(ts, (TnCode *)tn_field_load(&fn->code));
    if (f == NULL)
        return NULL;
    f->func = tn_newref(func);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = tn_newref(locals);
    return tn_eval_frame(ts, f, 0);
}

TnObject *tn_eval_get_builtins(void)
{
    TnFrame *f = tn_tstate()->frame;
    return f != NULL ? f->builtins : tn_interp()->builtins;
}

TnObject *tn_eval_get_globals(void)
{
    TnFrame *f = tn_tstate()->frame;
    return f != NULL ? f->globals : NULL;
}

TnObject *tn_eval_get_locals(void)
{
    TnFrame *f = tn_tstate()->frame;
    if (f == NULL)
        return NULL;
    if (f->locals != NULL)
        return tn_newref(f->locals);
    TnObject *d = tn_dict_new();
    if (d == NULL)
        return NULL;
    TnCode *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        /* A cell may be shared with another thread: read it as a reference. */
        TnObject *v = tn_xnewref(f->localsplus[i]);
        if (v != NULL && (co->localspluskinds[i] & (TN_LOCAL_KIND_CELL | TN_LOCAL_KIND_FREE))
            && tn_type(v) == &tn_type_cell)
            TN_SETREF(v, tn_cell_get_ref(v));
        if (v == NULL)
            continue;
        int r = tn_dict_set_item(d, tn_tuple_get(co->localsplusnames, i), v);
        tn_decref(v);
        if (r < 0) {
            tn_decref(d);
            return NULL;
        }
    }
    return d;
}
