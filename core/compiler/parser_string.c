/* core/compiler/parser_string.c — string literals and f-strings.
 *
 * Port of CPython 3.11's Parser/string_parser.c: decoding of the escape
 * sequences of str literals, implicit concatenation of adjacent literals,
 * and the parsing of f-strings into JoinedStr / FormattedValue / Constant
 * nodes (the expressions inside braces are handed to a sub-parser, see
 * tn_pr_fstring_compile_expr).  Messages and locations follow CPython:
 * decoding errors become "(unicode error) 'unicodeescape' codec can't
 * decode bytes in position a-b: ..." with positions counted as CPython does
 * (every non-ASCII character of the literal counts as 10 bytes, a backslash
 * before one as 6 more, because CPython first rewrites them as \U escapes).
 *
 * bytes objects do not exist yet: b'' literals raise "bytes literals are
 * not supported yet".  \N{name} escapes are looked up in the Unicode
 * name table (core/objects/unicode_names.c).
 */
#include <stdio.h>
#include <string.h>
#include "core/compiler/parser_internal.h"
#include "core/objects/codecs.h"

/* ======================================================================
 * Code point buffers
 * ==================================================================== */

typedef struct {
    uint32_t *cps;
    tn_ssize_t n, cap;
    int used;           /* a (possibly empty) string was added */
} CpBuf;

static int cp_push(TnParser *p, CpBuf *b, uint32_t cp)
{
    if (b->n == b->cap) {
        tn_ssize_t ncap = b->cap ? b->cap * 2 : 64;
        uint32_t *n = tn_mem_realloc(b->cps, (size_t)ncap * sizeof(uint32_t));
        if (n == NULL) {
            tn_err_no_memory();
            p->error_indicator = 1;
            return -1;
        }
        b->cps = n;
        b->cap = ncap;
    }
    b->cps[b->n++] = cp;
    return 0;
}

static void cp_free(CpBuf *b)
{
    tn_mem_free(b->cps);
    b->cps = NULL;
    b->n = b->cap = 0;
    b->used = 0;
}

/* Append valid UTF-8 text. */
static int cp_push_utf8(TnParser *p, CpBuf *b, const char *s, const char *end)
{
    while (s < end) {
        const unsigned char *u = (const unsigned char *)s;
        uint32_t cp;
        int n;
        if (u[0] < 0x80) {
            cp = u[0];
            n = 1;
        }
        else {
            n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
            if (s + n > end)
                n = (int)(end - s);
            cp = u[0] & (0xFF >> (n + 1));
            for (int i = 1; i < n; i++)
                cp = (cp << 6) | (u[i] & 0x3F);
        }
        if (cp_push(p, b, cp) < 0)
            return -1;
        s += n;
    }
    return 0;
}

static int utf8_seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
}

/* ======================================================================
 * Escape decoding
 * ==================================================================== */

/* Raise the "(unicode error)" SyntaxError for a failed escape at converted
 * positions [start, end). */
static int decode_error(TnParser *p, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    if (end == start + 1)
        tn_pr_raise_error(p, &tn_exc_SyntaxError,
                          "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in "
                          "position %zd: %s", start, reason);
    else
        tn_pr_raise_error(p, &tn_exc_SyntaxError,
                          "(unicode error) 'unicodeescape' codec can't decode bytes in "
                          "position %zd-%zd: %s", start, end - 1, reason);
    return -1;
}

/* Decode s[0:len] with Python escape sequences, appending code points to
 * out.  0 / -1 (SyntaxError raised). */
static int decode_unicode_with_escapes(TnParser *p, CpBuf *out, const char *s, tn_ssize_t len)
{
    const char *end = s + len;
    tn_ssize_t pos = 0;     /* position in CPython's rewritten buffer */
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            int n = utf8_seq_len(c);
            if (cp_push_utf8(p, out, s, s + n) < 0)
                return -1;
            pos += c < 0x80 ? 1 : 10;
            s += n;
            continue;
        }
        tn_ssize_t start = pos;
        s++;
        pos++;
        if (s >= end || ((unsigned char)*s & 0x80)) {
            /* A backslash before a non-ASCII character (or at the end) is
             * kept literally. */
            if (cp_push(p, out, '\\') < 0)
                return -1;
            pos += 5;
            continue;
        }
        c = (unsigned char)*s++;
        pos++;
        uint32_t ch;
        int count = 0;
        const char *msg = NULL;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\014'; break;
        case 't': ch = '\t'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 'v': ch = '\013'; break;
        case 'a': ch = '\007'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                ch = (ch << 3) + (uint32_t)(*s++ - '0');
                pos++;
                if (s < end && *s >= '0' && *s <= '7') {
                    ch = (ch << 3) + (uint32_t)(*s++ - '0');
                    pos++;
                }
            }
            break;
        case 'x': count = 2; msg = "truncated \\xXX escape"; break;
        case 'u': count = 4; msg = "truncated \\uXXXX escape"; break;
        case 'U': count = 8; msg = "truncated \\UXXXXXXXX escape"; break;
        case 'N': {
            const char *bad = "malformed \\N character escape";
            if (s >= end)
                return decode_error(p, start, pos, bad);
            if (*s != '{')
                return decode_error(p, start, pos, bad);
            s++;
            pos++;
            const char *name = s;
            while (s < end && *s != '}') {
                /* A non-ASCII character counts as its 10-byte \U escape;
                 * UTF-8 continuation bytes add nothing. */
                unsigned char b = (unsigned char)*s++;
                pos += b < 0x80 ? 1 : (b & 0xc0) == 0xc0 ? 10 : 0;
            }
            if (s >= end)
                return decode_error(p, start, pos, bad);
            if (s == name)
                return decode_error(p, start, pos, bad);
            size_t name_len = (size_t)(s - name);
            s++;
            pos++;
            if (!tn_unicode_name_lookup(name, name_len, &ch))
                return decode_error(p, start, pos, "unknown Unicode character name");
            break;
        }
        default:
            /* Invalid escape: kept literally (CPython warns). */
            if (cp_push(p, out, '\\') < 0)
                return -1;
            s--;
            pos--;
            continue;
        }
        if (count > 0) {
            ch = 0;
            for (; count; count--) {
                if (s >= end)
                    return decode_error(p, start, pos, msg);
                char h = *s;
                ch <<= 4;
                if (h >= '0' && h <= '9')
                    ch += (uint32_t)(h - '0');
                else if (h >= 'a' && h <= 'f')
                    ch += (uint32_t)(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F')
                    ch += (uint32_t)(h - 'A' + 10);
                else
                    return decode_error(p, start, pos, msg);
                s++;
                pos++;
            }
            if (ch > 0x10FFFF)
                return decode_error(p, start, pos, "illegal Unicode character");
        }
        if (cp_push(p, out, ch) < 0)
            return -1;
    }
    return 0;
}

/* ======================================================================
 * Literal tokens
 * ==================================================================== */

typedef struct {
    int bytesmode, rawmode, fmode;
    const char *body;       /* between the quotes */
    tn_ssize_t len;
} StrParts;

/* Split a STRING token into prefix flags and body (CPython's parsestr). */
static void split_string_token(TnPToken *t, StrParts *sp)
{
    const char *s = t->t.start;
    const char *e = t->t.end;
    sp->bytesmode = sp->rawmode = sp->fmode = 0;
    for (;;) {
        char c = *s;
        if (c == 'b' || c == 'B')
            sp->bytesmode = 1;
        else if (c == 'r' || c == 'R')
            sp->rawmode = 1;
        else if (c == 'f' || c == 'F')
            sp->fmode = 1;
        else if (c != 'u' && c != 'U')
            break;
        s++;
    }
    char quote = *s;
    s++;
    e--;
    if (e - s >= 4 && s[0] == quote && s[1] == quote) {
        s += 2;
        e -= 2;
    }
    sp->body = s;
    sp->len = e - s;
}

/* Decode the body of a plain (non-f) str literal into out. */
static int decode_plain(TnParser *p, CpBuf *out, const StrParts *sp)
{
    if (sp->rawmode || memchr(sp->body, '\\', (size_t)sp->len) == NULL)
        return cp_push_utf8(p, out, sp->body, sp->body + sp->len);
    return decode_unicode_with_escapes(p, out, sp->body, sp->len);
}

/* ======================================================================
 * f-strings
 * ==================================================================== */

#define FSTRING_MAXLEVEL 200

typedef struct {
    CpBuf last_str;     /* pending literal text */
    TnAstSeq *exprs;    /* built up, then copied */
    TnExpr **items;
    tn_ssize_t n, cap;
    int fmode;
} FstringParser;

static int fs_append_expr(TnParser *p, FstringParser *st, TnExpr *e)
{
    if (st->n == st->cap) {
        tn_ssize_t ncap = st->cap ? st->cap * 2 : 8;
        TnExpr **n = tn_mem_realloc(st->items, (size_t)ncap * sizeof(TnExpr *));
        if (n == NULL) {
            tn_err_no_memory();
            p->error_indicator = 1;
            return -1;
        }
        st->items = n;
        st->cap = ncap;
    }
    st->items[st->n++] = e;
    return 0;
}

static void fs_dealloc(FstringParser *st)
{
    cp_free(&st->last_str);
    tn_mem_free(st->items);
}

/* Constant node from the pending text (kind 'u' if the first token of the
 * concatenation starts with a lowercase u). */
static TnExpr *make_str_node(TnParser *p, CpBuf *b, TnPToken *first, TnPToken *last)
{
    static const uint32_t empty[1] = {0};
    TnObject *s = tn_str_from_codepoints(b->cps ? b->cps : empty, b->n);
    cp_free(b);
    if (tn_pr_arena_object(p, s) == NULL)
        return NULL;
    TnObject *kind = NULL;
    if (first->t.start[0] == 'u') {
        kind = tn_pr_new_identifier(p, "u", 1);
        if (kind == NULL)
            return NULL;
    }
    TnAstLoc loc = {first->t.lineno, first->t.col_offset, last->t.end_lineno,
                    last->t.end_col_offset};
    return tn_pr_constant(p, s, kind, loc);
}

/* Add decoded text to the pending string. */
static int fs_concat(TnParser *p, FstringParser *st, CpBuf *text)
{
    for (tn_ssize_t i = 0; i < text->n; i++) {
        if (cp_push(p, &st->last_str, text->cps[i]) < 0)
            return -1;
    }
    if (text->n > 0)
        st->last_str.used = 1;
    return 0;
}

static TnExpr *fstring_parse(TnParser *p, const char **str, const char *end, int raw,
                             int recurse_lvl, TnPToken *first, TnPToken *t, TnPToken *last);

/* Literal text up to the next single '{' or '}' (CPython's
 * fstring_find_literal).  Returns 0, 1 (doubled brace: literal ends here
 * but continue scanning), or -1. */
static int fstring_find_literal(TnParser *p, const char **str, const char *end, int raw,
                                CpBuf *literal, int recurse_lvl)
{
    const char *s = *str;
    const char *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                /* Skip "\N{...}" so its braces do not start an expression. */
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}')
                        ;
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s) {
        literal->used = 1;
        if (raw) {
            if (cp_push_utf8(p, literal, literal_start, s) < 0)
                return -1;
        }
        else if (decode_unicode_with_escapes(p, literal, literal_start, s - literal_start) < 0) {
            return -1;
        }
    }
    return result;
}

/* Parse one replacement field starting at the '{' at *str (CPython's
 * fstring_find_expr).  0 / -1. */
static int fstring_find_expr(TnParser *p, const char **str, const char *end, int raw,
                             int recurse_lvl, CpBuf *expr_text, TnExpr **expression,
                             TnPToken *first, TnPToken *t, TnPToken *last)
{
    const char *expr_start, *expr_end;
    TnExpr *simple_expression, *format_spec = NULL;
    int conversion = -1;
    char quote_char = 0;
    int string_type = 0;
    int nested_depth = 0;
    char parenstack[FSTRING_MAXLEVEL];

    if (recurse_lvl >= 2) {
        tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: expressions nested too deeply");
        return -1;
    }
    *str += 1;
    expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            tn_pr_raise_error(p, &tn_exc_SyntaxError,
                              "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                        continue;
                    }
                }
                else {
                    quote_char = 0;
                    string_type = 0;
                    continue;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
                string_type = 3;
                *str += 2;
            }
            else {
                string_type = 1;
            }
            quote_char = ch;
        }
        else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested_depth >= FSTRING_MAXLEVEL) {
                tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: too many nested parenthesis");
                return -1;
            }
            parenstack[nested_depth++] = ch;
        }
        else if (ch == '#') {
            tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string expression part cannot include '#'");
            return -1;
        }
        else if (nested_depth == 0
                 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = *(*str + 1);
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=')
                    || (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        }
        else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested_depth) {
                tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: unmatched '%c'", ch);
                return -1;
            }
            nested_depth--;
            int opening = (unsigned char)parenstack[nested_depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']')
                  || (opening == '{' && ch == '}'))) {
                tn_pr_raise_error(p, &tn_exc_SyntaxError,
                                  "f-string: closing parenthesis '%c' does not match opening "
                                  "parenthesis '%c'", ch, opening);
                return -1;
            }
        }
    }
    expr_end = *str;
    if (quote_char) {
        tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: unterminated string");
        return -1;
    }
    if (nested_depth) {
        tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: unmatched '%c'",
                          parenstack[nested_depth - 1]);
        return -1;
    }
    if (*str >= end)
        goto unexpected_end_of_string;

    simple_expression = tn_pr_fstring_compile_expr(p, expr_start, expr_end, t);
    if (simple_expression == NULL)
        return -1;

    if (**str == '=') {
        *str += 1;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r'
                              || **str == '\f' || **str == '\v'))
            *str += 1;
        if (*str >= end)
            goto unexpected_end_of_string;
        expr_text->used = 1;
        if (cp_push_utf8(p, expr_text, expr_start, *str) < 0)
            return -1;
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end_of_string;
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            tn_pr_raise_error(p, &tn_exc_SyntaxError,
                              "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    if (*str >= end)
        goto unexpected_end_of_string;
    if (**str == ':') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end_of_string;
        format_spec = fstring_parse(p, str, end, raw, recurse_lvl + 1, first, t, last);
        if (format_spec == NULL)
            return -1;
    }
    if (*str >= end || **str != '}')
        goto unexpected_end_of_string;
    *str += 1;
    if (expr_text->used && format_spec == NULL && conversion == -1)
        conversion = 'r';
    {
        TnAstLoc loc = {first->t.lineno, first->t.col_offset, last->t.end_lineno,
                        last->t.end_col_offset};
        TnExpr *fv = tn_pr_expr(p, TN_EXPR_FORMATTEDVALUE, loc);
        if (fv == NULL)
            return -1;
        fv->v.formattedvalue.value = simple_expression;
        fv->v.formattedvalue.conversion = conversion;
        fv->v.formattedvalue.format_spec = format_spec;
        *expression = fv;
    }
    return 0;

unexpected_end_of_string:
    tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: expecting '}'");
    return -1;
}

/* Parse f-string text [*str, end) into the state (CPython's
 * _PyPegen_FstringParser_ConcatFstring). */
static int fstring_concat(TnParser *p, FstringParser *st, const char **str, const char *end,
                          int raw, int recurse_lvl, TnPToken *first, TnPToken *t, TnPToken *last)
{
    st->fmode = 1;
    for (;;) {
        CpBuf literal = {0};
        CpBuf expr_text = {0};
        TnExpr *expression = NULL;
        int result = fstring_find_literal(p, str, end, raw, &literal, recurse_lvl);
        if (result >= 0 && result != 1 && *str < end && **str != '}') {
            if (fstring_find_expr(p, str, end, raw, recurse_lvl, &expr_text, &expression, first, t,
                                  last) < 0)
                result = -1;
        }
        if (result < 0) {
            cp_free(&literal);
            cp_free(&expr_text);
            return -1;
        }
        if (fs_concat(p, st, &literal) < 0 || fs_concat(p, st, &expr_text) < 0) {
            cp_free(&literal);
            cp_free(&expr_text);
            return -1;
        }
        cp_free(&literal);
        cp_free(&expr_text);
        if (result == 1)
            continue;
        if (expression == NULL)
            break;
        if (st->last_str.used) {
            TnExpr *s = make_str_node(p, &st->last_str, first, last);
            if (s == NULL || fs_append_expr(p, st, s) < 0)
                return -1;
        }
        if (fs_append_expr(p, st, expression) < 0)
            return -1;
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: unexpected end of string");
        return -1;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        tn_pr_raise_error(p, &tn_exc_SyntaxError, "f-string: expecting '}'");
        return -1;
    }
    return 0;
}

/* The final node: a Constant if there were no expressions, else JoinedStr. */
static TnExpr *fstring_finish(TnParser *p, FstringParser *st, TnPToken *first, TnPToken *last)
{
    if (!st->fmode)
        return make_str_node(p, &st->last_str, first, last);
    if (st->last_str.used) {
        TnExpr *s = make_str_node(p, &st->last_str, first, last);
        if (s == NULL || fs_append_expr(p, st, s) < 0)
            return NULL;
    }
    TnAstSeq *seq = tn_pr_seq_new(p, st->n);
    if (seq == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < st->n; i++)
        seq->items[i] = st->items[i];
    TnAstLoc loc = {first->t.lineno, first->t.col_offset, last->t.end_lineno,
                    last->t.end_col_offset};
    TnExpr *e = tn_pr_expr(p, TN_EXPR_JOINEDSTR, loc);
    if (e != NULL)
        e->v.joinedstr.values = seq;
    return e;
}

/* A nested format spec: its own JoinedStr, located at token t. */
static TnExpr *fstring_parse(TnParser *p, const char **str, const char *end, int raw,
                             int recurse_lvl, TnPToken *first, TnPToken *t, TnPToken *last)
{
    FstringParser st;
    memset(&st, 0, sizeof st);
    TnExpr *r = NULL;
    if (fstring_concat(p, &st, str, end, raw, recurse_lvl, first, t, last) == 0)
        r = fstring_finish(p, &st, t, t);
    fs_dealloc(&st);
    return r;
}

/* ======================================================================
 * Concatenation of adjacent literals
 * ==================================================================== */

#ifndef TN_PARSER_TEST_HOOKS
/* Append the value of a bytes literal body (ASCII only, checked by the
 * caller) to b: escapes \xhh, octal and the single-character ones; any
 * other backslash (\u, \N ...) is kept literally.  0 / -1 (MemoryError or
 * ValueError for a bad \x escape, as CPython's bytes decoder). */
static int decode_bytes_body(TnParser *p, TnByteBuf *b, const StrParts *sp)
{
    if (sp->rawmode)
        return tn_bbuf_put(b, sp->body, sp->len);
    tn_ssize_t bad = 0;
    int r = tn_codec_bytes_unescape(sp->body, sp->len, NULL, b, &bad);
    if (r == -2)
        tn_pr_raise_error(p, &tn_exc_SyntaxError, "(value error) invalid \\x escape at position %zd", bad);
    return r < 0 ? -1 : 0;
}
#endif

static TnExpr *bytes_literal(TnParser *p, TnAstSeq *tokens)
{
    TnPToken *first = tokens->items[0];
#ifdef TN_PARSER_TEST_HOOKS
    TnPToken *last = tokens->items[tokens->n - 1];
    /* Test builds: a stand-in object built from the raw literal texts. */
    size_t total = 0;
    for (tn_ssize_t i = 0; i < tokens->n; i++) {
        TnPToken *t = tokens->items[i];
        total += (size_t)(t->t.end - t->t.start) + 2;
    }
    char *buf = tn_mem_alloc(total + 1);
    if (buf == NULL) {
        tn_err_no_memory();
        p->error_indicator = 1;
        return NULL;
    }
    size_t k = 0;
    for (tn_ssize_t i = 0; i < tokens->n; i++) {
        TnPToken *t = tokens->items[i];
        StrParts sp;
        split_string_token(t, &sp);
        memcpy(buf + k, sp.body, (size_t)sp.len);
        k += (size_t)sp.len;
        buf[k++] = '\x02';
        buf[k++] = sp.rawmode ? 'R' : 'E';
    }
    TnObject *o = tn_parser_test_bytes(buf, (tn_ssize_t)k);
    tn_mem_free(buf);
    if (tn_pr_arena_object(p, o) == NULL)
        return NULL;
    TnAstLoc loc = {first->t.lineno, first->t.col_offset, last->t.end_lineno,
                    last->t.end_col_offset};
    return tn_pr_constant(p, o, NULL, loc);
#else
    TnPToken *last = tokens->items[tokens->n - 1];
    TnByteBuf b = {0};
    for (tn_ssize_t i = 0; i < tokens->n; i++) {
        StrParts sp;
        split_string_token(tokens->items[i], &sp);
        if (decode_bytes_body(p, &b, &sp) < 0) {
            tn_bbuf_free(&b);
            p->error_indicator = 1;
            return NULL;
        }
    }
    TnObject *o = tn_bytes_from_data(b.buf, b.len);
    tn_bbuf_free(&b);
    if (o == NULL || tn_pr_arena_object(p, o) == NULL) {
        p->error_indicator = 1;
        return NULL;
    }
    TnAstLoc loc = {first->t.lineno, first->t.col_offset, last->t.end_lineno,
                    last->t.end_col_offset};
    return tn_pr_constant(p, o, NULL, loc);
#endif
}

/* CPython's _PyPegen_concatenate_strings: tokens is a sequence of STRING
 * tokens (TnPToken *). */
TnExpr *tn_pr_concatenate_strings(TnParser *p, TnAstSeq *tokens)
{
    TnPToken *first = tokens->items[0];
    TnPToken *last = tokens->items[tokens->n - 1];
    int bytesmode = 0;
    FstringParser st;
    memset(&st, 0, sizeof st);
    TnExpr *result = NULL;

    for (tn_ssize_t i = 0; i < tokens->n; i++) {
        TnPToken *t = tokens->items[i];
        StrParts sp;
        split_string_token(t, &sp);
        if (sp.bytesmode) {
            for (tn_ssize_t j = 0; j < sp.len; j++) {
                if ((unsigned char)sp.body[j] >= 0x80) {
                    tn_pr_raise_on_loc(p, tn_pr_tok_loc(t),
                                       "bytes can only contain ASCII literal characters");
                    goto done;
                }
            }
        }
        if (i != 0 && bytesmode != sp.bytesmode) {
            tn_pr_raise_error(p, &tn_exc_SyntaxError, "cannot mix bytes and nonbytes literals");
            goto done;
        }
        bytesmode = sp.bytesmode;
        if (sp.fmode) {
            const char *s = sp.body;
            if (fstring_concat(p, &st, &s, sp.body + sp.len, sp.rawmode, 0, first, t, last) < 0)
                goto done;
        }
        else if (!bytesmode) {
            CpBuf text = {0};
            if (decode_plain(p, &text, &sp) < 0) {
                cp_free(&text);
                goto done;
            }
            int r = fs_concat(p, &st, &text);
            cp_free(&text);
            if (r < 0)
                goto done;
        }
    }
    if (bytesmode)
        result = bytes_literal(p, tokens);
    else
        result = fstring_finish(p, &st, first, last);
done:
    fs_dealloc(&st);
    if (result == NULL)
        p->error_indicator = 1;
    return result;
}
