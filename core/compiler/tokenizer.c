/* core/compiler/tokenizer.c — Python source to tokens.
 *
 * The scanning logic follows CPython 3.11's Parser/tokenizer.c closely (the
 * same state machine, the same error messages and locations) so that
 * SyntaxErrors match the reference implementation; see tokenizer.h.
 *
 * The whole (normalised) source is in memory.  Like CPython, the tokenizer
 * reads it one line at a time through tok_nextc(): `lineno` and
 * `line_start` only move to the next line when its first character is
 * requested, which is what makes error locations at the end of a line or
 * of the file agree with CPython's.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "core/tn.h"
#include "core/compiler/tokenizer.h"
#include "core/compiler/tokenizer_unicode.h"

#define TOK_EOF (-1)

/* ======================================================================
 * Unicode helpers
 * ==================================================================== */

static bool in_ranges(const TnUnicodeRange *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static bool is_xid_start(uint32_t cp)
{
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    return in_ranges(xid_start_ranges, sizeof(xid_start_ranges) / sizeof(xid_start_ranges[0]), cp);
}

static bool is_xid_continue(uint32_t cp)
{
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_'
               || (cp >= '0' && cp <= '9');
    return in_ranges(xid_continue_ranges,
                     sizeof(xid_continue_ranges) / sizeof(xid_continue_ranges[0]), cp);
}

static bool is_printable(uint32_t cp)
{
    if (cp < 128)
        return cp >= 0x20 && cp < 0x7f;
    return !in_ranges(nonprintable_ranges,
                      sizeof(nonprintable_ranges) / sizeof(nonprintable_ranges[0]), cp);
}

/* Decode one UTF-8 sequence of valid UTF-8 at s (< end).  Sets *n to its
 * length. */
static uint32_t utf8_decode(const char *s, const char *end, int *n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *n = 1;
        return u[0];
    }
    int len = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
    if (s + len > end)
        len = (int)(end - s);
    uint32_t cp = u[0] & (0xFF >> (len + 1));
    for (int i = 1; i < len; i++)
        cp = (cp << 6) | (u[i] & 0x3F);
    *n = len;
    return cp;
}

static int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

tn_ssize_t tn_utf8_char_count(const char *s, tn_ssize_t nbytes)
{
    tn_ssize_t n = 0;
    for (tn_ssize_t i = 0; i < nbytes; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    }
    return n;
}

/* Length of the valid UTF-8 sequence at s, or 0 if invalid (strict rules:
 * no overlongs, no surrogates, max U+10FFFF). */
static int utf8_valid_seq(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    int len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    }
    else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    }
    else
        return 0;
    if (end - s < len)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (int i = 2; i < len; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return len;
}

/* ======================================================================
 * Creation
 * ==================================================================== */

static TnTokenizer *tok_alloc(void)
{
    TnTokenizer *tok = tn_mem_calloc(1, sizeof(TnTokenizer));
    if (tok == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    tok->atbol = 1;
    return tok;
}

static void tok_setup(TnTokenizer *tok, char *buf, size_t n, const char *filename,
                      int first_lineno)
{
    tok->buf = buf;
    tok->end = buf + n;
    tok->cur = tok->inp = tok->line_start = tok->buf_start = buf;
    tok->filename = filename;
    tok->base_lineno = first_lineno;
    tok->lineno = first_lineno - 1;
    tok->first_lineno = first_lineno;
    tok->multi_line_start = buf;
}

/* The "Non-UTF-8 code" error CPython raises when reading a file. */
static void raise_non_utf8(const char *filename, unsigned char byte, int lineno)
{
    char msg[512];
    snprintf(msg, sizeof msg,
             "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
             "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
             byte, filename ? filename : "<string>", lineno);
    tn_err_set_str(&tn_exc_SyntaxError, msg);
}

/* ---- PEP 263 encoding declarations ------------------------------------ */

/* The coding spec of one line (CPython's get_coding_spec): the line must be
 * a comment; copies the normalised name into out.  Returns 1 if the line
 * is a comment or blank (so line 2 may still be checked), 0 otherwise. */
static int get_coding_spec(const char *s, size_t size, char *out, size_t outsz)
{
    size_t i;
    out[0] = '\0';
    for (i = 0; i < size; i++) {
        if (s[i] == '#')
            break;
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\014')
            return i < size && s[i] != '\n' && s[i] != '\r' ? 0 : 1;
    }
    if (i == size)
        return 1;
    for (; i + 6 < size; i++) {
        const char *t = s + i;
        if (memcmp(t, "coding", 6) != 0)
            continue;
        t += 6;
        if (t[0] != ':' && t[0] != '=')
            continue;
        do {
            t++;
        } while (t < s + size && (t[0] == ' ' || t[0] == '\t'));
        const char *begin = t;
        while (t < s + size && ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z')
                                || (*t >= '0' && *t <= '9') || *t == '-' || *t == '_'
                                || *t == '.'))
            t++;
        if (begin < t) {
            size_t n = (size_t)(t - begin);
            if (n >= outsz)
                n = outsz - 1;
            memcpy(out, begin, n);
            out[n] = '\0';
            break;
        }
    }
    return 1;
}

/* Encodings Tandem can read: 0 unknown, 1 UTF-8, 2 Latin-1, 3 ASCII.
 * `name` is the spec as written; *normal receives CPython's normal name. */
static int classify_encoding(const char *name, const char **normal)
{
    char buf[64];
    size_t i;
    for (i = 0; name[i] && i < sizeof buf - 1; i++) {
        char c = name[i];
        buf[i] = c == '_' || c == ' ' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[i] = '\0';
    *normal = name;
    /* get_normal_name() looks at the first 12 characters only */
    char head[13];
    memcpy(head, buf, 12);
    head[12] = '\0';
    if (strcmp(head, "utf-8") == 0 || strncmp(head, "utf-8-", 6) == 0) {
        *normal = "utf-8";
        return 1;
    }
    if (strcmp(head, "latin-1") == 0 || strcmp(head, "iso-8859-1") == 0
        || strcmp(head, "iso-latin-1") == 0 || strncmp(head, "latin-1-", 8) == 0
        || strncmp(head, "iso-8859-1-", 11) == 0 || strncmp(head, "iso-latin-1-", 12) == 0) {
        *normal = "iso-8859-1";
        return 2;
    }
    static const char *const utf8[] = {"utf8", "u8", "utf", "cp65001", NULL};
    static const char *const latin1[] = {"latin1", "iso8859-1", "8859", "cp819", "latin",
                                         "l1", "iso-ir-100", "csisolatin1", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", "ansi-x3.4-1968",
                                        "iso646-us", "cp367", "csascii", NULL};
    for (int k = 0; utf8[k]; k++)
        if (strcmp(buf, utf8[k]) == 0)
            return 1;
    for (int k = 0; latin1[k]; k++)
        if (strcmp(buf, latin1[k]) == 0)
            return 2;
    for (int k = 0; ascii[k]; k++)
        if (strcmp(buf, ascii[k]) == 0)
            return 3;
    return 0;
}

static void raise_encoding_problem(const char *name, const char *suffix)
{
    char msg[160];
    snprintf(msg, sizeof msg, "encoding problem: %s%s", name, suffix);
    tn_err_set_str(&tn_exc_SyntaxError, msg);
}

/* Look for a coding declaration in the first two lines.  Returns the
 * encoding class (see classify_encoding), 1 when there is none; -1 on
 * error.  *declared is set when a declaration was found. */
static int detect_encoding(const char *src, tn_ssize_t len, int had_bom, int *declared,
                           char *name, size_t namesz)
{
    const char *line = src, *end = src + len;
    *declared = 0;
    for (int lineno = 1; lineno <= 2 && line < end; lineno++) {
        const char *nl = line;
        while (nl < end && *nl != '\n' && *nl != '\r')
            nl++;
        int cont = get_coding_spec(line, (size_t)(nl - line), name, namesz);
        if (name[0]) {
            *declared = 1;
            const char *normal;
            int cls = classify_encoding(name, &normal);
            if (had_bom && strcmp(normal, "utf-8") != 0) {
                raise_encoding_problem(normal, " with BOM");
                return -1;
            }
            if (normal != name)
                snprintf(name, namesz, "%s", normal);
            return cls;
        }
        if (!cont)
            break;
        if (nl < end && *nl == '\r' && nl + 1 < end && nl[1] == '\n')
            nl++;
        line = nl + 1;
    }
    return 1;
}

/* Latin-1 bytes to UTF-8 (caller frees).  NULL + MemoryError. */
static char *latin1_to_utf8(const char *src, tn_ssize_t len, tn_ssize_t *outlen)
{
    size_t cap;
    if (tn_mem_mul((size_t)len, 2, &cap)) {
        tn_err_no_memory();
        return NULL;
    }
    char *out = tn_mem_alloc(cap + 1);
    if (out == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    size_t k = 0;
    for (tn_ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c < 0x80) {
            out[k++] = (char)c;
        }
        else {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    *outlen = (tn_ssize_t)k;
    return out;
}

static bool all_ascii(const char *s, tn_ssize_t len)
{
    for (tn_ssize_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80)
            return false;
    }
    return true;
}

TnTokenizer *tn_tokenizer_new(const char *src, tn_ssize_t len, const char *filename)
{
    return tn_tokenizer_new_ex(src, len, filename, 0);
}

TnTokenizer *tn_tokenizer_new_ex(const char *src, tn_ssize_t len, const char *filename,
                                 int flags)
{
    if (len < 0)
        len = (tn_ssize_t)strlen(src);
    int had_bom = 0;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
        had_bom = 1;
    }
    int declared;
    char encname[64];
    int enc = detect_encoding(src, len, had_bom, &declared, encname, sizeof encname);
    if (enc < 0)
        return NULL;
    char *transcoded = NULL;
    if (enc == 2) {
        transcoded = latin1_to_utf8(src, len, &len);
        if (transcoded == NULL)
            return NULL;
        src = transcoded;
    }
    else if (enc != 1 && !all_ascii(src, len)) {
        /* ASCII, or an encoding Tandem cannot decode yet: only ASCII text
         * reads the same in every ASCII-compatible encoding. */
        raise_encoding_problem(encname, "");
        return NULL;
    }
    /* Validate UTF-8 (reporting the line as CPython does). */
    const unsigned char *u = (const unsigned char *)src, *uend = u + len;
    int lineno = 1;
    while (u < uend) {
        if (*u == '\n')
            lineno++;
        int n = utf8_valid_seq(u, uend);
        if (n == 0) {
            raise_non_utf8(filename, *u, lineno);
            tn_mem_free(transcoded);
            return NULL;
        }
        u += n;
    }
    size_t cap;
    char *buf = NULL;
    if (!tn_mem_mul((size_t)len + 2, 1, &cap))
        buf = tn_mem_alloc(cap);
    if (buf == NULL) {
        tn_mem_free(transcoded);
        tn_err_no_memory();
        return NULL;
    }
    /* Universal newlines. */
    size_t n = 0;
    for (tn_ssize_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
            c = '\n';
        }
        buf[n++] = c;
    }
    tn_mem_free(transcoded);
    /* Like CPython, only file input gets an implicit final newline. */
    if (n > 0 && buf[n - 1] != '\n' && !(flags & TN_TOKENIZER_NO_FINAL_NEWLINE))
        buf[n++] = '\n';
    buf[n] = '\0';
    TnTokenizer *tok = tok_alloc();
    if (tok == NULL) {
        tn_mem_free(buf);
        return NULL;
    }
    tok_setup(tok, buf, n, filename, 1);
    tok->had_bom = had_bom;
    /* CPython converts parser error columns to characters only when it
     * knows the encoding: a BOM, a coding declaration, or str input. */
    tok->char_offsets = had_bom || declared || (flags & TN_TOKENIZER_STR_INPUT);
    return tok;
}

TnTokenizer *tn_tokenizer_new_raw(const char *src, tn_ssize_t len, const char *filename,
                                  int first_lineno)
{
    char *buf = tn_mem_alloc((size_t)len + 2);
    if (buf == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    memcpy(buf, src, (size_t)len);
    size_t n = (size_t)len;
    if (n > 0 && buf[n - 1] != '\n')
        buf[n++] = '\n';
    buf[n] = '\0';
    TnTokenizer *tok = tok_alloc();
    if (tok == NULL) {
        tn_mem_free(buf);
        return NULL;
    }
    tok_setup(tok, buf, n, filename, first_lineno);
    return tok;
}

void tn_tokenizer_free(TnTokenizer *tok)
{
    if (tok == NULL)
        return;
    tn_mem_free(tok->buf);
    tn_mem_free(tok);
}

/* ======================================================================
 * Lines and errors
 * ==================================================================== */

static const char BOM[] = "\xEF\xBB\xBF";

/* Text of a line of the buffer (without BOM handling). */
static const char *raw_line(TnTokenizer *tok, int lineno, tn_ssize_t *len)
{
    int ln = tok->base_lineno;
    const char *s = tok->buf;
    while (ln < lineno) {
        const char *nl = memchr(s, '\n', (size_t)(tok->end - s));
        if (nl == NULL)
            return NULL;
        s = nl + 1;
        ln++;
    }
    if (s >= tok->end && lineno != tok->base_lineno)
        return NULL;
    const char *e = memchr(s, '\n', (size_t)(tok->end - s));
    if (e == NULL)
        e = tok->end;
    *len = e - s;
    return s;
}

const char *tn_tokenizer_line(TnTokenizer *tok, int lineno, tn_ssize_t *len)
{
    return raw_line(tok, lineno, len);
}

/* Build the error text of line lineno as a NUL-terminated string (caller
 * frees).  The text stops at a NUL byte, like CPython's C strings. */
static char *line_text_dup(TnTokenizer *tok, int lineno, tn_ssize_t *out_len)
{
    tn_ssize_t len = 0;
    const char *s = raw_line(tok, lineno, &len);
    int bom = tok->had_bom && lineno == 1 && tok->base_lineno == 1;
    if (s == NULL) {
        s = "";
        len = 0;
    }
    const char *nul = memchr(s, '\0', (size_t)len);
    if (nul != NULL)
        len = nul - s;
    char *text = tn_mem_alloc((size_t)len + 4);
    if (text == NULL)
        return NULL;
    size_t off = 0;
    if (bom) {
        memcpy(text, BOM, 3);
        off = 3;
    }
    memcpy(text + off, s, (size_t)len);
    text[off + (size_t)len] = '\0';
    *out_len = (tn_ssize_t)off + len;
    return text;
}

/* CPython's _PyPegen_byte_offset_to_character_offset on a line whose text
 * (without newline) is text[0:len]: the line as CPython sees it ends with
 * "\n" and a NUL, and offsets are clamped to len + 2. */
static int byte_to_char(const char *text, tn_ssize_t len, tn_ssize_t col)
{
    if (col > len + 2)
        col = len + 2;
    if (col <= len)
        return (int)tn_utf8_char_count(text, col);
    return (int)(tn_utf8_char_count(text, len) + (col - len));
}

/* CPython reports a parser error in a file with the line as its
 * err_programtext() rereads it: fgets into a 1000-byte buffer until the
 * newline, so a line of 999 bytes or more (newline included) shows only
 * its last piece.  Shorter lines, and source that is not a file, keep the
 * whole line.  Drops the front of text[0:*len] in place. */
#define TN_PROGRAMTEXT_CHUNK 999
static void keep_programtext_tail(TnTokenizer *tok, char *text, tn_ssize_t *len)
{
    tn_ssize_t with_newline = *len + 1;
    if (with_newline < TN_PROGRAMTEXT_CHUNK || tok->filename == NULL)
        return;
    struct stat st;
    if (stat(tok->filename, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    tn_ssize_t start = (with_newline - 1) / TN_PROGRAMTEXT_CHUNK * TN_PROGRAMTEXT_CHUNK;
    memmove(text, text + start, (size_t)(*len - start) + 1);
    *len -= start;
}

void tn_tokenizer_error_at(TnTokenizer *tok, TnType *type, const char *msg, int lineno,
                           int col1, int end_lineno, int end_col1)
{
    tn_ssize_t len = 0;
    char *text = line_text_dup(tok, lineno, &len);
    if (text == NULL) {
        tn_err_no_memory();
        return;
    }
    keep_programtext_tail(tok, text, &len);
    int col = col1, end_col = end_col1;
    if (tok->char_offsets) {
        col = byte_to_char(text, len, col1 < 0 ? 0 : col1);
        if (col1 < 0)
            col = col1;
        if (end_col1 > 0)
            end_col = byte_to_char(text, len, end_col1);
    }
    tn_err_syntax(type ? type : &tn_exc_SyntaxError, msg, tok->filename, lineno, col,
                  end_lineno, end_col, text);
    tn_mem_free(text);
}

/* CPython's tokenizer syntaxerror(): the location is the current line,
 * offsets in characters; -1 means "up to the current position". */
static TnTokType tok_error_range(TnTokenizer *tok, int col, int end_col, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *ls = tok->line_start;
    if (col == -1)
        col = (int)tn_utf8_char_count(ls, tok->cur - ls);
    if (end_col == -1)
        end_col = col;
    const char *le = memchr(ls, '\n', (size_t)(tok->end - ls));
    if (le == NULL)
        le = tok->end;
    const char *nul = memchr(ls, '\0', (size_t)(le - ls));
    if (nul != NULL)
        le = nul;
    size_t tl = (size_t)(le - ls);
    /* Unlike parser errors, the text here has no BOM (CPython reports the
     * tokenizer's buffer, where the BOM is already skipped). */
    char *text = tn_mem_alloc(tl + 1);
    if (text == NULL) {
        tn_err_no_memory();
    }
    else {
        memcpy(text, ls, tl);
        text[tl] = '\0';
        tn_err_syntax(&tn_exc_SyntaxError, msg, tok->filename, tok->lineno, col, tok->lineno,
                      end_col, text);
        tn_mem_free(text);
    }
    tok->done = TN_TOKE_ERROR;
    return TN_TOK_ERRORTOKEN;
}

#define tok_error(tok, ...) tok_error_range((tok), -1, -1, __VA_ARGS__)

/* ======================================================================
 * Character input
 * ==================================================================== */

/* Next character (0..255) or TOK_EOF.  Reads a new line when the current
 * one is exhausted (this is when lineno and line_start advance). */
static int tok_nextc(TnTokenizer *tok)
{
    for (;;) {
        if (tok->cur != tok->inp)
            return (unsigned char)*tok->cur++;
        if (tok->done != TN_TOKE_OK)
            return TOK_EOF;
        if (tok->inp >= tok->end) {
            tok->done = TN_TOKE_EOF;
            return TOK_EOF;
        }
        const char *nl = memchr(tok->inp, '\n', (size_t)(tok->end - tok->inp));
        const char *e = nl ? nl + 1 : tok->end;
        tok->lineno++;
        tok->line_start = tok->cur;
        if (tok->start == NULL)
            tok->buf_start = tok->cur;
        tok->inp = e;
        if (memchr(tok->line_start, '\0', (size_t)(e - tok->line_start)) != NULL) {
            tok_error(tok, "source code cannot contain null bytes");
            tok->cur = tok->inp;
            return TOK_EOF;
        }
    }
}

static void tok_backup(TnTokenizer *tok, int c)
{
    if (c != TOK_EOF) {
        tok->cur--;
    }
}

static bool is_potential_identifier_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static bool is_potential_identifier_char(int c)
{
    return is_potential_identifier_start(c) || (c >= '0' && c <= '9');
}

/* Is the next text exactly the word `s` (not followed by an identifier
 * character)?  Does not consume. */
static bool lookahead(TnTokenizer *tok, const char *s)
{
    const char *p = tok->cur;
    for (; *s; s++, p++) {
        if (p >= tok->inp || *p != *s)
            return false;
    }
    return p >= tok->inp || !is_potential_identifier_char((unsigned char)*p);
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static bool is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ======================================================================
 * Operators
 * ==================================================================== */

static TnTokType one_char(int c)
{
    switch (c) {
    case '%': return TN_TOK_PERCENT;
    case '&': return TN_TOK_AMPER;
    case '(': return TN_TOK_LPAR;
    case ')': return TN_TOK_RPAR;
    case '*': return TN_TOK_STAR;
    case '+': return TN_TOK_PLUS;
    case ',': return TN_TOK_COMMA;
    case '-': return TN_TOK_MINUS;
    case '.': return TN_TOK_DOT;
    case '/': return TN_TOK_SLASH;
    case ':': return TN_TOK_COLON;
    case ';': return TN_TOK_SEMI;
    case '<': return TN_TOK_LESS;
    case '=': return TN_TOK_EQUAL;
    case '>': return TN_TOK_GREATER;
    case '@': return TN_TOK_AT;
    case '[': return TN_TOK_LSQB;
    case ']': return TN_TOK_RSQB;
    case '^': return TN_TOK_CIRCUMFLEX;
    case '{': return TN_TOK_LBRACE;
    case '|': return TN_TOK_VBAR;
    case '}': return TN_TOK_RBRACE;
    case '~': return TN_TOK_TILDE;
    default: return TN_TOK_OP;
    }
}

static TnTokType two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return TN_TOK_NOTEQUAL; break;
    case '%': if (c2 == '=') return TN_TOK_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return TN_TOK_AMPEREQUAL; break;
    case '*':
        if (c2 == '*') return TN_TOK_DOUBLESTAR;
        if (c2 == '=') return TN_TOK_STAREQUAL;
        break;
    case '+': if (c2 == '=') return TN_TOK_PLUSEQUAL; break;
    case '-':
        if (c2 == '=') return TN_TOK_MINEQUAL;
        if (c2 == '>') return TN_TOK_RARROW;
        break;
    case '/':
        if (c2 == '/') return TN_TOK_DOUBLESLASH;
        if (c2 == '=') return TN_TOK_SLASHEQUAL;
        break;
    case ':': if (c2 == '=') return TN_TOK_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return TN_TOK_LEFTSHIFT;
        if (c2 == '=') return TN_TOK_LESSEQUAL;
        if (c2 == '>') return TN_TOK_NOTEQUAL;
        break;
    case '=': if (c2 == '=') return TN_TOK_EQEQUAL; break;
    case '>':
        if (c2 == '=') return TN_TOK_GREATEREQUAL;
        if (c2 == '>') return TN_TOK_RIGHTSHIFT;
        break;
    case '@': if (c2 == '=') return TN_TOK_ATEQUAL; break;
    case '^': if (c2 == '=') return TN_TOK_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return TN_TOK_VBAREQUAL; break;
    default: break;
    }
    return TN_TOK_OP;
}

static TnTokType three_chars(int c1, int c2, int c3)
{
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.'))
        return TN_TOK_OP;
    if (c1 == '*' && c2 == '*') return TN_TOK_DOUBLESTAREQUAL;
    if (c1 == '.' && c2 == '.') return TN_TOK_ELLIPSIS;
    if (c1 == '/' && c2 == '/') return TN_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return TN_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return TN_TOK_RIGHTSHIFTEQUAL;
    return TN_TOK_OP;
}

/* ======================================================================
 * Keywords
 * ==================================================================== */

static const struct { const char *name; int kw; } keywords[] = {
    {"False", TN_KW_FALSE}, {"None", TN_KW_NONE}, {"True", TN_KW_TRUE},
    {"and", TN_KW_AND}, {"as", TN_KW_AS}, {"assert", TN_KW_ASSERT},
    {"async", TN_KW_ASYNC}, {"await", TN_KW_AWAIT}, {"break", TN_KW_BREAK},
    {"class", TN_KW_CLASS}, {"continue", TN_KW_CONTINUE}, {"def", TN_KW_DEF},
    {"del", TN_KW_DEL}, {"elif", TN_KW_ELIF}, {"else", TN_KW_ELSE},
    {"except", TN_KW_EXCEPT}, {"finally", TN_KW_FINALLY}, {"for", TN_KW_FOR},
    {"from", TN_KW_FROM}, {"global", TN_KW_GLOBAL}, {"if", TN_KW_IF},
    {"import", TN_KW_IMPORT}, {"in", TN_KW_IN}, {"is", TN_KW_IS},
    {"lambda", TN_KW_LAMBDA}, {"nonlocal", TN_KW_NONLOCAL}, {"not", TN_KW_NOT},
    {"or", TN_KW_OR}, {"pass", TN_KW_PASS}, {"raise", TN_KW_RAISE},
    {"return", TN_KW_RETURN}, {"try", TN_KW_TRY}, {"while", TN_KW_WHILE},
    {"with", TN_KW_WITH}, {"yield", TN_KW_YIELD},
    {"match", TN_KW_MATCH}, {"case", TN_KW_CASE}, {"_", TN_KW_UNDERSCORE},
};

static int keyword_of(const char *s, size_t n)
{
    if (n > 8)
        return 0;
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
        if (strlen(keywords[i].name) == n && memcmp(keywords[i].name, s, n) == 0)
            return keywords[i].kw;
    }
    return 0;
}

/* ======================================================================
 * Identifiers and numbers
 * ==================================================================== */

/* Check a non-ASCII identifier [start, cur); on error point at the first
 * invalid character as CPython's verify_identifier() does. */
static bool verify_identifier(TnTokenizer *tok)
{
    const char *s = tok->start, *e = tok->cur;
    bool first = true;
    while (s < e) {
        int n;
        uint32_t cp = utf8_decode(s, e, &n);
        bool ok = first ? (is_xid_start(cp)) : is_xid_continue(cp);
        if (!ok) {
            tok->cur = s + n;
            char ch[5] = {0};
            utf8_encode(cp, ch);
            if (is_printable(cp))
                tok_error(tok, "invalid character '%s' (U+%04X)", ch, (unsigned)cp);
            else
                tok_error(tok, "invalid non-printable character U+%04X", (unsigned)cp);
            return false;
        }
        first = false;
        s += n;
    }
    return true;
}

/* After a number: a letter right behind it is an error ("1if" is allowed
 * with a warning in 3.11 for the keywords that can follow a number). */
static bool verify_end_of_number(TnTokenizer *tok, int c, const char *kind)
{
    bool r = false;
    if (c == 'a')
        r = lookahead(tok, "nd");
    else if (c == 'e')
        r = lookahead(tok, "lse");
    else if (c == 'f')
        r = lookahead(tok, "or");
    else if (c == 'i') {
        int c2 = tok_nextc(tok);
        if (c2 == 'f' || c2 == 'n' || c2 == 's')
            r = true;
        tok_backup(tok, c2);
    }
    else if (c == 'o')
        r = lookahead(tok, "r");
    else if (c == 'n')
        r = lookahead(tok, "ot");
    if (r) {
        /* CPython emits a DeprecationWarning here; accepted silently. */
        return true;
    }
    if (c < 128 && is_potential_identifier_char(c)) {
        tok_backup(tok, c);
        tok_error(tok, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits with single underscores between them.  Returns the first
 * character after them, or 0 after raising an error. */
static int tok_decimal_tail(TnTokenizer *tok)
{
    int c;
    for (;;) {
        do {
            c = tok_nextc(tok);
        } while (is_digit(c));
        if (c != '_')
            break;
        c = tok_nextc(tok);
        if (!is_digit(c)) {
            tok_backup(tok, c);
            tok_error(tok, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

static TnTokType finish_token(TnTokenizer *tok, TnToken *out, TnTokType type)
{
    out->start = tok->start;
    out->end = tok->cur;
    return type;
}

/* The fraction/exponent/imaginary tail of a decimal number; c is the
 * character after the integer part.  state: 0 = at '.', 1 = after '.'
 * (fraction digits next), 2 = at the exponent letter, 3 = at 'j'. */
static TnTokType number_tail(TnTokenizer *tok, TnToken *out, int c, int state)
{
    if (state == 0) {
        if (c == '.') {
            c = tok_nextc(tok);
            state = 1;
        }
        else if (c == 'e' || c == 'E')
            state = 2;
        else if (c == 'j' || c == 'J')
            state = 3;
    }
    if (state == 1) {
        if (is_digit(c)) {
            c = tok_decimal_tail(tok);
            if (c == 0)
                return TN_TOK_ERRORTOKEN;
        }
        if (c == 'e' || c == 'E')
            state = 2;
        else if (c == 'j' || c == 'J')
            state = 3;
    }
    if (state == 2) {
        int e = c;
        c = tok_nextc(tok);
        if (c == '+' || c == '-') {
            c = tok_nextc(tok);
            if (!is_digit(c)) {
                tok_backup(tok, c);
                return tok_error(tok, "invalid decimal literal");
            }
        }
        else if (!is_digit(c)) {
            tok_backup(tok, c);
            if (!verify_end_of_number(tok, e, "decimal"))
                return TN_TOK_ERRORTOKEN;
            tok_backup(tok, e);
            return finish_token(tok, out, TN_TOK_NUMBER);
        }
        c = tok_decimal_tail(tok);
        if (c == 0)
            return TN_TOK_ERRORTOKEN;
        if (c == 'j' || c == 'J')
            state = 3;
    }
    if (state == 3) {
        c = tok_nextc(tok);
        if (!verify_end_of_number(tok, c, "imaginary"))
            return TN_TOK_ERRORTOKEN;
    }
    else if (!verify_end_of_number(tok, c, "decimal")) {
        return TN_TOK_ERRORTOKEN;
    }
    tok_backup(tok, c);
    return finish_token(tok, out, TN_TOK_NUMBER);
}

/* 0x / 0o / 0b literals: c is the first character after the prefix. */
static TnTokType radix_number(TnTokenizer *tok, TnToken *out, int c, int radix)
{
    const char *kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    int maxdig = radix == 8 ? '8' : '2';
    do {
        if (c == '_')
            c = tok_nextc(tok);
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < maxdig);
        if (!ok) {
            if (radix != 16 && is_digit(c))
                return tok_error(tok, "invalid digit '%c' in %s literal", c, kind);
            tok_backup(tok, c);
            return tok_error(tok, "invalid %s literal", kind);
        }
        do {
            c = tok_nextc(tok);
        } while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < maxdig));
    } while (c == '_');
    if (radix != 16 && is_digit(c))
        return tok_error(tok, "invalid digit '%c' in %s literal", c, kind);
    if (!verify_end_of_number(tok, c, kind))
        return TN_TOK_ERRORTOKEN;
    tok_backup(tok, c);
    return finish_token(tok, out, TN_TOK_NUMBER);
}

/* A number starting with '0' (the '0' is consumed). */
static TnTokType zero_number(TnTokenizer *tok, TnToken *out)
{
    int c = tok_nextc(tok);
    if (c == 'x' || c == 'X')
        return radix_number(tok, out, tok_nextc(tok), 16);
    if (c == 'o' || c == 'O')
        return radix_number(tok, out, tok_nextc(tok), 8);
    if (c == 'b' || c == 'B')
        return radix_number(tok, out, tok_nextc(tok), 2);
    bool nonzero = false;
    /* Maybe an old-style octal; in any case allow '0' as a literal. */
    for (;;) {
        if (c == '_') {
            c = tok_nextc(tok);
            if (!is_digit(c)) {
                tok_backup(tok, c);
                return tok_error(tok, "invalid decimal literal");
            }
        }
        if (c != '0')
            break;
        c = tok_nextc(tok);
    }
    const char *zeros_end = tok->cur;
    if (is_digit(c)) {
        nonzero = true;
        c = tok_decimal_tail(tok);
        if (c == 0)
            return TN_TOK_ERRORTOKEN;
    }
    if (c == '.')
        return number_tail(tok, out, tok_nextc(tok), 1);
    if (c == 'e' || c == 'E')
        return number_tail(tok, out, c, 2);
    if (c == 'j' || c == 'J')
        return number_tail(tok, out, c, 3);
    if (nonzero) {
        tok_backup(tok, c);
        int col = (int)tn_utf8_char_count(tok->line_start, tok->start + 1 - tok->line_start);
        int end = (int)tn_utf8_char_count(tok->line_start, zeros_end - tok->line_start);
        return tok_error_range(tok, col, end,
                               "leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers");
    }
    if (!verify_end_of_number(tok, c, "decimal"))
        return TN_TOK_ERRORTOKEN;
    tok_backup(tok, c);
    return finish_token(tok, out, TN_TOK_NUMBER);
}

/* ======================================================================
 * Strings
 * ==================================================================== */

/* The body of a string literal; c is the opening quote (consumed). */
static TnTokType string_body(TnTokenizer *tok, TnToken *out, int quote)
{
    int quote_size = 1, end_quote_size = 0;
    tok->first_lineno = tok->lineno;
    tok->multi_line_start = tok->line_start;
    int c = tok_nextc(tok);
    if (c == quote) {
        c = tok_nextc(tok);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1;     /* empty string */
    }
    if (c != quote)
        tok_backup(tok, c);
    while (end_quote_size != quote_size) {
        c = tok_nextc(tok);
        if (tok->done == TN_TOKE_ERROR)
            return TN_TOK_ERRORTOKEN;
        if (c == TOK_EOF || (quote_size == 1 && c == '\n')) {
            /* Report from the opening quote, on the line it is on. */
            tok->cur = tok->start + 1;
            tok->line_start = tok->multi_line_start;
            int detected = tok->lineno;
            tok->lineno = tok->first_lineno;
            if (quote_size == 3)
                tok_error(tok, "unterminated triple-quoted string literal (detected at line %d)",
                          detected);
            else
                tok_error(tok, "unterminated string literal (detected at line %d)", detected);
            return TN_TOK_ERRORTOKEN;
        }
        if (c == quote) {
            end_quote_size++;
        }
        else {
            end_quote_size = 0;
            if (c == '\\')
                tok_nextc(tok);     /* skip the escaped character */
        }
    }
    return finish_token(tok, out, TN_TOK_STRING);
}

/* ======================================================================
 * Indentation
 * ==================================================================== */

/* Errors the parser reports (no exception set here). */
static TnTokType tok_pending_error(TnTokenizer *tok, int done)
{
    tok->done = done;
    tok->cur = tok->inp;
    return TN_TOK_ERRORTOKEN;
}

/* A backslash at the start of a token: must be followed by a newline. */
static int tok_continuation_line(TnTokenizer *tok)
{
    int c = tok_nextc(tok);
    if (c != '\n') {
        tok->done = TN_TOKE_LINECONT;
        return -1;
    }
    c = tok_nextc(tok);
    if (c == TOK_EOF) {
        tok->done = TN_TOKE_EOF_IN_CONT;
        tok->cur = tok->inp;
        return -1;
    }
    tok_backup(tok, c);
    return c;
}

/* At the beginning of a line: measure the indentation and queue INDENT or
 * DEDENT tokens.  Returns 1 if the line is blank (or only a comment), 0
 * otherwise, -1 on error (ERRORTOKEN state set). */
static int tok_indentation(TnTokenizer *tok)
{
    int col = 0, altcol = 0, cont_line_col = 0, c;
    for (;;) {
        c = tok_nextc(tok);
        if (c == ' ') {
            col++;
            altcol++;
        }
        else if (c == '\t') {
            col = (col / TN_TOK_TABSIZE + 1) * TN_TOK_TABSIZE;
            altcol = altcol + 1;
        }
        else if (c == '\014') {
            col = altcol = 0;       /* form feed */
        }
        else if (c == '\\') {
            cont_line_col = cont_line_col ? cont_line_col : col;
            if ((c = tok_continuation_line(tok)) == -1)
                return -1;
        }
        else {
            break;
        }
    }
    tok_backup(tok, c);
    int blankline = (c == '#' || c == '\n');
    if (tok->done == TN_TOKE_ERROR)
        return -1;
    if (!blankline && tok->level == 0) {
        col = cont_line_col ? cont_line_col : col;
        altcol = cont_line_col ? cont_line_col : altcol;
        if (col == tok->indstack[tok->indent]) {
            if (altcol != tok->altindstack[tok->indent]) {
                tok_pending_error(tok, TN_TOKE_TABSPACE);
                return -1;
            }
        }
        else if (col > tok->indstack[tok->indent]) {
            if (tok->indent + 1 >= TN_TOK_MAXINDENT) {
                tok_pending_error(tok, TN_TOKE_TOODEEP);
                return -1;
            }
            if (altcol <= tok->altindstack[tok->indent]) {
                tok_pending_error(tok, TN_TOKE_TABSPACE);
                return -1;
            }
            tok->pendin++;
            tok->indstack[++tok->indent] = col;
            tok->altindstack[tok->indent] = altcol;
        }
        else {
            while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
                tok->pendin--;
                tok->indent--;
            }
            if (col != tok->indstack[tok->indent]) {
                tok_pending_error(tok, TN_TOKE_DEDENT);
                return -1;
            }
            if (altcol != tok->altindstack[tok->indent]) {
                tok_pending_error(tok, TN_TOKE_TABSPACE);
                return -1;
            }
        }
    }
    return blankline;
}

/* ======================================================================
 * The scanner
 * ==================================================================== */

static TnTokType tok_get_bracket(TnTokenizer *tok, TnToken *out, int c)
{
    switch (c) {
    case '(': case '[': case '{':
        if (tok->level >= TN_TOK_MAXLEVEL)
            return tok_error(tok, "too many nested parentheses");
        tok->parenstack[tok->level] = (char)c;
        tok->parenlinenostack[tok->level] = tok->lineno;
        tok->parencolstack[tok->level] = (int)(tok->start - tok->line_start);
        tok->level++;
        break;
    case ')': case ']': case '}': {
        if (!tok->level)
            return tok_error(tok, "unmatched '%c'", c);
        tok->level--;
        int opening = tok->parenstack[tok->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']')
              || (opening == '{' && c == '}'))) {
            if (tok->parenlinenostack[tok->level] != tok->lineno)
                return tok_error(tok, "closing parenthesis '%c' does not match opening "
                                 "parenthesis '%c' on line %d",
                                 c, opening, tok->parenlinenostack[tok->level]);
            return tok_error(tok, "closing parenthesis '%c' does not match opening "
                             "parenthesis '%c'", c, opening);
        }
        break;
    }
    default:
        break;
    }
    if (c < 128 && !(c >= 0x20 && c < 0x7f) && c != '\t' && c != '\014') {
        return tok_error(tok, "invalid non-printable character U+%04X", (unsigned)c);
    }
    return finish_token(tok, out, one_char(c));
}

static TnTokType tok_get_name(TnTokenizer *tok, TnToken *out, int c)
{
    /* String prefixes: the legal combinations of b, r, u, f. */
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = 1;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = 1;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = 1;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = 1;
        else
            break;
        c = tok_nextc(tok);
        if (c == '"' || c == '\'')
            return string_body(tok, out, c);
    }
    bool nonascii = false;
    while (is_potential_identifier_char(c)) {
        if (c >= 128)
            nonascii = true;
        c = tok_nextc(tok);
    }
    tok_backup(tok, c);
    if (nonascii && !verify_identifier(tok))
        return TN_TOK_ERRORTOKEN;
    out->kw = keyword_of(tok->start, (size_t)(tok->cur - tok->start));
    return finish_token(tok, out, TN_TOK_NAME);
}

static TnTokType tok_get(TnTokenizer *tok, TnToken *out)
{
    int c;
    bool blankline;
nextline:
    tok->start = NULL;
    blankline = false;
    if (tok->atbol) {
        tok->atbol = 0;
        int r = tok_indentation(tok);
        if (r < 0)
            return TN_TOK_ERRORTOKEN;
        blankline = r == 1;
    }
    tok->start = tok->cur;
    if (tok->pendin != 0) {
        if (tok->pendin < 0) {
            tok->pendin++;
            return TN_TOK_DEDENT;
        }
        tok->pendin--;
        return TN_TOK_INDENT;
    }
again:
    tok->start = NULL;
    do {
        c = tok_nextc(tok);
    } while (c == ' ' || c == '\t' || c == '\014');
    tok->start = tok->cur - 1;
    if (c == '#') {
        while (c != TOK_EOF && c != '\n')
            c = tok_nextc(tok);
    }
    if (tok->done == TN_TOKE_ERROR)
        return TN_TOK_ERRORTOKEN;
    if (c == TOK_EOF) {
        if (tok->level)
            return TN_TOK_ERRORTOKEN;
        return tok->done == TN_TOKE_EOF ? TN_TOK_ENDMARKER : TN_TOK_ERRORTOKEN;
    }
    if (is_potential_identifier_start(c))
        return tok_get_name(tok, out, c);
    if (c == '\n') {
        tok->atbol = 1;
        if (blankline || tok->level > 0)
            goto nextline;
        out->start = tok->start;
        out->end = tok->cur - 1;    /* leave '\n' out */
        tok->cont_line = 0;
        return TN_TOK_NEWLINE;
    }
    if (c == '.') {
        c = tok_nextc(tok);
        if (is_digit(c))
            return number_tail(tok, out, c, 1);
        if (c == '.') {
            c = tok_nextc(tok);
            if (c == '.')
                return finish_token(tok, out, TN_TOK_ELLIPSIS);
            tok_backup(tok, c);
            tok_backup(tok, '.');
        }
        else {
            tok_backup(tok, c);
        }
        return finish_token(tok, out, TN_TOK_DOT);
    }
    if (is_digit(c)) {
        if (c == '0')
            return zero_number(tok, out);
        c = tok_decimal_tail(tok);
        if (c == 0)
            return TN_TOK_ERRORTOKEN;
        return number_tail(tok, out, c, 0);
    }
    if (c == '\'' || c == '"')
        return string_body(tok, out, c);
    if (c == '\\') {
        if (tok_continuation_line(tok) == -1)
            return TN_TOK_ERRORTOKEN;
        tok->cont_line = 1;
        goto again;
    }
    {
        int c2 = tok_nextc(tok);
        TnTokType t2 = two_chars(c, c2);
        if (t2 != TN_TOK_OP) {
            int c3 = tok_nextc(tok);
            TnTokType t3 = three_chars(c, c2, c3);
            if (t3 != TN_TOK_OP)
                t2 = t3;
            else
                tok_backup(tok, c3);
            return finish_token(tok, out, t2);
        }
        tok_backup(tok, c2);
    }
    return tok_get_bracket(tok, out, c);
}

TnTokType tn_tokenizer_get(TnTokenizer *tok, TnToken *out)
{
    memset(out, 0, sizeof *out);
    out->start = out->end = NULL;
    TnTokType type = tok_get(tok, out);
    out->type = type;
    if (type == TN_TOK_ERRORTOKEN && tok->done == TN_TOKE_OK)
        tok->done = TN_TOKE_ERROR;
    /* Locations, as CPython's parser computes them from the tokenizer. */
    const char *line_start = type == TN_TOK_STRING ? tok->multi_line_start : tok->line_start;
    out->lineno = type == TN_TOK_STRING ? tok->first_lineno : tok->lineno;
    out->end_lineno = tok->lineno;
    out->col_offset = -1;
    out->end_col_offset = -1;
    if (out->start != NULL && out->start >= line_start)
        out->col_offset = (int)(out->start - line_start);
    if (out->end != NULL && out->end >= tok->line_start)
        out->end_col_offset = (int)(out->end - tok->line_start);
    out->level = tok->level;
    return type;
}

/* ======================================================================
 * Deferred errors
 * ==================================================================== */

int tn_tokenizer_raise_pending(TnTokenizer *tok)
{
    int curcol = (int)(tok->cur - tok->line_start);
    switch (tok->done) {
    case TN_TOKE_EOF:
    case TN_TOKE_OK:
        if (tok->level > 0) {
            int l = tok->level - 1;
            char msg[64];
            snprintf(msg, sizeof msg, "'%c' was never closed", tok->parenstack[l]);
            tn_tokenizer_error_at(tok, NULL, msg, tok->parenlinenostack[l],
                                  tok->parencolstack[l] + 1, tok->parenlinenostack[l], 0);
        }
        else {
            tn_tokenizer_error_at(tok, NULL, "unexpected EOF while parsing", tok->lineno,
                                  curcol, tok->lineno, -1);
        }
        break;
    case TN_TOKE_EOF_IN_CONT:
        tn_tokenizer_error_at(tok, NULL, "unexpected EOF while parsing", tok->lineno, curcol,
                              tok->lineno, -1);
        break;
    case TN_TOKE_DEDENT:
        tn_tokenizer_error_at(tok, &tn_exc_IndentationError,
                              "unindent does not match any outer indentation level",
                              tok->lineno, curcol, tok->lineno, -1);
        break;
    case TN_TOKE_TABSPACE:
        tn_tokenizer_error_at(tok, &tn_exc_TabError,
                              "inconsistent use of tabs and spaces in indentation", tok->lineno,
                              1, tok->lineno, 0);
        break;
    case TN_TOKE_TOODEEP:
        tn_tokenizer_error_at(tok, &tn_exc_IndentationError, "too many levels of indentation",
                              tok->lineno, 1, tok->lineno, 0);
        break;
    case TN_TOKE_LINECONT: {
        /* CPython: col = cur - buf - 1 (buf: the first line of the token). */
        int col = (int)(tok->cur - tok->buf_start) - 1;
        tn_tokenizer_error_at(tok, NULL,
                              "unexpected character after line continuation character",
                              tok->lineno, col + 1, tok->lineno, 0);
        break;
    }
    default:
        break;
    }
    return -1;
}

const char *tn_token_type_name(TnTokType type)
{
    static const char *const names[] = {
        "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
        "LPAR", "RPAR", "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS",
        "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT",
        "PERCENT", "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL", "LESSEQUAL",
        "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT",
        "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL",
        "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL",
        "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH",
        "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL",
        "OP", "ERRORTOKEN",
    };
    if ((int)type < 0 || type >= TN_TOK__COUNT)
        return "?";
    return names[type];
}
