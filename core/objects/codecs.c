/* core/objects/codecs.c — the builtin codecs: name lookup (CPython's
 * normalize_encoding + encodings.aliases for the codecs we have), the
 * standard error handlers, utf-8 / ascii / latin-1 / cp1252, str.encode
 * and the UnicodeEncodeError / UnicodeDecodeError raised on failure.
 * utf-16/32 are in codecs_utf16.c, the escape codecs in codecs_escape.c.
 * Messages as CPython 3.11.  Design: docs/codecs.md. */
#include "core/objects/codecs_internal.h"
#include <ctype.h>
#include <stdio.h>

/* ---- the codec table ------------------------------------------------------ */

typedef struct CodecName {
    const char *name;        /* normalised spelling (module name or alias) */
    int enc;
} CodecName;

static const CodecName codec_names[] = {
    {"utf_8", TN_ENC_UTF8}, {"utf8", TN_ENC_UTF8}, {"u8", TN_ENC_UTF8}, {"utf", TN_ENC_UTF8},
    {"cp65001", TN_ENC_UTF8}, {"utf8_ucs2", TN_ENC_UTF8}, {"utf8_ucs4", TN_ENC_UTF8},
    {"utf_8_sig", TN_ENC_UTF8_SIG},
    {"ascii", TN_ENC_ASCII}, {"us_ascii", TN_ENC_ASCII}, {"646", TN_ENC_ASCII},
    {"ansi_x3.4_1968", TN_ENC_ASCII}, {"ansi_x3_4_1968", TN_ENC_ASCII}, {"ansi_x3.4_1986", TN_ENC_ASCII},
    {"cp367", TN_ENC_ASCII}, {"csascii", TN_ENC_ASCII}, {"ibm367", TN_ENC_ASCII},
    {"iso646_us", TN_ENC_ASCII}, {"iso_646.irv_1991", TN_ENC_ASCII}, {"iso_ir_6", TN_ENC_ASCII},
    {"us", TN_ENC_ASCII},
    {"latin_1", TN_ENC_LATIN1}, {"latin1", TN_ENC_LATIN1}, {"iso_8859_1", TN_ENC_LATIN1},
    {"iso8859_1", TN_ENC_LATIN1}, {"8859", TN_ENC_LATIN1}, {"cp819", TN_ENC_LATIN1},
    {"l1", TN_ENC_LATIN1}, {"latin", TN_ENC_LATIN1}, {"iso_ir_100", TN_ENC_LATIN1},
    {"csisolatin1", TN_ENC_LATIN1}, {"ibm819", TN_ENC_LATIN1}, {"iso8859", TN_ENC_LATIN1},
    {"iso_8859_1_1987", TN_ENC_LATIN1},
    {"cp1252", TN_ENC_CP1252}, {"windows_1252", TN_ENC_CP1252}, {"1252", TN_ENC_CP1252},
    {"utf_16", TN_ENC_UTF16}, {"utf16", TN_ENC_UTF16}, {"u16", TN_ENC_UTF16},
    {"utf_16_le", TN_ENC_UTF16_LE}, {"utf_16le", TN_ENC_UTF16_LE}, {"unicodelittleunmarked", TN_ENC_UTF16_LE},
    {"utf_16_be", TN_ENC_UTF16_BE}, {"utf_16be", TN_ENC_UTF16_BE}, {"unicodebigunmarked", TN_ENC_UTF16_BE},
    {"utf_32", TN_ENC_UTF32}, {"utf32", TN_ENC_UTF32}, {"u32", TN_ENC_UTF32},
    {"utf_32_le", TN_ENC_UTF32_LE}, {"utf_32le", TN_ENC_UTF32_LE},
    {"utf_32_be", TN_ENC_UTF32_BE}, {"utf_32be", TN_ENC_UTF32_BE},
    {"unicode_escape", TN_ENC_UNICODE_ESCAPE},
    {"raw_unicode_escape", TN_ENC_RAW_UNICODE_ESCAPE},
};

/* The codec name used in UnicodeEncodeError / UnicodeDecodeError. */
static const char *const error_names[] = {
    [TN_ENC_UTF8] = "utf-8", [TN_ENC_UTF8_SIG] = "utf-8", [TN_ENC_ASCII] = "ascii",
    [TN_ENC_LATIN1] = "latin-1", [TN_ENC_CP1252] = "charmap",
    [TN_ENC_UTF16] = "utf-16", [TN_ENC_UTF16_LE] = "utf-16-le", [TN_ENC_UTF16_BE] = "utf-16-be",
    [TN_ENC_UTF32] = "utf-32", [TN_ENC_UTF32_LE] = "utf-32-le", [TN_ENC_UTF32_BE] = "utf-32-be",
    [TN_ENC_UNICODE_ESCAPE] = "unicodeescape", [TN_ENC_RAW_UNICODE_ESCAPE] = "rawunicodeescape",
    [TN_ENC_CHARMAP] = "charmap", [TN_ENC_UTF7] = "utf7",
};

const char *tn_codec_error_name(int enc)
{
    return error_names[enc];
}

/* encodings.normalize_encoding after the registry's lower-casing: runs of
 * characters other than ASCII letters, digits and '.' become one '_',
 * leading and trailing ones are dropped.  false if it does not fit. */
static bool normalize_encoding(const char *name, char *buf, size_t size)
{
    size_t k = 0;
    bool punct = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        if (c < 0x80 && (isalnum(c) || c == '.')) {
            if (punct && k > 0) {
                if (k + 1 >= size)
                    return false;
                buf[k++] = '_';
            }
            if (k + 1 >= size)
                return false;
            buf[k++] = (char)tolower(c);
            punct = false;
        } else {
            punct = true;
        }
    }
    buf[k] = 0;
    return true;
}

char *tn_codec_normalize_name(const char *name)
{
    size_t size = strlen(name) + 1;
    char *buf = tn_mem_alloc(size);
    if (buf == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    normalize_encoding(name, buf, size);
    return buf;
}

/* The TN_ENC_ value for an encoding name Tandem has natively, or -1 (no
 * exception: the codec registry is asked next). */
static int lookup_encoding(const char *name)
{
    char buf[64];
    if (normalize_encoding(name, buf, sizeof buf))
        for (size_t i = 0; i < sizeof codec_names / sizeof codec_names[0]; i++)
            if (strcmp(buf, codec_names[i].name) == 0)
                return codec_names[i].enc;
    return -1;
}

int tn_codec_errors_kind(const char *e)
{
    if (e == NULL)
        return TN_ERR_STRICT;
    static const char *const names[] = {
        [TN_ERR_STRICT] = "strict", [TN_ERR_IGNORE] = "ignore", [TN_ERR_REPLACE] = "replace",
        [TN_ERR_BACKSLASH] = "backslashreplace", [TN_ERR_SURROGATEESCAPE] = "surrogateescape",
        [TN_ERR_XMLCHARREF] = "xmlcharrefreplace", [TN_ERR_SURROGATEPASS] = "surrogatepass",
        [TN_ERR_NAMEREPLACE] = "namereplace",
    };
    for (int i = 0; i < TN_ERR_UNKNOWN; i++)
        if (strcmp(e, names[i]) == 0)
            return i;
    return TN_ERR_UNKNOWN;
}

int tn_codec_arg(const char *fname, int argno, TnObject *obj, const char *dflt, const char **out)
{
    if (obj == NULL) {
        *out = dflt;
        return 0;
    }
    if (!tn_str_check(obj)) {
        tn_err_format(&tn_exc_TypeError, "%s() argument '%s' must be str, not %s", fname,
                      argno == 1 ? "encoding" : "errors", obj == TN_NONE ? "None" : tn_type(obj)->name);
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

/* ---- the exceptions ------------------------------------------------------- */

static TnObject *make_unicode_error(TnType *type, const char *encoding, TnObject *object, tn_ssize_t start,
                                    tn_ssize_t end, const char *reason)
{
    TnObject *exc = NULL;
    TnObject *enc = tn_str_from_cstr(encoding);
    TnObject *rsn = tn_str_from_cstr(reason);
    TnObject *st = tn_int_from_ssize(start);
    TnObject *en = tn_int_from_ssize(end);
    TnObject *args = NULL;
    if (enc != NULL && rsn != NULL && st != NULL && en != NULL)
        args = tn_tuple_pack(5, enc, object, st, en, rsn);
    if (args != NULL)
        exc = tn_exception_new(type, args);
    tn_xdecref(enc);
    tn_xdecref(rsn);
    tn_xdecref(st);
    tn_xdecref(en);
    tn_xdecref(args);
    return exc;
}

static void raise_unicode_error(TnType *type, const char *encoding, TnObject *object, tn_ssize_t start,
                                tn_ssize_t end, const char *reason)
{
    TnObject *exc = make_unicode_error(type, encoding, object, start, end, reason);
    if (exc != NULL) {
        tn_err_set_object(type, exc);
        tn_decref(exc);
    }
}

void tn_codec_raise_encode_error(const char *encoding, TnObject *str, tn_ssize_t start, tn_ssize_t end,
                                 const char *reason)
{
    raise_unicode_error(&tn_exc_UnicodeEncodeError, encoding, str, start, end, reason);
}

void tn_codec_raise_decode_error(const char *encoding, const char *data, tn_ssize_t n, tn_ssize_t start,
                                 tn_ssize_t end, const char *reason)
{
    TnObject *b = tn_bytes_from_data(data, n);
    if (b == NULL)
        return;
    raise_unicode_error(&tn_exc_UnicodeDecodeError, encoding, b, start, end, reason);
    tn_decref(b);
}

/* The codecs that CPython runs through the codec registry (not its C fast
 * paths) wrap a handler's TypeError: "decoding with 'x' codec failed
 * (TypeError: ...)". */
static bool wraps_errors(int enc)
{
    return enc != TN_ENC_UTF8 && enc != TN_ENC_ASCII && enc != TN_ENC_LATIN1 && enc != TN_ENC_UTF16 &&
           enc != TN_ENC_UTF32;
}

/* ---- error handlers: decoding --------------------------------------------- */

int tn_cpbuf_put(TnCpBuf *b, uint32_t c)
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

int tn_cpbuf_puts(TnCpBuf *b, const char *ascii)
{
    for (; *ascii; ascii++)
        if (tn_cpbuf_put(b, (unsigned char)*ascii) < 0)
            return -1;
    return 0;
}

static void decoder_raise(TnDecoder *d, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    tn_codec_raise_decode_error(d->name, (const char *)d->s, d->n, start, end, reason);
}

/* surrogatepass when decoding: one surrogate encoded at start in the
 * codec's own form.  The new position, or 0 when the bytes are no
 * surrogate. */
static tn_ssize_t decode_surrogatepass(TnDecoder *d, tn_ssize_t start)
{
    const unsigned char *p = d->s + start;
    tn_ssize_t left = d->n - start;
    uint32_t c;
    if (d->enc == TN_ENC_UTF8 || d->enc == TN_ENC_UTF8_SIG) {
        if (left < 3 || p[0] != 0xed || (p[1] & 0xe0) != 0xa0 || (p[2] & 0xc0) != 0x80)
            return 0;
        c = 0xd000 | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    } else if (d->unit == 2 && left >= 2) {
        c = d->big_endian ? (uint32_t)(p[0] << 8 | p[1]) : (uint32_t)(p[1] << 8 | p[0]);
    } else if (d->unit == 4 && left >= 4) {
        c = d->big_endian ? ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3])
                          : ((uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]);
    } else {
        return 0;
    }
    if (c < 0xd800 || c > 0xdfff || tn_cpbuf_put(&d->out, c) < 0)
        return 0;
    return start + (d->unit > 1 ? d->unit : 3);
}

/* A handler registered with codecs.register_error: called with a
 * UnicodeDecodeError; its replacement is appended. */
static tn_ssize_t decode_registered(TnDecoder *d, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    TnObject *data = tn_bytes_from_data((const char *)d->s, d->n);
    TnObject *exc = data != NULL ? make_unicode_error(&tn_exc_UnicodeDecodeError, d->name, data, start, end, reason)
                                 : NULL;
    tn_xdecref(data);
    TnObject *rep;
    tn_ssize_t pos;
    int r = exc != NULL ? tn_codec_call_error_handler(d->errors, exc, true, d->n, &rep, &pos) : -1;
    tn_xdecref(exc);
    if (r < 0)
        return -1;
    tn_ssize_t n = tn_str_length(rep);
    for (tn_ssize_t i = 0; i < n && r == 0; i++)
        r = tn_cpbuf_put(&d->out, tn_str_read(rep, i));
    tn_decref(rep);
    return r < 0 ? -1 : pos;
}

static tn_ssize_t decode_handler_typeerror(TnDecoder *d)
{
    const char *msg = "don't know how to handle UnicodeDecodeError in error callback";
    if (wraps_errors(d->enc))
        tn_err_format(&tn_exc_TypeError, "decoding with '%s' codec failed (TypeError: %s)", d->user_name, msg);
    else
        tn_err_set_str(&tn_exc_TypeError, msg);
    return -1;
}

tn_ssize_t tn_decoder_error(TnDecoder *d, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    switch (d->err) {
    case TN_ERR_STRICT:
        break;
    case TN_ERR_IGNORE:
        return end;
    case TN_ERR_REPLACE:
        return tn_cpbuf_put(&d->out, 0xfffd) < 0 ? -1 : end;
    case TN_ERR_BACKSLASH:
        for (tn_ssize_t i = start; i < end; i++) {
            char tmp[8];
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)d->s[i]);
            if (tn_cpbuf_puts(&d->out, tmp) < 0)
                return -1;
        }
        return end;
    case TN_ERR_SURROGATEESCAPE: {
        for (tn_ssize_t i = start; i < end; i++)
            if (d->s[i] < 128)
                goto raise;
        for (tn_ssize_t i = start; i < end; i++)
            if (tn_cpbuf_put(&d->out, 0xdc00 + d->s[i]) < 0)
                return -1;
        return end;
    }
    case TN_ERR_SURROGATEPASS: {
        tn_ssize_t pos = decode_surrogatepass(d, start);
        if (pos > 0)
            return pos;
        if (tn_err_occurred())
            return -1;
        break;
    }
    case TN_ERR_UNKNOWN:
        return decode_registered(d, start, end, reason);
    default:
        return decode_handler_typeerror(d);
    }
raise:
    decoder_raise(d, start, end, reason);
    return -1;
}

/* ---- error handlers: encoding --------------------------------------------- */

/* 0, -1, or 1 when the codec cannot encode a character of s (charmap). */
static int put_ascii(TnEncoder *e, const char *s)
{
    for (; *s; s++) {
        int r = e->put(e, (unsigned char)*s);
        if (r != 0)
            return r;
    }
    return 0;
}

void tn_codec_escape_char(uint32_t c, char *buf, size_t size)
{
    if (c <= 0xff)
        snprintf(buf, size, "\\x%02x", (unsigned)c);
    else if (c <= 0xffff)
        snprintf(buf, size, "\\u%04x", (unsigned)c);
    else
        snprintf(buf, size, "\\U%08x", (unsigned)c);
}

/* surrogatepass when encoding: the surrogate c as one code unit of the
 * utf-8/16/32 codecs.  0, or 1 when this codec cannot pass it. */
static int encode_surrogatepass(TnEncoder *e, uint32_t c)
{
    if (c < 0xd800 || c > 0xdfff)
        return 1;
    if (e->enc == TN_ENC_UTF8 || e->enc == TN_ENC_UTF8_SIG) {
        char u[3] = {(char)(0xe0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3f)), (char)(0x80 | (c & 0x3f))};
        return tn_bbuf_put(&e->out, u, 3);
    }
    if (e->unit == 1)
        return 1;
    return e->put(e, c);
}

/* One character of the handler's replacement.  0 / -1; 1 = raise the
 * original error. */
static int encode_handle_one(TnEncoder *e, uint32_t c)
{
    char tmp[TN_UNICODE_NAME_MAX + 8];
    switch (e->err) {
    case TN_ERR_IGNORE:
        return 0;
    case TN_ERR_REPLACE:
        return e->put(e, '?');
    case TN_ERR_BACKSLASH:
        tn_codec_escape_char(c, tmp, sizeof tmp);
        return put_ascii(e, tmp);
    case TN_ERR_XMLCHARREF:
        snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)c);
        return put_ascii(e, tmp);
    case TN_ERR_NAMEREPLACE: {
        char name[TN_UNICODE_NAME_MAX + 1];
        if (tn_unicode_name_of(c, name, sizeof name))
            snprintf(tmp, sizeof tmp, "\\N{%s}", name);
        else
            tn_codec_escape_char(c, tmp, sizeof tmp);
        return put_ascii(e, tmp);
    }
    case TN_ERR_SURROGATEESCAPE:
        /* Bytes: a utf-16/32 result must be whole code units, which one
         * byte never is (CPython then reports "surrogates not allowed"). */
        if (c < 0xdc80 || c > 0xdcff || e->unit != 1)
            return 1;
        return tn_bbuf_putc(&e->out, (int)(c - 0xdc00));
    case TN_ERR_SURROGATEPASS:
        return encode_surrogatepass(e, c);
    default:
        return 1;
    }
}

static bool encodable(int enc, uint32_t c);

/* Append a registered handler's replacement: bytes as they are (whole code
 * units), str characters through the codec, which must encode them as
 * CPython's encoders do (ASCII only for utf-8/16/32).  0 / -1; 1 = raise
 * the original error. */
static int encode_replacement(TnEncoder *e, TnObject *rep)
{
    if (tn_bytes_check(rep)) {
        if (tn_bytes_size(rep) % e->unit != 0)
            return 1;
        return tn_bbuf_put(&e->out, tn_bytes_data(rep), tn_bytes_size(rep));
    }
    bool one_byte = e->enc == TN_ENC_ASCII || e->enc == TN_ENC_LATIN1 || e->enc == TN_ENC_CP1252;
    tn_ssize_t n = tn_str_length(rep);
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t c = tn_str_read(rep, i);
        if (e->enc != TN_ENC_CHARMAP && !(one_byte ? encodable(e->enc, c) : c < 0x80))
            return 1;
        int r = e->put(e, c);
        if (r != 0)
            return r;
    }
    return 0;
}

/* A handler registered with codecs.register_error: called with a
 * UnicodeEncodeError.  The position to continue at, or -1. */
static tn_ssize_t encode_registered(TnEncoder *e, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    TnObject *exc = make_unicode_error(&tn_exc_UnicodeEncodeError, e->name, e->str, start, end, reason);
    TnObject *rep;
    tn_ssize_t pos;
    int r = exc != NULL ? tn_codec_call_error_handler(e->errors, exc, false, tn_str_length(e->str), &rep, &pos)
                        : -1;
    tn_xdecref(exc);
    if (r < 0)
        return -1;
    r = encode_replacement(e, rep);
    tn_decref(rep);
    if (r > 0) {
        if (e->unit != 1)
            reason = "surrogates not allowed";
        tn_codec_raise_encode_error(e->name, e->str, start, end, reason);
    }
    return r != 0 ? -1 : pos;
}

tn_ssize_t tn_encoder_error(TnEncoder *e, tn_ssize_t start, tn_ssize_t end, const char *reason)
{
    if (e->err == TN_ERR_UNKNOWN)
        return encode_registered(e, start, end, reason);
    if (e->err != TN_ERR_STRICT) {
        size_t mark = (size_t)e->out.len;
        int r = 0;
        for (tn_ssize_t i = start; i < end && r == 0; i++)
            r = encode_handle_one(e, tn_str_read(e->str, i));
        if (r <= 0)
            return r < 0 ? -1 : end;
        e->out.len = (tn_ssize_t)mark;
        if (e->err == TN_ERR_SURROGATEESCAPE && e->unit != 1)
            reason = "surrogates not allowed";
    }
    tn_codec_raise_encode_error(e->name, e->str, start, end, reason);
    return -1;
}

/* ---- utf-8, ascii, latin-1, cp1252 ------------------------------------------ */

/* cp1252 bytes 0x80-0x9f (the rest is latin-1); 0 = undefined. */
static const uint16_t cp1252_high[32] = {
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
    0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
    0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* The cp1252 byte for c, or -1. */
static int cp1252_byte(uint32_t c)
{
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff))
        return (int)c;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] != 0 && cp1252_high[i] == c)
            return 0x80 + i;
    return -1;
}

static int put_utf8(TnEncoder *e, uint32_t c)
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
    return tn_bbuf_put(&e->out, u, n);
}

static int put_byte(TnEncoder *e, uint32_t c)
{
    return tn_bbuf_putc(&e->out, e->enc == TN_ENC_CP1252 ? cp1252_byte(c) : (int)c);
}

static bool encodable(int enc, uint32_t c)
{
    switch (enc) {
    case TN_ENC_ASCII: return c < 0x80;
    case TN_ENC_LATIN1: return c < 0x100;
    case TN_ENC_CP1252: return cp1252_byte(c) >= 0;
    default: return c < 0xd800 || c > 0xdfff;
    }
}

/* The one-byte codecs and utf-8: runs of unencodable characters go to the
 * error handler together, as in CPython. */
static int encode_simple(TnEncoder *e)
{
    const char *reason = e->enc == TN_ENC_ASCII ? "ordinal not in range(128)"
                         : e->enc == TN_ENC_LATIN1 ? "ordinal not in range(256)"
                         : e->enc == TN_ENC_CP1252 ? "character maps to <undefined>"
                                                   : "surrogates not allowed";
    if (e->enc == TN_ENC_UTF8_SIG && tn_bbuf_put(&e->out, "\xef\xbb\xbf", 3) < 0)
        return -1;
    tn_ssize_t n = tn_str_length(e->str);
    for (tn_ssize_t i = 0; i < n;) {
        uint32_t c = tn_str_read(e->str, i);
        if (encodable(e->enc, c)) {
            if (e->put(e, c) < 0)
                return -1;
            i++;
            continue;
        }
        tn_ssize_t j = i + 1;
        while (j < n && !encodable(e->enc, tn_str_read(e->str, j)))
            j++;
        if ((i = tn_encoder_error(e, i, j, reason)) < 0)
            return -1;
    }
    return 0;
}

int tn_codec_run_encoder(TnEncoder *e)
{
    int enc = e->enc;
    e->unit = 1;
    e->put = enc == TN_ENC_UTF8 || enc == TN_ENC_UTF8_SIG ? put_utf8 : put_byte;
    switch (enc) {
    case TN_ENC_UTF16: case TN_ENC_UTF16_LE: case TN_ENC_UTF16_BE:
        e->big_endian = enc == TN_ENC_UTF16_BE;
        return tn_codec_utf16_encode(e, enc == TN_ENC_UTF16);
    case TN_ENC_UTF32: case TN_ENC_UTF32_LE: case TN_ENC_UTF32_BE:
        e->big_endian = enc == TN_ENC_UTF32_BE;
        return tn_codec_utf32_encode(e, enc == TN_ENC_UTF32);
    case TN_ENC_UNICODE_ESCAPE: case TN_ENC_RAW_UNICODE_ESCAPE:
        return tn_codec_escape_encode(e, enc == TN_ENC_RAW_UNICODE_ESCAPE);
    case TN_ENC_CHARMAP:
        return tn_codec_charmap_encode(e);
    case TN_ENC_UTF7:
        return tn_codec_utf7_encode(e);
    default:
        return encode_simple(e);
    }
}

TnObject *tn_codec_encode(TnObject *s, const char *encoding, const char *errors)
{
    int enc = lookup_encoding(encoding != NULL ? encoding : "utf-8");
    if (enc < 0)
        return tn_codec_registry_encode_text(s, encoding, errors);
    TnEncoder e = {.enc = enc, .name = error_names[enc], .err = tn_codec_errors_kind(errors),
                   .errors = errors != NULL ? errors : "strict", .str = s};
    int r = tn_codec_run_encoder(&e);
    TnObject *res = r < 0 ? NULL : tn_bytes_from_data(e.out.buf, e.out.len);
    tn_bbuf_free(&e.out);
    return res;
}

TnObject *tn_str_encode_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    TnObject *a[2] = {NULL, NULL};
    const char *enc, *errs;
    if (tn_args_parse("encode", args, nargs, kwnames, names, 0, 0, a) < 0 ||
        tn_codec_arg("encode", 1, a[0], "utf-8", &enc) < 0 ||
        tn_codec_arg("encode", 2, a[1], NULL, &errs) < 0)
        return NULL;
    return tn_codec_encode(self, enc, errs);
}

/* ---- decoding ----------------------------------------------------------- */

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

/* utf-8, ascii, latin-1, cp1252. */
static int decode_simple(TnDecoder *d)
{
    const unsigned char *u = d->s;
    tn_ssize_t i = 0;
    if (d->enc == TN_ENC_UTF8_SIG && d->n >= 3 && memcmp(u, "\xef\xbb\xbf", 3) == 0) {
        /* The BOM is stripped before decoding: positions count from after it. */
        d->s += 3;
        d->n -= 3;
        u = d->s;
    }
    while (i < d->n) {
        uint32_t cp = u[i];
        tn_ssize_t bad = 0;
        const char *reason = NULL;
        if (cp < 0x80 || d->enc == TN_ENC_LATIN1) {
            i++;
        } else if (d->enc == TN_ENC_ASCII) {
            bad = 1;
            reason = "ordinal not in range(128)";
        } else if (d->enc == TN_ENC_CP1252) {
            if (cp < 0xa0 && (cp = cp1252_high[cp - 0x80]) == 0) {
                bad = 1;
                reason = "character maps to <undefined>";
            } else {
                i++;
            }
        } else {
            int k = utf8_one(u, i, d->n, &cp, &bad, &reason);
            if (k == 0 && !d->final && i + bad == d->n && strcmp(reason, "unexpected end of data") == 0)
                break;   /* an incomplete sequence: left for the next call */
            i += k;
        }
        if (bad > 0) {
            i = tn_decoder_error(d, i, i + bad, reason);
            if (i < 0)
                return -1;
            continue;
        }
        if (tn_cpbuf_put(&d->out, cp) < 0)
            return -1;
    }
    d->consumed = i;
    return 0;
}

int tn_codec_run_decoder(TnDecoder *d)
{
    d->unit = 1;
    d->consumed = d->n;
    switch (d->enc) {
    case TN_ENC_UTF16: case TN_ENC_UTF16_LE: case TN_ENC_UTF16_BE:
        return tn_codec_utf16_decode(d);
    case TN_ENC_UTF32: case TN_ENC_UTF32_LE: case TN_ENC_UTF32_BE:
        return tn_codec_utf32_decode(d);
    case TN_ENC_UNICODE_ESCAPE: case TN_ENC_RAW_UNICODE_ESCAPE:
        return tn_codec_escape_decode(d, d->enc == TN_ENC_RAW_UNICODE_ESCAPE);
    case TN_ENC_CHARMAP:
        return tn_codec_charmap_decode(d);
    case TN_ENC_UTF7:
        return tn_codec_utf7_decode(d);
    default:
        return decode_simple(d);
    }
}

TnObject *tn_codec_decode(const char *s, tn_ssize_t n, const char *encoding, const char *errors)
{
    if (encoding == NULL)
        encoding = "utf-8";
    int enc = lookup_encoding(encoding);
    if (enc < 0) {
        TnObject *b = tn_bytes_from_data(s, n);
        TnObject *r = b != NULL ? tn_codec_registry_decode_text(b, encoding, errors) : NULL;
        tn_xdecref(b);
        return r;
    }
    TnDecoder d = {.enc = enc, .name = error_names[enc], .user_name = encoding, .err = tn_codec_errors_kind(errors),
                   .errors = errors != NULL ? errors : "strict", .s = (const unsigned char *)s, .n = n,
                   .final = true};
    int r = tn_codec_run_decoder(&d);
    TnObject *res = r < 0 ? NULL : tn_str_from_codepoints(d.out.cp, d.out.n);
    tn_mem_free(d.out.cp);
    return res;
}

TnObject *tn_codec_decode_object(TnObject *obj, TnObject *encoding, TnObject *errors)
{
    const char *enc, *errs;
    if (tn_codec_arg("str", 1, encoding, "utf-8", &enc) < 0 || tn_codec_arg("str", 2, errors, NULL, &errs) < 0)
        return NULL;
    if (tn_str_check(obj))
        return tn_err_format(&tn_exc_TypeError, "decoding str is not supported");
    TnBytesView v;   /* a copy of a bytearray's bytes: an error handler may run Python code */
    int got = tn_bytes_view_copy(obj, &v);
    if (got == 0)
        return tn_err_format(&tn_exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                             tn_type(obj)->name);
    if (got < 0)
        return NULL;
    TnObject *r = tn_codec_decode(v.d, v.n, enc, errs);
    tn_bytes_view_release(&v);
    return r;
}
