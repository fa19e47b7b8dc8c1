/* core/objects/str_writer.c — TnStrWriter, the incremental str builder.
 *
 * The writer accumulates UTF-8 bytes (lone surrogates are stored as their
 * 3-byte form so that any str can pass through it), together with the
 * number of code points and the largest one, so that finishing allocates
 * the result with the right kind at once.  The first 128 bytes live in the
 * writer itself (no allocation for short results).
 */
#include "core/tn.h"

void tn_strw_init(TnStrWriter *w)
{
    w->buf = w->small;
    w->len = 0;
    w->cap = (tn_ssize_t)sizeof w->small;
    w->ncodepoints = 0;
    w->maxchar = 0;
}

/* Make room for `extra` more bytes.  0 or -1 (MemoryError). */
static int reserve(TnStrWriter *w, tn_ssize_t extra)
{
    if (w->len + extra <= w->cap)
        return 0;
    if (extra > (tn_ssize_t)TN_MEM_MAX_REQUEST - w->len) {
        tn_err_no_memory();
        return -1;
    }
    tn_ssize_t need = w->len + extra;
    tn_ssize_t cap = w->cap * 2;
    if (cap < need)
        cap = need;
    char *nb;
    if (w->buf == w->small) {
        nb = tn_mem_alloc((size_t)cap);
        if (nb != NULL)
            memcpy(nb, w->small, (size_t)w->len);
    } else {
        nb = tn_mem_realloc(w->buf, (size_t)cap);
    }
    if (nb == NULL) {
        tn_err_no_memory();
        return -1;
    }
    w->buf = nb;
    w->cap = cap;
    return 0;
}

int tn_strw_putc(TnStrWriter *w, uint32_t cp)
{
    if (reserve(w, 4) < 0)
        return -1;
    char *o = w->buf + w->len;
    if (cp < 0x80) {
        o[0] = (char)cp;
        w->len += 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xc0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3f));
        w->len += 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xe0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        w->len += 3;
    } else {
        o[0] = (char)(0xf0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[3] = (char)(0x80 | (cp & 0x3f));
        w->len += 4;
    }
    w->ncodepoints++;
    if (cp > w->maxchar)
        w->maxchar = cp;
    return 0;
}

/* Decode one (trusted) sequence at p; returns its length. */
static int decode_trusted(const unsigned char *p, uint32_t *cp)
{
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xe0) {
        *cp = ((c & 0x1f) << 6) | (p[1] & 0x3f);
        return 2;
    }
    if (c < 0xf0) {
        *cp = ((c & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
        return 3;
    }
    *cp = ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) | ((uint32_t)(p[2] & 0x3f) << 6)
          | (p[3] & 0x3f);
    return 4;
}

int tn_strw_putn(TnStrWriter *w, const char *utf8, tn_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (reserve(w, n) < 0)
        return -1;
    memcpy(w->buf + w->len, utf8, (size_t)n);
    w->len += n;
    const unsigned char *p = (const unsigned char *)utf8, *end = p + n;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            if (w->maxchar < p[-1])
                w->maxchar = p[-1];
        } else {
            uint32_t cp;
            /* A truncated sequence at the end is a caller bug; never read
             * past the end. */
            if (end - p < ((*p < 0xe0) ? 2 : (*p < 0xf0) ? 3 : 4))
                break;
            p += decode_trusted(p, &cp);
            if (cp > w->maxchar)
                w->maxchar = cp;
        }
        w->ncodepoints++;
    }
    return 0;
}

int tn_strw_puts(TnStrWriter *w, const char *utf8)
{
    return tn_strw_putn(w, utf8, (tn_ssize_t)strlen(utf8));
}

int tn_strw_put_str(TnStrWriter *w, TnObject *s)
{
    const TnStr *st = (const TnStr *)s;
    tn_ssize_t n = st->length;
    if (st->ascii) {
        if (reserve(w, n) < 0)
            return -1;
        memcpy(w->buf + w->len, tn_str_data(s), (size_t)n);
        w->len += n;
        w->ncodepoints += n;
        for (tn_ssize_t i = 0; i < n && w->maxchar < 127; i++)
            if (((const uint8_t *)tn_str_data(s))[i] > w->maxchar)
                w->maxchar = ((const uint8_t *)tn_str_data(s))[i];
        return 0;
    }
    if (n > (tn_ssize_t)TN_MEM_MAX_REQUEST / 4 || reserve(w, n * 4) < 0) {
        if (!tn_err_occurred())
            tn_err_no_memory();
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        if (tn_strw_putc(w, tn_str_read(s, i)) < 0)
            return -1;
    return 0;
}

int tn_strw_put_repr(TnStrWriter *w, TnObject *obj)
{
    TnObject *r = tn_object_repr(obj);
    if (r == NULL)
        return -1;
    int rc = tn_strw_put_str(w, r);
    tn_decref(r);
    return rc;
}

TnObject *tn_strw_finish(TnStrWriter *w)
{
    TnObject *s;
    if (w->ncodepoints == 1 && w->maxchar < 256) {
        s = tn_str_from_char(w->maxchar);
    } else {
        s = tn_str_new(w->ncodepoints, w->maxchar);
        if (s != NULL && w->ncodepoints > 0) {
            if (w->maxchar < 128) {
                memcpy(tn_str_data(s), w->buf, (size_t)w->len);
            } else {
                const unsigned char *p = (const unsigned char *)w->buf;
                for (tn_ssize_t i = 0; i < w->ncodepoints; i++) {
                    uint32_t cp;
                    p += decode_trusted(p, &cp);
                    tn_str_write(s, i, cp);
                }
            }
        }
    }
    tn_strw_discard(w);
    return s;
}

void tn_strw_discard(TnStrWriter *w)
{
    if (w->buf != w->small)
        tn_mem_free(w->buf);
    tn_strw_init(w);
}

int tn_strw_put_repeat(TnStrWriter *w, uint32_t cp, tn_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (cp < 0x80) {
        if (n > (tn_ssize_t)TN_MEM_MAX_REQUEST || reserve(w, n) < 0) {
            if (!tn_err_occurred())
                tn_err_no_memory();
            return -1;
        }
        memset(w->buf + w->len, (int)cp, (size_t)n);
        w->len += n;
        w->ncodepoints += n;
        if (cp > w->maxchar)
            w->maxchar = cp;
        return 0;
    }
    if (n > (tn_ssize_t)TN_MEM_MAX_REQUEST / 4 || reserve(w, n * 4) < 0) {
        if (!tn_err_occurred())
            tn_err_no_memory();
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        if (tn_strw_putc(w, cp) < 0)
            return -1;
    return 0;
}

int tn_strw_put_substr(TnStrWriter *w, TnObject *s, tn_ssize_t start, tn_ssize_t end)
{
    if (start < 0)
        start = 0;
    if (end > tn_str_length(s))
        end = tn_str_length(s);
    if (start >= end)
        return 0;
    if (((const TnStr *)s)->ascii) {
        tn_ssize_t n = end - start;
        if (reserve(w, n) < 0)
            return -1;
        const uint8_t *d = (const uint8_t *)tn_str_data(s) + start;
        memcpy(w->buf + w->len, d, (size_t)n);
        w->len += n;
        w->ncodepoints += n;
        for (tn_ssize_t i = 0; i < n && w->maxchar < 127; i++)
            if (d[i] > w->maxchar)
                w->maxchar = d[i];
        return 0;
    }
    for (tn_ssize_t i = start; i < end; i++)
        if (tn_strw_putc(w, tn_str_read(s, i)) < 0)
            return -1;
    return 0;
}
