"""bench/threads/independent.py -- independent CPU-bound work per thread.

Each thread runs a linear congruential generator and folds its values, in
local variables only: nothing is shared between the threads except the code
object, so this is the best case for scaling.
Usage: independent.py NTHREADS [SIZE]   (SIZE: iterations per thread)
"""
import _harness


def work(n, seed):
    x = seed + 1
    acc = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        acc = (acc + (x >> 7) % 1000 + i) & 0xffffffff
    return acc


_harness.run(work, 1900000)
