"""bench/threads/alloc.py -- allocation-heavy work per thread.

Each thread builds and drops short-lived tuples, lists and dicts (builtin
containers only, so no class object is shared), keeping a few alive in a
small ring so that not every object dies at once.
Usage: alloc.py NTHREADS [SIZE]   (SIZE: iterations per thread)
"""
import _harness


def work(n, seed):
    ring = [None] * 16
    acc = seed
    for i in range(n):
        t = (i, seed, i + 1)
        lst = [t, i & 7]
        d = {"k": lst, "n": i}
        ring[i & 15] = d
        acc = (acc + len(lst) + d["n"] + t[2]) & 0xffffff
    return acc + len(ring)


_harness.run(work, 1200000)
