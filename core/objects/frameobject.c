/* core/objects/frameobject.c — frame snapshots (see frameobject.h). */
#include "core/tn.h"
#include "core/objects/frameobject.h"
#include "core/vm/frame.h"

/* The locals of f: its own dict (module and class bodies) or a fresh
 * dict of the bound fast locals and cell contents.  New ref or NULL. */
static TnObject *frame_locals(TnFrame *f)
{
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

/* One snapshot; back is stolen.  New ref or NULL (back released). */
static TnObject *frame_snapshot(TnFrame *f, TnFrameObject *back)
{
    TnFrameObject *fo = (TnFrameObject *)tn_object_new(&tn_type_frame, sizeof(TnFrameObject));
    if (fo == NULL) {
        tn_xdecref(TN_OBJ(back));
        return NULL;
    }
    fo->back = back;
    fo->code = tn_newref(TN_OBJ(f->code));
    fo->globals = tn_newref(f->globals != NULL ? f->globals : TN_NONE);
    fo->lasti = -1;
    if (f->instr_ptr != NULL) {
        /* instr_ptr is the next instruction: the running one is before it. */
        tn_ssize_t i = f->instr_ptr - f->code->instr - 1;
        fo->lasti = i >= 0 ? (int)i : 0;
    }
    fo->lineno = fo->lasti >= 0 ? tn_code_line_of(f->code, fo->lasti) : f->code->firstlineno;
    if (fo->lineno < 0)
        fo->lineno = f->code->firstlineno;
    fo->locals = frame_locals(f);
    if (fo->locals == NULL) {
        tn_decref(TN_OBJ(fo));
        return NULL;
    }
    return TN_OBJ(fo);
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
    return 0;
}

/* A snapshot's fields are written once, when it is made.  Clearing drops
 * the caller chain and the locals (f_back reads None, f_locals an empty
 * dict); code and globals stay for the repr and f_globals (a globals dict
 * is cleared as a dict). */
static int frame_clear(TnObject *self)
{
    TnFrameObject *fo = (TnFrameObject *)self;
    TN_CLEAR(fo->back);
    TN_CLEAR(fo->locals);
    return 0;
}

static TnObject *frame_repr(TnObject *self)
{
    TnFrameObject *fo = (TnFrameObject *)self;
    TnCode *co = (TnCode *)fo->code;
    return tn_str_from_format("<frame at %p, file %R, line %d, code %U>", self, co->filename,
                              fo->lineno, co->name);
}

static TnObject *get_back(TnObject *self, void *c)
{
    TnFrameObject *b = ((TnFrameObject *)self)->back;
    return tn_newref(b != NULL ? TN_OBJ(b) : TN_NONE);
}
static TnObject *get_code(TnObject *self, void *c) { return tn_newref(((TnFrameObject *)self)->code); }
static TnObject *get_globals(TnObject *self, void *c) { return tn_newref(((TnFrameObject *)self)->globals); }
static TnObject *get_locals(TnObject *self, void *c)
{
    TnObject *locals = ((TnFrameObject *)self)->locals;
    return locals != NULL ? tn_newref(locals) : tn_dict_new();
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
    .new_ = tn_type_new_not_allowed,
    .traverse = frame_traverse,
    .clear = frame_clear,
};
