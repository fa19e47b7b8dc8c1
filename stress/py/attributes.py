# stress/py/attributes.py -- attribute writes and reads on one shared
# instance from several threads: a plain instance __dict__, __slots__
# members, properties, and the lazy creation of an instance dict raced by
# two threads on a fresh object.  Setting and reading one attribute is
# atomic in CPython, so:
#   - a read returns one of the values some thread stored (never garbage);
#   - distinct attributes written by distinct threads all survive;
#   - when two threads set different attributes on a fresh object at the
#     same moment, both attributes exist afterwards (a racing lazy __dict__
#     creation must not drop one of them);
#   - `del obj.x` racing with `obj.x = v` never corrupts the object.

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 12000 * SCALE


class Plain:
    pass


class Slotted:
    __slots__ = ("a", "b", "c", "d")


class WithProperty:
    def __init__(self):
        self._v = (0, 0)

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value


VALUES = [("v", i) for i in range(16)]    # every value a writer may store


def hammer(obj, names):
    def writer(tid):
        def write():
            mine = names[tid]
            for i in range(N):
                setattr(obj, mine, (tid, i))
                setattr(obj, "shared", VALUES[i & 15])
                if getattr(obj, mine) != (tid, i):
                    raise AssertionError("own attribute %s lost its value" % mine)
        return write

    def reader():
        for i in range(N):
            v = getattr(obj, "shared", None)
            if v is not None and v not in VALUES:
                raise AssertionError("shared attribute holds %r" % (v,))
            for n in names:
                w = getattr(obj, n, None)
                if w is not None and (type(w) is not tuple or len(w) != 2):
                    raise AssertionError("attribute %s holds %r" % (n, w))
    run([writer(t) for t in range(len(names))] + [reader])
    for t, n in enumerate(names):
        if getattr(obj, n) != (t, N - 1):
            errors.append("%s.%s = %r, expected %r" % (type(obj).__name__, n, getattr(obj, n), (t, N - 1)))


hammer(Plain(), ["a", "b", "c"])


class SlottedShared:
    __slots__ = ("a", "b", "c", "shared")


hammer(SlottedShared(), ["a", "b", "c"])

# Properties: the setter and getter run Python code; values stay whole.
p = WithProperty()


def prop_writer(tid):
    def write():
        for i in range(N):
            p.v = (tid, i)
    return write


def prop_reader():
    for i in range(N):
        t, j = p.v
        if not (0 <= t < 2 and 0 <= j < N):
            raise AssertionError("property read %r" % ((t, j),))


run([prop_writer(0), prop_writer(1), prop_reader])

# Delete racing with set, on a plain instance and on slots.
for cls in (Plain, Slotted):
    obj = cls()

    def setter():
        for i in range(N):
            obj.a = i

    def deleter():
        for i in range(N):
            try:
                del obj.a
            except AttributeError:
                pass

    def getter():
        for i in range(N):
            try:
                v = obj.a
            except AttributeError:
                continue
            if not (isinstance(v, int) and 0 <= v < N):
                raise AssertionError("%s.a read %r" % (cls.__name__, v))

    run([setter, deleter, getter])
    obj.a = "end"
    if obj.a != "end":
        errors.append("%s: attribute broken after the set/del race" % cls.__name__)

# Lazy instance-dict creation: two threads each set a different attribute
# on a fresh object at the same moment; both must survive.
ROUNDS = 300 * SCALE
objs = [Plain() for _ in range(ROUNDS)]


def first():
    for i in range(ROUNDS):
        objs[i].x = i


def second():
    for i in range(ROUNDS):
        objs[i].y = -i


run([first, second])
lost = sum(1 for i, o in enumerate(objs)
           if getattr(o, "x", None) != i or getattr(o, "y", None) != -i)
if lost:
    errors.append("lazy __dict__: %d of %d fresh objects lost an attribute" % (lost, ROUNDS))

# The same through vars()/__dict__ access racing with a set.
objs = [Plain() for _ in range(ROUNDS)]


def via_dict():
    for i in range(ROUNDS):
        objs[i].__dict__["p"] = i


def via_set():
    for i in range(ROUNDS):
        objs[i].q = i


run([via_dict, via_set])
lost = sum(1 for i, o in enumerate(objs) if vars(o) != {"p": i, "q": i})
if lost:
    errors.append("lazy __dict__ (via __dict__): %d objects lost an attribute" % lost)

finish("attributes", "%d iterations" % N)
