# Shifts, bitwise operators on negative numbers (two's complement) and bit methods.
vals = [0, 1, -1, 5, -5, 2 ** 63 - 1, -2 ** 63, 2 ** 64 + 3, -(2 ** 64) - 3, 2 ** 100 - 1, -2 ** 100,
        0x123456789abcdef0123456789, -0xfedcba9876543210fedcba98765]
for a in vals:
    for b in vals:
        print(a & b, a | b, a ^ b)
    print(~a, a.bit_length(), a.bit_count(), -a)
    for s in [0, 1, 29, 30, 31, 63, 64, 65, 100, 200]:
        print(s, a << s, a >> s, (a << s) >> s == a)
print(1 << 1000 >> 999, -1 >> 1000, 1 >> 1000, -(2 ** 200) >> 1000, (2 ** 200) >> 100)
print(0 << 10 ** 20, 5 >> 10 ** 20, -5 >> 10 ** 20)
try:
    1 << 10 ** 20
except OverflowError as e:
    print(e)
try:
    1 << -1
except ValueError as e:
    print(e)
try:
    2 ** 100 >> -2 ** 100
except ValueError as e:
    print(e)
print([1, 2, 3][True], (2 ** 70).conjugate(), (2 ** 70).numerator, (2 ** 70).denominator)
print((-2 ** 70).real, (2 ** 70).imag, (-2 ** 90).as_integer_ratio())
print(True & 2 ** 70, (2 ** 70 + 1) & True, (-2 ** 70) | False)
