import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
vals = [0.0, -0.0, 0.5, 1.0, 2.0, 10.0, -3.5, 1e-10, 100]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'erf', 'erfc',
         'exp', 'exp2', 'expm1', 'fabs', 'gamma', 'lgamma', 'log', 'log10', 'log1p', 'log2',
         'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees', 'radians']
for name in names:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
for name in ['exp', 'sinh', 'cosh', 'gamma', 'lgamma', 'sqrt', 'atan', 'erf', 'exp2']:
    f = getattr(math, name)
    out = []
    for v in [math.inf, -math.inf, math.nan, 1000.0, -1000.0, 171.5, -2.5, 1e-300]:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
print(math.log(8, 2), math.log(100, 10), math.log(2 ** 62), math.log10(10 ** 15), math.log2(2 ** 60), math.log(1, 2))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(1, math.inf))
print(math.remainder(5, 3), math.remainder(7, 2), math.remainder(-7, 2), math.pow(2, 10), math.pow(2, -1), math.pow(-8, 3))
print(math.pow(math.inf, 0), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(0.5, -math.inf), math.pow(-math.inf, 3))
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-1e-320), math.frexp(math.inf), math.ldexp(0.5, 4), math.ldexp(1.0, -1080), math.ldexp(3, 2))
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf), math.modf(-math.inf))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(-math.inf), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(1.0, 1.0))
print(math.isfinite(1), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3), math.hypot(math.inf, math.nan), math.hypot(1e-320, 1e-320), math.hypot(1e300, 1e300))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.dist((1,), (5,)))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([math.inf, 1]), math.fsum(range(10)))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum(x / 7 for x in range(100)))
