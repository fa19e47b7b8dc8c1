/* core/objects/codecs_utf16.c — utf-16 and utf-32 (with and without BOM,
 * little and big endian), as CPython 3.11: "utf-16"/"utf-32" write a
 * little-endian BOM when encoding and honour (and strip) a BOM when
 * decoding, defaulting to little endian; the -le/-be forms never do. */
#include "core/objects/codecs_internal.h"

static int put_unit(TnEncoder *e, uint32_t v, int size)
{
    char b[4];
    for (int i = 0; i < size; i++) {
        int shift = e->big_endian ? 8 * (size - 1 - i) : 8 * i;
        b[i] = (char)((v >> shift) & 0xff);
    }
    return tn_bbuf_put(&e->out, b, size);
}

static int put_utf16(TnEncoder *e, uint32_t c)
{
    if (c < 0x10000)
        return put_unit(e, c, 2);
    c -= 0x10000;
    if (put_unit(e, 0xd800 | (c >> 10), 2) < 0)
        return -1;
    return put_unit(e, 0xdc00 | (c & 0x3ff), 2);
}

static int put_utf32(TnEncoder *e, uint32_t c)
{
    return put_unit(e, c, 4);
}

/* Surrogates cannot be encoded; CPython hands them to the error handler
 * one at a time. */
static int encode_units(TnEncoder *e, bool bom)
{
    if (bom && e->put(e, 0xfeff) < 0)
        return -1;
    tn_ssize_t n = tn_str_length(e->str);
    for (tn_ssize_t i = 0; i < n;) {
        uint32_t c = tn_str_read(e->str, i);
        if (c >= 0xd800 && c <= 0xdfff)
            i = tn_encoder_error(e, i, i + 1, "surrogates not allowed");
        else
            i = e->put(e, c) < 0 ? -1 : i + 1;
        if (i < 0)
            return -1;
    }
    return 0;
}

int tn_codec_utf16_encode(TnEncoder *e, bool bom)
{
    e->unit = 2;
    e->put = put_utf16;
    return encode_units(e, bom);
}

int tn_codec_utf32_encode(TnEncoder *e, bool bom)
{
    e->unit = 4;
    e->put = put_utf32;
    return encode_units(e, bom);
}

static uint32_t read_unit(const TnDecoder *d, tn_ssize_t i)
{
    const unsigned char *p = d->s + i;
    uint32_t v = 0;
    for (int k = 0; k < d->unit; k++)
        v |= (uint32_t)p[d->big_endian ? k : d->unit - 1 - k] << (8 * (d->unit - 1 - k));
    return v;
}

/* Consume a BOM for the plain utf-16/utf-32 codecs and fix the byte order
 * (little endian without one).  Returns the first data position. */
static tn_ssize_t detect_bom(TnDecoder *d, bool plain, int be_enc)
{
    if (!plain) {
        d->big_endian = d->enc == be_enc;
    } else {
        d->big_endian = false;
        if (d->n >= d->unit) {
            uint32_t le = read_unit(d, 0);
            d->big_endian = true;
            uint32_t be = read_unit(d, 0);
            d->big_endian = false;
            if (le == 0xfeff) {
                d->byteorder = -1;
                d->name = d->unit == 2 ? "utf-16-le" : "utf-32-le";
                return d->unit;
            }
            if (be == 0xfeff) {
                d->byteorder = 1;
                d->big_endian = true;
                d->name = d->unit == 2 ? "utf-16-be" : "utf-32-be";
                return d->unit;
            }
        }
    }
    d->name = d->unit == 2 ? (d->big_endian ? "utf-16-be" : "utf-16-le")
                           : (d->big_endian ? "utf-32-be" : "utf-32-le");
    return 0;
}

int tn_codec_utf16_decode(TnDecoder *d)
{
    d->unit = 2;
    tn_ssize_t i = detect_bom(d, d->enc == TN_ENC_UTF16, TN_ENC_UTF16_BE);
    while (i < d->n) {
        tn_ssize_t start = i, end;
        const char *reason;
        if (d->n - i < 2) {
            end = d->n;
            reason = "truncated data";
        } else {
            uint32_t u = read_unit(d, i);
            if (u < 0xd800 || u > 0xdfff) {
                if (tn_cpbuf_put(&d->out, u) < 0)
                    return -1;
                i += 2;
                continue;
            }
            if (u >= 0xdc00) {
                end = i + 2;
                reason = "illegal encoding";
            } else if (d->n - i < 4) {
                end = d->n;
                reason = "unexpected end of data";
            } else {
                uint32_t u2 = read_unit(d, i + 2);
                if (u2 >= 0xdc00 && u2 <= 0xdfff) {
                    if (tn_cpbuf_put(&d->out, 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00)) < 0)
                        return -1;
                    i += 4;
                    continue;
                }
                end = i + 2;
                reason = "illegal UTF-16 surrogate";
            }
        }
        if (end == d->n && !d->final && reason[0] != 'i')
            break;   /* truncated data / unexpected end of data: wait for more */
        i = tn_decoder_error(d, start, end, reason);
        if (i < 0)
            return -1;
    }
    d->consumed = i;
    return 0;
}

int tn_codec_utf32_decode(TnDecoder *d)
{
    d->unit = 4;
    tn_ssize_t i = detect_bom(d, d->enc == TN_ENC_UTF32, TN_ENC_UTF32_BE);
    while (i < d->n) {
        const char *reason = NULL;
        tn_ssize_t end = i + 4;
        if (d->n - i < 4) {
            end = d->n;
            reason = "truncated data";
        } else {
            uint32_t u = read_unit(d, i);
            if (u > 0x10ffff)
                reason = "code point not in range(0x110000)";
            else if (u >= 0xd800 && u <= 0xdfff)
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
            else if (tn_cpbuf_put(&d->out, u) < 0)
                return -1;
        }
        if (reason == NULL) {
            i += 4;
            continue;
        }
        if (end == d->n && !d->final && reason[0] == 't')
            break;   /* truncated data: wait for more */
        i = tn_decoder_error(d, i, end, reason);
        if (i < 0)
            return -1;
    }
    d->consumed = i;
    return 0;
}
