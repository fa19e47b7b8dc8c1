# stress/py/exiting_thread_destructors.py -- Python code that runs in a
# thread after _thread._count() has stopped counting it and after join()
# has returned in another thread.  The thread-local data of an ending thread
# is dropped while it is still counted; a suspended generator in it runs
# its `finally` block then, which stores a new suspended generator as
# thread-local data; that one is dropped in the thread's final teardown,
# uncounted, and its `finally` block runs there.  Meanwhile the main thread,
# alone as far as the thread count says, rebinds a class attribute the
# block reads (a class attribute look-up hands out a borrowed value: a
# replaced one must not be freed at once while another thread can still
# hold one) and both write to one file (its I/O lock must not be skipped).
# Checks: every value the late block reads is one the main thread
# installed; no crash (and, under TSan, no race report).  (CPython keeps
# thread-local data stored during the teardown until the exit: there the
# first round sees no late block and the program stops.)
import os
import threading

from _stress import SCALE, errors, finish

ROUNDS = 20 * SCALE
loc = threading.local()
late_runs = [0]
out = open(os.devnull, "w")


class Shared:
    attr = ["val", -1]


def late_gen(started, stop, done):
    try:
        yield
    finally:
        late_runs[0] += 1
        started.set()
        n = 0
        while not stop.is_set() and n < 200000:
            v = Shared.attr
            if not (type(v) is list and len(v) == 2 and v[0] == "val"):
                errors.append("the late block read %r" % (v,))
                break
            print("late", v[1], file=out)
            n += 1
        done.set()


def reviver_gen(events):
    try:
        yield
    finally:
        g = late_gen(*events)
        next(g)
        loc.late = g            # thread-local data again, mid-teardown


def body(events):
    g = reviver_gen(events)
    next(g)
    loc.reviver = g


for r in range(ROUNDS):
    started, stop, done = events = threading.Event(), threading.Event(), threading.Event()
    t = threading.Thread(target=body, args=(events,))
    t.start()
    t.join()
    if not started.wait(5):
        break                   # CPython keeps such data until the exit
    for j in range(2000):
        Shared.attr = ["val", j]
        print("main", j, file=out)
    stop.set()
    done.wait(5)
out.close()
finish("exiting_thread_destructors", "%d rounds, %d with a late block" % (ROUNDS, late_runs[0]))
