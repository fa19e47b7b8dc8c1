# bench/intloop.py -- integer loop kernel: a linear congruential generator,
# Collatz step counts and a sieve of Eratosthenes.  Every intermediate value
# stays below 2**62 (modulo arithmetic), so no implementation needs big ints.
#
# Usage: tandem bench/intloop.py [N]    (default N = 400; work grows linearly)
# Prints one checksum line: "intloop N lcg collatz primes".
# Uses only the constructs listed in bench/README.md.
import sys

# About 1 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 400

MOD = 1000000007


def lcg(steps):
    # x' = (a*x + c) mod 2**31; the running sum is kept modulo MOD.
    x = 12345
    total = 0
    i = 0
    while i < steps:
        x = (x * 1103515245 + 12345) % 2147483648
        total = (total + x) % MOD
        i += 1
    return total


def collatz(limit):
    # Sum of the Collatz step counts of 1 .. limit-1 (values stay < 2**40).
    total = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        total += steps
    return total


def sieve(limit):
    # Count of primes below limit, times 1000003, plus their sum, mod MOD.
    flags = []
    for i in range(limit):
        flags.append(1)
    flags[0] = 0
    flags[1] = 0
    count = 0
    total = 0
    for i in range(2, limit):
        if flags[i]:
            count += 1
            total = (total + i) % MOD
            j = i * i
            while j < limit:
                flags[j] = 0
                j += i
    return (count * 1000003 + total) % MOD


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    a = lcg(n * 10000)
    b = collatz(n * 200)
    c = sieve(n * 5000)
    print("intloop", n, a, b, c)


main()
