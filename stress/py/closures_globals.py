# stress/py/closures_globals.py -- closure cells and module globals written
# by several threads.
#   - a `nonlocal` counter incremented under a lock by several threads is
#     exact (cell read-modify-write is not atomic without the lock, but each
#     cell load/store is);
#   - cells and globals rebound to fresh objects by writers while readers
#     load them: every read is one of the written values (never a freed
#     object, never garbage);
#   - a global incremented under a lock is exact (module dict RMW).
import threading

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 40000 * SCALE


def make_counter():
    count = 0
    lock = threading.Lock()

    def bump():
        nonlocal count
        for _ in range(N):
            with lock:
                count += 1

    def value():
        return count
    return bump, value


bump, value = make_counter()
run([bump] * NTHREADS)
if value() != NTHREADS * N:
    errors.append("nonlocal counter %d, expected %d" % (value(), NTHREADS * N))


def make_shared_cell():
    box = ("init", 0)

    def write(tid):
        def writer():
            nonlocal box
            for i in range(N):
                box = ("w%d" % tid, i)      # a fresh tuple each time
        return writer

    def read():
        for i in range(N):
            tag, j = box
            if not (tag == "init" or (tag[0] == "w" and 0 <= j < N)):
                raise AssertionError("cell read %r" % ((tag, j),))

    def get():
        return box
    return write, read, get


write, read, get = make_shared_cell()
run([write(0), write(1), read, read])
if get()[0] not in ("w0", "w1") or get()[1] != N - 1:
    errors.append("cell final value %r" % (get(),))

shared_global = ("init", 0)
total = 0
glock = threading.Lock()


def gwriter(tid):
    def writer():
        global shared_global, total
        for i in range(N):
            shared_global = ("g%d" % tid, [i])   # the old value dies here
            with glock:
                total += 1
    return writer


def greader():
    for i in range(N):
        tag, box = shared_global
        if tag != "init" and (tag[0] != "g" or type(box) is not list or not 0 <= box[0] < N):
            raise AssertionError("global read %r" % ((tag, box),))


run([gwriter(0), gwriter(1), greader, greader])
if total != 2 * N:
    errors.append("global counter %d, expected %d" % (total, 2 * N))
if shared_global[1] != [N - 1]:
    errors.append("global final value %r" % (shared_global,))

finish("closures_globals", "%d threads, %d iterations" % (NTHREADS, N))
