for v in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 2.2250738585072014e-308, float("inf"), float("-inf"), float("nan")]:
    print(repr(v), v.hex())
for s in ["0x1p0", "0x1.8p1", "-0X1.0P-3", "0x.8", "0x1p-1074", "0x1.fffffffffffffp1023", "inf", "-nan", "0x10", " 0x1p4 ", "1"]:
    print(s, float.fromhex(s))
for bad in ["0x1p99999", "xyz", "0x1.g"]:
    try:
        float.fromhex(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
