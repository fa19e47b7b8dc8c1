# stress/py/generator_shared.py -- one generator shared by several threads.
# Each next() either returns the next item or raises ValueError
# "generator already executing" (another thread is inside it right now);
# nothing is lost or duplicated: the items consumed are exactly the items
# produced, each once.  The same for send() and for a generator that
# delegates with `yield from`, and for a generator closed while others
# race on it (afterwards: StopIteration only).

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 40000 * SCALE


def produce(n):
    for i in range(n):
        yield i


def delegate(n):
    yield from produce(n // 2)
    yield from produce_more(n // 2, n)


def produce_more(lo, hi):
    i = lo
    while i < hi:
        got = yield i
        i += 1 if got is None else 1


def consume_all(gen, use_send):
    results = [[] for _ in range(NTHREADS)]
    busy = [0] * NTHREADS

    def consumer(tid):
        def consume():
            out = results[tid]
            while True:
                try:
                    out.append(gen.send(None) if use_send else next(gen))
                except StopIteration:
                    return
                except ValueError as e:
                    if "already executing" not in str(e):
                        raise
                    busy[tid] += 1
        return consume
    run([consumer(t) for t in range(NTHREADS)])
    return sorted(x for r in results for x in r), sum(busy)


got, busy1 = consume_all(produce(N), False)
if got != list(range(N)):
    errors.append("next(): consumed %d items, expected %d distinct" % (len(got), N))

got, busy2 = consume_all(delegate(N), True)
if got != list(range(N)):
    errors.append("send() with yield from: consumed %d items, expected %d" % (len(got), N))

# Close while others iterate: each thread stops with StopIteration (or sees
# "already executing"/"generator ignored"-free behaviour); no item twice.
for round_ in range(20 * SCALE):
    g = produce(N)
    seen = [[] for _ in range(NTHREADS)]

    def closer():
        for _ in range(50):
            try:
                next(g)
            except (StopIteration, ValueError):
                pass
        while True:
            try:
                g.close()
                return
            except ValueError:   # closing a running generator: retry
                pass

    def reader(tid):
        def read():
            while True:
                try:
                    seen[tid].append(next(g))
                except StopIteration:
                    return
                except ValueError as e:
                    if "already executing" not in str(e):
                        raise
        return read
    run([closer] + [reader(t) for t in range(NTHREADS - 1)])
    flat = [x for s in seen for x in s]
    if len(flat) != len(set(flat)):
        errors.append("close race: an item was delivered twice")
        break
    try:
        next(g)
        errors.append("close race: generator still yields after close()")
        break
    except StopIteration:
        pass

finish("generator_shared", "%d threads, %d items" % (NTHREADS, N))
