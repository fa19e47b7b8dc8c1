# Which builtin objects are weakly referenceable, as in CPython 3.11.
import sys
import _weakref as weakref


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


class C:
    def m(self):
        pass


cases = [
    ("set", set()), ("frozenset", frozenset([1])), ("type", int), ("class", C),
    ("function", gen), ("builtin", len), ("method", C().m), ("code", gen.__code__),
    ("module", sys), ("generator", gen()), ("async generator", agen()),
    ("memoryview", memoryview(b"ab")), ("int", 1), ("str", "x"), ("tuple", ()),
    ("list", []), ("dict", {}), ("bytes", b""), ("bytearray", bytearray()),
    ("float", 1.0), ("complex", 1j), ("bool", True), ("range", range(2)),
    ("slice", slice(1)), ("object", object()), ("property", property()),
    ("NotImplemented", NotImplemented), ("ellipsis", ...), ("exception", ValueError()),
]
for name, obj in cases:
    try:
        r = weakref.ref(obj)
        print(name, "yes", r() is obj)
    except TypeError as e:
        print(name, "no:", e)
c = coro()
print("coroutine", weakref.ref(c)() is c)
c.close()

# Sets and functions die with their last reference.
s = {1, 2}
rs = weakref.ref(s)
del s
print("set dead:", rs())
g = gen()
rg = weakref.ref(g)
next(g)
del g
print("suspended generator dead:", rg())
