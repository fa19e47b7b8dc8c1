/* core/vm/traceback.c — printing exceptions the way CPython's default
 * sys.excepthook does (Python/pythonrun.c and Python/traceback.c):
 * chained exceptions, "Traceback (most recent call last):", one entry per
 * frame with the source line and ^ carets under the failing expression,
 * SyntaxError's special layout, and the final "Type: message" line.  *
 * Design note: docs/execution.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/compiler/parser.h"

/* Read line `lineno` (1-based) of a file into a malloc'd string without its
 * newline, or NULL.  Tracebacks are rare, so no caching. */
static char *read_source_line(const char *filename, int lineno)
{
    if (filename == NULL || lineno < 1)
        return NULL;
    FILE *f = fopen(filename, "rb");
    if (f == NULL)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, len = 0;
    int line = 1, c;
    while ((c = fgetc(f)) != EOF) {
        if (line == lineno) {
            if (c == '\n')
                break;
            if (len + 2 > cap) {
                size_t ncap = cap ? cap * 2 : 128;
                char *nb = realloc(buf, ncap);
                if (nb == NULL)
                    break;
                buf = nb;
                cap = ncap;
            }
            buf[len++] = (char)c;
        } else if (c == '\n' && ++line > lineno) {
            break;
        }
    }
    fclose(f);
    if (buf == NULL)
        return line == lineno && c != EOF ? calloc(1, 1) : NULL;
    if (len > 0 && buf[len - 1] == '\r')
        len--;
    buf[len] = '\0';
    return buf;
}

/* Number of code points in the first `bytes` bytes of UTF-8 text. */
static int utf8_chars(const char *s, int bytes)
{
    int n = 0;
    for (int i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Byte offset -> character offset within UTF-8 text (bytes past the end
 * count as characters). */
static int char_offset(const char *s, int bytes)
{
    int len = (int)strlen(s);
    if (bytes > len)
        return utf8_chars(s, len) + (bytes - len);
    return utf8_chars(s, bytes);
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

/* CPython 3.11's extract_anchors_from_line: parse the failing segment; for a
 * binary operation mark the operator, for a subscript the brackets
 * ("~~~^^^^").  Anchors are byte offsets within the segment; returns 1 if
 * found, 0 otherwise (never an error: parse failures are cleared). */
static int segment_anchors(const char *seg, int *left, int *right)
{
    TnArena *arena = tn_arena_new();
    if (arena == NULL) {
        tn_err_clear();
        return 0;
    }
    int found = 0;
    TnMod *mod = tn_parse_string(seg, (tn_ssize_t)strlen(seg), "<string>", TN_MODE_FILE, arena);
    if (mod == NULL) {
        tn_err_clear();
    } else if (tn_ast_seq_len(mod->body) == 1) {
        TnStmt *st = TN_SEQ_GET(mod->body, 0);
        TnExpr *e = st->kind == TN_STMT_EXPR ? st->v.expr.value : NULL;
        if (e != NULL && e->kind == TN_EXPR_BINOP) {
            int stop = e->v.binop.right->loc.col_offset;
            for (int i = e->v.binop.left->loc.end_col_offset; i < stop; i++) {
                if (is_ws(seg[i]))
                    continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < stop && !is_ws(seg[i + 1]))
                    ++*right;   /* two-character operator, e.g. // */
                found = 1;
                break;
            }
        } else if (e != NULL && e->kind == TN_EXPR_SUBSCRIPT) {
            *left = e->v.subscript.value->loc.end_col_offset;
            *right = e->v.subscript.slice->loc.end_col_offset + 1;
            found = 1;
        }
    }
    tn_arena_free(arena);
    return found;
}

/* The source line of a traceback entry, then (when they do not just
 * underline the whole line) the carets, as CPython 3.11's tb_displayline. */
static void print_source_with_carets(FILE *out, const char *line, const TnCodePos *pos)
{
    int strip = 0;
    while (is_ws(line[strip]))
        strip++;
    const char *text = line + strip;
    int text_len = (int)strlen(text);
    while (text_len > 0 && is_ws(text[text_len - 1]))
        text_len--;
    fprintf(out, "    %.*s\n", text_len, text);
    if (pos == NULL || pos->col < 0 || pos->end_col < 0 || pos->lineno < 0)
        return;
    int line_bytes = (int)strlen(line);
    int truncation = utf8_chars(line, strip);
    int start = char_offset(line, pos->col);
    int end = char_offset(line, pos->end_col);
    int left_end = -1, right_start = -1;
    const char *primary = "^", *secondary = "^";
    if (pos->end_lineno == pos->lineno) {
        if (pos->col < pos->end_col && pos->end_col <= line_bytes) {
            char *seg = strndup(line + pos->col, (size_t)(pos->end_col - pos->col));
            int l, r;
            if (seg != NULL && segment_anchors(seg, &l, &r)) {
                left_end = char_offset(seg, l) + start;
                right_start = char_offset(seg, r) + start;
                primary = "~";
                secondary = "^";
            }
            free(seg);
        }
    } else {
        /* Multi-line expression: underline to the last non-blank character. */
        int i = line_bytes;
        while (--i >= 0 && is_ws(line[i]))
            ;
        end = utf8_chars(line, i + 1);
    }
    bool secondary_ranges = left_end != -1 || right_start != -1;
    if (end - start == utf8_chars(text, text_len) && !secondary_ranges)
        return;
    fputs("    ", out);
    for (int off = truncation + 1; off <= end; off++) {
        if (off <= start)
            fputc(' ', out);
        else if (secondary_ranges && left_end < off && off <= right_start)
            fputs(secondary, out);
        else
            fputs(primary, out);
    }
    fputc('\n', out);
}

static const char *str_or_null(TnObject *s)
{
    return s != NULL && tn_str_check(s) ? tn_str_utf8(s, NULL) : NULL;
}

/* CPython prints at most this many entries (the innermost ones)... */
#define TB_LIMIT 1000
/* ...and collapses a run of identical entries after this many. */
#define TB_RECURSIVE_CUTOFF 3

static void print_entry(FILE *out, TnTraceback *tb)
{
    TnCode *co = (TnCode *)tb->code;
    const char *filename = str_or_null(co->filename);
    const char *name = str_or_null(co->name);
    fprintf(out, "  File \"%s\", line %d, in %s\n", filename ? filename : "???", tb->lineno,
            name ? name : "???");
    char *line = read_source_line(filename, tb->lineno);
    if (line != NULL) {
        const TnCodePos *pos = tb->lasti >= 0 && tb->lasti < co->ninstr ? &co->positions[tb->lasti] : NULL;
        print_source_with_carets(out, line, pos);
        free(line);
    }
}

static void print_repeated(FILE *out, long count)
{
    count -= TB_RECURSIVE_CUTOFF;
    fprintf(out, "  [Previous line repeated %ld more time%s]\n", count, count > 1 ? "s" : "");
}

static bool same_place(TnTraceback *a, TnTraceback *b)
{
    TnCode *ca = (TnCode *)a->code, *cb = (TnCode *)b->code;
    return a->lineno == b->lineno && tn_str_eq(ca->filename, cb->filename) && tn_str_eq(ca->name, cb->name);
}

static void print_traceback(FILE *out, TnTraceback *tb)
{
    long depth = 0;
    for (TnTraceback *t = tb; t != NULL; t = t->next)
        depth++;
    for (; tb != NULL && depth > TB_LIMIT; depth--)
        tb = tb->next;
    fputs("Traceback (most recent call last):\n", out);
    TnTraceback *last = NULL;
    long count = 0;
    for (; tb != NULL; tb = tb->next) {
        if (last == NULL || !same_place(last, tb)) {
            if (count > TB_RECURSIVE_CUTOFF)
                print_repeated(out, count);
            last = tb;
            count = 0;
        }
        if (++count <= TB_RECURSIVE_CUTOFF)
            print_entry(out, tb);
    }
    if (count > TB_RECURSIVE_CUTOFF)
        print_repeated(out, count);
}

static long int_field(TnObject *v, long dflt)
{
    if (v == NULL || !tn_int_check(v))
        return dflt;
    int overflow;
    int64_t x = tn_int_as_i64(v, &overflow);
    return overflow ? dflt : (long)x;
}

/* SyntaxError layout: File line, the text with carets (offsets are 1-based
 * character columns), then the message. */
static void print_syntax_error_location(FILE *out, TnSyntaxErrorObject *se, bool single_caret)
{
    const char *filename = str_or_null(se->filename);
    long lineno = int_field(se->lineno, -1);
    fprintf(out, "  File \"%s\", line %ld\n", filename ? filename : "<string>", lineno);
    const char *text = str_or_null(se->text);
    if (text == NULL)
        return;
    long offset = int_field(se->offset, -1) - 1;
    long end_offset = int_field(se->end_offset, -1) - 1;
    long end_lineno = int_field(se->end_lineno, lineno);
    /* Work in code points, as the offsets are. */
    TnObject *t = se->text;
    tn_ssize_t n = tn_str_length(t);
    tn_ssize_t strip = 0;
    while (strip < n) {
        uint32_t c = tn_str_read(t, strip);
        if (c != ' ' && c != '\t' && c != '\f')
            break;
        strip++;
    }
    tn_ssize_t len = n;
    while (len > strip && (tn_str_read(t, len - 1) == '\n' || tn_str_read(t, len - 1) == '\r'))
        len--;
    TnObject *shown = tn_str_substring(t, strip, len);
    if (shown == NULL) {
        tn_err_clear();
        return;
    }
    fprintf(out, "    %s\n", tn_str_utf8(shown, NULL));
    tn_decref(shown);
    offset -= strip;
    end_offset -= strip;
    if (offset < 0)
        return;
    if (offset > len - strip)
        offset = len - strip;
    long carets = 1;
    if (single_caret)
        ;   /* CPython marks an IndentationError with one caret */
    else if (end_lineno == lineno && end_offset > offset)
        carets = end_offset - offset;
    else if (end_lineno > lineno)
        carets = (long)(len - strip) - offset;
    if (carets < 1)
        carets = 1;
    fprintf(out, "    %*s", (int)offset, "");
    for (long i = 0; i < carets; i++)
        fputc('^', out);
    fputc('\n', out);
}

/* "ValueError: msg" / "ValueError" / "mod.Error: msg". */
static void print_exception_line(FILE *out, TnObject *exc)
{
    TnType *tp = tn_type(exc);
    if (tp->flags & TN_TPFLAGS_HEAPTYPE) {
        TnObject *mod = tp->dict ? tn_dict_get_cstr_borrowed(tp->dict, "__module__") : NULL;
        const char *m = str_or_null(mod);
        if (m != NULL && strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0)
            fprintf(out, "%s.", m);
    }
    fputs(tp->name, out);
    TnObject *msg;
    if (tn_object_type_check(exc, &tn_exc_SyntaxError)) {
        TnObject *m = ((TnSyntaxErrorObject *)exc)->msg;
        msg = m != NULL ? tn_object_str(m) : tn_object_str(exc);
    } else {
        msg = tn_object_str(exc);
    }
    if (msg == NULL) {
        tn_err_clear();
        fputs(": <exception str() failed>\n", out);
        return;
    }
    const char *s = tn_str_utf8(msg, NULL);
    if (s != NULL && s[0] != '\0')
        fprintf(out, ": %s", s);
    fputc('\n', out);
    tn_decref(msg);
}

static void print_one(FILE *out, TnObject *exc)
{
    TnBaseException *e = (TnBaseException *)exc;
    if (e->traceback != NULL)
        print_traceback(out, (TnTraceback *)e->traceback);
    if (tn_object_type_check(exc, &tn_exc_SyntaxError))
        print_syntax_error_location(out, (TnSyntaxErrorObject *)exc,
                                    tn_object_type_check(exc, &tn_exc_IndentationError));
    print_exception_line(out, exc);
}

#define MAX_CHAIN 100

static void print_chain(FILE *out, TnObject *exc, TnObject **seen, int nseen)
{
    if (nseen >= MAX_CHAIN)
        return;
    seen[nseen++] = exc;
    TnBaseException *e = (TnBaseException *)exc;
    TnObject *next = NULL;
    const char *sep = NULL;
    if (e->cause != NULL) {
        next = e->cause;
        sep = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (e->context != NULL && !e->suppress_context) {
        next = e->context;
        sep = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    for (int i = 0; next != NULL && i < nseen; i++)
        if (seen[i] == next)
            next = NULL;
    if (next != NULL) {
        print_chain(out, next, seen, nseen);
        fputs(sep, out);
    }
    print_one(out, exc);
}

void tn_err_print_exception(TnObject *exc)
{
    TnObject *seen[MAX_CHAIN];
    fflush(stdout);
    print_chain(stderr, exc, seen, 0);
    fflush(stderr);
}

/* SystemExit(code): None -> 0, int -> that code, anything else is printed
 * to stderr and gives 1 (CPython's handle_system_exit). */
static int system_exit_code(TnObject *exc)
{
    TnObject *code = ((TnSystemExitObject *)exc)->code;
    if (code == NULL || code == TN_NONE)
        return 0;
    if (tn_int_check(code)) {
        int overflow;
        int64_t v = tn_int_as_i64(code, &overflow);
        return overflow ? -1 : (int)v;
    }
    TnObject *s = tn_object_str(code);
    fflush(stdout);
    if (s != NULL) {
        fprintf(stderr, "%s\n", tn_str_utf8(s, NULL));
        tn_decref(s);
    } else {
        tn_err_clear();
    }
    return 1;
}

int tn_err_handle_uncaught(void)
{
    TnObject *exc = tn_err_fetch();
    if (exc == NULL)
        return 0;
    int code;
    if (tn_object_type_check(exc, &tn_exc_SystemExit)) {
        code = system_exit_code(exc);
    } else {
        tn_err_print_exception(exc);
        code = 1;
    }
    tn_decref(exc);
    return code;
}
