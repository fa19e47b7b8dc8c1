"""bench/memory/gc_pause.py -- how long one full collection takes over a heap
of N live container objects (nothing to free: the cost of looking).

Usage: gc_pause.py N [REPEAT]
The heap: N/4 small lists, each holding a dict, a tuple and an instance of a
class, linked in a ring (so every object is reachable and gc-tracked).
stdout: a checksum line (same for every correct interpreter);
stderr: `bench-result: median_ms=... min_ms=... objects=...`.
"""
import gc
import sys
import time


class Node:
    def __init__(self, i):
        self.i = i


def build(n):
    groups = n // 4
    ring = []
    prev = None
    for i in range(groups):
        cell = [prev, {"i": i}, (i, i + 1), Node(i)]
        ring.append(cell)
        prev = cell
    return ring


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    gc.disable()
    heap = build(n)
    gc.collect()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        found = gc.collect()
        times.append((time.perf_counter() - t0) * 1000.0)
    times.sort()
    print("objects %d groups %d found %d" % (n, len(heap), found))
    sys.stderr.write("bench-result: median_ms=%.3f min_ms=%.3f objects=%d\n"
                     % (times[len(times) // 2], times[0], n))


main()
