# stress/py/function_fields.py -- a function's fields are replaced by one
# thread while others call the function and read the fields (issue 9: a
# setter that stores the new value and drops the old one at once freed it
# under a reader that had just loaded it).
#   - __defaults__ / __kwdefaults__ replaced while callers use them: every
#     call sees one whole tuple / dict the writer installed (a and b from
#     the same assignment), never a freed one;
#   - __code__ switched between two code objects while callers run it: the
#     result is one of the two functions' results;
#   - __name__ / __qualname__ / __doc__ / __module__ replaced while readers
#     read them (and repr() the function): always a value the writer
#     assigned.
from _stress import SCALE, errors, finish, run


class Box:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def f(a=None, b=None, *, c=None):
    return a.v - b.v + c.v


def one():
    return 1


def two():
    return 2


f.__defaults__ = (Box(-1), Box(-1))
f.__kwdefaults__ = {"c": Box(0)}
g = one
N = 20000 * SCALE
done = []


def writer():
    for i in range(N):
        f.__defaults__ = (Box(i), Box(i))
        f.__kwdefaults__ = {"c": Box(i & 7)}
        g.__code__ = (two if i & 1 else one).__code__
        s = "n%d" % (i & 15)
        f.__name__ = s
        f.__qualname__ = "q." + s
        f.__doc__ = [s]
        f.__module__ = s + "m"
    done.append(1)


def caller():
    calls = 0
    while not done:
        r = f()
        if not 0 <= r <= 7:
            raise AssertionError("f() mixed defaults: %r" % (r,))
        r = g()
        if r not in (1, 2):
            raise AssertionError("g() returned %r" % (r,))
        calls += 1
    if calls == 0:
        f()


def reader():
    while not done:
        n = f.__name__
        if not (n == "f" or n.startswith("n")):
            raise AssertionError("__name__ %r" % (n,))
        q = f.__qualname__
        if not (q == "f" or q.startswith("q.n")):
            raise AssertionError("__qualname__ %r" % (q,))
        d = f.__doc__
        if d is not None and (type(d) is not list or not d[0].startswith("n")):
            raise AssertionError("__doc__ %r" % (d,))
        m = f.__module__
        if not (m == "__main__" or m.endswith("m")):
            raise AssertionError("__module__ %r" % (m,))
        if not repr(f).startswith("<function "):
            raise AssertionError("repr %r" % (repr(f),))
        t = f.__defaults__
        if t[0].v != t[1].v:
            raise AssertionError("__defaults__ %r" % (t,))
        if not 0 <= f.__kwdefaults__["c"].v <= 7:
            raise AssertionError("__kwdefaults__")


run([writer, caller, caller, reader], on_error=lambda: done.append(1))
f.__defaults__ = (Box(5), Box(2))
f.__kwdefaults__ = {"c": Box(1)}
g.__code__ = two.__code__
if f() != 4 or g() != 2:
    errors.append("after the writer: f() = %r, g() = %r" % (f(), g()))
finish("function_fields", "%d replacements of 7 fields" % N)
