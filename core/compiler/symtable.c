/* core/compiler/symtable.c — the symbol table (see symtable.h).
 *
 * A line-by-line port of the algorithm of CPython 3.11's Python/symtable.c,
 * with CPython's error messages.  Sets and dicts of names are TnNameMaps.
 */
#include <stdio.h>
#include <string.h>
#include "core/tn.h"
#include "core/compiler/symtable.h"

#define SYMTABLE_RECURSION_LIMIT 3000

/* ==================================================================== */
/* Name maps                                                             */
/* ==================================================================== */

void tn_namemap_init(TnNameMap *m)
{
    memset(m, 0, sizeof(*m));
}

void tn_namemap_clear(TnNameMap *m)
{
    tn_mem_free(m->keys);
    tn_mem_free(m->values);
    tn_mem_free(m->index);
    tn_namemap_init(m);
}

static size_t name_hash(TnObject *name)
{
    return (size_t)tn_str_hash(name);
}

static bool name_eq(TnObject *a, TnObject *b)
{
    return a == b || tn_str_eq(a, b);
}

tn_ssize_t tn_namemap_find(const TnNameMap *m, TnObject *name)
{
    if (m->index == NULL) {
        for (tn_ssize_t i = 0; i < m->n; i++)
            if (name_eq(m->keys[i], name))
                return i;
        return -1;
    }
    size_t i = name_hash(name) & m->mask;
    for (;;) {
        tn_ssize_t slot = m->index[i];
        if (slot == 0)
            return -1;
        if (name_eq(m->keys[slot - 1], name))
            return slot - 1;
        i = (i + 1) & m->mask;
    }
}

int tn_namemap_get(const TnNameMap *m, TnObject *name)
{
    tn_ssize_t i = tn_namemap_find(m, name);
    return i < 0 ? 0 : m->values[i];
}

/* Rebuild the hash index for at least 2 * n entries (small maps use a
 * linear scan and have no index). */
static int namemap_reindex(TnNameMap *m, tn_ssize_t want)
{
    size_t size = 16;
    while (size < (size_t)want * 2)
        size *= 2;
    tn_ssize_t *index = tn_mem_calloc(size, sizeof(tn_ssize_t));
    if (index == NULL)
        return -1;
    tn_mem_free(m->index);
    m->index = index;
    m->mask = size - 1;
    for (tn_ssize_t k = 0; k < m->n; k++) {
        size_t i = name_hash(m->keys[k]) & m->mask;
        while (index[i] != 0)
            i = (i + 1) & m->mask;
        index[i] = k + 1;
    }
    return 0;
}

static int namemap_grow(TnNameMap *m)
{
    tn_ssize_t cap = m->cap ? m->cap * 2 : 8;
    size_t bytes;
    if (tn_mem_mul((size_t)cap, sizeof(TnObject *), &bytes))
        return -1;
    TnObject **keys = tn_mem_realloc(m->keys, bytes);
    if (keys == NULL)
        return -1;
    m->keys = keys;
    int *values = tn_mem_realloc(m->values, (size_t)cap * sizeof(int));
    if (values == NULL)
        return -1;
    m->values = values;
    m->cap = cap;
    return 0;
}

tn_ssize_t tn_namemap_set(TnNameMap *m, TnObject *name, int value)
{
    tn_ssize_t i = tn_namemap_find(m, name);
    if (i >= 0) {
        m->values[i] = value;
        return i;
    }
    if (m->n == m->cap && namemap_grow(m) < 0)
        goto nomem;
    m->keys[m->n] = name;
    m->values[m->n] = value;
    m->n++;
    if (m->n > 8 && (m->index == NULL || (size_t)m->n * 2 > m->mask)) {
        if (namemap_reindex(m, m->n * 2) < 0) {
            m->n--;
            goto nomem;
        }
    } else if (m->index != NULL) {
        size_t h = name_hash(name) & m->mask;
        while (m->index[h] != 0)
            h = (h + 1) & m->mask;
        m->index[h] = m->n;
    }
    return m->n - 1;
nomem:
    tn_err_no_memory();
    return -1;
}

int tn_namemap_discard(TnNameMap *m, TnObject *name)
{
    tn_ssize_t i = tn_namemap_find(m, name);
    if (i < 0)
        return 0;
    memmove(&m->keys[i], &m->keys[i + 1], (size_t)(m->n - i - 1) * sizeof(TnObject *));
    memmove(&m->values[i], &m->values[i + 1], (size_t)(m->n - i - 1) * sizeof(int));
    m->n--;
    if (m->index != NULL && namemap_reindex(m, m->n) < 0) {
        tn_err_no_memory();
        return -1;
    }
    return 0;
}

static bool set_contains(const TnNameMap *m, TnObject *name)
{
    return tn_namemap_find(m, name) >= 0;
}

static int set_add(TnNameMap *m, TnObject *name)
{
    return tn_namemap_set(m, name, 1) < 0 ? -1 : 0;
}

/* dst |= src (as sets). */
static int set_update(TnNameMap *dst, const TnNameMap *src)
{
    for (tn_ssize_t i = 0; i < src->n; i++)
        if (!set_contains(dst, src->keys[i]) && set_add(dst, src->keys[i]) < 0)
            return -1;
    return 0;
}

/* ==================================================================== */
/* Errors                                                                */
/* ==================================================================== */

/* Start of line `lineno` (1-based) in src, or NULL. */
static const char *find_line(const char *src, tn_ssize_t len, int lineno)
{
    const char *p = src, *end = src + len;
    for (int line = 1; line < lineno; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            return NULL;
        p = nl + 1;
    }
    return p <= end ? p : NULL;
}

/* Columns are passed as UTF-8 byte offset + 1, exactly as CPython's
 * compiler and symtable do (SyntaxError.offset counts bytes for these
 * errors, unlike the parser's); the text of the line is attached. */
void tn_compiler_syntax_error(const char *filename, const char *source, tn_ssize_t srclen,
                              TnAstLoc loc, const char *msg)
{
    char *text = NULL;
    if (source != NULL && loc.lineno > 0) {
        const char *end = source + srclen;
        const char *line = find_line(source, srclen, loc.lineno);
        if (line != NULL) {
            const char *nl = memchr(line, '\n', (size_t)(end - line));
            size_t n = nl ? (size_t)(nl - line) + 1 : (size_t)(end - line);
            text = tn_mem_alloc(n + 1);
            if (text != NULL) {
                memcpy(text, line, n);
                text[n] = '\0';
            }
        }
    }
    tn_err_syntax(&tn_exc_SyntaxError, msg, filename, loc.lineno, loc.col_offset + 1,
                  loc.end_lineno, loc.end_col_offset + 1, text);
    tn_mem_free(text);
}

/* Format msg with one name (%s = the name's UTF-8) and raise it at loc.
 * Returns -1. */
static int st_error(TnSymtable *st, TnAstLoc loc, const char *fmt, TnObject *name)
{
    char buf[512];
    const char *s = name ? tn_str_utf8(name, NULL) : "";
    if (s == NULL)
        return -1;
    snprintf(buf, sizeof(buf), fmt, s);
    tn_compiler_syntax_error(st->filename, st->source, st->srclen, loc, buf);
    return -1;
}

/* ==================================================================== */
/* Blocks                                                                */
/* ==================================================================== */

static int push_ptr(void ***arr, tn_ssize_t *n, tn_ssize_t *cap, void *p)
{
    if (*n == *cap) {
        tn_ssize_t ncap = *cap ? *cap * 2 : 8;
        void **na = tn_mem_realloc(*arr, (size_t)ncap * sizeof(void *));
        if (na == NULL) {
            tn_err_no_memory();
            return -1;
        }
        *arr = na;
        *cap = ncap;
    }
    (*arr)[(*n)++] = p;
    return 0;
}

static void entry_free(TnSymEntry *ste)
{
    tn_mem_free(ste->children);
    tn_namemap_clear(&ste->symbols);
    tn_namemap_clear(&ste->varnames);
    tn_namemap_clear(&ste->directives);
    tn_mem_free(ste->directive_locs);
    tn_mem_free(ste);
}

/* Open a block named name (borrowed or immortal) for AST node key. */
static int enter_block(TnSymtable *st, TnObject *name, TnBlockType type, const void *key,
                       TnAstLoc loc)
{
    TnSymEntry *ste = tn_mem_calloc(1, sizeof(TnSymEntry));
    if (ste == NULL) {
        tn_err_no_memory();
        return -1;
    }
    if (push_ptr((void ***)&st->all, &st->nall, &st->capall, ste) < 0) {
        tn_mem_free(ste);
        return -1;
    }
    ste->type = type;
    ste->name = name;
    ste->key = key;
    ste->loc = loc;
    if (st->cur != NULL) {
        if (st->cur->nested || st->cur->type == TN_BLOCK_FUNCTION)
            ste->nested = 1;
        TnSymEntry *parent = st->cur;
        if (push_ptr((void ***)&parent->children, &parent->nchildren, &parent->capchildren, ste) < 0)
            return -1;
        if (push_ptr((void ***)&st->stack, &st->nstack, &st->capstack, parent) < 0)
            return -1;
    }
    st->cur = ste;
    if (st->top == NULL)
        st->top = ste;
    return 0;
}

static void exit_block(TnSymtable *st)
{
    st->cur = st->nstack > 0 ? st->stack[--st->nstack] : NULL;
}

TnObject *tn_symtable_mangle(TnObject *private_name, TnObject *name)
{
    if (private_name == NULL || !tn_str_check(name))
        return name;
    tn_ssize_t n = tn_str_length(name);
    if (n < 2 || tn_str_read(name, 0) != '_' || tn_str_read(name, 1) != '_')
        return name;
    /* Don't mangle __id__ or names with dots. */
    if (tn_str_read(name, n - 1) == '_' && tn_str_read(name, n - 2) == '_')
        return name;
    for (tn_ssize_t i = 0; i < n; i++)
        if (tn_str_read(name, i) == '.')
            return name;
    /* Strip the leading underscores of the class name; all underscores: no mangling. */
    tn_ssize_t plen = tn_str_length(private_name), k = 0;
    while (k < plen && tn_str_read(private_name, k) == '_')
        k++;
    if (k == plen)
        return name;
    TnObject *stripped = tn_str_substring(private_name, k, plen);
    if (stripped == NULL)
        return NULL;
    TnObject *mangled = tn_str_from_format("_%U%U", stripped, name);
    tn_decref(stripped);
    return mangled != NULL ? tn_str_intern_steal(mangled) : NULL;
}

static TnObject *mangle(TnSymtable *st, TnObject *name)
{
    return tn_symtable_mangle(st->private_name, name);
}

/* Record a global/nonlocal directive's location for later errors. */
static int record_directive(TnSymtable *st, TnObject *name, TnAstLoc loc)
{
    TnSymEntry *ste = st->cur;
    if ((name = mangle(st, name)) == NULL)
        return -1;
    if (tn_namemap_find(&ste->directives, name) >= 0)
        return 0;
    if (ste->ndirectives == ste->capdirectives) {
        tn_ssize_t cap = ste->capdirectives ? ste->capdirectives * 2 : 4;
        TnAstLoc *locs = tn_mem_realloc(ste->directive_locs, (size_t)cap * sizeof(TnAstLoc));
        if (locs == NULL) {
            tn_err_no_memory();
            return -1;
        }
        ste->directive_locs = locs;
        ste->capdirectives = cap;
    }
    ste->directive_locs[ste->ndirectives] = loc;
    if (tn_namemap_set(&ste->directives, name, (int)ste->ndirectives) < 0)
        return -1;
    ste->ndirectives++;
    return 0;
}

static int add_def_helper(TnSymtable *st, TnObject *name, int flag, TnSymEntry *ste,
                          TnAstLoc loc)
{
    TnObject *plain = name;
    if ((name = mangle(st, name)) == NULL)
        return -1;
    int val = tn_namemap_get(&ste->symbols, name);
    if (val != 0) {
        if ((flag & TN_DEF_PARAM) && (val & TN_DEF_PARAM))
            return st_error(st, loc, "duplicate argument '%s' in function definition", plain);
        val |= flag;
    } else {
        val = flag;
    }
    if (ste->comp_iter_target) {
        if (val & (TN_DEF_GLOBAL | TN_DEF_NONLOCAL))
            return st_error(st, loc, "comprehension inner loop cannot rebind assignment "
                            "expression target '%s'", plain);
        val |= TN_DEF_COMP_ITER;
    }
    if (tn_namemap_set(&ste->symbols, name, val) < 0)
        return -1;
    if (flag & TN_DEF_PARAM) {
        if (tn_namemap_set(&ste->varnames, name, (int)ste->varnames.n) < 0)
            return -1;
    } else if (flag & TN_DEF_GLOBAL) {
        int g = flag | tn_namemap_get(&st->top->symbols, name);
        if (tn_namemap_set(&st->top->symbols, name, g) < 0)
            return -1;
    }
    return 0;
}

static int add_def(TnSymtable *st, TnObject *name, int flag, TnAstLoc loc)
{
    return add_def_helper(st, name, flag, st->cur, loc);
}

/* ==================================================================== */
/* First pass: the visitor                                               */
/* ==================================================================== */

static int visit_stmt(TnSymtable *st, TnStmt *s);
static int visit_expr(TnSymtable *st, TnExpr *e);

static int visit_stmts(TnSymtable *st, TnAstSeq *seq)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(seq); i++)
        if (visit_stmt(st, TN_SEQ_GET(seq, i)) < 0)
            return -1;
    return 0;
}

/* Visit a sequence of expressions; NULL items are skipped. */
static int visit_exprs(TnSymtable *st, TnAstSeq *seq)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(seq); i++) {
        TnExpr *e = TN_SEQ_GET(seq, i);
        if (e != NULL && visit_expr(st, e) < 0)
            return -1;
    }
    return 0;
}

static int visit_opt_expr(TnSymtable *st, TnExpr *e)
{
    return e ? visit_expr(st, e) : 0;
}

static int visit_params(TnSymtable *st, TnAstSeq *args)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(args); i++) {
        TnArg *a = TN_SEQ_GET(args, i);
        if (add_def(st, a->arg, TN_DEF_PARAM, a->loc) < 0)
            return -1;
    }
    return 0;
}

static int visit_arguments(TnSymtable *st, TnArguments *a)
{
    if (a == NULL)
        return 0;
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0
        || visit_params(st, a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (add_def(st, a->vararg->arg, TN_DEF_PARAM, a->vararg->loc) < 0)
            return -1;
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(st, a->kwarg->arg, TN_DEF_PARAM, a->kwarg->loc) < 0)
            return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

/* An annotation.  Under the annotations future it is never evaluated, and
 * (as in CPython's annotation blocks) yield, await and := are errors. */
static int visit_annotation(TnSymtable *st, TnExpr *e)
{
    if (e == NULL)
        return 0;
    if (st->future_annotations)
        st->in_annotation++;
    int r = visit_expr(st, e);
    if (st->future_annotations)
        st->in_annotation--;
    return r;
}

static int raise_if_annotation(TnSymtable *st, TnExpr *e, const char *what)
{
    if (st->in_annotation == 0)
        return 0;
    char buf[96];
    snprintf(buf, sizeof(buf), "'%s' can not be used within an annotation", what);
    tn_compiler_syntax_error(st->filename, st->source, st->srclen, e->loc, buf);
    return -1;
}

static int visit_arg_annotations(TnSymtable *st, TnAstSeq *args)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(args); i++) {
        TnArg *a = TN_SEQ_GET(args, i);
        if (visit_annotation(st, a->annotation) < 0)
            return -1;
    }
    return 0;
}

/* Annotations are evaluated in the enclosing scope. */
static int visit_annotations(TnSymtable *st, TnArguments *a, TnExpr *returns)
{
    if (a != NULL) {
        if (visit_arg_annotations(st, a->posonlyargs) < 0 || visit_arg_annotations(st, a->args) < 0)
            return -1;
        if (a->vararg && visit_annotation(st, a->vararg->annotation) < 0)
            return -1;
        if (a->kwarg && visit_annotation(st, a->kwarg->annotation) < 0)
            return -1;
        if (visit_arg_annotations(st, a->kwonlyargs) < 0)
            return -1;
    }
    return visit_annotation(st, returns);
}

static int visit_defaults(TnSymtable *st, TnArguments *a)
{
    if (a == NULL)
        return 0;
    if (visit_exprs(st, a->defaults) < 0)
        return -1;
    return visit_exprs(st, a->kw_defaults);
}

static int visit_function(TnSymtable *st, TnStmt *s)
{
    if (add_def(st, s->v.functiondef.name, TN_DEF_LOCAL, s->loc) < 0)
        return -1;
    if (visit_defaults(st, s->v.functiondef.args) < 0)
        return -1;
    if (visit_annotations(st, s->v.functiondef.args, s->v.functiondef.returns) < 0)
        return -1;
    if (visit_exprs(st, s->v.functiondef.decorator_list) < 0)
        return -1;
    if (enter_block(st, s->v.functiondef.name, TN_BLOCK_FUNCTION, s, s->loc) < 0)
        return -1;
    if (s->kind == TN_STMT_ASYNCFUNCTIONDEF)
        st->cur->coroutine = 1;
    if (visit_arguments(st, s->v.functiondef.args) < 0)
        return -1;
    if (visit_stmts(st, s->v.functiondef.body) < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_class(TnSymtable *st, TnStmt *s)
{
    if (add_def(st, s->v.classdef.name, TN_DEF_LOCAL, s->loc) < 0)
        return -1;
    if (visit_exprs(st, s->v.classdef.bases) < 0)
        return -1;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.classdef.keywords); i++) {
        TnKeyword *kw = TN_SEQ_GET(s->v.classdef.keywords, i);
        if (visit_expr(st, kw->value) < 0)
            return -1;
    }
    if (visit_exprs(st, s->v.classdef.decorator_list) < 0)
        return -1;
    if (enter_block(st, s->v.classdef.name, TN_BLOCK_CLASS, s, s->loc) < 0)
        return -1;
    TnObject *saved_private = st->private_name;
    st->private_name = s->v.classdef.name;
    int r = visit_stmts(st, s->v.classdef.body);
    st->private_name = saved_private;
    if (r < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_annassign(TnSymtable *st, TnStmt *s)
{
    TnExpr *target = s->v.annassign.target;
    if (target->kind == TN_EXPR_NAME) {
        TnObject *name = target->v.name.id;
        TnObject *mangled = mangle(st, name);
        if (mangled == NULL)
            return -1;
        int cur = tn_namemap_get(&st->cur->symbols, mangled);
        if ((cur & (TN_DEF_GLOBAL | TN_DEF_NONLOCAL)) && st->cur != st->top
            && s->v.annassign.simple)
            return st_error(st, s->loc, (cur & TN_DEF_GLOBAL)
                            ? "annotated name '%s' can't be global"
                            : "annotated name '%s' can't be nonlocal", name);
        if (s->v.annassign.simple) {
            if (add_def(st, name, TN_DEF_ANNOT | TN_DEF_LOCAL, target->loc) < 0)
                return -1;
        } else if (s->v.annassign.value && add_def(st, name, TN_DEF_LOCAL, target->loc) < 0) {
            return -1;
        }
    } else if (visit_expr(st, target) < 0) {
        return -1;
    }
    if (visit_annotation(st, s->v.annassign.annotation) < 0)
        return -1;
    return visit_opt_expr(st, s->v.annassign.value);
}

/* global / nonlocal statements. */
static int visit_declaration(TnSymtable *st, TnStmt *s, bool global)
{
    TnAstSeq *names = global ? s->v.global.names : s->v.nonlocal.names;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(names); i++) {
        TnObject *name = TN_SEQ_GET(names, i);
        TnObject *mangled = mangle(st, name);
        if (mangled == NULL)
            return -1;
        int cur = tn_namemap_get(&st->cur->symbols, mangled);
        if (cur & (TN_DEF_PARAM | TN_DEF_LOCAL | TN_DEF_USE | TN_DEF_ANNOT)) {
            const char *msg;
            if (cur & TN_DEF_PARAM)
                msg = global ? "name '%s' is parameter and global"
                             : "name '%s' is parameter and nonlocal";
            else if (cur & TN_DEF_USE)
                msg = global ? "name '%s' is used prior to global declaration"
                             : "name '%s' is used prior to nonlocal declaration";
            else if (cur & TN_DEF_ANNOT)
                msg = global ? "annotated name '%s' can't be global"
                             : "annotated name '%s' can't be nonlocal";
            else
                msg = global ? "name '%s' is assigned to before global declaration"
                             : "name '%s' is assigned to before nonlocal declaration";
            return st_error(st, s->loc, msg, name);
        }
        if (add_def(st, name, global ? TN_DEF_GLOBAL : TN_DEF_NONLOCAL, s->loc) < 0)
            return -1;
        if (record_directive(st, name, s->loc) < 0)
            return -1;
    }
    return 0;
}

/* The name an import binds: asname, or the first component of a dotted name. */
static int visit_alias(TnSymtable *st, TnAlias *a)
{
    TnObject *name = a->asname ? a->asname : a->name;
    TnObject *store = name;
    TnObject *owned = NULL;
    tn_ssize_t len = tn_str_length(name);
    for (tn_ssize_t i = 0; i < len; i++) {
        if (tn_str_read(name, i) == '.') {
            owned = tn_str_substring(name, 0, i);
            if (owned == NULL)
                return -1;
            store = tn_str_intern_steal(owned);
            owned = NULL;
            if (store == NULL)
                return -1;
            break;
        }
    }
    if (tn_str_eq_cstr(name, "*")) {
        if (st->cur->type != TN_BLOCK_MODULE)
            return st_error(st, a->loc, "import * only allowed at module level", NULL);
        return 0;
    }
    return add_def(st, store, TN_DEF_IMPORT, a->loc);
}

static int visit_pattern(TnSymtable *st, TnPattern *p);

static int visit_patterns(TnSymtable *st, TnAstSeq *seq)
{
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(seq); i++)
        if (visit_pattern(st, TN_SEQ_GET(seq, i)) < 0)
            return -1;
    return 0;
}

static int visit_pattern(TnSymtable *st, TnPattern *p)
{
    switch (p->kind) {
    case TN_PAT_VALUE:
        return visit_expr(st, p->v.value.value);
    case TN_PAT_SINGLETON:
        return 0;
    case TN_PAT_SEQUENCE:
        return visit_patterns(st, p->v.sequence.patterns);
    case TN_PAT_STAR:
        return p->v.star.name ? add_def(st, p->v.star.name, TN_DEF_LOCAL, p->loc) : 0;
    case TN_PAT_MAPPING:
        if (visit_exprs(st, p->v.mapping.keys) < 0 || visit_patterns(st, p->v.mapping.patterns) < 0)
            return -1;
        return p->v.mapping.rest ? add_def(st, p->v.mapping.rest, TN_DEF_LOCAL, p->loc) : 0;
    case TN_PAT_CLASS:
        if (visit_expr(st, p->v.class_.cls) < 0 || visit_patterns(st, p->v.class_.patterns) < 0)
            return -1;
        return visit_patterns(st, p->v.class_.kwd_patterns);
    case TN_PAT_AS:
        if (p->v.as.pattern && visit_pattern(st, p->v.as.pattern) < 0)
            return -1;
        return p->v.as.name ? add_def(st, p->v.as.name, TN_DEF_LOCAL, p->loc) : 0;
    case TN_PAT_OR:
        return visit_patterns(st, p->v.or_.patterns);
    }
    return 0;
}

static int visit_try(TnSymtable *st, TnStmt *s)
{
    if (visit_stmts(st, s->v.try_.body) < 0 || visit_stmts(st, s->v.try_.orelse) < 0)
        return -1;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.try_.handlers); i++) {
        TnExceptHandler *h = TN_SEQ_GET(s->v.try_.handlers, i);
        if (visit_opt_expr(st, h->type) < 0)
            return -1;
        if (h->name && add_def(st, h->name, TN_DEF_LOCAL, h->loc) < 0)
            return -1;
        if (visit_stmts(st, h->body) < 0)
            return -1;
    }
    return visit_stmts(st, s->v.try_.finalbody);
}

static int visit_stmt_inner(TnSymtable *st, TnStmt *s)
{
    switch (s->kind) {
    case TN_STMT_FUNCTIONDEF:
    case TN_STMT_ASYNCFUNCTIONDEF:
        return visit_function(st, s);
    case TN_STMT_CLASSDEF:
        return visit_class(st, s);
    case TN_STMT_RETURN:
        if (s->v.return_.value) {
            if (visit_expr(st, s->v.return_.value) < 0)
                return -1;
            st->cur->returns_value = 1;
        }
        return 0;
    case TN_STMT_DELETE:
        return visit_exprs(st, s->v.delete_.targets);
    case TN_STMT_ASSIGN:
        if (visit_exprs(st, s->v.assign.targets) < 0)
            return -1;
        return visit_expr(st, s->v.assign.value);
    case TN_STMT_AUGASSIGN:
        if (visit_expr(st, s->v.augassign.target) < 0)
            return -1;
        return visit_expr(st, s->v.augassign.value);
    case TN_STMT_ANNASSIGN:
        return visit_annassign(st, s);
    case TN_STMT_FOR:
    case TN_STMT_ASYNCFOR:
        if (visit_expr(st, s->v.for_.target) < 0 || visit_expr(st, s->v.for_.iter) < 0)
            return -1;
        if (visit_stmts(st, s->v.for_.body) < 0)
            return -1;
        return visit_stmts(st, s->v.for_.orelse);
    case TN_STMT_WHILE:
        if (visit_expr(st, s->v.while_.test) < 0 || visit_stmts(st, s->v.while_.body) < 0)
            return -1;
        return visit_stmts(st, s->v.while_.orelse);
    case TN_STMT_IF:
        if (visit_expr(st, s->v.if_.test) < 0 || visit_stmts(st, s->v.if_.body) < 0)
            return -1;
        return visit_stmts(st, s->v.if_.orelse);
    case TN_STMT_WITH:
    case TN_STMT_ASYNCWITH:
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.with.items); i++) {
            TnWithItem *item = TN_SEQ_GET(s->v.with.items, i);
            if (visit_expr(st, item->context_expr) < 0 || visit_opt_expr(st, item->optional_vars) < 0)
                return -1;
        }
        return visit_stmts(st, s->v.with.body);
    case TN_STMT_MATCH:
        if (visit_expr(st, s->v.match.subject) < 0)
            return -1;
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.match.cases); i++) {
            TnMatchCase *mc = TN_SEQ_GET(s->v.match.cases, i);
            if (visit_pattern(st, mc->pattern) < 0 || visit_opt_expr(st, mc->guard) < 0)
                return -1;
            if (visit_stmts(st, mc->body) < 0)
                return -1;
        }
        return 0;
    case TN_STMT_RAISE:
        if (visit_opt_expr(st, s->v.raise.exc) < 0)
            return -1;
        return visit_opt_expr(st, s->v.raise.cause);
    case TN_STMT_TRY:
    case TN_STMT_TRYSTAR:
        return visit_try(st, s);
    case TN_STMT_ASSERT:
        if (visit_expr(st, s->v.assert_.test) < 0)
            return -1;
        return visit_opt_expr(st, s->v.assert_.msg);
    case TN_STMT_IMPORT:
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.import.names); i++)
            if (visit_alias(st, TN_SEQ_GET(s->v.import.names, i)) < 0)
                return -1;
        return 0;
    case TN_STMT_IMPORTFROM:
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(s->v.importfrom.names); i++)
            if (visit_alias(st, TN_SEQ_GET(s->v.importfrom.names, i)) < 0)
                return -1;
        return 0;
    case TN_STMT_GLOBAL:
        return visit_declaration(st, s, true);
    case TN_STMT_NONLOCAL:
        return visit_declaration(st, s, false);
    case TN_STMT_EXPR:
        return visit_expr(st, s->v.expr.value);
    case TN_STMT_PASS:
    case TN_STMT_BREAK:
    case TN_STMT_CONTINUE:
        return 0;
    }
    return 0;
}

static int enter_recursion(TnSymtable *st)
{
    if (++st->recursion > SYMTABLE_RECURSION_LIMIT) {
        tn_err_set_str(&tn_exc_RecursionError,
                       "maximum recursion depth exceeded during compilation");
        return -1;
    }
    /* The depth limit assumes a main-thread stack; threads may have less. */
    if (tn_check_c_stack(" during compilation") < 0) {
        st->recursion--;
        return -1;
    }
    return 0;
}

static int visit_stmt(TnSymtable *st, TnStmt *s)
{
    if (enter_recursion(st) < 0)
        return -1;
    int r = visit_stmt_inner(st, s);
    st->recursion--;
    return r;
}

/* ---- comprehensions and the walrus -------------------------------- */

static TnObject *comp_block_name(TnExprKind kind)
{
    switch (kind) {
    case TN_EXPR_LISTCOMP: return tn_str_intern_cstr("listcomp");
    case TN_EXPR_SETCOMP: return tn_str_intern_cstr("setcomp");
    case TN_EXPR_DICTCOMP: return tn_str_intern_cstr("dictcomp");
    default: return tn_str_intern_cstr("genexpr");
    }
}

static TnCompKind comp_kind(TnExprKind kind)
{
    switch (kind) {
    case TN_EXPR_LISTCOMP: return TN_COMP_LIST;
    case TN_EXPR_SETCOMP: return TN_COMP_SET;
    case TN_EXPR_DICTCOMP: return TN_COMP_DICT;
    default: return TN_COMP_GENEXP;
    }
}

/* Later generators of a comprehension, visited inside its scope. */
static int visit_comprehension(TnSymtable *st, TnComprehension *lc)
{
    st->cur->comp_iter_target = 1;
    int r = visit_expr(st, lc->target);
    st->cur->comp_iter_target = 0;
    if (r < 0)
        return -1;
    st->cur->comp_iter_expr++;
    r = visit_expr(st, lc->iter);
    st->cur->comp_iter_expr--;
    if (r < 0)
        return -1;
    if (visit_exprs(st, lc->ifs) < 0)
        return -1;
    if (lc->is_async)
        st->cur->coroutine = 1;
    return 0;
}

static int handle_comprehension(TnSymtable *st, TnExpr *e, TnAstSeq *generators,
                                TnExpr *elt, TnExpr *value)
{
    bool is_generator = e->kind == TN_EXPR_GENERATOREXP;
    TnComprehension *outermost = TN_SEQ_GET(generators, 0);
    /* The outermost iterable is evaluated in the enclosing scope. */
    st->cur->comp_iter_expr++;
    int r = visit_expr(st, outermost->iter);
    st->cur->comp_iter_expr--;
    if (r < 0)
        return -1;
    TnObject *name = comp_block_name(e->kind);
    if (name == NULL || enter_block(st, name, TN_BLOCK_FUNCTION, e, e->loc) < 0)
        return -1;
    st->cur->comprehension = comp_kind(e->kind);
    if (outermost->is_async)
        st->cur->coroutine = 1;
    /* The outermost iterator is received as the implicit argument ".0". */
    TnObject *dot0 = tn_str_intern_cstr(".0");
    if (dot0 == NULL || add_def(st, dot0, TN_DEF_PARAM, e->loc) < 0)
        return -1;
    st->cur->comp_iter_target = 1;
    r = visit_expr(st, outermost->target);
    st->cur->comp_iter_target = 0;
    if (r < 0)
        return -1;
    if (visit_exprs(st, outermost->ifs) < 0)
        return -1;
    for (tn_ssize_t i = 1; i < tn_ast_seq_len(generators); i++)
        if (visit_comprehension(st, TN_SEQ_GET(generators, i)) < 0)
            return -1;
    if (value && visit_expr(st, value) < 0)
        return -1;
    if (visit_expr(st, elt) < 0)
        return -1;
    st->cur->generator = is_generator;
    bool is_async = st->cur->coroutine && !is_generator;
    exit_block(st);
    if (is_async)
        st->cur->coroutine = 1;
    return 0;
}

/* A walrus inside a comprehension binds in the nearest enclosing function
 * (or module) scope: declare it there and make it nonlocal/global here. */
static int extend_namedexpr_scope(TnSymtable *st, TnExpr *e)
{
    TnObject *target = e->v.name.id;
    for (tn_ssize_t i = st->nstack; i >= 0; i--) {
        TnSymEntry *ste = i == st->nstack ? st->cur : st->stack[i];
        if (ste->comprehension) {
            if (tn_namemap_get(&ste->symbols, target) & TN_DEF_COMP_ITER)
                return st_error(st, e->loc, "assignment expression cannot rebind "
                                "comprehension iteration variable '%s'", target);
            continue;
        }
        if (ste->type == TN_BLOCK_FUNCTION) {
            int in_scope = tn_namemap_get(&ste->symbols, target);
            int flag = (in_scope & TN_DEF_GLOBAL) ? TN_DEF_GLOBAL : TN_DEF_NONLOCAL;
            if (add_def(st, target, flag, e->loc) < 0 || record_directive(st, target, e->loc) < 0)
                return -1;
            return add_def_helper(st, target, TN_DEF_LOCAL, ste, e->loc);
        }
        if (ste->type == TN_BLOCK_MODULE) {
            if (add_def(st, target, TN_DEF_GLOBAL, e->loc) < 0
                || record_directive(st, target, e->loc) < 0)
                return -1;
            return add_def_helper(st, target, TN_DEF_GLOBAL, ste, e->loc);
        }
        if (ste->type == TN_BLOCK_CLASS)
            return st_error(st, e->loc, "assignment expression within a comprehension "
                            "cannot be used in a class body", NULL);
    }
    tn_err_bad_internal_call("extend_namedexpr_scope");
    return -1;
}

static int handle_namedexpr(TnSymtable *st, TnExpr *e)
{
    if (st->cur->comp_iter_expr > 0)
        return st_error(st, e->loc, "assignment expression cannot be used in a "
                        "comprehension iterable expression", NULL);
    if (st->cur->comprehension && e->v.namedexpr.target->kind == TN_EXPR_NAME
        && extend_namedexpr_scope(st, e->v.namedexpr.target) < 0)
        return -1;
    if (visit_expr(st, e->v.namedexpr.value) < 0)
        return -1;
    return visit_expr(st, e->v.namedexpr.target);
}

static int raise_if_comprehension(TnSymtable *st, TnExpr *e)
{
    static const char *const what[] = {
        [TN_COMP_LIST] = "'%s' inside list comprehension",
        [TN_COMP_SET] = "'%s' inside set comprehension",
        [TN_COMP_DICT] = "'%s' inside dict comprehension",
        [TN_COMP_GENEXP] = "'%s' inside generator expression",
    };
    TnCompKind k = st->cur->comprehension;
    if (k == TN_COMP_NONE)
        return 0;
    char buf[64];
    snprintf(buf, sizeof(buf), what[k], e->kind == TN_EXPR_AWAIT ? "await" : "yield");
    tn_compiler_syntax_error(st->filename, st->source, st->srclen, e->loc, buf);
    return -1;
}

static int visit_lambda(TnSymtable *st, TnExpr *e)
{
    if (visit_defaults(st, e->v.lambda.args) < 0)
        return -1;
    TnObject *name = tn_str_intern_cstr("lambda");
    if (name == NULL || enter_block(st, name, TN_BLOCK_FUNCTION, e, e->loc) < 0)
        return -1;
    int saved = st->in_annotation;   /* the lambda's body is its own scope */
    st->in_annotation = 0;
    int r = visit_arguments(st, e->v.lambda.args) < 0 || visit_expr(st, e->v.lambda.body) < 0 ? -1 : 0;
    st->in_annotation = saved;
    if (r < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_name(TnSymtable *st, TnExpr *e)
{
    bool load = e->v.name.ctx == TN_CTX_LOAD;
    if (add_def(st, e->v.name.id, load ? TN_DEF_USE : TN_DEF_LOCAL, e->loc) < 0)
        return -1;
    /* super() needs the implicit __class__ cell of the enclosing class. */
    if (load && st->cur->type == TN_BLOCK_FUNCTION && tn_str_eq_cstr(e->v.name.id, "super")) {
        TnObject *cls = tn_str_intern_cstr("__class__");
        if (cls == NULL || add_def(st, cls, TN_DEF_USE, e->loc) < 0)
            return -1;
    }
    return 0;
}

static int visit_call(TnSymtable *st, TnExpr *e)
{
    if (visit_expr(st, e->v.call.func) < 0 || visit_exprs(st, e->v.call.args) < 0)
        return -1;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(e->v.call.keywords); i++) {
        TnKeyword *kw = TN_SEQ_GET(e->v.call.keywords, i);
        if (visit_expr(st, kw->value) < 0)
            return -1;
    }
    return 0;
}

static int visit_expr_inner(TnSymtable *st, TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_NAMEDEXPR:
        if (raise_if_annotation(st, e, "named expression") < 0)
            return -1;
        return handle_namedexpr(st, e);
    case TN_EXPR_BOOLOP:
        return visit_exprs(st, e->v.boolop.values);
    case TN_EXPR_BINOP:
        if (visit_expr(st, e->v.binop.left) < 0)
            return -1;
        return visit_expr(st, e->v.binop.right);
    case TN_EXPR_UNARYOP:
        return visit_expr(st, e->v.unaryop.operand);
    case TN_EXPR_LAMBDA:
        return visit_lambda(st, e);
    case TN_EXPR_IFEXP:
        if (visit_expr(st, e->v.ifexp.test) < 0 || visit_expr(st, e->v.ifexp.body) < 0)
            return -1;
        return visit_expr(st, e->v.ifexp.orelse);
    case TN_EXPR_DICT:
        if (visit_exprs(st, e->v.dict.keys) < 0)
            return -1;
        return visit_exprs(st, e->v.dict.values);
    case TN_EXPR_SET:
        return visit_exprs(st, e->v.set.elts);
    case TN_EXPR_GENERATOREXP:
    case TN_EXPR_LISTCOMP:
    case TN_EXPR_SETCOMP:
        return handle_comprehension(st, e, e->v.comp.generators, e->v.comp.elt, NULL);
    case TN_EXPR_DICTCOMP:
        return handle_comprehension(st, e, e->v.dictcomp.generators, e->v.dictcomp.key,
                                    e->v.dictcomp.value);
    case TN_EXPR_YIELD:
        if (raise_if_annotation(st, e, "yield expression") < 0)
            return -1;
        if (visit_opt_expr(st, e->v.yield.value) < 0)
            return -1;
        st->cur->generator = 1;
        return raise_if_comprehension(st, e);
    case TN_EXPR_YIELDFROM:
        if (raise_if_annotation(st, e, "yield expression") < 0)
            return -1;
        if (visit_expr(st, e->v.yieldfrom.value) < 0)
            return -1;
        st->cur->generator = 1;
        return raise_if_comprehension(st, e);
    case TN_EXPR_AWAIT:
        if (raise_if_annotation(st, e, "await expression") < 0)
            return -1;
        if (visit_expr(st, e->v.await_.value) < 0)
            return -1;
        st->cur->coroutine = 1;
        return 0;
    case TN_EXPR_COMPARE:
        if (visit_expr(st, e->v.compare.left) < 0)
            return -1;
        return visit_exprs(st, e->v.compare.comparators);
    case TN_EXPR_CALL:
        return visit_call(st, e);
    case TN_EXPR_FORMATTEDVALUE:
        if (visit_expr(st, e->v.formattedvalue.value) < 0)
            return -1;
        return visit_opt_expr(st, e->v.formattedvalue.format_spec);
    case TN_EXPR_JOINEDSTR:
        return visit_exprs(st, e->v.joinedstr.values);
    case TN_EXPR_CONSTANT:
        return 0;
    case TN_EXPR_ATTRIBUTE:
        return visit_expr(st, e->v.attribute.value);
    case TN_EXPR_SUBSCRIPT:
        if (visit_expr(st, e->v.subscript.value) < 0)
            return -1;
        return visit_expr(st, e->v.subscript.slice);
    case TN_EXPR_STARRED:
        return visit_expr(st, e->v.starred.value);
    case TN_EXPR_SLICE:
        if (visit_opt_expr(st, e->v.slice.lower) < 0 || visit_opt_expr(st, e->v.slice.upper) < 0)
            return -1;
        return visit_opt_expr(st, e->v.slice.step);
    case TN_EXPR_NAME:
        return visit_name(st, e);
    case TN_EXPR_LIST:
        return visit_exprs(st, e->v.list.elts);
    case TN_EXPR_TUPLE:
        return visit_exprs(st, e->v.tuple.elts);
    }
    return 0;
}

static int visit_expr(TnSymtable *st, TnExpr *e)
{
    if (enter_recursion(st) < 0)
        return -1;
    int r = visit_expr_inner(st, e);
    st->recursion--;
    return r;
}

/* ==================================================================== */
/* Second pass: analysis                                                 */
/* ==================================================================== */

static int error_at_directive(TnSymtable *st, TnSymEntry *ste, TnObject *name, const char *fmt)
{
    tn_ssize_t i = tn_namemap_find(&ste->directives, name);
    TnAstLoc loc = ste->loc;
    if (i >= 0)
        loc = ste->directive_locs[ste->directives.values[i]];
    return st_error(st, loc, fmt, name);
}

/* Decide the scope of one name of ste (CPython's analyze_name). */
static int analyze_name(TnSymtable *st, TnSymEntry *ste, TnNameMap *scopes, TnObject *name,
                        int flags, TnNameMap *bound, TnNameMap *local, TnNameMap *free,
                        TnNameMap *global)
{
    if (flags & TN_DEF_GLOBAL) {
        if (flags & TN_DEF_NONLOCAL)
            return error_at_directive(st, ste, name, "name '%s' is nonlocal and global");
        if (tn_namemap_set(scopes, name, TN_SCOPE_GLOBAL_EXPLICIT) < 0 || set_add(global, name) < 0)
            return -1;
        return bound ? tn_namemap_discard(bound, name) : 0;
    }
    if (flags & TN_DEF_NONLOCAL) {
        if (bound == NULL)
            return error_at_directive(st, ste, name,
                                      "nonlocal declaration not allowed at module level");
        if (!set_contains(bound, name))
            return error_at_directive(st, ste, name, "no binding for nonlocal '%s' found");
        if (tn_namemap_set(scopes, name, TN_SCOPE_FREE) < 0)
            return -1;
        ste->free = 1;
        return set_add(free, name);
    }
    if (flags & TN_DEF_BOUND) {
        if (tn_namemap_set(scopes, name, TN_SCOPE_LOCAL) < 0 || set_add(local, name) < 0)
            return -1;
        return tn_namemap_discard(global, name);
    }
    /* Bound in an enclosing function: free here. */
    if (bound && set_contains(bound, name)) {
        if (tn_namemap_set(scopes, name, TN_SCOPE_FREE) < 0)
            return -1;
        ste->free = 1;
        return set_add(free, name);
    }
    if (global && set_contains(global, name))
        return tn_namemap_set(scopes, name, TN_SCOPE_GLOBAL_IMPLICIT) < 0 ? -1 : 0;
    if (ste->nested)
        ste->free = 1;
    return tn_namemap_set(scopes, name, TN_SCOPE_GLOBAL_IMPLICIT) < 0 ? -1 : 0;
}

/* Locals used free by nested blocks become cells. */
static int analyze_cells(TnNameMap *scopes, TnNameMap *free)
{
    for (tn_ssize_t i = 0; i < scopes->n; i++) {
        if (scopes->values[i] != TN_SCOPE_LOCAL || !set_contains(free, scopes->keys[i]))
            continue;
        scopes->values[i] = TN_SCOPE_CELL;
        if (tn_namemap_discard(free, scopes->keys[i]) < 0)
            return -1;
    }
    return 0;
}

static int drop_class_free(TnSymEntry *ste, TnNameMap *free)
{
    TnObject *cls = tn_str_intern_cstr("__class__");
    if (cls == NULL)
        return -1;
    if (set_contains(free, cls)) {
        ste->needs_class_closure = 1;
        return tn_namemap_discard(free, cls);
    }
    return 0;
}

/* Store the scopes into the symbols and record free names of children. */
static int update_symbols(TnNameMap *symbols, TnNameMap *scopes, TnNameMap *bound,
                          TnNameMap *free, bool classflag)
{
    for (tn_ssize_t i = 0; i < symbols->n; i++) {
        int scope = tn_namemap_get(scopes, symbols->keys[i]);
        symbols->values[i] |= scope << TN_SCOPE_SHIFT;
    }
    for (tn_ssize_t i = 0; i < free->n; i++) {
        TnObject *name = free->keys[i];
        tn_ssize_t pos = tn_namemap_find(symbols, name);
        if (pos >= 0) {
            /* A method's free variable with the name of a class-level binding. */
            if (classflag && (symbols->values[pos] & (TN_DEF_BOUND | TN_DEF_GLOBAL)))
                symbols->values[pos] |= TN_DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_contains(bound, name))
            continue;   /* a global */
        if (tn_namemap_set(symbols, name, TN_SCOPE_FREE << TN_SCOPE_SHIFT) < 0)
            return -1;
    }
    return 0;
}

static int analyze_block(TnSymtable *st, TnSymEntry *ste, TnNameMap *bound, TnNameMap *free,
                         TnNameMap *global);

static int copy_set(TnNameMap *dst, const TnNameMap *src)
{
    tn_namemap_init(dst);
    return set_update(dst, src);
}

static int analyze_child_block(TnSymtable *st, TnSymEntry *entry, TnNameMap *bound,
                               TnNameMap *free, TnNameMap *global, TnNameMap *child_free)
{
    TnNameMap tbound, tfree, tglobal;
    int r = -1;
    tn_namemap_init(&tbound);
    tn_namemap_init(&tfree);
    tn_namemap_init(&tglobal);
    if (copy_set(&tbound, bound) < 0 || copy_set(&tfree, free) < 0 || copy_set(&tglobal, global) < 0)
        goto done;
    if (analyze_block(st, entry, &tbound, &tfree, &tglobal) < 0)
        goto done;
    r = set_update(child_free, &tfree);
done:
    tn_namemap_clear(&tbound);
    tn_namemap_clear(&tfree);
    tn_namemap_clear(&tglobal);
    return r;
}

static int analyze_block(TnSymtable *st, TnSymEntry *ste, TnNameMap *bound, TnNameMap *free,
                         TnNameMap *global)
{
    TnNameMap local, scopes, newglobal, newfree, newbound, allfree;
    int r = -1;
    tn_namemap_init(&local);
    tn_namemap_init(&scopes);
    tn_namemap_init(&newglobal);
    tn_namemap_init(&newfree);
    tn_namemap_init(&newbound);
    tn_namemap_init(&allfree);
    if (enter_recursion(st) < 0)
        goto done;
    /* Class bindings are not visible in nested blocks. */
    if (ste->type == TN_BLOCK_CLASS) {
        if (set_update(&newglobal, global) < 0 || (bound && set_update(&newbound, bound) < 0))
            goto done;
    }
    for (tn_ssize_t i = 0; i < ste->symbols.n; i++)
        if (analyze_name(st, ste, &scopes, ste->symbols.keys[i], ste->symbols.values[i],
                         bound, &local, free, global) < 0)
            goto done;
    if (ste->type != TN_BLOCK_CLASS) {
        if (ste->type == TN_BLOCK_FUNCTION && set_update(&newbound, &local) < 0)
            goto done;
        if (bound && set_update(&newbound, bound) < 0)
            goto done;
        if (set_update(&newglobal, global) < 0)
            goto done;
    } else {
        TnObject *cls = tn_str_intern_cstr("__class__");
        if (cls == NULL || set_add(&newbound, cls) < 0)
            goto done;
    }
    for (tn_ssize_t i = 0; i < ste->nchildren; i++) {
        TnSymEntry *child = ste->children[i];
        if (analyze_child_block(st, child, &newbound, &newfree, &newglobal, &allfree) < 0)
            goto done;
        if (child->free || child->child_free)
            ste->child_free = 1;
    }
    if (set_update(&newfree, &allfree) < 0)
        goto done;
    if (ste->type == TN_BLOCK_FUNCTION && analyze_cells(&scopes, &newfree) < 0)
        goto done;
    if (ste->type == TN_BLOCK_CLASS && drop_class_free(ste, &newfree) < 0)
        goto done;
    if (update_symbols(&ste->symbols, &scopes, bound, &newfree, ste->type == TN_BLOCK_CLASS) < 0)
        goto done;
    r = set_update(free, &newfree);
done:
    st->recursion--;
    tn_namemap_clear(&local);
    tn_namemap_clear(&scopes);
    tn_namemap_clear(&newglobal);
    tn_namemap_clear(&newfree);
    tn_namemap_clear(&newbound);
    tn_namemap_clear(&allfree);
    return r;
}

/* ==================================================================== */
/* Entry points                                                          */
/* ==================================================================== */

TnSymtable *tn_symtable_build(TnMod *mod, const char *filename, const char *source,
                              tn_ssize_t srclen, bool future_annotations)
{
    TnSymtable *st = tn_mem_calloc(1, sizeof(TnSymtable));
    if (st == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    st->filename = filename;
    st->source = source;
    st->srclen = srclen;
    st->future_annotations = future_annotations;
    TnObject *top = tn_str_intern_cstr("top");
    TnAstLoc loc = {0, 0, 0, 0};
    if (top == NULL || enter_block(st, top, TN_BLOCK_MODULE, mod, loc) < 0)
        goto error;
    int r = mod->kind == TN_MODE_EVAL ? visit_expr(st, mod->expr) : visit_stmts(st, mod->body);
    if (r < 0)
        goto error;
    exit_block(st);
    TnNameMap free, global;
    tn_namemap_init(&free);
    tn_namemap_init(&global);
    st->recursion = 0;
    r = analyze_block(st, st->top, NULL, &free, &global);
    tn_namemap_clear(&free);
    tn_namemap_clear(&global);
    if (r < 0)
        goto error;
    return st;
error:
    tn_symtable_free(st);
    return NULL;
}

void tn_symtable_free(TnSymtable *st)
{
    if (st == NULL)
        return;
    for (tn_ssize_t i = 0; i < st->nall; i++)
        entry_free(st->all[i]);
    tn_mem_free(st->all);
    tn_mem_free(st->stack);
    tn_mem_free(st);
}

TnSymEntry *tn_symtable_lookup(TnSymEntry *parent, const void *key)
{
    for (tn_ssize_t i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->key == key)
            return parent->children[i];
    return NULL;
}

int tn_symentry_scope(const TnSymEntry *ste, TnObject *name)
{
    return (tn_namemap_get(&ste->symbols, name) >> TN_SCOPE_SHIFT) & TN_SCOPE_MASK;
}

int tn_symentry_flags(const TnSymEntry *ste, TnObject *name)
{
    return tn_namemap_get(&ste->symbols, name) & ((1 << TN_SCOPE_SHIFT) - 1);
}
