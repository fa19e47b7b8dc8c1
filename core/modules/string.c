/* core/modules/string.c — the _string module: formatter_parser and
 * formatter_field_name_split, which string.Formatter is built on, as
 * CPython 3.11's (Objects/stringlib/unicode_format.h).  Both run str.format's
 * own parser (core/objects/format_markup.h), so the fields and the errors
 * are str.format's.  docs/stdlib.md.
 *
 * Their iterators (formatteriterator, fieldnameiterator) hold the string
 * and a position that next() advances: the step runs inside the
 * iterator's critical section, so that threads sharing one get each step
 * once, as under a GIL.
 */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/objects/format_markup.h"

typedef struct {
    TnObject ob;
    TnObject *str;           /* the format string (the iterator's own reference) */
    TnFormatSubStr pos;      /* what is left to parse */
} FormatterIter;

typedef struct {
    TnObject ob;
    TnObject *str;           /* the field name */
    TnFormatSubStr rest;     /* the ".attr" and "[key]" parts left */
} FieldNameIter;

static TnType formatter_iter_type, fieldname_iter_type;

static TnObject *self_iter(TnObject *self)
{
    return tn_newref(self);
}

/* CPython's SubString_new_object: the substring, or None when unset. */
static TnObject *substr_or_none(const TnFormatSubStr *s)
{
    return s->s != NULL ? tn_str_substring(s->s, s->start, s->end) : tn_none_ref();
}

static int str_arg(TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames, const char *fname)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 1) < 0)
        return -1;
    if (!tn_str_check(args[0])) {
        tn_err_format(&tn_exc_TypeError, "expected str, got %s", tn_type_name(tn_type(args[0])));
        return -1;
    }
    return 0;
}

/* ---- formatter_parser ---------------------------------------------------------------- */

/* (literal, field_name, format_spec, conversion) of the next step. */
static TnObject *formatter_iter_next_lock_held(FormatterIter *it)
{
    tn_critical_section_assert_held(it);
    TnFormatSubStr literal, field_name = {NULL, 0, 0}, format_spec;
    bool field_present, needs_expanding;
    uint32_t conversion;
    int r = tn_format_markup_next(&it->pos, &literal, &field_present, &field_name, &format_spec, &conversion,
                                  &needs_expanding);
    if (r != 2)
        return NULL;
    TnObject *items[4];
    items[0] = substr_or_none(&literal);
    items[1] = field_present ? substr_or_none(&field_name) : tn_none_ref();
    items[2] = field_present ? tn_str_substring(format_spec.s, format_spec.start, format_spec.end) : tn_none_ref();
    items[3] = conversion != 0 ? tn_str_from_char(conversion) : tn_none_ref();
    TnObject *res = NULL;
    if (items[0] != NULL && items[1] != NULL && items[2] != NULL && items[3] != NULL)
        res = tn_tuple_from_array(items, 4);
    for (int i = 0; i < 4; i++)
        tn_xdecref(items[i]);
    return res;
}

static TnObject *formatter_iter_next(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = formatter_iter_next_lock_held((FormatterIter *)self);
    TN_END_CRITICAL_SECTION();
    return r;
}

static void formatter_iter_dealloc(TnObject *self)
{
    TN_CLEAR(((FormatterIter *)self)->str);
    tn_object_free(self);
}

static int formatter_iter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    FormatterIter *it = (FormatterIter *)self;
    return it->str != NULL ? visit(it->str, arg) : 0;
}

static TnType formatter_iter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "formatteriterator",
    .basicsize = sizeof(FormatterIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = formatter_iter_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = formatter_iter_next,
    .traverse = formatter_iter_traverse,
};

static TnObject *string_formatter_parser(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                         TnObject *kwnames)
{
    if (str_arg(args, nargs, kwnames, "_string.formatter_parser") < 0)
        return NULL;
    FormatterIter *it = (FormatterIter *)tn_object_new(&formatter_iter_type, sizeof(FormatterIter));
    if (it == NULL)
        return NULL;
    it->str = tn_newref(args[0]);
    it->pos = (TnFormatSubStr){it->str, 0, tn_str_length(it->str)};
    return TN_OBJ(it);
}

/* ---- formatter_field_name_split ------------------------------------------------------ */

/* (is_attr, name or index) of the next part. */
static TnObject *fieldname_iter_next_lock_held(FieldNameIter *it)
{
    tn_critical_section_assert_held(it);
    bool is_attr;
    tn_ssize_t idx;
    TnFormatSubStr name;
    if (tn_format_field_name_next(&it->rest, &is_attr, &idx, &name) != 2)
        return NULL;
    TnObject *key = idx != -1 ? tn_int_from_ssize(idx) : tn_str_substring(name.s, name.start, name.end);
    if (key == NULL)
        return NULL;
    TnObject *res = tn_tuple_pack(2, tn_bool_from(is_attr), key);
    tn_decref(key);
    return res;
}

static TnObject *fieldname_iter_next(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = fieldname_iter_next_lock_held((FieldNameIter *)self);
    TN_END_CRITICAL_SECTION();
    return r;
}

static void fieldname_iter_dealloc(TnObject *self)
{
    TN_CLEAR(((FieldNameIter *)self)->str);
    tn_object_free(self);
}

static int fieldname_iter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    FieldNameIter *it = (FieldNameIter *)self;
    return it->str != NULL ? visit(it->str, arg) : 0;
}

static TnType fieldname_iter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "fieldnameiterator",
    .basicsize = sizeof(FieldNameIter),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = fieldname_iter_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = fieldname_iter_next,
    .traverse = fieldname_iter_traverse,
};

/* (first, iterator over the rest): first is an int when it is all decimal
 * digits, else a str (no automatic numbering: '' stays ''). */
static TnObject *string_formatter_field_name_split(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                                   TnObject *kwnames)
{
    if (str_arg(args, nargs, kwnames, "_string.formatter_field_name_split") < 0)
        return NULL;
    TnObject *s = args[0];
    tn_ssize_t n = tn_str_length(s), i = 0;
    while (i < n && tn_str_read(s, i) != '.' && tn_str_read(s, i) != '[')
        i++;
    TnFormatSubStr first = {s, 0, i};
    tn_ssize_t idx = tn_format_substr_integer(&first);
    if (idx == -2)
        return NULL;
    TnObject *first_obj = idx != -1 ? tn_int_from_ssize(idx) : tn_str_substring(s, 0, i);
    if (first_obj == NULL)
        return NULL;
    FieldNameIter *it = (FieldNameIter *)tn_object_new(&fieldname_iter_type, sizeof(FieldNameIter));
    if (it == NULL) {
        tn_decref(first_obj);
        return NULL;
    }
    it->str = tn_newref(s);
    it->rest = (TnFormatSubStr){s, i, n};
    TnObject *res = tn_tuple_pack(2, first_obj, TN_OBJ(it));
    tn_decref(first_obj);
    tn_decref(TN_OBJ(it));
    return res;
}

static const TnMethodDef string_functions[] = {
    {"formatter_parser", string_formatter_parser, 0, "parse the argument as a format string"},
    {"formatter_field_name_split", string_formatter_field_name_split, 0, "split the argument as a field name"},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_string_module_create(void)
{
    if (tn_type_ready(&formatter_iter_type) < 0 || tn_type_ready(&fieldname_iter_type) < 0)
        return NULL;
    TnObject *m = tn_module_new("_string");
    if (m == NULL || tn_module_add_functions(m, string_functions) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    TnObject *doc = tn_str_from_cstr("string helper module");
    int r = doc != NULL ? tn_module_add_object(m, "__doc__", doc) : -1;
    tn_xdecref(doc);
    if (r < 0)
        TN_CLEAR(m);
    return m;
}
