/* core/objects/complex.c — complex numbers, as CPython 3.11's
 * Objects/complexobject.c.
 *
 * Number slots accept int, float or complex on either side (ints converted
 * to the nearest double) and return NotImplemented for anything else.
 * Only == and != are defined; ordering comparisons return NotImplemented,
 * so the abstract layer raises CPython's TypeError.  repr/str use float's
 * repr rules for each part; format() supports the float presentation types
 * ('', e, E, f, F, g, G, n) without thousands grouping.
 */
#include "core/tn.h"
#include "core/objects/complex.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

typedef struct Cval {
    double real, imag;
} Cval;

static const Cval c_1 = {1.0, 0.0};

/* ---- construction ------------------------------------------------------ */

static TnObject *complex_new_of_type(TnType *type, double re, double im)
{
    TnComplex *c = (TnComplex *)tn_object_new(type, (size_t)type->basicsize);
    if (c == NULL)
        return NULL;
    c->real = re;
    c->imag = im;
    return TN_OBJ(c);
}

TnObject *tn_complex_from_doubles(double re, double im)
{
    return complex_new_of_type(&tn_type_complex, re, im);
}

static Cval cval_of(TnObject *op)
{
    Cval c = {((TnComplex *)op)->real, ((TnComplex *)op)->imag};
    return c;
}

static TnObject *from_cval(Cval c) { return tn_complex_from_doubles(c.real, c.imag); }

/* ---- C arithmetic (CPython's _Py_c_*) ----------------------------------- */

static Cval c_sum(Cval a, Cval b) { return (Cval){a.real + b.real, a.imag + b.imag}; }
static Cval c_diff(Cval a, Cval b) { return (Cval){a.real - b.real, a.imag - b.imag}; }
static Cval c_prod(Cval a, Cval b)
{
    return (Cval){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* Smith's algorithm; errno = EDOM for a zero divisor. */
static Cval c_quot(Cval a, Cval b)
{
    Cval r;
    double abs_breal = b.real < 0 ? -b.real : b.real;
    double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;
    }
    return r;
}

static Cval c_pow(Cval a, Cval b)
{
    Cval r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        r.real = 0.0;
        r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static Cval c_powu(Cval x, long n)
{
    Cval r = c_1, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static Cval c_powi(Cval x, long n)
{
    if (n > 100 || n < -100)
        return c_pow(x, (Cval){(double)n, 0.0});
    if (n > 0)
        return c_powu(x, n);
    return c_quot(c_1, c_powu(x, -n));
}

static double c_abs(Cval z)
{
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (isinf(z.real)) {
            errno = 0;
            return fabs(z.real);
        }
        if (isinf(z.imag)) {
            errno = 0;
            return fabs(z.imag);
        }
        return NAN;
    }
    double r = hypot(z.real, z.imag);
    errno = isfinite(r) ? 0 : ERANGE;
    return r;
}

/* ---- operand conversion --------------------------------------------------- */

/* 1 with *c set, 0 for "not a number complex understands" (NotImplemented),
 * -1 on error (int too large for a double). */
static int to_complex(TnObject *o, Cval *c)
{
    if (tn_complex_check(o)) {
        *c = cval_of(o);
        return 1;
    }
    if (tn_int_check(o)) {
        double d = tn_int_as_double(o);
        if (d == -1.0 && tn_err_occurred())
            return -1;
        *c = (Cval){d, 0.0};
        return 1;
    }
    if (tn_float_check(o)) {
        *c = (Cval){tn_float_value(o), 0.0};
        return 1;
    }
    return 0;
}

#define CONVERT_BOTH(a, b, ca, cb)                                   \
    do {                                                             \
        int ra_ = to_complex((a), &(ca));                            \
        if (ra_ < 0)                                                 \
            return NULL;                                             \
        int rb_ = ra_ ? to_complex((b), &(cb)) : 0;                  \
        if (rb_ < 0)                                                 \
            return NULL;                                             \
        if (!ra_ || !rb_)                                            \
            return tn_newref(TN_NOTIMPLEMENTED);                     \
    } while (0)

static TnObject *complex_add(TnObject *a, TnObject *b)
{
    Cval x, y;
    CONVERT_BOTH(a, b, x, y);
    return from_cval(c_sum(x, y));
}

static TnObject *complex_sub(TnObject *a, TnObject *b)
{
    Cval x, y;
    CONVERT_BOTH(a, b, x, y);
    return from_cval(c_diff(x, y));
}

static TnObject *complex_mul(TnObject *a, TnObject *b)
{
    Cval x, y;
    CONVERT_BOTH(a, b, x, y);
    return from_cval(c_prod(x, y));
}

static TnObject *complex_div(TnObject *a, TnObject *b)
{
    Cval x, y;
    CONVERT_BOTH(a, b, x, y);
    errno = 0;
    Cval q = c_quot(x, y);
    if (errno == EDOM)
        return tn_err_format(&tn_exc_ZeroDivisionError, "complex division by zero");
    return from_cval(q);
}

/* x ** y (CPython's complex_pow). */
static TnObject *pow_cval(Cval a, Cval b)
{
    Cval p;
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
        p = c_powi(a, (long)b.real);
    else
        p = c_pow(a, b);
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM)
        return tn_err_format(&tn_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (errno == ERANGE)
        return tn_err_format(&tn_exc_OverflowError, "complex exponentiation");
    return from_cval(p);
}

TnObject *tn_complex_pow_doubles(double xr, double xi, double yr, double yi)
{
    return pow_cval((Cval){xr, xi}, (Cval){yr, yi});
}

static TnObject *complex_pow(TnObject *a, TnObject *b, TnObject *mod)
{
    Cval x, y;
    CONVERT_BOTH(a, b, x, y);
    if (mod != NULL && mod != TN_NONE)
        return tn_err_format(&tn_exc_ValueError, "complex modulo");
    return pow_cval(x, y);
}

static TnObject *complex_neg(TnObject *a)
{
    Cval c = cval_of(a);
    return tn_complex_from_doubles(-c.real, -c.imag);
}

static TnObject *complex_pos(TnObject *a)
{
    if (tn_complex_check_exact(a))
        return tn_newref(a);
    return from_cval(cval_of(a));
}

static TnObject *complex_abs(TnObject *a)
{
    errno = 0;
    double r = c_abs(cval_of(a));
    if (errno == ERANGE)
        return tn_err_format(&tn_exc_OverflowError, "absolute value too large");
    return tn_float_from_double(r);
}

static int complex_bool(TnObject *a)
{
    Cval c = cval_of(a);
    return c.real != 0.0 || c.imag != 0.0;
}

/* ---- comparison and hash ------------------------------------------------------ */

static TnObject *complex_richcompare(TnObject *v, TnObject *w, int op)
{
    if (op != TN_EQ && op != TN_NE)
        return tn_newref(TN_NOTIMPLEMENTED);
    Cval i = cval_of(v);
    int equal;
    if (tn_int_check(w)) {
        if (i.imag != 0.0) {
            equal = 0;
        } else {
            TnObject *f = tn_float_from_double(i.real);
            if (f == NULL)
                return NULL;
            TnObject *r = tn_object_richcompare(f, w, op);
            tn_decref(f);
            return r;
        }
    } else if (tn_float_check(w)) {
        equal = i.real == tn_float_value(w) && i.imag == 0.0;
    } else if (tn_complex_check(w)) {
        Cval j = cval_of(w);
        equal = i.real == j.real && i.imag == j.imag;
    } else {
        return tn_newref(TN_NOTIMPLEMENTED);
    }
    return tn_newref(tn_bool_from(op == TN_EQ ? equal : !equal));
}

/* hash(real) + 1000003 * hash(imag) in unsigned arithmetic; a NaN part
 * hashes by identity as CPython 3.10+. */
static tn_hash_t complex_hash(TnObject *self)
{
    Cval c = cval_of(self);
    uint64_t hr = (uint64_t)(isnan(c.real) ? tn_hash_pointer(self) : tn_hash_double(c.real));
    uint64_t hi = (uint64_t)(isnan(c.imag) ? tn_hash_pointer(self) : tn_hash_double(c.imag));
    uint64_t combined = hr + 1000003u * hi;
    if (combined == (uint64_t)-1)
        combined = (uint64_t)-2;
    return (tn_hash_t)combined;
}

/* ---- repr ---------------------------------------------------------------------- */

static TnObject *complex_repr(TnObject *self)
{
    Cval c = cval_of(self);
    char *re = NULL, *im = NULL;
    TnObject *r = NULL;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        im = tn_float_to_string(c.imag, 'r', 0, 0);
        if (im != NULL)
            r = tn_str_from_format("%sj", im);
    } else {
        re = tn_float_to_string(c.real, 'r', 0, 0);
        im = tn_float_to_string(c.imag, 'r', 0, TN_DTSF_SIGN);
        if (re != NULL && im != NULL)
            r = tn_str_from_format("(%s%sj)", re, im);
    }
    if (re != NULL)
        tn_mem_free(re);
    if (im != NULL)
        tn_mem_free(im);
    return r;
}

/* ---- format ----------------------------------------------------------------------- */

typedef struct CSpec {
    uint32_t fill;
    char align;         /* '<', '>', '^' (0: default '>') */
    char sign;          /* '+', ' ', '-' */
    bool no_neg_0, alt;
    tn_ssize_t width;   /* -1: none */
    int precision;      /* -1: none */
    uint32_t type;      /* 0: none */
} CSpec;

static int read_number(TnObject *spec, tn_ssize_t *pos, tn_ssize_t n, tn_ssize_t *out)
{
    tn_ssize_t v = -1;
    while (*pos < n) {
        uint32_t ch = tn_str_read(spec, *pos);
        if (ch < '0' || ch > '9')
            break;
        if (v < 0)
            v = 0;
        if (v > (INTPTR_MAX - 9) / 10) {
            tn_err_format(&tn_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (tn_ssize_t)(ch - '0');
        (*pos)++;
    }
    *out = v;
    return 0;
}

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

static int parse_cspec(TnObject *spec, CSpec *f)
{
    tn_ssize_t n = tn_str_length(spec), pos = 0;
    f->fill = ' ';
    f->align = 0;
    f->sign = '-';
    f->no_neg_0 = f->alt = false;
    f->width = -1;
    f->precision = -1;
    f->type = 0;
    bool zero = false;
    if (n >= 2 && is_align(tn_str_read(spec, 1))) {
        f->fill = tn_str_read(spec, 0);
        f->align = (char)tn_str_read(spec, 1);
        pos = 2;
    } else if (n >= 1 && is_align(tn_str_read(spec, 0))) {
        f->align = (char)tn_str_read(spec, 0);
        pos = 1;
    }
    if (pos < n && (tn_str_read(spec, pos) == '+' || tn_str_read(spec, pos) == '-' ||
                    tn_str_read(spec, pos) == ' '))
        f->sign = (char)tn_str_read(spec, pos++);
    if (pos < n && tn_str_read(spec, pos) == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (pos < n && tn_str_read(spec, pos) == '#') {
        f->alt = true;
        pos++;
    }
    if (pos < n && tn_str_read(spec, pos) == '0') {
        zero = true;
        pos++;
    }
    if (read_number(spec, &pos, n, &f->width) < 0)
        return -1;
    bool grouping = false;
    if (pos < n && (tn_str_read(spec, pos) == ',' || tn_str_read(spec, pos) == '_')) {
        grouping = true;
        pos++;
    }
    if (pos < n && tn_str_read(spec, pos) == '.') {
        pos++;
        tn_ssize_t p;
        if (read_number(spec, &pos, n, &p) < 0)
            return -1;
        if (p < 0) {
            tn_err_format(&tn_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        if (p > INT32_MAX) {
            tn_err_format(&tn_exc_ValueError, "precision too big");
            return -1;
        }
        f->precision = (int)p;
    }
    if (n - pos > 1) {
        tn_err_format(&tn_exc_ValueError, "Invalid format specifier '%U' for object of type 'complex'",
                      spec);
        return -1;
    }
    if (pos < n)
        f->type = tn_str_read(spec, pos);
    switch (f->type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        if (f->type > 32 && f->type < 127)
            tn_err_format(&tn_exc_ValueError, "Unknown format code '%c' for object of type 'complex'",
                          (int)f->type);
        else
            tn_err_format(&tn_exc_ValueError,
                          "Unknown format code '\\x%x' for object of type 'complex'", (unsigned)f->type);
        return -1;
    }
    if (zero) {
        tn_err_format(&tn_exc_ValueError, "Zero padding is not allowed in complex format specifier");
        return -1;
    }
    if (f->align == '=') {
        tn_err_format(&tn_exc_ValueError,
                      "'=' alignment flag is not allowed in complex format specifier");
        return -1;
    }
    if (grouping && f->type == 'n') {
        tn_err_format(&tn_exc_ValueError, "Cannot specify ',' with 'n'.");
        return -1;
    }
    return 0;
}

/* One part's text with the sign handled as format_complex_internal does:
 * the C string from tn_float_to_string without its '-', and the sign char. */
static int put_part(TnStrWriter *w, const char *s, char sign_mode, bool force_sign)
{
    bool neg = s[0] == '-';
    const char *digits = neg ? s + 1 : s;
    char sign = 0;
    if (neg)
        sign = '-';
    else if (force_sign || sign_mode == '+')
        sign = '+';
    else if (sign_mode == ' ')
        sign = ' ';
    if (sign != 0 && tn_strw_putc(w, (uint32_t)(unsigned char)sign) < 0)
        return -1;
    return tn_strw_puts(w, digits);
}

static TnObject *format_complex(TnObject *self, TnObject *spec)
{
    CSpec f;
    if (parse_cspec(spec, &f) < 0)
        return NULL;
    Cval c = cval_of(self);
    char type = (char)f.type;
    int precision = f.precision;
    bool skip_re = false, add_parens = false;
    int default_precision = 6;
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (c.real == 0.0 && copysign(1.0, c.real) == 1.0)
            skip_re = true;
        else
            add_parens = true;
    }
    if (type == 'n')
        type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    int flags = 0;
    if (f.alt)
        flags |= TN_DTSF_ALT;
    if (f.no_neg_0)
        flags |= TN_DTSF_NO_NEG_0;
    char *re = tn_float_to_string(c.real, type, precision, flags);
    char *im = tn_float_to_string(c.imag, type, precision, flags);
    TnObject *body = NULL, *result = NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    if (re == NULL || im == NULL)
        goto done;
    if ((add_parens && tn_strw_putc(&w, '(') < 0) ||
        (!skip_re && put_part(&w, re, f.sign, false) < 0) ||
        put_part(&w, im, f.sign, !skip_re) < 0 || tn_strw_putc(&w, 'j') < 0 ||
        (add_parens && tn_strw_putc(&w, ')') < 0))
        goto done;
    body = tn_strw_finish(&w);
    if (body == NULL)
        goto done;
    tn_ssize_t len = tn_str_length(body);
    if (f.width <= len) {
        result = tn_newref(body);
        goto done;
    }
    tn_ssize_t pad = f.width - len, left = 0;
    char align = f.align ? f.align : '>';
    if (align == '>')
        left = pad;
    else if (align == '^')
        left = pad / 2;
    if (tn_strw_put_repeat(&w, f.fill, left) < 0 || tn_strw_put_str(&w, body) < 0 ||
        tn_strw_put_repeat(&w, f.fill, pad - left) < 0)
        goto done;
    result = tn_strw_finish(&w);
done:
    tn_strw_discard(&w);
    tn_xdecref(body);
    if (re != NULL)
        tn_mem_free(re);
    if (im != NULL)
        tn_mem_free(im);
    return result;
}

/* ---- parsing complex('...') ------------------------------------------------------- */

static bool is_space(char c) { return c == ' ' || (c >= 9 && c <= 13); }

/* Parse the longest float prefix of s (CPython's PyOS_string_to_double
 * without an overflow exception): [sign] (digits [. digits] | . digits)
 * [e [sign] digits] | [sign] inf | infinity | nan.  Returns the end (== s
 * when nothing parses) and the value in *out. */
static const char *parse_float_prefix(const char *s, const char *end, double *out)
{
    const char *p = s;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (end - p >= 8 && strncasecmp(p, "infinity", 8) == 0) {
        *out = neg ? -INFINITY : INFINITY;
        return p + 8;
    }
    if (end - p >= 3 && strncasecmp(p, "inf", 3) == 0) {
        *out = neg ? -INFINITY : INFINITY;
        return p + 3;
    }
    if (end - p >= 3 && strncasecmp(p, "nan", 3) == 0) {
        *out = neg ? -NAN : NAN;
        return p + 3;
    }
    const char *q = p;
    int digits = 0;
    while (q < end && *q >= '0' && *q <= '9') {
        q++;
        digits++;
    }
    if (q < end && *q == '.') {
        q++;
        while (q < end && *q >= '0' && *q <= '9') {
            q++;
            digits++;
        }
    }
    if (digits == 0)
        return s;
    if (q < end && (*q == 'e' || *q == 'E')) {
        const char *e = q + 1;
        if (e < end && (*e == '+' || *e == '-'))
            e++;
        if (e < end && *e >= '0' && *e <= '9') {
            while (e < end && *e >= '0' && *e <= '9')
                e++;
            q = e;
        }
    }
    size_t n = (size_t)(q - s);
    char small[128];
    char *buf = n < sizeof small ? small : tn_mem_alloc(n + 1);
    if (buf == NULL) {
        *out = 0.0;
        return s;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    if (buf != small)
        tn_mem_free(buf);
    return q;
}

static TnObject *malformed(void)
{
    return tn_err_format(&tn_exc_ValueError, "complex() arg is a malformed string");
}

/* CPython's complex_from_string_inner on s[0..len). */
static TnObject *complex_parse(TnType *type, const char *s, const char *s_end)
{
    double x = 0.0, y = 0.0, z;
    bool got_bracket = false;
    while (s < s_end && is_space(*s))
        s++;
    if (s < s_end && *s == '(') {
        got_bracket = true;
        s++;
        while (s < s_end && is_space(*s))
            s++;
    }
    const char *end = parse_float_prefix(s, s_end, &z);
    if (end != s) {
        s = end;
        if (s < s_end && (*s == '+' || *s == '-')) {
            x = z;
            end = parse_float_prefix(s, s_end, &y);
            if (end != s) {
                s = end;
            } else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (!(s < s_end && (*s == 'j' || *s == 'J')))
                return malformed();
            s++;
        } else if (s < s_end && (*s == 'j' || *s == 'J')) {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (s < s_end && (*s == '+' || *s == '-')) {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        } else {
            y = 1.0;
        }
        if (!(s < s_end && (*s == 'j' || *s == 'J')))
            return malformed();
        s++;
    }
    while (s < s_end && is_space(*s))
        s++;
    if (got_bracket) {
        if (!(s < s_end && *s == ')'))
            return malformed();
        s++;
        while (s < s_end && is_space(*s))
            s++;
    }
    if (s != s_end)
        return malformed();
    return complex_new_of_type(type, x, y);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* complex(str): Unicode spaces become ' ', Unicode decimal digits ASCII
 * digits, other non-ASCII characters make the string malformed; then
 * underscores are removed where allowed (between two digits). */
static TnObject *complex_from_str(TnType *type, TnObject *str)
{
    tn_ssize_t n = tn_str_length(str);
    char *buf = tn_mem_alloc((size_t)n + 1);
    if (buf == NULL)
        return tn_err_no_memory();
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t ch = tn_str_read(str, i);
        if (ch < 128)
            buf[i] = (char)ch;
        else if (tn_unicode_isspace(ch))
            buf[i] = ' ';
        else if (tn_unicode_decimal(ch) >= 0)
            buf[i] = (char)('0' + tn_unicode_decimal(ch));
        else
            buf[i] = '?';
    }
    buf[n] = '\0';
    TnObject *r = NULL;
    tn_ssize_t k = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (buf[i] == '_') {
            if (i == 0 || !is_digit(buf[i - 1]) || i + 1 >= n || !is_digit(buf[i + 1])) {
                tn_err_format(&tn_exc_ValueError, "could not convert string to complex: %R", str);
                goto done;
            }
            continue;
        }
        buf[k++] = buf[i];
    }
    r = complex_parse(type, buf, buf + k);
done:
    tn_mem_free(buf);
    return r;
}

/* type(o).__complex__(o) if defined: 1 with *out (an exact or subclass
 * complex), 0 if there is none, -1 on error. */
static int try_complex_special(TnObject *o, TnObject **out)
{
    *out = NULL;
    TnObject *name = tn_str_intern_cstr("__complex__");
    if (name == NULL)
        return -1;
    TnObject *attr = tn_type_lookup(tn_type(o), name);
    tn_decref(name);
    if (attr == NULL)
        return 0;
    TnObject *r = tn_call_method_cstr(o, "__complex__", NULL, 0);
    if (r == NULL)
        return -1;
    if (!tn_complex_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__complex__ returned non-complex (type %s)",
                      tn_type_name(tn_type(r)));
        tn_decref(r);
        return -1;
    }
    *out = r;
    return 1;
}

static bool is_number_like(TnObject *o)
{
    const TnNumberMethods *nb = tn_type(o)->as_number;
    return tn_complex_check(o) || (nb != NULL && (nb->float_ != NULL || nb->index != NULL));
}

/* float(o) as a double; -1.0 with an exception on error. */
static double number_to_double(TnObject *o)
{
    TnObject *f = tn_number_float(o);
    if (f == NULL)
        return -1.0;
    double d = tn_float_value(f);
    tn_decref(f);
    return d;
}

static TnObject *complex_new_slot(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    static const char *const names[] = {"real", "imag", NULL};
    TnObject *vals[2] = {NULL, NULL};
    if (tn_args_parse("complex", args, nargs, kwnames, names, 0, 0, vals) < 0)
        return NULL;
    TnObject *r = vals[0], *i = vals[1];
    if (r == NULL)
        r = TN_FALSE;
    if (tn_complex_check_exact(r) && i == NULL && type == &tn_type_complex)
        return tn_newref(r);
    if (tn_str_check(r)) {
        if (i != NULL)
            return tn_err_format(&tn_exc_TypeError,
                                 "complex() can't take second arg if first is a string");
        return complex_from_str(type, r);
    }
    if (i != NULL && tn_str_check(i))
        return tn_err_format(&tn_exc_TypeError, "complex() second arg can't be a string");
    TnObject *own_r = NULL;
    if (try_complex_special(r, &own_r) < 0)
        return NULL;
    if (own_r != NULL)
        r = own_r;
    TnObject *result = NULL;
    if (!is_number_like(r)) {
        tn_err_format(&tn_exc_TypeError,
                      "complex() first argument must be a string or a number, not '%s'",
                      tn_type_name(tn_type(r)));
        goto done;
    }
    if (i != NULL && !is_number_like(i)) {
        tn_err_format(&tn_exc_TypeError, "complex() second argument must be a number, not '%s'",
                      tn_type_name(tn_type(i)));
        goto done;
    }
    Cval cr = {0.0, 0.0}, ci = {0.0, 0.0};
    bool cr_is_complex = false, ci_is_complex = false;
    if (tn_complex_check(r)) {
        cr = cval_of(r);
        cr_is_complex = true;
    } else {
        cr.real = number_to_double(r);
        if (cr.real == -1.0 && tn_err_occurred())
            goto done;
    }
    if (i == NULL) {
        ci.real = cr.imag;
    } else if (tn_complex_check(i)) {
        ci = cval_of(i);
        ci_is_complex = true;
    } else {
        ci.real = number_to_double(i);
        if (ci.real == -1.0 && tn_err_occurred())
            goto done;
    }
    if (ci_is_complex)
        cr.real -= ci.imag;
    if (cr_is_complex && i != NULL)
        ci.real += cr.imag;
    result = complex_new_of_type(type, cr.real, ci.real);
done:
    tn_xdecref(own_r);
    return result;
}

/* ---- methods and attributes --------------------------------------------------------- */

#define NOARGS(name)                                                     \
    do {                                                                 \
        (void)args;                                                      \
        if (tn_args_no_kw(name, kwnames) < 0                             \
            || tn_args_count(name, nargs, 0, 0) < 0)                     \
            return NULL;                                                 \
    } while (0)

static TnObject *complex_conjugate(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                   TnObject *kwnames)
{
    NOARGS("complex.conjugate");
    Cval c = cval_of(self);
    return tn_complex_from_doubles(c.real, -c.imag);
}

static TnObject *complex_complex_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    NOARGS("complex.__complex__");
    return complex_pos(self);
}

static TnObject *complex_getnewargs(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    NOARGS("complex.__getnewargs__");
    Cval c = cval_of(self);
    TnObject *re = tn_float_from_double(c.real);
    TnObject *im = tn_float_from_double(c.imag);
    TnObject *t = NULL;
    if (re != NULL && im != NULL)
        t = tn_tuple_pack(2, re, im);
    tn_xdecref(re);
    tn_xdecref(im);
    return t;
}

static TnObject *complex_format_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    if (tn_args_no_kw("complex.__format__", kwnames) < 0 ||
        tn_args_count("complex.__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "__format__() argument must be str, not %s",
                             tn_type_name(tn_type(args[0])));
    if (tn_str_length(args[0]) == 0)
        return tn_object_str(self);
    return format_complex(self, args[0]);
}

static const TnMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, 0, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", complex_complex_meth, 0, "Convert complex to complex."},
    {"__getnewargs__", complex_getnewargs, 0, NULL},
    {"__format__", complex_format_meth, 0, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static TnObject *complex_get_real(TnObject *self, void *closure)
{
    (void)closure;
    return tn_float_from_double(cval_of(self).real);
}

static TnObject *complex_get_imag(TnObject *self, void *closure)
{
    (void)closure;
    return tn_float_from_double(cval_of(self).imag);
}

static const TnGetSetDef complex_getsets[] = {
    {"real", complex_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", complex_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void complex_dealloc(TnObject *op) { tn_object_free(op); }

static const TnNumberMethods complex_as_number = {
    .add = complex_add, .subtract = complex_sub, .multiply = complex_mul,
    .power = complex_pow, .negative = complex_neg, .positive = complex_pos,
    .absolute = complex_abs, .bool_ = complex_bool, .true_divide = complex_div,
};

TnType tn_type_complex = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "complex",
    .basicsize = sizeof(TnComplex),
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = complex_dealloc,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .new_ = complex_new_slot,
    .as_number = &complex_as_number,
    .methods = complex_methods,
    .getsets = complex_getsets,
    .doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
           "This is equivalent to (real + imag*1j) where imag defaults to 0.",
};
