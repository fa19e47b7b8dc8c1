# bench/pidigits.py -- the first N decimal digits of pi with Gibbons' unbounded
# spigot algorithm on big ints.
#
# Usage: tandem bench/pidigits.py [N]    (default N = 6000 digits)
# Prints one checksum line: "pidigits N digitsum first20 last20".
# Exercises big-int multiply, add, floor division and comparison.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 6000


def pi_digits(count):
    """Yield the first COUNT decimal digits of pi."""
    q, r, t, k = 1, 0, 1, 1
    produced = 0
    while produced < count:
        n3 = 3 * q + r
        d = n3 // t
        if d == (4 * q + r) // t:
            yield d
            produced += 1
            q, r = 10 * q, 10 * (r - d * t)
        else:
            l = 2 * k + 1
            q, r, t, k = q * k, (2 * q + r) * l, t * l, k + 1


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    digits = []
    total = 0
    for d in pi_digits(n):
        digits.append(str(d))
        total += d
    text = "".join(digits)
    print("pidigits", n, total, text[:20], text[-20:])


main()
