/* core/objects/structseq.c — struct-sequence types (see structseq.h). */
#include "core/tn.h"
#include "core/objects/structseq.h"
#include "core/objects/repr_guard.h"

const char tn_structseq_unnamed[] = "unnamed field";

static tn_ssize_t n_hidden(const TnStructSeqType *st) { return st->nfields - st->n_in_sequence; }

/* The hidden fields live after the n_in_sequence items (structseq.h). */
static TnObject **hidden_slots(TnObject *self)
{
    return tn_structseq_hidden(self);
}

/* Field getter: the closure is the field's index in st->fields. */
static TnObject *structseq_get_field(TnObject *self, void *closure)
{
    TnStructSeqType *st = (TnStructSeqType *)tn_type(self);
    tn_ssize_t i = (tn_ssize_t)(intptr_t)closure;
    if (i >= st->n_in_sequence) {
        TnObject *v = hidden_slots(self)[i - st->n_in_sequence];
        return tn_newref(v != NULL ? v : TN_NONE);
    }
    if (i >= tn_tuple_size(self))
        return tn_newref(TN_NONE);
    return tn_newref(tn_tuple_get(self, i));
}

static void structseq_dealloc(TnObject *self)
{
    TnStructSeqType *st = (TnStructSeqType *)tn_type(self);
    tn_xdecref_array(hidden_slots(self), n_hidden(st));
    tn_type_tuple.dealloc(self);
}

static int structseq_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnStructSeqType *st = (TnStructSeqType *)tn_type(self);
    TnObject **h = hidden_slots(self);
    for (tn_ssize_t i = 0; i < n_hidden(st); i++) {
        if (h[i] != NULL) {
            int r = visit(h[i], arg);
            if (r != 0)
                return r;
        }
    }
    return tn_type_tuple.traverse(self, visit, arg);
}

/* The name repr gives item i: CPython takes the i-th named field (the
 * unnamed ones have no member), so stat_result's integer times show as
 * st_atime=... */
static const char *repr_field_name(const TnStructSeqType *st, tn_ssize_t i)
{
    for (tn_ssize_t k = 0; k < st->nfields; k++) {
        if (st->fields[k] == tn_structseq_unnamed)
            continue;
        if (i-- == 0)
            return st->fields[k];
    }
    return "?";
}

/* "name(field=repr, ...)" */
static TnObject *structseq_repr(TnObject *self)
{
    TnStructSeqType *st = (TnStructSeqType *)tn_type(self);
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_format("%s(...)", st->repr_name) : NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    int failed = tn_strw_puts(&w, st->repr_name) < 0 || tn_strw_putc(&w, '(') < 0;
    tn_ssize_t n = tn_tuple_size(self);
    for (tn_ssize_t i = 0; i < n && i < st->nfields && !failed; i++) {
        failed = (i > 0 && tn_strw_puts(&w, ", ") < 0) || tn_strw_puts(&w, repr_field_name(st, i)) < 0 ||
                 tn_strw_putc(&w, '=') < 0 || tn_strw_put_repr(&w, tn_tuple_get(self, i)) < 0;
    }
    tn_repr_leave(self);
    if (failed || tn_strw_putc(&w, ')') < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

/* An instance from its visible items (a tuple of n_in_sequence) and its
 * hidden values (borrowed, NULL for None).  New ref or NULL. */
static TnObject *structseq_alloc(TnStructSeqType *st, TnObject *items, TnObject *const *hidden)
{
    /* tuple.__new__(subtype, items) allocates the subtype instance, with
     * room for the hidden fields (basicsize). */
    TnObject *res = tn_type_tuple.new_(&st->type, &items, 1, NULL);
    if (res == NULL)
        return NULL;
    TnObject **h = hidden_slots(res);
    for (tn_ssize_t i = 0; i < n_hidden(st); i++)
        h[i] = tn_newref(hidden != NULL && hidden[i] != NULL ? hidden[i] : TN_NONE);
    return res;
}

/* The hidden values of a new instance from a Python sequence: the items past
 * n_in_sequence, then dict[name], then None.  0 / -1. */
static int hidden_from_python(TnStructSeqType *st, TnObject *seq, TnObject *dict, TnObject **hidden)
{
    tn_ssize_t len = tn_tuple_size(seq);
    for (tn_ssize_t i = st->n_in_sequence; i < st->nfields; i++) {
        TnObject **out = &hidden[i - st->n_in_sequence];
        if (i < len) {
            *out = tn_newref(tn_tuple_get(seq, i));
        } else if (dict != NULL && st->fields[i] != tn_structseq_unnamed) {
            if (tn_dict_get_item_ref(dict, tn_str_intern_cstr(st->fields[i]), out) < 0)
                return -1;
        }
    }
    return 0;
}

/* type(sequence, dict=None), CPython's structseq_new with its messages. */
static TnObject *structseq_new(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    TnStructSeqType *st = (TnStructSeqType *)type;
    if (!st->constructible)
        return tn_err_format(&tn_exc_TypeError, "cannot create '%s' instances", st->repr_name);
    static const char *const names[] = {"sequence", "dict", NULL};
    TnObject *v[2] = {NULL, NULL};
    if (tn_args_parse(st->type.name, args, nargs, kwnames, names, 0, 1, v) < 0)
        return NULL;
    TnObject *dict = v[1] == TN_NONE ? NULL : v[1];
    if (dict != NULL && !tn_dict_check(dict))
        return tn_err_format(&tn_exc_TypeError, "%s() takes a dict as second arg, if any", st->repr_name);
    TnObject *seq = tn_tuple_from_iterable(v[0]);
    if (seq == NULL) {
        if (tn_err_matches(&tn_exc_TypeError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    tn_ssize_t len = tn_tuple_size(seq), lo = st->n_in_sequence, hi = st->nfields;
    TnObject *res = NULL;
    if (len < lo || len > hi) {
        if (lo == hi)
            tn_err_format(&tn_exc_TypeError, "%s() takes a %zd-sequence (%zd-sequence given)", st->repr_name,
                          lo, len);
        else
            tn_err_format(&tn_exc_TypeError, "%s() takes an %s %zd-sequence (%zd-sequence given)",
                          st->repr_name, len < lo ? "at least" : "at most", len < lo ? lo : hi, len);
        tn_decref(seq);
        return NULL;
    }
    TnObject **hidden = tn_mem_calloc((size_t)(hi - lo) + 1, sizeof(TnObject *));
    TnObject *items = hidden != NULL ? tn_tuple_slice(seq, 0, lo) : NULL;
    if (hidden == NULL)
        tn_err_no_memory();
    if (items != NULL && hidden_from_python(st, seq, dict, hidden) == 0)
        res = structseq_alloc(st, items, hidden);
    if (hidden != NULL) {
        tn_xdecref_array(hidden, hi - lo);
        tn_mem_free(hidden);
    }
    tn_xdecref(items);
    tn_decref(seq);
    return res;
}

int tn_structseq_init_type(TnStructSeqType *st, const char *module, const char *name,
                           const char *repr_name, const char *const *fields)
{
    return tn_structseq_init_type_ex(st, module, name, repr_name, fields, -1);
}

int tn_structseq_init_type_ex(TnStructSeqType *st, const char *module, const char *name,
                              const char *repr_name, const char *const *fields,
                              tn_ssize_t n_in_sequence)
{
    if (st->type.flags & TN_TPFLAGS_READY)
        return 0;
    tn_ssize_t n = 0, unnamed = 0;
    while (fields[n] != NULL)
        unnamed += fields[n++] == tn_structseq_unnamed;
    /* Immortal like the type itself: the getset table lives as long. */
    TnGetSetDef *gs = tn_mem_calloc((size_t)n + 1, sizeof(TnGetSetDef));
    if (gs == NULL) {
        tn_err_no_memory();
        return -1;
    }
    for (tn_ssize_t i = 0, k = 0; i < n; i++) {
        if (fields[i] == tn_structseq_unnamed)
            continue;
        gs[k].name = fields[i];
        gs[k].get = structseq_get_field;
        gs[k++].closure = (void *)(intptr_t)i;
    }
    st->constructible = n_in_sequence >= 0;
    st->n_in_sequence = n_in_sequence >= 0 ? n_in_sequence : n;
    TnType *tp = &st->type;
    /* An immortal static object header, as the static types have. */
    const TnObject head = TN_STATIC_OBJECT_HEAD(&tn_type_type);
    tp->ob = head;
    tp->name = repr_name;   /* "os.stat_result": __name__ is after the dot */
    tp->basicsize = sizeof(TnTuple) + (size_t)(n - st->n_in_sequence) * sizeof(TnObject *);
    tp->itemsize = sizeof(TnObject *);
    tp->flags = TN_TPFLAGS_TUPLE_SUBCLASS | TN_TPFLAGS_HAVE_GC;
    tp->base = &tn_type_tuple;
    tp->repr = structseq_repr;
    tp->new_ = structseq_new;
    if (n > st->n_in_sequence) {
        tp->dealloc = structseq_dealloc;
        tp->traverse = structseq_traverse;
    }
    tp->getsets = gs;
    st->repr_name = repr_name;
    st->fields = fields;
    st->nfields = n;
    if (tn_type_ready(tp) < 0)
        return -1;
    TnObject *mod = tn_str_from_cstr(module);
    TnObject *nf = tn_int_from_ssize(n);
    TnObject *ns = tn_int_from_ssize(st->n_in_sequence);
    TnObject *nu = tn_int_from_ssize(unnamed);
    int r = mod != NULL && nf != NULL && ns != NULL && nu != NULL &&
                    tn_dict_set_item_cstr(tp->dict, "__module__", mod) == 0 &&
                    tn_dict_set_item_cstr(tp->dict, "n_fields", nf) == 0 &&
                    tn_dict_set_item_cstr(tp->dict, "n_sequence_fields", ns) == 0 &&
                    tn_dict_set_item_cstr(tp->dict, "n_unnamed_fields", nu) == 0
                ? 0 : -1;
    tn_xdecref(mod);
    tn_xdecref(nf);
    tn_xdecref(ns);
    tn_xdecref(nu);
    return r;
}

TnObject *tn_structseq_new(TnStructSeqType *st, TnObject *const *values)
{
    TnObject *items = tn_tuple_from_array(values, st->n_in_sequence);
    if (items == NULL)
        return NULL;
    TnObject *res = structseq_alloc(st, items, values + st->n_in_sequence);
    tn_decref(items);
    return res;
}

TnObject *tn_structseq_new_steal(TnStructSeqType *st, TnObject **values)
{
    bool ok = true;
    for (tn_ssize_t i = 0; i < st->nfields; i++)
        ok &= values[i] != NULL;
    TnObject *res = ok ? tn_structseq_new(st, values) : NULL;
    for (tn_ssize_t i = 0; i < st->nfields; i++)
        tn_xdecref(values[i]);
    return res;
}
