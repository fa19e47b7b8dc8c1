/* core/objects/int.c — int, machine-word representation.
 *
 * The value is an int64_t.  Every operation whose exact result does not fit
 * raises OverflowError ("integer overflow: big integers are not supported
 * yet") rather than give a wrong answer; the arbitrary-precision
 * representation arrives with the language issue behind the same API.
 *
 * Values -5..256 are static immortal objects (small_ints), filled by
 * tn_int_init_types.  Number slots return NotImplemented when an operand
 * is not an int, so the abstract layer can try the other operand (float's
 * slots accept ints on either side).
 *
 * bool is a subclass of int: its number table (tn_bool_as_number) lives
 * here because it shares int's slot functions; the type itself is in
 * singletons.c.
 */
#include "core/tn.h"

#include <math.h>
#include <stdio.h>

#define SMALL_NEG 5
#define SMALL_POS 257    /* exclusive upper bound */

static TnInt small_ints[SMALL_NEG + SMALL_POS] = {
    [0 ... SMALL_NEG + SMALL_POS - 1] = {.ob = TN_STATIC_OBJECT_HEAD(&tn_type_int)},
};

static inline int64_t ival(const TnObject *op) { return ((const TnInt *)op)->value; }

static TnObject *int_overflow(void)
{
    return tn_err_format(&tn_exc_OverflowError, "integer overflow: big integers are not supported yet");
}

static TnObject *notimpl(void) { return tn_newref(TN_NOTIMPLEMENTED); }

int tn_int_init_types(void)
{
    for (int i = 0; i < SMALL_NEG + SMALL_POS; i++)
        small_ints[i].value = i - SMALL_NEG;
    return 0;
}

TnObject *tn_int_from_i64(int64_t v)
{
    if (v >= -SMALL_NEG && v < SMALL_POS)
        return TN_OBJ(&small_ints[v + SMALL_NEG]);
    TnInt *o = tn_freelist_pop(&tn_tstate()->int_freelist);
    if (o != NULL)
        tn_object_init(TN_OBJ(o), &tn_type_int);
    else if ((o = (TnInt *)tn_object_new(&tn_type_int, sizeof(TnInt))) == NULL)
        return NULL;
    o->value = v;
    return TN_OBJ(o);
}

/* An instance of `type` (int or a subclass) holding v. */
static TnObject *int_new_of_type(TnType *type, int64_t v)
{
    if (type == &tn_type_int)
        return tn_int_from_i64(v);
    TnInt *o = (TnInt *)tn_object_new(type, (size_t)type->basicsize);
    if (o == NULL)
        return NULL;
    o->value = v;
    return TN_OBJ(o);
}

int64_t tn_int_as_i64(TnObject *op, int *overflow)
{
    *overflow = 0;
    return ival(op);
}

tn_ssize_t tn_int_as_ssize(TnObject *op)
{
    int64_t v = ival(op);
    if (v > INTPTR_MAX || v < INTPTR_MIN) {
        tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (tn_ssize_t)v;
}

int tn_int_sign(TnObject *op)
{
    int64_t v = ival(op);
    return v < 0 ? -1 : v > 0;
}

double tn_int_as_double(TnObject *op)
{
    /* Correctly rounded (round-half-even), as PyLong_AsDouble. */
    return (double)ival(op);
}

/* ---- to string ---------------------------------------------------------- */

/* Writes the digits of |v| in base (2..36) backwards ending at end;
 * returns the start. */
static char *digits_backwards(char *end, uint64_t mag, int base, bool upper)
{
    const char *dig = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    char *p = end;
    do {
        *--p = dig[mag % (unsigned)base];
        mag /= (unsigned)base;
    } while (mag != 0);
    return p;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

TnObject *tn_int_to_str(TnObject *op, int base)
{
    char buf[80];
    char *end = buf + sizeof buf;
    int64_t v = ival(op);
    char *p = digits_backwards(end, magnitude(v), base, false);
    if (base == 2 || base == 8 || base == 16) {
        *--p = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        *--p = '0';
    }
    if (v < 0)
        *--p = '-';
    return tn_str_from_utf8(p, end - p);
}

static TnObject *int_repr(TnObject *op) { return tn_int_to_str(op, 10); }

/* ---- parsing ------------------------------------------------------------ */

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* ValueError "invalid literal for int() with base B: 'text'" with the repr
 * of the original text cut to 200 characters (CPython's %.200R). */
static TnObject *invalid_literal(const char *s, tn_ssize_t len, int base)
{
    TnObject *str = tn_str_from_utf8(s, len);
    if (str == NULL) {
        tn_err_clear();
        return tn_err_format(&tn_exc_ValueError, "invalid literal for int() with base %d", base);
    }
    tn_err_format(&tn_exc_ValueError, "invalid literal for int() with base %d: %.200R", base, str);
    tn_decref(str);
    return NULL;
}

static bool is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
}

/* Parse an ASCII literal in p[0..n) (no surrounding whitespace).  Returns 1
 * with *out set, 0 if it is not a valid literal, -1 on overflow (raised). */
static int parse_ascii_int(const char *p, tn_ssize_t n, int base, int64_t *out)
{
    tn_ssize_t i = 0;
    bool neg = false;
    if (i < n && (p[i] == '+' || p[i] == '-')) {
        neg = p[i] == '-';
        i++;
    }
    bool had_prefix = false;
    if (n - i >= 2 && p[i] == '0') {
        char c = (char)(p[i + 1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
            had_prefix = true;
        }
    }
    bool base0_decimal = false;
    if (base == 0) {
        base = 10;
        base0_decimal = true;
    }
    if (i >= n)
        return 0;
    /* After a prefix one underscore may precede the first digit. */
    if (had_prefix && p[i] == '_')
        i++;
    uint64_t mag = 0;
    bool overflow = false, any = false, nonzero = false, leading_zero = false;
    tn_ssize_t first = i;
    for (; i < n; i++) {
        if (p[i] == '_') {
            if (i == first || i + 1 >= n || p[i + 1] == '_' || p[i - 1] == '_')
                return 0;
            continue;
        }
        int d = digit_value((unsigned char)p[i]);
        if (d >= base)
            return 0;
        if (!any && d == 0)
            leading_zero = true;
        any = true;
        if (d != 0)
            nonzero = true;
        if (__builtin_mul_overflow(mag, (uint64_t)base, &mag)
            || __builtin_add_overflow(mag, (uint64_t)d, &mag))
            overflow = true;
    }
    if (!any)
        return 0;
    /* Base 0: "010" is not a valid literal (only zeros may start with 0). */
    if (base0_decimal && leading_zero && nonzero)
        return 0;
    if (overflow || mag > (uint64_t)INT64_MAX + (neg ? 1 : 0)) {
        int_overflow();
        return -1;
    }
    *out = neg ? (int64_t)((uint64_t)0 - mag) : (int64_t)mag;
    return 1;
}

/* Convert the non-ASCII parts of a literal to ASCII as CPython does:
 * Unicode decimal digits become '0'..'9', Unicode whitespace becomes ' '.
 * Returns a malloc'd NUL-terminated buffer (length in *outlen), NULL with
 * *bad = 1 if some other non-ASCII character occurs, NULL with an error
 * set on MemoryError or invalid UTF-8. */
static char *transform_to_ascii(const char *s, tn_ssize_t len, tn_ssize_t *outlen, int *bad)
{
    *bad = 0;
    TnObject *str = tn_str_from_utf8(s, len);
    if (str == NULL)
        return NULL;
    tn_ssize_t n = tn_str_length(str);
    char *buf = tn_mem_alloc((size_t)n + 1);
    if (buf == NULL) {
        tn_decref(str);
        tn_err_no_memory();
        return NULL;
    }
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t c = tn_str_read(str, i);
        int d;
        if (c < 128)
            buf[i] = (char)c;
        else if (tn_unicode_isspace(c))
            buf[i] = ' ';
        else if ((d = tn_unicode_decimal(c)) >= 0)
            buf[i] = (char)('0' + d);
        else {
            tn_mem_free(buf);
            tn_decref(str);
            *bad = 1;
            return NULL;
        }
    }
    buf[n] = '\0';
    *outlen = n;
    tn_decref(str);
    return buf;
}

TnObject *tn_int_from_string(const char *s, tn_ssize_t len, int base)
{
    if (base != 0 && (base < 2 || base > 36))
        return tn_err_format(&tn_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    const char *p = s;
    tn_ssize_t n = len;
    char *tmp = NULL;
    for (tn_ssize_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            int bad;
            tmp = transform_to_ascii(s, len, &n, &bad);
            if (tmp == NULL)
                return bad ? invalid_literal(s, len, base) : NULL;
            p = tmp;
            break;
        }
    }
    while (n > 0 && is_ascii_space((unsigned char)p[0])) {
        p++;
        n--;
    }
    while (n > 0 && is_ascii_space((unsigned char)p[n - 1]))
        n--;
    int64_t v = 0;
    int r = parse_ascii_int(p, n, base, &v);
    tn_mem_free(tmp);
    if (r < 0)
        return NULL;
    if (r == 0)
        return invalid_literal(s, len, base);
    return tn_int_from_i64(v);
}

/* ---- hash and comparison ------------------------------------------------- */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

tn_hash_t tn_int_hash(TnObject *op)
{
    int64_t v = ival(op);
    uint64_t h = magnitude(v) % HASH_MODULUS;
    tn_hash_t r = v < 0 ? -(tn_hash_t)h : (tn_hash_t)h;
    return r == -1 ? -2 : r;
}

static TnObject *cmp_result(int c, int op)
{
    return tn_bool_from(TN_RICHCOMPARE(c, 0, op));
}

TnObject *tn_int_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_int_check(a) || !tn_int_check(b))
        return notimpl();
    int64_t x = ival(a), y = ival(b);
    return cmp_result(x < y ? -1 : x > y, op);
}

/* ---- arithmetic ----------------------------------------------------------- */

#define BOTH_INTS(a, b) (tn_int_check(a) && tn_int_check(b))

static TnObject *int_add(TnObject *a, TnObject *b)
{
    int64_t r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (__builtin_add_overflow(ival(a), ival(b), &r))
        return int_overflow();
    return tn_int_from_i64(r);
}

static TnObject *int_sub(TnObject *a, TnObject *b)
{
    int64_t r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (__builtin_sub_overflow(ival(a), ival(b), &r))
        return int_overflow();
    return tn_int_from_i64(r);
}

static TnObject *int_mul(TnObject *a, TnObject *b)
{
    int64_t r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (__builtin_mul_overflow(ival(a), ival(b), &r))
        return int_overflow();
    return tn_int_from_i64(r);
}

/* Python floor division and modulo of x by y (y != 0).  Returns -1 on
 * overflow (INT64_MIN // -1). */
static int floor_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r)
{
    if (y == -1) {
        if (x == INT64_MIN)
            return -1;
        *q = -x;
        *r = 0;
        return 0;
    }
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq -= 1;
        rr += y;
    }
    *q = qq;
    *r = rr;
    return 0;
}

static TnObject *int_floordiv(TnObject *a, TnObject *b)
{
    int64_t q, r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (ival(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "integer division or modulo by zero");
    if (floor_divmod(ival(a), ival(b), &q, &r) < 0)
        return int_overflow();
    return tn_int_from_i64(q);
}

static TnObject *int_mod(TnObject *a, TnObject *b)
{
    int64_t q, r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (ival(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "integer modulo by zero");
    if (ival(b) == -1)
        return tn_int_from_i64(0);
    floor_divmod(ival(a), ival(b), &q, &r);
    return tn_int_from_i64(r);
}

static TnObject *int_divmod(TnObject *a, TnObject *b)
{
    int64_t q, r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (ival(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "integer division or modulo by zero");
    if (floor_divmod(ival(a), ival(b), &q, &r) < 0)
        return int_overflow();
    TnObject *qo = tn_int_from_i64(q);
    TnObject *ro = tn_int_from_i64(r);
    TnObject *t = NULL;
    if (qo != NULL && ro != NULL)
        t = tn_tuple_pack(2, qo, ro);
    tn_xdecref(qo);
    tn_xdecref(ro);
    return t;
}

static int bit_length_u64(uint64_t m)
{
    return m == 0 ? 0 : 64 - __builtin_clzll(m);
}

/* Correctly rounded a / b for b != 0 (CPython's long_true_divide gives the
 * nearest double; a plain (double)a / (double)b rounds twice when |a| or
 * |b| exceeds 2**53). */
static double true_divide_exact(int64_t a, int64_t b)
{
    bool neg = (a < 0) != (b < 0);
    uint64_t x = magnitude(a), y = magnitude(b);
    if (x == 0)
        return neg ? -0.0 : 0.0;
    if (x <= ((uint64_t)1 << 53) && y <= ((uint64_t)1 << 53)) {
        double r = (double)x / (double)y;
        return neg ? -r : r;
    }
    /* Scale so the integer quotient has at least 55 significant bits, keep
     * a sticky bit for the remainder, and let the (exact-rounding) integer
     * to double conversion do the rounding. */
    int k = 56 - (bit_length_u64(x) - bit_length_u64(y));
    if (k < 0)
        k = 0;
    unsigned __int128 num = (unsigned __int128)x << k;
    unsigned __int128 q = num / y, rem = num % y;
    uint64_t q64 = (uint64_t)q | (rem != 0);
    double r = ldexp((double)q64, -k);
    return neg ? -r : r;
}

static TnObject *int_truediv(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (ival(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "division by zero");
    return tn_float_from_double(true_divide_exact(ival(a), ival(b)));
}

/* x**e for e >= 0; returns -1 on overflow. */
static int ipow(int64_t x, uint64_t e, int64_t *out)
{
    int64_t result = 1, base = x;
    while (e != 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, base, &result))
                return -1;
        }
        e >>= 1;
        if (e != 0 && __builtin_mul_overflow(base, base, &base))
            return -1;
    }
    *out = result;
    return 0;
}

/* Inverse of a modulo m (m > 1), or -1 when gcd(a, m) != 1. */
static int64_t mod_inverse(int64_t a, int64_t m)
{
    __int128 t = 0, newt = 1, r = m, newr = a;
    while (newr != 0) {
        __int128 q = r / newr, tmp;
        tmp = t - q * newt;
        t = newt;
        newt = tmp;
        tmp = r - q * newr;
        r = newr;
        newr = tmp;
    }
    if (r != 1)
        return -1;
    if (t < 0)
        t += m;
    return (int64_t)t;
}

static TnObject *int_pow_mod(int64_t x, int64_t y, int64_t m)
{
    if (m == 0)
        return tn_err_format(&tn_exc_ValueError, "pow() 3rd argument cannot be 0");
    uint64_t um = magnitude(m);
    if (um == 1)
        return tn_int_from_i64(0);
    /* Work with a modulus that fits a signed 128-bit product. */
    __int128 mm = (__int128)um;
    __int128 base = (__int128)x % mm;
    if (base < 0)
        base += mm;
    uint64_t e;
    if (y < 0) {
        if (um > (uint64_t)INT64_MAX)
            return int_overflow();
        int64_t inv = mod_inverse((int64_t)base, (int64_t)um);
        if (inv < 0)
            return tn_err_format(&tn_exc_ValueError, "base is not invertible for the given modulus");
        base = inv;
        e = magnitude(y);
    } else {
        e = (uint64_t)y;
    }
    __int128 result = 1 % mm;
    while (e != 0) {
        if (e & 1)
            result = (__int128)(((unsigned __int128)result * (unsigned __int128)base) % (unsigned __int128)mm);
        e >>= 1;
        if (e != 0)
            base = (__int128)(((unsigned __int128)base * (unsigned __int128)base) % (unsigned __int128)mm);
    }
    if (m < 0 && result != 0)
        result -= mm;
    if (result > INT64_MAX || result < INT64_MIN)
        return int_overflow();
    return tn_int_from_i64((int64_t)result);
}

static TnObject *int_pow(TnObject *a, TnObject *b, TnObject *mod)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    int64_t x = ival(a), y = ival(b);
    if (mod != NULL && mod != TN_NONE) {
        if (!tn_int_check(mod))
            return notimpl();
        return int_pow_mod(x, y, ival(mod));
    }
    if (y < 0) {
        if (x == 0)
            return tn_err_format(&tn_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        /* As CPython: a negative exponent makes it a float operation.
         * |x| >= 1 so the result cannot overflow. */
        return tn_float_from_double(pow((double)x, (double)y));
    }
    int64_t r;
    if (ipow(x, (uint64_t)y, &r) < 0)
        return int_overflow();
    return tn_int_from_i64(r);
}

static TnObject *int_neg(TnObject *a)
{
    if (ival(a) == INT64_MIN)
        return int_overflow();
    return tn_int_from_i64(-ival(a));
}

static TnObject *int_exact(TnObject *a)
{
    if (tn_int_check_exact(a))
        return tn_newref(a);
    return tn_int_from_i64(ival(a));
}

static TnObject *int_abs(TnObject *a)
{
    if (ival(a) == INT64_MIN)
        return int_overflow();
    return tn_int_from_i64(ival(a) < 0 ? -ival(a) : ival(a));
}

static int int_bool(TnObject *a) { return ival(a) != 0; }

static TnObject *int_invert(TnObject *a) { return tn_int_from_i64(~ival(a)); }

static TnObject *int_lshift(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    int64_t x = ival(a), s = ival(b);
    if (s < 0)
        return tn_err_format(&tn_exc_ValueError, "negative shift count");
    if (x == 0)
        return tn_int_from_i64(0);
    if (s > 63)
        return int_overflow();
    int64_t r = (int64_t)((uint64_t)x << s);
    if ((r >> s) != x)
        return int_overflow();
    return tn_int_from_i64(r);
}

static TnObject *int_rshift(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    int64_t x = ival(a), s = ival(b);
    if (s < 0)
        return tn_err_format(&tn_exc_ValueError, "negative shift count");
    if (s >= 64)
        return tn_int_from_i64(x < 0 ? -1 : 0);
    return tn_int_from_i64(x >> s);   /* arithmetic shift = floor division */
}

static TnObject *int_and(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    return tn_int_from_i64(ival(a) & ival(b));
}

static TnObject *int_xor(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    return tn_int_from_i64(ival(a) ^ ival(b));
}

static TnObject *int_or(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    return tn_int_from_i64(ival(a) | ival(b));
}

static TnObject *int_float(TnObject *a) { return tn_float_from_double((double)ival(a)); }

/* ---- bool's operators ------------------------------------------------------ */

static TnObject *bool_and(TnObject *a, TnObject *b)
{
    if (tn_bool_check(a) && tn_bool_check(b))
        return tn_bool_from(ival(a) & ival(b));
    return int_and(a, b);
}

static TnObject *bool_or(TnObject *a, TnObject *b)
{
    if (tn_bool_check(a) && tn_bool_check(b))
        return tn_bool_from(ival(a) | ival(b));
    return int_or(a, b);
}

static TnObject *bool_xor(TnObject *a, TnObject *b)
{
    if (tn_bool_check(a) && tn_bool_check(b))
        return tn_bool_from(ival(a) ^ ival(b));
    return int_xor(a, b);
}

/* ---- round ------------------------------------------------------------------ */

TnObject *tn_int_round(TnObject *x, TnObject *ndigits)
{
    if (ndigits == NULL || ndigits == TN_NONE)
        return int_exact(x);
    TnObject *nd = tn_number_index(ndigits);
    if (nd == NULL)
        return NULL;
    int64_t n = ival(nd);
    tn_decref(nd);
    if (n >= 0)
        return int_exact(x);
    int64_t v = ival(x);
    if (n < -19)
        return tn_int_from_i64(0);   /* |v| < 10**19 / 2 */
    __int128 p = 1;
    for (int64_t i = 0; i < -n; i++)
        p *= 10;
    __int128 q = v / p, r = v % p;
    if (r < 0) {   /* floor division */
        q -= 1;
        r += p;
    }
    if (2 * r > p || (2 * r == p && (q & 1)))
        q += 1;
    __int128 res = q * p;
    if (res > INT64_MAX || res < INT64_MIN)
        return int_overflow();
    return tn_int_from_i64((int64_t)res);
}

/* ---- constructor ------------------------------------------------------------ */

/* int(x) for one argument that is not a str: __int__, __index__, __trunc__.
 * New ref (an exact int) or NULL. */
static TnObject *int_from_object(TnObject *x)
{
    if (tn_int_check(x))
        return int_exact(x);
    const TnNumberMethods *nb = tn_type(x)->as_number;
    TnObject *r = NULL;
    const char *which = NULL;
    if (nb != NULL && nb->int_ != NULL) {
        r = nb->int_(x);
        which = "__int__";
    } else if (nb != NULL && nb->index != NULL) {
        r = nb->index(x);
        which = "__index__";
    } else {
        TnObject *name = tn_str_intern_cstr("__trunc__");
        if (name == NULL)
            return NULL;
        /* Special method lookup: on the type, not the instance. */
        TnObject *meth = tn_type_lookup(tn_type(x), name);
        tn_decref(name);
        if (meth == NULL)
            return tn_err_format(&tn_exc_TypeError,
                                 "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                                 tn_type(x)->name);
        r = tn_call_one(meth, x);
        if (r == NULL)
            return NULL;
        if (!tn_int_check(r)) {
            TnObject *r2 = tn_number_index(r);
            if (r2 == NULL) {
                tn_decref(r);
                if (tn_err_matches(&tn_exc_TypeError)) {
                    tn_err_clear();
                    return tn_err_format(&tn_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                                         tn_type(r)->name);
                }
                return NULL;
            }
            tn_decref(r);
            r = r2;
        }
        which = NULL;
    }
    if (r == NULL)
        return NULL;
    if (!tn_int_check(r)) {
        tn_err_format(&tn_exc_TypeError, "%s returned non-int (type %s)", which ? which : "__int__",
                      tn_type(r)->name);
        tn_decref(r);
        return NULL;
    }
    if (!tn_int_check_exact(r))
        TN_SETREF(r, tn_int_from_i64(ival(r)));
    return r;
}

/* int(str_object, base) */
static TnObject *int_from_str_object(TnObject *s, int base)
{
    tn_ssize_t len;
    const char *u = tn_str_utf8(s, &len);
    if (u == NULL)
        return NULL;
    return tn_int_from_string(u, len, base);
}

/* Old-style keyword handling of int(): only `base` may be a keyword. */
static TnObject *int_new_slot(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *x = nargs > 0 ? args[0] : NULL;
    TnObject *obase = nargs > 1 ? args[1] : NULL;
    tn_ssize_t nkw = kwnames ? tn_tuple_size(kwnames) : 0;
    if (nargs + nkw > 2)
        return tn_err_format(&tn_exc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs + nkw);
    for (tn_ssize_t i = 0; i < nkw; i++) {
        TnObject *k = tn_tuple_get(kwnames, i);
        if (!tn_str_eq_cstr(k, "base"))
            return tn_err_format(&tn_exc_TypeError, "'%U' is an invalid keyword argument for int()", k);
        if (obase != NULL)
            return tn_err_format(&tn_exc_TypeError,
                                 "argument for int() given by name ('base') and position (2)");
        obase = args[nargs + i];
    }
    TnObject *r;
    if (obase == NULL) {
        if (x == NULL)
            r = tn_int_from_i64(0);
        else if (tn_str_check(x))
            r = int_from_str_object(x, 10);
        else
            r = int_from_object(x);
    } else {
        if (x == NULL)
            return tn_err_format(&tn_exc_TypeError, "int() missing string argument");
        TnObject *bi = tn_number_index(obase);
        if (bi == NULL)
            return NULL;
        int64_t b = ival(bi);
        tn_decref(bi);
        if (b != 0 && (b < 2 || b > 36))
            return tn_err_format(&tn_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (!tn_str_check(x))
            return tn_err_format(&tn_exc_TypeError, "int() can't convert non-string with explicit base");
        r = int_from_str_object(x, (int)b);
    }
    if (r == NULL || type == &tn_type_int)
        return r;
    TnObject *sub = int_new_of_type(type, ival(r));
    tn_decref(r);
    return sub;
}

/* ---- methods ------------------------------------------------------------------ */

#define NOARGS(name)                                                     \
    do {                                                                 \
        (void)args;                                                      \
        if (tn_args_no_kw(name, kwnames) < 0                             \
            || tn_args_count(name, nargs, 0, 0) < 0)                     \
            return NULL;                                                 \
    } while (0)

static TnObject *int_bit_length(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("int.bit_length");
    return tn_int_from_i64(bit_length_u64(magnitude(ival(self))));
}

static TnObject *int_bit_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("int.bit_count");
    return tn_int_from_i64(__builtin_popcountll(magnitude(ival(self))));
}

static TnObject *int_self_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("int.conjugate");
    return int_exact(self);
}

static TnObject *int_as_integer_ratio(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    NOARGS("int.as_integer_ratio");
    TnObject *n = int_exact(self);
    if (n == NULL)
        return NULL;
    TnObject *t = tn_tuple_pack(2, n, tn_int_from_i64(1));
    tn_decref(n);
    return t;
}

static TnObject *int_round_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__round__", kwnames) < 0 || tn_args_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    return tn_int_round(self, nargs > 0 ? args[0] : NULL);
}

static TnObject *int_format_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("int.__format__", kwnames) < 0 || tn_args_count("int.__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "__format__() argument must be str, not %s",
                             tn_type(args[0])->name);
    return tn_format_int(self, args[0]);
}

static TnObject *int_getnewargs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("int.__getnewargs__");
    TnObject *n = int_exact(self);
    if (n == NULL)
        return NULL;
    TnObject *t = tn_tuple_pack(1, n);
    tn_decref(n);
    return t;
}

static TnObject *int_sizeof(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("int.__sizeof__");
    return tn_int_from_i64((int64_t)tn_type(self)->basicsize);
}

static const TnMethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of the absolute value of self."},
    {"conjugate", int_self_meth, 0, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {"__trunc__", int_self_meth, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_self_meth, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_self_meth, 0, "Ceiling of an Integral returns itself."},
    {"__round__", int_round_meth, 0, "Rounding an Integral returns itself."},
    {"__format__", int_format_meth, 0, NULL},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"__sizeof__", int_sizeof, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static TnObject *int_get_self(TnObject *self, void *closure)
{
    (void)closure;
    return int_exact(self);
}

static TnObject *int_get_zero(TnObject *self, void *closure)
{
    (void)self;
    (void)closure;
    return tn_int_from_i64(0);
}

static TnObject *int_get_one(TnObject *self, void *closure)
{
    (void)self;
    (void)closure;
    return tn_int_from_i64(1);
}

static const TnGetSetDef int_getsets[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void int_dealloc(TnObject *op)
{
    if (tn_int_check_exact(op) && tn_freelist_push(&tn_tstate()->int_freelist, op))
        return;
    tn_object_free(op);
}

static const TnNumberMethods int_as_number = {
    .add = int_add, .subtract = int_sub, .multiply = int_mul, .remainder = int_mod,
    .divmod = int_divmod, .power = int_pow, .negative = int_neg, .positive = int_exact,
    .absolute = int_abs, .bool_ = int_bool, .invert = int_invert, .lshift = int_lshift,
    .rshift = int_rshift, .and_ = int_and, .xor_ = int_xor, .or_ = int_or,
    .int_ = int_exact, .float_ = int_float, .floor_divide = int_floordiv,
    .true_divide = int_truediv, .index = int_exact,
};

const TnNumberMethods tn_bool_as_number = {
    .add = int_add, .subtract = int_sub, .multiply = int_mul, .remainder = int_mod,
    .divmod = int_divmod, .power = int_pow, .negative = int_neg, .positive = int_exact,
    .absolute = int_abs, .bool_ = int_bool, .invert = int_invert, .lshift = int_lshift,
    .rshift = int_rshift, .and_ = bool_and, .xor_ = bool_xor, .or_ = bool_or,
    .int_ = int_exact, .float_ = int_float, .floor_divide = int_floordiv,
    .true_divide = int_truediv, .index = int_exact,
};

TnType tn_type_int = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "int",
    .basicsize = sizeof(TnInt),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_INT_SUBCLASS,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = tn_int_hash,
    .richcompare = tn_int_richcompare,
    .new_ = int_new_slot,
    .as_number = &int_as_number,
    .methods = int_methods,
    .getsets = int_getsets,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};
