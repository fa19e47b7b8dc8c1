# stress/py/alloc_exchange.py -- the object allocator under cross-thread
# traffic (alloc/alloc.h): four threads in a ring each build batches of
# objects of many sizes (small ones of every size class, collector-tracked
# and not, and large ones: long strings, big ints, wide tuples) and pass
# them through a queue to the next thread, which checks every object and
# drops the batch, so most frees are of blocks another thread allocated.
# Short-lived threads leave batches behind when they exit, so blocks of
# exited threads' heaps are freed by live ones.  Checks: every batch
# arrives once and intact.
import queue
import threading

from _stress import SCALE, errors, finish, run

NTHREADS = 4
ROUNDS = 80 * SCALE
BATCH = 40


class Box:
    __slots__ = ("k", "pad")

    def __init__(self, k):
        self.k = k
        self.pad = (k,) * (k % 7)


def build(k):
    return [
        k, float(k) + 0.25, (k, -k), [k] * (k % 9), {"k": k},
        Box(k), str(k) * (1 + k % 50), 7 ** (k % 400 + 1), (k,) * (k % 90),
        bytes(k % 600), frozenset((k, k + 1)),
    ]


def intact(k, objs):
    return (objs[0] == k and objs[1] == k + 0.25 and objs[2] == (k, -k)
            and objs[3] == [k] * (k % 9) and objs[4] == {"k": k}
            and objs[5].k == k and objs[5].pad == (k,) * (k % 7)
            and objs[6] == str(k) * (1 + k % 50) and objs[7] == 7 ** (k % 400 + 1)
            and objs[8] == (k,) * (k % 90) and objs[9] == bytes(k % 600)
            and objs[10] == frozenset((k, k + 1)))


queues = [queue.Queue() for _ in range(NTHREADS)]
seen = [0] * NTHREADS
lock = threading.Lock()
left_behind = queue.Queue()


def check_batch(batch):
    base, items = batch
    for j, objs in enumerate(items):
        if not intact(base + j, objs):
            raise AssertionError("batch %d item %d arrived damaged" % (base, j))


def member(me):
    def body():
        nxt = queues[(me + 1) % NTHREADS]
        mine = queues[me]
        for r in range(ROUNDS):
            base = (me * ROUNDS + r) * BATCH
            nxt.put((base, [build(base + j) for j in range(BATCH)]))
            check_batch(mine.get())
            seen[me] += 1
            if r % 25 == 0:
                # A thread that allocates and exits, its objects still alive.
                t = threading.Thread(target=lambda b=base: left_behind.put(
                    (b, [build(b + j) for j in range(BATCH)])))
                t.start()
                t.join()
                check_batch(left_behind.get())
    return body


run([member(i) for i in range(NTHREADS)])
if seen != [ROUNDS] * NTHREADS:
    errors.append("batches received per thread: %r, expected %d each" % (seen, ROUNDS))

finish("alloc_exchange", "%d batches of %d" % (NTHREADS * ROUNDS, BATCH))
