/* core/vm/traceback.c — printing exceptions the way CPython's default
 * sys.excepthook does (Python/pythonrun.c and Python/traceback.c):
 * chained exceptions, "Traceback (most recent call last):", one entry per
 * frame with the source line and ^ carets under the failing expression,
 * SyntaxError's special layout, and the final "Type: message" line.  *
 * Design note: docs/execution.md.
 */
#define _GNU_SOURCE 1   /* open_memstream */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/compiler/parser.h"

/* Where and how deep we print (CPython's exception_print_context): inside
 * an exception group every line starts with 2*depth spaces and "| ". */
#define MAX_SEEN 1000
typedef struct PrintCtx {
    FILE *out;
    int group_depth;            /* nesting level of the exception group being printed */
    bool need_close;            /* the closing "+----" line is still owed */
    int nseen;
    TnObject *seen[MAX_SEEN];   /* exceptions already printed (chaining cycles) */
} PrintCtx;

/* CPython's limits: PyErr_MAX_GROUP_WIDTH / PyErr_MAX_GROUP_DEPTH. */
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

static void write_indent(PrintCtx *c)
{
    fprintf(c->out, "%*s", 2 * c->group_depth, "");
}

/* The start of every line: the indent and, inside a group, "| ". */
static void margin(PrintCtx *c)
{
    write_indent(c);
    if (c->group_depth > 0)
        fputs("| ", c->out);
}

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
                char *nb = tn_mem_realloc(buf, ncap);
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
        return line == lineno && c != EOF ? tn_mem_calloc(1, 1) : NULL;
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
static void print_source_with_carets(PrintCtx *c, const char *line, const TnCodePos *pos)
{
    FILE *out = c->out;
    int strip = 0;
    while (is_ws(line[strip]))
        strip++;
    const char *text = line + strip;
    int text_len = (int)strlen(text);
    while (text_len > 0 && is_ws(text[text_len - 1]))
        text_len--;
    margin(c);
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
            char *seg = tn_mem_strndup(line + pos->col, (size_t)(pos->end_col - pos->col));
            int l, r;
            if (seg != NULL && segment_anchors(seg, &l, &r)) {
                left_end = char_offset(seg, l) + start;
                right_start = char_offset(seg, r) + start;
                primary = "~";
                secondary = "^";
            }
            tn_mem_free(seg);
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
    margin(c);
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

static void print_entry(PrintCtx *c, TnTraceback *tb)
{
    FILE *out = c->out;
    TnCode *co = (TnCode *)tb->code;
    const char *filename = str_or_null(co->filename);
    const char *name = str_or_null(co->name);
    margin(c);
    fprintf(out, "  File \"%s\", line %d, in %s\n", filename ? filename : "???", tb->lineno,
            name ? name : "???");
    char *line = read_source_line(filename, tb->lineno);
    if (line != NULL) {
        const TnCodePos *pos = tb->lasti >= 0 && tb->lasti < co->ninstr ? &co->positions[tb->lasti] : NULL;
        print_source_with_carets(c, line, pos);
        tn_mem_free(line);
    }
}

static void print_repeated(PrintCtx *c, long count)
{
    count -= TB_RECURSIVE_CUTOFF;
    margin(c);
    fprintf(c->out, "  [Previous line repeated %ld more time%s]\n", count, count > 1 ? "s" : "");
}

static bool same_place(TnTraceback *a, TnTraceback *b)
{
    TnCode *ca = (TnCode *)a->code, *cb = (TnCode *)b->code;
    return a->lineno == b->lineno && tn_str_eq(ca->filename, cb->filename) && tn_str_eq(ca->name, cb->name);
}

/* header_margin: what precedes the header line ("+ " for the outermost
 * exception group, else the margin). */
static void print_traceback(PrintCtx *c, TnTraceback *tb, const char *header,
                            const char *header_margin)
{
    long depth = 0;
    for (TnTraceback *t = tb; t != NULL; t = t->next)
        depth++;
    for (; tb != NULL && depth > TB_LIMIT; depth--)
        tb = tb->next;
    write_indent(c);
    fputs(header_margin, c->out);
    fputs(header, c->out);
    TnTraceback *last = NULL;
    long count = 0;
    for (; tb != NULL; tb = tb->next) {
        if (last == NULL || !same_place(last, tb)) {
            if (count > TB_RECURSIVE_CUTOFF)
                print_repeated(c, count);
            last = tb;
            count = 0;
        }
        if (++count <= TB_RECURSIVE_CUTOFF)
            print_entry(c, tb);
    }
    if (count > TB_RECURSIVE_CUTOFF)
        print_repeated(c, count);
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
static void print_syntax_error_location(PrintCtx *c, TnSyntaxErrorObject *se, bool single_caret)
{
    /* Fields are borrowed: nothing below runs Python code (C stdio only). */
    FILE *out = c->out;
    TnObject *t = tn_field_load(&se->text);
    const char *filename = str_or_null(tn_field_load(&se->filename));
    long lineno = int_field(tn_field_load(&se->lineno), -1);
    margin(c);
    fprintf(out, "  File \"%s\", line %ld\n", filename ? filename : "<string>", lineno);
    const char *text = str_or_null(t);
    if (text == NULL)
        return;
    long offset = int_field(tn_field_load(&se->offset), -1) - 1;
    long end_offset = int_field(tn_field_load(&se->end_offset), -1) - 1;
    long end_lineno = int_field(tn_field_load(&se->end_lineno), lineno);
    /* Work in code points, as the offsets are. */
    tn_ssize_t n = tn_str_length(t);
    tn_ssize_t strip = 0;
    while (strip < n) {
        uint32_t ch = tn_str_read(t, strip);
        if (ch != ' ' && ch != '\t' && ch != '\f')
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
    /* CPython 3.11's print_error_text writes the text and carets without
     * the exception-group margin. */
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
static void print_exception_line(PrintCtx *c, TnObject *exc)
{
    FILE *out = c->out;
    TnType *tp = tn_type(exc);
    margin(c);
    if (tp->flags & TN_TPFLAGS_HEAPTYPE) {
        TnObject *mod = tp->dict ? tn_dict_get_cstr_borrowed(tp->dict, "__module__") : NULL;
        const char *m = str_or_null(mod);
        if (m != NULL && strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0)
            fprintf(out, "%s.", m);
    }
    fputs(tn_type_name(tp), out);
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

/* Write a str (or a placeholder) after the margin, each of its lines
 * getting the margin (CPython's print_exception_notes). */
static void print_note_lines(PrintCtx *c, TnObject *s)
{
    tn_ssize_t len;
    const char *p = tn_str_utf8(s, &len);
    if (p == NULL) {
        tn_err_clear();
        return;
    }
    const char *end = p + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl != NULL ? nl + 1 : end;
        margin(c);
        fwrite(p, 1, (size_t)(stop - p), c->out);
        p = stop;
    }
}

/* exc.__notes__ after the message line: each note's lines, or the repr of
 * a __notes__ that is not a sequence. */
static void print_notes(PrintCtx *c, TnObject *exc)
{
    TnObject *notes = NULL;
    if (tn_object_lookup_attr(exc, tn_str_intern_cstr("__notes__"), &notes) <= 0) {
        tn_err_clear();
        return;
    }
    TnObject *seq = NULL;
    if (!tn_str_check(notes) && !tn_bytes_check(notes))
        seq = tn_list_from_iterable(notes);
    if (seq == NULL) {
        tn_err_clear();
        TnObject *r = tn_object_repr(notes);
        margin(c);
        fputs(r != NULL ? tn_str_utf8(r, NULL) : "<__notes__ repr() failed>", c->out);
        fputc('\n', c->out);
        tn_xdecref(r);
        tn_err_clear();
    }
    for (tn_ssize_t i = 0; seq != NULL && i < tn_list_size(seq); i++) {
        TnObject *note = tn_list_get_item_ref(seq, i);
        TnObject *s = note != NULL ? tn_object_str(note) : NULL;
        if (s == NULL) {
            tn_err_clear();
            fputs("<note str() failed>", c->out);
        } else {
            print_note_lines(c, s);
        }
        fputc('\n', c->out);
        tn_xdecref(s);
        tn_xdecref(note);
    }
    tn_xdecref(seq);
    tn_decref(notes);
}

static void print_exception(PrintCtx *c, TnObject *exc)
{
    TnBaseException *e = (TnBaseException *)exc;
    TnObject *tb = tn_field_get_ref(&e->traceback);   /* printing runs Python code */
    if (tb != NULL) {
        const char *header = "Traceback (most recent call last):\n";
        const char *header_margin = c->group_depth > 0 ? "| " : "";
        if (tn_exception_group_check(exc)) {
            header = "Exception Group Traceback (most recent call last):\n";
            if (c->group_depth == 1)
                header_margin = "+ ";
        }
        print_traceback(c, (TnTraceback *)tb, header, header_margin);
        tn_decref(tb);
    }
    if (tn_object_type_check(exc, &tn_exc_SyntaxError))
        print_syntax_error_location(c, (TnSyntaxErrorObject *)exc,
                                    tn_object_type_check(exc, &tn_exc_IndentationError));
    print_exception_line(c, exc);
    print_notes(c, exc);
}

static void print_recursive(PrintCtx *c, TnObject *exc);

static bool seen_before(PrintCtx *c, TnObject *exc)
{
    for (int i = 0; i < c->nseen; i++)
        if (c->seen[i] == exc)
            return true;
    return false;
}

/* The cause or context, then the line that links it to what follows. */
static void print_chained(PrintCtx *c, TnObject *exc, const char *message)
{
    bool need_close = c->need_close;
    print_recursive(c, exc);
    c->need_close = need_close;
    margin(c);
    fputc('\n', c->out);
    margin(c);
    fputs(message, c->out);
    margin(c);
    fputc('\n', c->out);
}

static void print_cause_and_context(PrintCtx *c, TnObject *exc)
{
    if (c->nseen >= MAX_SEEN)
        return;
    c->seen[c->nseen++] = exc;
    /* Held while printed: printing runs Python code, and another thread may
     * replace __cause__ / __context__ meanwhile (threading/qsbr.h).  The
     * seen list borrows them: each is still held by this call or a caller
     * further up while the list is consulted. */
    TnBaseException *e = (TnBaseException *)exc;
    TnObject *cause = tn_field_get_ref(&e->cause);
    TnObject *context = cause == NULL && !tn_exc_suppress_context(exc) ? tn_field_get_ref(&e->context) : NULL;
    if (cause != NULL) {
        if (!seen_before(c, cause))
            print_chained(c, cause, "The above exception was the direct cause of the following exception:\n");
    } else if (context != NULL) {
        if (!seen_before(c, context))
            print_chained(c, context, "During handling of the above exception, another exception occurred:\n");
    }
    tn_xdecref(cause);
    tn_xdecref(context);
}

/* An exception group: its own traceback and line, then each member in a
 * numbered box (CPython 3.11's print_exception_group). */
static void print_group(PrintCtx *c, TnObject *exc)
{
    if (c->group_depth > MAX_GROUP_DEPTH) {
        margin(c);
        fprintf(c->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (c->group_depth == 0)
        c->group_depth++;
    print_exception(c, exc);
    TnObject *excs = ((TnBaseExceptionGroupObject *)exc)->excs;
    tn_ssize_t num = excs != NULL ? tn_tuple_size(excs) : 0;
    tn_ssize_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last)
            c->need_close = true;   /* a nested group may close the box itself */
        write_indent(c);
        bool truncated = i >= MAX_GROUP_WIDTH;
        if (!truncated)
            fprintf(c->out, "%s+---------------- %ld ----------------\n", i == 0 ? "+-" : "  ",
                    (long)(i + 1));
        else
            fputs("  +---------------- ... ----------------\n", c->out);
        c->group_depth++;
        if (!truncated) {
            print_recursive(c, tn_tuple_get(excs, i));
        } else {
            tn_ssize_t remaining = num - MAX_GROUP_WIDTH;
            margin(c);
            fprintf(c->out, "and %ld more exception%s\n", (long)remaining, remaining > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            write_indent(c);
            fputs("+------------------------------------\n", c->out);
            c->need_close = false;
        }
        c->group_depth--;
    }
    if (c->group_depth == 1)
        c->group_depth--;
}

static void print_recursive(PrintCtx *c, TnObject *exc)
{
    char probe;
    if (&probe < tn_tstate()->c_stack_limit)
        return;
    if (!tn_exception_check(exc)) {
        /* `raise X from C` stores whatever C() returned as the cause, and
         * __context__ can be any object: CPython's print_exception_invalid_type. */
        write_indent(c);
        fprintf(c->out, "TypeError: print_exception(): Exception expected for value, %s found\n",
                tn_type_name(tn_type(exc)));
        return;
    }
    print_cause_and_context(c, exc);
    if (tn_exception_group_check(exc))
        print_group(c, exc);
    else
        print_exception(c, exc);
}

void tn_err_print_exception(TnObject *exc)
{
    PrintCtx *c = tn_mem_calloc(1, sizeof(PrintCtx));
    fflush(stdout);
    if (c == NULL) {
        fprintf(stderr, "%s\n", tn_type_name(tn_type(exc)));
        return;
    }
    c->out = stderr;
    print_recursive(c, exc);
    tn_mem_free(c);
    fflush(stderr);
}

/* The report is built in memory and handed to file.write() in one piece,
 * because file may be any Python object (a replaced sys.stderr).  Like
 * CPython's _PyErr_Display, errors raised by file are swallowed: there is
 * nowhere left to report them. */
void tn_err_display(TnObject *exc, TnObject *file)
{
    if (file == NULL) {
        tn_err_print_exception(exc);
        return;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    PrintCtx *c = mem != NULL ? tn_mem_calloc(1, sizeof(PrintCtx)) : NULL;
    if (c == NULL) {
        if (mem != NULL)
            fclose(mem);
        free(buf);
        tn_err_print_exception(exc);
        return;
    }
    fflush(stdout);
    c->out = mem;
    print_recursive(c, exc);
    tn_mem_free(c);
    fclose(mem);
    TnObject *text = tn_str_from_utf8(buf, (tn_ssize_t)len);
    free(buf);   /* open_memstream's buffer is the C library's */
    TnObject *res = text != NULL ? tn_call_method_cstr(file, "write", &text, 1) : NULL;
    tn_xdecref(text);
    tn_xdecref(res);
    res = res != NULL ? tn_call_method_cstr(file, "flush", NULL, 0) : NULL;
    tn_xdecref(res);
    if (res == NULL)
        tn_err_clear();
}

void tn_err_display_sys_stderr(TnObject *exc)
{
    TnObject *sysdict = tn_interp()->sysdict;
    /* A strong reference: the file's write() may rebind sys.stderr (or
     * another thread may) while the traceback is being written. */
    TnObject *file = sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, "stderr") : NULL;
    if (file == NULL) {
        fflush(stdout);
        fputs("lost sys.stderr\n", stderr);
        return;
    }
    /* Through file.write() even for the process's own stderr (an
     * _io.TextIOWrapper): what was written to it before comes first. */
    if (file != TN_NONE)
        tn_err_display(exc, file);
    tn_decref(file);
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

/* A sys.excepthook the program installed (anything but the original
 * sys.__excepthook__) is called with (type, value, traceback), as
 * CPython's PyErr_Display path does.  Returns true when it ran (or failed
 * and both errors were reported as CPython reports them). */
static bool call_user_excepthook(TnObject *exc)
{
    TnObject *sysdict = tn_interp()->sysdict;
    /* A strong reference: another thread may rebind sys.excepthook between
     * the look-up and the call. */
    TnObject *hook = sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, "excepthook") : NULL;
    TnObject *orig = sysdict != NULL ? tn_dict_get_cstr_borrowed(sysdict, "__excepthook__") : NULL;
    if (hook == NULL || hook == orig || hook == TN_NONE) {
        if (hook == TN_NONE) {
            fflush(stdout);
            fputs("sys.excepthook is missing\n", stderr);
        }
        tn_xdecref(hook);
        return false;
    }
    TnObject *tb = tn_field_get_ref(&((TnBaseException *)exc)->traceback);
    TnObject *args[3] = {TN_OBJ(tn_type(exc)), exc, tb != NULL ? tb : TN_NONE};
    TnObject *r = tn_call(hook, args, 3, NULL);
    tn_decref(hook);
    tn_xdecref(tb);
    if (r != NULL) {
        tn_decref(r);
        return true;
    }
    TnObject *err = tn_err_fetch();
    fflush(stdout);
    fputs("Error in sys.excepthook:\n", stderr);
    if (err != NULL) {
        tn_err_print_exception(err);
        tn_decref(err);
    }
    fputs("\nOriginal exception was:\n", stderr);
    tn_err_print_exception(exc);
    return true;
}

void tn_exit_by_signal(void)
{
    int sig = tn_interp()->exit_signal;
    if (sig == 0)
        return;
    fflush(stdout);
    fflush(stderr);
    signal(sig, SIG_DFL);
    raise(sig);
}

int tn_err_handle_uncaught(void)
{
    TnObject *exc = tn_err_fetch();
    if (exc == NULL)
        return 0;
    int code;
    if (tn_object_type_check(exc, &tn_exc_SystemExit)) {
        code = system_exit_code(exc);
    } else if (tn_object_type_check(exc, &tn_exc_KeyboardInterrupt)) {
        /* As CPython: report it, and once the process is finalised (the
         * non-daemon threads joined) die of SIGINT so the parent sees the
         * interrupt (exit status 130 in a shell): tn_exit_by_signal. */
        tn_err_display_sys_stderr(exc);
        tn_decref(exc);
        tn_interp()->exit_signal = SIGINT;
        return 130;
    } else {
        if (!call_user_excepthook(exc))
            tn_err_display_sys_stderr(exc);
        code = 1;
    }
    tn_decref(exc);
    return code;
}
