/* core/modules/binascii.c — the binascii module of CPython 3.11
 * (Modules/binascii.c), which base64, quopri, uu and the hex codec use:
 * hexlify/unhexlify, base64, quoted-printable, uuencode, crc32, crc_hqx,
 * with CPython's messages (docs/stdlib.md).  hexlify is bytes.hex's
 * formatter (tn_bytes_hex_impl) returned as bytes.  Every function works
 * on a snapshot of its argument, so a bytearray resized by another thread
 * meanwhile is read whole, before or after. */
#include <stdio.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/compiler/ast.h"

static TnObject *binascii_error, *binascii_incomplete;

static TnObject *raise_error(const char *msg)
{
    return tn_err_format((TnType *)binascii_error, "%s", msg);
}

/* Binary data ("y*"): a filled view, or -1 with CPython's TypeError. */
static int bin_arg(TnObject *o, TnBytesView *v)
{
    int got = tn_bytes_view_copy(o, v);
    if (got == 0)
        tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type(o)->name);
    return got > 0 ? 0 : -1;
}

/* The a2b_* argument: bytes-like or an ASCII-only str. */
static int ascii_arg(TnObject *o, TnBytesView *v)
{
    if (tn_str_check(o)) {
        if (tn_str_max_char(o) > 127) {
            tn_err_set_str(&tn_exc_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
        tn_ssize_t n;
        v->d = tn_str_utf8(o, &n);
        v->n = n;
        v->keep = NULL;
        return v->d != NULL ? 0 : -1;
    }
    int got = tn_bytes_view_copy(o, v);
    if (got == 0)
        tn_err_format(&tn_exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                      tn_type(o)->name);
    return got > 0 ? 0 : -1;
}

static int flag_arg(TnObject *o, int dflt)
{
    return o == NULL ? dflt : tn_object_is_true(o);
}

/* f(data, /, *, flag=dflt): the view of data (ASCII text allowed when
 * ascii) and the flag's truth.  0 (release the view) / -1. */
static int data_and_flag(const char *fname, const char *flag, int dflt, bool ascii, TnObject *const *args,
                         tn_ssize_t nargs, TnObject *kw, TnBytesView *v, int *out)
{
    const char *names[] = {"data", flag, NULL};
    TnObject *a[2] = {NULL, NULL};
    if (nargs != 1) {
        tn_err_format(&tn_exc_TypeError, "%s() takes exactly 1 positional argument (%zd given)", fname, nargs);
        return -1;
    }
    if (tn_args_parse(fname, args, nargs, kw, names, 1, 1, a) < 0 || (*out = flag_arg(a[1], dflt)) < 0)
        return -1;
    return ascii ? ascii_arg(a[0], v) : bin_arg(a[0], v);
}

static TnObject *finish(TnByteBuf *b, int ok)
{
    TnObject *r = ok == 0 ? tn_bytes_from_data(b->buf, b->len) : NULL;
    tn_bbuf_free(b);
    return r;
}

/* ---- hex ----------------------------------------------------------------- */

static TnObject *hexlify(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"data", "sep", "bytes_per_sep", NULL};
    TnObject *a[3] = {NULL, NULL, NULL};
    TnBytesView v;
    if (tn_args_parse(fname, args, nargs, kw, names, 0, 1, a) < 0 || bin_arg(a[0], &v) < 0)
        return NULL;
    /* bytes_per_sep means nothing without sep (as in CPython). */
    TnObject *rest[2] = {a[1], a[2]};
    tn_ssize_t n = a[1] == NULL ? 0 : a[2] == NULL ? 1 : 2;
    TnObject *s = tn_bytes_hex_impl(v.d, v.n, rest, n, NULL);
    tn_bytes_view_release(&v);
    if (s == NULL)
        return NULL;
    tn_ssize_t len;
    const char *u = tn_str_utf8(s, &len);
    TnObject *r = u != NULL ? tn_bytes_from_data(u, len) : NULL;
    tn_decref(s);
    return r;
}

static TnObject *ba_hexlify(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return hexlify("hexlify", args, nargs, kw);
}

static TnObject *ba_b2a_hex(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return hexlify("b2a_hex", args, nargs, kw);
}

static int hex_digit(unsigned char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static TnObject *unhexlify(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    TnBytesView v;
    char qual[32];
    snprintf(qual, sizeof qual, "binascii.%s", fname);
    if (tn_args_no_kw(qual, kw) < 0 || tn_args_count(fname, nargs, 1, 1) < 0 || ascii_arg(args[0], &v) < 0)
        return NULL;
    TnByteBuf b = {0};
    int ok = 0;
    if (v.n % 2 != 0) {
        raise_error("Odd-length string");
        ok = -1;
    }
    for (tn_ssize_t i = 0; i + 1 < v.n && ok == 0; i += 2) {
        int hi = hex_digit((unsigned char)v.d[i]), lo = hex_digit((unsigned char)v.d[i + 1]);
        if (hi < 0 || lo < 0) {
            raise_error("Non-hexadecimal digit found");
            ok = -1;
        } else {
            ok = tn_bbuf_putc(&b, hi * 16 + lo);
        }
    }
    tn_bytes_view_release(&v);
    return finish(&b, ok);
}

static TnObject *ba_unhexlify(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return unhexlify("unhexlify", args, nargs, kw);
}

static TnObject *ba_a2b_hex(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return unhexlify("a2b_hex", args, nargs, kw);
}

/* ---- base64 -------------------------------------------------------------- */

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(unsigned char c)
{
    const char *p = c != 0 ? strchr(b64_alphabet, c) : NULL;
    return p != NULL ? (int)(p - b64_alphabet) : -1;
}

/* CPython's binascii_a2b_base64_impl.  0 / -1 (message in *err, or
 * MemoryError with *err NULL). */
static int a2b_base64(const unsigned char *s, tn_ssize_t n, bool strict, TnByteBuf *b, const char **err,
                      tn_ssize_t *quad_chars)
{
    if (strict && n > 0 && s[0] == '=') {
        *err = "Leading padding not allowed";
        return -1;
    }
    int quad_pos = 0, pads = 0;
    unsigned leftchar = 0;
    bool padding_started = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (s[i] == '=') {
            padding_started = true;
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < n) {
                    *err = "Excess data after padding";
                    return -1;
                }
                return 0;
            }
            continue;
        }
        int v = b64_value(s[i]);
        if (v < 0) {
            if (strict) {
                *err = "Only base64 data is allowed";
                return -1;
            }
            continue;
        }
        if (strict && padding_started) {
            *err = "Discontinuous padding not allowed";
            return -1;
        }
        pads = 0;
        int r = 0;
        switch (quad_pos) {
        case 0: leftchar = (unsigned)v; break;
        case 1: r = tn_bbuf_putc(b, (int)(((leftchar << 2) | ((unsigned)v >> 4)) & 0xff)); leftchar = (unsigned)v & 0x0f; break;
        case 2: r = tn_bbuf_putc(b, (int)(((leftchar << 4) | ((unsigned)v >> 2)) & 0xff)); leftchar = (unsigned)v & 0x03; break;
        default: r = tn_bbuf_putc(b, (int)(((leftchar << 6) | (unsigned)v) & 0xff)); leftchar = 0; break;
        }
        if (r < 0) {
            *err = NULL;
            return -1;
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    if (quad_pos == 0)
        return 0;
    *quad_chars = b->len / 3 * 4 + 1;
    *err = quad_pos == 1 ? "" : "Incorrect padding";
    return -1;
}

static TnObject *ba_a2b_base64(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    TnBytesView v;
    int strict;
    if (data_and_flag("a2b_base64", "strict_mode", 0, true, args, nargs, kw, &v, &strict) < 0)
        return NULL;
    TnByteBuf b = {0};
    const char *err = NULL;
    tn_ssize_t chars = 0;
    int ok = a2b_base64((const unsigned char *)v.d, v.n, strict != 0, &b, &err, &chars);
    tn_bytes_view_release(&v);
    if (ok < 0 && err != NULL && err[0] == 0)
        tn_err_format((TnType *)binascii_error,
                      "Invalid base64-encoded string: number of data characters (%zd) cannot be 1 more than a "
                      "multiple of 4", chars);
    else if (ok < 0 && err != NULL)
        raise_error(err);
    return finish(&b, ok);
}

static TnObject *ba_b2a_base64(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    TnBytesView v;
    int newline;
    if (data_and_flag("b2a_base64", "newline", 1, false, args, nargs, kw, &v, &newline) < 0)
        return NULL;
    TnByteBuf b = {0};
    const unsigned char *s = (const unsigned char *)v.d;
    int ok = tn_bbuf_reserve(&b, (v.n + 2) / 3 * 4 + 1);
    for (tn_ssize_t i = 0; i < v.n && ok == 0; i += 3) {
        unsigned x = (unsigned)s[i] << 16 | (i + 1 < v.n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < v.n ? s[i + 2] : 0);
        char q[4] = {b64_alphabet[x >> 18], b64_alphabet[(x >> 12) & 63], b64_alphabet[(x >> 6) & 63],
                     b64_alphabet[x & 63]};
        if (i + 1 >= v.n)
            q[2] = '=';
        if (i + 2 >= v.n)
            q[3] = '=';
        ok = tn_bbuf_put(&b, q, 4);
    }
    if (ok == 0 && newline)
        ok = tn_bbuf_putc(&b, '\n');
    tn_bytes_view_release(&v);
    return finish(&b, ok);
}

/* ---- uuencode ------------------------------------------------------------ */

static TnObject *ba_a2b_uu(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    TnBytesView v;
    if (tn_args_no_kw("binascii.a2b_uu", kw) < 0 || tn_args_count("a2b_uu", nargs, 1, 1) < 0 || ascii_arg(args[0], &v) < 0)
        return NULL;
    const unsigned char *s = (const unsigned char *)v.d;
    tn_ssize_t left = v.n;
    /* The first character is the line's byte count (an empty line reads
     * as a NUL: 32 zero bytes, as in CPython). */
    int bin_len = ((left > 0 ? *s : 0) - ' ') & 077;
    if (left > 0) {
        s++;
        left--;
    }
    TnByteBuf b = {0};
    unsigned leftchar = 0;
    int leftbits = 0, ok = 0;
    for (; bin_len > 0 && ok == 0; left--, s++) {
        unsigned c = left > 0 ? *s : 0;
        if (c == '\n' || c == '\r' || left <= 0) {
            c = 0;
        } else if (c < ' ' || c > ' ' + 64) {
            raise_error("Illegal char");
            ok = -1;
            break;
        } else {
            c = (c - ' ') & 077;
        }
        leftchar = (leftchar << 6) | c;
        leftbits += 6;
        if (leftbits >= 8) {
            leftbits -= 8;
            ok = tn_bbuf_putc(&b, (int)((leftchar >> leftbits) & 0xff));
            leftchar &= (1u << leftbits) - 1;
            bin_len--;
        }
    }
    for (; left > 0 && ok == 0; left--, s++) {
        if (*s != ' ' && *s != ' ' + 64 && *s != '\n' && *s != '\r') {
            raise_error("Trailing garbage");
            ok = -1;
        }
    }
    tn_bytes_view_release(&v);
    return finish(&b, ok);
}

static TnObject *ba_b2a_uu(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    TnBytesView v;
    int backtick;
    if (data_and_flag("b2a_uu", "backtick", 0, false, args, nargs, kw, &v, &backtick) < 0)
        return NULL;
    if (v.n > 45) {
        tn_bytes_view_release(&v);
        return raise_error("At most 45 bytes at once");
    }
    TnByteBuf b = {0};
    const unsigned char *s = (const unsigned char *)v.d;
    int ok = tn_bbuf_putc(&b, backtick && v.n == 0 ? '`' : ' ' + (int)v.n);
    unsigned leftchar = 0;
    int leftbits = 0;
    for (tn_ssize_t left = v.n; (left > 0 || leftbits != 0) && ok == 0; left--, s++) {
        leftchar = (leftchar << 8) | (left > 0 ? *s : 0);
        leftbits += 8;
        while (leftbits >= 6 && ok == 0) {
            unsigned c = (leftchar >> (leftbits - 6)) & 0x3f;
            leftbits -= 6;
            ok = tn_bbuf_putc(&b, backtick && c == 0 ? '`' : (int)c + ' ');
        }
    }
    if (ok == 0)
        ok = tn_bbuf_putc(&b, '\n');
    tn_bytes_view_release(&v);
    return finish(&b, ok);
}

/* ---- quoted-printable ---------------------------------------------------- */

static TnObject *ba_a2b_qp(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"data", "header", NULL};
    TnObject *a[2] = {NULL, NULL};
    TnBytesView v;
    if (tn_args_parse("a2b_qp", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    int header = flag_arg(a[1], 0);
    if (header < 0 || ascii_arg(a[0], &v) < 0)
        return NULL;
    const unsigned char *s = (const unsigned char *)v.d;
    tn_ssize_t n = v.n, in = 0;
    TnByteBuf b = {0};
    int ok = 0;
    while (in < n && ok == 0) {
        if (s[in] == '=') {
            if (++in >= n)
                break;
            if (s[in] == '\n' || s[in] == '\r') {   /* soft line break */
                while (in < n && s[in] != '\n')
                    in++;
                if (in < n)
                    in++;
            } else if (s[in] == '=') {
                ok = tn_bbuf_putc(&b, '=');
                in++;
            } else if (in + 1 < n && hex_digit(s[in]) >= 0 && hex_digit(s[in + 1]) >= 0) {
                ok = tn_bbuf_putc(&b, hex_digit(s[in]) * 16 + hex_digit(s[in + 1]));
                in += 2;
            } else {
                ok = tn_bbuf_putc(&b, '=');
            }
        } else if (header && s[in] == '_') {
            ok = tn_bbuf_putc(&b, ' ');
            in++;
        } else {
            ok = tn_bbuf_putc(&b, s[in++]);
        }
    }
    tn_bytes_view_release(&v);
    return finish(&b, ok);
}

#define QP_MAXLINESIZE 76

static int put_qp_hex(TnByteBuf *b, unsigned char c)
{
    char t[3] = {'=', "0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 15]};
    return tn_bbuf_put(b, t, 3);
}

static int put_soft_break(TnByteBuf *b, bool crlf)
{
    return tn_bbuf_put(b, crlf ? "=\r\n" : "=\n", crlf ? 3 : 2);
}

/* CPython's binascii_b2a_qp_impl (one pass with a growing buffer). */
static int b2a_qp(const unsigned char *s, tn_ssize_t n, bool quotetabs, bool istext, bool header, TnByteBuf *b)
{
    const unsigned char *nl = memchr(s, '\n', (size_t)n);
    bool crlf = nl != NULL && nl > s && nl[-1] == '\r';
    tn_ssize_t linelen = 0, in = 0;
    int ok = 0;
    while (in < n && ok == 0) {
        unsigned char c = s[in];
        bool last = in + 1 == n;
        unsigned char next = last ? 0 : s[in + 1];
        if (c > 126 || c == '=' || (header && c == '_') ||
            (c == '.' && linelen == 0 && (last || next == '\n' || next == '\r' || next == 0)) ||
            (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && last) ||
            (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')))) {
            if (linelen + 3 >= QP_MAXLINESIZE) {
                ok = put_soft_break(b, crlf);
                linelen = 0;
            }
            if (ok == 0)
                ok = put_qp_hex(b, c);
            in++;
            linelen += 3;
        } else if (istext && (c == '\n' || (!last && c == '\r' && next == '\n'))) {
            linelen = 0;
            /* Whitespace at the end of a line is encoded. */
            if (b->len > 0 && (b->buf[b->len - 1] == ' ' || b->buf[b->len - 1] == '\t')) {
                unsigned char w = (unsigned char)b->buf[--b->len];
                ok = put_qp_hex(b, w);
            }
            if (ok == 0 && crlf)
                ok = tn_bbuf_putc(b, '\r');
            if (ok == 0)
                ok = tn_bbuf_putc(b, '\n');
            in += c == '\r' ? 2 : 1;
        } else {
            if (!last && next != '\n' && linelen + 1 >= QP_MAXLINESIZE) {
                ok = put_soft_break(b, crlf);
                linelen = 0;
            }
            linelen++;
            if (ok == 0)
                ok = tn_bbuf_putc(b, header && c == ' ' ? '_' : c);
            in++;
        }
    }
    return ok;
}

static TnObject *ba_b2a_qp(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"data", "quotetabs", "istext", "header", NULL};
    TnObject *a[4] = {NULL, NULL, NULL, NULL};
    TnBytesView v;
    if (tn_args_parse("b2a_qp", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    int quotetabs = flag_arg(a[1], 0), istext = flag_arg(a[2], 1), header = flag_arg(a[3], 0);
    if (quotetabs < 0 || istext < 0 || header < 0 || bin_arg(a[0], &v) < 0)
        return NULL;
    TnByteBuf b = {0};
    int ok = b2a_qp((const unsigned char *)v.d, v.n, quotetabs != 0, istext != 0, header != 0, &b);
    tn_bytes_view_release(&v);
    return finish(&b, ok);
}

/* ---- checksums ----------------------------------------------------------- */

/* The crc argument: any int, taken modulo 2**32 (clinic's bitwise
 * unsigned int). */
static int crc_arg(TnObject *o, uint32_t *out)
{
    if (!tn_int_check(o)) {
        TnObject *i = tn_number_index(o);
        if (i == NULL)
            return -1;
        tn_decref(i);
        tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer", tn_type(o)->name);
        return -1;
    }
    TnObject *mask = tn_int_from_ssize(0xffffffff);
    TnObject *v = mask != NULL ? tn_number_binop(o, mask, TN_OP_BITAND) : NULL;
    tn_xdecref(mask);
    if (v == NULL)
        return -1;
    *out = (uint32_t)tn_number_as_ssize(v, NULL);
    tn_decref(v);
    return 0;
}

static TnObject *ba_crc32(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    uint32_t crc = 0;
    TnBytesView v;
    if (tn_args_no_kw("binascii.crc32", kw) < 0 || tn_args_count("crc32", nargs, 1, 2) < 0 || bin_arg(args[0], &v) < 0)
        return NULL;
    if (nargs > 1 && crc_arg(args[1], &crc) < 0) {
        tn_bytes_view_release(&v);
        return NULL;
    }
    crc = ~crc;
    for (tn_ssize_t i = 0; i < v.n; i++) {
        crc ^= (unsigned char)v.d[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    tn_bytes_view_release(&v);
    return tn_int_from_ssize((tn_ssize_t)(uint32_t)~crc);
}

static TnObject *ba_crc_hqx(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    uint32_t crc;
    TnBytesView v;
    if (tn_args_no_kw("binascii.crc_hqx", kw) < 0 || tn_args_count("crc_hqx", nargs, 2, 2) < 0 || bin_arg(args[0], &v) < 0)
        return NULL;
    if (crc_arg(args[1], &crc) < 0) {
        tn_bytes_view_release(&v);
        return NULL;
    }
    crc &= 0xffff;
    for (tn_ssize_t i = 0; i < v.n; i++) {
        crc ^= (uint32_t)(unsigned char)v.d[i] << 8;
        for (int k = 0; k < 8; k++)
            crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    tn_bytes_view_release(&v);
    return tn_int_from_ssize((tn_ssize_t)crc);
}

static const TnMethodDef binascii_functions[] = {
    {"hexlify", ba_hexlify, 0, "Hexadecimal representation of binary data."},
    {"b2a_hex", ba_b2a_hex, 0, "Hexadecimal representation of binary data."},
    {"unhexlify", ba_unhexlify, 0, "Binary data of hexadecimal representation."},
    {"a2b_hex", ba_a2b_hex, 0, "Binary data of hexadecimal representation."},
    {"a2b_base64", ba_a2b_base64, 0, "Decode a line of base64 data."},
    {"b2a_base64", ba_b2a_base64, 0, "Base64-code line of data."},
    {"a2b_uu", ba_a2b_uu, 0, "Decode a line of uuencoded data."},
    {"b2a_uu", ba_b2a_uu, 0, "Uuencode line of data."},
    {"a2b_qp", ba_a2b_qp, 0, "Decode a string of qp-encoded data."},
    {"b2a_qp", ba_b2a_qp, 0, "Encode a string using quoted-printable encoding."},
    {"crc32", ba_crc32, 0, "Compute CRC-32 incrementally."},
    {"crc_hqx", ba_crc_hqx, 0, "Compute CRC-CCITT incrementally."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_binascii_module_create(void)
{
    if (binascii_error == NULL && (binascii_error = tn_exception_class_new("binascii", "Error", &tn_exc_ValueError)) == NULL)
        return NULL;
    if (binascii_incomplete == NULL && (binascii_incomplete = tn_exception_class_new("binascii", "Incomplete", &tn_exc_Exception)) == NULL)
        return NULL;
    TnObject *m = tn_module_new("binascii");
    if (m == NULL || tn_module_add_functions(m, binascii_functions) < 0 ||
        tn_module_add_object(m, "Error", binascii_error) < 0 ||
        tn_module_add_object(m, "Incomplete", binascii_incomplete) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}
