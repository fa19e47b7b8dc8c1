# bench/unpack_sequence.py -- tuple and list unpacking in tight loops:
# fixed-size unpacking of 2..10 elements, starred unpacking, swaps and
# unpacking in for-loop targets.
#
# Usage: tandem bench/unpack_sequence.py [N]    (default N = 1200, thousands of rounds)
# Prints one checksum line: "unpack_sequence N checksum".
# Exercises UNPACK_SEQUENCE/UNPACK_EX on tuples and lists, BUILD_TUPLE,
# int arithmetic modulo a prime.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 1200
MOD = 1000000007


def rounds(count):
    t2 = (1, 2)
    t5 = (3, 4, 5, 6, 7)
    l10 = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17]
    pairs = [(i, i * i) for i in range(8)]
    acc = 0
    for i in range(count):
        a, b = t2
        c, d, e, f, g = t5
        h, j, k, l, m, n, o, p, q, r = l10
        acc = (acc + a * c + b * d + e * f - g + h * j + k * l - m * n + o * p + q * r) % MOD
        a, b = b, a
        c, d, e = e, c, d
        first, *middle, last = t5
        acc = (acc * 3 + first + last + len(middle) + a - b + c - d + e) % MOD
        for x, y in pairs:
            acc = (acc + x * y) % MOD
        t2 = (b, a + i % 7)
        head, *tail = l10
        l10 = tail + [head]
    return acc


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print("unpack_sequence", n, rounds(n * 1000))


main()
