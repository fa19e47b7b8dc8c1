/* core/objects/float.c — float (IEEE 754 double), numeric hashing, and
 * float <-> string conversion.
 *
 * Number slots accept an int on either side (converted to the nearest
 * double) and return NotImplemented for anything else.  Comparisons with
 * ints are exact (2**53 + 1 > float(2**53)).
 *
 * Conversion to text follows CPython's PyOS_double_to_string: digits are
 * produced like David Gay's dtoa modes 0 (shortest round-trip), 2 (n
 * significant digits) and 3 (n digits after the point) — here with the C
 * library's correctly rounded printf plus a strtod round-trip check for
 * mode 0 — and laid out by format_float_short (a port of CPython's).
 */
#include "core/tn.h"
#include "core/objects/complex.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* ---- hashing (CPython's Python/pyhash.c) --------------------------------- */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

tn_hash_t tn_hash_pointer(const void *p)
{
    size_t y = (size_t)p;
    /* Bottom 3 or 4 bits are likely to be 0: rotate them away. */
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    tn_hash_t h = (tn_hash_t)y;
    return h == -1 ? -2 : h;
}

/* The hash of a finite or infinite double, equal to the hash of any int or
 * fraction of the same value.  NaN gives 0 here; the float slot hashes NaN
 * by identity as CPython 3.10+. */
tn_hash_t tn_hash_double(double v)
{
    if (!isfinite(v))
        return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;   /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1)
        x = (uint64_t)-2;
    return (tn_hash_t)x;
}

/* ---- construction --------------------------------------------------------- */

TnObject *tn_float_from_double(double v)
{
    TnFloat *f = tn_freelist_pop(&tn_tstate()->float_freelist);
    if (f != NULL)
        tn_object_init(TN_OBJ(f), &tn_type_float);
    else if ((f = (TnFloat *)tn_object_new(&tn_type_float, sizeof(TnFloat))) == NULL)
        return NULL;
    f->value = v;
    return TN_OBJ(f);
}

static TnObject *float_new_of_type(TnType *type, double v)
{
    if (type == &tn_type_float)
        return tn_float_from_double(v);
    TnFloat *f = (TnFloat *)tn_object_new(type, (size_t)type->basicsize);
    if (f == NULL)
        return NULL;
    f->value = v;
    return TN_OBJ(f);
}

/* float(o) for any non-str object: __float__, then __index__.  New ref to
 * an exact float, or NULL. */
static TnObject *float_from_number(TnObject *o)
{
    if (tn_float_check_exact(o))
        return tn_newref(o);
    const TnNumberMethods *nb = tn_type(o)->as_number;
    if (nb != NULL && nb->float_ != NULL) {
        TnObject *r = nb->float_(o);
        if (r == NULL)
            return NULL;
        if (!tn_float_check(r)) {
            tn_err_format(&tn_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          tn_type_name(tn_type(o)), tn_type_name(tn_type(r)));
            tn_decref(r);
            return NULL;
        }
        if (!tn_float_check_exact(r))
            TN_SETREF(r, tn_float_from_double(tn_float_value(r)));
        return r;
    }
    if (nb != NULL && nb->index != NULL) {
        TnObject *i = nb->index(o);
        if (i == NULL)
            return NULL;
        if (!tn_int_check(i)) {
            tn_err_format(&tn_exc_TypeError, "__index__ returned non-int (type %s)", tn_type_name(tn_type(i)));
            tn_decref(i);
            return NULL;
        }
        double d = tn_int_as_double(i);
        tn_decref(i);
        if (d == -1.0 && tn_err_occurred())
            return NULL;
        return tn_float_from_double(d);
    }
    if (tn_float_check(o))
        return tn_float_from_double(tn_float_value(o));
    return NULL;   /* no exception: caller decides the message */
}

double tn_float_as_double(TnObject *op)
{
    if (tn_float_check(op))
        return tn_float_value(op);
    if (tn_int_check(op))
        return tn_int_as_double(op);
    TnObject *f = float_from_number(op);
    if (f == NULL) {
        if (!tn_err_occurred())
            tn_err_format(&tn_exc_TypeError, "must be real number, not %s", tn_type_name(tn_type(op)));
        return -1.0;
    }
    double d = tn_float_value(f);
    tn_decref(f);
    return d;
}

/* ---- digits (dtoa emulation) ---------------------------------------------- */

/* A decimal digit string (no leading zeros except for the value 0, no
 * trailing zeros), with the decimal point after `decpt` digits. */
typedef struct Digits {
    char *buf;        /* tn_mem_alloc'd */
    int len;
    int decpt;
} Digits;

/* snprintf into a fresh buffer.  NULL on MemoryError (raised). */
static char *fmt_alloc(const char *fmt, int prec, double v)
{
    int n = snprintf(NULL, 0, fmt, prec, v);
    if (n < 0)
        return (char *)tn_err_no_memory();
    char *b = tn_mem_alloc((size_t)n + 1);
    if (b == NULL)
        return (char *)tn_err_no_memory();
    snprintf(b, (size_t)n + 1, fmt, prec, v);
    return b;
}

/* Parse "d.ddddde+XX" (from %.*e of a non-negative value) into d. */
static void digits_from_e(const char *s, Digits *d)
{
    int n = 0;
    const char *p = s;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            d->buf[n++] = *p;
    int exp = atoi(p + 1);
    while (n > 1 && d->buf[n - 1] == '0')
        n--;
    d->buf[n] = '\0';
    d->len = n;
    d->decpt = exp + 1;
    if (n == 1 && d->buf[0] == '0')
        d->decpt = 1;
}

/* Increment the decimal string of n digits by one unit in the last place;
 * returns 1 if it carried into a new leading digit. */
static int digits_increment(char *b, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        if (b[i] != '9') {
            b[i]++;
            return 0;
        }
        b[i] = '0';
    }
    memmove(b + 1, b, (size_t)n);
    b[0] = '1';
    return 1;
}

/* Mode 0: the shortest digit string that reads back as v (v finite, >= 0).
 * The correctly rounded p-digit value is the best candidate for each p;
 * at a power of two the rounding interval is lopsided, so the next value
 * up is tried too. */
static int digits_shortest(double v, Digits *d)
{
    char tmp[64], cand[64];
    d->buf = tn_mem_alloc(32);
    if (d->buf == NULL) {
        tn_err_no_memory();
        return -1;
    }
    if (v == 0.0) {
        strcpy(d->buf, "0");
        d->len = 1;
        d->decpt = 1;
        return 0;
    }
    int e2;
    bool pow2 = frexp(v, &e2) == 0.5;
    for (int p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (strtod(tmp, NULL) == v) {
            digits_from_e(tmp, d);
            return 0;
        }
        if (pow2) {
            /* tmp is "d.ddde+XX": bump the last mantissa digit. */
            char mant[32];
            int n = 0;
            const char *q = tmp;
            for (; *q != 'e'; q++)
                if (*q != '.')
                    mant[n++] = *q;
            int exp = atoi(q + 1);
            if (digits_increment(mant, n))
                exp++;
            mant[n] = '\0';
            snprintf(cand, sizeof cand, "%c.%se%d", mant[0], mant + 1, exp);
            if (strtod(cand, NULL) == v) {
                digits_from_e(cand, d);
                return 0;
            }
        }
    }
    snprintf(tmp, sizeof tmp, "%.16e", v);
    digits_from_e(tmp, d);
    return 0;
}

/* Mode 2: ndigits significant digits (v finite, >= 0). */
static int digits_sig(double v, int ndigits, Digits *d)
{
    if (ndigits < 1)
        ndigits = 1;
    char *s = fmt_alloc("%.*e", ndigits - 1, v);
    if (s == NULL)
        return -1;
    d->buf = tn_mem_alloc((size_t)ndigits + 2);
    if (d->buf == NULL) {
        tn_mem_free(s);
        tn_err_no_memory();
        return -1;
    }
    digits_from_e(s, d);
    tn_mem_free(s);
    return 0;
}

/* Mode 3: ndigits digits after the decimal point (v finite, >= 0).  A value
 * that rounds to zero gives "" with decpt = -ndigits, as dtoa. */
static int digits_fixed(double v, int ndigits, Digits *d)
{
    char *s = fmt_alloc("%.*f", ndigits, v);
    if (s == NULL)
        return -1;
    size_t sl = strlen(s);
    d->buf = tn_mem_alloc(sl + 2);
    if (d->buf == NULL) {
        tn_mem_free(s);
        tn_err_no_memory();
        return -1;
    }
    int n = 0, intdigits = 0;
    bool seen_point = false;
    for (const char *p = s; *p; p++) {
        if (*p == '.') {
            seen_point = true;
            continue;
        }
        d->buf[n++] = *p;
        if (!seen_point)
            intdigits++;
    }
    tn_mem_free(s);
    int lead = 0;
    while (lead < n && d->buf[lead] == '0')
        lead++;
    if (lead == n) {
        if (v == 0.0) {
            strcpy(d->buf, "0");
            d->len = 1;
            d->decpt = 1;
        } else {
            d->buf[0] = '\0';
            d->len = 0;
            d->decpt = -ndigits;
        }
        return 0;
    }
    memmove(d->buf, d->buf + lead, (size_t)(n - lead));
    n -= lead;
    int decpt = intdigits - lead;
    while (n > 1 && d->buf[n - 1] == '0')
        n--;
    d->buf[n] = '\0';
    d->len = n;
    d->decpt = decpt;
    return 0;
}

/* ---- layout (CPython's format_float_short) --------------------------------- */

/* Lay out the digits of |v| (sign separately) for format_code 'e', 'f',
 * 'g' or 'r'.  Returns a tn_mem_alloc'd string or NULL (MemoryError). */
static char *format_float_short(double v, char code, int mode, int precision, int flags,
                                bool upper)
{
    bool always_add_sign = (flags & TN_DTSF_SIGN) != 0;
    bool add_dot_0 = (flags & TN_DTSF_ADD_DOT_0) != 0;
    bool use_alt = (flags & TN_DTSF_ALT) != 0;
    bool no_neg_0 = (flags & TN_DTSF_NO_NEG_0) != 0;
    int sign = signbit(v) ? 1 : 0;
    char *out;

    if (!isfinite(v)) {
        out = tn_mem_alloc(8);
        if (out == NULL)
            return (char *)tn_err_no_memory();
        char *p = out;
        if (isnan(v))
            sign = 0;
        if (sign)
            *p++ = '-';
        else if (always_add_sign)
            *p++ = '+';
        strcpy(p, isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return out;
    }

    Digits d = {NULL, 0, 0};
    double av = fabs(v);
    int rc = mode == 0 ? digits_shortest(av, &d)
           : mode == 2 ? digits_sig(av, precision, &d)
           : digits_fixed(av, precision, &d);
    if (rc < 0)
        return NULL;
    int digits_len = d.len;
    int decpt = d.decpt;

    if (no_neg_0 && sign == 1
        && (digits_len == 0 || (digits_len == 1 && d.buf[0] == '0')))
        sign = 0;

    bool use_exp = false;
    int exp = 0;
    int vdigits_end = digits_len;
    switch (code) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = true;
        if (use_alt)
            vdigits_end = precision;
        break;
    default: /* 'r' */
        if (decpt <= -4 || decpt > 16)
            use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

    size_t bufsize = (size_t)(vdigits_end - vdigits_start) + (size_t)digits_len + 16;
    out = tn_mem_alloc(bufsize);
    if (out == NULL) {
        tn_mem_free(d.buf);
        return (char *)tn_err_no_memory();
    }
    char *p = out;
    if (sign == 1)
        *p++ = '-';
    else if (always_add_sign)
        *p++ = '+';

    if (decpt <= 0) {
        memset(p, '0', (size_t)(decpt - vdigits_start));
        p += decpt - vdigits_start;
        *p++ = '.';
        memset(p, '0', (size_t)(0 - decpt));
        p += 0 - decpt;
    } else {
        memset(p, '0', (size_t)(0 - vdigits_start));
        p += 0 - vdigits_start;
    }
    if (0 < decpt && decpt <= digits_len) {
        memcpy(p, d.buf, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, d.buf + decpt, (size_t)(digits_len - decpt));
        p += digits_len - decpt;
    } else {
        memcpy(p, d.buf, (size_t)digits_len);
        p += digits_len;
    }
    if (digits_len < decpt) {
        memset(p, '0', (size_t)(decpt - digits_len));
        p += decpt - digits_len;
        *p++ = '.';
        memset(p, '0', (size_t)(vdigits_end - decpt));
        p += vdigits_end - decpt;
    } else {
        memset(p, '0', (size_t)(vdigits_end - digits_len));
        p += vdigits_end - digits_len;
    }
    if (p[-1] == '.' && !use_alt)
        p--;
    if (use_exp) {
        *p++ = upper ? 'E' : 'e';
        p += sprintf(p, "%+.02d", exp);
    }
    *p = '\0';
    tn_mem_free(d.buf);
    return out;
}

char *tn_float_to_string(double v, char code, int precision, int flags)
{
    bool upper = false;
    int mode;
    switch (code) {
    case 'E': upper = true; /* fall through */
    case 'e':
        code = 'e';
        mode = 2;
        precision++;
        break;
    case 'F': upper = true; /* fall through */
    case 'f':
        code = 'f';
        mode = 3;
        break;
    case 'G': upper = true; /* fall through */
    case 'g':
        code = 'g';
        mode = 2;
        if (precision == 0)
            precision = 1;
        break;
    default:
        code = 'r';
        mode = 0;
        break;
    }
    return format_float_short(v, code, mode, precision, flags, upper);
}

void tn_float_repr_buf(double v, char *buf, size_t bufsize)
{
    char *s = tn_float_to_string(v, 'r', 0, TN_DTSF_ADD_DOT_0);
    if (s == NULL) {
        tn_err_clear();
        snprintf(buf, bufsize, "%.17g", v);
        return;
    }
    snprintf(buf, bufsize, "%s", s);
    tn_mem_free(s);
}

static TnObject *float_repr(TnObject *op)
{
    char *s = tn_float_to_string(tn_float_value(op), 'r', 0, TN_DTSF_ADD_DOT_0);
    if (s == NULL)
        return NULL;
    TnObject *r = tn_str_from_utf8(s, (tn_ssize_t)strlen(s));
    tn_mem_free(s);
    return r;
}

/* ---- parsing ----------------------------------------------------------------- */

static bool ascii_ieq(const char *a, tn_ssize_t n, const char *lit)
{
    if ((size_t)n != strlen(lit))
        return false;
    for (tn_ssize_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != lit[i])
            return false;
    }
    return true;
}

static bool isdig(char c) { return c >= '0' && c <= '9'; }

/* Digits with single underscores between them, starting at *i.  Copies the
 * digits to out (advancing *o).  Returns the number of digits (0 = none),
 * or -1 for a misplaced underscore. */
static int scan_digits(const char *s, tn_ssize_t n, tn_ssize_t *i, char *out, tn_ssize_t *o)
{
    int count = 0;
    while (*i < n) {
        char c = s[*i];
        if (isdig(c)) {
            out[(*o)++] = c;
            count++;
            (*i)++;
        } else if (c == '_') {
            if (count == 0 || *i + 1 >= n || !isdig(s[*i + 1]))
                return -1;
            (*i)++;
        } else {
            break;
        }
    }
    return count;
}

/* Parse ASCII text s[0..n) (already stripped) as a float.  Returns 1 with
 * *out set, or 0 if it is not a valid float literal. */
static int parse_ascii_float(const char *s, tn_ssize_t n, double *out)
{
    tn_ssize_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        neg = s[i] == '-';
        i++;
    }
    const char *rest = s + i;
    tn_ssize_t rn = n - i;
    if (ascii_ieq(rest, rn, "inf") || ascii_ieq(rest, rn, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return 1;
    }
    if (ascii_ieq(rest, rn, "nan")) {
        *out = neg ? -NAN : NAN;
        return 1;
    }
    char small[128];
    char *buf = (size_t)n + 2 <= sizeof small ? small : tn_mem_alloc((size_t)n + 2);
    if (buf == NULL)
        return -1;
    tn_ssize_t o = 0;
    int ok = 0;
    if (neg)
        buf[o++] = '-';
    int intd = scan_digits(s, n, &i, buf, &o);
    int fracd = 0;
    if (intd < 0)
        goto done;
    if (i < n && s[i] == '.') {
        buf[o++] = '.';
        i++;
        if (i < n && s[i] == '_')
            goto done;
        fracd = scan_digits(s, n, &i, buf, &o);
        if (fracd < 0)
            goto done;
    }
    if (intd == 0 && fracd == 0)
        goto done;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        buf[o++] = 'e';
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            buf[o++] = s[i++];
        if (i < n && s[i] == '_')
            goto done;
        int expd = scan_digits(s, n, &i, buf, &o);
        if (expd <= 0)
            goto done;
    }
    if (i != n)
        goto done;
    buf[o] = '\0';
    *out = strtod(buf, NULL);
    ok = 1;
done:
    if (buf != small)
        tn_mem_free(buf);
    return ok;
}

static TnObject *float_parse_error(const char *s, tn_ssize_t len)
{
    TnObject *str = tn_str_from_utf8(s, len);
    if (str == NULL)
        return NULL;
    tn_err_format(&tn_exc_ValueError, "could not convert string to float: %R", str);
    tn_decref(str);
    return NULL;
}

TnObject *tn_float_from_string(const char *s, tn_ssize_t len)
{
    const char *p = s;
    tn_ssize_t n = len;
    char *tmp = NULL;
    for (tn_ssize_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            /* Unicode whitespace and decimal digits are accepted, as in
             * CPython (_PyUnicode_TransformDecimalAndSpaceToASCII). */
            TnObject *str = tn_str_from_utf8(s, len);
            if (str == NULL)
                return NULL;
            tn_ssize_t m = tn_str_length(str);
            tmp = tn_mem_alloc((size_t)m + 1);
            if (tmp == NULL) {
                tn_decref(str);
                return tn_err_no_memory();
            }
            for (tn_ssize_t k = 0; k < m; k++) {
                uint32_t c = tn_str_read(str, k);
                int dv;
                if (c < 128)
                    tmp[k] = (char)c;
                else if (tn_unicode_isspace(c))
                    tmp[k] = ' ';
                else if ((dv = tn_unicode_decimal(c)) >= 0)
                    tmp[k] = (char)('0' + dv);
                else
                    tmp[k] = '?';
            }
            tmp[m] = '\0';
            tn_decref(str);
            p = tmp;
            n = m;
            break;
        }
    }
    while (n > 0 && (*p == ' ' || (*p >= 0x09 && *p <= 0x0d) || (*p >= 0x1c && *p <= 0x1f))) {
        p++;
        n--;
    }
    while (n > 0 && (p[n - 1] == ' ' || (p[n - 1] >= 0x09 && p[n - 1] <= 0x0d)
                     || (p[n - 1] >= 0x1c && p[n - 1] <= 0x1f)))
        n--;
    double v;
    int r = parse_ascii_float(p, n, &v);
    tn_mem_free(tmp);
    if (r < 0)
        return tn_err_no_memory();
    if (r == 0)
        return float_parse_error(s, len);
    return tn_float_from_double(v);
}

/* ---- comparison and hash ----------------------------------------------------- */

static int swap_op(int op)
{
    static const int swapped[] = {TN_GT, TN_GE, TN_EQ, TN_NE, TN_LT, TN_LE};
    return swapped[op];
}

static TnObject *float_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_float_check(a)) {
        if (!tn_float_check(b))
            return tn_newref(TN_NOTIMPLEMENTED);
        TnObject *t = a;
        a = b;
        b = t;
        op = swap_op(op);
    }
    double x = tn_float_value(a);
    int c;
    if (tn_float_check(b)) {
        double y = tn_float_value(b);
        if (isnan(x) || isnan(y))
            return tn_bool_from(op == TN_NE);
        c = x < y ? -1 : x > y;
    } else if (tn_int_check(b)) {
        if (isnan(x))
            return tn_bool_from(op == TN_NE);
        c = -tn_int_compare_double(b, x);
    } else {
        return tn_newref(TN_NOTIMPLEMENTED);
    }
    return tn_bool_from(TN_RICHCOMPARE(c, 0, op));
}

static tn_hash_t float_hash(TnObject *op)
{
    double v = tn_float_value(op);
    if (isnan(v))
        return tn_hash_pointer(op);
    return tn_hash_double(v);
}

/* ---- arithmetic -------------------------------------------------------------- */

/* float or int -> double: 1; anything else: 0 (NotImplemented). */
static int to_double(TnObject *o, double *out)
{
    if (tn_float_check(o)) {
        *out = tn_float_value(o);
        return 1;
    }
    if (tn_int_check(o)) {
        *out = tn_int_as_double(o);
        return !(*out == -1.0 && tn_err_occurred()) ? 1 : -1;
    }
    return 0;
}

#define CONVERT_BOTH(a, b, x, y)                                  \
    do {                                                          \
        int ca_ = to_double((a), &(x));                           \
        if (ca_ <= 0)                                             \
            return ca_ < 0 ? NULL : tn_newref(TN_NOTIMPLEMENTED); \
        int cb_ = to_double((b), &(y));                           \
        if (cb_ <= 0)                                             \
            return cb_ < 0 ? NULL : tn_newref(TN_NOTIMPLEMENTED); \
    } while (0)

static TnObject *float_add(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BOTH(a, b, x, y);
    return tn_float_from_double(x + y);
}

static TnObject *float_sub(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BOTH(a, b, x, y);
    return tn_float_from_double(x - y);
}

static TnObject *float_mul(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BOTH(a, b, x, y);
    return tn_float_from_double(x * y);
}

static TnObject *float_div(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float division by zero");
    return tn_float_from_double(x / y);
}

static TnObject *float_rem(TnObject *a, TnObject *b)
{
    double x, y;
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float modulo");
    double mod = fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0))
            mod += y;
    } else {
        mod = copysign(0.0, y);
    }
    return tn_float_from_double(mod);
}

/* CPython's _float_div_mod: floor quotient and modulo, y != 0. */
static void float_div_mod(double x, double y, double *floordiv, double *modp)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = copysign(0.0, x / y);
    }
    *floordiv = fd;
    *modp = mod;
}

static TnObject *float_floordiv(TnObject *a, TnObject *b)
{
    double x, y, q, m;
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float floor division by zero");
    float_div_mod(x, y, &q, &m);
    return tn_float_from_double(q);
}

static TnObject *float_divmod(TnObject *a, TnObject *b)
{
    double x, y, q, m;
    CONVERT_BOTH(a, b, x, y);
    if (y == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float divmod()");
    float_div_mod(x, y, &q, &m);
    TnObject *qo = tn_float_from_double(q);
    TnObject *mo = tn_float_from_double(m);
    TnObject *t = NULL;
    if (qo != NULL && mo != NULL)
        t = tn_tuple_pack(2, qo, mo);
    tn_xdecref(qo);
    tn_xdecref(mo);
    return t;
}

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

/* OverflowError(34, 'Numerical result out of range'), as PyErr_SetFromErrno. */
static TnObject *range_error(TnType *type, int err)
{
    TnObject *code = tn_int_from_i64(err);
    TnObject *msg = tn_str_from_cstr(strerror(err));
    TnObject *args = NULL, *exc = NULL;
    if (code != NULL && msg != NULL)
        args = tn_tuple_pack(2, code, msg);
    if (args != NULL)
        exc = tn_exception_new(type, args);
    if (exc != NULL) {
        tn_err_set_object(type, exc);
        tn_decref(exc);
    }
    tn_xdecref(code);
    tn_xdecref(msg);
    tn_xdecref(args);
    return NULL;
}

/* CPython's float_pow, special cases first. */
static TnObject *float_pow(TnObject *a, TnObject *b, TnObject *mod)
{
    double iv, iw;
    if (mod != NULL && mod != TN_NONE)
        return tn_err_format(&tn_exc_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    CONVERT_BOTH(a, b, iv, iw);
    bool negate = false;
    if (iw == 0.0)
        return tn_float_from_double(1.0);
    if (isnan(iv))
        return tn_float_from_double(iv);
    if (isnan(iw))
        return tn_float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return tn_float_from_double(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return tn_float_from_double(fabs(iw));
        return tn_float_from_double(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            return tn_float_from_double(odd ? iv : fabs(iv));
        return tn_float_from_double(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0)
            return tn_err_format(&tn_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return tn_float_from_double(odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* A negative number to a fractional power: complex. */
            return tn_complex_pow_doubles(iv, 0.0, iw, 0.0);
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return tn_float_from_double(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (errno == 0 && isinf(ix))
        errno = ERANGE;
    else if (errno == ERANGE && ix == 0.0)
        errno = 0;
    if (negate)
        ix = -ix;
    if (errno != 0)
        return range_error(errno == ERANGE ? &tn_exc_OverflowError : &tn_exc_ValueError, errno);
    return tn_float_from_double(ix);
}

static TnObject *float_neg(TnObject *a) { return tn_float_from_double(-tn_float_value(a)); }

static TnObject *float_exact(TnObject *a)
{
    if (tn_float_check_exact(a))
        return tn_newref(a);
    return tn_float_from_double(tn_float_value(a));
}

static TnObject *float_abs(TnObject *a) { return tn_float_from_double(fabs(tn_float_value(a))); }

static int float_bool(TnObject *a) { return tn_float_value(a) != 0.0; }

/* int(x) for a double: truncates; NaN and infinities raise as CPython. */
static TnObject *double_to_int(double x)
{
    if (isnan(x))
        return tn_err_format(&tn_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(x))
        return tn_err_format(&tn_exc_OverflowError, "cannot convert float infinity to integer");
    return tn_int_from_double(trunc(x));
}

static TnObject *float_int(TnObject *a) { return double_to_int(tn_float_value(a)); }

/* ---- round --------------------------------------------------------------------- */

#define NDIGITS_MAX ((int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103))
#define NDIGITS_MIN (-(int)((DBL_MAX_EXP + 1) * 0.30103))

/* Round the decimal integer string b (n digits) to a multiple of 10**k,
 * half to even, with `sticky` meaning there was a nonzero fraction.
 * Writes the result digits (possibly one longer) to out. */
static void round_decimal_string(const char *b, int n, int k, bool sticky, char *out, int *outn)
{
    if (k > n) {
        out[0] = '0';
        *outn = 1;
        return;
    }
    int keep = n - k;
    memcpy(out, b, (size_t)keep);
    bool up = false;
    if (k > 0) {
        char first = b[keep];
        bool rest_nonzero = sticky;
        for (int i = keep + 1; i < n && !rest_nonzero; i++)
            rest_nonzero = b[i] != '0';
        if (first > '5' || (first == '5' && rest_nonzero))
            up = true;
        else if (first == '5') {
            int last = keep > 0 ? out[keep - 1] - '0' : 0;
            up = (last & 1) != 0;
        }
    }
    if (keep == 0) {
        out[0] = up ? '1' : '0';
        *outn = 1;
        return;
    }
    if (up && digits_increment(out, keep))
        keep++;
    *outn = keep;
}

/* round(x, ndigits) for finite x, NDIGITS_MIN <= ndigits <= NDIGITS_MAX:
 * the correctly rounded decimal (half to even on the exact binary value),
 * read back as the nearest double, as CPython's double_round. */
static TnObject *double_round(double x, int ndigits)
{
    char *s;
    if (ndigits >= 0) {
        s = fmt_alloc("%.*f", ndigits, x);
        if (s == NULL)
            return NULL;
    } else {
        double t = trunc(x);
        bool sticky = x != t;
        char *ib = fmt_alloc("%.*f", 0, fabs(t));
        if (ib == NULL)
            return NULL;
        int n = (int)strlen(ib);
        s = tn_mem_alloc((size_t)n + 32);
        if (s == NULL) {
            tn_mem_free(ib);
            return tn_err_no_memory();
        }
        char *p = s;
        if (signbit(x))
            *p++ = '-';
        int outn;
        round_decimal_string(ib, n, -ndigits, sticky, p, &outn);
        sprintf(p + outn, "e%d", -ndigits);
        tn_mem_free(ib);
    }
    errno = 0;
    double r = strtod(s, NULL);
    int err = errno;
    tn_mem_free(s);
    if (err == ERANGE && fabs(r) >= 1.0)
        return tn_err_format(&tn_exc_OverflowError, "rounded value too large to represent");
    return tn_float_from_double(r);
}

TnObject *tn_float_round(double x, TnObject *ndigits)
{
    if (ndigits == NULL || ndigits == TN_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
        return double_to_int(r);
    }
    tn_ssize_t nd = tn_number_as_ssize(ndigits, NULL);
    if (nd == -1 && tn_err_occurred())
        return NULL;
    if (!isfinite(x))
        return tn_float_from_double(x);
    if (nd > NDIGITS_MAX)
        return tn_float_from_double(x);
    if (nd < NDIGITS_MIN)
        return tn_float_from_double(0.0 * x);
    return double_round(x, (int)nd);
}

/* ---- methods ------------------------------------------------------------------- */

#define NOARGS(name)                                                     \
    do {                                                                 \
        (void)args;                                                      \
        if (tn_args_no_kw(name, kwnames) < 0                             \
            || tn_args_count(name, nargs, 0, 0) < 0)                     \
            return NULL;                                                 \
    } while (0)

static TnObject *float_is_integer(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("float.is_integer");
    double x = tn_float_value(self);
    return tn_bool_from(isfinite(x) && floor(x) == x);
}

static TnObject *float_as_integer_ratio(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                        TnObject *kwnames)
{
    NOARGS("float.as_integer_ratio");
    double x = tn_float_value(self);
    if (isinf(x))
        return tn_err_format(&tn_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return tn_err_format(&tn_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    /* x == m * 2**e with m an integer: (m << e, 1) or (m, 1 << -e). */
    TnObject *n = tn_int_from_double(m), *d = tn_int_from_i64(1), *t = NULL;
    TnObject *sh = tn_int_from_i64(e > 0 ? e : -e);
    if (n != NULL && d != NULL && sh != NULL && e != 0) {
        TnObject **which = e > 0 ? &n : &d;
        TN_SETREF(*which, tn_type_int.as_number->lshift(*which, sh));
    }
    tn_xdecref(sh);
    if (n != NULL && d != NULL)
        t = tn_tuple_pack(2, n, d);
    tn_xdecref(n);
    tn_xdecref(d);
    return t;
}

static TnObject *float_hex(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("float.hex");
    double x = tn_float_value(self);
    char s[64];
    if (isnan(x) || isinf(x)) {
        char *r = tn_float_to_string(x, 'r', 0, 0);
        if (r == NULL)
            return NULL;
        TnObject *o = tn_str_from_cstr(r);
        tn_mem_free(r);
        return o;
    }
    if (x == 0.0)
        return tn_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    int si = 0;
    const char *hex = "0123456789abcdef";
    s[si++] = hex[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        s[si++] = hex[(int)m];
        m -= (int)m;
    }
    s[si] = '\0';
    return tn_str_from_format("%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static TnObject *float_trunc_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("float.__trunc__");
    return double_to_int(tn_float_value(self));
}

static TnObject *float_floor_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("float.__floor__");
    return double_to_int(floor(tn_float_value(self)));
}

static TnObject *float_ceil_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("float.__ceil__");
    return double_to_int(ceil(tn_float_value(self)));
}

static TnObject *float_round_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__round__", kwnames) < 0 || tn_args_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    return tn_float_round(tn_float_value(self), nargs > 0 ? args[0] : NULL);
}

static TnObject *float_conjugate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("float.conjugate");
    return float_exact(self);
}

static TnObject *float_format_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("float.__format__", kwnames) < 0 || tn_args_count("float.__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "__format__() argument must be str, not %s",
                             tn_type_name(tn_type(args[0])));
    return tn_format_float(self, args[0]);
}

static TnObject *float_getnewargs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("float.__getnewargs__");
    TnObject *f = float_exact(self);
    if (f == NULL)
        return NULL;
    TnObject *t = tn_tuple_pack(1, f);
    tn_decref(f);
    return t;
}

/* float.__getformat__(typestr): the storage format of C double and
 * float, which Tandem (x86-64, IEEE 754) knows at build time. */
static TnObject *float_getformat(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("float.__getformat__", kwnames) < 0 || tn_args_count("float.__getformat__", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "__getformat__() argument must be str, not %s",
                             tn_type_name(tn_type(args[0])));
    if (!tn_str_eq_cstr(args[0], "double") && !tn_str_eq_cstr(args[0], "float"))
        return tn_err_format(&tn_exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return tn_str_from_cstr(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "IEEE, little-endian" : "IEEE, big-endian");
}

/* float.fromhex(s): classmethod. */
static TnObject *float_fromhex(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("float.fromhex", kwnames) < 0 || tn_args_count("float.fromhex", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "fromhex() argument must be str, not %s",
                             tn_type_name(tn_type(args[0])));
    tn_ssize_t len;
    const char *u = tn_str_utf8(args[0], &len);
    if (u == NULL)
        return NULL;
    const char *p = u, *end = u + len;
    while (p < end && (*p == ' ' || (*p >= 9 && *p <= 13)))
        p++;
    while (end > p && (end[-1] == ' ' || (end[-1] >= 9 && end[-1] <= 13)))
        end--;
    double x;
    tn_ssize_t n = end - p;
    char *buf = tn_mem_alloc((size_t)n + 4);
    if (buf == NULL)
        return tn_err_no_memory();
    /* strtod parses C99 hex floats; Python also allows a missing "0x". */
    const char *q = p;
    char *o = buf;
    if (q < end && (*q == '+' || *q == '-'))
        *o++ = *q++;
    bool has_prefix = end - q >= 2 && q[0] == '0' && (q[1] == 'x' || q[1] == 'X');
    bool special = end - q >= 3 && (strncasecmp(q, "inf", 3) == 0 || strncasecmp(q, "nan", 3) == 0);
    if (!has_prefix && !special) {
        *o++ = '0';
        *o++ = 'x';
    }
    memcpy(o, q, (size_t)(end - q));
    o[end - q] = '\0';
    char *stop;
    errno = 0;
    x = strtod(buf, &stop);
    bool ok = *stop == '\0' && stop != buf && n > 0;
    if (!special)
        for (const char *c = buf; *c; c++)
            if (!strchr("0123456789abcdefABCDEFxXpP+-.", *c))
                ok = false;
    int err = errno;
    tn_mem_free(buf);
    if (!ok)
        return tn_err_format(&tn_exc_ValueError, "invalid hexadecimal floating-point string");
    if (err == ERANGE && isinf(x))
        return tn_err_format(&tn_exc_OverflowError, "hexadecimal value too large to represent as a float");
    TnObject *f = tn_float_from_double(x);
    if (f == NULL || TN_OBJ(cls) == TN_OBJ(&tn_type_float))
        return f;
    TnObject *r = tn_call_one(cls, f);
    tn_decref(f);
    return r;
}

static const TnMethodDef float_methods[] = {
    {"is_integer", float_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, 0, "Return integer ratio."},
    {"hex", float_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"__getformat__", float_getformat, TN_METH_CLASS, "You probably don't want to use this function."},
    {"fromhex", float_fromhex, TN_METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"conjugate", float_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc_meth, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_meth, 0, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_meth, 0, "Return the ceiling as an Integral."},
    {"__round__", float_round_meth, 0, "Return the Integral closest to x, rounding half toward even."},
    {"__format__", float_format_meth, 0, NULL},
    {"__getnewargs__", float_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static TnObject *float_get_real(TnObject *self, void *closure)
{
    (void)closure;
    return float_exact(self);
}

static TnObject *float_get_imag(TnObject *self, void *closure)
{
    (void)self;
    (void)closure;
    return tn_float_from_double(0.0);
}

static const TnGetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- constructor ----------------------------------------------------------------- */

static TnObject *float_new_slot(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("float", kwnames) < 0 || tn_args_count("float", nargs, 0, 1) < 0)
        return NULL;
    TnObject *r;
    if (nargs == 0) {
        r = tn_float_from_double(0.0);
    } else if (tn_str_check(args[0])) {
        tn_ssize_t len;
        const char *u = tn_str_utf8(args[0], &len);
        if (u == NULL)
            return NULL;
        r = tn_float_from_string(u, len);
    } else {
        r = float_from_number(args[0]);
        if (r == NULL && !tn_err_occurred())
            tn_err_format(&tn_exc_TypeError,
                          "float() argument must be a string or a real number, not '%s'",
                          tn_type_name(tn_type(args[0])));
    }
    if (r == NULL || type == &tn_type_float)
        return r;
    TnObject *sub = float_new_of_type(type, tn_float_value(r));
    tn_decref(r);
    return sub;
}

static void float_dealloc(TnObject *op)
{
    if (tn_float_check_exact(op) && tn_freelist_push(&tn_tstate()->float_freelist, op))
        return;
    tn_object_free(op);
}

static const TnNumberMethods float_as_number = {
    .add = float_add, .subtract = float_sub, .multiply = float_mul, .remainder = float_rem,
    .divmod = float_divmod, .power = float_pow, .negative = float_neg, .positive = float_exact,
    .absolute = float_abs, .bool_ = float_bool, .int_ = float_int, .float_ = float_exact,
    .floor_divide = float_floordiv, .true_divide = float_div,
};

TnType tn_type_float = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "float",
    .basicsize = sizeof(TnFloat),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new_ = float_new_slot,
    .as_number = &float_as_number,
    .methods = float_methods,
    .getsets = float_getsets,
    .doc = "Convert a string or number to a floating point number, if possible.",
};
