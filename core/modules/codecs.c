/* core/modules/codecs.c — the _codecs module of CPython 3.11
 * (Modules/_codecsmodule.c), which codecs.py and the encodings package sit
 * on (docs/codecs.md): the registry (register, lookup, encode, decode,
 * register_error, lookup_error ...) and the codec functions, each
 * returning (result, length consumed).  The codecs themselves are the ones
 * str.encode and bytes.decode use (core/objects/codecs*.c); this file only
 * parses the arguments as CPython's argument clinic does. */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/objects/codecs_internal.h"


/* ---- arguments ----------------------------------------------------------- */

/* A str argument as a C string: "f() argument N must be str, not int";
 * "embedded null character". */
static int str_arg(const char *fname, const char *argname, TnObject *o, const char **out)
{
    if (!tn_str_check(o)) {
        tn_err_format(&tn_exc_TypeError, "%s() argument %s must be str, not %s", fname, argname,
                      o == TN_NONE ? "None" : tn_type(o)->name);
        return -1;
    }
    tn_ssize_t len;
    *out = tn_str_utf8(o, &len);
    if (*out == NULL)
        return -1;
    if ((size_t)len != strlen(*out)) {
        tn_err_set_str(&tn_exc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

/* errors: str or None (absent = None = NULL). */
static int errors_arg(const char *fname, TnObject *const *args, tn_ssize_t nargs, int i, const char **out)
{
    *out = NULL;
    if (i >= nargs || args[i] == TN_NONE)
        return 0;
    if (!tn_str_check(args[i])) {
        tn_err_format(&tn_exc_TypeError, "%s() argument %d must be str or None, not %s", fname, i + 1,
                      tn_type(args[i])->name);
        return -1;
    }
    return str_arg(fname, "2", args[i], out);
}

/* An int flag (final, byteorder): an index, as clinic's int converter. */
static int int_arg(TnObject *const *args, tn_ssize_t nargs, int i, int dflt, int *out)
{
    *out = dflt;
    if (i >= nargs)
        return 0;
    return tn_number_as_c_int(args[i], out);
}

static int check_args(const char *fname, TnObject *kwnames, tn_ssize_t nargs, int min, int max)
{
    char qual[64];
    snprintf(qual, sizeof qual, "_codecs.%s", fname);
    return tn_args_no_kw(qual, kwnames) < 0 || tn_args_count(fname, nargs, min, max) < 0 ? -1 : 0;
}

/* The data argument: a bytes-like object ("y*"), or with text also a str
 * taken as its UTF-8 ("s*").  Filled view (release it) / -1. */
static int data_arg(TnObject *o, bool text, TnBytesView *v)
{
    if (text && tn_str_check(o)) {
        tn_ssize_t n;
        const char *s = tn_str_utf8(o, &n);
        if (s == NULL)
            return -1;
        v->d = s;
        v->n = n;
        v->keep = NULL;
        return 0;
    }
    int got = tn_bytes_view_copy(o, v);
    if (got == 0)
        tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type(o)->name);
    return got > 0 ? 0 : -1;
}

/* ---- the codec functions ------------------------------------------------- */

/* fname(str, errors=None[, extra]) with codec enc -> (bytes, len(str)). */
static TnObject *run_encode(const char *fname, int enc, TnObject *str, const char *errors, TnObject *mapping)
{
    TnEncoder e = {.enc = enc, .name = tn_codec_error_name(enc), .err = tn_codec_errors_kind(errors),
                   .errors = errors != NULL ? errors : "strict", .str = str, .mapping = mapping};
    int r = tn_codec_run_encoder(&e);
    TnObject *b = r < 0 ? NULL : tn_bytes_from_data(e.out.buf, e.out.len);
    tn_bbuf_free(&e.out);
    return tn_codec_pair_steal(b, tn_str_length(str));
}

static TnObject *encode_fn(const char *fname, int enc, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *errors;
    if (check_args(fname, kw, nargs, 1, 2) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                             tn_type(args[0])->name);
    if (errors_arg(fname, args, nargs, 1, &errors) < 0)
        return NULL;
    return run_encode(fname, enc, args[0], errors, NULL);
}

/* Decode v with codec enc; (str, consumed) or, with byteorder, the ex
 * form (str, consumed, byteorder). */
static TnObject *run_decode(int enc, const TnBytesView *v, const char *errors, bool final, TnObject *mapping,
                            int *byteorder)
{
    TnDecoder d = {.enc = enc, .name = tn_codec_error_name(enc), .err = tn_codec_errors_kind(errors),
                   .errors = errors != NULL ? errors : "strict", .s = (const unsigned char *)v->d, .n = v->n,
                   .final = final, .mapping = mapping};
    d.user_name = d.name;
    int r = tn_codec_run_decoder(&d);
    TnObject *s = r < 0 ? NULL : tn_str_from_codepoints(d.out.cp, d.out.n);
    tn_mem_free(d.out.cp);
    if (byteorder != NULL && *byteorder == 0)
        *byteorder = d.byteorder;
    return tn_codec_pair_steal(s, d.consumed);
}

/* fname(data, errors=None[, final]) -> (str, consumed). */
static TnObject *decode_fn(const char *fname, int enc, bool has_final, bool final_dflt, bool text,
                           TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *errors;
    int final;
    TnBytesView v;
    if (check_args(fname, kw, nargs, 1, has_final ? 3 : 2) < 0 || data_arg(args[0], text, &v) < 0)
        return NULL;
    TnObject *r = NULL;
    if (errors_arg(fname, args, nargs, 1, &errors) == 0 && int_arg(args, nargs, 2, final_dflt, &final) == 0)
        r = run_decode(enc, &v, errors, final != 0, NULL, NULL);
    tn_bytes_view_release(&v);
    return r;
}

#define ENCODER(NAME, ENC)                                                                          \
    static TnObject *c_##NAME(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw) \
    {                                                                                               \
        return encode_fn(#NAME, ENC, args, nargs, kw);                                              \
    }
#define DECODER(NAME, ENC, HAS_FINAL, FINAL, TEXT)                                                   \
    static TnObject *c_##NAME(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw) \
    {                                                                                               \
        return decode_fn(#NAME, ENC, HAS_FINAL, FINAL, TEXT, args, nargs, kw);                      \
    }

ENCODER(utf_7_encode, TN_ENC_UTF7)
DECODER(utf_7_decode, TN_ENC_UTF7, true, false, false)
ENCODER(utf_8_encode, TN_ENC_UTF8)
DECODER(utf_8_decode, TN_ENC_UTF8, true, false, false)
ENCODER(utf_16_le_encode, TN_ENC_UTF16_LE)
ENCODER(utf_16_be_encode, TN_ENC_UTF16_BE)
DECODER(utf_16_decode, TN_ENC_UTF16, true, false, false)
DECODER(utf_16_le_decode, TN_ENC_UTF16_LE, true, false, false)
DECODER(utf_16_be_decode, TN_ENC_UTF16_BE, true, false, false)
ENCODER(utf_32_le_encode, TN_ENC_UTF32_LE)
ENCODER(utf_32_be_encode, TN_ENC_UTF32_BE)
DECODER(utf_32_decode, TN_ENC_UTF32, true, false, false)
DECODER(utf_32_le_decode, TN_ENC_UTF32_LE, true, false, false)
DECODER(utf_32_be_decode, TN_ENC_UTF32_BE, true, false, false)
ENCODER(latin_1_encode, TN_ENC_LATIN1)
DECODER(latin_1_decode, TN_ENC_LATIN1, false, true, false)
ENCODER(ascii_encode, TN_ENC_ASCII)
DECODER(ascii_decode, TN_ENC_ASCII, false, true, false)
ENCODER(unicode_escape_encode, TN_ENC_UNICODE_ESCAPE)
DECODER(unicode_escape_decode, TN_ENC_UNICODE_ESCAPE, true, true, true)
ENCODER(raw_unicode_escape_encode, TN_ENC_RAW_UNICODE_ESCAPE)
DECODER(raw_unicode_escape_decode, TN_ENC_RAW_UNICODE_ESCAPE, true, true, true)

/* utf_16_encode / utf_32_encode(str, errors=None, byteorder=0): with a BOM
 * in native (little endian) order for 0, else without one. */
static TnObject *encode_ordered(const char *fname, int enc, int le, int be, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kw)
{
    const char *errors;
    int order;
    if (check_args(fname, kw, nargs, 1, 3) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                             tn_type(args[0])->name);
    if (errors_arg(fname, args, nargs, 1, &errors) < 0 || int_arg(args, nargs, 2, 0, &order) < 0)
        return NULL;
    return run_encode(fname, order == 0 ? enc : order < 0 ? le : be, args[0], errors, NULL);
}

static TnObject *c_utf_16_encode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return encode_ordered("utf_16_encode", TN_ENC_UTF16, TN_ENC_UTF16_LE, TN_ENC_UTF16_BE, args, nargs, kw);
}

static TnObject *c_utf_32_encode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return encode_ordered("utf_32_encode", TN_ENC_UTF32, TN_ENC_UTF32_LE, TN_ENC_UTF32_BE, args, nargs, kw);
}

/* utf_16_ex_decode(data, errors=None, byteorder=0, final=False) ->
 * (str, consumed, byteorder): byteorder 0 reads a BOM, and the result says
 * which one it found (0: none). */
static TnObject *decode_ex(const char *fname, int enc, int le, int be, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kw)
{
    const char *errors;
    int order, final;
    TnBytesView v;
    if (check_args(fname, kw, nargs, 1, 4) < 0 || data_arg(args[0], false, &v) < 0)
        return NULL;
    TnObject *r = NULL;
    if (errors_arg(fname, args, nargs, 1, &errors) == 0 && int_arg(args, nargs, 2, 0, &order) == 0 &&
        int_arg(args, nargs, 3, 0, &final) == 0) {
        int found = order < 0 ? -1 : order > 0 ? 1 : 0;
        r = run_decode(order == 0 ? enc : order < 0 ? le : be, &v, errors, final != 0, NULL, &found);
        if (r != NULL) {
            TnObject *bo = tn_int_from_ssize(found);
            TnObject *t = bo != NULL ? tn_tuple_pack(3, tn_tuple_get(r, 0), tn_tuple_get(r, 1), bo) : NULL;
            tn_xdecref(bo);
            TN_SETREF(r, t);
        }
    }
    tn_bytes_view_release(&v);
    return r;
}

static TnObject *c_utf_16_ex_decode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return decode_ex("utf_16_ex_decode", TN_ENC_UTF16, TN_ENC_UTF16_LE, TN_ENC_UTF16_BE, args, nargs, kw);
}

static TnObject *c_utf_32_ex_decode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return decode_ex("utf_32_ex_decode", TN_ENC_UTF32, TN_ENC_UTF32_LE, TN_ENC_UTF32_BE, args, nargs, kw);
}

/* charmap_encode(str, errors=None, mapping=None): latin-1 without a mapping. */
static TnObject *c_charmap_encode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *errors;
    if (check_args("charmap_encode", kw, nargs, 1, 3) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "charmap_encode() argument 1 must be str, not %s",
                             tn_type(args[0])->name);
    if (errors_arg("charmap_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    TnObject *mapping = nargs > 2 && args[2] != TN_NONE ? args[2] : NULL;
    return run_encode("charmap_encode", mapping != NULL ? TN_ENC_CHARMAP : TN_ENC_LATIN1, args[0], errors, mapping);
}

/* charmap_decode(data, errors=None, mapping=None): latin-1 without one. */
static TnObject *c_charmap_decode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *errors;
    TnBytesView v;
    if (check_args("charmap_decode", kw, nargs, 1, 3) < 0 || data_arg(args[0], false, &v) < 0)
        return NULL;
    TnObject *r = NULL;
    TnObject *mapping = nargs > 2 && args[2] != TN_NONE ? args[2] : NULL;
    if (errors_arg("charmap_decode", args, nargs, 1, &errors) == 0)
        r = run_decode(mapping != NULL ? TN_ENC_CHARMAP : TN_ENC_LATIN1, &v, errors, true, mapping, NULL);
    tn_bytes_view_release(&v);
    return r;
}

static TnObject *c_charmap_build(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (check_args("charmap_build", kw, nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "charmap_build() argument must be str, not %s",
                             tn_type(args[0])->name);
    return tn_codec_charmap_build(args[0]);
}

/* escape_encode(bytes, errors=None): repr-style escapes of a bytes object. */
static TnObject *c_escape_encode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *errors;
    if (check_args("escape_encode", kw, nargs, 1, 2) < 0)
        return NULL;
    if (!tn_bytes_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "escape_encode() argument 1 must be bytes, not %s",
                             tn_type(args[0])->name);
    if (errors_arg("escape_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    /* bytes.__repr__ without the b'' and with every ' escaped. */
    TnObject *rep = tn_bytes_repr_data(tn_bytes_data(args[0]), tn_bytes_size(args[0]), "x", "");
    if (rep == NULL)
        return NULL;
    tn_ssize_t len;
    const char *s = tn_str_utf8(rep, &len);
    TnObject *b = s != NULL ? tn_bytes_from_data(s + 3, len - 4) : NULL;
    tn_decref(rep);
    return tn_codec_pair_steal(b, tn_bytes_size(args[0]));
}

static TnObject *c_escape_decode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *errors;
    TnBytesView v;
    if (check_args("escape_decode", kw, nargs, 1, 2) < 0 || data_arg(args[0], true, &v) < 0)
        return NULL;
    TnObject *r = NULL;
    if (errors_arg("escape_decode", args, nargs, 1, &errors) == 0) {
        TnByteBuf out = {0};
        tn_ssize_t bad = 0;
        int k = tn_codec_bytes_unescape(v.d, v.n, errors, &out, &bad);
        if (k == -2)
            tn_err_format(&tn_exc_ValueError, "invalid \\x escape at position %zd", bad);
        if (k == 0)
            r = tn_codec_pair_steal(tn_bytes_from_data(out.buf, out.len), v.n);
        tn_bbuf_free(&out);
    }
    tn_bytes_view_release(&v);
    return r;
}

static TnObject *c_readbuffer_encode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *errors;
    TnBytesView v;
    if (check_args("readbuffer_encode", kw, nargs, 1, 2) < 0 || data_arg(args[0], true, &v) < 0)
        return NULL;
    TnObject *r = NULL;
    if (errors_arg("readbuffer_encode", args, nargs, 1, &errors) == 0)
        r = tn_codec_pair_steal(tn_bytes_from_data(v.d, v.n), v.n);
    tn_bytes_view_release(&v);
    return r;
}

/* ---- the registry -------------------------------------------------------- */

static TnObject *c_register(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (check_args("register", kw, nargs, 1, 1) < 0 || tn_codec_register(args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *c_unregister(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (check_args("unregister", kw, nargs, 1, 1) < 0 || tn_codec_unregister(args[0]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *c_lookup(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *enc;
    if (check_args("lookup", kw, nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "lookup() argument must be str, not %s", tn_type(args[0])->name);
    if (str_arg("lookup", "1", args[0], &enc) < 0)
        return NULL;
    return tn_codec_lookup(enc);
}

/* encode / decode(obj, encoding='utf-8', errors='strict'). */
static TnObject *transform(const char *fname, bool enc_op, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"obj", "encoding", "errors", NULL};
    TnObject *a[3] = {NULL, NULL, NULL};
    const char *encoding, *errors;
    if (tn_args_parse(fname, args, nargs, kw, names, 0, 1, a) < 0 ||
        tn_codec_arg(fname, 1, a[1], "utf-8", &encoding) < 0 || tn_codec_arg(fname, 2, a[2], NULL, &errors) < 0)
        return NULL;
    return enc_op ? tn_codec_encode_any(a[0], encoding, errors) : tn_codec_decode_any(a[0], encoding, errors);
}

static TnObject *c_encode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return transform("encode", true, args, nargs, kw);
}

static TnObject *c_decode(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return transform("decode", false, args, nargs, kw);
}

static TnObject *c_register_error(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *name;
    if (check_args("register_error", kw, nargs, 2, 2) < 0 || str_arg("register_error", "1", args[0], &name) < 0 ||
        tn_codec_register_error(name, args[1]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *c_lookup_error(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    const char *name;
    if (check_args("lookup_error", kw, nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "lookup_error() argument must be str, not %s",
                             tn_type(args[0])->name);
    if (str_arg("lookup_error", "1", args[0], &name) < 0)
        return NULL;
    return tn_codec_lookup_error(name);
}

#define F(NAME, DOC) {#NAME, c_##NAME, 0, DOC}
static const TnMethodDef codecs_functions[] = {
    F(register, "Register a codec search function."),
    F(unregister, "Unregister a codec search function and clear the registry's cache."),
    F(lookup, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."),
    F(encode, "Encodes obj using the codec registered for encoding."),
    F(decode, "Decodes obj using the codec registered for encoding."),
    F(register_error, "Register the specified error handler under the name errors."),
    F(lookup_error, "Return the error handler for the specified error handling name."),
    F(utf_7_encode, NULL), F(utf_7_decode, NULL),
    F(utf_8_encode, NULL), F(utf_8_decode, NULL),
    F(utf_16_encode, NULL), F(utf_16_le_encode, NULL), F(utf_16_be_encode, NULL),
    F(utf_16_decode, NULL), F(utf_16_le_decode, NULL), F(utf_16_be_decode, NULL), F(utf_16_ex_decode, NULL),
    F(utf_32_encode, NULL), F(utf_32_le_encode, NULL), F(utf_32_be_encode, NULL),
    F(utf_32_decode, NULL), F(utf_32_le_decode, NULL), F(utf_32_be_decode, NULL), F(utf_32_ex_decode, NULL),
    F(latin_1_encode, NULL), F(latin_1_decode, NULL),
    F(ascii_encode, NULL), F(ascii_decode, NULL),
    F(charmap_encode, NULL), F(charmap_decode, NULL), F(charmap_build, NULL),
    F(unicode_escape_encode, NULL), F(unicode_escape_decode, NULL),
    F(raw_unicode_escape_encode, NULL), F(raw_unicode_escape_decode, NULL),
    F(escape_encode, NULL), F(escape_decode, NULL),
    F(readbuffer_encode, NULL),
    {NULL, NULL, 0, NULL},
};

TnObject *tn_codecs_module_create(void)
{
    TnObject *m = tn_module_new("_codecs");
    if (m == NULL || tn_module_add_functions(m, codecs_functions) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}
