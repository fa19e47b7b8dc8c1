/* core/objects/codecs_utf7.c — UTF-7 (RFC 2152) as CPython 3.11's
 * PyUnicode_EncodeUTF7 / PyUnicode_DecodeUTF7Stateful (docs/codecs.md):
 * the characters of sets D and O and the white space are written as
 * themselves, everything else in base64 of its UTF-16 form between '+'
 * and (when needed) '-'.  Encoding never fails; decoding errors are
 * reported under the codec name 'utf7', as CPython does. */
#include "core/objects/codecs_internal.h"

/* 0: set D, 1: set O, 2: white space, 3: must be base64 encoded. */
static int utf7_category(uint32_t c)
{
    if (c >= 128)
        return 3;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("'(),-./:?", (int)c))
        return c == 0 ? 3 : 0;
    if (c == '\t' || c == '\n' || c == '\r' || c == ' ')
        return 2;
    if (strchr("!\"#$%&*;<=>@[]^_`{|}", (int)c))
        return c == 0 ? 3 : 1;
    return 3;
}

static bool is_base64(uint32_t c)
{
    return c < 128 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                       c == '/');
}

static const char to_base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int from_base64(uint32_t c)
{
    return (int)(strchr(to_base64, (int)c) - to_base64);
}

/* Append the 16-bit unit u to the base64 state, writing full sextets. */
static int put_base64_unit(TnEncoder *e, uint32_t u, uint64_t *buf, int *bits)
{
    *bits += 16;
    *buf = (*buf << 16) | u;
    while (*bits >= 6) {
        if (tn_bbuf_putc(&e->out, to_base64[(*buf >> (*bits - 6)) & 0x3f]) < 0)
            return -1;
        *bits -= 6;
    }
    *buf &= ((uint64_t)1 << *bits) - 1;
    return 0;
}

int tn_codec_utf7_encode(TnEncoder *e)
{
    tn_ssize_t n = tn_str_length(e->str);
    bool in_shift = false;
    uint64_t buf = 0;
    int bits = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t c = tn_str_read(e->str, i);
        bool direct = utf7_category(c) != 3;
        int r = 0;
        if (in_shift && direct) {
            if (bits > 0)
                r = tn_bbuf_putc(&e->out, to_base64[(buf << (6 - bits)) & 0x3f]);
            buf = 0;
            bits = 0;
            in_shift = false;
            /* A base64 character (or '-') after the run needs the explicit end. */
            if (r == 0 && (is_base64(c) || c == '-'))
                r = tn_bbuf_putc(&e->out, '-');
            if (r == 0)
                r = tn_bbuf_putc(&e->out, (int)c);
        } else if (!in_shift && c == '+') {
            r = tn_bbuf_put(&e->out, "+-", 2);
        } else if (!in_shift && direct) {
            r = tn_bbuf_putc(&e->out, (int)c);
        } else {
            if (!in_shift)
                r = tn_bbuf_putc(&e->out, '+');
            in_shift = true;
            if (r == 0 && c >= 0x10000) {
                r = put_base64_unit(e, 0xd800 | ((c - 0x10000) >> 10), &buf, &bits);
                c = 0xdc00 | ((c - 0x10000) & 0x3ff);
            }
            if (r == 0)
                r = put_base64_unit(e, c, &buf, &bits);
        }
        if (r < 0)
            return -1;
    }
    if (bits > 0 && tn_bbuf_putc(&e->out, to_base64[(buf << (6 - bits)) & 0x3f]) < 0)
        return -1;
    if (in_shift && tn_bbuf_putc(&e->out, '-') < 0)
        return -1;
    return 0;
}

typedef struct Utf7State {
    bool in_shift;
    uint32_t buf;
    int bits;
    uint32_t surrogate;
    tn_ssize_t shift_start;      /* input position of the '+' */
    tn_ssize_t shift_out;        /* output length when the shift began */
} Utf7State;

/* One base64 character inside a shift sequence. */
static int decode_sextet(TnDecoder *d, Utf7State *st, uint32_t ch)
{
    st->buf = (st->buf << 6) | (uint32_t)from_base64(ch);
    st->bits += 6;
    if (st->bits < 16)
        return 0;
    uint32_t out = (st->buf >> (st->bits - 16)) & 0xffff;
    st->bits -= 16;
    st->buf &= ((uint32_t)1 << st->bits) - 1;
    if (st->surrogate != 0) {
        uint32_t hi = st->surrogate;
        st->surrogate = 0;
        if (out >= 0xdc00 && out <= 0xdfff)
            return tn_cpbuf_put(&d->out, 0x10000 + ((hi - 0xd800) << 10) + (out - 0xdc00));
        if (tn_cpbuf_put(&d->out, hi) < 0)
            return -1;
    }
    if (out >= 0xd800 && out <= 0xdbff) {
        st->surrogate = out;
        return 0;
    }
    return tn_cpbuf_put(&d->out, out);
}

/* The end of a shift sequence at ch (not consumed unless '-').  Sets
 * *reason for bits left over; returns the new position. */
static tn_ssize_t leave_shift(TnDecoder *d, Utf7State *st, tn_ssize_t i, const char **reason)
{
    uint32_t ch = d->s[i];
    st->in_shift = false;
    if (st->bits >= 6) {
        *reason = "partial character in shift sequence";
        return i + 1;
    }
    if (st->bits > 0 && st->buf != 0) {
        *reason = "non-zero padding bits in shift sequence";
        return i + 1;
    }
    if (st->surrogate != 0 && ch <= 127 && ch != '+' && tn_cpbuf_put(&d->out, st->surrogate) < 0)
        return -1;
    st->surrogate = 0;
    return ch == '-' ? i + 1 : i;
}

int tn_codec_utf7_decode(TnDecoder *d)
{
    Utf7State st = {0};
    tn_ssize_t i = 0;
    for (;;) {
        while (i < d->n) {
            uint32_t ch = d->s[i];
            const char *reason = NULL;
            tn_ssize_t start = i;
            if (st.in_shift && is_base64(ch)) {
                if (decode_sextet(d, &st, ch) < 0)
                    return -1;
                i++;
                continue;
            }
            if (st.in_shift) {
                start = st.shift_start;
                if ((i = leave_shift(d, &st, i, &reason)) < 0)
                    return -1;
            } else if (ch == '+') {
                st.shift_start = i++;
                if (i < d->n && d->s[i] == '-') {
                    i++;
                    if (tn_cpbuf_put(&d->out, '+') < 0)
                        return -1;
                } else if (i < d->n && !is_base64(d->s[i])) {
                    i++;
                    reason = "ill-formed sequence";
                } else {
                    st.in_shift = true;
                    st.surrogate = 0;
                    st.bits = 0;
                    st.buf = 0;
                    st.shift_out = d->out.n;
                }
            } else if (ch <= 127) {
                i++;
                if (tn_cpbuf_put(&d->out, ch) < 0)
                    return -1;
            } else {
                i++;
                reason = "unexpected special character";
            }
            if (reason != NULL && (i = tn_decoder_error(d, start, i, reason)) < 0)
                return -1;
        }
        if (!st.in_shift || !d->final)
            break;
        /* The input ended inside a shift sequence. */
        st.in_shift = false;
        if (st.surrogate == 0 && st.bits < 6 && (st.bits == 0 || st.buf == 0))
            break;
        if ((i = tn_decoder_error(d, st.shift_start, d->n, "unterminated shift sequence")) < 0)
            return -1;
        if (i >= d->n)
            break;
    }
    d->consumed = i;
    if (st.in_shift) {
        /* Not final: the shift sequence is read again with the next chunk. */
        d->consumed = st.shift_start;
        d->out.n = st.shift_out;
    }
    return 0;
}
