# bench/fannkuch.py -- fannkuch-redux: for every permutation of 1..n (in the
# counting order of the benchmarks game), count the pancake flips until 1 comes
# first; report the maximum and the alternating checksum.
#
# Usage: tandem bench/fannkuch.py [N]    (default N = 400)
# The work is fannkuch(8) run N // 10 times plus fannkuch(7) run N % 10 times,
# so that the small size 10 is one pass over the 40320 permutations of 8.
# Prints one checksum line: "fannkuch N checksum maxflips".
# Exercises list slicing, slice assignment, list.reverse-free flipping,
# list indexing and while loops.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 400


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        perm_count += 1
        # Next permutation in the benchmarks-game order.
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total = 0
    best = 0
    runs = [8] * (n // 10) + [7] * (n % 10)
    for size in runs:
        checksum, flips = fannkuch(size)
        total += checksum
        if flips > best:
            best = flips
    print("fannkuch", n, total, best)


main()
