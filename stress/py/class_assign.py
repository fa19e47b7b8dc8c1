# stress/py/class_assign.py -- `obj.__class__ = A` / `= B` from several
# threads at once, on the same objects, while other threads call methods
# through the instances' types.
#   - every instance of a heap class owns one reference to its class, so
#     after the race, with every object set back to A, sys.getrefcount(A)
#     and sys.getrefcount(B) are exactly what they were before: a lost update
#     (two threads both decref the same old class) shows as drift, and a
#     class driven to zero that way is freed while instances still point at
#     it (a crash);
#   - a method called through an instance always belongs to A or to B.
import sys
import threading

from _stress import SCALE, errors, finish, run

N = 500 * SCALE
NOBJ = 1


class Root:
    pass


# A and B sit at the end of long chains of classes that add nothing to
# Root's layout, so each assignment's layout check (between reading the old
# class and storing the new one) walks both chains: a window wide enough
# for the race to show within a short run.
def chain(name, depth):
    cls = Root
    for i in range(depth):
        cls = type("%s%d" % (name, i), (cls,), {})
    return cls


def who_a(self):
    return "A"


def who_b(self):
    return "B"


A = type("A", (chain("ChainA", 300),), {"who": who_a})
B = type("B", (chain("ChainB", 300),), {"who": who_b})
objs = [A() for _ in range(NOBJ)]
ref_a, ref_b = sys.getrefcount(A), sys.getrefcount(B)
stop = threading.Event()


def swapper(first, second):
    def swap():
        for i in range(N):
            o = objs[i % NOBJ]
            o.__class__ = first
            o.__class__ = second
    swap.__name__ = "swap_%s_%s" % (first.__name__, second.__name__)
    return swap


def caller():
    while not stop.is_set():
        for o in objs:
            w = o.who()
            if w not in ("A", "B"):
                raise AssertionError("who() returned %r" % (w,))
            if type(o) not in (A, B):
                raise AssertionError("type(o) is %r" % (type(o),))


def swappers_then_stop():
    run([swapper(A, B), swapper(B, A)] * 2)
    stop.set()


run([swappers_then_stop, caller])
for o in objs:
    o.__class__ = A
da, db = sys.getrefcount(A) - ref_a, sys.getrefcount(B) - ref_b
if da != 0 or db != 0:
    errors.append("reference counts drifted: A %+d, B %+d" % (da, db))
if any(o.who() != "A" for o in objs):
    errors.append("objects not all A after the race")

finish("class_assign", "%d __class__ assignments" % (8 * N))
