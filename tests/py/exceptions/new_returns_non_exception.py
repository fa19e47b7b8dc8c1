# An exception class whose __new__ returns something else: raise, throw,
# athrow and a coroutine's throw raise TypeError (never use the object as an
# exception); `raise X from C` keeps C()'s result as __cause__ and the
# traceback printer reports it as CPython does.
class E(Exception):
    def __new__(cls, *a):
        return 42

class G(Exception):
    def __new__(cls, *a):
        return None

class K(Exception):
    def __new__(cls, *a):
        return KeyError(*a)

class Boom(Exception):
    def __init__(self, *a):
        raise LookupError("from __init__")

for cls in (E, G, K):
    try:
        raise cls
    except BaseException as e:
        print("raise", cls.__name__, "->", type(e).__name__, e)

def gen():
    while True:
        try:
            yield 1
        except Exception as e:
            print("  in gen:", type(e).__name__, e)

g = gen()
next(g)
for args in [(E,), (E, (1, 2)), (G, 5), (K, ("k",)), (Boom,), (ValueError, (1, 2)),
             (ValueError, ()), (ValueError, [3]), (ValueError, KeyError(4))]:
    print("throw", [a.__name__ if isinstance(a, type) else a for a in args])
    g.throw(*args)
try:
    g.throw(ValueError, None, 5)
except TypeError as e:
    print("third arg:", e)
g.close()

async def agen():
    while True:
        try:
            yield 1
        except Exception as e:
            print("  in agen:", type(e).__name__, e)

def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value

a = agen()
print("anext", run(a.__anext__()))
print("athrow", run(a.athrow(E)))
print("athrow", run(a.athrow(G, 7)))

class Aw:
    def __await__(self):
        try:
            yield 1
        except BaseException as e:
            print("  in coro:", type(e).__name__, e)
        return 5

async def coro():
    return await Aw()

c = coro()
c.send(None)
try:
    c.throw(E)
except StopIteration as e:
    print("coro throw ->", e.value)

try:
    raise ValueError("v") from E
except ValueError as e:
    print("cause:", repr(e.__cause__))
raise ValueError("last") from E
