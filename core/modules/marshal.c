/* core/modules/marshal.c — marshal: CPython's serialisation format for
 * values (version 4), dumps/loads/dump/load (docs/stdlib.md, "marshal").
 *
 * loads reads everything CPython 3.11 writes except code objects (Tandem's
 * code is not CPython's bytecode: "bad marshal data (unknown type code)"
 * names the code 'c'), references ('r' and the 0x80 flag) included.  dumps
 * writes the same type codes without references (version 3+ marks objects
 * CPython happens to share; the result is valid marshal data that
 * CPython's loads reads back), and refuses a code object as CPython refuses
 * what it cannot marshal: ValueError "unmarshallable object".  importlib
 * imports marshal at start-up (for .pyc files, which Tandem neither writes
 * nor reads: sys.implementation.cache_tag is None).
 */
#include <string.h>
#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/modules/modules.h"
#include "core/objects/bytes.h"
#include "core/objects/complex.h"

#define MARSHAL_VERSION 4
#define FLAG_REF 0x80
#define MAX_DEPTH 2000

/* obj.<name>(a, b) with two str arguments (encode/decode calls). */
static TnObject *call_str2(TnObject *obj, const char *name, const char *a, const char *b)
{
    TnObject *args[2] = {tn_str_from_cstr(a), tn_str_from_cstr(b)};
    TnObject *r = args[0] != NULL && args[1] != NULL ? tn_call_method_cstr(obj, name, args, 2) : NULL;
    tn_xdecref(args[0]);
    tn_xdecref(args[1]);
    return r;
}

/* ---- writing ------------------------------------------------------------------------------ */

typedef struct Writer {
    char *buf;
    size_t len, cap;
    int depth;
    int version;
} Writer;

static int w_bytes(Writer *w, const void *p, size_t n)
{
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 64;
        while (cap < w->len + n)
            cap *= 2;
        char *nb = tn_mem_realloc(w->buf, cap);
        if (nb == NULL) {
            tn_err_no_memory();
            return -1;
        }
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
    return 0;
}

static int w_byte(Writer *w, int c)
{
    char ch = (char)c;
    return w_bytes(w, &ch, 1);
}

static int w_u32(Writer *w, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    return w_bytes(w, b, 4);
}

static int w_double(Writer *w, double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(u >> (8 * i));
    return w_bytes(w, b, 8);
}

static int w_sized(Writer *w, int code, const char *p, tn_ssize_t n)
{
    if (n > INT32_MAX) {
        tn_err_set_str(&tn_exc_ValueError, "unmarshallable object");
        return -1;
    }
    if (w_byte(w, code) < 0 || w_u32(w, (uint32_t)n) < 0)
        return -1;
    return w_bytes(w, p, (size_t)n);
}

static int w_object(Writer *w, TnObject *v);

/* An int beyond 32 bits: 'l', a signed count of 15-bit digits, least
 * significant first. */
static int w_long(Writer *w, TnObject *v)
{
    int sign = tn_int_sign(v);
    TnObject *mag = tn_number_absolute(v), *mask = tn_int_from_i64(0x7fff), *shift = tn_int_from_i64(15);
    int r = -1;
    size_t start = w->len;
    uint32_t ndigits = 0;
    if (mag == NULL || mask == NULL || shift == NULL || w_byte(w, 'l') < 0 || w_u32(w, 0) < 0)
        goto done;
    while (tn_int_sign(mag) != 0) {
        TnObject *d = tn_number_binop(mag, mask, TN_OP_BITAND);
        int overflow = 0;
        int64_t dv = d != NULL ? tn_int_as_i64(d, &overflow) : 0;
        tn_xdecref(d);
        if (d == NULL)
            goto done;
        unsigned char b[2] = {(unsigned char)dv, (unsigned char)(dv >> 8)};
        if (w_bytes(w, b, 2) < 0)
            goto done;
        TN_SETREF(mag, tn_number_binop(mag, shift, TN_OP_RSHIFT));
        if (mag == NULL)
            goto done;
        ndigits++;
    }
    uint32_t n = sign < 0 ? (uint32_t)-(int32_t)ndigits : ndigits;
    for (int i = 0; i < 4; i++)
        w->buf[start + 1 + i] = (char)(n >> (8 * i));
    r = 0;
done:
    tn_xdecref(mag);
    tn_xdecref(mask);
    tn_xdecref(shift);
    return r;
}

static int w_items(Writer *w, int code, TnObject *tuple)
{
    tn_ssize_t n = tn_tuple_size(tuple);
    if (n < 256 && code == '(') {
        if (w_byte(w, ')') < 0 || w_byte(w, (int)n) < 0)
            return -1;
    } else if (w_byte(w, code) < 0 || w_u32(w, (uint32_t)n) < 0) {
        return -1;
    }
    for (tn_ssize_t i = 0; i < n; i++)
        if (w_object(w, tn_tuple_get(tuple, i)) < 0)
            return -1;
    return 0;
}

static int w_dict(Writer *w, TnObject *d)
{
    TnObject *items = tn_dict_items_list(d);
    if (items == NULL || w_byte(w, '{') < 0) {
        tn_xdecref(items);
        return -1;
    }
    int r = 0;
    for (tn_ssize_t i = 0; r == 0 && i < tn_list_size(items); i++) {
        TnObject *kv = tn_list_get_item_ref(items, i);
        r = kv != NULL && w_object(w, tn_tuple_get(kv, 0)) == 0 && w_object(w, tn_tuple_get(kv, 1)) == 0 ? 0 : -1;
        tn_xdecref(kv);
    }
    tn_decref(items);
    return r < 0 ? -1 : w_byte(w, '0');
}

static int w_str(Writer *w, TnObject *v)
{
    tn_ssize_t n;
    const char *s = tn_str_utf8(v, &n);
    if (s == NULL) {
        /* Lone surrogates: CPython writes them with "surrogatepass". */
        tn_err_clear();
        TnObject *b = call_str2(v, "encode", "utf-8", "surrogatepass");
        if (b == NULL)
            return -1;
        int r = w_sized(w, 'u', tn_bytes_data(b), tn_bytes_size(b));
        tn_decref(b);
        return r;
    }
    bool ascii = true;
    for (tn_ssize_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii && n < 256) {
        if (w_byte(w, 'z') < 0 || w_byte(w, (int)n) < 0)
            return -1;
        return w_bytes(w, s, (size_t)n);
    }
    return w_sized(w, ascii ? 'a' : 'u', s, n);
}

static int w_object_inner(Writer *w, TnObject *v)
{
    if (v == TN_NONE)
        return w_byte(w, 'N');
    if (v == TN_TRUE)
        return w_byte(w, 'T');
    if (v == TN_FALSE)
        return w_byte(w, 'F');
    if (v == TN_ELLIPSIS)
        return w_byte(w, '.');
    if (v == TN_OBJ(&tn_exc_StopIteration))
        return w_byte(w, 'S');
    TnType *tp = tn_type(v);
    if (tp == &tn_type_int) {
        int overflow = 0;
        int64_t x = tn_int_as_i64(v, &overflow);
        if (!overflow && x >= INT32_MIN && x <= INT32_MAX)
            return w_byte(w, 'i') < 0 ? -1 : w_u32(w, (uint32_t)(int32_t)x);
        return w_long(w, v);
    }
    if (tp == &tn_type_float)
        return w_byte(w, 'g') < 0 ? -1 : w_double(w, tn_float_value(v));
    if (tp == &tn_type_complex)
        return w_byte(w, 'y') < 0 || w_double(w, tn_complex_real(v)) < 0 ? -1 : w_double(w, tn_complex_imag(v));
    if (tp == &tn_type_str)
        return w_str(w, v);
    if (tp == &tn_type_bytes)
        return w_sized(w, 's', tn_bytes_data(v), tn_bytes_size(v));
    if (tp == &tn_type_tuple)
        return w_items(w, '(', v);
    if (tp == &tn_type_list || tp == &tn_type_set || tp == &tn_type_frozenset) {
        TnObject *t = tn_tuple_from_iterable(v);
        if (t == NULL)
            return -1;
        int r = w_items(w, tp == &tn_type_list ? '[' : tp == &tn_type_set ? '<' : '>', t);
        tn_decref(t);
        return r;
    }
    if (tp == &tn_type_dict)
        return w_dict(w, v);
    /* A bytes-like object (bytearray, memoryview, array) is written as bytes. */
    TnObject *b = tn_bytes_snapshot_ref(v);
    if (b != NULL) {
        int r = w_sized(w, 's', tn_bytes_data(b), tn_bytes_size(b));
        tn_decref(b);
        return r;
    }
    tn_err_clear();
    tn_err_set_str(&tn_exc_ValueError, "unmarshallable object");
    return -1;
}

static int w_object(Writer *w, TnObject *v)
{
    if (++w->depth > MAX_DEPTH) {
        tn_err_set_str(&tn_exc_ValueError, "object too deeply nested to marshal");
        return -1;
    }
    int r = w_object_inner(w, v);
    w->depth--;
    return r;
}

static int version_arg(TnObject *v, int *out)
{
    int overflow = 0;
    if (!tn_int_check(v)) {
        tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer", tn_type_name(tn_type(v)));
        return -1;
    }
    int64_t x = tn_int_as_i64(v, &overflow);
    *out = overflow ? (x < 0 ? INT32_MIN : INT32_MAX) : (int)x;
    return 0;
}

static TnObject *marshal_dumps_obj(TnObject *value, int version)
{
    Writer w = {NULL, 0, 0, 0, version};
    TnObject *r = NULL;
    if (w_object(&w, value) == 0)
        r = tn_bytes_from_data(w.buf != NULL ? w.buf : "", (tn_ssize_t)w.len);
    tn_mem_free(w.buf);
    return r;
}

static TnObject *marshal_dumps(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"", "", NULL};
    TnObject *a[2] = {NULL, NULL};
    if (tn_args_parse("dumps", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    int version = MARSHAL_VERSION;
    if (a[1] != NULL && version_arg(a[1], &version) < 0)
        return NULL;
    return marshal_dumps_obj(a[0], version);
}

static TnObject *marshal_dump(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"", "", "", NULL};
    TnObject *a[3] = {NULL, NULL, NULL};
    if (tn_args_parse("dump", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    int version = MARSHAL_VERSION;
    if (a[2] != NULL && version_arg(a[2], &version) < 0)
        return NULL;
    TnObject *data = marshal_dumps_obj(a[0], version);
    if (data == NULL)
        return NULL;
    TnObject *r = tn_call_method_cstr(a[1], "write", &data, 1);
    tn_decref(data);
    if (r == NULL)
        return NULL;
    tn_decref(r);
    return tn_none_ref();
}

/* ---- reading ------------------------------------------------------------------------------ */

typedef struct Reader {
    const unsigned char *p, *end;
    TnObject *refs;   /* list: the objects flagged FLAG_REF, in order */
    int depth;
} Reader;

static TnObject *eof_error(void)
{
    return tn_err_format(&tn_exc_EOFError, "marshal data too short");
}

static int r_need(Reader *r, size_t n)
{
    if ((size_t)(r->end - r->p) < n) {
        eof_error();
        return -1;
    }
    return 0;
}

static int r_u32(Reader *r, uint32_t *out)
{
    if (r_need(r, 4) < 0)
        return -1;
    *out = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
    r->p += 4;
    return 0;
}

static int r_double(Reader *r, double *out)
{
    if (r_need(r, 8) < 0)
        return -1;
    uint64_t u = 0;
    for (int i = 0; i < 8; i++)
        u |= (uint64_t)r->p[i] << (8 * i);
    r->p += 8;
    memcpy(out, &u, 8);
    return 0;
}

static TnObject *bad_data(const char *why)
{
    return tn_err_format(&tn_exc_ValueError, "bad marshal data (%s)", why);
}

static TnObject *r_object(Reader *r);

static TnObject *r_long(Reader *r)
{
    uint32_t n32;
    if (r_u32(r, &n32) < 0)
        return NULL;
    int32_t n = (int32_t)n32;
    if (n < -(1 << 24) || n > (1 << 24))
        return bad_data("long size out of range");
    int32_t count = n < 0 ? -n : n;
    if (r_need(r, (size_t)count * 2) < 0)
        return NULL;
    TnObject *v = tn_int_from_i64(0), *shift = tn_int_from_i64(15);
    for (int32_t i = count - 1; v != NULL && i >= 0; i--) {
        unsigned d = (unsigned)r->p[2 * i] | (unsigned)r->p[2 * i + 1] << 8;
        if (d > 0x7fff) {
            TN_CLEAR(v);
            bad_data("digit out of range in long");
            break;
        }
        TN_SETREF(v, tn_number_binop(v, shift, TN_OP_LSHIFT));
        TnObject *dv = tn_int_from_i64(d);
        if (v != NULL && dv != NULL)
            TN_SETREF(v, tn_number_binop(v, dv, TN_OP_BITOR));
        tn_xdecref(dv);
    }
    tn_xdecref(shift);
    r->p += (size_t)count * 2;
    if (v != NULL && n < 0)
        TN_SETREF(v, tn_number_negative(v));
    return v;
}

static TnObject *r_str(Reader *r, size_t n, bool ascii)
{
    if (r_need(r, n) < 0)
        return NULL;
    const char *s = (const char *)r->p;
    r->p += n;
    if (ascii) {
        TnObject *b = tn_bytes_from_data(s, (tn_ssize_t)n);
        TnObject *v = b != NULL ? call_str2(b, "decode", "latin-1", "strict") : NULL;
        tn_xdecref(b);
        return v;
    }
    TnObject *v = tn_str_from_utf8(s, (tn_ssize_t)n);
    if (v == NULL) {
        /* Lone surrogates were written with "surrogatepass". */
        tn_err_clear();
        TnObject *b = tn_bytes_from_data(s, (tn_ssize_t)n);
        v = b != NULL ? call_str2(b, "decode", "utf-8", "surrogatepass") : NULL;
        tn_xdecref(b);
    }
    return v;
}

static TnObject *r_sequence(Reader *r, size_t n, int code)
{
    if ((size_t)(r->end - r->p) < n)   /* at least one byte per item: do not allocate for a lie */
        return tn_err_format(&tn_exc_EOFError, "EOF read where object expected");
    TnObject *t = tn_tuple_new((tn_ssize_t)n);
    for (size_t i = 0; t != NULL && i < n; i++) {
        TnObject *item = r_object(r);
        if (item == NULL) {
            if (!tn_err_occurred())
                bad_data("NULL object in marshal data for tuple");
            TN_CLEAR(t);
            break;
        }
        tn_tuple_set_steal(t, (tn_ssize_t)i, item);
    }
    if (t == NULL || code == '(')
        return t;
    TnObject *v = code == '[' ? tn_list_from_iterable(t) : code == '<' ? tn_set_new(t) : tn_frozenset_new(t);
    tn_decref(t);
    return v;
}

static TnObject *r_dict(Reader *r)
{
    TnObject *d = tn_dict_new();
    while (d != NULL) {
        if (r_need(r, 1) < 0) {
            TN_CLEAR(d);
            break;
        }
        if (*r->p == '0') {
            r->p++;
            break;
        }
        TnObject *k = r_object(r);
        TnObject *v = k != NULL ? r_object(r) : NULL;
        if (v == NULL || tn_dict_set_item(d, k, v) < 0)
            TN_CLEAR(d);
        tn_xdecref(k);
        tn_xdecref(v);
    }
    return d;
}

static TnObject *r_object_inner(Reader *r, int code)
{
    uint32_t n;
    double a, b;
    switch (code) {
    case '0': return bad_data("NULL object in marshal data for object");
    case 'N': return tn_none_ref();
    case 'T': return tn_newref(TN_TRUE);
    case 'F': return tn_newref(TN_FALSE);
    case '.': return tn_newref(TN_ELLIPSIS);
    case 'S': return tn_newref(TN_OBJ(&tn_exc_StopIteration));
    case 'i': return r_u32(r, &n) < 0 ? NULL : tn_int_from_i64((int32_t)n);
    case 'l': return r_long(r);
    case 'g': return r_double(r, &a) < 0 ? NULL : tn_float_from_double(a);
    case 'y': return r_double(r, &a) < 0 || r_double(r, &b) < 0 ? NULL : tn_complex_from_doubles(a, b);
    case 's':
        if (r_u32(r, &n) < 0 || r_need(r, n) < 0)
            return NULL;
        r->p += n;
        return tn_bytes_from_data((const char *)r->p - n, n);
    case 'u': case 't':
        return r_u32(r, &n) < 0 ? NULL : r_str(r, n, false);
    case 'a': case 'A':
        return r_u32(r, &n) < 0 ? NULL : r_str(r, n, true);
    case 'z': case 'Z':
        if (r_need(r, 1) < 0)
            return NULL;
        n = *r->p++;
        return r_str(r, n, true);
    case ')':
        if (r_need(r, 1) < 0)
            return NULL;
        n = *r->p++;
        return r_sequence(r, n, '(');
    case '(': case '[': case '<': case '>':
        return r_u32(r, &n) < 0 ? NULL : r_sequence(r, n, code);
    case '{': return r_dict(r);
    case 'r': {
        if (r_u32(r, &n) < 0)
            return NULL;
        if (n >= (uint32_t)tn_list_size(r->refs))
            return bad_data("invalid reference");
        return tn_list_get_item_ref(r->refs, n);
    }
    default:
        return bad_data("unknown type code");
    }
}

static TnObject *r_object(Reader *r)
{
    if (r->p >= r->end)
        return tn_err_format(&tn_exc_EOFError, "EOF read where object expected");
    int byte = *r->p++;
    if (++r->depth > MAX_DEPTH) {
        r->depth--;
        return bad_data("recursion limit exceeded");
    }
    /* A flagged object takes its reference number before its contents
     * are read (a container can refer to itself in CPython's format only
     * through objects made first; we reserve the slot the same way). */
    tn_ssize_t slot = -1;
    if (byte & FLAG_REF) {
        slot = tn_list_size(r->refs);
        if (tn_list_append(r->refs, TN_NONE) < 0) {
            r->depth--;
            return NULL;
        }
    }
    TnObject *v = r_object_inner(r, byte & ~FLAG_REF);
    if (v != NULL && slot >= 0) {
        TnObject *idx = tn_int_from_ssize(slot);
        if (idx == NULL || tn_object_setitem(r->refs, idx, v) < 0)
            TN_CLEAR(v);
        tn_xdecref(idx);
    }
    r->depth--;
    return v;
}

static TnObject *loads_data(const unsigned char *p, tn_ssize_t n, tn_ssize_t *used)
{
    Reader r = {p, p + n, tn_list_new(0), 0};
    if (r.refs == NULL)
        return NULL;
    TnObject *v = r_object(&r);
    tn_decref(r.refs);
    if (used != NULL)
        *used = (tn_ssize_t)(r.p - p);
    return v;
}

static TnObject *marshal_loads(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("loads", kwnames) < 0 || tn_args_count("loads", nargs, 1, 1) < 0)
        return NULL;
    TnObject *b = tn_bytes_snapshot_ref(args[0]);
    if (b == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'",
                          tn_type_name(tn_type(args[0])));
        return NULL;
    }
    TnObject *v = loads_data((const unsigned char *)tn_bytes_data(b), tn_bytes_size(b), NULL);
    tn_decref(b);
    return v;
}

/* load(file): reads what is left of the file, decodes one value and seeks
 * back over what it did not use (CPython reads the file in pieces). */
static TnObject *marshal_load(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("load", kwnames) < 0 || tn_args_count("load", nargs, 1, 1) < 0)
        return NULL;
    TnObject *data = tn_call_method_cstr(args[0], "read", NULL, 0);
    if (data == NULL)
        return NULL;
    if (!tn_bytes_check(data)) {
        tn_err_format(&tn_exc_TypeError, "file.read() returned not bytes but %s", tn_type_name(tn_type(data)));
        tn_decref(data);
        return NULL;
    }
    tn_ssize_t used = 0;
    TnObject *v = loads_data((const unsigned char *)tn_bytes_data(data), tn_bytes_size(data), &used);
    tn_ssize_t extra = tn_bytes_size(data) - used;
    tn_decref(data);
    if (v != NULL && extra > 0) {
        TnObject *off = tn_int_from_ssize(-extra), *whence = tn_int_from_i64(1);
        TnObject *seek = tn_object_getattr_cstr(args[0], "seek");
        TnObject *argv[2] = {off, whence};
        TnObject *r = seek != NULL && off != NULL && whence != NULL ? tn_call(seek, argv, 2, NULL) : NULL;
        tn_xdecref(seek);
        tn_xdecref(off);
        tn_xdecref(whence);
        if (r == NULL)
            TN_CLEAR(v);
        tn_xdecref(r);
    }
    return v;
}

static const TnMethodDef marshal_methods[] = {
    {"dumps", marshal_dumps, 0, "Return the bytes object that would be written to a file by dump(value, file)."},
    {"dump", marshal_dump, 0, "Write the value on the open file."},
    {"loads", marshal_loads, 0, "Convert the bytes-like object to a value."},
    {"load", marshal_load, 0, "Read one value from the open file and return it."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_marshal_module_create(void)
{
    TnObject *m = tn_module_new("marshal");
    TnObject *version = tn_int_from_i64(MARSHAL_VERSION);
    if (m == NULL || version == NULL || tn_module_add_functions(m, marshal_methods) < 0
        || tn_module_add_object(m, "version", version) < 0)
        TN_CLEAR(m);
    tn_xdecref(version);
    return m;
}
