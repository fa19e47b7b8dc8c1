# stress/py/shared_iterators.py -- ONE iterator object consumed by several
# threads at once: list, reversed list, tuple, dict (keys/values/items),
# set, range, enumerate, zip, map and a str iterator.  enumerate, zip and
# map (over several iterables) must also yield consistent pairs.  CPython documents
# sharing an iterator between threads as unsafe for exactness (with no GIL
# an item may be seen twice or skipped) but it must never crash or yield a
# value that was not in the container.  Checks: every value yielded is a
# real element, no element is skipped, and once every thread has seen
# StopIteration the iterator stays exhausted.

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 12000 * SCALE


data = list(range(N))
valid = set(data)


def consume(name, it, ok):
    counts = [0] * NTHREADS

    def consumer(tid):
        def consume_items():
            for x in it:
                if not ok(x):
                    raise AssertionError("%s iterator yielded %r" % (name, x))
                counts[tid] += 1
        return consume_items
    run([consumer(t) for t in range(NTHREADS)])
    total = sum(counts)
    # Under a GIL every item is seen exactly once; without one, racing
    # threads may both see an item, but no item is skipped.
    if total < N:
        errors.append("%s: %d items seen for %d" % (name, total, N))
    # Every thread ended on StopIteration: the iterator stays exhausted.
    for _ in range(3):
        try:
            x = next(it)
        except StopIteration:
            continue
        errors.append("%s iterator resumed after StopIteration: %r" % (name, x))
        break


consume("list", iter(data), lambda x: x in valid)
consume("reversed list", reversed(data), lambda x: x in valid)
consume("tuple", iter(tuple(data)), lambda x: x in valid)
consume("range", iter(range(N)), lambda x: x in valid)
d = {i: -i for i in range(N)}
consume("dict keys", iter(d), lambda x: x in valid)
consume("dict values", iter(d.values()), lambda x: -x in valid)
consume("dict items", iter(d.items()), lambda kv: kv[0] in valid and kv[1] == -kv[0])
consume("set", iter(set(data)), lambda x: x in valid)
# enumerate takes an item and its count, zip and map one item of each
# source, in one step: as under a GIL, the pairs stay consistent even when
# the threads race (here data[i] == i, so every pair is (i, i)).
consume("enumerate", enumerate(data), lambda p: p[0] == p[1] and p[1] in valid)
consume("zip", zip(data, data), lambda p: p[0] == p[1] and p[1] in valid)
consume("zip3", zip(data, data, data), lambda p: p[0] == p[1] == p[2] and p[1] in valid)
consume("map", map(abs, data), lambda x: x in valid)
consume("map2", map(lambda a, b: (a, b), data, data), lambda p: p[0] == p[1] and p[1] in valid)
s = "".join(chr(ord("a") + i % 26) for i in range(N))
consume("str", iter(s), lambda c: "a" <= c <= "z")

finish("shared_iterators", "%d threads, %d items per iterator" % (NTHREADS, N))
