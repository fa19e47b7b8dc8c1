/* core/objects/codecs_escape.c — the unicode_escape and raw_unicode_escape
 * codecs (CPython 3.11's PyUnicode_{En,De}code{Raw,}UnicodeEscape).
 * Encoding never fails.  Decoding errors cover the bytes from the
 * backslash up to (not including) the byte where the escape went wrong. */
#include "core/objects/codecs_internal.h"

static int put_escape(TnEncoder *e, uint32_t c)
{
    char tmp[16];
    tn_codec_escape_char(c, tmp, sizeof tmp);
    return tn_bbuf_put(&e->out, tmp, (tn_ssize_t)strlen(tmp));
}

int tn_codec_escape_encode(TnEncoder *e, bool raw)
{
    tn_ssize_t n = tn_str_length(e->str);
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t c = tn_str_read(e->str, i);
        int r;
        if (raw)
            r = c < 0x100 ? tn_bbuf_putc(&e->out, (int)c) : put_escape(e, c);
        else if (c == '\\')
            r = tn_bbuf_put(&e->out, "\\\\", 2);
        else if (c == '\t')
            r = tn_bbuf_put(&e->out, "\\t", 2);
        else if (c == '\n')
            r = tn_bbuf_put(&e->out, "\\n", 2);
        else if (c == '\r')
            r = tn_bbuf_put(&e->out, "\\r", 2);
        else if (c >= 0x20 && c < 0x7f)
            r = tn_bbuf_putc(&e->out, (int)c);
        else
            r = put_escape(e, c);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int hex_value(unsigned char h)
{
    if (h >= '0' && h <= '9')
        return h - '0';
    if (h >= 'a' && h <= 'f')
        return h - 'a' + 10;
    if (h >= 'A' && h <= 'F')
        return h - 'A' + 10;
    return -1;
}

/* count hex digits at *i.  0 with *c set, or -1 with *i on the bad byte. */
static int read_hex(const TnDecoder *d, tn_ssize_t *i, int count, uint32_t *c)
{
    uint32_t v = 0;
    for (; count > 0; count--, (*i)++) {
        int h = *i < d->n ? hex_value(d->s[*i]) : -1;
        if (h < 0)
            return -1;
        v = v * 16 + (uint32_t)h;
    }
    *c = v;
    return 0;
}

/* "\N{name}" after the 'N' at *i.  0 with *c set, or -1 with *i where the
 * error ends and *reason set. */
static int read_named(const TnDecoder *d, tn_ssize_t *i, uint32_t *c, const char **reason)
{
    *reason = "malformed \\N character escape";
    if (*i >= d->n || d->s[*i] != '{')
        return -1;
    tn_ssize_t name = ++*i;
    while (*i < d->n && d->s[*i] != '}')
        (*i)++;
    if (*i >= d->n || *i == name)
        return -1;
    size_t len = (size_t)(*i - name);
    (*i)++;
    if (tn_unicode_name_lookup((const char *)d->s + name, len, c))
        return 0;
    *reason = "unknown Unicode character name";
    return -1;
}

/* One escape after the backslash at start (*i is past it). 1 = literal
 * (nothing written, *c unset), 0 = *c decoded, -1 = error (*reason). */
static int decode_escape(const TnDecoder *d, tn_ssize_t *i, uint32_t *c, const char **reason)
{
    unsigned char x = d->s[(*i)++];
    static const char simple_from[] = "\n\\'\"btnrfva";
    static const uint32_t simple_to[] = {0xffffffff, '\\', '\'', '"', '\b', '\t', '\n', '\r', '\f', '\v', '\a'};
    const char *k = x != 0 ? strchr(simple_from, x) : NULL;
    if (k != NULL) {
        *c = simple_to[k - simple_from];
        return *c == 0xffffffff ? 1 : 0;   /* backslash-newline: nothing */
    }
    if (x >= '0' && x <= '7') {
        *c = x - '0';
        for (int n = 0; n < 2 && *i < d->n && d->s[*i] >= '0' && d->s[*i] <= '7'; n++)
            *c = *c * 8 + (uint32_t)(d->s[(*i)++] - '0');
        return 0;
    }
    int count = x == 'x' ? 2 : x == 'u' ? 4 : x == 'U' ? 8 : 0;
    if (count > 0) {
        *reason = x == 'x' ? "truncated \\xXX escape"
                  : x == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        if (read_hex(d, i, count, c) < 0)
            return -1;
        if (*c > 0x10ffff) {
            *reason = "illegal Unicode character";
            return -1;
        }
        return 0;
    }
    if (x == 'N')
        return read_named(d, i, c, reason);
    /* An unknown escape is kept as written (CPython also warns). */
    (*i)--;
    *c = '\\';
    return 0;
}

/* An escape that failed at the end of the input may go on in the next
 * chunk (the incremental decoder's final=False); a bad value may not. */
static bool incomplete(const TnDecoder *d, tn_ssize_t i, const char *reason)
{
    return !d->final && i >= d->n && strcmp(reason, "illegal Unicode character") != 0 &&
           strcmp(reason, "unknown Unicode character name") != 0;
}

static int decode_unicode_escape(TnDecoder *d)
{
    tn_ssize_t i = 0;
    while (i < d->n) {
        if (d->s[i] != '\\') {
            if (tn_cpbuf_put(&d->out, d->s[i++]) < 0)
                return -1;
            continue;
        }
        tn_ssize_t start = i++;
        uint32_t c = 0;
        const char *reason = "\\ at end of string";
        int r = i < d->n ? decode_escape(d, &i, &c, &reason) : -1;
        if (r == 0 && tn_cpbuf_put(&d->out, c) < 0)
            return -1;
        if (r < 0 && incomplete(d, i, reason)) {
            i = start;
            break;
        }
        if (r < 0 && (i = tn_decoder_error(d, start, i, reason)) < 0)
            return -1;
    }
    d->consumed = i;
    return 0;
}

/* Only \uXXXX and \UXXXXXXXX are escapes, and only after an odd number of
 * backslashes; everything else is latin-1. */
static int decode_raw_unicode_escape(TnDecoder *d)
{
    tn_ssize_t i = 0;
    while (i < d->n) {
        unsigned char x = d->s[i];
        bool escape = x == '\\' && i + 1 < d->n && (d->s[i + 1] == 'u' || d->s[i + 1] == 'U');
        if (x == '\\' && i + 1 == d->n && !d->final)
            break;   /* may start an escape in the next chunk */
        if (!escape) {
            if (tn_cpbuf_put(&d->out, x) < 0)
                return -1;
            i++;
            /* "\\\\" is two literal backslashes: the second one cannot
             * start an escape. */
            if (x == '\\' && i < d->n && d->s[i] == '\\') {
                if (tn_cpbuf_put(&d->out, '\\') < 0)
                    return -1;
                i++;
            }
            continue;
        }
        tn_ssize_t start = i;
        bool big = d->s[i + 1] == 'U';
        const char *reason = big ? "truncated \\UXXXXXXXX escape" : "truncated \\uXXXX escape";
        uint32_t c;
        i += 2;
        if (read_hex(d, &i, big ? 8 : 4, &c) == 0) {
            if (c <= 0x10ffff) {
                if (tn_cpbuf_put(&d->out, c) < 0)
                    return -1;
                continue;
            }
            reason = "\\Uxxxxxxxx out of range";
        } else if (i >= d->n && !d->final) {
            i = start;
            break;
        }
        if ((i = tn_decoder_error(d, start, i, reason)) < 0)
            return -1;
    }
    d->consumed = i;
    return 0;
}

int tn_codec_escape_decode(TnDecoder *d, bool raw)
{
    return raw ? decode_raw_unicode_escape(d) : decode_unicode_escape(d);
}

/* CPython's _PyBytes_DecodeEscape (bytes literals, codecs.escape_decode):
 * escapes \xhh, octal and the single-character ones; any other backslash
 * is kept as written. */
int tn_codec_bytes_unescape(const char *s, tn_ssize_t n, const char *errors, TnByteBuf *out, tn_ssize_t *bad)
{
    const char *start = s, *end = s + n;
    while (s < end) {
        char c = *s++;
        if (c != '\\') {
            if (tn_bbuf_putc(out, c) < 0)
                return -1;
            continue;
        }
        if (s >= end) {
            tn_err_set_str(&tn_exc_ValueError, "Trailing \\ in string");
            return -1;
        }
        const char *esc = s - 1;
        c = *s++;
        int v;
        const char *k = strchr("\\'\"bftnrva", c);
        if (c == '\n')
            continue;
        if (c != 0 && k != NULL) {
            v = "\\'\"\b\f\t\n\r\v\a"[k - "\\'\"bftnrva"];
        } else if (c >= '0' && c <= '7') {
            v = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                v = v * 8 + (*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7')
                    v = v * 8 + (*s++ - '0');
            }
            v &= 0xff;
        } else if (c == 'x') {
            int h1 = s < end ? hex_value((unsigned char)s[0]) : -1;
            int h2 = s + 1 < end ? hex_value((unsigned char)s[1]) : -1;
            if (h1 >= 0 && h2 >= 0) {
                v = h1 * 16 + h2;
                s += 2;
            } else {
                if (errors == NULL || strcmp(errors, "strict") == 0) {
                    *bad = esc - start;
                    return -2;
                }
                if (strcmp(errors, "replace") == 0) {
                    if (tn_bbuf_putc(out, '?') < 0)
                        return -1;
                } else if (strcmp(errors, "ignore") != 0) {
                    tn_err_format(&tn_exc_ValueError, "decoding error; unknown error handling code: %s", errors);
                    return -1;
                }
                if (h1 >= 0)
                    s++;   /* skip the one hex digit too */
                continue;
            }
        } else {
            /* Not an escape in bytes: kept as written (CPython warns). */
            if (tn_bbuf_putc(out, '\\') < 0)
                return -1;
            s--;
            continue;
        }
        if (tn_bbuf_putc(out, v) < 0)
            return -1;
    }
    return 0;
}
