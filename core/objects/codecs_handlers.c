/* core/objects/codecs_handlers.c — the standard error handlers as the
 * callables codecs.lookup_error() returns (strict_errors, ignore_errors,
 * ..., surrogatepass), CPython 3.11's Python/codecs.c (docs/codecs.md).
 * Each takes a UnicodeEncodeError / UnicodeDecodeError /
 * UnicodeTranslateError and returns (replacement, position to resume).
 * The codecs do not call these: they apply the standard handlers inline
 * (codecs.c); these are for Python code and for codecs written in Python. */
#include "core/objects/codecs_internal.h"
#include <ctype.h>
#include <stdio.h>

enum { KIND_NONE, KIND_ENCODE, KIND_DECODE, KIND_TRANSLATE };

static int exc_kind(TnObject *exc)
{
    if (tn_object_type_check(exc, &tn_exc_UnicodeEncodeError))
        return KIND_ENCODE;
    if (tn_object_type_check(exc, &tn_exc_UnicodeDecodeError))
        return KIND_DECODE;
    if (tn_object_type_check(exc, &tn_exc_UnicodeTranslateError))
        return KIND_TRANSLATE;
    return KIND_NONE;
}

static TnObject *wrong_exception_type(TnObject *exc)
{
    return tn_err_format(&tn_exc_TypeError, "don't know how to handle %s in error callback", tn_type(exc)->name);
}

static TnObject *raise_exc(TnObject *exc)
{
    tn_err_set_object(tn_type(exc), exc);
    return NULL;
}

/* exc's object, start and end, clamped to the object as CPython's
 * PyUnicode*Error_GetStart/GetEnd do.  false (TypeError) when the object
 * is not of the kind's type. */
static bool exc_range(TnObject *exc, int kind, TnObject **obj, tn_ssize_t *start, tn_ssize_t *end)
{
    TnUnicodeErrorObject *u = (TnUnicodeErrorObject *)exc;
    bool bytes = kind == KIND_DECODE;
    if (u->object == NULL || (bytes ? !tn_bytes_check(u->object) : !tn_str_check(u->object))) {
        tn_err_format(&tn_exc_TypeError, "object attribute must be %s", bytes ? "bytes" : "unicode");
        return false;
    }
    tn_ssize_t size = bytes ? tn_bytes_size(u->object) : tn_str_length(u->object);
    tn_ssize_t s = u->start, e = u->end;
    if (s < 0)
        s = 0;
    if (s >= size)
        s = size == 0 ? 0 : size - 1;
    if (e < 1)
        e = 1;
    if (e > size)
        e = size;
    *obj = u->object;
    *start = s;
    *end = e;
    return true;
}

TnObject *tn_codec_pair_steal(TnObject *v_steal, tn_ssize_t n)
{
    if (v_steal == NULL)
        return NULL;
    TnObject *p = tn_int_from_ssize(n);
    TnObject *r = p != NULL ? tn_tuple_pack(2, v_steal, p) : NULL;
    tn_xdecref(p);
    tn_decref(v_steal);
    return r;
}

static TnObject *h_strict(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("strict_errors", kw) < 0 || tn_args_count("strict_errors", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_exception_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "codec must pass exception instance");
    return raise_exc(args[0]);
}

/* The handler's exception argument with its range; NULL on error. */
static TnObject *handler_arg(const char *name, TnObject *const *args, tn_ssize_t nargs, TnObject *kw, int *kind,
                             TnObject **obj, tn_ssize_t *start, tn_ssize_t *end)
{
    if (tn_args_no_kw(name, kw) < 0 || tn_args_count(name, nargs, 1, 1) < 0)
        return NULL;
    *kind = exc_kind(args[0]);
    if (*kind == KIND_NONE)
        return wrong_exception_type(args[0]);
    return exc_range(args[0], *kind, obj, start, end) ? args[0] : NULL;
}

static TnObject *h_ignore(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    int kind;
    TnObject *obj;
    tn_ssize_t start = 0, end = 0;
    if (handler_arg("ignore_errors", args, nargs, kw, &kind, &obj, &start, &end) == NULL)
        return NULL;
    return tn_codec_pair_steal(tn_str_from_cstr(""), end);
}

static TnObject *h_replace(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    int kind;
    TnObject *obj;
    tn_ssize_t start = 0, end = 0;
    if (handler_arg("replace_errors", args, nargs, kw, &kind, &obj, &start, &end) == NULL)
        return NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    int r = kind == KIND_DECODE ? tn_strw_putc(&w, 0xfffd)
                                : tn_strw_put_repeat(&w, kind == KIND_ENCODE ? '?' : 0xfffd, end - start);
    if (r < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_codec_pair_steal(tn_strw_finish(&w), end);
}

/* backslashreplace / xmlcharrefreplace / namereplace of the characters
 * obj[start:end]. */
static TnObject *escape_chars(TnObject *obj, tn_ssize_t start, tn_ssize_t end, char style)
{
    TnStrWriter w;
    tn_strw_init(&w);
    for (tn_ssize_t i = start; i < end; i++) {
        uint32_t c = tn_str_read(obj, i);
        char tmp[TN_UNICODE_NAME_MAX + 8], name[TN_UNICODE_NAME_MAX + 1];
        if (style == 'x')
            snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)c);
        else if (style == 'n' && tn_unicode_name_of(c, name, sizeof name))
            snprintf(tmp, sizeof tmp, "\\N{%s}", name);
        else
            tn_codec_escape_char(c, tmp, sizeof tmp);
        if (tn_strw_puts(&w, tmp) < 0) {
            tn_strw_discard(&w);
            return NULL;
        }
    }
    return tn_strw_finish(&w);
}

static TnObject *h_backslashreplace(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    int kind;
    TnObject *obj;
    tn_ssize_t start = 0, end = 0;
    if (handler_arg("backslashreplace_errors", args, nargs, kw, &kind, &obj, &start, &end) == NULL)
        return NULL;
    if (kind != KIND_DECODE)
        return tn_codec_pair_steal(escape_chars(obj, start, end, 'b'), end);
    TnStrWriter w;
    tn_strw_init(&w);
    const unsigned char *p = (const unsigned char *)tn_bytes_data(obj);
    for (tn_ssize_t i = start; i < end; i++) {
        char tmp[8];
        snprintf(tmp, sizeof tmp, "\\x%02x", p[i]);
        if (tn_strw_puts(&w, tmp) < 0) {
            tn_strw_discard(&w);
            return NULL;
        }
    }
    return tn_codec_pair_steal(tn_strw_finish(&w), end);
}

static TnObject *encode_only(const char *name, char style, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    int kind;
    TnObject *obj;
    tn_ssize_t start = 0, end = 0;
    if (tn_args_no_kw(name, kw) < 0 || tn_args_count(name, nargs, 1, 1) < 0)
        return NULL;
    if (exc_kind(args[0]) != KIND_ENCODE)
        return wrong_exception_type(args[0]);
    if (handler_arg(name, args, nargs, kw, &kind, &obj, &start, &end) == NULL)
        return NULL;
    return tn_codec_pair_steal(escape_chars(obj, start, end, style), end);
}

static TnObject *h_xmlcharrefreplace(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return encode_only("xmlcharrefreplace_errors", 'x', args, nargs, kw);
}

static TnObject *h_namereplace(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return encode_only("namereplace_errors", 'n', args, nargs, kw);
}

static TnObject *h_surrogateescape(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    int kind;
    TnObject *obj;
    tn_ssize_t start = 0, end = 0;
    if (handler_arg("surrogateescape", args, nargs, kw, &kind, &obj, &start, &end) == NULL)
        return NULL;
    if (kind == KIND_TRANSLATE)
        return wrong_exception_type(args[0]);
    if (kind == KIND_ENCODE) {
        TnByteBuf b = {0};
        for (tn_ssize_t i = start; i < end; i++) {
            uint32_t c = tn_str_read(obj, i);
            if (c < 0xdc80 || c > 0xdcff || tn_bbuf_putc(&b, (int)(c - 0xdc00)) < 0) {
                tn_bbuf_free(&b);
                return tn_err_occurred() ? NULL : raise_exc(args[0]);
            }
        }
        TnObject *r = tn_bytes_from_data(b.buf, b.len);
        tn_bbuf_free(&b);
        return tn_codec_pair_steal(r, end);
    }
    /* Up to 4 undecodable bytes, none of them ASCII. */
    const unsigned char *p = (const unsigned char *)tn_bytes_data(obj);
    uint32_t ch[4];
    int n = 0;
    while (n < 4 && n < end - start && p[start + n] >= 128) {
        ch[n] = 0xdc00 + p[start + n];
        n++;
    }
    if (n == 0)
        return raise_exc(args[0]);
    return tn_codec_pair_steal(tn_str_from_codepoints(ch, n), start + n);
}

/* CPython's get_standard_encoding: TN_ENC_UTF8 / UTF16_LE / UTF16_BE /
 * UTF32_LE / UTF32_BE with the bytes per surrogate, or -1. */
static int standard_encoding(const char *e, int *bytelength)
{
    if (strcmp(e, "cp65001") == 0) {
        *bytelength = 3;
        return TN_ENC_UTF8;
    }
    if (tolower((unsigned char)e[0]) != 'u' || tolower((unsigned char)e[1]) != 't' ||
        tolower((unsigned char)e[2]) != 'f')
        return -1;
    e += 3;
    if (*e == '-' || *e == '_')
        e++;
    if (strcmp(e, "8") == 0) {
        *bytelength = 3;
        return TN_ENC_UTF8;
    }
    bool b16 = strncmp(e, "16", 2) == 0;
    if (!b16 && strncmp(e, "32", 2) != 0)
        return -1;
    *bytelength = b16 ? 2 : 4;
    e += 2;
    if (*e == 0)
        return b16 ? TN_ENC_UTF16_LE : TN_ENC_UTF32_LE;
    if ((*e == '-' || *e == '_') && tolower((unsigned char)e[2]) == 'e' && e[3] == 0) {
        char o = (char)tolower((unsigned char)e[1]);
        if (o == 'l')
            return b16 ? TN_ENC_UTF16_LE : TN_ENC_UTF32_LE;
        if (o == 'b')
            return b16 ? TN_ENC_UTF16_BE : TN_ENC_UTF32_BE;
    }
    return -1;
}

static void put_surrogate(unsigned char *out, uint32_t c, int enc)
{
    switch (enc) {
    case TN_ENC_UTF8:
        out[0] = (unsigned char)(0xe0 | (c >> 12));
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (unsigned char)(0x80 | (c & 0x3f));
        break;
    case TN_ENC_UTF16_LE: out[0] = (unsigned char)c; out[1] = (unsigned char)(c >> 8); break;
    case TN_ENC_UTF16_BE: out[1] = (unsigned char)c; out[0] = (unsigned char)(c >> 8); break;
    case TN_ENC_UTF32_LE: out[0] = (unsigned char)c; out[1] = (unsigned char)(c >> 8); out[2] = out[3] = 0; break;
    default: out[3] = (unsigned char)c; out[2] = (unsigned char)(c >> 8); out[0] = out[1] = 0; break;
    }
}

/* The surrogate encoded at p (n bytes left), or 0 when there is none. */
static uint32_t read_surrogate(const unsigned char *p, tn_ssize_t n, int enc, int bytelength)
{
    uint32_t c = 0;
    if (n < bytelength)
        return 0;
    switch (enc) {
    case TN_ENC_UTF8:
        if ((p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
            c = ((uint32_t)(p[0] & 0x0f) << 12) + ((uint32_t)(p[1] & 0x3f) << 6) + (p[2] & 0x3f);
        break;
    case TN_ENC_UTF16_LE: c = (uint32_t)p[1] << 8 | p[0]; break;
    case TN_ENC_UTF16_BE: c = (uint32_t)p[0] << 8 | p[1]; break;
    case TN_ENC_UTF32_LE: c = (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]; break;
    default: c = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; break;
    }
    return c >= 0xd800 && c <= 0xdfff ? c : 0;
}

static TnObject *h_surrogatepass(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    int kind;
    TnObject *obj;
    tn_ssize_t start = 0, end = 0;
    if (handler_arg("surrogatepass", args, nargs, kw, &kind, &obj, &start, &end) == NULL)
        return NULL;
    if (kind == KIND_TRANSLATE)
        return wrong_exception_type(args[0]);
    TnObject *encname = ((TnUnicodeErrorObject *)args[0])->encoding;
    const char *name = encname != NULL && tn_str_check(encname) ? tn_str_utf8(encname, NULL) : NULL;
    if (name == NULL)
        return tn_err_occurred() ? NULL : tn_err_format(&tn_exc_TypeError, "encoding attribute must be unicode");
    int bytelength = 0;
    int enc = standard_encoding(name, &bytelength);
    if (enc < 0)
        return raise_exc(args[0]);
    if (kind == KIND_DECODE) {
        const unsigned char *p = (const unsigned char *)tn_bytes_data(obj);
        uint32_t c = read_surrogate(p + start, tn_bytes_size(obj) - start, enc, bytelength);
        if (c == 0)
            return raise_exc(args[0]);
        return tn_codec_pair_steal(tn_str_from_char(c), start + bytelength);
    }
    TnByteBuf b = {0};
    for (tn_ssize_t i = start; i < end; i++) {
        uint32_t c = tn_str_read(obj, i);
        unsigned char u[4];
        if (c < 0xd800 || c > 0xdfff) {
            tn_bbuf_free(&b);
            return raise_exc(args[0]);
        }
        put_surrogate(u, c, enc);
        if (tn_bbuf_put(&b, (const char *)u, bytelength) < 0) {
            tn_bbuf_free(&b);
            return NULL;
        }
    }
    TnObject *r = tn_bytes_from_data(b.buf, b.len);
    tn_bbuf_free(&b);
    return tn_codec_pair_steal(r, end);
}

/* In the order of tn_codecs_init's names. */
const TnMethodDef tn_codec_error_handler_defs[] = {
    {"strict_errors", h_strict, TN_METH_STATIC, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", h_ignore, TN_METH_STATIC, "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", h_replace, TN_METH_STATIC, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"xmlcharrefreplace_errors", h_xmlcharrefreplace, TN_METH_STATIC, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"backslashreplace_errors", h_backslashreplace, TN_METH_STATIC, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"namereplace_errors", h_namereplace, TN_METH_STATIC, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape", h_surrogateescape, TN_METH_STATIC, NULL},
    {"surrogatepass", h_surrogatepass, TN_METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};
