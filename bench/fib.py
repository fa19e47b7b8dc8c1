# bench/fib.py -- recursive Fibonacci: function calls, recursion, int add.
#
# Usage: tandem bench/fib.py [N]    (default N = 35)
# Prints one checksum line: "fib N fib(N)".
# Uses only the constructs listed in bench/README.md.
import sys

# About 1 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 35


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    print("fib", n, fib(n))


main()
