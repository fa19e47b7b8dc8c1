for v in [0.5, -0.75, 3.0, 1e20, 0.1, -0.0]:
    print(repr(v), v.as_integer_ratio(), v.is_integer(), int(v), round(v), v.conjugate(), v.real, v.imag)
for bad in [float("inf"), float("nan")]:
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(float.fromhex("0x1p1"), (7.0).__floor__() if hasattr(7.0, "__floor__") else 7, (2.5).__trunc__())
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2**60 + 0.0))
print(math.isnan(float("nan")), math.isinf(-1e309), math.isfinite(1.0), math.copysign(1, -0.0))
