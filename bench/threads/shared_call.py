"""bench/threads/shared_call.py -- calls to one shared function.

Every thread calls the same module-level function in a loop: the function
object (and its globals) is one object for all threads, loaded with
LOAD_GLOBAL and referenced at every call.
Usage: shared_call.py NTHREADS [SIZE]   (SIZE: calls per thread)
"""
import _harness


def step(acc, i):
    return (acc * 31 + i) & 0xfffff


def work(n, seed):
    acc = seed
    for i in range(n):
        acc = step(acc, i)
    return acc


_harness.run(work, 4500000)
