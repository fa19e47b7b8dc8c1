/* core/objects/int.c — int: arbitrary precision.
 *
 * Representation (see int.h): a value that fits int64_t lives in `value`
 * (ndigits == 0); any other value is sign + magnitude in 30-bit digits
 * stored inline (ndigits = +/- count, top digit non-zero).  The form is
 * canonical, so "ndigits != 0" means "does not fit int64".  Every
 * operation has a machine-word fast path; the general path loads both
 * operands as digit arrays (Mag), computes into scratch memory and
 * builds the result with int_from_digits, which returns to the word form
 * whenever the value fits.  Algorithms follow CPython's longobject.c
 * (schoolbook multiplication, Knuth division, quadratic base conversion
 * in 10**9 chunks), so hashes and rounding agree with CPython bit for bit.
 *
 * Values -5..256 are static immortal objects (small_ints), filled by
 * tn_int_init_types.  Word-form ints recycle through the per-thread free
 * list.  Number slots return NotImplemented when an operand is not an
 * int, so the abstract layer can try the other operand.
 *
 * bool is a subclass of int: its number table (tn_bool_as_number) lives
 * here because it shares int's slot functions; the type itself is in
 * singletons.c.
 */
#include "core/tn.h"
#include "core/objects/int_bytes.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define SMALL_NEG 5
#define SMALL_POS 257    /* exclusive upper bound */

#define SHIFT 30
#define DBASE ((uint32_t)1 << SHIFT)
#define DMASK (DBASE - 1)
#define MAX_DIGITS ((tn_ssize_t)1 << 28)   /* ~8e9 bits: beyond that, MemoryError-like limits */
#define STR_DIGITS_THRESHOLD 640

typedef uint32_t digit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

static TnInt small_ints[SMALL_NEG + SMALL_POS] = {
    [0 ... SMALL_NEG + SMALL_POS - 1] = {.ob = TN_STATIC_OBJECT_HEAD(&tn_type_int)},
};

static inline bool is_small(const TnObject *op) { return ((const TnInt *)op)->ndigits == 0; }
static inline int64_t ival(const TnObject *op) { return ((const TnInt *)op)->value; }

static TnObject *notimpl(void) { return tn_newref(TN_NOTIMPLEMENTED); }

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static int bit_length_u64(uint64_t m)
{
    return m == 0 ? 0 : 64 - __builtin_clzll(m);
}

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
    o->ndigits = 0;
    return TN_OBJ(o);
}

static TnObject *too_many_digits(void)
{
    return tn_err_format(&tn_exc_OverflowError, "too many digits in integer");
}

/* ---- magnitudes ----------------------------------------------------------- */

/* A borrowed view of an int as sign + digits.  For word-form ints the
 * digits live in buf, so a Mag must not be copied. */
typedef struct Mag {
    const digit *d;
    tn_ssize_t n;      /* digit count, 0 for zero */
    int sign;          /* -1, 0, 1 */
    digit buf[3];
} Mag;

static tn_ssize_t u64_to_digits(uint64_t m, digit *out)
{
    tn_ssize_t n = 0;
    while (m != 0) {
        out[n++] = (digit)(m & DMASK);
        m >>= SHIFT;
    }
    return n;
}

static void mag_load(const TnObject *op, Mag *m)
{
    const TnInt *o = (const TnInt *)op;
    if (o->ndigits == 0) {
        m->sign = o->value < 0 ? -1 : o->value > 0;
        m->n = u64_to_digits(magnitude(o->value), m->buf);
        m->d = m->buf;
    } else {
        m->sign = o->ndigits < 0 ? -1 : 1;
        m->n = o->ndigits < 0 ? -o->ndigits : o->ndigits;
        m->d = o->digit;
    }
}

static tn_ssize_t mag_norm(const digit *d, tn_ssize_t n)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    return n;
}

/* Scratch digit array of n (>= 1) digits, zeroed; NULL with MemoryError. */
static digit *dalloc(tn_ssize_t n)
{
    if (n < 1)
        n = 1;
    if (n > MAX_DIGITS) {
        tn_err_no_memory();
        return NULL;
    }
    digit *d = tn_mem_calloc((size_t)n, sizeof(digit));
    if (d == NULL)
        tn_err_no_memory();
    return d;
}

/* New int of the given sign with magnitude d[0..n) (not necessarily
 * normalised).  Word form when it fits. */
static TnObject *int_from_digits(int sign, const digit *d, tn_ssize_t n)
{
    n = mag_norm(d, n);
    if (n == 0)
        return tn_int_from_i64(0);
    if (n <= 3 && (n < 3 || d[2] < 16)) {
        uint64_t m = 0;
        for (tn_ssize_t i = n; i-- > 0;)
            m = (m << SHIFT) | d[i];
        if (m <= (uint64_t)INT64_MAX)
            return tn_int_from_i64(sign < 0 ? -(int64_t)m : (int64_t)m);
        if (sign < 0 && m == (uint64_t)1 << 63)
            return tn_int_from_i64(INT64_MIN);
    }
    if (n > MAX_DIGITS)
        return tn_err_no_memory();
    TnInt *o = (TnInt *)tn_object_new(&tn_type_int, offsetof(TnInt, digit) + (size_t)n * sizeof(digit));
    if (o == NULL)
        return NULL;
    o->value = 0;
    o->ndigits = sign < 0 ? -n : n;
    memcpy(o->digit, d, (size_t)n * sizeof(digit));
    return TN_OBJ(o);
}

/* Like int_from_digits, then frees d. */
static TnObject *int_from_digits_free(int sign, digit *d, tn_ssize_t n)
{
    TnObject *r = int_from_digits(sign, d, n);
    tn_mem_free(d);
    return r;
}

static TnObject *int_from_u64(int sign, uint64_t m)
{
    digit buf[3];
    tn_ssize_t n = u64_to_digits(m, buf);
    return int_from_digits(sign, buf, n);
}

static int mag_cmp(const digit *a, tn_ssize_t na, const digit *b, tn_ssize_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (tn_ssize_t i = na; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r[0..max(na,nb)] = a + b; r has max(na, nb) + 1 digits. */
static tn_ssize_t mag_add(const digit *a, tn_ssize_t na, const digit *b, tn_ssize_t nb, digit *r)
{
    if (na < nb) {
        const digit *t = a; a = b; b = t;
        tn_ssize_t tn = na; na = nb; nb = tn;
    }
    digit carry = 0;
    tn_ssize_t i = 0;
    for (; i < nb; i++) {
        carry += a[i] + b[i];
        r[i] = carry & DMASK;
        carry >>= SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = carry & DMASK;
        carry >>= SHIFT;
    }
    r[i] = carry;
    return na + 1;
}

/* r = a - b for |a| >= |b|; r has na digits. */
static tn_ssize_t mag_sub(const digit *a, tn_ssize_t na, const digit *b, tn_ssize_t nb, digit *r)
{
    digit borrow = 0;
    tn_ssize_t i = 0;
    for (; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        r[i] = borrow & DMASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a[i] - borrow;
        r[i] = borrow & DMASK;
        borrow = (borrow >> SHIFT) & 1;
    }
    return na;
}

/* r (na + nb digits, zeroed) = a * b. */
static void mag_mul(const digit *a, tn_ssize_t na, const digit *b, tn_ssize_t nb, digit *r)
{
    for (tn_ssize_t i = 0; i < na; i++) {
        twodigits carry = 0, f = a[i];
        if (f == 0)
            continue;
        digit *pz = r + i;
        for (tn_ssize_t j = 0; j < nb; j++) {
            carry += pz[j] + b[j] * f;
            pz[j] = (digit)(carry & DMASK);
            carry >>= SHIFT;
        }
        for (tn_ssize_t j = nb; carry != 0; j++) {
            carry += pz[j];
            pz[j] = (digit)(carry & DMASK);
            carry >>= SHIFT;
        }
    }
}

/* In place: a[0..n) = a * m + add; returns the carry digit. */
static digit mag_muladd1(digit *a, tn_ssize_t n, digit m, digit add)
{
    twodigits carry = add;
    for (tn_ssize_t i = 0; i < n; i++) {
        carry += (twodigits)a[i] * m;
        a[i] = (digit)(carry & DMASK);
        carry >>= SHIFT;
    }
    return (digit)carry;
}

/* q[0..n) = a / d; returns a % d (d < 2**30, d != 0). q may alias a. */
static digit mag_divrem1(const digit *a, tn_ssize_t n, digit d, digit *q)
{
    twodigits rem = 0;
    for (tn_ssize_t i = n; i-- > 0;) {
        rem = (rem << SHIFT) | a[i];
        digit hi = (digit)(rem / d);
        q[i] = hi;
        rem -= (twodigits)hi * d;
    }
    return (digit)rem;
}

static int digit_bits(digit d) { return d == 0 ? 0 : 32 - __builtin_clz(d); }

/* z[0..m) = a << d (0 <= d < 30); returns the carry out. */
static digit v_lshift(digit *z, const digit *a, tn_ssize_t m, int d)
{
    digit carry = 0;
    for (tn_ssize_t i = 0; i < m; i++) {
        twodigits acc = ((twodigits)a[i] << d) | carry;
        z[i] = (digit)acc & DMASK;
        carry = (digit)(acc >> SHIFT);
    }
    return carry;
}

/* z[0..m) = a >> d (0 <= d < 30); returns the bits shifted out. */
static digit v_rshift(digit *z, const digit *a, tn_ssize_t m, int d)
{
    digit carry = 0, mask = ((digit)1 << d) - 1U;
    for (tn_ssize_t i = m; i-- > 0;) {
        twodigits acc = ((twodigits)carry << SHIFT) | a[i];
        carry = (digit)acc & mask;
        z[i] = (digit)(acc >> d);
    }
    return carry;
}

/* Truncated division of magnitudes: q (na - nb + 1 digits) and r (nb
 * digits), both zeroed scratch of at least those sizes; na >= nb >= 1.
 * Knuth's algorithm D as CPython's x_divrem.  0 or -1 (MemoryError). */
static int mag_divrem(const digit *a, tn_ssize_t na, const digit *b, tn_ssize_t nb, digit *q, digit *r)
{
    if (nb == 1) {
        r[0] = mag_divrem1(a, na, b[0], q);
        return 0;
    }
    digit *v = dalloc(na + 1), *w = dalloc(nb);
    if (v == NULL || w == NULL) {
        tn_mem_free(v);
        tn_mem_free(w);
        return -1;
    }
    int d = SHIFT - digit_bits(b[nb - 1]);
    v_lshift(w, b, nb, d);
    digit carry = v_lshift(v, a, na, d);
    tn_ssize_t size_v = na;
    if (carry != 0 || v[na - 1] >= w[nb - 1]) {
        v[na] = carry;
        size_v++;
    }
    tn_ssize_t k = size_v - nb;
    digit wm1 = w[nb - 1], wm2 = w[nb - 2];
    digit *ak = q + k;
    for (digit *vk = v + k; vk-- > v;) {
        digit vtop = vk[nb];
        twodigits vv = ((twodigits)vtop << SHIFT) | vk[nb - 1];
        digit qd = (digit)(vv / wm1);
        digit rr = (digit)(vv - (twodigits)wm1 * qd);
        while ((twodigits)wm2 * qd > (((twodigits)rr << SHIFT) | vk[nb - 2])) {
            --qd;
            rr += wm1;
            if (rr >= DBASE)
                break;
        }
        stwodigits zhi = 0;
        for (tn_ssize_t i = 0; i < nb; ++i) {
            stwodigits z = (int32_t)vk[i] + zhi - (stwodigits)qd * (stwodigits)w[i];
            vk[i] = (digit)z & DMASK;
            zhi = z >> SHIFT;   /* arithmetic shift (GNU C) */
        }
        if ((int32_t)vtop + zhi < 0) {
            digit c = 0;
            for (tn_ssize_t i = 0; i < nb; ++i) {
                c += vk[i] + w[i];
                vk[i] = c & DMASK;
                c >>= SHIFT;
            }
            --qd;
        }
        *--ak = qd;
    }
    v_rshift(r, v, nb, d);
    tn_mem_free(v);
    tn_mem_free(w);
    return 0;
}

/* Total bit length of a magnitude. */
static int64_t mag_bits(const digit *d, tn_ssize_t n)
{
    return n == 0 ? 0 : (int64_t)(n - 1) * SHIFT + digit_bits(d[n - 1]);
}

/* ---- conversions ------------------------------------------------------------- */

int64_t tn_int_as_i64(TnObject *op, int *overflow)
{
    if (!is_small(op)) {
        *overflow = 1;
        return -1;
    }
    *overflow = 0;
    return ival(op);
}

tn_ssize_t tn_int_as_ssize(TnObject *op)
{
    int64_t v = ival(op);
    if (!is_small(op) || v > INTPTR_MAX || v < INTPTR_MIN) {
        tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (tn_ssize_t)v;
}

int tn_int_sign(TnObject *op)
{
    const TnInt *o = (const TnInt *)op;
    if (o->ndigits != 0)
        return o->ndigits < 0 ? -1 : 1;
    return o->value < 0 ? -1 : o->value > 0;
}

/* The top 55+ significant bits of |m| with a sticky bit, as a uint64, and
 * the power of two to scale it by: |m| ~= top * 2**(*exp). */
static uint64_t mag_top_bits(const Mag *m, int64_t *exp)
{
    int64_t nbits = mag_bits(m->d, m->n);
    int64_t shift = nbits > 62 ? nbits - 62 : 0;
    /* Collect bits [shift, nbits) and OR the lower ones into the sticky bit. */
    uint64_t top = 0;
    for (int64_t bit = nbits; bit-- > shift;) {
        digit dg = m->d[bit / SHIFT];
        top = (top << 1) | ((dg >> (bit % SHIFT)) & 1);
    }
    bool sticky = false;
    for (tn_ssize_t i = 0; i < m->n && (int64_t)i * SHIFT < shift; i++) {
        int64_t lo = (int64_t)i * SHIFT;
        digit dg = m->d[i];
        if (lo + SHIFT > shift)
            dg &= ((digit)1 << (shift - lo)) - 1U;
        if (dg != 0) {
            sticky = true;
            break;
        }
    }
    *exp = shift;
    return top | (sticky ? 1 : 0);
}

double tn_int_as_double(TnObject *op)
{
    if (is_small(op))
        return (double)ival(op);
    Mag m;
    mag_load(op, &m);
    int64_t e;
    uint64_t top = mag_top_bits(&m, &e);
    /* top has 62 bits: its conversion rounds once (sticky bit below the
     * rounding position), and the scaling is exact unless it overflows. */
    double d = e > 2000 ? HUGE_VAL : ldexp((double)top, (int)e);
    if (isinf(d)) {
        tn_err_set_str(&tn_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return m.sign < 0 ? -d : d;
}

TnObject *tn_int_from_double(double d)
{
    double t = trunc(d);
    if (t >= -9223372036854775808.0 && t < 9223372036854775808.0)
        return tn_int_from_i64((int64_t)t);
    int expo;
    double frac = frexp(fabs(t), &expo);   /* |t| = frac * 2**expo, expo > 63 */
    tn_ssize_t nd = (expo - 1) / SHIFT + 1;
    digit *dg = dalloc(nd);
    if (dg == NULL)
        return NULL;
    frac = ldexp(frac, (expo - 1) % SHIFT + 1);
    for (tn_ssize_t i = nd; i-- > 0;) {
        digit bits = (digit)frac;
        dg[i] = bits;
        frac -= (double)bits;
        frac = ldexp(frac, SHIFT);
    }
    return int_from_digits_free(t < 0 ? -1 : 1, dg, nd);
}

int tn_int_compare_double(TnObject *a, double d)
{
    if (isinf(d))
        return d > 0 ? -1 : 1;
    if (is_small(a)) {
        int64_t v = ival(a);
        if (d >= 9223372036854775808.0)
            return -1;
        if (d < -9223372036854775808.0)
            return 1;
        double t = trunc(d);
        int64_t ti = (int64_t)t;
        if (v != ti)
            return v < ti ? -1 : 1;
        return d > t ? -1 : d < t ? 1 : 0;
    }
    /* |a| >= 2**63: compare with the exact integer part of d. */
    int sa = tn_int_sign(a);
    if (d == 0 || (d < 0) != (sa < 0))
        return sa;
    TnObject *ti = tn_int_from_double(trunc(d));
    if (ti == NULL) {
        tn_err_clear();
        return 0;
    }
    TnObject *r = tn_int_richcompare(a, ti, TN_LT);
    int c;
    if (r == TN_TRUE)
        c = -1;
    else {
        tn_xdecref(r);
        r = tn_int_richcompare(a, ti, TN_GT);
        c = r == TN_TRUE ? 1 : 0;
        if (c == 0) {
            double frac = d - trunc(d);
            c = frac > 0 ? -1 : frac < 0 ? 1 : 0;
        }
    }
    tn_xdecref(r);
    tn_decref(ti);
    return c;
}

/* ---- hash and comparison ------------------------------------------------- */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

tn_hash_t tn_int_hash(TnObject *op)
{
    uint64_t h;
    int sign;
    if (is_small(op)) {
        int64_t v = ival(op);
        h = magnitude(v) % HASH_MODULUS;
        sign = v < 0 ? -1 : 1;
    } else {
        Mag m;
        mag_load(op, &m);
        h = 0;
        for (tn_ssize_t i = m.n; i-- > 0;) {
            h = ((h << SHIFT) & HASH_MODULUS) | (h >> (HASH_BITS - SHIFT));
            h += m.d[i];
            if (h >= HASH_MODULUS)
                h -= HASH_MODULUS;
        }
        sign = m.sign;
    }
    tn_hash_t r = sign < 0 ? -(tn_hash_t)h : (tn_hash_t)h;
    return r == -1 ? -2 : r;
}

static int int_compare(TnObject *a, TnObject *b)
{
    if (is_small(a) && is_small(b)) {
        int64_t x = ival(a), y = ival(b);
        return x < y ? -1 : x > y;
    }
    Mag x, y;
    mag_load(a, &x);
    mag_load(b, &y);
    if (x.sign != y.sign)
        return x.sign < y.sign ? -1 : 1;
    int c = mag_cmp(x.d, x.n, y.d, y.n);
    return x.sign < 0 ? -c : c;
}

TnObject *tn_int_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_int_check(a) || !tn_int_check(b))
        return notimpl();
    return tn_bool_from(TN_RICHCOMPARE(int_compare(a, b), 0, op));
}

/* ---- general arithmetic ------------------------------------------------------ */

#define BOTH_INTS(a, b) (tn_int_check(a) && tn_int_check(b))
#define BOTH_SMALL(a, b) (is_small(a) && is_small(b))

/* a + b (negate_b: a - b) on any ints. */
static TnObject *big_addsub(TnObject *a, TnObject *b, bool negate_b)
{
    Mag x, y;
    mag_load(a, &x);
    mag_load(b, &y);
    int sy = negate_b ? -y.sign : y.sign;
    if (x.sign == 0)
        return int_from_digits(sy, y.d, y.n);
    if (sy == 0)
        return int_from_digits(x.sign, x.d, x.n);
    tn_ssize_t n = (x.n > y.n ? x.n : y.n) + 1;
    digit *r = dalloc(n);
    if (r == NULL)
        return NULL;
    if (x.sign == sy) {
        mag_add(x.d, x.n, y.d, y.n, r);
        return int_from_digits_free(x.sign, r, n);
    }
    int c = mag_cmp(x.d, x.n, y.d, y.n);
    if (c >= 0) {
        mag_sub(x.d, x.n, y.d, y.n, r);
        return int_from_digits_free(x.sign, r, n);
    }
    mag_sub(y.d, y.n, x.d, x.n, r);
    return int_from_digits_free(sy, r, n);
}

static TnObject *big_mul(TnObject *a, TnObject *b)
{
    Mag x, y;
    mag_load(a, &x);
    mag_load(b, &y);
    if (x.sign == 0 || y.sign == 0)
        return tn_int_from_i64(0);
    tn_ssize_t n = x.n + y.n;
    digit *r = dalloc(n);
    if (r == NULL)
        return NULL;
    mag_mul(x.d, x.n, y.d, y.n, r);
    return int_from_digits_free(x.sign * y.sign, r, n);
}

/* Floor division and modulo of any ints, b != 0.  *q / *r (either may be
 * NULL) receive new refs.  0 or -1. */
static int big_divmod(TnObject *a, TnObject *b, TnObject **q, TnObject **r)
{
    Mag x, y;
    mag_load(a, &x);
    mag_load(b, &y);
    tn_ssize_t nq = (x.n >= y.n ? x.n - y.n + 1 : 1) + 1;
    tn_ssize_t nr = (x.n > y.n ? x.n : y.n) + 1;
    digit *qd = dalloc(nq), *rd = dalloc(nr);
    if (qd == NULL || rd == NULL)
        goto error;
    if (x.n < y.n)
        memcpy(rd, x.d, (size_t)x.n * sizeof(digit));
    else if (mag_divrem(x.d, x.n, y.d, y.n, qd, rd) < 0)
        goto error;
    tn_ssize_t rn = mag_norm(rd, nr);
    int rsign = rn == 0 ? 0 : x.sign;
    if (rn != 0 && x.sign != y.sign) {
        /* floor: q = q + 1 (in magnitude), r = |b| - r with b's sign */
        for (tn_ssize_t i = 0; i < nq; i++) {
            if (++qd[i] < DBASE)
                break;
            qd[i] = 0;
        }
        mag_sub(y.d, y.n, rd, rn, rd);
        rn = y.n;
        rsign = y.sign;
    }
    if (q != NULL && (*q = int_from_digits(x.sign * y.sign, qd, nq)) == NULL)
        goto error;
    if (r != NULL && (*r = int_from_digits(rsign, rd, rn)) == NULL) {
        if (q != NULL)
            TN_CLEAR(*q);
        goto error;
    }
    tn_mem_free(qd);
    tn_mem_free(rd);
    return 0;
error:
    tn_mem_free(qd);
    tn_mem_free(rd);
    return -1;
}

/* ---- arithmetic slots -------------------------------------------------------- */

static TnObject *int_add(TnObject *a, TnObject *b)
{
    int64_t r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (BOTH_SMALL(a, b) && !__builtin_add_overflow(ival(a), ival(b), &r))
        return tn_int_from_i64(r);
    return big_addsub(a, b, false);
}

static TnObject *int_sub(TnObject *a, TnObject *b)
{
    int64_t r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (BOTH_SMALL(a, b) && !__builtin_sub_overflow(ival(a), ival(b), &r))
        return tn_int_from_i64(r);
    return big_addsub(a, b, true);
}

static TnObject *int_mul(TnObject *a, TnObject *b)
{
    int64_t r;
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (BOTH_SMALL(a, b) && !__builtin_mul_overflow(ival(a), ival(b), &r))
        return tn_int_from_i64(r);
    return big_mul(a, b);
}

/* Python floor division and modulo of x by y (y != 0, not INT64_MIN / -1). */
static void floor_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r)
{
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq -= 1;
        rr += y;
    }
    *q = qq;
    *r = rr;
}

static bool word_divisible(TnObject *a, TnObject *b)
{
    return BOTH_SMALL(a, b) && !(ival(a) == INT64_MIN && ival(b) == -1);
}

static TnObject *int_floordiv(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (tn_int_sign(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "integer division or modulo by zero");
    if (word_divisible(a, b)) {
        int64_t q, r;
        floor_divmod(ival(a), ival(b), &q, &r);
        return tn_int_from_i64(q);
    }
    TnObject *q;
    return big_divmod(a, b, &q, NULL) < 0 ? NULL : q;
}

static TnObject *int_mod(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (tn_int_sign(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "integer modulo by zero");
    if (word_divisible(a, b)) {
        int64_t q, r;
        floor_divmod(ival(a), ival(b), &q, &r);
        return tn_int_from_i64(r);
    }
    TnObject *r;
    return big_divmod(a, b, NULL, &r) < 0 ? NULL : r;
}

static TnObject *int_divmod(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (tn_int_sign(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "integer division or modulo by zero");
    TnObject *qo = NULL, *ro = NULL, *t = NULL;
    if (word_divisible(a, b)) {
        int64_t q, r;
        floor_divmod(ival(a), ival(b), &q, &r);
        qo = tn_int_from_i64(q);
        ro = tn_int_from_i64(r);
    } else if (big_divmod(a, b, &qo, &ro) < 0)
        return NULL;
    if (qo != NULL && ro != NULL)
        t = tn_tuple_pack(2, qo, ro);
    tn_xdecref(qo);
    tn_xdecref(ro);
    return t;
}

/* Correctly rounded a / b for b != 0, as CPython's long_true_divide:
 * scale so the integer quotient keeps DBL_MANT_DIG + 2 bits (fewer for
 * subnormal results), fold the remainder into a sticky bit, round by
 * hand, then scale exactly.  -1.0 with OverflowError when too large. */
static double true_divide(TnObject *a, TnObject *b, int *err)
{
    Mag x, y;
    *err = 0;
    mag_load(a, &x);
    mag_load(b, &y);
    bool neg = (x.sign < 0) != (y.sign < 0);
    if (x.sign == 0)
        return neg ? -0.0 : 0.0;
    int64_t xb = mag_bits(x.d, x.n), yb = mag_bits(y.d, y.n);
    if (xb <= DBL_MANT_DIG && yb <= DBL_MANT_DIG) {
        double r = tn_int_as_double(a) / tn_int_as_double(b);
        return r;
    }
    int64_t diff = xb - yb;
    if (diff > DBL_MAX_EXP) {
        *err = 1;
        return -1.0;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return neg ? -0.0 : 0.0;
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    /* num = |a| << -shift or den = |b| << shift, as digit arrays */
    tn_ssize_t nn = x.n + (shift < 0 ? (tn_ssize_t)(-shift / SHIFT) + 1 : 0) + 1;
    tn_ssize_t dn = y.n + (shift > 0 ? (tn_ssize_t)(shift / SHIFT) + 1 : 0) + 1;
    digit *num = dalloc(nn), *den = dalloc(dn), *q = NULL, *r = NULL;
    double result = -1.0;
    if (num == NULL || den == NULL)
        goto done;
    {
        const Mag *src[2] = {&x, &y};
        digit *dst[2] = {num, den};
        int64_t sh[2] = {shift < 0 ? -shift : 0, shift > 0 ? shift : 0};
        for (int k = 0; k < 2; k++) {
            tn_ssize_t ws = (tn_ssize_t)(sh[k] / SHIFT);
            dst[k][ws + src[k]->n] = v_lshift(dst[k] + ws, src[k]->d, src[k]->n, (int)(sh[k] % SHIFT));
        }
    }
    nn = mag_norm(num, nn);
    dn = mag_norm(den, dn);
    uint64_t qv = 0;
    bool inexact = false;
    if (nn >= dn) {
        q = dalloc(nn - dn + 2);
        r = dalloc(dn + 1);
        if (q == NULL || r == NULL || mag_divrem(num, nn, den, dn, q, r) < 0)
            goto done;
        inexact = mag_norm(r, dn) != 0;
        tn_ssize_t qn = mag_norm(q, nn - dn + 1);
        for (tn_ssize_t i = qn; i-- > 0;)
            qv = (qv << SHIFT) | q[i];   /* qn <= 3 and the quotient < 2**57 */
    } else
        inexact = true;
    int qbits = bit_length_u64(qv);
    int64_t extra = (qbits > DBL_MIN_EXP - shift ? qbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    if (extra > 0) {
        uint64_t mask = (uint64_t)1 << (extra - 1);
        uint64_t low = qv | (inexact ? 1 : 0);
        if ((low & mask) && (low & (3 * mask - 1)))
            qv += mask;
        qv &= ~(2 * mask - 1);
    }
    result = ldexp((double)qv, (int)shift);
    if (isinf(result)) {
        *err = 1;
        result = -1.0;
        goto done;
    }
    if (neg)
        result = -result;
done:
    if (*err == 0 && result == -1.0 && tn_err_occurred())
        *err = 2;
    tn_mem_free(num);
    tn_mem_free(den);
    tn_mem_free(q);
    tn_mem_free(r);
    return result;
}

static TnObject *int_truediv(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (tn_int_sign(b) == 0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "division by zero");
    int err;
    double d = true_divide(a, b, &err);
    if (err == 1)
        return tn_err_format(&tn_exc_OverflowError, "integer division result too large for a float");
    if (err)
        return NULL;
    return tn_float_from_double(d);
}

/* ---- power ----------------------------------------------------------------------- */

/* x**e for e >= 0 on words; returns -1 on overflow. */
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

/* r = r * f (mod m when m != NULL); consumes r.  NULL on error. */
static TnObject *mul_mod_steal(TnObject *r, TnObject *f, TnObject *m)
{
    TnObject *p = int_mul(r, f);
    tn_decref(r);
    if (p == NULL || m == NULL)
        return p;
    TnObject *res = int_mod(p, m);
    tn_decref(p);
    return res;
}

/* Inverse of a modulo n (n > 0), CPython's long_invmod.  New ref or NULL
 * with ValueError "base is not invertible for the given modulus". */
static TnObject *int_invmod(TnObject *a, TnObject *n)
{
    TnObject *b = tn_int_from_i64(1), *c = tn_int_from_i64(0), *res = NULL;
    TnObject *aa = tn_newref(a), *nn = tn_newref(n);
    while (tn_int_sign(nn) != 0) {
        TnObject *q, *r;
        if (big_divmod(aa, nn, &q, &r) < 0)
            goto done;
        TN_SETREF(aa, nn);
        nn = r;
        TnObject *t = int_mul(q, c);
        tn_decref(q);
        if (t == NULL)
            goto done;
        TnObject *s = int_sub(b, t);
        tn_decref(t);
        if (s == NULL)
            goto done;
        TN_SETREF(b, c);
        c = s;
    }
    if (tn_int_sign(aa) != 1 || !is_small(aa) || ival(aa) != 1) {
        tn_err_set_str(&tn_exc_ValueError, "base is not invertible for the given modulus");
        goto done;
    }
    res = int_mod(b, n);
done:
    tn_decref(b);
    tn_decref(c);
    tn_decref(aa);
    tn_decref(nn);
    return res;
}

static TnObject *int_pow(TnObject *a, TnObject *b, TnObject *mod)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    TnObject *m = NULL;
    if (mod != NULL && mod != TN_NONE) {
        if (!tn_int_check(mod))
            return notimpl();
        m = mod;
    }
    int bsign = tn_int_sign(b);
    if (m == NULL) {
        if (bsign < 0) {
            if (tn_int_sign(a) == 0)
                return tn_err_format(&tn_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            /* As CPython: a negative exponent makes it a float operation. */
            return tn_type_float.as_number->power(a, b, TN_NONE);
        }
        int64_t r;
        if (BOTH_SMALL(a, b) && ipow(ival(a), (uint64_t)ival(b), &r) == 0)
            return tn_int_from_i64(r);
        if (is_small(a) && (ival(a) == 0 || ival(a) == 1))
            return tn_int_from_i64(ival(a));
        if (is_small(a) && ival(a) == -1) {
            Mag e;
            mag_load(b, &e);
            return tn_int_from_i64((e.d[0] & 1) ? -1 : 1);
        }
    }
    TnObject *base = NULL, *absm = NULL, *exp = NULL, *result = NULL;
    if (m != NULL) {
        if (tn_int_sign(m) == 0)
            return tn_err_format(&tn_exc_ValueError, "pow() 3rd argument cannot be 0");
        absm = tn_int_sign(m) < 0 ? big_addsub(tn_int_from_i64(0), m, true) : tn_newref(m);
        if (absm == NULL)
            return NULL;
        if (is_small(absm) && ival(absm) == 1) {
            tn_decref(absm);
            return tn_int_from_i64(0);
        }
        base = int_mod(a, absm);
        if (base == NULL)
            goto done;
        if (bsign < 0) {
            TN_SETREF(base, int_invmod(base, absm));
            if (base == NULL)
                goto done;
            exp = big_addsub(tn_int_from_i64(0), b, true);
        } else
            exp = tn_newref(b);
    } else {
        base = tn_newref(a);
        exp = tn_newref(b);
    }
    if (exp == NULL)
        goto done;
    result = tn_int_from_i64(1);
    {
        Mag e;
        mag_load(exp, &e);
        for (int64_t bit = mag_bits(e.d, e.n); bit-- > 0;) {
            result = mul_mod_steal(result, result, absm);
            if (result == NULL)
                goto done;
            if ((e.d[bit / SHIFT] >> (bit % SHIFT)) & 1) {
                result = mul_mod_steal(result, base, absm);
                if (result == NULL)
                    goto done;
            }
        }
    }
    if (m != NULL && tn_int_sign(m) < 0 && tn_int_sign(result) != 0) {
        TnObject *t = int_sub(result, absm);
        TN_SETREF(result, t);
    }
done:
    tn_xdecref(base);
    tn_xdecref(absm);
    tn_xdecref(exp);
    return result;
}

/* ---- unary ------------------------------------------------------------------------- */

static TnObject *int_neg(TnObject *a)
{
    if (is_small(a) && ival(a) != INT64_MIN)
        return tn_int_from_i64(-ival(a));
    Mag x;
    mag_load(a, &x);
    return int_from_digits(-x.sign, x.d, x.n);
}

static TnObject *int_exact(TnObject *a)
{
    if (tn_int_check_exact(a))
        return tn_newref(a);
    Mag x;
    mag_load(a, &x);
    return int_from_digits(x.sign, x.d, x.n);
}

static TnObject *int_abs(TnObject *a)
{
    if (tn_int_sign(a) < 0)
        return int_neg(a);
    return int_exact(a);
}

static int int_bool(TnObject *a) { return tn_int_sign(a) != 0; }

static TnObject *int_invert(TnObject *a)
{
    if (is_small(a))
        return tn_int_from_i64(~ival(a));
    /* ~a == -(a + 1) */
    TnObject *one = tn_int_from_i64(1);
    TnObject *s = big_addsub(a, one, false);
    if (s == NULL)
        return NULL;
    TnObject *r = int_neg(s);
    tn_decref(s);
    return r;
}

/* ---- shifts ------------------------------------------------------------------------- */

/* Shift count from b (an int): -1 with ValueError when negative; 1 with
 * *huge set when it does not fit a word. */
static int shift_count(TnObject *b, int64_t *s, bool *huge)
{
    *huge = false;
    if (tn_int_sign(b) < 0) {
        tn_err_set_str(&tn_exc_ValueError, "negative shift count");
        return -1;
    }
    if (!is_small(b))
        *huge = true;
    else
        *s = ival(b);
    return 0;
}

static TnObject *int_lshift(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    int64_t s = 0;
    bool huge;
    if (shift_count(b, &s, &huge) < 0)
        return NULL;
    if (tn_int_sign(a) == 0)
        return tn_int_from_i64(0);
    if (huge)
        return too_many_digits();
    if (is_small(a) && s < 63) {
        int64_t x = ival(a), r = (int64_t)((uint64_t)x << s);
        if ((r >> s) == x)
            return tn_int_from_i64(r);
    }
    Mag x;
    mag_load(a, &x);
    int64_t ws = s / SHIFT;
    if (ws > MAX_DIGITS)
        return tn_err_no_memory();
    tn_ssize_t n = x.n + (tn_ssize_t)ws + 1;
    digit *r = dalloc(n);
    if (r == NULL)
        return NULL;
    r[ws + x.n] = v_lshift(r + ws, x.d, x.n, (int)(s % SHIFT));
    return int_from_digits_free(x.sign, r, n);
}

static TnObject *int_rshift(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    int64_t s = 0;
    bool huge;
    if (shift_count(b, &s, &huge) < 0)
        return NULL;
    int sa = tn_int_sign(a);
    if (is_small(a) && !huge)
        return tn_int_from_i64(s >= 64 ? (ival(a) < 0 ? -1 : 0) : ival(a) >> s);
    Mag x;
    mag_load(a, &x);
    if (huge || s / SHIFT >= x.n)
        return tn_int_from_i64(sa < 0 ? -1 : 0);
    /* floor semantics for negatives: -((|a| - 1) >> s) - 1 */
    digit *t = dalloc(x.n + 1);
    if (t == NULL)
        return NULL;
    memcpy(t, x.d, (size_t)x.n * sizeof(digit));
    if (sa < 0) {
        digit one = 1;
        mag_sub(t, x.n, &one, 1, t);
    }
    tn_ssize_t ws = (tn_ssize_t)(s / SHIFT);
    tn_ssize_t n = x.n - ws;
    digit *o = dalloc(n + 1);
    if (o == NULL) {
        tn_mem_free(t);
        return NULL;
    }
    v_rshift(o, t + ws, n, (int)(s % SHIFT));
    tn_mem_free(t);
    if (sa < 0) {
        digit one = 1;
        mag_add(o, n, &one, 1, o);
        n++;
    }
    return int_from_digits_free(sa, o, n);
}

/* ---- bitwise ------------------------------------------------------------------------- */

/* Two's complement of x into out[0..n) (n > x.n), 30 bits per digit. */
static void to_twos(const Mag *x, digit *out, tn_ssize_t n)
{
    memset(out, 0, (size_t)n * sizeof(digit));
    memcpy(out, x->d, (size_t)x->n * sizeof(digit));
    if (x->sign < 0) {
        digit carry = 1;
        for (tn_ssize_t i = 0; i < n; i++) {
            carry += (~out[i]) & DMASK;
            out[i] = carry & DMASK;
            carry >>= SHIFT;
        }
    }
}

static TnObject *big_bitwise(TnObject *a, TnObject *b, char op)
{
    Mag x, y;
    mag_load(a, &x);
    mag_load(b, &y);
    tn_ssize_t n = (x.n > y.n ? x.n : y.n) + 1;
    digit *p = dalloc(n), *q = dalloc(n);
    if (p == NULL || q == NULL) {
        tn_mem_free(p);
        tn_mem_free(q);
        return NULL;
    }
    to_twos(&x, p, n);
    to_twos(&y, q, n);
    for (tn_ssize_t i = 0; i < n; i++)
        p[i] = op == '&' ? (p[i] & q[i]) : op == '|' ? (p[i] | q[i]) : (p[i] ^ q[i]);
    tn_mem_free(q);
    bool neg = (p[n - 1] >> (SHIFT - 1)) & 1;
    if (neg) {
        Mag r = {.d = p, .n = n, .sign = -1};
        /* negating a two's complement value is the same operation */
        digit *m = dalloc(n);
        if (m == NULL) {
            tn_mem_free(p);
            return NULL;
        }
        r.sign = -1;
        to_twos(&r, m, n);
        tn_mem_free(p);
        return int_from_digits_free(-1, m, n);
    }
    return int_from_digits_free(1, p, n);
}

static TnObject *int_and(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (BOTH_SMALL(a, b))
        return tn_int_from_i64(ival(a) & ival(b));
    return big_bitwise(a, b, '&');
}

static TnObject *int_xor(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (BOTH_SMALL(a, b))
        return tn_int_from_i64(ival(a) ^ ival(b));
    return big_bitwise(a, b, '^');
}

static TnObject *int_or(TnObject *a, TnObject *b)
{
    if (!BOTH_INTS(a, b))
        return notimpl();
    if (BOTH_SMALL(a, b))
        return tn_int_from_i64(ival(a) | ival(b));
    return big_bitwise(a, b, '|');
}

static TnObject *int_float(TnObject *a)
{
    double d = tn_int_as_double(a);
    if (d == -1.0 && tn_err_occurred())
        return NULL;
    return tn_float_from_double(d);
}

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

/* 10**k for k >= 0 as an int; new ref or NULL. */
static TnObject *pow10_int(int64_t k)
{
    TnObject *ten = tn_int_from_i64(10), *e = tn_int_from_i64(k);
    TnObject *r = e == NULL ? NULL : int_pow(ten, e, NULL);
    tn_xdecref(e);
    return r;
}

TnObject *tn_int_round(TnObject *x, TnObject *ndigits)
{
    if (ndigits == NULL || ndigits == TN_NONE)
        return int_exact(x);
    TnObject *nd = tn_number_index(ndigits);
    if (nd == NULL)
        return NULL;
    int sn = tn_int_sign(nd);
    bool huge = !is_small(nd);
    int64_t n = ival(nd);
    tn_decref(nd);
    if (sn >= 0)
        return int_exact(x);
    if (huge || n < -(int64_t)MAX_DIGITS * 10)
        return tn_int_from_i64(0);
    /* CPython's _PyLong_Round: q, r = divmod(x, p); r*2 vs p, half to even. */
    TnObject *p = pow10_int(-n), *q = NULL, *r = NULL, *res = NULL;
    if (p == NULL)
        return NULL;
    if (big_divmod(x, p, &q, &r) < 0)
        goto done;
    TnObject *two = tn_int_from_i64(2);
    TnObject *r2 = int_mul(r, two);
    if (r2 == NULL)
        goto done;
    int c = int_compare(r2, p);
    tn_decref(r2);
    bool q_odd;
    {
        Mag qm;
        mag_load(q, &qm);
        q_odd = qm.n > 0 && (qm.d[0] & 1);
    }
    if (c > 0 || (c == 0 && q_odd)) {
        TnObject *q1 = big_addsub(q, tn_int_from_i64(1), false);
        TN_SETREF(q, q1);
        if (q == NULL)
            goto done;
    }
    res = int_mul(q, p);
done:
    tn_decref(p);
    tn_xdecref(q);
    tn_xdecref(r);
    return res;
}

/* ---- to string ---------------------------------------------------------- */

static int max_str_digits(void) { return tn_interp()->int_max_str_digits; }

static TnObject *str_limit_error(void)
{
    return tn_err_format(&tn_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion; "
                         "use sys.set_int_max_str_digits() to increase the limit",
                         max_str_digits());
}

/* Decimal digits of a big magnitude, CPython's quadratic conversion to
 * base 10**9.  Returns a malloc'd NUL-terminated string (length in *len). */
static char *mag_to_decimal(const Mag *m, tn_ssize_t *len)
{
    const digit DEC = 1000000000U;
    /* each 30-bit digit needs at most 30/29.89 ~ 1.004 base-1e9 digits */
    tn_ssize_t cap = m->n + m->n / 200 + 2;
    digit *pout = dalloc(cap);
    if (pout == NULL)
        return NULL;
    tn_ssize_t size = 0;
    for (tn_ssize_t i = m->n; i-- > 0;) {
        digit hi = m->d[i];
        for (tn_ssize_t j = 0; j < size; j++) {
            twodigits z = (twodigits)pout[j] << SHIFT | hi;
            hi = (digit)(z / DEC);
            pout[j] = (digit)(z - (twodigits)hi * DEC);
        }
        while (hi) {
            pout[size++] = hi % DEC;
            hi /= DEC;
        }
    }
    if (size == 0)
        pout[size++] = 0;
    tn_ssize_t n = (size - 1) * 9;
    for (digit t = pout[size - 1]; t != 0; t /= 10)
        n++;
    if (pout[size - 1] == 0)
        n++;
    char *s = tn_mem_alloc((size_t)n + 1);
    if (s == NULL) {
        tn_mem_free(pout);
        tn_err_no_memory();
        return NULL;
    }
    char *p = s + n;
    *p = '\0';
    for (tn_ssize_t j = 0; j < size - 1; j++) {
        digit r = pout[j];
        for (int k = 0; k < 9; k++) {
            *--p = (char)('0' + r % 10);
            r /= 10;
        }
    }
    digit r = pout[size - 1];
    do {
        *--p = (char)('0' + r % 10);
        r /= 10;
    } while (r != 0);
    tn_mem_free(pout);
    *len = n;
    return s;
}

/* Digits of a big magnitude in base 2, 8 or 16 (or any power of two). */
static char *mag_to_pow2(const Mag *m, int base, tn_ssize_t *len)
{
    int bits = base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : base == 4 ? 2 : 5;
    int64_t nbits = mag_bits(m->d, m->n);
    tn_ssize_t n = (tn_ssize_t)((nbits + bits - 1) / bits);
    char *s = tn_mem_alloc((size_t)n + 1);
    if (s == NULL) {
        tn_err_no_memory();
        return NULL;
    }
    for (tn_ssize_t i = 0; i < n; i++) {
        int v = 0;
        for (int k = bits; k-- > 0;) {
            int64_t bit = (int64_t)i * bits + k;
            int b = bit < nbits ? (int)((m->d[bit / SHIFT] >> (bit % SHIFT)) & 1) : 0;
            v = (v << 1) | b;
        }
        s[n - 1 - i] = "0123456789abcdefghijklmnopqrstuvwxyz"[v];
    }
    s[n] = '\0';
    *len = n;
    return s;
}

/* Digits of |x| in any base 2..36 for a big magnitude (repeated division). */
static char *mag_to_generic(const Mag *m, int base, tn_ssize_t *len)
{
    digit *t = dalloc(m->n);
    if (t == NULL)
        return NULL;
    memcpy(t, m->d, (size_t)m->n * sizeof(digit));
    tn_ssize_t tn = m->n;
    tn_ssize_t cap = (tn_ssize_t)mag_bits(m->d, m->n) + 2, n = 0;
    char *rev = tn_mem_alloc((size_t)cap + 1);
    if (rev == NULL) {
        tn_mem_free(t);
        tn_err_no_memory();
        return NULL;
    }
    while (tn > 0) {
        digit r = mag_divrem1(t, tn, (digit)base, t);
        rev[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[r];
        tn = mag_norm(t, tn);
    }
    for (tn_ssize_t i = 0; i < n / 2; i++) {
        char c = rev[i];
        rev[i] = rev[n - 1 - i];
        rev[n - 1 - i] = c;
    }
    rev[n] = '\0';
    tn_mem_free(t);
    *len = n;
    return rev;
}

/* Writes the digits of |v| in base (2..36) backwards ending at end;
 * returns the start. */
static char *digits_backwards(char *end, uint64_t mag, int base)
{
    const char *dig = "0123456789abcdefghijklmnopqrstuvwxyz";
    char *p = end;
    do {
        *--p = dig[mag % (unsigned)base];
        mag /= (unsigned)base;
    } while (mag != 0);
    return p;
}

TnObject *tn_int_to_str(TnObject *op, int base)
{
    const char *prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    if (is_small(op)) {
        char buf[80];
        char *end = buf + sizeof buf;
        int64_t v = ival(op);
        char *p = digits_backwards(end, magnitude(v), base);
        if (*prefix) {
            *--p = prefix[1];
            *--p = '0';
        }
        if (v < 0)
            *--p = '-';
        return tn_str_from_utf8(p, end - p);
    }
    Mag m;
    mag_load(op, &m);
    tn_ssize_t n = 0;
    char *s;
    if (base == 10) {
        int lim = max_str_digits();
        if (m.n >= 10 * STR_DIGITS_THRESHOLD / (3 * SHIFT) + 2 && lim > 0
            && lim / (3 * SHIFT) <= (m.n - 11) / 10)
            return str_limit_error();
        s = mag_to_decimal(&m, &n);
        if (s != NULL && n > STR_DIGITS_THRESHOLD && lim > 0 && n > lim) {
            tn_mem_free(s);
            return str_limit_error();
        }
    } else if ((base & (base - 1)) == 0)
        s = mag_to_pow2(&m, base, &n);
    else
        s = mag_to_generic(&m, base, &n);
    if (s == NULL)
        return NULL;
    tn_ssize_t pl = (tn_ssize_t)strlen(prefix) + (m.sign < 0);
    char *out = tn_mem_alloc((size_t)(n + pl));
    if (out == NULL) {
        tn_mem_free(s);
        return tn_err_no_memory();
    }
    char *q = out;
    if (m.sign < 0)
        *q++ = '-';
    memcpy(q, prefix, strlen(prefix));
    memcpy(out + pl, s, (size_t)n);
    tn_mem_free(s);
    TnObject *res = tn_str_from_utf8(out, n + pl);
    tn_mem_free(out);
    return res;
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

/* Magnitude of the digits in p[0..n) (underscores skipped, all valid)
 * in base; new int with the given sign or NULL. */
static TnObject *parse_big(const char *p, tn_ssize_t n, int base, tn_ssize_t ndig, bool neg)
{
    /* chunk: the largest power of base below 2**30 */
    digit mult_max = (digit)base;
    int per = 1;
    while ((twodigits)mult_max * (twodigits)base < DBASE) {
        mult_max *= (digit)base;
        per++;
    }
    double bits = (double)ndig * log2((double)base);
    tn_ssize_t cap = (tn_ssize_t)(bits / SHIFT) + 2;
    digit *acc = dalloc(cap);
    if (acc == NULL)
        return NULL;
    tn_ssize_t size = 0;
    digit c = 0, mult = 1;
    int k = 0;
    for (tn_ssize_t i = 0; i <= n; i++) {
        if (i < n) {
            if (p[i] == '_')
                continue;
            c = c * (digit)base + (digit)digit_value((unsigned char)p[i]);
            mult *= (digit)base;
            if (++k < per)
                continue;
        } else if (k == 0)
            break;
        digit carry = mag_muladd1(acc, size, mult, c);
        if (carry != 0 && size < cap)
            acc[size++] = carry;
        c = 0;
        mult = 1;
        k = 0;
    }
    return int_from_digits_free(neg ? -1 : 1, acc, cap);
}

/* Parse an ASCII literal in p[0..n) (no surrounding whitespace).  Returns 1
 * with *out set, 0 if it is not a valid literal, -1 on error (raised). */
static int parse_ascii_int(const char *p, tn_ssize_t n, int base, TnObject **out)
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
    /* CPython 3.11 limits the digit count of non-power-of-two bases
     * before validating the rest of the text. */
    if ((base & (base - 1)) != 0) {
        tn_ssize_t cnt = 0;
        for (tn_ssize_t j = i; j < n && (p[j] == '_' || digit_value((unsigned char)p[j]) < base); j++)
            cnt += p[j] != '_';
        int lim = max_str_digits();
        if (cnt > STR_DIGITS_THRESHOLD && lim > 0 && cnt > lim) {
            tn_err_format(&tn_exc_ValueError,
                          "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; "
                          "use sys.set_int_max_str_digits() to increase the limit",
                          lim, cnt);
            return -1;
        }
    }
    uint64_t mag = 0;
    bool overflow = false, any = false, nonzero = false, leading_zero = false;
    tn_ssize_t first = i, ndig = 0;
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
        ndig++;
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
    if (overflow)
        *out = parse_big(p + first, n - first, base, ndig, neg);
    else
        *out = int_from_u64(neg ? -1 : 1, mag);
    return *out == NULL ? -1 : 1;
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
    TnObject *v = NULL;
    int r = parse_ascii_int(p, n, base, &v);
    tn_mem_free(tmp);
    if (r < 0)
        return NULL;
    if (r == 0)
        return invalid_literal(s, len, base);
    return v;
}

/* An instance of `type` (a subclass of int) with the value of the exact
 * int v.  Digits follow the fixed part as for int itself. */
static TnObject *int_new_of_type(TnType *type, TnObject *v)
{
    const TnInt *src = (const TnInt *)v;
    tn_ssize_t n = src->ndigits < 0 ? -src->ndigits : src->ndigits;
    size_t size = (size_t)type->basicsize + (size_t)n * sizeof(digit);
    TnInt *o = (TnInt *)tn_object_new(type, size);
    if (o == NULL)
        return NULL;
    o->value = src->value;
    o->ndigits = src->ndigits;
    memcpy(o->digit, src->digit, (size_t)n * sizeof(digit));
    return TN_OBJ(o);
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
                                 tn_type_name(tn_type(x)));
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
                                         tn_type_name(tn_type(r)));
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
                      tn_type_name(tn_type(r)));
        tn_decref(r);
        return NULL;
    }
    if (!tn_int_check_exact(r))
        TN_SETREF(r, int_exact(r));
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

/* int(b"12", base) for bytes/bytearray/memoryview (CPython's
 * _PyLong_FromBytes): the digits are parsed as text; a bad literal is
 * reported with the bytes' repr ("... with base 10: b'x'"). */
static TnObject *int_from_bytes_like(TnObject *x, int base)
{
    TnObject *b = tn_bytes_snapshot_ref(x);
    if (b == NULL)
        return tn_err_occurred() ? NULL : tn_err_format(&tn_exc_TypeError, "int() can't convert bytes-like object");
    tn_ssize_t n = tn_bytes_size(b);
    const char *d = tn_bytes_data(b);
    /* An embedded NUL or non-ASCII byte can never be part of a literal; the
     * text parser sees only the valid prefix otherwise. */
    bool clean = true;
    for (tn_ssize_t i = 0; i < n && clean; i++)
        clean = d[i] != 0 && (unsigned char)d[i] < 0x80;
    TnObject *r = clean ? tn_int_from_string(d, n, base) : NULL;
    if (r == NULL && (!clean || tn_err_matches(&tn_exc_ValueError))) {
        TnObject *exc = clean ? tn_err_fetch() : NULL;
        TnObject *msg = exc != NULL ? tn_object_str(exc) : NULL;
        bool literal = !clean || (msg != NULL && strncmp(tn_str_utf8(msg, NULL), "invalid literal", 15) == 0);
        if (literal)
            tn_err_format(&tn_exc_ValueError, "invalid literal for int() with base %d: %.200R", base, b);
        tn_xdecref(msg);
        if (literal)
            tn_xdecref(exc);
        else
            tn_err_restore(exc);    /* e.g. the digit-count limit: keep it */
    }
    tn_decref(b);
    return r;
}

static bool is_bytes_like_arg(TnObject *x)
{
    return tn_bytes_check(x) || tn_bytearray_check(x) || tn_memoryview_check(x);
}

/* __int__ / __index__ win over the bytes parsing (CPython's PyNumber_Long order). */
static bool has_int_slots(TnObject *x)
{
    const TnNumberMethods *nb = tn_type(x)->as_number;
    return nb != NULL && (nb->int_ != NULL || nb->index != NULL);
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
        else if (is_bytes_like_arg(x) && !has_int_slots(x))
            r = int_from_bytes_like(x, 10);
        else
            r = int_from_object(x);
    } else {
        if (x == NULL)
            return tn_err_format(&tn_exc_TypeError, "int() missing string argument");
        TnObject *bi = tn_number_index(obase);
        if (bi == NULL)
            return NULL;
        int64_t b = is_small(bi) ? ival(bi) : 99;
        tn_decref(bi);
        if (b != 0 && (b < 2 || b > 36))
            return tn_err_format(&tn_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (tn_bytes_check(x) || tn_bytearray_check(x))
            r = int_from_bytes_like(x, (int)b);
        else if (!tn_str_check(x))
            return tn_err_format(&tn_exc_TypeError, "int() can't convert non-string with explicit base");
        else
            r = int_from_str_object(x, (int)b);
    }
    if (r == NULL || type == &tn_type_int)
        return r;
    TnObject *sub = int_new_of_type(type, r);
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
    Mag m;
    mag_load(self, &m);
    return tn_int_from_i64(mag_bits(m.d, m.n));
}

static TnObject *int_bit_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    NOARGS("int.bit_count");
    Mag m;
    mag_load(self, &m);
    int64_t c = 0;
    for (tn_ssize_t i = 0; i < m.n; i++)
        c += __builtin_popcount(m.d[i]);
    return tn_int_from_i64(c);
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
                             tn_type_name(tn_type(args[0])));
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
    /* The memory actually used: the fixed part (header, word value, digit
     * count) plus the inline digits of a big value. */
    tn_ssize_t ndigits = ((TnInt *)self)->ndigits;
    if (ndigits < 0)
        ndigits = -ndigits;
    return tn_int_from_i64((int64_t)tn_type(self)->basicsize + 4 * (int64_t)ndigits);
}

static const TnMethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of the absolute value of self."},
    {"conjugate", int_self_meth, 0, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {"to_bytes", tn_int_to_bytes_meth, 0, "Return an array of bytes representing an integer."},
    {"from_bytes", tn_int_from_bytes_meth, TN_METH_CLASS, "Return the integer represented by the given array of bytes."},
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
    if (tn_int_check_exact(op) && is_small(op) && tn_freelist_push(&tn_tstate()->int_freelist, op))
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
