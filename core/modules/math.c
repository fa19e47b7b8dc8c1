/* core/modules/math.c — the math module, as CPython 3.11's
 * Modules/mathmodule.c.
 *
 * Real functions take anything float() accepts (float, int, __float__,
 * __index__) and raise CPython's errors: ValueError "math domain error",
 * OverflowError "math range error", TypeError "must be real number, not
 * str".  Integer functions (factorial, comb, perm, gcd, lcm, isqrt) work
 * on machine words where they can and fall back to the generic number
 * protocol (tn_number_binop), so they keep working with arbitrary-precision
 * ints.
 */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include "core/tn.h"
#include "core/compiler/ast.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"

#define MATH_PI 3.141592653589793238462643383279502884197
#define MATH_E 2.718281828459045235360287471352662497757
#define MATH_TAU 6.283185307179586476925286766559005768394

/* ======================================================================
 * helpers
 * ====================================================================== */

/* PyFloat_AsDouble with the math module's TypeError.  0 / -1. */
static int as_double(TnObject *o, double *out)
{
    if (tn_float_check(o)) {
        *out = tn_float_value(o);
        return 0;
    }
    if (tn_int_check(o)) {
        *out = tn_int_as_double(o);
        return *out == -1.0 && tn_err_occurred() ? -1 : 0;
    }
    const TnNumberMethods *nb = tn_type(o)->as_number;
    if (nb == NULL || (nb->float_ == NULL && nb->index == NULL)) {
        tn_err_format(&tn_exc_TypeError, "must be real number, not %s", tn_type_name(tn_type(o)));
        return -1;
    }
    *out = tn_float_as_double(o);
    return *out == -1.0 && tn_err_occurred() ? -1 : 0;
}

static TnObject *domain_error(void)
{
    return tn_err_format(&tn_exc_ValueError, "math domain error");
}

static TnObject *range_error(void)
{
    return tn_err_format(&tn_exc_OverflowError, "math range error");
}

/* CPython's is_error: errno is EDOM or ERANGE after computing r.  Returns 1
 * (exception set) or 0 (an underflow, ignored). */
static int is_error(double r)
{
    if (errno == EDOM) {
        domain_error();
        return 1;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5)
            return 0;
        range_error();
        return 1;
    }
    domain_error();
    return 1;
}

static int one_arg(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 1, 1);
}

static int n_args(const char *fname, tn_ssize_t nargs, TnObject *kwnames, tn_ssize_t n)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_builtins_check_positional(fname, nargs, n, n);
}

/* math_1: apply func to the float value of arg, with CPython's checks. */
static TnObject *math_1(TnObject *arg, double (*func)(double), bool can_overflow)
{
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    if (isfinite(r) && errno && is_error(r))
        return NULL;
    return tn_float_from_double(r);
}

/* math_2: the same for a two-argument function. */
static TnObject *math_2(TnObject *a, TnObject *b, double (*func)(double, double))
{
    double x, y;
    if (as_double(a, &x) < 0 || as_double(b, &y) < 0)
        return NULL;
    errno = 0;
    double r = func(x, y);
    if (isnan(r))
        errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r))
        errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (errno && is_error(r))
        return NULL;
    return tn_float_from_double(r);
}

/* gamma and lgamma: CPython's own Lanczos approximation (not libm's), so
 * that results match CPython's to the last bit. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};
static const double logpi = 1.144729885849400174143427351353058711647;

static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double m_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(MATH_PI * y); break;
    case 1: r = cos(MATH_PI * (y - 0.5)); break;
    case 2: r = sin(MATH_PI * (1.0 - y)); break;
    case 3: r = -cos(MATH_PI * (y - 1.5)); break;
    default: r = sin(MATH_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static double m_tgamma(double x)
{
    double absx, r, y, z, sqrtpow;
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    absx = fabs(x);
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    y = absx + lanczos_g_minus_half;
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -MATH_PI / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_lgamma(double x)
{
    double r, absx;
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* math_1a (gamma, lgamma): only errno decides. */
static TnObject *math_gamma_like(TnObject *arg, double (*func)(double))
{
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = func(x);
    if (errno && is_error(r))
        return NULL;
    return tn_float_from_double(r);
}

#define MATH_FUNC1(name, cfunc, overflow)                                               \
    static TnObject *math_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs, \
                                 TnObject *kwnames)                                      \
    {                                                                                    \
        if (one_arg("math." #name, nargs, kwnames) < 0)                                  \
            return NULL;                                                                 \
        return math_1(args[0], cfunc, overflow);                                         \
    }

MATH_FUNC1(acos, acos, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(cbrt, cbrt, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1(erf, erf, false)
MATH_FUNC1(erfc, erfc, false)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(exp2, exp2, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(sqrt, sqrt, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(tanh, tanh, false)

static TnObject *math_gamma(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (one_arg("math.gamma", nargs, kwnames) < 0)
        return NULL;
    return math_gamma_like(args[0], m_tgamma);
}

static TnObject *math_lgamma(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    if (one_arg("math.lgamma", nargs, kwnames) < 0)
        return NULL;
    return math_gamma_like(args[0], m_lgamma);
}

#define MATH_FUNC2(name, cfunc)                                                          \
    static TnObject *math_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs, \
                                 TnObject *kwnames)                                      \
    {                                                                                    \
        if (n_args(#name, nargs, kwnames, 2) < 0)                                        \
            return NULL;                                                                 \
        return math_2(args[0], args[1], cfunc);                                          \
    }

MATH_FUNC2(atan2, atan2)
MATH_FUNC2(copysign, copysign)
MATH_FUNC2(remainder, remainder)

static TnObject *math_fmod(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    double x, y;
    if (n_args("fmod", nargs, kwnames, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return tn_float_from_double(x);
    return math_2(args[0], args[1], fmod);
}

static TnObject *math_nextafter(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    double x, y;
    if (n_args("nextafter", nargs, kwnames, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return NULL;
    return tn_float_from_double(nextafter(x, y));
}

static TnObject *math_ulp(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames)
{
    double x;
    if (one_arg("math.ulp", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return tn_float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return tn_float_from_double(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return tn_float_from_double(x - x2);
    }
    return tn_float_from_double(x2 - x);
}

/* math.pow: IEEE specials first, then libm (CPython's math_pow_impl). */
static TnObject *math_pow(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames)
{
    double x, y, r = 0.0;
    if (n_args("pow", nargs, kwnames, 2) < 0 || as_double(args[0], &x) < 0 ||
        as_double(args[1], &y) < 0)
        return NULL;
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x)) {
            r = y == 0.0 ? 1.0 : x;
        } else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y;
        } else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0)
                r = odd_y ? x : fabs(x);
            else if (y == 0.0)
                r = 1.0;
            else
                r = odd_y ? copysign(0.0, x) : 0.0;
        } else {
            if (fabs(x) == 1.0)
                r = 1.0;
            else if (y > 0.0 && fabs(x) > 1.0)
                r = y;
            else if (y < 0.0 && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.0;
        }
    } else {
        errno = 0;
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r))
                errno = EDOM;
            else
                errno = x == 0.0 ? EDOM : ERANGE;
        }
    }
    if (errno && is_error(r))
        return NULL;
    return tn_float_from_double(r);
}

static TnObject *math_ldexp(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    double x, r;
    if (n_args("ldexp", nargs, kwnames, 2) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    if (!tn_int_check(args[1]))
        return tn_err_format(&tn_exc_TypeError, "Expected an int as second argument to ldexp.");
    int overflow = 0;
    int64_t e = tn_int_as_i64(args[1], &overflow);
    if (overflow)
        e = tn_int_sign(args[1]) > 0 ? INT64_MAX : INT64_MIN;
    if (x == 0.0 || !isfinite(x)) {
        r = x;
        errno = 0;
    } else if (e > INT_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (e < INT_MIN) {
        r = copysign(0.0, x);
        errno = 0;
    } else {
        errno = 0;
        r = ldexp(x, (int)e);
        if (isinf(r))
            errno = ERANGE;
    }
    if (errno && is_error(r))
        return NULL;
    return tn_float_from_double(r);
}

static TnObject *pair_steal(TnObject *a, TnObject *b)
{
    TnObject *t = NULL;
    if (a != NULL && b != NULL)
        t = tn_tuple_pack(2, a, b);
    tn_xdecref(a);
    tn_xdecref(b);
    return t;
}

static TnObject *math_frexp(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    double x;
    int e = 0;
    if (one_arg("math.frexp", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    if (isfinite(x) && x != 0.0)
        x = frexp(x, &e);
    return pair_steal(tn_float_from_double(x), tn_int_from_i64(e));
}

static TnObject *math_modf(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    double x, ip;
    if (one_arg("math.modf", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    if (isinf(x))
        return pair_steal(tn_float_from_double(copysign(0.0, x)), tn_float_from_double(x));
    if (isnan(x))
        return pair_steal(tn_float_from_double(x), tn_float_from_double(x));
    x = modf(x, &ip);
    return pair_steal(tn_float_from_double(x), tn_float_from_double(ip));
}

static TnObject *math_degrees(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    double x;
    if (one_arg("math.degrees", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    return tn_float_from_double(x * (180.0 / MATH_PI));
}

static TnObject *math_radians(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    double x;
    if (one_arg("math.radians", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    return tn_float_from_double(x * (MATH_PI / 180.0));
}

#define MATH_PRED(name, test)                                                            \
    static TnObject *math_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs, \
                                 TnObject *kwnames)                                      \
    {                                                                                    \
        double x;                                                                        \
        if (one_arg("math." #name, nargs, kwnames) < 0 || as_double(args[0], &x) < 0)    \
            return NULL;                                                                 \
        return tn_newref(tn_bool_from(test(x)));                                         \
    }

MATH_PRED(isfinite, isfinite)
MATH_PRED(isinf, isinf)
MATH_PRED(isnan, isnan)

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static TnObject *math_isclose(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    TnObject *v[4] = {NULL, NULL, NULL, NULL};
    if (nargs > 2)
        return tn_err_format(&tn_exc_TypeError,
                             "isclose() takes exactly 2 positional arguments (%zd given)", nargs);
    if (tn_args_parse("isclose", args, nargs, kwnames, names, 0, 2, v) < 0)
        return NULL;
    double a, b, rel_tol = 1e-9, abs_tol = 0.0;
    if (as_double(v[0], &a) < 0 || as_double(v[1], &b) < 0 ||
        (v[2] != NULL && as_double(v[2], &rel_tol) < 0) ||
        (v[3] != NULL && as_double(v[3], &abs_tol) < 0))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return tn_err_format(&tn_exc_ValueError, "tolerances must be non-negative");
    if (a == b)
        return tn_newref(TN_TRUE);
    if (isinf(a) || isinf(b))
        return tn_newref(TN_FALSE);
    double diff = fabs(b - a);
    bool close = diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol;
    return tn_newref(tn_bool_from(close));
}

/* ---- floor, ceil, trunc ------------------------------------------------ */

/* int(f) for a double, through float's own int conversion (so NaN and
 * infinities raise as int(float) does). */
static TnObject *int_from_double(double d)
{
    TnObject *f = tn_float_from_double(d);
    if (f == NULL)
        return NULL;
    TnObject *r = tn_number_int(f);
    tn_decref(f);
    return r;
}

static TnObject *floor_or_ceil(TnObject *x, const char *special, double (*func)(double))
{
    if (!tn_float_check_exact(x)) {
        TnObject *r;
        int found = tn_builtins_call_special(x, special, NULL, 0, &r);
        if (found != 0)
            return r;
    }
    double d;
    if (as_double(x, &d) < 0)
        return NULL;
    return int_from_double(func(d));
}

static TnObject *math_floor(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (one_arg("math.floor", nargs, kwnames) < 0)
        return NULL;
    return floor_or_ceil(args[0], "__floor__", floor);
}

static TnObject *math_ceil(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    if (one_arg("math.ceil", nargs, kwnames) < 0)
        return NULL;
    return floor_or_ceil(args[0], "__ceil__", ceil);
}

static TnObject *math_trunc(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (one_arg("math.trunc", nargs, kwnames) < 0)
        return NULL;
    TnObject *x = args[0];
    if (tn_float_check_exact(x))
        return int_from_double(trunc(tn_float_value(x)));
    TnObject *r;
    int found = tn_builtins_call_special(x, "__trunc__", NULL, 0, &r);
    if (found == 0)
        return tn_err_format(&tn_exc_TypeError, "type %s doesn't define __trunc__ method",
                             tn_type_name(tn_type(x)));
    return r;
}

/* ---- logarithms ------------------------------------------------------------ */

/* log of an int of any size: machine-sized ints go through a double; larger
 * ones are shifted right first (log(m * 2**e) = log(m) + e*log(2)).
 * Returns 0 with *out, or -1. */
static int int_log(TnObject *n, double (*func)(double), double *out)
{
    if (tn_int_sign(n) <= 0) {
        domain_error();
        return -1;
    }
    double d = tn_int_as_double(n);
    if (!(d == -1.0 && tn_err_occurred())) {
        *out = func(d);
        return 0;
    }
    if (!tn_err_matches(&tn_exc_OverflowError))
        return -1;
    tn_err_clear();
    TnObject *bits = tn_call_method_cstr(n, "bit_length", NULL, 0);
    if (bits == NULL)
        return -1;
    int overflow = 0;
    int64_t nbits = tn_int_as_i64(bits, &overflow);
    tn_decref(bits);
    if (overflow) {
        tn_err_format(&tn_exc_OverflowError, "int too large to convert to float");
        return -1;
    }
    int64_t e = nbits - 60;
    TnObject *shift = tn_int_from_i64(e);
    TnObject *m = shift != NULL ? tn_number_binop(n, shift, TN_OP_RSHIFT) : NULL;
    tn_xdecref(shift);
    if (m == NULL)
        return -1;
    double md = tn_int_as_double(m);
    tn_decref(m);
    if (md == -1.0 && tn_err_occurred())
        return -1;
    *out = func(md) + (double)e * func(2.0);
    return 0;
}

/* loghelper: log of an int or of a real number.  0 / -1. */
static int loghelper(TnObject *arg, double (*func)(double), double *out)
{
    if (tn_int_check(arg))
        return int_log(arg, func, out);
    double x;
    if (as_double(arg, &x) < 0)
        return -1;
    errno = 0;
    double r = func(x);
    if ((isnan(r) && !isnan(x)) || (isinf(r) && isfinite(x))) {
        domain_error();
        return -1;
    }
    *out = r;
    return 0;
}

static TnObject *math_log(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames)
{
    if (tn_args_no_kw("log", kwnames) < 0 ||
        tn_builtins_check_positional("log", nargs, 1, 2) < 0)
        return NULL;
    double num, den;
    if (loghelper(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 1)
        return tn_float_from_double(num);
    if (loghelper(args[1], log, &den) < 0)
        return NULL;
    if (den == 0.0)
        return tn_err_format(&tn_exc_ZeroDivisionError, "float division by zero");
    return tn_float_from_double(num / den);
}

#define MATH_LOGN(name, cfunc)                                                           \
    static TnObject *math_##name(TnObject *self, TnObject *const *args, tn_ssize_t nargs, \
                                 TnObject *kwnames)                                      \
    {                                                                                    \
        double r;                                                                        \
        if (one_arg("math." #name, nargs, kwnames) < 0 || loghelper(args[0], cfunc, &r) < 0) \
            return NULL;                                                                 \
        return tn_float_from_double(r);                                                  \
    }

MATH_LOGN(log2, log2)
MATH_LOGN(log10, log10)

static TnObject *math_log1p(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (one_arg("math.log1p", nargs, kwnames) < 0)
        return NULL;
    return math_1(args[0], log1p, false);
}

/* ---- hypot and dist (CPython 3.11's vector_norm) ------------------------------ */

typedef struct { double hi, lo; } DoubleLength;

static DoubleLength dl_fast_sum(double a, double b)
{
    double x = a + b;
    double y = (a - x) + b;
    return (DoubleLength){x, y};
}

static DoubleLength dl_split(double x)
{
    double t = x * 134217729.0;   /* Veltkamp constant 2**27 + 1 */
    double hi = t - (t - x);
    return (DoubleLength){hi, x - hi};
}

static DoubleLength dl_mul(double x, double y)
{
    DoubleLength xx = dl_split(x), yy = dl_split(y);
    double p = xx.hi * yy.hi;
    double q = xx.hi * yy.lo + xx.lo * yy.hi;
    double z = p + q;
    double zz = p - z + q + xx.lo * yy.lo;
    return (DoubleLength){z, zz};
}

/* Accurate Euclidean norm of vec[0..n) (all finite or flagged), max the
 * largest |vec[i]|. */
static double vector_norm(tn_ssize_t n, double *vec, double max, bool found_nan)
{
    double x, h, scale, csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    DoubleLength pr, sm;
    int max_e;
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (tn_ssize_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    scale = ldexp(1.0, -max_e);
    for (tn_ssize_t i = 0; i < n; i++) {
        x = vec[i] * scale;
        pr = dl_mul(x, x);
        sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2));
    pr = dl_mul(-h, h);
    sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static TnObject *math_hypot(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (tn_args_no_kw("hypot", kwnames) < 0)
        return NULL;
    double small[16], *vec = small;
    if (nargs > 16 && (vec = tn_mem_calloc((size_t)nargs, sizeof(double))) == NULL)
        return tn_err_no_memory();
    double max = 0.0;
    bool found_nan = false;
    TnObject *r = NULL;
    for (tn_ssize_t i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0)
            goto done;
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    r = tn_float_from_double(vector_norm(nargs, vec, max, found_nan));
done:
    if (vec != small)
        tn_mem_free(vec);
    return r;
}

static TnObject *math_dist(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    if (n_args("dist", nargs, kwnames, 2) < 0)
        return NULL;
    TnObject *p = NULL, *q = NULL, *r = NULL;
    double small[16], *vec = small;
    p = tn_tuple_check(args[0]) ? tn_newref(args[0]) : tn_tuple_from_iterable(args[0]);
    if (p == NULL)
        goto done;
    q = tn_tuple_check(args[1]) ? tn_newref(args[1]) : tn_tuple_from_iterable(args[1]);
    if (q == NULL)
        goto done;
    tn_ssize_t n = tn_tuple_size(p);
    if (n != tn_tuple_size(q)) {
        tn_err_format(&tn_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > 16 && (vec = tn_mem_calloc((size_t)n, sizeof(double))) == NULL) {
        tn_err_no_memory();
        goto done;
    }
    double max = 0.0;
    bool found_nan = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        double px, qx;
        if (as_double(tn_tuple_get(p, i), &px) < 0 || as_double(tn_tuple_get(q, i), &qx) < 0)
            goto done;
        double x = fabs(px - qx);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    r = tn_float_from_double(vector_norm(n, vec, max, found_nan));
done:
    if (vec != small)
        tn_mem_free(vec);
    tn_xdecref(p);
    tn_xdecref(q);
    return r;
}

/* ---- fsum (Shewchuk's algorithm, CPython's math_fsum) ------------------------- */

static TnObject *math_fsum(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    if (one_arg("math.fsum", nargs, kwnames) < 0)
        return NULL;
    TnObject *iter = tn_object_get_iter(args[0]);
    if (iter == NULL)
        return NULL;
    double ps[32], *p = ps;
    tn_ssize_t n = 0, m = 32;
    double special_sum = 0.0, inf_sum = 0.0, x, y, t, hi, yr, lo = 0.0, xsave;
    TnObject *sum = NULL;
    for (;;) {
        TnObject *item = tn_iter_next(iter);
        if (item == NULL) {
            if (tn_err_occurred())
                goto done;
            break;
        }
        int rc = as_double(item, &x);
        tn_decref(item);
        if (rc < 0)
            goto done;
        xsave = x;
        tn_ssize_t i = 0;
        for (tn_ssize_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    tn_err_format(&tn_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    tn_ssize_t new_m = m * 2;
                    double *np = tn_mem_alloc((size_t)new_m * sizeof(double));
                    if (np == NULL) {
                        tn_err_no_memory();
                        goto done;
                    }
                    memcpy(np, p, (size_t)n * sizeof(double));
                    if (p != ps)
                        tn_mem_free(p);
                    p = np;
                    m = new_m;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            tn_err_format(&tn_exc_ValueError, "-inf + inf in fsum");
        else
            sum = tn_float_from_double(special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    sum = tn_float_from_double(hi);
done:
    if (p != ps)
        tn_mem_free(p);
    tn_decref(iter);
    return sum;
}

/* ---- integer functions --------------------------------------------------------- */

/* a op b for ints through the generic protocol; steals a. */
static TnObject *binop_steal(TnObject *a, TnObject *b, int op)
{
    if (a == NULL)
        return NULL;
    TnObject *r = tn_number_binop(a, b, op);
    tn_decref(a);
    return r;
}

static TnObject *binop_i64_steal(TnObject *a, int64_t b, int op)
{
    TnObject *bo = tn_int_from_i64(b);
    if (bo == NULL) {
        tn_xdecref(a);
        return NULL;
    }
    TnObject *r = binop_steal(a, bo, op);
    tn_decref(bo);
    return r;
}

/* The product lo * (lo+1) * ... * hi (lo >= 1), as an int.  Machine-word
 * chunks are multiplied into the accumulator. */
static TnObject *range_product(uint64_t lo, uint64_t hi)
{
    TnObject *acc = tn_int_from_i64(1);
    uint64_t chunk = 1;
    for (uint64_t i = lo; i <= hi && acc != NULL; i++) {
        uint64_t next;
        if (__builtin_mul_overflow(chunk, i, &next) || next > (uint64_t)INT64_MAX) {
            acc = binop_i64_steal(acc, (int64_t)chunk, TN_OP_MULT);
            chunk = i;
        } else {
            chunk = next;
        }
        if (i == UINT64_MAX)
            break;
    }
    if (acc != NULL && chunk != 1)
        acc = binop_i64_steal(acc, (int64_t)chunk, TN_OP_MULT);
    return acc;
}

/* o as an exact int via __index__ (TypeError "'float' object cannot be
 * interpreted as an integer").  New ref. */
static TnObject *as_index(TnObject *o) { return tn_number_index(o); }

static TnObject *math_factorial(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (one_arg("math.factorial", nargs, kwnames) < 0)
        return NULL;
    TnObject *n = as_index(args[0]);
    if (n == NULL)
        return NULL;
    int overflow = 0;
    int64_t x = tn_int_as_i64(n, &overflow);
    int sign = tn_int_sign(n);
    tn_decref(n);
    if (overflow || x > LONG_MAX) {
        if (sign < 0)
            return tn_err_format(&tn_exc_ValueError, "factorial() not defined for negative values");
        return tn_err_format(&tn_exc_OverflowError, "factorial() argument should not exceed %ld",
                             (long)LONG_MAX);
    }
    if (x < 0)
        return tn_err_format(&tn_exc_ValueError, "factorial() not defined for negative values");
    if (x < 2)
        return tn_int_from_i64(1);
    return range_product(2, (uint64_t)x);
}

/* n and k as non-negative ints (ValueError "n must be a non-negative
 * integer").  0 / -1; *no and *ko are new refs. */
static int get_n_k(TnObject *n_arg, TnObject *k_arg, TnObject **no, TnObject **ko)
{
    *no = as_index(n_arg);
    *ko = *no != NULL ? as_index(k_arg) : NULL;
    if (*ko == NULL)
        goto error;
    if (tn_int_sign(*no) < 0) {
        tn_err_format(&tn_exc_ValueError, "n must be a non-negative integer");
        goto error;
    }
    if (tn_int_sign(*ko) < 0) {
        tn_err_format(&tn_exc_ValueError, "k must be a non-negative integer");
        goto error;
    }
    return 0;
error:
    TN_CLEAR(*no);
    TN_CLEAR(*ko);
    return -1;
}

/* perm(n, k) and comb(n, k) for n, k >= 0.  comb divides as it goes:
 * result = result * (n - k + i) // i stays exact. */
static TnObject *perm_comb(TnObject *n, TnObject *k, bool comb)
{
    TnObject *cmp = tn_object_richcompare(k, n, TN_GT);
    if (cmp == NULL)
        return NULL;
    int gt = tn_object_is_true(cmp);
    tn_decref(cmp);
    if (gt < 0)
        return NULL;
    if (gt)
        return tn_int_from_i64(0);
    TnObject *nk = tn_number_binop(n, k, TN_OP_SUB);
    if (nk == NULL)
        return NULL;
    TnObject *kk = tn_newref(k);
    if (comb) {   /* k = min(k, n - k) */
        TnObject *lt = tn_object_richcompare(nk, k, TN_LT);
        int l = lt != NULL ? tn_object_is_true(lt) : -1;
        tn_xdecref(lt);
        if (l < 0)
            goto error;
        if (l) {
            TnObject *tmp = nk;
            nk = kk;
            kk = tmp;
        }
    }
    int overflow = 0;
    int64_t kv = tn_int_as_i64(kk, &overflow);
    if (overflow) {
        tn_err_format(&tn_exc_OverflowError, comb ? "min(n - k, k) must not exceed %lld"
                                                  : "k must not exceed %lld",
                      (long long)LONG_MAX);
        goto error;
    }
    TnObject *acc = tn_int_from_i64(1);
    TnObject *factor = tn_newref(nk);   /* n - k + i for i = 1..k */
    for (int64_t i = 1; i <= kv && acc != NULL; i++) {
        factor = binop_i64_steal(factor, 1, TN_OP_ADD);
        if (factor == NULL) {
            TN_CLEAR(acc);
            break;
        }
        acc = binop_steal(acc, factor, TN_OP_MULT);
        if (comb)
            acc = binop_i64_steal(acc, i, TN_OP_FLOORDIV);
    }
    tn_xdecref(factor);
    tn_decref(nk);
    tn_decref(kk);
    return acc;
error:
    tn_decref(nk);
    tn_decref(kk);
    return NULL;
}

static TnObject *math_comb(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    TnObject *n, *k;
    if (n_args("comb", nargs, kwnames, 2) < 0 || get_n_k(args[0], args[1], &n, &k) < 0)
        return NULL;
    TnObject *r = perm_comb(n, k, true);
    tn_decref(n);
    tn_decref(k);
    return r;
}

static TnObject *math_perm(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    if (tn_args_no_kw("perm", kwnames) < 0 ||
        tn_builtins_check_positional("perm", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || args[1] == TN_NONE)
        return math_factorial(NULL, args, 1, NULL);
    TnObject *n, *k;
    if (get_n_k(args[0], args[1], &n, &k) < 0)
        return NULL;
    TnObject *r = perm_comb(n, k, false);
    tn_decref(n);
    tn_decref(k);
    return r;
}

/* |a| as a new int. */
static TnObject *int_abs(TnObject *a)
{
    if (tn_int_sign(a) < 0)
        return tn_number_negative(a);
    return tn_newref(a);
}

/* gcd of two ints (new ref, non-negative). */
static TnObject *gcd2(TnObject *a, TnObject *b)
{
    int oa = 0, ob = 0;
    int64_t x = tn_int_as_i64(a, &oa), y = tn_int_as_i64(b, &ob);
    if (!oa && !ob && x != INT64_MIN && y != INT64_MIN) {
        uint64_t u = (uint64_t)(x < 0 ? -x : x), v = (uint64_t)(y < 0 ? -y : y);
        while (v != 0) {
            uint64_t t = u % v;
            u = v;
            v = t;
        }
        return tn_int_from_i64((int64_t)u);
    }
    TnObject *u = int_abs(a), *v = u != NULL ? int_abs(b) : NULL;
    while (v != NULL && tn_int_sign(v) != 0) {
        TnObject *t = tn_number_binop(u, v, TN_OP_MOD);
        tn_decref(u);
        u = v;
        v = t;
    }
    if (v == NULL) {
        tn_xdecref(u);
        return NULL;
    }
    tn_decref(v);
    return u;
}

static TnObject *math_gcd(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames)
{
    if (tn_args_no_kw("gcd", kwnames) < 0)
        return NULL;
    TnObject *res = tn_int_from_i64(0);
    for (tn_ssize_t i = 0; i < nargs && res != NULL; i++) {
        TnObject *x = as_index(args[i]);
        if (x == NULL) {
            TN_CLEAR(res);
            break;
        }
        TnObject *g = gcd2(res, x);
        tn_decref(x);
        TN_SETREF(res, g);
    }
    return res;
}

static TnObject *math_lcm(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames)
{
    if (tn_args_no_kw("lcm", kwnames) < 0)
        return NULL;
    TnObject *res = tn_int_from_i64(1);
    for (tn_ssize_t i = 0; i < nargs && res != NULL; i++) {
        TnObject *x = as_index(args[i]);
        if (x == NULL) {
            TN_CLEAR(res);
            break;
        }
        if (tn_int_sign(res) == 0 || tn_int_sign(x) == 0) {
            tn_decref(x);
            TN_SETREF(res, tn_int_from_i64(0));
            continue;
        }
        TnObject *g = gcd2(res, x);
        TnObject *q = g != NULL ? tn_number_binop(res, g, TN_OP_FLOORDIV) : NULL;
        tn_xdecref(g);
        TnObject *p = q != NULL ? binop_steal(q, x, TN_OP_MULT) : NULL;
        tn_decref(x);
        TN_SETREF(res, p != NULL ? int_abs(p) : NULL);
        tn_xdecref(p);
    }
    return res;
}

static uint64_t isqrt_u64(uint64_t n)
{
    uint64_t r = (uint64_t)sqrtl((long double)n);
    while (r > 0 && (r > UINT32_MAX || r * r > n))
        r--;
    while ((r + 1) <= UINT32_MAX && (r + 1) * (r + 1) <= n)
        r++;
    return r;
}

static TnObject *math_isqrt(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (one_arg("math.isqrt", nargs, kwnames) < 0)
        return NULL;
    TnObject *n = as_index(args[0]);
    if (n == NULL)
        return NULL;
    if (tn_int_sign(n) < 0) {
        tn_decref(n);
        return tn_err_format(&tn_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    int overflow = 0;
    int64_t v = tn_int_as_i64(n, &overflow);
    if (!overflow) {
        tn_decref(n);
        return tn_int_from_i64((int64_t)isqrt_u64((uint64_t)v));
    }
    /* Newton's method from above: x = n; while (y = (x + n // x) // 2) < x: x = y. */
    TnObject *x = tn_newref(n);
    for (;;) {
        TnObject *y = binop_steal(tn_number_binop(n, x, TN_OP_FLOORDIV), x, TN_OP_ADD);
        y = binop_i64_steal(y, 2, TN_OP_FLOORDIV);
        if (y == NULL) {
            TN_CLEAR(x);
            break;
        }
        int lt = tn_object_richcompare_bool(y, x, TN_LT);
        if (lt <= 0) {
            tn_decref(y);
            if (lt < 0)
                TN_CLEAR(x);
            break;
        }
        TN_SETREF(x, y);
    }
    tn_decref(n);
    return x;
}

/* prod(iterable, /, *, start=1) */
static TnObject *math_prod(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    TnObject *v[2] = {NULL, NULL};
    if (nargs > 1)
        return tn_err_format(&tn_exc_TypeError,
                             "prod() takes exactly 1 positional argument (%zd given)", nargs);
    if (tn_args_parse("prod", args, nargs, kwnames, names, 1, 1, v) < 0)
        return NULL;
    TnObject *iter = tn_object_get_iter(v[0]);
    if (iter == NULL)
        return NULL;
    TnObject *acc = v[1] != NULL ? tn_newref(v[1]) : tn_int_from_i64(1);
    while (acc != NULL) {
        TnObject *item = tn_iter_next(iter);
        if (item == NULL) {
            if (tn_err_occurred())
                TN_CLEAR(acc);
            break;
        }
        TnObject *r = tn_number_binop(acc, item, TN_OP_MULT);
        tn_decref(item);
        TN_SETREF(acc, r);
    }
    tn_decref(iter);
    return acc;
}

/* ======================================================================
 * the module
 * ====================================================================== */

static const TnMethodDef math_functions[] = {
    {"acos", math_acos, 0, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, 0, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, 0, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, 0, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, 0, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, 0, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, 0, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, 0, "Return the cube root of x."},
    {"ceil", math_ceil, 0, "Return the ceiling of x as an Integral."},
    {"comb", math_comb, 0, "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", math_copysign, 0, "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, 0, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, 0, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, 0, "Convert angle x from radians to degrees."},
    {"dist", math_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, 0, "Error function at x."},
    {"erfc", math_erfc, 0, "Complementary error function at x."},
    {"exp", math_exp, 0, "Return e raised to the power of x."},
    {"exp2", math_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, 0, "Return exp(x)-1."},
    {"fabs", math_fabs, 0, "Return the absolute value of the float x."},
    {"factorial", math_factorial, 0, "Find n!."},
    {"floor", math_floor, 0, "Return the floor of x as an Integral."},
    {"fmod", math_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, 0, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, 0, "Gamma function at x."},
    {"gcd", math_gcd, 0, "Greatest Common Divisor."},
    {"hypot", math_hypot, 0, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, 0, "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, 0, "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, 0, "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, 0, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, 0, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, 0, "Least Common Multiple."},
    {"ldexp", math_ldexp, 0, "Return x * (2**i)."},
    {"lgamma", math_lgamma, 0, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, 0, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, 0, "Return the base 2 logarithm of x."},
    {"modf", math_modf, 0, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, 0, "Return the next floating-point value after x towards y."},
    {"perm", math_perm, 0, "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, 0, "Return x**y (x to the power of y)."},
    {"prod", math_prod, 0, "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, 0, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, 0, "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, 0, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, 0, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, 0, "Return the square root of x."},
    {"tan", math_tan, 0, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, 0, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, 0, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL},
};

static int add_float(TnObject *m, const char *name, double v)
{
    TnObject *f = tn_float_from_double(v);
    if (f == NULL)
        return -1;
    int r = tn_module_add_object(m, name, f);
    tn_decref(f);
    return r;
}

TnObject *tn_math_module_create(void)
{
    TnObject *m = tn_module_new("math");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, math_functions) < 0 || add_float(m, "pi", MATH_PI) < 0 ||
        add_float(m, "e", MATH_E) < 0 || add_float(m, "tau", MATH_TAU) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0) {
        tn_decref(m);
        return NULL;
    }
    return m;
}
