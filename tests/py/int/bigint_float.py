# int <-> float conversions, true division and mixed comparisons.
vals = [2 ** 53, 2 ** 53 + 1, 2 ** 54 + 3, 2 ** 63, 2 ** 64 - 1, 2 ** 64 + 2 ** 11, 2 ** 64 + 2 ** 11 + 1,
        10 ** 30, -10 ** 30, 2 ** 1023, 2 ** 1024 - 2 ** 971, 2 ** 1024 - 2 ** 970 - 1, 3 ** 500]
for v in vals:
    print(float(v), float(-v), v * 1.0, v + 0.5)
for bad in [2 ** 1024, -2 ** 1024, 2 ** 1024 - 2 ** 970 + 2 ** 969, 10 ** 400]:
    try:
        print(float(bad))
    except OverflowError as e:
        print(e)
for f in [1e300, -1e300, 1.5e20, 2.0 ** 64, 2.0 ** 63, -2.0 ** 63, 9.3e18, 1.7976931348623157e308, 123456789.987]:
    print(int(f), int(-f), round(f) == int(f))
print(1e300.as_integer_ratio(), (2.0 ** -1074).as_integer_ratio()[1].bit_length(), (0.1).as_integer_ratio())
print(10 ** 30 / 7, 2 ** 1100 / 2 ** 1000, 1 / 3, (2 ** 53 + 1) / 1, 10 ** 400 / 10 ** 399, 1 / 10 ** 400)
print(-10 ** 30 / 7, 0 / -10 ** 30, 2 ** 1000 / -3 ** 600, (10 ** 310 + 1) / 10 ** 300)
print(2 ** -1074 == 1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1075, 2 ** 1023 / 2 ** -0, 7 ** 400 / 5 ** 450)
def big_a():
    return 2 ** 1100 / 1

def big_b():
    return 10 ** 400 / 3

def big_c():
    return 1e308 + 10 ** 400

for fn in [big_a, big_b, big_c]:
    try:
        print(fn())
    except OverflowError as e:
        print(e)
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64, 10 ** 400 > 1e308)
print(-10 ** 400 < -1e308, 10 ** 400 < float('inf'), -10 ** 400 > float('-inf'), 2 ** 70 == float('nan'))
print(2 ** 63 < 9.3e18, 2 ** 63 <= 2.0 ** 63, 2.0 ** 63 >= 2 ** 63, 1e20 < 10 ** 20 + 1, 1e20 != 10 ** 20)
print(2 ** 100 + 0.0, 2 ** 100 * 1.5, 2.5 * 2 ** 80, 10 ** 20 // 3.0, 10 ** 20 % 7.0, 2.0 ** 200 - 2 ** 200)
print(round(15 * 10 ** 25, -25), round(-25 * 10 ** 24, -25), round(123456789012345678901234, -5))
print(round(2 ** 100, -10), round(-2 ** 100, -30), round(10 ** 30, -31), round(5 * 10 ** 30, -31), round(2 ** 70, 3))
print(format(2 ** 100, 'e'), format(2 ** 100, '.3f'), format(-3 ** 90, 'g'), format(10 ** 30, '%'))
