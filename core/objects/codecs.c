/* core/objects/codecs.c — utf-8, ascii and latin-1 encoders/decoders with
 * the standard error handlers, and str.encode.  Messages as CPython 3.11. */
#include "core/tn.h"
#include "core/objects/codecs.h"
#include <ctype.h>
#include <stdio.h>

enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1 };
enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_SURROGATEESCAPE, ERR_XMLCHARREF,
       ERR_SURROGATEPASS, ERR_UNKNOWN };

static const char *const enc_names[] = {"utf-8", "ascii", "latin-1"};

/* Normalise like encodings.normalize_encoding + the alias table: lower
 * case, '-' and ' ' become '_'.  -1 + LookupError when unknown. */
static int lookup_encoding(const char *name)
{
    char buf[32];
    size_t n = strlen(name), k = 0;
    if (n < sizeof buf) {
        for (size_t i = 0; i < n; i++) {
            char c = (char)tolower((unsigned char)name[i]);
            buf[k++] = (c == '-' || c == ' ') ? '_' : c;
        }
        buf[k] = 0;
        static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4", NULL};
        static const char *const ascii[] = {"ascii", "us_ascii", "646", "ansi_x3.4_1968", "cp367", "csascii",
                                            "ibm367", "iso646_us", "us", NULL};
        static const char *const latin1[] = {"latin_1", "latin1", "iso_8859_1", "iso8859_1", "8859", "cp819",
                                             "l1", "latin", "iso_ir_100", "csisolatin1", "ibm819", NULL};
        static const char *const *const tables[] = {utf8, ascii, latin1};
        for (int t = 0; t < 3; t++)
            for (int i = 0; tables[t][i] != NULL; i++)
                if (strcmp(buf, tables[t][i]) == 0)
                    return t;
    }
    tn_err_format(&tn_exc_LookupError, "unknown encoding: %s", name);
    return -1;
}

static int lookup_errors(const char *e)
{
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "surrogateescape", "xmlcharrefreplace", "surrogatepass"};
    for (int i = 0; i < 7; i++)
        if (strcmp(e, names[i]) == 0)
            return i;
    return ERR_UNKNOWN;
}

static int unknown_handler(const char *errors)
{
    tn_err_format(&tn_exc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

int tn_codec_arg(const char *fname, int argno, TnObject *obj, const char *dflt, const char **out)
{
    if (obj == NULL) {
        *out = dflt;
        return 0;
    }
    if (!tn_str_check(obj)) {
        tn_err_format(&tn_exc_TypeError, "%s() argument '%s' must be str, not %s", fname,
                      argno == 1 ? "encoding" : "errors", tn_type(obj)->name);
        return -1;
    }
    *out = tn_str_utf8(obj, NULL);
    if (*out == NULL)
        return -1;
    if (strlen(*out) != (size_t)tn_str_length(obj) && tn_str_max_char(obj) < 128) {
        tn_err_set_str(&tn_exc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

/* ---- encoding ----------------------------------------------------------- */

static void encode_error(int enc, TnObject *s, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    if (end - start == 1) {
        uint32_t c = tn_str_read(s, start);
        char esc[16];
        if (c <= 0xff)
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned)c);
        else if (c <= 0xffff)
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
        else
            snprintf(esc, sizeof esc, "\\U%08x", (unsigned)c);
        tn_err_format(&tn_exc_UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %zd: %s",
                      enc_names[enc], esc, start, reason);
    } else {
        tn_err_format(&tn_exc_UnicodeEncodeError, "'%s' codec can't encode characters in position %zd-%zd: %s",
                      enc_names[enc], start, end - 1, reason);
    }
}

static int put_utf8(TnByteBuf *b, uint32_t c)
{
    char u[4];
    int n;
    if (c < 0x80) {
        u[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xc0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xe0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    return tn_bbuf_put(b, u, n);
}

static int encodable(int enc, uint32_t c)
{
    switch (enc) {
    case ENC_UTF8: return c < 0xd800 || c > 0xdfff;
    case ENC_ASCII: return c < 0x80;
    default: return c < 0x100;
    }
}

static int put_encoded(TnByteBuf *b, int enc, uint32_t c)
{
    return enc == ENC_UTF8 ? put_utf8(b, c) : tn_bbuf_putc(b, (int)c);
}

/* Apply the error handler to s[start:end] (unencodable characters). */
static int encode_handle(TnByteBuf *b, int enc, int err, const char *errors, TnObject *s,
                         tn_ssize_t start, tn_ssize_t end)
{
    const char *reason = enc == ENC_UTF8 ? "surrogates not allowed"
                         : enc == ENC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
    for (tn_ssize_t i = start; i < end; i++) {
        uint32_t c = tn_str_read(s, i);
        char tmp[32];
        int r = 0;
        switch (err) {
        case ERR_STRICT:
            encode_error(enc, s, start, end, reason);
            return -1;
        case ERR_IGNORE:
            break;
        case ERR_REPLACE:
            r = tn_bbuf_putc(b, '?');
            break;
        case ERR_BACKSLASH:
            if (c <= 0xff)
                snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)c);
            else if (c <= 0xffff)
                snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)c);
            else
                snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)c);
            r = tn_bbuf_put(b, tmp, (tn_ssize_t)strlen(tmp));
            break;
        case ERR_XMLCHARREF:
            if (c >= 0xd800 && c <= 0xdfff && enc == ENC_UTF8) {
                encode_error(enc, s, i, i + 1, reason);
                return -1;
            }
            snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)c);
            r = tn_bbuf_put(b, tmp, (tn_ssize_t)strlen(tmp));
            break;
        case ERR_SURROGATEESCAPE:
            if (c < 0xdc80 || c > 0xdcff) {
                encode_error(enc, s, i, i + 1, reason);
                return -1;
            }
            r = tn_bbuf_putc(b, (int)(c - 0xdc00));
            break;
        case ERR_SURROGATEPASS:
            if (enc != ENC_UTF8 || c < 0xd800 || c > 0xdfff) {
                encode_error(enc, s, i, i + 1, reason);
                return -1;
            }
            r = put_utf8(b, c);
            break;
        default:
            return unknown_handler(errors);
        }
        if (r < 0)
            return -1;
    }
    return 0;
}

TnObject *tn_codec_encode(TnObject *s, const char *encoding, const char *errors)
{
    int enc = lookup_encoding(encoding != NULL ? encoding : "utf-8");
    if (enc < 0)
        return NULL;
    if (errors == NULL)
        errors = "strict";
    int err = lookup_errors(errors);
    tn_ssize_t n = tn_str_length(s);
    TnByteBuf b = {0};
    for (tn_ssize_t i = 0; i < n;) {
        uint32_t c = tn_str_read(s, i);
        if (encodable(enc, c)) {
            if (put_encoded(&b, enc, c) < 0)
                goto error;
            i++;
            continue;
        }
        tn_ssize_t j = i + 1;
        while (j < n && !encodable(enc, tn_str_read(s, j)))
            j++;
        if (encode_handle(&b, enc, err, errors, s, i, j) < 0)
            goto error;
        i = j;
    }
    TnObject *r = tn_bytes_from_data(b.buf, b.len);
    tn_bbuf_free(&b);
    return r;
error:
    tn_bbuf_free(&b);
    return NULL;
}

TnObject *tn_str_encode_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    TnObject *a[2] = {NULL, NULL};
    const char *enc, *errs;
    if (tn_args_parse("encode", args, nargs, kwnames, names, 0, 0, a) < 0 ||
        tn_codec_arg("encode", 1, a[0], "utf-8", &enc) < 0 ||
        tn_codec_arg("encode", 2, a[1], "strict", &errs) < 0)
        return NULL;
    return tn_codec_encode(self, enc, errs);
}

/* ---- decoding ----------------------------------------------------------- */

typedef struct CpBuf {
    uint32_t *cp;
    tn_ssize_t n, cap;
} CpBuf;

static int cp_put(CpBuf *b, uint32_t c)
{
    if (b->n == b->cap) {
        tn_ssize_t cap = b->cap ? b->cap * 2 : 64;
        uint32_t *p = tn_mem_realloc(b->cp, (size_t)cap * sizeof(uint32_t));
        if (p == NULL) {
            tn_err_no_memory();
            return -1;
        }
        b->cp = p;
        b->cap = cap;
    }
    b->cp[b->n++] = c;
    return 0;
}

static void decode_error(int enc, const char *s, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    if (end - start == 1)
        tn_err_format(&tn_exc_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %zd: %s",
                      enc_names[enc], (unsigned)(unsigned char)s[start], start, reason);
    else
        tn_err_format(&tn_exc_UnicodeDecodeError, "'%s' codec can't decode bytes in position %zd-%zd: %s",
                      enc_names[enc], start, end - 1, reason);
}

static int decode_handle(CpBuf *out, int enc, int err, const char *errors, const char *s, tn_ssize_t start,
                         tn_ssize_t end, const char *reason)
{
    switch (err) {
    case ERR_STRICT:
        decode_error(enc, s, start, end, reason);
        return -1;
    case ERR_IGNORE:
        return 0;
    case ERR_REPLACE:
        return cp_put(out, 0xfffd);
    case ERR_BACKSLASH:
        for (tn_ssize_t i = start; i < end; i++) {
            char tmp[8];
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)(unsigned char)s[i]);
            for (int k = 0; tmp[k]; k++)
                if (cp_put(out, (unsigned char)tmp[k]) < 0)
                    return -1;
        }
        return 0;
    case ERR_SURROGATEESCAPE:
        for (tn_ssize_t i = start; i < end; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 128) {
                decode_error(enc, s, start, end, reason);
                return -1;
            }
            if (cp_put(out, 0xdc00 + c) < 0)
                return -1;
        }
        return 0;
    case ERR_UNKNOWN:
        return unknown_handler(errors);
    default:
        decode_error(enc, s, start, end, reason);
        return -1;
    }
}

static int is_cont(unsigned char c) { return (c & 0xc0) == 0x80; }

/* One UTF-8 sequence at s[i]: returns its length with *cp set, or 0 with
 * (*bad, *reason) describing the invalid prefix. */
static int utf8_one(const unsigned char *s, tn_ssize_t i, tn_ssize_t n, uint32_t *cp, tn_ssize_t *bad,
                    const char **reason)
{
    unsigned char c = s[i];
    int need;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xc2 || c > 0xf4) {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    if (c < 0xe0) {
        need = 1;
    } else if (c < 0xf0) {
        need = 2;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else {
        need = 3;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    }
    for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
            *bad = n - i;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned char d = s[i + k];
        if (k == 1 ? (d < lo || d > hi) : !is_cont(d)) {
            *bad = k;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    if (need == 1)
        *cp = ((uint32_t)(c & 0x1f) << 6) | (s[i + 1] & 0x3f);
    else if (need == 2)
        *cp = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
    else
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3f) << 12) |
              ((uint32_t)(s[i + 2] & 0x3f) << 6) | (s[i + 3] & 0x3f);
    return need + 1;
}

TnObject *tn_codec_decode(const char *s, tn_ssize_t n, const char *encoding, const char *errors)
{
    int enc = lookup_encoding(encoding != NULL ? encoding : "utf-8");
    if (enc < 0)
        return NULL;
    if (errors == NULL)
        errors = "strict";
    int err = lookup_errors(errors);
    CpBuf out = {0};
    const unsigned char *u = (const unsigned char *)s;
    for (tn_ssize_t i = 0; i < n;) {
        uint32_t cp;
        if (enc == ENC_LATIN1 || u[i] < 0x80) {
            cp = u[i++];
        } else if (enc == ENC_ASCII) {
            if (decode_handle(&out, enc, err, errors, s, i, i + 1, "ordinal not in range(128)") < 0)
                goto error;
            i++;
            continue;
        } else {
            tn_ssize_t bad = 0;
            const char *reason = NULL;
            int k = utf8_one(u, i, n, &cp, &bad, &reason);
            if (k == 0) {
                if (decode_handle(&out, enc, err, errors, s, i, i + bad, reason) < 0)
                    goto error;
                i += bad;
                continue;
            }
            i += k;
        }
        if (cp_put(&out, cp) < 0)
            goto error;
    }
    TnObject *r = tn_str_from_codepoints(out.cp, out.n);
    tn_mem_free(out.cp);
    return r;
error:
    tn_mem_free(out.cp);
    return NULL;
}
