# Raising while the handled exception's __context__ chain is a cycle must
# not hang (CPython's _PyErr_SetObject walks it with Floyd's cycle check and
# cuts the chain where the new exception already is); printing a traceback
# whose __context__/__cause__ chain loops prints each exception once.
import sys

def cycle(n):
    excs = [ValueError("v%d" % i) for i in range(n)]
    for i, e in enumerate(excs):
        e.__context__ = excs[(i + 1) % n]
    return excs

def chain(e, limit=8):
    out = []
    while e is not None and len(out) < limit:
        out.append(str(e))
        e = e.__context__
    return out

for n in (1, 2, 3, 5):
    excs = cycle(n)
    try:
        try:
            raise excs[0]
        except ValueError:
            raise KeyError("new")
    except KeyError as k:
        print(n, "fresh:", chain(k))
    excs = cycle(n)
    try:
        try:
            raise excs[0]
        except ValueError:
            raise excs[-1]
    except ValueError as v:
        print(n, "member:", chain(v))
    excs = cycle(n)
    try:
        try:
            raise excs[0]
        except ValueError:
            1 / 0
    except ZeroDivisionError as z:
        print(n, "builtin:", chain(z))

def gen():
    a, b = cycle(2)
    try:
        raise a
    except ValueError:
        yield 1

g = gen()
next(g)
old = KeyError("raised before")
try:
    raise old
except KeyError:
    pass
try:
    g.throw(old)
except KeyError as k:
    print("throw:", chain(k))

def plain():
    yield 1

g = plain()
next(g)
try:
    raise TypeError("outer")
except TypeError:
    try:
        g.throw(KeyError)
    except KeyError as k:
        print("throw without own handled:", chain(k))

a, b, c = ValueError("a"), KeyError("b"), TypeError("c")
a.__context__, b.__context__, c.__context__ = b, c, a
b.__cause__ = a
sys.excepthook(type(a), a, None)
print("excepthook done")
sys.stdout.flush()
try:
    raise a
except ValueError:
    raise c
