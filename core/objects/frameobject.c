/* core/objects/frameobject.c — frame snapshots (see frameobject.h). */
#include "core/tn.h"
#include "core/objects/frameobject.h"
#include "core/vm/frame.h"

/* Copy f's local slots (cells as cells: f_locals reads their contents
 * when it is built, as CPython's does).  0 / -1. */
static int frame_copy_fast(TnFrameObject *fo, TnFrame *f)
{
    TnCode *co = f->code;
    if (f->locals != NULL || co->nlocalsplus == 0)
        return 0;
    fo->fast = fo->fastbuf;
    fo->nfast = co->nlocalsplus;
    for (int i = 0; i < co->nlocalsplus; i++)
        fo->fast[i] = tn_xnewref(f->localsplus[i]);
    return 0;
}

/* Release the copied slots (the array itself lives in the object). */
static void frame_free_fast(TnObject **fast, int n)
{
    if (fast == NULL)
        return;
    for (int i = 0; i < n; i++)
        TN_CLEAR(fast[i]);
}

/* The f_locals dict of a snapshot: the bound slots and cell contents by
 * name.  New ref or NULL. */
static TnObject *locals_from_fast(TnCode *co, TnObject *const *fast, int n)
{
    TnObject *d = tn_dict_new();
    for (int i = 0; d != NULL && i < n; i++) {
        /* A cell may be shared with another thread: read it as a reference. */
        TnObject *v = tn_xnewref(fast[i]);
        if (v != NULL && (co->localspluskinds[i] & (TN_LOCAL_KIND_CELL | TN_LOCAL_KIND_FREE))
            && tn_type(v) == &tn_type_cell)
            TN_SETREF(v, tn_cell_get_ref(v));
        if (v == NULL)
            continue;
        if (tn_dict_set_item(d, tn_tuple_get(co->localsplusnames, i), v) < 0)
            TN_CLEAR(d);
        tn_decref(v);
    }
    return d;
}

/* One snapshot at instruction lasti (-1: from f's saved instr_ptr); back is
 * stolen.  New ref or NULL (back released). */
static TnObject *frame_snapshot_at(TnFrame *f, TnFrameObject *back, int lasti)
{
    size_t nfast = f->locals == NULL ? (size_t)f->code->nlocalsplus : 0;
    TnFrameObject *fo = (TnFrameObject *)tn_object_new(&tn_type_frame,
                                                       sizeof(TnFrameObject) + nfast * sizeof(TnObject *));
    if (fo == NULL) {
        tn_xdecref(TN_OBJ(back));
        return NULL;
    }
    fo->back = back;
    fo->code = tn_newref(TN_OBJ(f->code));
    fo->globals = tn_newref(f->globals != NULL ? f->globals : TN_NONE);
    fo->lasti = lasti;
    if (lasti < 0 && f->instr_ptr != NULL) {
        /* instr_ptr is the next instruction: the running one is before it. */
        tn_ssize_t i = f->instr_ptr - f->code->instr - 1;
        fo->lasti = i >= 0 ? (int)i : 0;
    }
    fo->lineno = fo->lasti >= 0 ? tn_code_line_of(f->code, fo->lasti) : f->code->firstlineno;
    if (fo->lineno < 0)
        fo->lineno = f->code->firstlineno;
    fo->locals = tn_xnewref(f->locals);
    if (frame_copy_fast(fo, f) < 0) {
        tn_decref(TN_OBJ(fo));
        return NULL;
    }
    return TN_OBJ(fo);
}

static TnObject *frame_snapshot(TnFrame *f, TnFrameObject *back)
{
    return frame_snapshot_at(f, back, -1);
}

TnObject *tn_frame_object_for_traceback(TnFrame *f, int lasti)
{
    if (tn_type_ready(&tn_type_frame) < 0)
        return NULL;
    return frame_snapshot_at(f, NULL, lasti);
}

void tn_frame_object_set_back(TnObject *fo, TnObject *back)
{
    tn_incref(back);
    if (!tn_atomic_cas_ptr((void **)&((TnFrameObject *)fo)->back, NULL, back))
        tn_decref(back);
}

TnObject *tn_frame_object_alone(TnFrame *f)
{
    /* The type gets its attributes on first use (as in sys._getframe). */
    if (tn_type_ready(&tn_type_frame) < 0)
        return NULL;
    return frame_snapshot(f, NULL);
}

TnObject *tn_frame_object_from(TnFrame *f)
{
    if (tn_type_ready(&tn_type_frame) < 0)
        return NULL;
    tn_ssize_t n = 0;
    for (TnFrame *t = f; t != NULL; t = t->previous)
        n++;
    if (n == 0)
        return tn_none_ref();
    TnFrame **chain = tn_mem_calloc((size_t)n, sizeof(TnFrame *));
    if (chain == NULL)
        return tn_err_no_memory();
    tn_ssize_t i = 0;
    for (TnFrame *t = f; t != NULL; t = t->previous)
        chain[i++] = t;
    /* Outermost first, so each snapshot can take its caller's. */
    TnObject *fo = NULL;
    while (--i >= 0) {
        fo = frame_snapshot(chain[i], (TnFrameObject *)fo);
        if (fo == NULL)
            break;
    }
    tn_mem_free(chain);
    return fo;
}

/* The f_back chain can be as deep as the recursion limit: release it
 * iteratively (as traceback_dealloc does). */
static void frame_dealloc(TnObject *self)
{
    TnFrameObject *fo = (TnFrameObject *)self;
    TnFrameObject *next = fo->back;
    tn_xdecref(fo->code);
    tn_xdecref(fo->globals);
    tn_xdecref(fo->locals);
    frame_free_fast(fo->fast, fo->nfast);
    tn_object_free(self);
    while (next != NULL) {
        if (tn_refcnt(TN_OBJ(next)) > 1) {
            tn_decref(TN_OBJ(next));
            break;
        }
        TnFrameObject *after = next->back;
        next->back = NULL;
        tn_decref(TN_OBJ(next));
        next = after;
    }
}

static int frame_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnFrameObject *fo = (TnFrameObject *)self;
    TN_VISIT(TN_OBJ(fo->back));
    TN_VISIT(fo->code);
    TN_VISIT(fo->globals);
    TN_VISIT(fo->locals);
    TnObject **fast = tn_atomic_load_ptr_acquire((void *const *)&fo->fast);
    for (int i = 0; fast != NULL && i < fo->nfast; i++)
        TN_VISIT(fast[i]);
    return 0;
}

/* A snapshot's fields are written once, when it is made.  Clearing drops
 * the caller chain and the locals (f_back reads None, f_locals an empty
 * dict); code and globals stay for the repr and f_globals (a globals dict
 * is cleared as a dict). */
static int frame_clear(TnObject *self)
{
    TnFrameObject *fo = (TnFrameObject *)self;
    TnObject **fast = tn_atomic_exchange_ptr((void **)&fo->fast, NULL);
    TnObject *back = tn_atomic_exchange_ptr((void **)&fo->back, NULL);
    tn_xdecref(back);
    tn_field_replace_steal(&fo->locals, NULL);
    if (fast != NULL)
        frame_free_fast(fast, fo->nfast);
    return 0;
}

/* frame.clear(): drop the locals (traceback.clear_frames; unittest calls
 * it to break the cycles a kept traceback makes).  A snapshot never runs,
 * so it is never "currently executing". */
static TnObject *frame_clear_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("clear", kwnames) < 0 || tn_args_count("clear", nargs, 0, 0) < 0)
        return NULL;
    TnFrameObject *fo = (TnFrameObject *)self;
    TnObject **fast;
    TN_BEGIN_CRITICAL_SECTION(self);
    fast = fo->fast;
    fo->fast = NULL;
    TN_END_CRITICAL_SECTION();
    if (fast != NULL)
        frame_free_fast(fast, fo->nfast);
    tn_field_replace_steal(&fo->locals, NULL);
    return tn_none_ref();
}

static const TnMethodDef frame_methods[] = {
    {"clear", frame_clear_meth, 0, "Clear all references held by the frame."},
    {NULL, NULL, 0, NULL},
};

static TnObject *frame_repr(TnObject *self)
{
    TnFrameObject *fo = (TnFrameObject *)self;
    TnCode *co = (TnCode *)fo->code;
    return tn_str_from_format("<frame at %p, file %R, line %d, code %U>", self, co->filename,
                              fo->lineno, co->name);
}

static TnObject *get_back(TnObject *self, void *c)
{
    TnObject *b = tn_field_get_ref((TnObject *const *)&((TnFrameObject *)self)->back);
    return b != NULL ? b : tn_none_ref();
}
static TnObject *get_code(TnObject *self, void *c) { return tn_newref(((TnFrameObject *)self)->code); }
static TnObject *get_globals(TnObject *self, void *c) { return tn_newref(((TnFrameObject *)self)->globals); }
/* f_locals: built from the copied slots on first use, under the frame's
 * critical section so that two threads asking at once get the same dict. */
static TnObject *locals_lock_held(TnFrameObject *fo, TnObject ***to_free)
{
    if (fo->fast != NULL) {
        TnObject *d = locals_from_fast((TnCode *)fo->code, fo->fast, fo->nfast);
        if (d == NULL)
            return NULL;
        *to_free = fo->fast;
        tn_atomic_store_ptr_release((void **)&fo->fast, NULL);
        tn_field_replace_steal(&fo->locals, d);
    }
    TnObject *locals = tn_field_get_ref(&fo->locals);
    return locals != NULL ? locals : tn_dict_new();
}

static TnObject *get_locals(TnObject *self, void *c)
{
    TnObject *r, **to_free = NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = locals_lock_held((TnFrameObject *)self, &to_free);
    TN_END_CRITICAL_SECTION();
    /* The copied slots are released outside the section: a finalizer may run. */
    if (to_free != NULL)
        frame_free_fast(to_free, ((TnFrameObject *)self)->nfast);
    return r;
}

static TnObject *get_lineno(TnObject *self, void *c) { return tn_int_from_i64(((TnFrameObject *)self)->lineno); }
static TnObject *get_lasti(TnObject *self, void *c) { return tn_int_from_i64(((TnFrameObject *)self)->lasti * 2); }
static TnObject *get_builtins(TnObject *self, void *c) { return tn_newref(tn_interp()->builtins); }

static const TnGetSetDef frame_getsets[] = {
    {"f_back", get_back, NULL, NULL, NULL},
    {"f_code", get_code, NULL, NULL, NULL},
    {"f_globals", get_globals, NULL, NULL, NULL},
    {"f_locals", get_locals, NULL, NULL, NULL},
    {"f_lineno", get_lineno, NULL, NULL, NULL},
    {"f_lasti", get_lasti, NULL, NULL, NULL},
    {"f_builtins", get_builtins, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_frame = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "frame",
    .basicsize = sizeof(TnFrameObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = frame_dealloc,
    .repr = frame_repr,
    .getsets = frame_getsets,
    .methods = frame_methods,
    .new_ = tn_type_new_not_allowed,
    .traverse = frame_traverse,
    .clear = frame_clear,
};
