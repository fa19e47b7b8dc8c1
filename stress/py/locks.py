# stress/py/locks.py -- counters protected by threading.Lock and
# threading.RLock (nested acquisition), a Condition-based handoff, and a
# global read-modify-write under a lock.  The final counts must be exact:
# a lost update means the lock did not exclude, or `x += 1` on a global /
# attribute / dict item / list slot broke.
import threading

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 16000 * SCALE


counter = 0          # a global, read-modify-written under `lock`
lock = threading.Lock()
rlock = threading.RLock()


class Box:
    def __init__(self):
        self.n = 0


box = Box()
cells = {"n": 0}
slots = [0]


def with_lock():
    global counter
    for _ in range(N):
        with lock:
            counter += 1
            box.n += 1


def with_acquire_release():
    global counter
    for _ in range(N):
        lock.acquire()
        try:
            counter += 1
            box.n += 1
        finally:
            lock.release()


def with_rlock():
    for _ in range(N):
        with rlock:
            with rlock:             # re-entrant
                cells["n"] += 1
                slots[0] += 1


run([with_lock, with_acquire_release, with_lock, with_acquire_release,
     with_rlock, with_rlock])
if counter != 4 * N:
    errors.append("Lock: global counter %d, expected %d" % (counter, 4 * N))
if box.n != 4 * N:
    errors.append("Lock: attribute counter %d, expected %d" % (box.n, 4 * N))
if cells["n"] != 2 * N or slots[0] != 2 * N:
    errors.append("RLock: counters %d / %d, expected %d" % (cells["n"], slots[0], 2 * N))
if lock.locked():
    errors.append("Lock still locked at the end")

# Condition: a ping-pong of a token between two threads, exact count.
cond = threading.Condition()
state = {"turn": 0, "count": 0}
M = 300 * SCALE


def player(me):
    def play():
        for _ in range(M):
            with cond:
                while state["turn"] != me:
                    cond.wait()
                state["count"] += 1
                state["turn"] = 1 - me
                cond.notify()
    return play

run([player(0), player(1)])
if state["count"] != 2 * M:
    errors.append("Condition: %d turns, expected %d" % (state["count"], 2 * M))

# Non-blocking acquire: a held lock is never acquired twice.
inside = [0]
bad = [0]


def try_acquire():
    for _ in range(N):
        if lock.acquire(False):
            inside[0] += 1
            if inside[0] != 1:
                bad[0] += 1
            inside[0] -= 1
            lock.release()


run([try_acquire] * NTHREADS)
if bad[0]:
    errors.append("Lock.acquire(False): %d overlapping holders" % bad[0])

finish("locks", "%d threads, %d iterations each" % (NTHREADS, N))
