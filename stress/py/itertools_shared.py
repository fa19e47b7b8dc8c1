# stress/py/itertools_shared.py -- one itertools iterator shared by several
# threads calling next() on it at once.  Each __next__ of a C iterator is
# atomic in CPython, so whatever the interleaving:
#   - count, islice, chain, accumulate and the combinatoric iterators give
#     every value of the serial sequence exactly once (no value lost,
#     repeated or torn), and each thread sees its values in increasing
#     order of the serial sequence;
#   - cycle gives each element equally often after whole turns;
#   - tee: two threads each reading one tee of a shared family get the
#     whole source in order, and two threads sharing one tee split it.

import itertools as it

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 3000 * SCALE


def drain_shared(make, label, expect):
    """NTHREADS threads take values from one iterator until it ends."""
    shared = make()
    got = [[] for _ in range(NTHREADS)]

    def taker(tid):
        def take():
            mine = got[tid]
            for v in shared:
                mine.append(v)
        take.__name__ = "%s_%d" % (label, tid)
        return take
    run([taker(t) for t in range(NTHREADS)])
    allv = [v for g in got for v in g]
    if sorted(allv) != sorted(expect):
        errors.append("%s: %d values, expected %d (lost or repeated)" % (label, len(allv), len(expect)))
        return
    order = {v: i for i, v in enumerate(expect)}
    for g in got:
        pos = [order[v] for v in g]
        if pos != sorted(pos):
            errors.append("%s: a thread saw values out of order" % label)
            return


def fixed_takes(make, label, per_thread):
    """Each thread takes exactly per_thread values from one infinite iterator."""
    shared = make()
    got = [[] for _ in range(NTHREADS)]

    def taker(tid):
        def take():
            nxt = shared.__next__
            got[tid].extend(nxt() for _ in range(per_thread))
        take.__name__ = "%s_%d" % (label, tid)
        return take
    run([taker(t) for t in range(NTHREADS)])
    return [v for g in got for v in g]


total = NTHREADS * N
vals = fixed_takes(lambda: it.count(), "count", N)
if sorted(vals) != list(range(total)):
    errors.append("count: values lost or repeated")
vals = fixed_takes(lambda: it.count(2**63 - 5, 1), "count_big", 200)
if sorted(vals) != list(range(2**63 - 5, 2**63 - 5 + NTHREADS * 200)):
    errors.append("count past 2**63: values lost or repeated")
vals = fixed_takes(lambda: it.count(0.0, 0.5), "count_float", N // 4)
if sorted(vals) != [i * 0.5 for i in range(NTHREADS * (N // 4))]:
    errors.append("count(step=0.5): values lost or repeated")
vals = fixed_takes(lambda: it.cycle(range(10)), "cycle", 10 * (N // 10))
counts = [vals.count(i) for i in range(10)]
if counts != [NTHREADS * (N // 10)] * 10:
    errors.append("cycle: uneven counts %r" % counts)
vals = fixed_takes(lambda: it.repeat("r"), "repeat", N)
if vals != ["r"] * total:
    errors.append("repeat: wrong values")

drain_shared(lambda: it.islice(range(total * 3), 1, None, 3), "islice", list(range(1, total * 3, 3)))
drain_shared(lambda: it.chain.from_iterable([range(i * 100, i * 100 + 100) for i in range(total // 100)]),
             "chain", list(range((total // 100) * 100)))
drain_shared(lambda: it.accumulate(it.repeat(1, total)), "accumulate", list(range(1, total + 1)))
drain_shared(lambda: it.repeat(7, total), "repeat_n", [7] * total)
drain_shared(lambda: it.pairwise(range(total)), "pairwise", list(it.pairwise(range(total))))
drain_shared(lambda: it.zip_longest(range(total), range(total // 2)), "zip_longest",
             list(it.zip_longest(range(total), range(total // 2))))
k = 4 + SCALE
drain_shared(lambda: it.product(range(k), repeat=4), "product", list(it.product(range(k), repeat=4)))
drain_shared(lambda: it.permutations(range(k + 2), 4), "permutations", list(it.permutations(range(k + 2), 4)))
drain_shared(lambda: it.combinations(range(3 * k), 4), "combinations", list(it.combinations(range(3 * k), 4)))
drain_shared(lambda: it.combinations_with_replacement(range(2 * k), 4), "cwr",
             list(it.combinations_with_replacement(range(2 * k), 4)))
drain_shared(lambda: it.compress(range(total), it.cycle([1, 0])), "compress", list(range(0, total, 2)))
drain_shared(lambda: it.starmap(pow, zip(range(total), it.repeat(2))), "starmap", [i * i for i in range(total)])
drain_shared(lambda: it.filterfalse(lambda x: x % 3, range(total)), "filterfalse", list(range(0, total, 3)))

# tee: one tee per thread over a shared source; then one tee shared.
tees = it.tee(iter(range(N)), NTHREADS)
seen = [None] * NTHREADS


def tee_reader(tid):
    def read():
        seen[tid] = list(tees[tid])
    read.__name__ = "tee_%d" % tid
    return read
run([tee_reader(t) for t in range(NTHREADS)])
if any(s != list(range(N)) for s in seen):
    errors.append("tee: a tee did not see the whole source in order")
one, two = it.tee(iter(range(total)))
drain_shared(lambda: one, "tee_shared", list(range(total)))
if list(two) != list(range(total)):
    errors.append("tee: the other tee lost items")

finish("itertools_shared", "%d threads, %d values per iterator" % (NTHREADS, total))
