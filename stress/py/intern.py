# stress/py/intern.py -- sys.intern() of new strings from many threads at
# once.  sys.intern(s) returns the one canonical string equal to s: every
# thread interning equal (but distinct) strings gets the SAME object, and
# it stays the same afterwards.  Attribute names built at run time
# (setattr/getattr with fresh strings) go through the same table.
import os
import sys

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 12000 * SCALE


results = [None] * NTHREADS
pid = os.getpid()


def interner(tid):
    def intern_all():
        out = []
        for i in range(N):
            # built at run time, so never a constant the compiler interned
            s = "".join(["tn_stress_", str(pid), "_", str(i)])
            out.append(sys.intern(s))
        results[tid] = out
    return intern_all


run([interner(t) for t in range(NTHREADS)])
for i in range(N):
    first = results[0][i]
    if any(results[t][i] is not first for t in range(1, NTHREADS)):
        errors.append("sys.intern: threads got different objects for %r" % first)
        break
    again = sys.intern("".join(["tn_stress_", str(pid), "_", str(i)]))
    if again is not first:
        errors.append("sys.intern: canonical string changed for %r" % first)
        break


class Obj:
    pass


o = Obj()


def attr_namer(tid):
    def name_attrs():
        for i in range(N // 4):
            name = "".join(["attr", str(i)])
            setattr(o, name, i)
            if getattr(o, name) != i:
                raise AssertionError("getattr(o, %r) lost" % name)
    return name_attrs


run([attr_namer(t) for t in range(NTHREADS)])
if len(vars(o)) != N // 4:
    errors.append("run-time attribute names: %d attributes, expected %d" % (len(vars(o)), N // 4))

finish("intern", "%d threads, %d strings" % (NTHREADS, N))
