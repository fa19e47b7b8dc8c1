/* core/modules/struct.c — the _struct module: pack, unpack, calcsize,
 * pack_into, unpack_from, iter_unpack, Struct and struct.error, as CPython
 * 3.11's Modules/_struct.c on x86-64 Linux (docs/stdlib.md): the same
 * formats, sizes, native alignment and messages.  As in CPython, the
 * standard-size little-endian codes whose size equals the native one ('<h',
 * '=i', '<q' ...) pack with the native checks (and their messages), the
 * others with the standard ones; an OverflowError raised while packing an
 * int becomes struct.error("int too large to convert").
 *
 * A Struct is immutable once made (its format is parsed into one Item per
 * value), so it needs no lock; pack_into writes into a bytearray inside the
 * bytearray's critical section.
 */
#include <math.h>
#include <string.h>
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/compiler/ast.h"
#include "core/objects/float.h"
#include "core/objects/memoryview.h"

/* struct.error: made with the first module, kept for the process (a later
 * import after `del sys.modules['_struct']` reuses it). */
static TnObject *struct_error;

typedef struct {
    char code;
    bool native_checks;   /* pack with the native code's checks ('@', and '<'/'=' same-size codes) */
    bool little;
    tn_ssize_t offset;
    tn_ssize_t size;      /* bytes of the value ('s'/'p': the count) */
} Item;

typedef struct {
    TnObject ob;
    TnObject *format;     /* the format as a str */
    tn_ssize_t size;
    tn_ssize_t nitems;    /* values packed or unpacked */
    Item *items;
} StructObject;

static TnType struct_type;

static TnObject *struct_err(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TnObject *msg = tn_str_from_formatv(fmt, ap);
    va_end(ap);
    if (msg != NULL) {
        tn_err_set_object((TnType *)struct_error, msg);
        tn_decref(msg);
    }
    return NULL;
}

/* ---- parsing a format ---- */

/* Size of a code in the native ('@') or standard table; 0: not a code. */
static tn_ssize_t code_size(char c, bool native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
    }
}

/* The byte order and table of a format's first character (consumed). */
static void format_order(const char **s, bool *native, bool *little)
{
    *native = false;
    *little = true;
    switch (**s) {
    case '@': (*s)++; *native = true; return;
    case '=': case '<': (*s)++; return;
    case '>': case '!': (*s)++; *little = false; return;
    default: *native = true; return;
    }
}

/* Parse fmt into items (malloc'd), size and count.  0 / -1. */
static int parse_format(const char *fmt, Item **items_out, tn_ssize_t *nitems_out, tn_ssize_t *size_out)
{
    bool native, little;
    const char *s = fmt;
    format_order(&s, &native, &little);
    /* Pass 1: sizes and the number of values; pass 2: the items. */
    for (int pass = 0; pass < 2; pass++) {
        tn_ssize_t size = 0, nitems = 0;
        const char *p = s;
        while (*p != '\0') {
            char c = *p++;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
                continue;
            tn_ssize_t num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while ((c = *p++) >= '0' && c <= '9') {
                    if (num >= INTPTR_MAX / 10 && (num > INTPTR_MAX / 10 || (c - '0') > INTPTR_MAX % 10)) {
                        struct_err("total struct size too long");
                        return -1;
                    }
                    num = num * 10 + (c - '0');
                }
                if (c == '\0') {
                    struct_err("repeat count given without format specifier");
                    return -1;
                }
            }
            tn_ssize_t itemsize = code_size(c, native);
            if (itemsize == 0) {
                struct_err("bad char in struct format");
                return -1;
            }
            if (native && size > 0 && c != 's' && c != 'p' && c != 'x' && itemsize > 1)
                size += (itemsize - 1) - (size - 1) % itemsize;   /* native alignment */
            if (size < 0 || num > (INTPTR_MAX - size) / itemsize) {
                struct_err("total struct size too long");
                return -1;
            }
            if (c == 's' || c == 'p') {
                if (pass == 1)
                    (*items_out)[nitems] = (Item){c, native, little, size, num};
                nitems++;
            } else if (c != 'x') {
                for (tn_ssize_t k = 0; k < num; k++) {
                    if (pass == 1) {
                        bool same_size = !native && little && itemsize == code_size(c, true)
                                         && c != 'f' && c != 'd' && c != '?';
                        (*items_out)[nitems] = (Item){c, native || same_size, little, size + k * itemsize, itemsize};
                    }
                    nitems++;
                }
            }
            size += num * itemsize;
        }
        if (pass == 0) {
            *items_out = tn_mem_alloc(sizeof(Item) * (size_t)(nitems > 0 ? nitems : 1));
            if (*items_out == NULL) {
                tn_err_no_memory();
                return -1;
            }
        }
        *nitems_out = nitems;
        *size_out = size;
    }
    return 0;
}

/* ---- packing one value ---- */

/* get_pylong: an int, through __index__; struct.error otherwise. */
static TnObject *get_pylong(TnObject *v)
{
    if (tn_int_check(v))
        return tn_newref(v);
    const TnNumberMethods *nb = tn_type(v)->as_number;
    if (nb != NULL && nb->index != NULL)
        return tn_number_index(v);
    return struct_err("required argument is not an integer");
}

/* v's value as a signed or unsigned 64-bit word.  *range: 0 fits, 1 does
 * not fit the signed (or unsigned) 64-bit range.  0 / -1. */
static int int_words(TnObject *v, bool is_unsigned, int64_t *sv, uint64_t *uv, bool *fits)
{
    TnObject *n = get_pylong(v);
    if (n == NULL)
        return -1;
    int overflow = 0;
    *sv = tn_int_as_i64(n, &overflow);
    *fits = !overflow;
    *uv = (uint64_t)*sv;
    if (overflow && is_unsigned && tn_int_sign(n) > 0) {
        /* 2**63 <= n: fits when n < 2**64; take it in two halves. */
        TnObject *bits = tn_call_method_cstr(n, "bit_length", NULL, 0);
        tn_ssize_t nb = bits != NULL ? tn_int_as_ssize(bits) : -1;
        tn_xdecref(bits);
        if (nb < 0) {
            tn_decref(n);
            return -1;
        }
        if (nb <= 64) {
            TnObject *mask = tn_int_from_i64(0xffffffff), *sh = tn_int_from_i64(32);
            TnObject *lo = mask != NULL ? tn_number_binop(n, mask, TN_OP_BITAND) : NULL;
            TnObject *hi = sh != NULL ? tn_number_binop(n, sh, TN_OP_RSHIFT) : NULL;
            int o1 = 0, o2 = 0;
            if (lo != NULL && hi != NULL) {
                *uv = (uint64_t)tn_int_as_i64(hi, &o1) << 32 | (uint64_t)tn_int_as_i64(lo, &o2);
                *fits = true;
            }
            tn_xdecref(mask);
            tn_xdecref(sh);
            tn_xdecref(lo);
            tn_xdecref(hi);
            if (tn_err_occurred() != NULL) {
                tn_decref(n);
                return -1;
            }
        }
    }
    if (is_unsigned && *fits && !overflow && *sv < 0)
        *fits = false;    /* negative for an unsigned code */
    tn_decref(n);
    return 0;
}

static void put_bytes(char *p, uint64_t x, tn_ssize_t size, bool little)
{
    for (tn_ssize_t i = 0; i < size; i++) {
        unsigned char b = (unsigned char)(x >> (8 * i));
        p[little ? i : size - 1 - i] = (char)b;
    }
}

static uint64_t get_bytes(const char *p, tn_ssize_t size, bool little)
{
    uint64_t x = 0;
    for (tn_ssize_t i = 0; i < size; i++)
        x |= (uint64_t)(unsigned char)p[little ? i : size - 1 - i] << (8 * i);
    return x;
}

/* An integer code: CPython's native (np_*) or standard (lp_/bp_*) checks. */
static int pack_int(const Item *it, char *p, TnObject *v)
{
    char c = it->code;
    bool native = it->native_checks;
    bool is_unsigned = c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N';
    /* 'B' always, and 'H' with the native checks, read the value as a
     * signed long (CPython's np_ubyte/np_ushort): a negative one gets the
     * range message, not "argument out of range". */
    bool signed_read = c == 'B' || (c == 'H' && native);
    int64_t sv;
    uint64_t uv;
    bool fits;
    if (int_words(v, is_unsigned && !signed_read, &sv, &uv, &fits) < 0)
        return -1;
    /* 'q'/'Q' standard big-endian: _PyLong_AsByteArray's OverflowError
     * (made "int too large to convert" by the caller). */
    if (!fits && !native && (c == 'q' || c == 'Q')) {
        tn_err_format(&tn_exc_OverflowError, "int too large to convert");
        return -1;
    }
    if (!fits) {
        struct_err("argument out of range");
        return -1;
    }
    if (c == 'b' && (sv < -128 || sv > 127)) {
        struct_err("byte format requires -128 <= number <= 127");
        return -1;
    }
    if (c == 'B' && (sv < 0 || sv > 255)) {
        struct_err("ubyte format requires 0 <= number <= 255");
        return -1;
    }
    if (native && c == 'h' && (sv < -32768 || sv > 32767)) {
        struct_err("short format requires -32768 <= number <= 32767");
        return -1;
    }
    if (native && c == 'H' && (sv < 0 || sv > 65535)) {
        struct_err("ushort format requires 0 <= number <= 65535");
        return -1;
    }
    if (!is_unsigned && it->size < 8) {
        int64_t largest = ((int64_t)1 << (8 * it->size - 1)) - 1;
        if (sv < -largest - 1 || sv > largest) {
            struct_err("'%c' format requires %lld <= number <= %lld", c, (long long)(-largest - 1), (long long)largest);
            return -1;
        }
    }
    if (is_unsigned && it->size < 8) {
        uint64_t largest = ((uint64_t)1 << (8 * it->size)) - 1;
        if (uv > largest) {
            struct_err("'%c' format requires 0 <= number <= %llu", c, (unsigned long long)largest);
            return -1;
        }
    }
    put_bytes(p, is_unsigned ? uv : (uint64_t)sv, it->size, it->little);
    return 0;
}

/* CPython's PyFloat_Pack2 (IEEE half precision, round half to even). */
static int pack_half(double x, char *p, bool little)
{
    unsigned short bits;
    int e, sign;
    if (x == 0.0) {
        sign = copysign(1.0, x) == -1.0;
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        sign = copysign(1.0, x) == -1.0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        if (sign)
            x = -x;
        double f = frexp(x, &e);
        f *= 2.0;
        e--;
        if (e >= 16)
            goto overflow;
        if (e < -25) {
            f = 0.0;
            e = 0;
        } else if (e < -14) {
            f = ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = (unsigned short)f;
        if ((f - bits > 0.5) || ((f - bits == 0.5) && (bits % 2 == 1))) {
            if (++bits == 1024) {
                bits = 0;
                if (++e == 31)
                    goto overflow;
            }
        }
    }
    bits |= (unsigned short)((e << 10) | (sign << 15));
    put_bytes(p, bits, 2, little);
    return 0;
overflow:
    tn_err_format(&tn_exc_OverflowError, "float too large to pack with e format");
    return -1;
}

static double unpack_half(const char *p, bool little)
{
    unsigned int bits = (unsigned int)get_bytes(p, 2, little);
    int sign = (bits >> 15) & 1, e = (bits >> 10) & 0x1f;
    unsigned int f = bits & 0x3ff;
    if (e == 0x1f)
        return f == 0 ? (sign ? -HUGE_VAL : HUGE_VAL) : (sign ? -NAN : NAN);
    double x = (double)f / 1024.0;
    if (e == 0) {
        e = -14;
    } else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}

static int pack_float(const Item *it, char *p, TnObject *v)
{
    double x = tn_float_as_double(v);
    if (x == -1.0 && tn_err_occurred() != NULL) {
        tn_err_clear();
        struct_err("required argument is not a float");
        return -1;
    }
    if (it->code == 'e')
        return pack_half(x, p, it->little);
    if (it->code == 'd') {
        uint64_t u;
        memcpy(&u, &x, 8);
        put_bytes(p, u, 8, it->little);
        return 0;
    }
    float y = (float)x;
    if (!it->native_checks && isinf(y) && !isinf(x)) {
        tn_err_format(&tn_exc_OverflowError, "float too large to pack with f format");
        return -1;
    }
    uint32_t u;
    memcpy(&u, &y, 4);
    put_bytes(p, u, 4, it->little);
    return 0;
}

static int pack_one(const Item *it, char *p, TnObject *v)
{
    switch (it->code) {
    case 'c':
        if (!tn_bytes_check(v) || tn_bytes_size(v) != 1) {
            struct_err("char format requires a bytes object of length 1");
            return -1;
        }
        *p = tn_bytes_data(v)[0];
        return 0;
    case '?': {
        int t = tn_object_is_true(v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    case 's': case 'p': {
        const char *data;
        tn_ssize_t n;
        if (!(tn_bytes_check(v) || tn_bytearray_check(v)) || tn_bytes_like(v, &data, &n) != 1) {
            struct_err("argument for '%c' must be a bytes object", it->code);
            return -1;
        }
        tn_ssize_t room = it->code == 'p' ? it->size - 1 : it->size;
        if (room < 0)
            return 0;   /* '0p' */
        if (n > room)
            n = room;
        memcpy(it->code == 'p' ? p + 1 : p, data, (size_t)n);
        if (it->code == 'p')
            *p = (char)(unsigned char)(n > 255 ? 255 : n);
        return 0;
    }
    case 'e': case 'f': case 'd':
        return pack_float(it, p, v);
    case 'P': {
        int64_t sv;
        uint64_t uv;
        bool fits;
        if (int_words(v, tn_int_check(v) && tn_int_sign(v) > 0, &sv, &uv, &fits) < 0)
            return -1;
        if (!fits) {
            tn_err_format(&tn_exc_OverflowError, "int too large to convert");
            return -1;
        }
        put_bytes(p, tn_int_check(v) && tn_int_sign(v) > 0 ? uv : (uint64_t)sv, 8, true);
        return 0;
    }
    default:
        return pack_int(it, p, v);
    }
}

static TnObject *unpack_one(const Item *it, const char *p)
{
    switch (it->code) {
    case 'c':
        return tn_bytes_from_data(p, 1);
    case '?':
        return tn_bool_from(*p != 0);
    case 's':
        return tn_bytes_from_data(p, it->size);
    case 'p': {
        tn_ssize_t n = it->size > 0 ? (unsigned char)p[0] : 0;
        if (n >= it->size)
            n = it->size - 1;
        return tn_bytes_from_data(p + 1, n < 0 ? 0 : n);
    }
    case 'e':
        return tn_float_from_double(unpack_half(p, it->little));
    case 'f': {
        uint32_t u = (uint32_t)get_bytes(p, 4, it->little);
        float y;
        memcpy(&y, &u, 4);
        return tn_float_from_double(y);
    }
    case 'd': {
        uint64_t u = get_bytes(p, 8, it->little);
        double x;
        memcpy(&x, &u, 8);
        return tn_float_from_double(x);
    }
    default: {
        uint64_t u = get_bytes(p, it->size, it->little);
        char c = it->code;
        if (c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P') {
            if (u <= (uint64_t)INT64_MAX)
                return tn_int_from_i64((int64_t)u);
            char buf[32];
            snprintf(buf, sizeof buf, "%llu", (unsigned long long)u);
            return tn_int_from_string(buf, (tn_ssize_t)strlen(buf), 10);
        }
        if (it->size < 8 && (u >> (8 * it->size - 1)) & 1)
            u |= ~(uint64_t)0 << (8 * it->size);   /* sign-extend */
        return tn_int_from_i64((int64_t)u);
    }
    }
}

/* ---- Struct ---- */

static StructObject *struct_cast(TnObject *o)
{
    return (StructObject *)o;
}

/* The format as a C string (str or bytes).  Borrowed data kept alive by fmt. */
static const char *format_cstr(TnObject *fmt)
{
    if (tn_str_check(fmt)) {
        const char *s = tn_str_utf8(fmt, NULL);
        return s;
    }
    if (tn_bytes_check(fmt))
        return tn_bytes_data(fmt);
    tn_err_format(&tn_exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                  tn_type_name(tn_type(fmt)));
    return NULL;
}

static TnObject *struct_make(TnType *type, TnObject *fmt)
{
    const char *s = format_cstr(fmt);
    if (s == NULL)
        return NULL;
    StructObject *st = (StructObject *)tn_object_new(type, (size_t)type->basicsize);
    if (st == NULL)
        return NULL;
    st->format = tn_str_check(fmt) ? tn_newref(fmt) : tn_str_from_cstr(s);
    if (st->format == NULL || parse_format(s, &st->items, &st->nitems, &st->size) < 0) {
        tn_decref(TN_OBJ(st));
        return NULL;
    }
    return TN_OBJ(st);
}

static TnObject *struct_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"format", NULL};
    TnObject *a[1];
    if (tn_args_parse("Struct", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    return struct_make(type, a[0]);
}

static void struct_dealloc(TnObject *self)
{
    StructObject *st = struct_cast(self);
    TN_CLEAR(st->format);
    tn_mem_free(st->items);
    tn_object_free(self);
}

/* Pack values into buf (st->size bytes, zeroed).  0 / -1. */
static int pack_into_buf(StructObject *st, TnObject *const *values, tn_ssize_t n, char *buf)
{
    if (n != st->nitems) {
        struct_err("pack expected %zd items for packing (got %zd)", st->nitems, n);
        return -1;
    }
    memset(buf, 0, (size_t)st->size);
    for (tn_ssize_t i = 0; i < n; i++) {
        if (pack_one(&st->items[i], buf + st->items[i].offset, values[i]) < 0) {
            if (tn_int_check(values[i]) && tn_err_matches(&tn_exc_OverflowError)) {
                tn_err_clear();
                struct_err("int too large to convert");
            }
            return -1;
        }
    }
    return 0;
}

static TnObject *struct_pack_values(StructObject *st, TnObject *const *values, tn_ssize_t n)
{
    char *buf = tn_mem_alloc((size_t)(st->size > 0 ? st->size : 1));
    if (buf == NULL)
        return tn_err_no_memory();
    TnObject *r = pack_into_buf(st, values, n, buf) == 0 ? tn_bytes_from_data(buf, st->size) : NULL;
    tn_mem_free(buf);
    return r;
}

static TnObject *unpack_data(StructObject *st, const char *data)
{
    TnObject *t = tn_tuple_new(st->nitems);
    if (t == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < st->nitems; i++) {
        TnObject *v = unpack_one(&st->items[i], data + st->items[i].offset);
        if (v == NULL) {
            for (tn_ssize_t j = i; j < st->nitems; j++)
                tn_tuple_set_steal(t, j, tn_none_ref());
            tn_decref(t);
            return NULL;
        }
        tn_tuple_set_steal(t, i, v);
    }
    return t;
}

/* A read view of a bytes-like object, or TypeError.  1 / -1. */
static int read_view(TnObject *buffer, TnBytesView *v)
{
    int r = tn_bytes_view(buffer, v);
    if (r == 0)
        tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(buffer)));
    return r == 1 ? 1 : -1;
}

static TnObject *struct_unpack_buffer(StructObject *st, TnObject *buffer)
{
    TnBytesView v;
    if (read_view(buffer, &v) < 0)
        return NULL;
    TnObject *r = v.n != st->size ? struct_err("unpack requires a buffer of %zd bytes", st->size)
                                   : unpack_data(st, v.d);
    tn_bytes_view_release(&v);
    return r;
}

static TnObject *struct_unpack_from_buffer(StructObject *st, TnObject *buffer, tn_ssize_t offset)
{
    TnBytesView v;
    if (read_view(buffer, &v) < 0)
        return NULL;
    TnObject *r = NULL;
    if (offset < 0) {
        if (offset + v.n < 0) {
            struct_err("offset %zd out of range for %zd-byte buffer", offset, v.n);
            goto done;
        }
        offset += v.n;
    }
    if (v.n - offset < st->size) {
        struct_err("unpack_from requires a buffer of at least %zu bytes for unpacking %zd bytes at offset %zd "
                   "(actual buffer size is %zd)", (size_t)(st->size + offset), st->size, offset, v.n);
        goto done;
    }
    r = unpack_data(st, v.d + offset);
done:
    tn_bytes_view_release(&v);
    return r;
}

/* Copy buf into the bytearray (or a writable view of one) at offset, with
 * CPython's checks.  Lock held (the bytearray's). */
static int write_bytearray_lock_held(TnObject *ba, tn_ssize_t start, tn_ssize_t len, tn_ssize_t offset,
                                     const char *buf, tn_ssize_t size)
{
    if (offset < 0) {
        if (offset + size > 0) {
            struct_err("no space to pack %zd bytes at offset %zd", size, offset);
            return -1;
        }
        if (offset + len < 0) {
            struct_err("offset %zd out of range for %zd-byte buffer", offset, len);
            return -1;
        }
        offset += len;
    }
    if (len - offset < size) {
        struct_err("pack_into requires a buffer of at least %zu bytes for packing %zd bytes at offset %zd "
                   "(actual buffer size is %zd)", (size_t)(size + offset), size, offset, len);
        return -1;
    }
    memcpy(((TnByteArray *)ba)->data + start + offset, buf, (size_t)size);
    return 0;
}

static int struct_write(TnObject *buffer, tn_ssize_t offset, const char *buf, tn_ssize_t size)
{
    TnObject *ba = buffer;
    tn_ssize_t start = 0, len = -1;
    if (tn_memoryview_check(buffer)) {
        TnMemoryView *mv = (TnMemoryView *)buffer;
        ba = mv->obj;
        if (ba == NULL || mv->readonly || mv->step != 1 || !tn_bytearray_check(ba)) {
            tn_err_format(&tn_exc_TypeError, "argument must be read-write bytes-like object, not memoryview");
            return -1;
        }
        start = mv->start;
        len = mv->length;
    } else if (!tn_bytearray_check(buffer)) {
        tn_err_format(&tn_exc_TypeError, "argument must be read-write bytes-like object, not %s",
                      tn_type_name(tn_type(buffer)));
        return -1;
    }
    int r;
    TN_BEGIN_CRITICAL_SECTION(ba);
    r = write_bytearray_lock_held(ba, start, len >= 0 ? len : ((TnByteArray *)ba)->size, offset, buf, size);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *struct_pack_into_values(StructObject *st, TnObject *buffer, TnObject *offset_obj,
                                         TnObject *const *values, tn_ssize_t n)
{
    tn_ssize_t offset = tn_number_as_ssize(offset_obj, &tn_exc_IndexError);
    if (offset == -1 && tn_err_occurred() != NULL)
        return NULL;
    char *buf = tn_mem_alloc((size_t)(st->size > 0 ? st->size : 1));
    if (buf == NULL)
        return tn_err_no_memory();
    int r = pack_into_buf(st, values, n, buf);
    if (r == 0)
        r = struct_write(buffer, offset, buf, st->size);
    tn_mem_free(buf);
    return r == 0 ? tn_none_ref() : NULL;
}

/* ---- iter_unpack ---- */

typedef struct {
    TnObject ob;
    TnObject *st;
    TnObject *buffer;     /* a bytes snapshot */
    tn_ssize_t index;
} UnpackIterObject;

static TnType unpackiter_type;

static TnObject *unpackiter_next_lock_held(TnObject *self)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    StructObject *st = struct_cast(it->st);
    if (it->buffer == NULL || it->index + st->size > tn_bytes_size(it->buffer)) {
        TN_CLEAR(it->buffer);
        return NULL;
    }
    TnObject *r = unpack_data(st, tn_bytes_data(it->buffer) + it->index);
    it->index += st->size;
    return r;
}

static TnObject *unpackiter_next(TnObject *self)
{
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    r = unpackiter_next_lock_held(self);
    TN_END_CRITICAL_SECTION();
    return r;
}

static TnObject *unpackiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    tn_ssize_t n;
    TN_BEGIN_CRITICAL_SECTION(self);
    n = it->buffer != NULL ? (tn_bytes_size(it->buffer) - it->index) / struct_cast(it->st)->size : 0;
    TN_END_CRITICAL_SECTION();
    return tn_int_from_ssize(n);
}

static const TnMethodDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static void unpackiter_dealloc(TnObject *self)
{
    TN_CLEAR(((UnpackIterObject *)self)->st);
    TN_CLEAR(((UnpackIterObject *)self)->buffer);
    tn_object_free(self);
}

static TnObject *self_iter(TnObject *self)
{
    return tn_newref(self);
}

static TnType unpackiter_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_struct.unpack_iterator",
    .basicsize = sizeof(UnpackIterObject),
    .dealloc = unpackiter_dealloc,
    .getattro = tn_object_generic_getattr,
    .iter = self_iter,
    .iternext = unpackiter_next,
    .methods = unpackiter_methods,
};

static TnObject *struct_iter_unpack_buffer(TnObject *self, TnObject *buffer)
{
    StructObject *st = struct_cast(self);
    if (st->size == 0)
        return struct_err("cannot iteratively unpack with a struct of length 0");
    TnObject *snap = tn_bytes_snapshot_ref(buffer);
    if (snap == NULL) {
        if (tn_err_occurred() == NULL)
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(buffer)));
        return NULL;
    }
    if (tn_bytes_size(snap) % st->size != 0) {
        tn_decref(snap);
        return struct_err("iterative unpacking requires a buffer of a multiple of %zd bytes", st->size);
    }
    UnpackIterObject *it = (UnpackIterObject *)tn_object_new(&unpackiter_type, sizeof(UnpackIterObject));
    if (it == NULL) {
        tn_decref(snap);
        return NULL;
    }
    it->st = tn_newref(self);
    it->buffer = snap;
    return TN_OBJ(it);
}

/* ---- Struct methods ---- */

static TnObject *struct_pack_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("pack", kwnames) < 0)
        return NULL;
    return struct_pack_values(struct_cast(self), args, nargs);
}

static TnObject *struct_pack_into_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("pack_into", kwnames) < 0)
        return NULL;
    if (nargs < 2)
        return struct_err(nargs == 0 ? "pack_into expected buffer argument" : "pack_into expected offset argument");
    return struct_pack_into_values(struct_cast(self), args[0], args[1], args + 2, nargs - 2);
}

static TnObject *struct_unpack_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("unpack", kwnames) < 0 || tn_args_count("unpack", nargs, 1, 1) < 0)
        return NULL;
    return struct_unpack_buffer(struct_cast(self), args[0]);
}

static TnObject *struct_unpack_from_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"buffer", "offset", NULL};
    TnObject *a[2];
    if (tn_args_parse("unpack_from", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    tn_ssize_t offset = 0;
    if (a[1] != NULL && (offset = tn_number_as_ssize(a[1], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return NULL;
    return struct_unpack_from_buffer(struct_cast(self), a[0], offset);
}

static TnObject *struct_iter_unpack_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("iter_unpack", kwnames) < 0 || tn_args_count("iter_unpack", nargs, 1, 1) < 0)
        return NULL;
    return struct_iter_unpack_buffer(self, args[0]);
}

static TnObject *struct_get_format(TnObject *self, void *closure)
{
    return tn_newref(struct_cast(self)->format);
}

static TnObject *struct_get_size(TnObject *self, void *closure)
{
    return tn_int_from_ssize(struct_cast(self)->size);
}

static const TnGetSetDef struct_getsets[] = {
    {"format", struct_get_format, NULL, "struct format string", NULL},
    {"size", struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnMethodDef struct_methods[] = {
    {"pack", struct_pack_meth, 0, "S.pack(v1, v2, ...) -> bytes"},
    {"pack_into", struct_pack_into_meth, 0, "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", struct_unpack_meth, 0, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", struct_unpack_from_meth, 0, "Return a tuple containing values unpacked according to the format string."},
    {"iter_unpack", struct_iter_unpack_meth, 0, "Return an iterator yielding tuples."},
    {NULL, NULL, 0, NULL},
};

static TnType struct_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_struct.Struct",
    .basicsize = sizeof(StructObject),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = struct_dealloc,
    .getattro = tn_object_generic_getattr,
    .new_ = struct_new,
    .methods = struct_methods,
    .getsets = struct_getsets,
    .doc = "Struct(fmt) --> compiled struct object\n\n",
};

/* ---- module functions: a Struct for the format, then its method ---- */

static TnObject *struct_for(TnObject *fmt)
{
    return struct_make(&struct_type, fmt);
}

static TnObject *module_pack(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("pack", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return tn_err_format(&tn_exc_TypeError, "missing format argument");
    TnObject *st = struct_for(args[0]);
    TnObject *r = st != NULL ? struct_pack_values(struct_cast(st), args + 1, nargs - 1) : NULL;
    tn_xdecref(st);
    return r;
}

static TnObject *module_pack_into(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("pack_into", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return tn_err_format(&tn_exc_TypeError, "missing format argument");
    if (nargs < 3)
        return struct_err(nargs == 1 ? "pack_into expected buffer argument" : "pack_into expected offset argument");
    TnObject *st = struct_for(args[0]);
    TnObject *r = st != NULL ? struct_pack_into_values(struct_cast(st), args[1], args[2], args + 3, nargs - 3) : NULL;
    tn_xdecref(st);
    return r;
}

static TnObject *module_unpack(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("unpack", kwnames) < 0 || tn_args_count("unpack", nargs, 2, 2) < 0)
        return NULL;
    TnObject *st = struct_for(args[0]);
    TnObject *r = st != NULL ? struct_unpack_buffer(struct_cast(st), args[1]) : NULL;
    tn_xdecref(st);
    return r;
}

static TnObject *module_unpack_from(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"format", "buffer", "offset", NULL};
    TnObject *a[3];
    if (tn_args_parse("unpack_from", args, nargs, kwnames, names, 1, 2, a) < 0)
        return NULL;
    tn_ssize_t offset = 0;
    if (a[2] != NULL && (offset = tn_number_as_ssize(a[2], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return NULL;
    TnObject *st = struct_for(a[0]);
    TnObject *r = st != NULL ? struct_unpack_from_buffer(struct_cast(st), a[1], offset) : NULL;
    tn_xdecref(st);
    return r;
}

static TnObject *module_iter_unpack(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("iter_unpack", kwnames) < 0 || tn_args_count("iter_unpack", nargs, 2, 2) < 0)
        return NULL;
    TnObject *st = struct_for(args[0]);
    TnObject *r = st != NULL ? struct_iter_unpack_buffer(st, args[1]) : NULL;
    tn_xdecref(st);
    return r;
}

static TnObject *module_calcsize(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("calcsize", kwnames) < 0 || tn_args_count("calcsize", nargs, 1, 1) < 0)
        return NULL;
    TnObject *st = struct_for(args[0]);
    TnObject *r = st != NULL ? tn_int_from_ssize(struct_cast(st)->size) : NULL;
    tn_xdecref(st);
    return r;
}

static TnObject *module_clearcache(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    /* Tandem keeps no cache of Structs. */
    return tn_none_ref();
}

static const TnMethodDef struct_functions[] = {
    {"pack", module_pack, 0, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into", module_pack_into, 0, "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", module_unpack, 0, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", module_unpack_from, 0, "Return a tuple containing values unpacked according to the format string."},
    {"iter_unpack", module_iter_unpack, 0, "Return an iterator yielding tuples unpacked from the given bytes."},
    {"calcsize", module_calcsize, 0, "Return size in bytes of the struct described by the format string."},
    {"_clearcache", module_clearcache, 0, "Clear the internal cache."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_struct_module_create(void)
{
    if (tn_type_ready(&struct_type) < 0 || tn_type_ready(&unpackiter_type) < 0)
        return NULL;
    if (struct_error == NULL && (struct_error = tn_exception_class_new("struct", "error", &tn_exc_Exception)) == NULL)
        return NULL;
    TnObject *m = tn_module_new("_struct");
    if (m == NULL || tn_module_add_functions(m, struct_functions) < 0 ||
        tn_module_add_object(m, "Struct", TN_OBJ(&struct_type)) < 0 ||
        tn_module_add_object(m, "error", struct_error) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}
