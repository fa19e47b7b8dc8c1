# stress/py/atexit_register.py -- atexit.register and unregister from several
# threads at once, starting with no callback registered.  Each call is
# atomic in CPython, so every registration is kept (none lost to a racing
# first registration), unregister removes exactly the function asked for,
# and _run_exitfuncs calls each remaining callback once.

import atexit

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 300 * SCALE
calls = []
atexit._clear()


def make_cb(tid, i):
    def cb():
        calls.append((tid, i))
    return cb


kept = [[] for _ in range(NTHREADS)]


def registrar(tid):
    def register():
        for i in range(N):
            cb = make_cb(tid, i)
            atexit.register(cb)
            if i % 3 == 0:
                atexit.unregister(cb)
            else:
                kept[tid].append((tid, i))
    register.__name__ = "registrar_%d" % tid
    return register


run([registrar(t) for t in range(NTHREADS)])
if atexit._ncallbacks() != NTHREADS * N:
    errors.append("_ncallbacks() = %d, expected %d" % (atexit._ncallbacks(), NTHREADS * N))
atexit._run_exitfuncs()
want = sorted(x for k in kept for x in k)
if sorted(calls) != want:
    errors.append("%d callbacks ran, expected %d" % (len(calls), len(want)))
if atexit._ncallbacks() != 0:
    errors.append("callbacks left after _run_exitfuncs")

finish("atexit_register", "%d threads, %d registrations each" % (NTHREADS, N))
