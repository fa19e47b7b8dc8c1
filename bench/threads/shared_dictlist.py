"""bench/threads/shared_dictlist.py -- reads from one shared dict and list.

A dict of 64 int keys and a list of 64 ints, both built by the main thread;
every thread reads one item of each per iteration (subscripts only, no
mutation).
Usage: shared_dictlist.py NTHREADS [SIZE]   (SIZE: iterations per thread)
"""
import _harness

TABLE = {k: (k * 37) % 101 for k in range(64)}
ITEMS = [(k * 53) % 97 for k in range(64)]


def work(n, seed):
    d = TABLE
    lst = ITEMS
    acc = seed
    for i in range(n):
        acc = (acc + d[i & 63] + lst[(i * 7) & 63]) & 0xffffff
    return acc


_harness.run(work, 3000000)
