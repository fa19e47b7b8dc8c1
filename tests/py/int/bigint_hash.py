# hash() of big ints agrees with CPython: n mod (2**61 - 1) with the sign.
M = 2 ** 61 - 1
vals = [2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 63 - 1, 2 ** 63, 2 ** 64, -2 ** 63,
        -2 ** 63 - 1, 10 ** 30, -10 ** 30, 2 ** 200, -2 ** 200 + 7, M * 12345, -M - 1, -M * 3 - 1]
for v in vals:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2 ** 1000 else None)
print(hash(-1), hash(-2), hash(-M), hash(-M - 1))
d = {}
for v in vals:
    d[v] = str(v)[:5]
for v in vals:
    print(d[v], d[v + 0], v in d, v + 1 in d)
d2 = {2 ** 64: 1, 2.0 ** 64: 2, 2 ** 64 + 1: 3}
print(len(d2), d2[2 ** 64])
print({2 ** 100: 1}[2 ** 100], {2.0 ** 100: 'f'}[2 ** 100])
print('%c' % 65, end=' ')
try:
    '%c' % 2 ** 80
except OverflowError as e:
    print(e)
