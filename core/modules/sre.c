/* core/modules/sre.c — the _sre module: compile(), the case helpers, and
 * the Pattern, Match and SRE_Scanner types that CPython 3.11's pure-Python
 * `re` package builds on, with CPython's API, reprs and messages.  The
 * matcher is sre_engine.c; design: docs/sre.md.
 *
 * Pattern and Match are immutable once made.  A subject is read where it
 * lives: a str is immutable; a bytearray (or a memoryview of one) is held
 * through a memoryview of our own for the duration of a match, an export
 * that makes every resize by another thread fail with BufferError instead
 * of moving the bytes under the matcher.  A Scanner's position changes per
 * call: read and moved on inside the scanner's critical section, the match
 * between them run outside it and redone when another thread moved the
 * scanner meanwhile (scanner_step); a call re-entering a running one in
 * the same thread (a signal handler) gets CPython's ValueError.
 */
#include <stdio.h>
#include <string.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/modules/sre.h"
#include "core/modules/builtins_iter.h"
#include "core/objects/memoryview.h"
#include "core/objects/mappingproxy.h"
#include "core/objects/genericalias.h"
#include "core/vm/import.h"

#define SRE_FLAG_LOCALE 4
#define SRE_FLAG_UNICODE 32
#define SRE_FLAG_ASCII 256

typedef struct {
    TnObject ob;
    TnObject *pattern;       /* str, bytes or None */
    int flags;
    int isbytes;             /* -1: pattern None */
    TnObject *groupindex;    /* dict name -> number, NULL when empty */
    TnObject *indexgroup;    /* tuple number -> name or None */
    tn_ssize_t groups;
    tn_ssize_t codesize;
    TnSreCode *code;
} PatternObject;

typedef struct {
    TnObject ob;
    TnObject *string;        /* the subject as given */
    PatternObject *pattern;
    tn_ssize_t pos, endpos;
    tn_ssize_t lastindex;    /* -1: none */
    tn_ssize_t groups;       /* pattern groups + 1 */
    tn_ssize_t mark[];       /* 2 * groups: start, end of each (-1 unset) */
} MatchObject;

/* A subject's code points, held for the duration of a match. */
typedef struct {
    TnObject *string;        /* borrowed */
    TnObject *view;          /* our memoryview (an export) of a bytearray/memoryview, or NULL */
    const void *data;
    int kind;
    tn_ssize_t length;
    bool isbytes;
} Subject;

typedef struct {
    TnObject ob;
    PatternObject *pattern;
    TnObject *string;
    Subject subj;            /* subj.view owned */
    tn_ssize_t pos, endpos;  /* as the Match objects report them */
    tn_ssize_t start;        /* where the next call starts; -1: exhausted */
    bool must_advance;
} ScannerObject;

static TnType pattern_type, match_type, scanner_type;

#define PAT(o) ((PatternObject *)(o))
#define MATCH(o) ((MatchObject *)(o))
#define SCANNER(o) ((ScannerObject *)(o))

/* ---- subjects ---- */

/* Fill s for string.  0 / -1 (TypeError as CPython's getstring). */
static int subject_get(TnObject *string, Subject *s)
{
    memset(s, 0, sizeof *s);
    s->string = string;
    if (tn_str_check(string)) {
        s->data = tn_str_data(string);
        s->kind = ((TnStr *)string)->kind;
        s->length = tn_str_length(string);
        return 0;
    }
    const char *d;
    tn_ssize_t n;
    if (tn_bytes_check(string)) {
        s->data = tn_bytes_data(string);
    } else if (tn_bytearray_check(string) || tn_memoryview_check(string)) {
        /* A view of our own: an export for as long as we read the bytes. */
        if (tn_memoryview_check(string) && tn_memoryview_base(string) == NULL) {
            tn_err_format(&tn_exc_ValueError, "operation forbidden on released memoryview object");
            return -1;
        }
        s->view = tn_memoryview_new(string);
        if (s->view == NULL)
            return -1;
        if (!tn_memoryview_data(s->view, &d, &n)) {
            TN_CLEAR(s->view);
            tn_err_format(&tn_exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        s->data = d;
        s->kind = 1;
        s->length = n;
        s->isbytes = true;
        return 0;
    } else {
        tn_err_format(&tn_exc_TypeError, "expected string or bytes-like object, got '%s'", tn_type(string)->name);
        return -1;
    }
    s->kind = 1;
    s->length = tn_bytes_size(string);
    s->isbytes = true;
    return 0;
}

static void subject_release(Subject *s) { TN_CLEAR(s->view); }

/* subject_get plus the pattern/subject kind check. */
static int subject_for(PatternObject *p, TnObject *string, Subject *s)
{
    if (subject_get(string, s) < 0)
        return -1;
    if (p->isbytes == 0 && s->isbytes) {
        subject_release(s);
        tn_err_format(&tn_exc_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    if (p->isbytes > 0 && !s->isbytes) {
        subject_release(s);
        tn_err_format(&tn_exc_TypeError, "cannot use a bytes pattern on a string-like object");
        return -1;
    }
    return 0;
}

/* string[start:end] (CPython's getslice): a str's substring, bytes for
 * any bytes-like subject. */
static TnObject *subject_slice(const Subject *s, tn_ssize_t start, tn_ssize_t end)
{
    if (start > end)
        end = start;
    if (s->isbytes) {
        if (tn_type(s->string) == &tn_type_bytes && start == 0 && end == s->length)
            return tn_newref(s->string);
        return tn_bytes_from_data((const char *)s->data + start, end - start);
    }
    if (tn_str_check_exact(s->string) && start == 0 && end == s->length)
        return tn_newref(s->string);
    return tn_str_substring(s->string, start, end);
}

/* Turn an engine error into an exception (none set yet unless interrupted). */
static TnObject *engine_error(int status)
{
    if (tn_err_occurred() != NULL)
        return NULL;
    if (status == SRE_ERROR_MEMORY)
        return tn_err_no_memory();
    return tn_err_format(&tn_exc_RuntimeError, "internal error in regular expression engine");
}

static int state_init(TnSreState *st, PatternObject *p, const Subject *s, tn_ssize_t pos, tn_ssize_t endpos)
{
    return tn_sre_state_init(st, s->data, s->kind, s->length, pos, endpos, p->groups);
}

/* ---- Match objects ---- */

/* A Match for st's successful attempt (status 1), None for 0, NULL for errors. */
static TnObject *match_new(PatternObject *p, TnObject *string, const TnSreState *st, tn_ssize_t pos,
                           tn_ssize_t endpos, int status)
{
    if (status == 0)
        return tn_none_ref();
    if (status < 0)
        return engine_error(status);
    tn_ssize_t groups = p->groups + 1;
    MatchObject *m = (MatchObject *)tn_object_new(&match_type, sizeof(MatchObject) + (size_t)groups * 2 * sizeof(tn_ssize_t));
    if (m == NULL)
        return NULL;
    m->string = tn_newref(string);
    m->pattern = (PatternObject *)tn_newref(TN_OBJ(p));
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = st->lastindex;
    m->groups = groups;
    m->mark[0] = st->start;
    m->mark[1] = st->ptr;
    for (tn_ssize_t i = 0, j = 0; i < p->groups; i++, j += 2) {
        if (j + 1 <= st->lastmark && st->mark[j] >= 0 && st->mark[j + 1] >= 0 && st->mark[j] <= st->mark[j + 1]) {
            m->mark[j + 2] = st->mark[j];
            m->mark[j + 3] = st->mark[j + 1];
        } else {
            m->mark[j + 2] = m->mark[j + 3] = -1;
        }
    }
    return TN_OBJ(m);
}

/* Like a tuple, a Match only traverses (a cycle through it is broken at
 * another member): clearing its fields would break its methods. */
static int match_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(MATCH(self)->string);
    TN_VISIT(TN_OBJ(MATCH(self)->pattern));
    return 0;
}

static void match_dealloc(TnObject *self)
{
    tn_decref(MATCH(self)->string);
    tn_decref(TN_OBJ(MATCH(self)->pattern));
    tn_object_free(self);
}

/* The group number index stands for (CPython's match_getindex).  -1 + error. */
static tn_ssize_t match_getindex(MatchObject *m, TnObject *index)
{
    tn_ssize_t i = -1;
    if (index == NULL)
        return 0;
    if (tn_int_check(index) || (tn_type(index)->as_number != NULL && tn_type(index)->as_number->index != NULL)) {
        i = tn_number_as_ssize(index, NULL);
        if (i == -1 && tn_err_occurred() != NULL)
            return -1;
    } else if (m->pattern->groupindex != NULL) {
        TnObject *v = NULL;
        if (tn_dict_get_item_ref(m->pattern->groupindex, index, &v) < 0)
            return -1;
        if (v != NULL && tn_int_check(v))
            i = tn_number_as_ssize(v, NULL);
        tn_xdecref(v);
    }
    if (i < 0 || i >= m->groups) {
        if (tn_err_occurred() == NULL)
            tn_err_format(&tn_exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static TnObject *match_slice(MatchObject *m, tn_ssize_t g, TnObject *def)
{
    if (m->mark[2 * g] < 0)
        return tn_newref(def);
    Subject s;
    if (subject_get(m->string, &s) < 0)
        return NULL;
    tn_ssize_t i = m->mark[2 * g] < s.length ? m->mark[2 * g] : s.length;
    tn_ssize_t j = m->mark[2 * g + 1] < s.length ? m->mark[2 * g + 1] : s.length;
    TnObject *r = subject_slice(&s, i, j);
    subject_release(&s);
    return r;
}

static TnObject *match_group_of(MatchObject *m, TnObject *index, TnObject *def)
{
    tn_ssize_t g = match_getindex(m, index);
    return g < 0 ? NULL : match_slice(m, g, def);
}

static TnObject *match_group(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("group", kwnames) < 0)
        return NULL;
    MatchObject *m = MATCH(self);
    if (nargs == 0)
        return match_slice(m, 0, TN_NONE);
    if (nargs == 1)
        return match_group_of(m, args[0], TN_NONE);
    TnObject *t = tn_tuple_new(nargs);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < nargs; i++) {
        TnObject *v = match_group_of(m, args[i], TN_NONE);
        if (v == NULL) {
            for (tn_ssize_t k = i; k < nargs; k++)
                tn_tuple_set_steal(t, k, tn_none_ref());
            tn_decref(t);
            return NULL;
        }
        tn_tuple_set_steal(t, i, v);
    }
    return t;
}

static TnObject *match_getitem(TnObject *self, TnObject *key) { return match_group_of(MATCH(self), key, TN_NONE); }

static TnObject *match_groups(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"default", NULL};
    TnObject *def = NULL;
    if (tn_args_parse("groups", args, nargs, kwnames, names, 0, 0, &def) < 0)
        return NULL;
    MatchObject *m = MATCH(self);
    TnObject *t = tn_tuple_new(m->groups - 1);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 1; i < m->groups; i++) {
        TnObject *v = match_slice(m, i, def != NULL ? def : TN_NONE);
        if (v == NULL) {
            for (tn_ssize_t k = i; k < m->groups; k++)
                tn_tuple_set_steal(t, k - 1, tn_none_ref());
            tn_decref(t);
            return NULL;
        }
        tn_tuple_set_steal(t, i - 1, v);
    }
    return t;
}

static TnObject *match_groupdict(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"default", NULL};
    TnObject *def = NULL;
    if (tn_args_parse("groupdict", args, nargs, kwnames, names, 0, 0, &def) < 0)
        return NULL;
    MatchObject *m = MATCH(self);
    TnObject *d = tn_dict_new();
    if (d == NULL || m->pattern->groupindex == NULL)
        return d;
    tn_ssize_t pos = 0;
    TnObject *key, *value;
    while (tn_dict_next_ref(m->pattern->groupindex, &pos, &key, &value)) {
        TnObject *v = match_group_of(m, key, def != NULL ? def : TN_NONE);
        int r = v != NULL ? tn_dict_set_item(d, key, v) : -1;
        tn_xdecref(v);
        tn_decref(key);
        tn_decref(value);
        if (r < 0) {
            tn_decref(d);
            return NULL;
        }
    }
    return d;
}

/* start/end/span's optional group argument.  -1 + error. */
static tn_ssize_t match_group_arg(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 0, 1) < 0)
        return -1;
    return match_getindex(MATCH(self), nargs > 0 ? args[0] : NULL);
}

static TnObject *match_start(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t g = match_group_arg(self, "start", args, nargs, kwnames);
    return g < 0 ? NULL : tn_int_from_ssize(MATCH(self)->mark[2 * g]);
}

static TnObject *match_end(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t g = match_group_arg(self, "end", args, nargs, kwnames);
    return g < 0 ? NULL : tn_int_from_ssize(MATCH(self)->mark[2 * g + 1]);
}

static TnObject *span_tuple(tn_ssize_t a, tn_ssize_t b)
{
    TnObject *x = tn_int_from_ssize(a), *y = tn_int_from_ssize(b);
    TnObject *t = x != NULL && y != NULL ? tn_tuple_pack(2, x, y) : NULL;
    tn_xdecref(x);
    tn_xdecref(y);
    return t;
}

static TnObject *match_span(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t g = match_group_arg(self, "span", args, nargs, kwnames);
    return g < 0 ? NULL : span_tuple(MATCH(self)->mark[2 * g], MATCH(self)->mark[2 * g + 1]);
}

/* re.<name>(args...): the hooks CPython's _sre calls in re (_expand, _subx). */
static TnObject *call_re(const char *name, TnObject *const *args, tn_ssize_t nargs)
{
    TnObject *modname = tn_str_from_cstr("re");
    TnObject *mod = modname != NULL ? tn_import_module_level(modname, NULL, NULL, 0) : NULL;
    tn_xdecref(modname);
    TnObject *f = mod != NULL ? tn_object_getattr_cstr(mod, name) : NULL;
    tn_xdecref(mod);
    TnObject *r = f != NULL ? tn_call(f, args, nargs, NULL) : NULL;
    tn_xdecref(f);
    return r;
}

static TnObject *match_expand(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"template", NULL};
    TnObject *tmpl = NULL;
    if (tn_args_parse("expand", args, nargs, kwnames, names, 0, 1, &tmpl) < 0)
        return NULL;
    TnObject *cargs[3] = {TN_OBJ(MATCH(self)->pattern), self, tmpl};
    return call_re("_expand", cargs, 3);
}

static TnObject *match_regs(TnObject *self, void *c)
{
    MatchObject *m = MATCH(self);
    TnObject *t = tn_tuple_new(m->groups);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < m->groups; i++) {
        TnObject *s = span_tuple(m->mark[2 * i], m->mark[2 * i + 1]);
        if (s == NULL) {
            for (tn_ssize_t k = i; k < m->groups; k++)
                tn_tuple_set_steal(t, k, tn_none_ref());
            tn_decref(t);
            return NULL;
        }
        tn_tuple_set_steal(t, i, s);
    }
    return t;
}

static TnObject *match_get_string(TnObject *self, void *c) { return tn_newref(MATCH(self)->string); }
static TnObject *match_get_re(TnObject *self, void *c) { return tn_newref(TN_OBJ(MATCH(self)->pattern)); }
static TnObject *match_get_pos(TnObject *self, void *c) { return tn_int_from_ssize(MATCH(self)->pos); }
static TnObject *match_get_endpos(TnObject *self, void *c) { return tn_int_from_ssize(MATCH(self)->endpos); }
static TnObject *match_get_lastindex(TnObject *self, void *c)
{
    return MATCH(self)->lastindex >= 0 ? tn_int_from_ssize(MATCH(self)->lastindex) : tn_none_ref();
}
static TnObject *match_get_lastgroup(TnObject *self, void *c)
{
    MatchObject *m = MATCH(self);
    TnObject *ig = m->pattern->indexgroup;
    if (ig != NULL && m->lastindex >= 0 && m->lastindex < tn_tuple_size(ig))
        return tn_newref(tn_tuple_get(ig, m->lastindex));
    return tn_none_ref();
}

static TnObject *match_repr(TnObject *self)
{
    TnObject *g = match_slice(MATCH(self), 0, TN_NONE);
    if (g == NULL)
        return NULL;
    TnObject *r = tn_object_repr(g);
    tn_decref(g);
    if (r == NULL)
        return NULL;
    if (tn_str_length(r) > 50) {
        TnObject *cut = tn_str_substring(r, 0, 50);
        tn_decref(r);
        if ((r = cut) == NULL)
            return NULL;
    }
    TnObject *res = tn_str_from_format("<%s object; span=(%zd, %zd), match=%U>", tn_type(self)->name,
                                       MATCH(self)->mark[0], MATCH(self)->mark[1], r);
    tn_decref(r);
    return res;
}

static TnObject *return_self(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__copy__", kwnames) < 0 || tn_args_count("__copy__", nargs, 0, 0) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *deepcopy_self(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__deepcopy__", kwnames) < 0 || tn_args_count("__deepcopy__", nargs, 1, 1) < 0)
        return NULL;
    return tn_newref(self);
}

static TnObject *class_getitem(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__class_getitem__", kwnames) < 0 || tn_args_count("__class_getitem__", nargs, 1, 1) < 0)
        return NULL;
    return tn_generic_alias_new(cls, args[0]);
}

static const TnMethodDef match_methods[] = {
    {"group", match_group, 0, "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"start", match_start, 0, "Return index of the start of the substring matched by group."},
    {"end", match_end, 0, "Return index of the end of the substring matched by group."},
    {"span", match_span, 0, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups, 0, "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"groupdict", match_groupdict, 0, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"expand", match_expand, 0, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", return_self, 0, NULL},
    {"__deepcopy__", deepcopy_self, 0, NULL},
    {"__class_getitem__", class_getitem, TN_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef match_getsets[] = {
    {"string", match_get_string, NULL, "The string passed to match() or search().", NULL},
    {"re", match_get_re, NULL, "The regular expression object.", NULL},
    {"pos", match_get_pos, NULL, "The index into the string at which the RE engine started looking for a match.", NULL},
    {"endpos", match_get_endpos, NULL, "The index into the string beyond which the RE engine will not go.", NULL},
    {"lastindex", match_get_lastindex, NULL, "The integer index of the last matched capturing group.", NULL},
    {"lastgroup", match_get_lastgroup, NULL, "The name of the last matched capturing group.", NULL},
    {"regs", match_regs, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnMappingMethods match_as_mapping = {.subscript = match_getitem};

static TnType match_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "re.Match",
    .basicsize = sizeof(MatchObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = match_dealloc,
    .traverse = match_traverse,
    .repr = match_repr,
    .getattro = tn_object_generic_getattr,
    .as_mapping = &match_as_mapping,
    .methods = match_methods,
    .getsets = match_getsets,
    .doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
};

/* ---- Pattern: matching ---- */

/* Parse (string, pos=0, endpos=maxsize) for fname.  0 / -1. */
static int parse_string_pos(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                            TnObject **string, tn_ssize_t *pos, tn_ssize_t *endpos)
{
    static const char *const names[] = {"string", "pos", "endpos", NULL};
    TnObject *out[3] = {NULL, NULL, NULL};
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 1, out) < 0)
        return -1;
    *string = out[0];
    *pos = 0;
    *endpos = INTPTR_MAX;
    if (out[1] != NULL && ((*pos = tn_number_as_ssize(out[1], &tn_exc_OverflowError)) == -1 && tn_err_occurred()))
        return -1;
    if (out[2] != NULL && ((*endpos = tn_number_as_ssize(out[2], &tn_exc_OverflowError)) == -1 && tn_err_occurred()))
        return -1;
    return 0;
}

enum { MODE_MATCH, MODE_FULLMATCH, MODE_SEARCH };

static TnObject *pattern_run(TnObject *self, const char *fname, int mode, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    PatternObject *p = PAT(self);
    TnObject *string;
    tn_ssize_t pos, endpos;
    if (parse_string_pos(fname, args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    Subject s;
    if (subject_for(p, string, &s) < 0)
        return NULL;
    TnSreState st;
    TnObject *res = NULL;
    if (state_init(&st, p, &s, pos, endpos) == 0) {
        tn_ssize_t spos = st.start, send = st.end;
        st.match_all = mode == MODE_FULLMATCH;
        int status = mode == MODE_SEARCH ? tn_sre_search(&st, p->code) : tn_sre_match(&st, p->code);
        res = match_new(p, string, &st, spos, send, status);
        tn_sre_state_fini(&st);
    }
    subject_release(&s);
    return res;
}

static TnObject *pattern_match(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return pattern_run(self, "match", MODE_MATCH, args, nargs, kwnames);
}

static TnObject *pattern_fullmatch(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return pattern_run(self, "fullmatch", MODE_FULLMATCH, args, nargs, kwnames);
}

static TnObject *pattern_search(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return pattern_run(self, "search", MODE_SEARCH, args, nargs, kwnames);
}

/* Group g (1-based) of the last search, or the empty slice / None when it
 * did not take part (CPython's state_getslice). */
static TnObject *state_group(const TnSreState *st, const Subject *s, tn_ssize_t g, bool empty)
{
    tn_ssize_t k = (g - 1) * 2;
    if (k >= st->lastmark || st->mark[k] < 0 || st->mark[k + 1] < 0) {
        if (!empty)
            return tn_none_ref();
        return subject_slice(s, 0, 0);
    }
    return subject_slice(s, st->mark[k], st->mark[k + 1]);
}

static int list_append_steal(TnObject *list, TnObject *item)
{
    if (item == NULL)
        return -1;
    int r = tn_list_append(list, item);
    tn_decref(item);
    return r;
}

/* findall's item for the current match. */
static TnObject *findall_item(PatternObject *p, const TnSreState *st, const Subject *s)
{
    if (p->groups == 0)
        return subject_slice(s, st->start, st->ptr);
    if (p->groups == 1)
        return state_group(st, s, 1, true);
    TnObject *t = tn_tuple_new(p->groups);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < p->groups; i++) {
        TnObject *o = state_group(st, s, i + 1, true);
        if (o == NULL) {
            for (tn_ssize_t k = i; k < p->groups; k++)
                tn_tuple_set_steal(t, k, tn_none_ref());
            tn_decref(t);
            return NULL;
        }
        tn_tuple_set_steal(t, i, o);
    }
    return t;
}

/* After a match: the next search starts at its end, and must not find an
 * empty match there if this one was empty. */
static void state_advance(TnSreState *st)
{
    st->must_advance = st->ptr == st->start;
    st->start = st->ptr;
    tn_sre_state_reset(st);
}

static TnObject *findall_run(PatternObject *p, TnSreState *st, const Subject *s)
{
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    while (st->start <= st->end) {
        int status = tn_sre_search(st, p->code);
        if (status <= 0) {
            if (status == 0)
                break;
            engine_error(status);
            tn_decref(list);
            return NULL;
        }
        if (list_append_steal(list, findall_item(p, st, s)) < 0) {
            tn_decref(list);
            return NULL;
        }
        state_advance(st);
    }
    return list;
}

static TnObject *pattern_findall(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    PatternObject *p = PAT(self);
    TnObject *string;
    tn_ssize_t pos, endpos;
    if (parse_string_pos("findall", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    Subject s;
    if (subject_for(p, string, &s) < 0)
        return NULL;
    TnSreState st;
    TnObject *res = NULL;
    if (state_init(&st, p, &s, pos, endpos) == 0) {
        res = findall_run(p, &st, &s);
        tn_sre_state_fini(&st);
    }
    subject_release(&s);
    return res;
}

static TnObject *scanner_new(PatternObject *p, TnObject *string, tn_ssize_t pos, tn_ssize_t endpos)
{
    ScannerObject *sc = (ScannerObject *)tn_object_new(&scanner_type, sizeof(ScannerObject));
    if (sc == NULL)
        return NULL;
    if (subject_for(p, string, &sc->subj) < 0) {
        memset(&sc->subj, 0, sizeof sc->subj);
        tn_decref(TN_OBJ(sc));
        return NULL;
    }
    sc->pattern = (PatternObject *)tn_newref(TN_OBJ(p));
    sc->string = tn_newref(string);
    sc->subj.string = sc->string;
    tn_ssize_t n = sc->subj.length;
    sc->pos = pos < 0 ? 0 : pos > n ? n : pos;
    sc->endpos = endpos < 0 ? 0 : endpos > n ? n : endpos;
    sc->start = sc->pos;
    return TN_OBJ(sc);
}

static TnObject *pattern_scanner(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *string;
    tn_ssize_t pos, endpos;
    if (parse_string_pos("scanner", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    return scanner_new(PAT(self), string, pos, endpos);
}

static TnObject *pattern_finditer(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *string;
    tn_ssize_t pos, endpos;
    if (parse_string_pos("finditer", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    TnObject *sc = scanner_new(PAT(self), string, pos, endpos);
    if (sc == NULL)
        return NULL;
    TnObject *search = tn_object_getattr_cstr(sc, "search");
    tn_decref(sc);
    if (search == NULL)
        return NULL;
    TnObject *it = tn_calliter_new(search, TN_NONE);
    tn_decref(search);
    return it;
}

static int split_groups(PatternObject *p, const TnSreState *st, const Subject *s, TnObject *list)
{
    for (tn_ssize_t i = 0; i < p->groups; i++)
        if (list_append_steal(list, state_group(st, s, i + 1, false)) < 0)
            return -1;
    return 0;
}

static TnObject *split_run(PatternObject *p, TnSreState *st, const Subject *s, tn_ssize_t maxsplit)
{
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    tn_ssize_t last = st->start, n = 0;
    while (!maxsplit || n < maxsplit) {
        int status = tn_sre_search(st, p->code);
        if (status == 0)
            break;
        if (status < 0) {
            engine_error(status);
            goto error;
        }
        if (list_append_steal(list, subject_slice(s, last, st->start)) < 0 || split_groups(p, st, s, list) < 0)
            goto error;
        n++;
        state_advance(st);
        last = st->start;
    }
    if (list_append_steal(list, subject_slice(s, last, st->end)) < 0)
        goto error;
    return list;
error:
    tn_decref(list);
    return NULL;
}

static TnObject *pattern_split(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"string", "maxsplit", NULL};
    TnObject *out[2] = {NULL, NULL};
    if (tn_args_parse("split", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    tn_ssize_t maxsplit = 0;
    if (out[1] != NULL && (maxsplit = tn_number_as_ssize(out[1], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return NULL;
    PatternObject *p = PAT(self);
    Subject s;
    if (subject_for(p, out[0], &s) < 0)
        return NULL;
    TnSreState st;
    TnObject *res = NULL;
    if (state_init(&st, p, &s, 0, INTPTR_MAX) == 0) {
        res = split_run(p, &st, &s, maxsplit);
        tn_sre_state_fini(&st);
    }
    subject_release(&s);
    return res;
}

/* sub's replacement: *filter (new ref) and whether to call it per match. */
static int sub_filter(PatternObject *p, TnObject *repl, TnObject **filter, bool *callable)
{
    if (tn_callable_check(repl)) {
        *filter = tn_newref(repl);
        *callable = true;
        return 0;
    }
    bool literal = false;
    if (tn_str_check(repl)) {
        literal = true;
        for (tn_ssize_t i = 0; i < tn_str_length(repl) && literal; i++)
            literal = tn_str_read(repl, i) != '\\';
    } else {
        Subject s;
        if (subject_get(repl, &s) == 0) {
            literal = memchr(s.data, '\\', (size_t)s.length) == NULL;
            subject_release(&s);
        } else {
            tn_err_clear();
        }
    }
    if (literal) {
        *filter = tn_newref(repl);
        *callable = false;
        return 0;
    }
    TnObject *cargs[2] = {TN_OBJ(p), repl};
    *filter = call_re("_subx", cargs, 2);
    if (*filter == NULL)
        return -1;
    *callable = tn_callable_check(*filter) != 0;
    return 0;
}

/* One match's replacement appended to list.  0 / -1. */
static int sub_one(PatternObject *p, TnObject *string, const TnSreState *st, TnObject *filter, bool callable,
                   TnObject *list)
{
    if (!callable)
        return filter == TN_NONE ? 0 : tn_list_append(list, filter);
    TnObject *m = match_new(p, string, st, 0, st->end, 1);
    if (m == NULL)
        return -1;
    /* CPython's Match from sub reports the state's pos (0) and endpos. */
    TnObject *item = tn_call_one(filter, m);
    tn_decref(m);
    if (item == NULL)
        return -1;
    int r = item == TN_NONE ? 0 : tn_list_append(list, item);
    tn_decref(item);
    return r;
}

static TnObject *sub_run(PatternObject *p, TnObject *string, TnSreState *st, const Subject *s, TnObject *filter,
                         bool callable, tn_ssize_t count, tn_ssize_t *nsubs)
{
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    tn_ssize_t i = 0, n = 0;
    while (!count || n < count) {
        int status = tn_sre_search(st, p->code);
        if (status == 0)
            break;
        if (status < 0) {
            engine_error(status);
            goto error;
        }
        if (i < st->start && list_append_steal(list, subject_slice(s, i, st->start)) < 0)
            goto error;
        if (sub_one(p, string, st, filter, callable, list) < 0)
            goto error;
        i = st->ptr;
        n++;
        state_advance(st);
    }
    if (i < st->end && list_append_steal(list, subject_slice(s, i, st->end)) < 0)
        goto error;
    TnObject *joiner = subject_slice(s, 0, 0);
    if (joiner == NULL)
        goto error;
    TnObject *res;
    if (tn_list_size(list) == 0)
        res = tn_newref(joiner);
    else
        res = tn_call_method_cstr(joiner, "join", &list, 1);
    tn_decref(joiner);
    tn_decref(list);
    *nsubs = n;
    return res;
error:
    tn_decref(list);
    return NULL;
}

static TnObject *pattern_subx(TnObject *self, const char *fname, bool subn, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    static const char *const names[] = {"repl", "string", "count", NULL};
    TnObject *out[3] = {NULL, NULL, NULL};
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 2, out) < 0)
        return NULL;
    tn_ssize_t count = 0;
    if (out[2] != NULL && (count = tn_number_as_ssize(out[2], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return NULL;
    PatternObject *p = PAT(self);
    TnObject *filter;
    bool callable;
    if (sub_filter(p, out[0], &filter, &callable) < 0)
        return NULL;
    Subject s;
    if (subject_for(p, out[1], &s) < 0) {
        tn_decref(filter);
        return NULL;
    }
    TnSreState st;
    TnObject *res = NULL;
    tn_ssize_t n = 0;
    if (state_init(&st, p, &s, 0, INTPTR_MAX) == 0) {
        res = sub_run(p, out[1], &st, &s, filter, callable, count, &n);
        tn_sre_state_fini(&st);
    }
    subject_release(&s);
    tn_decref(filter);
    if (res == NULL || !subn)
        return res;
    TnObject *nobj = tn_int_from_ssize(n);
    TnObject *t = nobj != NULL ? tn_tuple_pack(2, res, nobj) : NULL;
    tn_xdecref(nobj);
    tn_decref(res);
    return t;
}

static TnObject *pattern_sub(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return pattern_subx(self, "sub", false, args, nargs, kwnames);
}

static TnObject *pattern_subn(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return pattern_subx(self, "subn", true, args, nargs, kwnames);
}

/* ---- Pattern: the object ---- */

static int pattern_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(PAT(self)->pattern);
    TN_VISIT(PAT(self)->groupindex);
    TN_VISIT(PAT(self)->indexgroup);
    return 0;
}

static void pattern_dealloc(TnObject *self)
{
    PatternObject *p = PAT(self);
    tn_xdecref(p->pattern);
    tn_xdecref(p->groupindex);
    tn_xdecref(p->indexgroup);
    tn_mem_free(p->code);
    tn_object_free(self);
}

static TnObject *pattern_repr(TnObject *self)
{
    static const struct { const char *name; int value; } flag_names[] = {
        {"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8}, {"re.DOTALL", 16},
        {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128}, {"re.ASCII", 256},
    };
    PatternObject *p = PAT(self);
    TnObject *r = tn_object_repr(p->pattern);
    if (r == NULL)
        return NULL;
    if (tn_str_length(r) > 200) {
        TnObject *cut = tn_str_substring(r, 0, 200);
        tn_decref(r);
        if ((r = cut) == NULL)
            return NULL;
    }
    int flags = p->flags;
    /* re.UNICODE is the default of str patterns: not shown alone. */
    if (p->isbytes == 0 && (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    if (flags == 0) {
        TnObject *res = tn_str_from_format("re.compile(%U)", r);
        tn_decref(r);
        return res;
    }
    char buf[256];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
        if (flags & flag_names[i].value) {
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? "|" : "", flag_names[i].name);
            flags &= ~flag_names[i].value;
        }
    }
    if (flags)
        snprintf(buf + len, sizeof buf - len, "%s0x%x", len ? "|" : "", (unsigned)flags);
    TnObject *res = tn_str_from_format("re.compile(%U, %s)", r, buf);
    tn_decref(r);
    return res;
}

static TnObject *pattern_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || tn_type(b) != &pattern_type)
        return tn_newref(TN_NOTIMPLEMENTED);
    PatternObject *x = PAT(a), *y = PAT(b);
    int eq;
    if (a == b) {
        eq = 1;
    } else {
        eq = x->flags == y->flags && x->isbytes == y->isbytes && x->codesize == y->codesize &&
             memcmp(x->code, y->code, (size_t)x->codesize * sizeof(TnSreCode)) == 0;
        if (eq) {
            eq = tn_object_richcompare_bool(x->pattern, y->pattern, TN_EQ);
            if (eq < 0)
                return NULL;
        }
    }
    return tn_bool_from(op == TN_EQ ? eq : !eq);
}

static tn_hash_t pattern_hash(TnObject *self)
{
    PatternObject *p = PAT(self);
    tn_hash_t h = tn_object_hash(p->pattern);
    if (h == -1)
        return -1;
    tn_hash_t h2 = tn_bytes_hash_data((const char *)p->code, p->codesize * (tn_ssize_t)sizeof(TnSreCode));
    h ^= h2;
    h ^= p->flags;
    h ^= p->isbytes;
    h ^= p->codesize;
    return h == -1 ? -2 : h;
}

static TnObject *pattern_get_pattern(TnObject *self, void *c) { return tn_newref(PAT(self)->pattern); }
static TnObject *pattern_get_flags(TnObject *self, void *c) { return tn_int_from_i64(PAT(self)->flags); }
static TnObject *pattern_get_groups(TnObject *self, void *c) { return tn_int_from_ssize(PAT(self)->groups); }
static TnObject *pattern_get_groupindex(TnObject *self, void *c)
{
    PatternObject *p = PAT(self);
    if (p->groupindex == NULL)
        return tn_dict_new();
    return tn_mappingproxy_new(p->groupindex);
}

static const TnMethodDef pattern_methods[] = {
    {"match", pattern_match, 0, "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, 0, "Matches against all of the string."},
    {"search", pattern_search, 0, "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."},
    {"sub", pattern_sub, 0, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."},
    {"subn", pattern_subn, 0, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", pattern_findall, 0, "Return a list of all non-overlapping matches of pattern in string."},
    {"split", pattern_split, 0, "Split string by the occurrences of pattern."},
    {"finditer", pattern_finditer, 0, "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."},
    {"scanner", pattern_scanner, 0, NULL},
    {"__copy__", return_self, 0, NULL},
    {"__deepcopy__", deepcopy_self, 0, NULL},
    {"__class_getitem__", class_getitem, TN_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef pattern_getsets[] = {
    {"pattern", pattern_get_pattern, NULL, "The pattern string from which the RE object was compiled.", NULL},
    {"flags", pattern_get_flags, NULL, "The regex matching flags.", NULL},
    {"groups", pattern_get_groups, NULL, "The number of capturing groups in the pattern.", NULL},
    {"groupindex", pattern_get_groupindex, NULL, "A dictionary mapping group names to group numbers.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnType pattern_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "re.Pattern",
    .basicsize = sizeof(PatternObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = pattern_dealloc,
    .traverse = pattern_traverse,
    .repr = pattern_repr,
    .hash = pattern_hash,
    .richcompare = pattern_richcompare,
    .getattro = tn_object_generic_getattr,
    .methods = pattern_methods,
    .getsets = pattern_getsets,
    .doc = "Compiled regular expression object.",
};

/* ---- Scanner ---- */

static int scanner_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(TN_OBJ(SCANNER(self)->pattern));
    TN_VISIT(SCANNER(self)->string);
    TN_VISIT(SCANNER(self)->subj.view);
    return 0;
}

static void scanner_dealloc(TnObject *self)
{
    ScannerObject *sc = SCANNER(self);
    subject_release(&sc->subj);
    tn_xdecref(sc->string);
    tn_xdecref(TN_OBJ(sc->pattern));
    tn_object_free(self);
}

/* The scanners this thread is stepping (a chain on the C stack): a step
 * re-entering one of them (from a signal handler) gets CPython's ValueError. */
typedef struct RunningScanner {
    ScannerObject *sc;
    struct RunningScanner *prev;
} RunningScanner;
static _Thread_local RunningScanner *running_scanners;

static void scanner_read_lock_held(ScannerObject *sc, tn_ssize_t *start, bool *must_advance)
{
    *start = sc->start;
    *must_advance = sc->must_advance;
}

/* Move the scanner past a step that began at start, unless another thread
 * moved it first.  true: committed. */
static bool scanner_commit_lock_held(ScannerObject *sc, tn_ssize_t start, tn_ssize_t next, bool must_advance)
{
    if (sc->start != start)
        return false;
    sc->start = next;
    sc->must_advance = must_advance;
    return true;
}

/* One match attempt from start.  *next: where the scanner goes (-1:
 * exhausted).  The Match, None or NULL. */
static TnObject *scanner_attempt(ScannerObject *sc, bool search, tn_ssize_t start, bool must_advance,
                                 tn_ssize_t *next, bool *next_must_advance)
{
    TnSreState st;
    if (state_init(&st, sc->pattern, &sc->subj, start, sc->endpos) < 0)
        return NULL;
    st.start = start;   /* may be past endpos: CPython matches there too */
    st.must_advance = must_advance;
    int status = search ? tn_sre_search(&st, sc->pattern->code) : tn_sre_match(&st, sc->pattern->code);
    TnObject *m = match_new(sc->pattern, sc->string, &st, sc->pos, sc->endpos, status);
    *next = status == 0 ? -1 : st.ptr;
    *next_must_advance = status > 0 && st.ptr == st.start;
    tn_sre_state_fini(&st);
    return m;
}

/* A step: read the position, match without holding the scanner (a match
 * may run long and let other threads in), then move the scanner on if no
 * other thread did meanwhile, else try again from where it went.  So the
 * steps of all threads are those of some serial order. */
static TnObject *scanner_step(TnObject *self, bool search, const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 0, 0) < 0)
        return NULL;
    ScannerObject *sc = SCANNER(self);
    for (RunningScanner *r = running_scanners; r != NULL; r = r->prev)
        if (r->sc == sc)
            return tn_err_format(&tn_exc_ValueError, "regular expression scanner already executing");
    RunningScanner me = {sc, running_scanners};
    running_scanners = &me;
    TnObject *m = NULL;
    for (;;) {
        tn_ssize_t start, next;
        bool must_advance, next_must_advance, committed;
        TN_BEGIN_CRITICAL_SECTION(self);
        scanner_read_lock_held(sc, &start, &must_advance);
        TN_END_CRITICAL_SECTION();
        if (start < 0) {
            m = tn_none_ref();
            break;
        }
        m = scanner_attempt(sc, search, start, must_advance, &next, &next_must_advance);
        if (m == NULL)
            break;
        TN_BEGIN_CRITICAL_SECTION(self);
        committed = scanner_commit_lock_held(sc, start, next, next_must_advance);
        TN_END_CRITICAL_SECTION();
        if (committed)
            break;
        TN_CLEAR(m);
    }
    running_scanners = me.prev;
    return m;
}

static TnObject *scanner_match(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return scanner_step(self, false, "match", nargs, kwnames);
}

static TnObject *scanner_search(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return scanner_step(self, true, "search", nargs, kwnames);
}

static TnObject *scanner_get_pattern(TnObject *self, void *c) { return tn_newref(TN_OBJ(SCANNER(self)->pattern)); }

static const TnMethodDef scanner_methods[] = {
    {"match", scanner_match, 0, NULL},
    {"search", scanner_search, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef scanner_getsets[] = {
    {"pattern", scanner_get_pattern, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnType scanner_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_sre.SRE_Scanner",
    .basicsize = sizeof(ScannerObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = scanner_dealloc,
    .traverse = scanner_traverse,
    .getattro = tn_object_generic_getattr,
    .methods = scanner_methods,
    .getsets = scanner_getsets,
};

/* ---- module functions ---- */

/* The code list as words (a snapshot of the list).  NULL + error, with
 * CPython's messages (PyLong_AsUnsignedLong's, then its size check). */
static TnSreCode *code_from_list(TnObject *list, tn_ssize_t *n)
{
    TnObject *t = tn_list_as_tuple(list);
    if (t == NULL)
        return NULL;
    *n = tn_tuple_size(t);
    TnSreCode *code = tn_mem_alloc((size_t)(*n > 0 ? *n : 1) * sizeof(TnSreCode));
    if (code == NULL) {
        tn_decref(t);
        tn_err_no_memory();
        return NULL;
    }
    for (tn_ssize_t i = 0; i < *n; i++) {
        TnObject *o = tn_tuple_get(t, i);
        int overflow = 0;
        int64_t v = 0;
        if (!tn_int_check(o))
            tn_err_format(&tn_exc_TypeError, "an integer is required");
        else if (tn_int_sign(o) < 0)
            tn_err_format(&tn_exc_OverflowError, "can't convert negative value to unsigned int");
        else if ((v = tn_int_as_i64(o, &overflow)), overflow || v > 0xffffffffLL)
            tn_err_format(&tn_exc_OverflowError, "regular expression code size limit exceeded");
        if (tn_err_occurred() != NULL) {
            tn_decref(t);
            tn_mem_free(code);
            return NULL;
        }
        code[i] = (TnSreCode)v;
    }
    tn_decref(t);
    return code;
}

static TnObject *sre_compile(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"pattern", "flags", "code", "groups", "groupindex", "indexgroup", NULL};
    TnObject *out[6] = {NULL};
    if (tn_args_parse("compile", args, nargs, kwnames, names, 0, 6, out) < 0)
        return NULL;
    int flags;
    if (tn_number_as_c_int(out[1], &flags) < 0)
        return NULL;
    if (!tn_list_check(out[2]))
        return tn_err_format(&tn_exc_TypeError, "compile() argument 'code' must be list, not %s", tn_type(out[2])->name);
    tn_ssize_t groups = tn_number_as_ssize(out[3], &tn_exc_OverflowError);
    if (groups == -1 && tn_err_occurred() != NULL)
        return NULL;
    if (!tn_dict_check(out[4]))
        return tn_err_format(&tn_exc_TypeError, "compile() argument 'groupindex' must be dict, not %s", tn_type(out[4])->name);
    if (!tn_tuple_check(out[5]))
        return tn_err_format(&tn_exc_TypeError, "compile() argument 'indexgroup' must be tuple, not %s", tn_type(out[5])->name);
    int isbytes = -1;
    if (out[0] != TN_NONE) {
        Subject s;
        if (subject_get(out[0], &s) < 0)
            return NULL;
        isbytes = s.isbytes;
        subject_release(&s);
    }
    tn_ssize_t n;
    TnSreCode *code = code_from_list(out[2], &n);
    if (code == NULL)
        return NULL;
    if (groups < 0 || groups > TN_SRE_MAXGROUPS || !tn_sre_validate(code, n, groups)) {
        tn_mem_free(code);
        return tn_err_format(&tn_exc_RuntimeError, "invalid SRE code");
    }
    PatternObject *p = (PatternObject *)tn_object_new(&pattern_type, sizeof(PatternObject));
    if (p == NULL) {
        tn_mem_free(code);
        return NULL;
    }
    p->code = code;
    p->codesize = n;
    p->pattern = tn_newref(out[0]);
    p->flags = flags;
    p->isbytes = isbytes;
    p->groups = groups;
    if (tn_dict_size(out[4]) > 0) {
        p->groupindex = tn_dict_copy(out[4]);
        p->indexgroup = tn_newref(out[5]);
        if (p->groupindex == NULL) {
            tn_decref(TN_OBJ(p));
            return NULL;
        }
    }
    return TN_OBJ(p);
}

/* The one int argument of the case helpers.  0 / -1. */
static int char_arg(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames, uint32_t *ch)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 1) < 0)
        return -1;
    int v;
    if (tn_number_as_c_int(args[0], &v) < 0)
        return -1;
    *ch = (uint32_t)v;
    return 0;
}

static TnObject *sre_ascii_iscased(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    uint32_t ch;
    if (char_arg("ascii_iscased", args, nargs, kwnames, &ch) < 0)
        return NULL;
    return tn_bool_from(tn_sre_ascii_iscased(ch));
}

static TnObject *sre_unicode_iscased(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    uint32_t ch;
    if (char_arg("unicode_iscased", args, nargs, kwnames, &ch) < 0)
        return NULL;
    return tn_bool_from(tn_sre_unicode_iscased(ch));
}

static TnObject *sre_ascii_tolower(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    uint32_t ch;
    if (char_arg("ascii_tolower", args, nargs, kwnames, &ch) < 0)
        return NULL;
    return tn_int_from_i64(tn_sre_lower_ascii(ch));
}

static TnObject *sre_unicode_tolower(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    uint32_t ch;
    if (char_arg("unicode_tolower", args, nargs, kwnames, &ch) < 0)
        return NULL;
    return tn_int_from_i64(tn_sre_lower_unicode(ch));
}

static TnObject *sre_getcodesize(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("getcodesize", kwnames) < 0 || tn_args_count("getcodesize", nargs, 0, 0) < 0)
        return NULL;
    return tn_int_from_i64(sizeof(TnSreCode));
}

static const TnMethodDef sre_functions[] = {
    {"compile", sre_compile, 0, NULL},
    {"getcodesize", sre_getcodesize, 0, NULL},
    {"ascii_iscased", sre_ascii_iscased, 0, NULL},
    {"unicode_iscased", sre_unicode_iscased, 0, NULL},
    {"ascii_tolower", sre_ascii_tolower, 0, NULL},
    {"unicode_tolower", sre_unicode_tolower, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_int(TnObject *m, const char *name, int64_t v)
{
    TnObject *o = tn_int_from_i64(v);
    int r = o != NULL ? tn_module_add_object(m, name, o) : -1;
    tn_xdecref(o);
    return r;
}

TnObject *tn_sre_module_create(void)
{
    if (tn_type_ready(&pattern_type) < 0 || tn_type_ready(&match_type) < 0 || tn_type_ready(&scanner_type) < 0 ||
        tn_builtins_iter_init_types() < 0)
        return NULL;
    TnObject *m = tn_module_new("_sre");
    if (m == NULL)
        return NULL;
    TnObject *copyright = tn_str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    if (tn_module_add_functions(m, sre_functions) < 0 || add_int(m, "MAGIC", TN_SRE_MAGIC) < 0 ||
        add_int(m, "CODESIZE", sizeof(TnSreCode)) < 0 || add_int(m, "MAXREPEAT", TN_SRE_MAXREPEAT) < 0 ||
        add_int(m, "MAXGROUPS", TN_SRE_MAXGROUPS) < 0 || copyright == NULL ||
        tn_module_add_object(m, "copyright", copyright) < 0) {
        tn_xdecref(copyright);
        tn_decref(m);
        return NULL;
    }
    tn_decref(copyright);
    return m;
}
