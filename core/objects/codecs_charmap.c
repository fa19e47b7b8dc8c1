/* core/objects/codecs_charmap.c — the charmap codec of CPython 3.11
 * (_codecs.charmap_encode / charmap_decode / charmap_build, which the
 * table-driven codecs of the encodings package call: cp437, mac_roman,
 * koi8_r ...), and EncodingMap, the compiled encoding table
 * charmap_build makes (docs/codecs.md).
 *
 * Decoding maps each byte through a str of 256 characters ('\ufffe' =
 * undefined) or any mapping (byte -> int, str or None); encoding maps each
 * character through an EncodingMap or any mapping (code point -> int,
 * bytes or None).  Undefined characters go to the error handler as
 * "character maps to <undefined>" under the codec name 'charmap'. */
#include "core/objects/codecs_internal.h"

/* An EncodingMap: the (code point, byte) pairs of a decoding table sorted
 * by code point, searched by bisection.  Immutable once built. */
typedef struct EncodingMap {
    TnObject ob;
    int n;
    uint32_t cp[256];
    uint8_t byte[256];
} EncodingMap;

static void encoding_map_dealloc(TnObject *self)
{
    tn_object_free(self);
}

static TnObject *encoding_map_size(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (tn_args_no_kw("size", kw) < 0 || tn_args_count("size", nargs, 0, 0) < 0)
        return NULL;
    return tn_int_from_ssize((tn_ssize_t)sizeof(EncodingMap));
}

static const TnMethodDef encoding_map_methods[] = {
    {"size", encoding_map_size, 0, "Return the size (in bytes) of this object"},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_encoding_map = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "EncodingMap",
    .basicsize = sizeof(EncodingMap),
    .dealloc = encoding_map_dealloc,
    .getattro = tn_object_generic_getattr,
    .methods = encoding_map_methods,
};

/* CPython builds its compact table only for 256 characters starting with
 * NUL, with no other NUL and none beyond the BMP; any other table becomes
 * a dict {code point: byte}. */
static bool encoding_map_fits(TnObject *table)
{
    if (tn_str_length(table) != 256 || tn_str_read(table, 0) != 0)
        return false;
    for (tn_ssize_t i = 1; i < 256; i++) {
        uint32_t c = tn_str_read(table, i);
        if (c == 0 || c > 0xffff)
            return false;
    }
    return true;
}

static TnObject *charmap_dict(TnObject *table)
{
    TnObject *d = tn_dict_new();
    for (tn_ssize_t i = 0; d != NULL && i < tn_str_length(table); i++) {
        TnObject *k = tn_int_from_ssize((tn_ssize_t)tn_str_read(table, i));
        TnObject *v = k != NULL ? tn_int_from_ssize(i) : NULL;
        if (v == NULL || tn_dict_set_item(d, k, v) < 0)
            TN_CLEAR(d);
        tn_xdecref(k);
        tn_xdecref(v);
    }
    return d;
}

TnObject *tn_codec_charmap_build(TnObject *table)
{
    if (!encoding_map_fits(table))
        return charmap_dict(table);
    if (tn_type_ready(&tn_type_encoding_map) < 0)
        return NULL;
    EncodingMap *m = (EncodingMap *)tn_object_new(&tn_type_encoding_map, sizeof(EncodingMap));
    if (m == NULL)
        return NULL;
    /* Insertion sort by code point; a later byte for the same character
     * wins, as in CPython's table. */
    for (int i = 0; i < 256; i++) {
        uint32_t c = tn_str_read(table, i);
        if (c == 0xfffe)
            continue;
        int k = m->n;
        while (k > 0 && m->cp[k - 1] > c)
            k--;
        if (k > 0 && m->cp[k - 1] == c) {
            m->byte[k - 1] = (uint8_t)i;
            continue;
        }
        memmove(m->cp + k + 1, m->cp + k, (size_t)(m->n - k) * sizeof m->cp[0]);
        memmove(m->byte + k + 1, m->byte + k, (size_t)(m->n - k));
        m->cp[k] = c;
        m->byte[k] = (uint8_t)i;
        m->n++;
    }
    return TN_OBJ(m);
}

static int encoding_map_lookup(const EncodingMap *m, uint32_t c)
{
    int lo = 0, hi = m->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (m->cp[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->n && m->cp[lo] == c ? m->byte[lo] : -1;
}

/* mapping[key] with LookupError meaning "undefined": the value (new
 * reference), or NULL with *undefined set, or NULL with an exception. */
static TnObject *mapping_get(TnObject *mapping, uint32_t key, bool *undefined)
{
    *undefined = false;
    TnObject *k = tn_int_from_ssize((tn_ssize_t)key);
    TnObject *v = k != NULL ? tn_object_getitem(mapping, k) : NULL;
    tn_xdecref(k);
    if (v == NULL && tn_err_matches(&tn_exc_LookupError)) {
        tn_err_clear();
        *undefined = true;
    } else if (v == TN_NONE) {
        TN_CLEAR(v);
        *undefined = true;
    }
    return v;
}

/* ---- encoding ---------------------------------------------------------- */

/* The bytes for c into out (out NULL: only look).  0, 1 = undefined, -1. */
static int charmap_put_to(TnEncoder *e, uint32_t c, TnByteBuf *out)
{
    if (tn_type(e->mapping) == &tn_type_encoding_map) {
        int b = encoding_map_lookup((const EncodingMap *)e->mapping, c);
        if (b < 0)
            return 1;
        return out != NULL ? tn_bbuf_putc(out, b) : 0;
    }
    bool undefined;
    TnObject *v = mapping_get(e->mapping, c, &undefined);
    if (v == NULL)
        return undefined ? 1 : -1;
    int r = 0;
    if (tn_int_check(v)) {
        tn_ssize_t x = tn_number_as_ssize(v, NULL);
        if (x < 0 || x > 255) {
            if (!tn_err_occurred() || tn_err_matches(&tn_exc_OverflowError)) {
                tn_err_clear();
                tn_err_set_str(&tn_exc_TypeError, "character mapping must be in range(256)");
            }
            r = -1;
        } else if (out != NULL) {
            r = tn_bbuf_putc(out, (int)x);
        }
    } else if (tn_bytes_check(v)) {
        r = out != NULL ? tn_bbuf_put(out, tn_bytes_data(v), tn_bytes_size(v)) : 0;
    } else {
        tn_err_format(&tn_exc_TypeError, "character mapping must return integer, bytes or None, not %s",
                      tn_type(v)->name);
        r = -1;
    }
    tn_decref(v);
    return r;
}

static int charmap_put(TnEncoder *e, uint32_t c)
{
    return charmap_put_to(e, c, &e->out);
}

int tn_codec_charmap_encode(TnEncoder *e)
{
    e->put = charmap_put;
    tn_ssize_t n = tn_str_length(e->str);
    for (tn_ssize_t i = 0; i < n;) {
        int r = charmap_put(e, tn_str_read(e->str, i));
        if (r < 0)
            return -1;
        if (r == 0) {
            i++;
            continue;
        }
        /* A run of undefined characters goes to the handler at once. */
        tn_ssize_t j = i + 1;
        while (j < n && (r = charmap_put_to(e, tn_str_read(e->str, j), NULL)) == 1)
            j++;
        if (r < 0 || (i = tn_encoder_error(e, i, j, "character maps to <undefined>")) < 0)
            return -1;
    }
    return 0;
}

/* ---- decoding ---------------------------------------------------------- */

/* Append what mapping gives for byte b.  0, 1 = undefined, -1. */
static int decode_through_mapping(TnDecoder *d, unsigned char b)
{
    bool undefined;
    TnObject *v = mapping_get(d->mapping, b, &undefined);
    if (v == NULL)
        return undefined ? 1 : -1;
    int r = 0;
    if (tn_int_check(v)) {
        tn_ssize_t x = tn_number_as_ssize(v, NULL);
        if (x < 0 || x > 0x10ffff) {
            if (!tn_err_occurred() || tn_err_matches(&tn_exc_OverflowError)) {
                tn_err_clear();
                tn_err_set_str(&tn_exc_TypeError, "character mapping must be in range(0x110000)");
            }
            r = -1;
        } else if (x == 0xfffe) {
            r = 1;
        } else {
            r = tn_cpbuf_put(&d->out, (uint32_t)x);
        }
    } else if (tn_str_check(v)) {
        tn_ssize_t len = tn_str_length(v);
        if (len == 1 && tn_str_read(v, 0) == 0xfffe)
            r = 1;
        for (tn_ssize_t i = 0; i < len && r == 0; i++)
            r = tn_cpbuf_put(&d->out, tn_str_read(v, i));
    } else {
        tn_err_set_str(&tn_exc_TypeError, "character mapping must return integer, None or str");
        r = -1;
    }
    tn_decref(v);
    return r;
}

int tn_codec_charmap_decode(TnDecoder *d)
{
    bool table = tn_str_check(d->mapping);
    tn_ssize_t tlen = table ? tn_str_length(d->mapping) : 0;
    for (tn_ssize_t i = 0; i < d->n;) {
        unsigned char b = d->s[i];
        int r;
        if (table) {
            uint32_t c = b < tlen ? tn_str_read(d->mapping, b) : 0xfffe;
            r = c == 0xfffe ? 1 : tn_cpbuf_put(&d->out, c);
        } else {
            r = decode_through_mapping(d, b);
        }
        if (r == 0)
            i++;
        else if (r < 0 || (i = tn_decoder_error(d, i, i + 1, "character maps to <undefined>")) < 0)
            return -1;
    }
    d->consumed = d->n;
    return 0;
}
