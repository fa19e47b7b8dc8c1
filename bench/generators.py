# bench/generators.py -- generator-heavy code: an in-order walk of a binary
# tree with recursive `yield from`, a pipeline of generator functions and
# generator expressions, and a generator driven by send().
#
# Usage: tandem bench/generators.py [N]    (default N = 2000, rounds)
# Prints one checksum line: "generators N checksum".
# Exercises generator creation, resumption, yield from delegation,
# send(), StopIteration handling in for loops, classes.
import sys

# About 1-2 s in CPython 3.11 on the reference machine (bench/README.md).
DEFAULT_N = 2000
MOD = 1000000007


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    """A balanced tree holding lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def numbers(limit):
    i = 0
    while i < limit:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def keep_odd(source):
    for x in source:
        if x & 1:
            yield x


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total = (total + value) % MOD
    yield -1


def main():
    n = DEFAULT_N
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    tree = build(0, 1000)
    checksum = 0
    for r in range(n):
        walked = 0
        for v in tree:
            walked += v
        piped = sum(keep_odd(squares(numbers(1000 + r))))
        evens = sum(x // 2 for x in numbers(500) if x % 3 == 0)
        acc = accumulator()
        next(acc)
        last = 0
        for v in range(r, r + 200):
            last = acc.send(v)
        acc.send(None)
        checksum = (checksum * 31 + walked + piped + evens + last) % MOD
    print("generators", n, checksum)


main()
