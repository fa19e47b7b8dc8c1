for v in [0, 1, -1, 5, -5, 2**70, -(2**70) - 3]:
    print(v, v << 3, v >> 2, v << 100, v >> 100, ~v, v.bit_length(), v.bit_count())
print(1 << 0, -1 >> 1000, (2**100) >> 99)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -5
except ValueError as e:
    print("ValueError", e)
