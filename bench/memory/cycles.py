"""bench/memory/cycles.py -- build N short-lived reference cycles, one at a
time, with automatic collection on: memory stays bounded only if the
collector reclaims them (compare_memory.py reads the child's peak RSS).

Usage: cycles.py N
stdout: a checksum line; stderr: `bench-result: elapsed=SECONDS`.
"""
import sys
import time


class Pair:
    def __init__(self, i):
        self.i = i
        self.other = None


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    t0 = time.perf_counter()
    acc = 0
    for i in range(n):
        a = Pair(i)
        b = Pair(i + 1)
        a.other = b
        b.other = a
        lst = [a, b]
        lst.append(lst)
        acc = (acc + a.i + b.other.i) & 0xffffff
    elapsed = time.perf_counter() - t0
    print("cycles %d checksum %d" % (n, acc))
    sys.stderr.write("bench-result: elapsed=%.6f\n" % elapsed)


main()
