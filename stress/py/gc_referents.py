# stress/py/gc_referents.py -- gc.get_referents runs the traverse slots,
# which read an object's fields without its lock; while other threads
# replace those fields it must see only whole, live values (Tandem stops
# the world around the traversal).
#   - a list and a dict whose items are added and removed: every referent
#     is one of the Box objects the writers store (or a dict key);
#   - an instance whose attributes and __slots__ members are rebound: its
#     referents are its class, its __dict__ and Boxes;
#   - a function whose __defaults__ is replaced: the defaults seen are one
#     of the tuples assigned;
#   - a suspended generator driven by another thread: its referents stay
#     readable (whatever the state).
import gc
import time

from _stress import SCALE, errors, finish, run


class Box:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


class Holder:
    __slots__ = ("a", "b", "__dict__")


lst = []
dct = {}
h = Holder()
h.a = Box(0)


def f(a=None):
    return a


f.__defaults__ = (Box(-1),)


def counter():
    i = 0
    while True:
        x = yield Box(i)
        i += 1 if x is None else x


gen = counter()
next(gen)
ROUNDS = 100 * SCALE
stop = []
writes = []


def pause(i):
    # Let go of the CPU now and then: on a loaded machine each traversal
    # (a stop-the-world in ft) otherwise waits for spinning threads to be
    # scheduled.
    if i & 63 == 0:
        time.sleep(0)


def list_writer():
    i = 0
    while not stop:
        lst.append(Box(i))
        if len(lst) > 16:
            del lst[:8]
        i += 1
        pause(i)
    writes.append(i)


def dict_writer():
    i = 0
    while not stop:
        i += 1
        dct[i & 31] = Box(i)
        if i & 3 == 0:
            dct.pop((i * 7) & 31, None)
        h.a = Box(i)
        h.b = [Box(i)]
        h.x = Box(i)
        if i & 1:
            del h.b
            del h.x
        f.__defaults__ = (Box(i),)
        pause(i)
    writes.append(i)


def gen_driver():
    n = 0
    while not stop:
        try:
            gen.send(None)
            n += 1
            pause(n)
        except ValueError:
            pass    # "generator already executing": another thread is in it
    writes.append(n)


def check(label, obj, ok):
    for r in gc.get_referents(obj):
        if not ok(r):
            errors.append("%s: unexpected referent %r" % (label, type(r)))
            return False
    return True


def reader():
    for _ in range(ROUNDS):
        if errors:
            break
        check("list", lst, lambda r: type(r) is Box)
        check("dict", dct, lambda r: type(r) in (Box, int))
        check("instance", h, lambda r: r is Holder or type(r) in (Box, list, dict))
        check("function", f, lambda r: type(r) is not Box
              and (type(r) is not tuple or len(r) == 1 and type(r[0]) is Box))
        gc.get_referents(gen)
        time.sleep(0.001)   # let the writers change things between rounds
    stop.append(1)


run([list_writer, dict_writer, gen_driver, reader], on_error=lambda: stop.append(1))
finish("gc_referents", "%d traversal rounds, %d writes" % (ROUNDS, sum(writes)))
