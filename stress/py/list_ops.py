# stress/py/list_ops.py -- many threads append / pop / insert / index-assign
# on ONE shared list.  Every operation used here is atomic in CPython (with
# or without the GIL), so nothing may be lost or duplicated:
#   - after the append phase the list holds exactly every appended item;
#   - pop() by several threads hands each item to exactly one thread;
#   - insert(0, x) and append(x) racing with pop() keep the multiset exact;
#   - lst[i] = x racing with len()/lst[i] never exposes a half-written slot.
import threading

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 10000 * SCALE


shared = []

# Phase 1: append only.
def appender(tid):
    def append_items():
        app = shared.append
        for i in range(N):
            app((tid, i))
    return append_items

run([appender(t) for t in range(NTHREADS)])
if len(shared) != NTHREADS * N:
    errors.append("append: len %d, expected %d" % (len(shared), NTHREADS * N))
if sorted(shared) != [(t, i) for t in range(NTHREADS) for i in range(N)]:
    errors.append("append: items lost or duplicated")
# Each thread's own items stay in its append order.
for t in range(NTHREADS):
    mine = [x[1] for x in shared if x[0] == t]
    if mine != list(range(N)):
        errors.append("append: thread %d items out of order" % t)
        break

# Phase 2: pop everything from several threads.
popped = [[] for _ in range(NTHREADS)]

def popper(tid):
    def pop_items():
        out = popped[tid]
        while True:
            try:
                out.append(shared.pop())
            except IndexError:
                return
    return pop_items

run([popper(t) for t in range(NTHREADS)])
allp = [x for p in popped for x in p]
if shared:
    errors.append("pop: list not empty (%d left)" % len(shared))
if len(allp) != NTHREADS * N or sorted(allp) != [(t, i) for t in range(NTHREADS) for i in range(N)]:
    errors.append("pop: %d items popped, expected %d distinct" % (len(allp), NTHREADS * N))

# Phase 3: producers insert at the front or append, consumers pop from the
# end or the front, concurrently; then drain and count.
done = threading.Event()
consumed = [[] for _ in range(2)]

def producer(tid):
    def produce():
        for i in range(N):
            if i & 1:
                shared.insert(0, (tid, i))
            else:
                shared.append((tid, i))
    return produce

def consumer(cid):
    def consume():
        out = consumed[cid]
        while not done.is_set():
            try:
                out.append(shared.pop(0 if cid else -1))
            except IndexError:
                pass
    return consume

def producers_then_done():
    run([producer(0), producer(1)])
    done.set()

run([producers_then_done, consumer(0), consumer(1)])
rest = list(shared)
got = sorted(consumed[0] + consumed[1] + rest)
if got != [(t, i) for t in range(2) for i in range(N)]:
    errors.append("insert/pop: %d items accounted for, expected %d" % (len(got), 2 * N))
del shared[:]

# Phase 4: index assignment racing with readers: every read slot holds one
# of the values ever written there, and len() never changes.
SIZE = 64
shared.extend([0] * SIZE)

def writer(tid):
    def write():
        for i in range(N):
            shared[i % SIZE] = tid * 1000000 + i
    return write

def reader():
    for i in range(N):
        v = shared[i % SIZE]
        if len(shared) != SIZE:
            raise AssertionError("len changed to %d" % len(shared))
        if not isinstance(v, int) or v < 0:
            raise AssertionError("bad slot value %r" % (v,))

run([writer(0), writer(1), reader, reader])
for v in shared:
    t, i = divmod(v, 1000000)
    if v and (t not in (0, 1) or i >= N):
        errors.append("setitem: slot holds %r, never written" % v)
        break

finish("list_ops", "%d threads, %d items each" % (NTHREADS, N))
