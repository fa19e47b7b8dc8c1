/* core/objects/structseq.c — struct-sequence types (see structseq.h). */
#include "core/tn.h"
#include "core/objects/structseq.h"
#include "core/objects/repr_guard.h"

/* Field getter: the closure is the field's index. */
static TnObject *structseq_get_field(TnObject *self, void *closure)
{
    tn_ssize_t i = (tn_ssize_t)(intptr_t)closure;
    if (i >= tn_tuple_size(self))
        return tn_newref(TN_NONE);
    return tn_newref(tn_tuple_get(self, i));
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
        failed = (i > 0 && tn_strw_puts(&w, ", ") < 0) || tn_strw_puts(&w, st->fields[i]) < 0 ||
                 tn_strw_putc(&w, '=') < 0 || tn_strw_put_repr(&w, tn_tuple_get(self, i)) < 0;
    }
    tn_repr_leave(self);
    if (failed || tn_strw_putc(&w, ')') < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

static TnObject *structseq_new(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    return tn_err_format(&tn_exc_TypeError, "cannot create '%s' instances",
                         ((TnStructSeqType *)type)->repr_name);
}

int tn_structseq_init_type(TnStructSeqType *st, const char *module, const char *name,
                           const char *repr_name, const char *const *fields)
{
    if (st->type.flags & TN_TPFLAGS_READY)
        return 0;
    tn_ssize_t n = 0;
    while (fields[n] != NULL)
        n++;
    /* Immortal like the type itself: the getset table lives as long. */
    TnGetSetDef *gs = tn_mem_calloc((size_t)n + 1, sizeof(TnGetSetDef));
    if (gs == NULL) {
        tn_err_no_memory();
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++) {
        gs[i].name = fields[i];
        gs[i].get = structseq_get_field;
        gs[i].closure = (void *)(intptr_t)i;
    }
    TnType *tp = &st->type;
    /* An immortal static object header, as the static types have. */
    const TnObject head = TN_STATIC_OBJECT_HEAD(&tn_type_type);
    tp->ob = head;
    tp->name = name;
    tp->basicsize = sizeof(TnTuple);
    tp->itemsize = sizeof(TnObject *);
    tp->flags = TN_TPFLAGS_TUPLE_SUBCLASS | TN_TPFLAGS_HAVE_GC;
    tp->base = &tn_type_tuple;
    tp->repr = structseq_repr;
    tp->new_ = structseq_new;
    tp->getsets = gs;
    st->repr_name = repr_name;
    st->fields = fields;
    st->nfields = n;
    if (tn_type_ready(tp) < 0)
        return -1;
    TnObject *mod = tn_str_from_cstr(module);
    TnObject *nf = tn_int_from_ssize(n);
    TnObject *zero = tn_int_from_i64(0);
    int r = mod != NULL && nf != NULL && zero != NULL && tn_dict_set_item_cstr(tp->dict, "__module__", mod) == 0 &&
                    tn_dict_set_item_cstr(tp->dict, "n_fields", nf) == 0 &&
                    tn_dict_set_item_cstr(tp->dict, "n_sequence_fields", nf) == 0 &&
                    tn_dict_set_item_cstr(tp->dict, "n_unnamed_fields", zero) == 0
                ? 0 : -1;
    tn_xdecref(mod);
    tn_xdecref(nf);
    tn_xdecref(zero);
    return r;
}

TnObject *tn_structseq_new(TnStructSeqType *st, TnObject *const *values)
{
    TnObject *items = tn_tuple_from_array(values, st->nfields);
    if (items == NULL)
        return NULL;
    /* tuple.__new__(subtype, items) allocates the subtype instance. */
    TnObject *res = tn_type_tuple.new_(&st->type, &items, 1, NULL);
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
