# stress/py/handoff.py -- objects created by one thread and released by
# another (cross-thread reference counting, allocator free lists, frees of
# memory that another thread allocated): producers build floats, ints,
# tuples, lists, dicts, strings, bound methods and instances and hand them
# over through a shared list; consumers check each object is intact and
# drop the last reference.  Checks: every object arrives once and intact.
import threading

from _stress import SCALE, errors, finish, run

N = 8000 * SCALE


class Thing:
    def __init__(self, i):
        self.i = i

    def get(self):
        return self.i


def make(tid, i):
    k = tid * N + i
    return (k, float(k) + 0.5, [k, str(k)], {"k": k, k: -k}, Thing(k).get,
            10 ** 30 + k, "s" * (i % 13) + str(k))


def intact(obj):
    k, f, l, d, m, big, s = obj
    return (f == k + 0.5 and l == [k, str(k)] and d == {"k": k, k: -k}
            and m() == k and big - 10 ** 30 == k and s.endswith(str(k)))


queue = []
producers_done = threading.Event()
received = [[], []]


def producer(tid):
    def produce():
        for i in range(N):
            queue.append(make(tid, i))
    return produce


def consumer(cid):
    def consume():
        out = received[cid]
        while True:
            try:
                obj = queue.pop()
            except IndexError:
                if producers_done.is_set() and not queue:
                    return
                continue
            if not intact(obj):
                raise AssertionError("object %r arrived damaged" % (obj[0],))
            out.append(obj[0])
            del obj                 # the last reference dies in this thread
    return consume


def producers():
    run([producer(0), producer(1)])
    producers_done.set()


run([producers, consumer(0), consumer(1)])
got = sorted(received[0] + received[1])
if got != list(range(2 * N)):
    errors.append("%d objects received, expected %d distinct" % (len(got), 2 * N))

finish("handoff", "%d objects" % (2 * N))
