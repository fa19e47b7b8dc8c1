# stress/py/deque_shared.py -- one collections.deque used by several threads.
# Each deque operation is atomic in CPython, so:
#   - producers appending (right and left) and consumers popping (left and
#     right) move every item exactly once: nothing lost, nothing repeated;
#   - a bounded deque (maxlen) never holds more than maxlen items and keeps
#     only items some thread appended;
#   - rotate, reverse, insert(pop()) and append(popleft()) racing keep the multiset of
#     items;
#   - iterating, count(), `in` and index() while other threads mutate either
#     finish or raise RuntimeError("deque mutated during iteration"): never
#     a crash, never a value that was not in the deque.

from _collections import deque

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 5000 * SCALE

# ---- producers and consumers ----
d = deque()
produced = NTHREADS // 2 * N
got = [[] for _ in range(NTHREADS)]


def producer(tid):
    def produce():
        for i in range(N):
            if i & 1:
                d.append((tid, i))
            else:
                d.appendleft((tid, i))
    produce.__name__ = "producer_%d" % tid
    return produce


taken = [0]


def consumer(tid):
    def consume():
        mine = got[tid]
        misses = 0
        while len(mine) < N and misses < 2000000:
            try:
                mine.append(d.popleft() if tid & 1 else d.pop())
            except IndexError:
                misses += 1
    consume.__name__ = "consumer_%d" % tid
    return consume


run([producer(0), producer(1), consumer(2), consumer(3)])
allv = got[2] + got[3] + list(d)
if sorted(allv) != sorted((t, i) for t in (0, 1) for i in range(N)):
    errors.append("producers/consumers: %d items seen, %d produced" % (len(allv), produced))

# ---- bounded deque ----
b = deque(maxlen=64)


def bounded(tid):
    def fill():
        for i in range(N):
            b.append((tid, i)) if i % 3 else b.appendleft((tid, i))
            if len(b) > 64:
                errors.append("bounded: len %d > maxlen" % len(b))
                return
    fill.__name__ = "bounded_%d" % tid
    return fill


run([bounded(t) for t in range(NTHREADS)])
if len(b) != 64 or len(set(b)) != 64 or any(not (0 <= t < NTHREADS and 0 <= i < N) for t, i in b):
    errors.append("bounded: wrong final contents")

# ---- shape changes that keep the items ----
r = deque(range(500))


def shuffler(tid):
    def shuffle():
        for i in range(N // 4):
            if tid == 0:
                r.rotate(i % 7 - 3)
            elif tid == 1:
                r.reverse()
            elif tid == 2:
                r.insert(i % 400, r.pop())
            else:
                r.append(r.popleft())
    shuffle.__name__ = "shuffler_%d" % tid
    return shuffle


run([shuffler(t) for t in range(NTHREADS)])
if sorted(r) != list(range(500)):
    errors.append("rotate/reverse/setitem: items changed")

# ---- readers racing writers ----
w = deque(range(100))
stop = []
mutations = [0]


def writer():
    for i in range(N):
        w.append(i)
        w.popleft()
    stop.append(1)


def reader(kind):
    def read():
        seen_ok = 0
        while not stop:
            try:
                if kind == 0:
                    for v in w:
                        if not isinstance(v, int):
                            errors.append("iteration gave %r" % (v,))
                elif kind == 1:
                    w.count(-1)
                else:
                    (-1 in w) or w.index(w[0]) if w else None
                seen_ok += 1
            except RuntimeError as e:
                if str(e) != "deque mutated during iteration":
                    raise
            except (IndexError, ValueError):
                pass
    read.__name__ = "reader_%d" % kind
    return read


run([writer, reader(0), reader(1), reader(2)])
if len(w) != 100:
    errors.append("writer: length %d, expected 100" % len(w))

finish("deque_shared", "%d threads, %d operations each" % (NTHREADS, N))
