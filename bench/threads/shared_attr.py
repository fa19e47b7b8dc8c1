"""bench/threads/shared_attr.py -- reads of attributes of one shared object.

One instance of a plain class, created by the main thread; every thread reads
three of its attributes per iteration (instance __dict__ lookups on the same
object) and calls none of its methods.
Usage: shared_attr.py NTHREADS [SIZE]   (SIZE: iterations per thread)
"""
import _harness


class Config:
    def __init__(self):
        self.scale = 3
        self.offset = 17
        self.mask = 0xffff


SHARED = Config()


def work(n, seed):
    cfg = SHARED
    acc = seed
    for i in range(n):
        acc = (acc * cfg.scale + cfg.offset + i) & cfg.mask
    return acc


_harness.run(work, 3500000)
