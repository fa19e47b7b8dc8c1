# stress/py/class_slots.py -- special methods defined and deleted on a class
# (and so on its subclasses) while other threads dispatch through the C
# slots those changes rewrite.  Unlike class_attrs.py, which rebinds a dunder
# to another Python function (the slot keeps its generic function), every
# change here really changes slot pointers: `C.__hash__ = None` installs the
# "unhashable" slot, `C.__hash__ = f` the generic one, `del C.__add__`
# empties the add slot.  The slot stores happen with the world stopped, so
# a reader never dispatches during one (under ThreadSanitizer: no data race
# between a slot store and a call through the slot).
#   - hash() of an instance gives f's value or raises TypeError (unhashable);
#   - o + 1 gives __add__'s value or raises TypeError (unsupported operand);
#   - after the writer, every class behaves as its final definitions say.
import threading

from _stress import SCALE, errors, finish, run

N = 300 * SCALE


def hash_f(self):
    return 42


def add_f(self, other):
    return 7


class Base:
    __hash__ = hash_f
    __add__ = add_f


class Mid(Base):
    pass


class Leaf(Mid):
    pass


stop = threading.Event()


def writer():
    for i in range(N):
        if i & 1:
            Base.__hash__ = None
            del Base.__add__
        else:
            Base.__hash__ = hash_f
            Base.__add__ = add_f
    Base.__hash__ = hash_f
    Base.__add__ = add_f
    stop.set()


def caller():
    objs = (Base(), Mid(), Leaf())
    calls = 0
    while not stop.is_set() or calls == 0:
        for o in objs:
            try:
                h = hash(o)
                if h != 42:
                    raise AssertionError("hash() gave %r" % (h,))
            except TypeError:
                pass
            try:
                r = o + 1
                if r != 7:
                    raise AssertionError("o + 1 gave %r" % (r,))
            except TypeError:
                pass
            calls += 1


run([writer, caller, caller])
for cls in (Base, Mid, Leaf):
    o = cls()
    if hash(o) != 42 or o + 1 != 7:
        errors.append("%s: slots do not follow the final dunders" % cls.__name__)

finish("class_slots", "%d slot changes" % N)
