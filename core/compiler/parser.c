/* core/compiler/parser.c — parser infrastructure and entry point.
 *
 * This file holds what CPython keeps in Parser/pegen.c, pegen_errors.c and
 * action_helpers.c: the token array, memoisation, node constructors, the
 * helpers the grammar actions call, SyntaxError reporting, and the driver
 * that runs the grammar twice (the second time with the `invalid_*` rules
 * enabled, to produce specialised messages).  The grammar rules themselves
 * are in parser_stmt.c and parser_expr.c, string literals in
 * parser_string.c.  See parser_internal.h for the design.
 */
#include <stdio.h>
#include <string.h>
#include "core/tn.h"
#include "core/objects/complex.h"
#include "core/compiler/parser.h"
#include "core/compiler/parser_internal.h"

/* ======================================================================
 * Tokens
 * ==================================================================== */

#define TOKEN_CHUNK 256

struct TnTokenChunk {
    struct TnTokenChunk *next;
    int used;
    TnPToken tokens[TOKEN_CHUNK];
};

static TnPToken *new_ptoken(TnParser *p)
{
    TnTokenChunk *c = p->chunks;
    if (c == NULL || c->used == TOKEN_CHUNK) {
        c = tn_mem_alloc(sizeof(TnTokenChunk));
        if (c == NULL) {
            tn_err_no_memory();
            return NULL;
        }
        c->next = p->chunks;
        c->used = 0;
        p->chunks = c;
    }
    TnPToken *t = &c->tokens[c->used++];
    memset(t, 0, sizeof *t);
    return t;
}

static void raise_unclosed_parentheses_error(TnParser *p)
{
    int l = p->tok->level - 1;
    tn_pr_raise_known_location(p, &tn_exc_SyntaxError, p->tok->parenlinenostack[l],
                               p->tok->parencolstack[l], p->tok->parenlinenostack[l], -1,
                               "'%c' was never closed", p->tok->parenstack[l]);
}

/* The tokenizer returned ERRORTOKEN: raise what CPython's
 * _Pypegen_tokenizer_error() raises (unless the tokenizer already did). */
static int tokenizer_error(TnParser *p)
{
    if (tn_err_occurred() != NULL) {
        p->error_indicator = 1;
        return -1;
    }
    TnTokenizer *tok = p->tok;
    switch (tok->done) {
    case TN_TOKE_EOF:
    case TN_TOKE_EOF_IN_CONT:
        if (tok->level)
            raise_unclosed_parentheses_error(p);
        else
            tn_pr_raise_error(p, &tn_exc_SyntaxError, "unexpected EOF while parsing");
        return -1;
    case TN_TOKE_DEDENT:
        tn_pr_raise_error(p, &tn_exc_IndentationError,
                          "unindent does not match any outer indentation level");
        return -1;
    case TN_TOKE_TABSPACE:
        tn_pr_raise_known_location(p, &tn_exc_TabError, tok->lineno, 0, tok->lineno, -1,
                                   "inconsistent use of tabs and spaces in indentation");
        return -1;
    case TN_TOKE_TOODEEP:
        tn_pr_raise_known_location(p, &tn_exc_IndentationError, tok->lineno, 0, tok->lineno, -1,
                                   "too many levels of indentation");
        return -1;
    case TN_TOKE_LINECONT:
        tn_pr_raise_known_location(p, &tn_exc_SyntaxError, tok->lineno,
                                   (int)(tok->cur - tok->buf_start) - 1, tok->lineno, -1,
                                   "unexpected character after line continuation character");
        return -1;
    default:
        tn_pr_raise_known_location(p, &tn_exc_SyntaxError, tok->lineno, 0, tok->lineno, -1,
                                   "unknown parsing error");
        return -1;
    }
}

/* Read one more token into p->tokens.  0 / -1 (error_indicator set). */
int tn_pr_fill_token(TnParser *p)
{
    if (p->fill == p->size) {
        int nsize = p->size ? p->size * 2 : 256;
        TnPToken **nt = tn_mem_realloc(p->tokens, (size_t)nsize * sizeof(TnPToken *));
        if (nt == NULL) {
            tn_err_no_memory();
            p->error_indicator = 1;
            return -1;
        }
        p->tokens = nt;
        p->size = nsize;
    }
    TnPToken *t = new_ptoken(p);
    if (t == NULL) {
        p->error_indicator = 1;
        return -1;
    }
    TnTokType type = tn_tokenizer_get(p->tok, &t->t);
    /* Single mode: the end of input also ends the statement (an extra
     * NEWLINE, with the pending DEDENTs after it). */
    if (p->mode == TN_MODE_SINGLE && !p->fstring_mode && type == TN_TOK_ENDMARKER
        && p->parsing_started) {
        type = TN_TOK_NEWLINE;
        t->t.type = TN_TOK_NEWLINE;
        p->parsing_started = 0;
        if (p->tok->indent) {
            p->tok->pendin = -p->tok->indent;
            p->tok->indent = 0;
        }
    }
    else {
        p->parsing_started = 1;
    }
    /* f-string expressions: shift the columns of the first line (CPython
     * tests the tokenizer's current line, not the token's). */
    if (p->tok->lineno == p->starting_lineno) {
        t->t.col_offset += p->starting_col_offset;
        t->t.end_col_offset += p->starting_col_offset;
    }
    p->tokens[p->fill++] = t;
    if (type == TN_TOK_ERRORTOKEN) {
        p->error_indicator = 1;
        return tokenizer_error(p);
    }
    return 0;
}

TnPToken *tn_pr_expect(TnParser *p, TnTokType type)
{
    if (tn_pr_ensure(p) < 0)
        return NULL;
    TnPToken *t = p->tokens[p->mark];
    if (t->t.type != type)
        return NULL;
    p->mark++;
    return t;
}

TnPToken *tn_pr_expect_kw(TnParser *p, int kw)
{
    if (tn_pr_ensure(p) < 0)
        return NULL;
    TnPToken *t = p->tokens[p->mark];
    if (t->t.type != TN_TOK_NAME || t->t.kw != kw)
        return NULL;
    p->mark++;
    return t;
}

static const char *token_text_for(TnTokType type)
{
    switch (type) {
    case TN_TOK_LPAR: return "(";
    case TN_TOK_COLON: return ":";
    default: return "?";
    }
}

TnPToken *tn_pr_expect_forced(TnParser *p, TnTokType type, const char *text)
{
    if (p->error_indicator == 1)
        return NULL;
    if (tn_pr_ensure(p) < 0)
        return NULL;
    TnPToken *t = p->tokens[p->mark];
    if (t->t.type != type) {
        tn_pr_raise_known_location(p, &tn_exc_SyntaxError, t->t.lineno, t->t.col_offset,
                                   t->t.end_lineno, t->t.end_col_offset, "expected '%s'",
                                   text ? text : token_text_for(type));
        return NULL;
    }
    p->mark++;
    return t;
}

int tn_pr_lookahead_tok(TnParser *p, int positive, TnTokType type)
{
    int mark = p->mark;
    void *res = tn_pr_expect(p, type);
    p->mark = mark;
    return (res != NULL) == positive;
}

int tn_pr_lookahead_kw(TnParser *p, int positive, int kw)
{
    int mark = p->mark;
    void *res = tn_pr_expect_kw(p, kw);
    p->mark = mark;
    return (res != NULL) == positive;
}

int tn_pr_lookahead(TnParser *p, int positive, TnRuleFn fn)
{
    int mark = p->mark;
    void *res = fn(p);
    p->mark = mark;
    return (res != NULL) == positive;
}

/* ======================================================================
 * Memoisation
 * ==================================================================== */

int tn_pr_memo_get(TnParser *p, int type, void **res)
{
    if (tn_pr_ensure(p) < 0)
        return -1;
    TnPToken *t = p->tokens[p->mark];
    for (TnMemo *m = t->memo; m != NULL; m = m->next) {
        if (m->type == type) {
            p->mark = m->mark;
            *res = m->node;
            return 1;
        }
    }
    return 0;
}

int tn_pr_memo_insert(TnParser *p, int mark, int type, void *node)
{
    TnMemo *m = tn_arena_alloc(p->arena, sizeof(TnMemo));
    if (m == NULL) {
        p->error_indicator = 1;
        return -1;
    }
    m->type = type;
    m->node = node;
    m->mark = p->mark;
    m->next = p->tokens[mark]->memo;
    p->tokens[mark]->memo = m;
    return 0;
}

void *tn_pr_memoized(TnParser *p, int type, TnRuleFn raw)
{
    void *res;
    int r = tn_pr_memo_get(p, type, &res);
    if (r < 0)
        return NULL;
    if (r > 0)
        return res;
    int mark = p->mark;
    res = raw(p);
    if (p->error_indicator)
        return NULL;
    if (res == NULL)
        p->mark = mark;
    tn_pr_memo_insert(p, mark, type, res);
    return res;
}

/* ======================================================================
 * Locations and node construction
 * ==================================================================== */

TnPToken *tn_pr_last_nonwhitespace_token(TnParser *p)
{
    TnPToken *token = NULL;
    for (int m = p->mark - 1; m >= 0; m--) {
        token = p->tokens[m];
        TnTokType ty = token->t.type;
        if (ty != TN_TOK_ENDMARKER && ty != TN_TOK_NEWLINE && ty != TN_TOK_INDENT
            && ty != TN_TOK_DEDENT)
            break;
    }
    return token;
}

TnAstLoc tn_pr_extra(TnParser *p, int start_mark)
{
    TnPToken *s = p->tokens[start_mark];
    TnPToken *e = tn_pr_last_nonwhitespace_token(p);
    if (e == NULL)
        e = s;
    TnAstLoc loc = {s->t.lineno, s->t.col_offset, e->t.end_lineno, e->t.end_col_offset};
    return loc;
}

TnAstLoc tn_pr_tok_loc(TnPToken *t)
{
    TnAstLoc loc = {t->t.lineno, t->t.col_offset, t->t.end_lineno, t->t.end_col_offset};
    return loc;
}

void *tn_pr_alloc(TnParser *p, size_t size)
{
    void *r = tn_arena_alloc(p->arena, size);
    if (r == NULL)
        p->error_indicator = 1;
    return r;
}

TnExpr *tn_pr_expr(TnParser *p, TnExprKind kind, TnAstLoc loc)
{
    TnExpr *e = tn_pr_alloc(p, sizeof(TnExpr));
    if (e != NULL) {
        e->kind = kind;
        e->loc = loc;
    }
    return e;
}

TnStmt *tn_pr_stmt(TnParser *p, TnStmtKind kind, TnAstLoc loc)
{
    TnStmt *s = tn_pr_alloc(p, sizeof(TnStmt));
    if (s != NULL) {
        s->kind = kind;
        s->loc = loc;
    }
    return s;
}

TnPattern *tn_pr_pattern(TnParser *p, TnPatternKind kind, TnAstLoc loc)
{
    TnPattern *s = tn_pr_alloc(p, sizeof(TnPattern));
    if (s != NULL) {
        s->kind = kind;
        s->loc = loc;
    }
    return s;
}

TnExpr *tn_pr_constant(TnParser *p, TnObject *value, TnObject *kind, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_CONSTANT, loc);
    if (e != NULL) {
        e->v.constant.value = value;
        e->v.constant.kind = kind;
    }
    return e;
}

TnExpr *tn_pr_name(TnParser *p, TnObject *id, TnExprContext ctx, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_NAME, loc);
    if (e != NULL) {
        e->v.name.id = id;
        e->v.name.ctx = ctx;
    }
    return e;
}

TnExpr *tn_pr_binop(TnParser *p, TnExpr *l, TnOperator op, TnExpr *r, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_BINOP, loc);
    if (e != NULL) {
        e->v.binop.left = l;
        e->v.binop.op = op;
        e->v.binop.right = r;
    }
    return e;
}

TnExpr *tn_pr_unaryop(TnParser *p, TnUnaryOpKind op, TnExpr *operand, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_UNARYOP, loc);
    if (e != NULL) {
        e->v.unaryop.op = op;
        e->v.unaryop.operand = operand;
    }
    return e;
}

TnExpr *tn_pr_tuple(TnParser *p, TnAstSeq *elts, TnExprContext ctx, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_TUPLE, loc);
    if (e != NULL) {
        e->v.tuple.elts = elts;
        e->v.tuple.ctx = ctx;
    }
    return e;
}

TnExpr *tn_pr_call(TnParser *p, TnExpr *func, TnAstSeq *args, TnAstSeq *kws, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_CALL, loc);
    if (e != NULL) {
        e->v.call.func = func;
        e->v.call.args = args;
        e->v.call.keywords = kws;
    }
    return e;
}

TnExpr *tn_pr_starred(TnParser *p, TnExpr *value, TnExprContext ctx, TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_STARRED, loc);
    if (e != NULL) {
        e->v.starred.value = value;
        e->v.starred.ctx = ctx;
    }
    return e;
}

TnExpr *tn_pr_attribute(TnParser *p, TnExpr *value, TnObject *attr, TnExprContext ctx,
                        TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_ATTRIBUTE, loc);
    if (e != NULL) {
        e->v.attribute.value = value;
        e->v.attribute.attr = attr;
        e->v.attribute.ctx = ctx;
    }
    return e;
}

TnExpr *tn_pr_subscript(TnParser *p, TnExpr *value, TnExpr *slice, TnExprContext ctx,
                        TnAstLoc loc)
{
    TnExpr *e = tn_pr_expr(p, TN_EXPR_SUBSCRIPT, loc);
    if (e != NULL) {
        e->v.subscript.value = value;
        e->v.subscript.slice = slice;
        e->v.subscript.ctx = ctx;
    }
    return e;
}

TnArg *tn_pr_arg(TnParser *p, TnObject *name, TnExpr *annotation, TnAstLoc loc)
{
    TnArg *a = tn_pr_alloc(p, sizeof(TnArg));
    if (a != NULL) {
        a->arg = name;
        a->annotation = annotation;
        a->loc = loc;
    }
    return a;
}

TnKeyword *tn_pr_keyword(TnParser *p, TnObject *name, TnExpr *value, TnAstLoc loc)
{
    TnKeyword *k = tn_pr_alloc(p, sizeof(TnKeyword));
    if (k != NULL) {
        k->arg = name;
        k->value = value;
        k->loc = loc;
    }
    return k;
}

TnAlias *tn_pr_alias(TnParser *p, TnObject *name, TnObject *asname, TnAstLoc loc)
{
    TnAlias *a = tn_pr_alloc(p, sizeof(TnAlias));
    if (a != NULL) {
        a->name = name;
        a->asname = asname;
        a->loc = loc;
    }
    return a;
}

TnObject *tn_pr_arena_object(TnParser *p, TnObject *obj)
{
    if (obj == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    if (tn_arena_add_object_steal(p->arena, obj) < 0) {
        p->error_indicator = 1;
        return NULL;
    }
    return obj;
}

TnObject *tn_pr_new_identifier(TnParser *p, const char *s, tn_ssize_t len)
{
    TnObject *str = tn_str_from_utf8(s, len);
    if (str == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    str = tn_str_intern_steal(str);
    return tn_pr_arena_object(p, str);
}

const char *tn_pr_utf8(TnObject *s)
{
    const char *r = tn_str_utf8(s, NULL);
    if (r == NULL) {
        tn_err_clear();
        r = "?";
    }
    return r;
}

TnExpr *tn_pr_name_token(TnParser *p)
{
    if (tn_pr_ensure(p) < 0)
        return NULL;
    TnPToken *t = p->tokens[p->mark];
    if (t->t.type != TN_TOK_NAME || tn_kw_is_hard(t->t.kw))
        return NULL;
    p->mark++;
    TnObject *id = tn_pr_new_identifier(p, t->t.start, t->t.end - t->t.start);
    if (id == NULL)
        return NULL;
    return tn_pr_name(p, id, TN_CTX_LOAD, tn_pr_tok_loc(t));
}

/* SOFT_KEYWORD as CPython 3.11 matches it: a NAME whose text is a prefix of
 * "_", "case" or "match" (its strncmp uses the token's length), so "c" or
 * "ma" also count. */
TnPToken *tn_pr_soft_keyword_token(TnParser *p)
{
    static const char *const soft[] = {"_", "case", "match"};
    if (tn_pr_ensure(p) < 0)
        return NULL;
    TnPToken *t = p->tokens[p->mark];
    if (t->t.type != TN_TOK_NAME || tn_kw_is_hard(t->t.kw))
        return NULL;
    size_t n = (size_t)(t->t.end - t->t.start);
    for (size_t i = 0; i < sizeof soft / sizeof soft[0]; i++) {
        if (strlen(soft[i]) >= n && memcmp(soft[i], t->t.start, n) == 0) {
            p->mark++;
            return t;
        }
    }
    return NULL;
}

TnExpr *tn_pr_expect_soft_kw(TnParser *p, int kw)
{
    if (tn_pr_ensure(p) < 0)
        return NULL;
    TnPToken *t = p->tokens[p->mark];
    if (t->t.type != TN_TOK_NAME || t->t.kw != kw)
        return NULL;
    p->mark++;
    TnObject *id = tn_pr_new_identifier(p, t->t.start, t->t.end - t->t.start);
    if (id == NULL)
        return NULL;
    return tn_pr_name(p, id, TN_CTX_LOAD, tn_pr_tok_loc(t));
}

TnPToken *tn_pr_string_token(TnParser *p)
{
    return tn_pr_expect(p, TN_TOK_STRING);
}

/* Build the constant of a NUMBER token (CPython's parsenumber()). */
static TnObject *parse_number(TnParser *p, TnPToken *t)
{
    (void)p;
    const char *s = t->t.start;
    tn_ssize_t n = t->t.end - t->t.start;
    char last = s[n - 1];
    bool imaginary = last == 'j' || last == 'J';
    if (imaginary)
        n--;   /* the digits before the 'j' are a float literal */
    /* 1j, 2.5J, 1e3j: a float literal for the imaginary part. */
    bool is_int = !imaginary;
    if (imaginary || (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o'
                                                || s[1] == 'O' || s[1] == 'b' || s[1] == 'B'))) {
        /* is_int already right */
    }
    else {
        for (tn_ssize_t i = 0; i < n; i++) {
            if (s[i] == '.' || s[i] == 'e' || s[i] == 'E') {
                is_int = false;
                break;
            }
        }
    }
    if (is_int)
        return tn_int_from_string(s, n, 0);
    /* Floats: drop the underscores, which float() would also accept. */
    char small[64];
    char *buf = n < (tn_ssize_t)sizeof small ? small : tn_mem_alloc((size_t)n + 1);
    if (buf == NULL)
        return tn_err_no_memory();
    tn_ssize_t k = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (s[i] != '_')
            buf[k++] = s[i];
    }
    buf[k] = '\0';
    TnObject *r = tn_float_from_string(buf, k);
    if (buf != small)
        tn_mem_free(buf);
    if (r != NULL && imaginary) {
        TnObject *f = r;
        r = tn_complex_from_doubles(0.0, tn_float_value(f));
        tn_decref(f);
    }
    return r;
}

/* A decimal literal over sys.get_int_max_str_digits() digits: the only
 * ValueError parse_number raises.  CPython's _PyPegen_number_token turns it
 * into a SyntaxError on the token's lines without columns (no wall of
 * carets under a huge literal). */
static void number_limit_error(TnParser *p, TnPToken *t)
{
    TnObject *exc = tn_err_fetch();
    TnObject *s = tn_object_str(exc);
    tn_decref(exc);
    if (s == NULL)
        return;
    tn_pr_raise_known_location(p, &tn_exc_SyntaxError, t->t.lineno, -1, t->t.end_lineno, -1,
                               "%s - Consider hexadecimal for huge integer literals "
                               "to avoid decimal conversion limits.", tn_str_utf8(s, NULL));
    tn_decref(s);
}

TnExpr *tn_pr_number_token(TnParser *p)
{
    TnPToken *t = tn_pr_expect(p, TN_TOK_NUMBER);
    if (t == NULL)
        return NULL;
    TnObject *c = parse_number(p, t);
    if (c == NULL) {
        p->error_indicator = 1;
        if (tn_err_matches(&tn_exc_ValueError))
            number_limit_error(p, t);
        return NULL;
    }
    if (tn_pr_arena_object(p, c) == NULL)
        return NULL;
    return tn_pr_constant(p, c, NULL, tn_pr_tok_loc(t));
}

/* ======================================================================
 * Sequences
 * ==================================================================== */

TnAstSeq *tn_pr_seq_new(TnParser *p, tn_ssize_t n)
{
    TnAstSeq *s = tn_ast_seq_new(p->arena, n);
    if (s == NULL)
        p->error_indicator = 1;
    return s;
}

TnAstSeq *tn_pr_seq1(TnParser *p, void *item)
{
    TnAstSeq *s = tn_pr_seq_new(p, 1);
    if (s != NULL)
        s->items[0] = item;
    return s;
}

TnAstSeq *tn_pr_seq_prepend(TnParser *p, void *item, TnAstSeq *seq)
{
    tn_ssize_t n = tn_ast_seq_len(seq);
    TnAstSeq *s = tn_pr_seq_new(p, n + 1);
    if (s == NULL)
        return NULL;
    s->items[0] = item;
    for (tn_ssize_t i = 0; i < n; i++)
        s->items[i + 1] = seq->items[i];
    return s;
}

TnAstSeq *tn_pr_seq_append(TnParser *p, TnAstSeq *seq, void *item)
{
    tn_ssize_t n = tn_ast_seq_len(seq);
    TnAstSeq *s = tn_pr_seq_new(p, n + 1);
    if (s == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++)
        s->items[i] = seq->items[i];
    s->items[n] = item;
    return s;
}

TnAstSeq *tn_pr_seq_join(TnParser *p, TnAstSeq *a, TnAstSeq *b)
{
    tn_ssize_t na = tn_ast_seq_len(a), nb = tn_ast_seq_len(b);
    TnAstSeq *s = tn_pr_seq_new(p, na + nb);
    if (s == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < na; i++)
        s->items[i] = a->items[i];
    for (tn_ssize_t i = 0; i < nb; i++)
        s->items[na + i] = b->items[i];
    return s;
}

TnAstSeq *tn_pr_seq_flatten(TnParser *p, TnAstSeq *seqs)
{
    tn_ssize_t total = 0;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(seqs); i++)
        total += tn_ast_seq_len(seqs->items[i]);
    TnAstSeq *s = tn_pr_seq_new(p, total);
    if (s == NULL)
        return NULL;
    tn_ssize_t k = 0;
    for (tn_ssize_t i = 0; i < tn_ast_seq_len(seqs); i++) {
        TnAstSeq *inner = seqs->items[i];
        for (tn_ssize_t j = 0; j < tn_ast_seq_len(inner); j++)
            s->items[k++] = inner->items[j];
    }
    return s;
}

/* A growable temporary vector for loops (freed before returning). */
typedef struct {
    void **items;
    tn_ssize_t n, cap;
    void *small[16];
} PVec;

static int pvec_push(TnParser *p, PVec *v, void *item)
{
    if (v->n == v->cap) {
        tn_ssize_t ncap = v->cap * 2;
        void **ni;
        if (v->items == v->small) {
            ni = tn_mem_alloc((size_t)ncap * sizeof(void *));
            if (ni != NULL)
                memcpy(ni, v->small, sizeof v->small);
        }
        else {
            ni = tn_mem_realloc(v->items, (size_t)ncap * sizeof(void *));
        }
        if (ni == NULL) {
            tn_err_no_memory();
            p->error_indicator = 1;
            return -1;
        }
        v->items = ni;
        v->cap = ncap;
    }
    v->items[v->n++] = item;
    return 0;
}

static TnAstSeq *pvec_finish(TnParser *p, PVec *v)
{
    TnAstSeq *s = tn_pr_seq_new(p, v->n);
    if (s != NULL) {
        for (tn_ssize_t i = 0; i < v->n; i++)
            s->items[i] = v->items[i];
    }
    if (v->items != v->small)
        tn_mem_free(v->items);
    return s;
}

static void pvec_discard(PVec *v)
{
    if (v->items != v->small)
        tn_mem_free(v->items);
}

static void pvec_init(PVec *v)
{
    v->items = v->small;
    v->n = 0;
    v->cap = 16;
}

TnAstSeq *tn_pr_loop(TnParser *p, TnRuleFn fn, int min)
{
    RULE_ENTER(p);
    PVec v;
    pvec_init(&v);
    int mark = p->mark;
    for (;;) {
        int m = p->mark;
        void *r = fn(p);
        if (r == NULL) {
            p->mark = m;
            break;
        }
        if (pvec_push(p, &v, r) < 0)
            break;
    }
    if (p->error_indicator || v.n < min) {
        pvec_discard(&v);
        p->mark = mark;
        RULE_FAIL(p);
    }
    RULE_RETURN(p, pvec_finish(p, &v));
}

TnAstSeq *tn_pr_gather(TnParser *p, TnRuleFn fn, TnTokType sep)
{
    RULE_ENTER(p);
    int mark = p->mark;
    void *first = fn(p);
    if (first == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    PVec v;
    pvec_init(&v);
    pvec_push(p, &v, first);
    for (;;) {
        int m = p->mark;
        void *r = NULL;
        if (tn_pr_expect(p, sep) != NULL)
            r = fn(p);
        if (r == NULL) {
            p->mark = m;
            break;
        }
        if (pvec_push(p, &v, r) < 0)
            break;
    }
    if (p->error_indicator) {
        pvec_discard(&v);
        RULE_FAIL(p);
    }
    RULE_RETURN(p, pvec_finish(p, &v));
}

/* ======================================================================
 * Grammar action helpers
 * ==================================================================== */

static TnExpr *copy_expr(TnParser *p, TnExpr *e)
{
    TnExpr *n = tn_pr_alloc(p, sizeof(TnExpr));
    if (n != NULL)
        *n = *e;
    return n;
}

static TnAstSeq *set_seq_context(TnParser *p, TnAstSeq *seq, TnExprContext ctx)
{
    tn_ssize_t n = tn_ast_seq_len(seq);
    if (n == 0)
        return seq;
    TnAstSeq *s = tn_pr_seq_new(p, n);
    if (s == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++) {
        s->items[i] = tn_pr_set_expr_context(p, seq->items[i], ctx);
        if (s->items[i] == NULL)
            return NULL;
    }
    return s;
}

/* A copy of e with context ctx (recursively for tuples, lists, starred). */
TnExpr *tn_pr_set_expr_context(TnParser *p, TnExpr *e, TnExprContext ctx)
{
    TnExpr *n;
    switch (e->kind) {
    case TN_EXPR_NAME:
        if ((n = copy_expr(p, e)) != NULL)
            n->v.name.ctx = ctx;
        return n;
    case TN_EXPR_TUPLE:
        if ((n = copy_expr(p, e)) == NULL)
            return NULL;
        n->v.tuple.ctx = ctx;
        n->v.tuple.elts = set_seq_context(p, e->v.tuple.elts, ctx);
        return p->error_indicator ? NULL : n;
    case TN_EXPR_LIST:
        if ((n = copy_expr(p, e)) == NULL)
            return NULL;
        n->v.list.ctx = ctx;
        n->v.list.elts = set_seq_context(p, e->v.list.elts, ctx);
        return p->error_indicator ? NULL : n;
    case TN_EXPR_SUBSCRIPT:
        if ((n = copy_expr(p, e)) != NULL)
            n->v.subscript.ctx = ctx;
        return n;
    case TN_EXPR_ATTRIBUTE:
        if ((n = copy_expr(p, e)) != NULL)
            n->v.attribute.ctx = ctx;
        return n;
    case TN_EXPR_STARRED:
        if ((n = copy_expr(p, e)) == NULL)
            return NULL;
        n->v.starred.ctx = ctx;
        n->v.starred.value = tn_pr_set_expr_context(p, e->v.starred.value, ctx);
        return n->v.starred.value ? n : NULL;
    default:
        return e;
    }
}

const char *tn_pr_expr_name(TnExpr *e)
{
    switch (e->kind) {
    case TN_EXPR_ATTRIBUTE: return "attribute";
    case TN_EXPR_SUBSCRIPT: return "subscript";
    case TN_EXPR_STARRED: return "starred";
    case TN_EXPR_NAME: return "name";
    case TN_EXPR_LIST: return "list";
    case TN_EXPR_TUPLE: return "tuple";
    case TN_EXPR_LAMBDA: return "lambda";
    case TN_EXPR_CALL: return "function call";
    case TN_EXPR_BOOLOP: case TN_EXPR_BINOP: case TN_EXPR_UNARYOP: return "expression";
    case TN_EXPR_GENERATOREXP: return "generator expression";
    case TN_EXPR_YIELD: case TN_EXPR_YIELDFROM: return "yield expression";
    case TN_EXPR_AWAIT: return "await expression";
    case TN_EXPR_LISTCOMP: return "list comprehension";
    case TN_EXPR_SETCOMP: return "set comprehension";
    case TN_EXPR_DICTCOMP: return "dict comprehension";
    case TN_EXPR_DICT: return "dict literal";
    case TN_EXPR_SET: return "set display";
    case TN_EXPR_JOINEDSTR: case TN_EXPR_FORMATTEDVALUE: return "f-string expression";
    case TN_EXPR_CONSTANT: {
        TnObject *v = e->v.constant.value;
        if (v == TN_NONE) return "None";
        if (v == TN_FALSE) return "False";
        if (v == TN_TRUE) return "True";
        if (v == TN_ELLIPSIS) return "ellipsis";
        return "literal";
    }
    case TN_EXPR_COMPARE: return "comparison";
    case TN_EXPR_IFEXP: return "conditional expression";
    case TN_EXPR_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

TnExpr *tn_pr_get_invalid_target(TnExpr *e, TnTargetsType type)
{
    if (e == NULL)
        return NULL;
    switch (e->kind) {
    case TN_EXPR_LIST:
    case TN_EXPR_TUPLE: {
        TnAstSeq *elts = e->kind == TN_EXPR_LIST ? e->v.list.elts : e->v.tuple.elts;
        for (tn_ssize_t i = 0; i < tn_ast_seq_len(elts); i++) {
            TnExpr *child = tn_pr_get_invalid_target(elts->items[i], type);
            if (child != NULL)
                return child;
        }
        return NULL;
    }
    case TN_EXPR_STARRED:
        if (type == TN_DEL_TARGETS)
            return e;
        return tn_pr_get_invalid_target(e->v.starred.value, type);
    case TN_EXPR_COMPARE:
        /* `a in b` of `for a in b` parses as a comparison: look at its left. */
        if (type == TN_FOR_TARGETS) {
            if (e->v.compare.ops[0] == TN_CMP_IN)
                return tn_pr_get_invalid_target(e->v.compare.left, type);
            return NULL;
        }
        return e;
    case TN_EXPR_NAME:
    case TN_EXPR_SUBSCRIPT:
    case TN_EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

int tn_pr_check_legacy_stmt(TnParser *p, TnExpr *name)
{
    (void)p;
    if (name->kind != TN_EXPR_NAME)
        return 0;
    return tn_str_eq_cstr(name->v.name.id, "print") || tn_str_eq_cstr(name->v.name.id, "exec");
}

TnExpr *tn_pr_last_comprehension_item(TnComprehension *c)
{
    if (tn_ast_seq_len(c->ifs) == 0)
        return c->iter;
    return c->ifs->items[c->ifs->n - 1];
}

/* ======================================================================
 * Errors
 * ==================================================================== */

#define CURRENT_POS (-5)

/* CPython's _PyPegen_raise_error_known_location: col1/end_col1 are
 * 1-based byte offsets (or CURRENT_POS). */
static void *raise_known_location_v(TnParser *p, TnType *type, int lineno, int col1,
                                    int end_lineno, int end_col1, const char *fmt, va_list ap)
{
    p->error_indicator = 1;
    if (end_lineno == CURRENT_POS)
        end_lineno = p->tok->lineno;
    if (end_col1 == CURRENT_POS)
        end_col1 = (int)(p->tok->cur - p->tok->line_start);
    char msg[512];
    int off = 0;
    if (p->fstring_mode)
        off = snprintf(msg, sizeof msg, "f-string: ");
    vsnprintf(msg + off, sizeof msg - (size_t)off, fmt, ap);
    if (p->fstring_mode) {
        col1 -= p->starting_col_offset;
        end_col1 -= p->starting_col_offset;
    }
    tn_tokenizer_error_at(p->tok, type, msg, lineno, col1, end_lineno, end_col1);
    return NULL;
}

/* RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns. */
void *tn_pr_raise_known_location(TnParser *p, TnType *type, int lineno, int col,
                                 int end_lineno, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int c1 = col == CURRENT_POS ? CURRENT_POS : col + 1;
    int e1 = end_col == CURRENT_POS ? CURRENT_POS : end_col + 1;
    raise_known_location_v(p, type, lineno, c1, end_lineno, e1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn_pr_raise_on_loc(TnParser *p, TnAstLoc a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_known_location_v(p, &tn_exc_SyntaxError, a.lineno, a.col_offset + 1, a.end_lineno,
                           a.end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn_pr_raise_range(TnParser *p, TnAstLoc a, TnAstLoc b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_known_location_v(p, &tn_exc_SyntaxError, a.lineno, a.col_offset + 1, b.end_lineno,
                           b.end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn_pr_raise_starting_from(TnParser *p, TnAstLoc a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_known_location_v(p, &tn_exc_SyntaxError, a.lineno, a.col_offset + 1, CURRENT_POS,
                           CURRENT_POS, fmt, ap);
    va_end(ap);
    return NULL;
}

/* RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token read. */
void *tn_pr_raise_error(TnParser *p, TnType *type, const char *fmt, ...)
{
    if (p->error_indicator && tn_err_occurred() != NULL)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    if (p->fill == 0) {
        raise_known_location_v(p, type, 0, 0, 0, -1, fmt, ap);
        va_end(ap);
        return NULL;
    }
    TnPToken *t = p->known_err_token != NULL ? p->known_err_token : p->tokens[p->fill - 1];
    int col1, end_col1 = -1;
    if (t->t.col_offset == -1)
        col1 = (int)(p->tok->cur - p->tok->line_start);
    else
        col1 = t->t.col_offset + 1;
    if (t->t.end_col_offset != -1)
        end_col1 = t->t.end_col_offset + 1;
    raise_known_location_v(p, type, t->t.lineno, col1, t->t.end_lineno, end_col1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *tn_pr_raise_invalid_target(TnParser *p, TnTargetsType type, TnExpr *e)
{
    TnExpr *invalid = tn_pr_get_invalid_target(e, type);
    if (invalid == NULL)
        return NULL;
    const char *msg = (type == TN_STAR_TARGETS || type == TN_FOR_TARGETS)
                          ? "cannot assign to %s" : "cannot delete %s";
    return tn_pr_raise_on_loc(p, invalid->loc, msg, tn_pr_expr_name(invalid));
}

void *tn_pr_stack_overflow(TnParser *p)
{
    p->error_indicator = 1;
    tn_err_set_str(&tn_exc_RecursionError, "maximum recursion depth exceeded during compilation");
    return NULL;
}

/* ======================================================================
 * Driver
 * ==================================================================== */

static void *file_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnAstSeq *a = tn_pr_statements(p);
    if (a == NULL && p->error_indicator)
        RULE_FAIL(p);
    if (tn_pr_expect(p, TN_TOK_ENDMARKER) == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    TnMod *m = tn_pr_alloc(p, sizeof(TnMod));
    if (m == NULL)
        RULE_FAIL(p);
    m->kind = TN_MODE_FILE;
    m->body = a;
    RULE_RETURN(p, m);
}

static void *interactive_rule(TnParser *p)
{
    RULE_ENTER(p);
    TnAstSeq *a = tn_pr_statement_newline(p);
    if (a == NULL)
        RULE_FAIL(p);
    TnMod *m = tn_pr_alloc(p, sizeof(TnMod));
    if (m == NULL)
        RULE_FAIL(p);
    m->kind = TN_MODE_SINGLE;
    m->body = a;
    RULE_RETURN(p, m);
}

/* eval: expressions NEWLINE* ENDMARKER */
static void *eval_rule(TnParser *p)
{
    RULE_ENTER(p);
    int mark = p->mark;
    TnExpr *a = tn_pr_expressions(p);
    if (a == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    while (tn_pr_expect(p, TN_TOK_NEWLINE) != NULL)
        ;
    if (p->error_indicator || tn_pr_expect(p, TN_TOK_ENDMARKER) == NULL) {
        p->mark = mark;
        RULE_FAIL(p);
    }
    TnMod *m = tn_pr_alloc(p, sizeof(TnMod));
    if (m == NULL)
        RULE_FAIL(p);
    m->kind = TN_MODE_EVAL;
    m->expr = a;
    RULE_RETURN(p, m);
}

static void *start_rule(TnParser *p)
{
    if (p->fstring_mode)
        return tn_pr_star_expressions(p);
    switch (p->mode) {
    case TN_MODE_EVAL: return eval_rule(p);
    case TN_MODE_SINGLE: return interactive_rule(p);
    default: return file_rule(p);
    }
}

/* Tokenize the rest of the input: tokenizer errors found there take
 * priority over a generic syntax error (CPython 3.11 behaviour). */
static void tokenize_full_source_to_check_for_errors(TnParser *p)
{
    TnObject *saved = tn_err_fetch();
    TnPToken *current = p->known_err_token ? p->known_err_token : p->tokens[p->fill - 1];
    int current_err_line = current->t.lineno;
    for (;;) {
        TnToken t;
        TnTokType type = tn_tokenizer_get(p->tok, &t);
        if (type == TN_TOK_ERRORTOKEN) {
            if (tn_err_occurred() != NULL)
                break;
            if (p->tok->level != 0) {
                int error_lineno = p->tok->parenlinenostack[p->tok->level - 1];
                if (current_err_line > error_lineno)
                    raise_unclosed_parentheses_error(p);
            }
            break;
        }
        if (type == TN_TOK_ENDMARKER)
            break;
    }
    if (tn_err_occurred() != NULL)
        tn_xdecref(saved);
    else
        tn_err_restore(saved);
}

static void set_syntax_error(TnParser *p, TnPToken *last_token)
{
    if (tn_err_occurred() != NULL) {
        /* Prefer tokenizer errors to errors from the parser. */
        int is_tok_ok = p->tok->done == TN_TOKE_OK;
        if (is_tok_ok && tn_err_matches(&tn_exc_SyntaxError))
            tokenize_full_source_to_check_for_errors(p);
        return;
    }
    if (p->fill == 0) {
        tn_pr_raise_error(p, &tn_exc_SyntaxError, "error at start before reading any input");
        return;
    }
    if (last_token->t.type == TN_TOK_ERRORTOKEN && p->tok->done == TN_TOKE_EOF) {
        if (p->tok->level)
            raise_unclosed_parentheses_error(p);
        else
            tn_pr_raise_error(p, &tn_exc_SyntaxError, "unexpected EOF while parsing");
        return;
    }
    if (last_token->t.type == TN_TOK_INDENT || last_token->t.type == TN_TOK_DEDENT) {
        tn_pr_raise_error(p, &tn_exc_IndentationError,
                          last_token->t.type == TN_TOK_INDENT ? "unexpected indent"
                                                              : "unexpected unindent");
        return;
    }
    tn_pr_raise_on_loc(p, tn_pr_tok_loc(last_token), "invalid syntax");
    tokenize_full_source_to_check_for_errors(p);
}

/* After a statement in single mode, only whitespace and comments may follow. */
static int bad_single_statement(TnParser *p)
{
    const char *cur = p->tok->cur, *end = p->tok->end;
    for (;;) {
        while (cur < end && (*cur == ' ' || *cur == '\t' || *cur == '\n' || *cur == '\014'))
            cur++;
        if (cur >= end)
            return 0;
        if (*cur != '#')
            return 1;
        while (cur < end && *cur != '\n')
            cur++;
    }
}

static void *run_parser(TnParser *p)
{
    void *res = start_rule(p);
    if (res == NULL) {
        if (tn_err_occurred() != NULL && !tn_err_matches(&tn_exc_SyntaxError))
            return NULL;
        if (p->fill == 0) {
            tn_pr_raise_error(p, &tn_exc_SyntaxError, "error at start before reading any input");
            return NULL;
        }
        TnPToken *last_token = p->tokens[p->fill - 1];
        for (int i = 0; i < p->fill; i++)
            p->tokens[i]->memo = NULL;
        p->mark = 0;
        p->call_invalid_rules = 1;
        start_rule(p);
        set_syntax_error(p, last_token);
        return NULL;
    }
    if (p->mode == TN_MODE_SINGLE && !p->fstring_mode && bad_single_statement(p)) {
        return tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                 "multiple statements found while compiling a single statement");
    }
    return res;
}

static void parser_init(TnParser *p, TnTokenizer *tok, TnCompileMode mode, TnArena *arena,
                        const char *filename)
{
    memset(p, 0, sizeof *p);
    p->tok = tok;
    p->mode = mode;
    p->arena = arena;
    p->filename = filename;
}

static void parser_fini(TnParser *p)
{
    TnTokenChunk *c = p->chunks;
    while (c != NULL) {
        TnTokenChunk *next = c->next;
        tn_mem_free(c);
        c = next;
    }
    tn_mem_free(p->tokens);
}

TnMod *tn_parse_string(const char *src, tn_ssize_t len, const char *filename,
                       TnCompileMode mode, TnArena *arena)
{
    return tn_parse_string_ex(src, len, filename, mode, arena, 0);
}

TnMod *tn_parse_string_ex(const char *src, tn_ssize_t len, const char *filename,
                          TnCompileMode mode, TnArena *arena, int flags)
{
    if (filename == NULL)
        filename = "<string>";
    int tflags = (flags & TN_PARSE_STR_INPUT) ? TN_TOKENIZER_STR_INPUT : 0;
    if (mode != TN_MODE_FILE)
        tflags |= TN_TOKENIZER_NO_FINAL_NEWLINE;
    TnTokenizer *tok = tn_tokenizer_new_ex(src, len, filename, tflags);
    if (tok == NULL)
        return NULL;
    TnParser p;
    parser_init(&p, tok, mode, arena, filename);
    TnMod *m = run_parser(&p);
    parser_fini(&p);
    tn_tokenizer_free(tok);
    if (m != NULL && m->kind != TN_MODE_EVAL && m->body == NULL) {
        /* An empty module gets an empty (non-NULL) body sequence. */
        m->body = tn_ast_seq_new(arena, 0);
        if (m->body == NULL)
            return NULL;
    }
    return m;
}

/* ======================================================================
 * f-string expressions
 * ==================================================================== */

/* CPython's fstring_find_expr_location: how far (lines, columns) the
 * expression starting after the '{' at expr_start is from the start of the
 * STRING token t. */
static void fstring_find_expr_location(TnPToken *t, const char *expr_start, int *p_lines,
                                       int *p_cols)
{
    *p_lines = 0;
    *p_cols = 0;
    const char *parent_str = t->t.start;
    const char *tend = t->t.end;
    bool newline_after_brace = true;
    const char *start = expr_start + 1;
    while (start < tend && *start != '}' && *start != '\n') {
        if (*start != ' ' && *start != '\t' && *start != '\f') {
            newline_after_brace = false;
            break;
        }
        start++;
    }
    if (!newline_after_brace) {
        start = expr_start;
        while (start > parent_str && *start != '\n')
            start--;
        *p_cols += (int)(expr_start - start);
        if (*start == '\n')
            *p_cols -= 1;
    }
    for (const char *q = parent_str; q < expr_start; q++) {
        if (*q == '\n')
            (*p_lines)++;
    }
}

/* Parse the expression text [expr_start, expr_end) of an f-string
 * replacement field found in STRING token t (expr_start follows the '{').
 * Returns the expression or NULL (error set, error_indicator of p set). */
TnExpr *tn_pr_fstring_compile_expr(TnParser *p, const char *expr_start, const char *expr_end,
                                   TnPToken *t)
{
    const char *s;
    for (s = expr_start; s != expr_end; s++) {
        char c = *s;
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f'))
            break;
    }
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            return tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                     "f-string: expression required before '%c'", *expr_end);
        return tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: empty expression not allowed");
    }
    tn_ssize_t len = expr_end - expr_start;
    char *str = tn_mem_alloc((size_t)len + 3);
    if (str == NULL) {
        tn_err_no_memory();
        p->error_indicator = 1;
        return NULL;
    }
    memcpy(str + 1, expr_start, (size_t)len);
    int lines, cols;
    fstring_find_expr_location(t, expr_start - 1, &lines, &cols);
    str[0] = '(';
    str[len + 1] = ')';
    str[len + 2] = '\0';
    TnTokenizer *tok = tn_tokenizer_new_raw(str, len + 2, p->filename, t->t.lineno + lines);
    tn_mem_free(str);
    if (tok == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    TnParser p2;
    parser_init(&p2, tok, TN_MODE_EVAL, p->arena, p->filename);
    p2.fstring_mode = 1;
    p2.starting_lineno = t->t.lineno + lines;
    /* Columns of the first line are shifted; CPython 3.11 adds the token's
     * own column only when the expression is on the token's first line. */
    p2.starting_col_offset = lines != 0 ? cols : t->t.col_offset + cols;
    p2.level = p->level;
    TnExpr *result = run_parser(&p2);
    parser_fini(&p2);
    tn_tokenizer_free(tok);
    if (result == NULL)
        p->error_indicator = 1;
    return result;
}
