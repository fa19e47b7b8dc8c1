# weakref.proxy: forwards attributes, operators, calls, iteration and
# comparisons; unhashable; ReferenceError once the referent is gone.
import _weakref as weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return "add(%r)" % (o,)

    def __radd__(self, o):
        return "radd(%r)" % (o,)

    def __iadd__(self, o):
        return "iadd(%r)" % (o,)

    def __neg__(self):
        return "neg"

    def __len__(self):
        return 3

    def __getitem__(self, k):
        return "item %r" % (k,)

    def __setitem__(self, k, v):
        print("setitem", k, v)

    def __delitem__(self, k):
        print("delitem", k)

    def __contains__(self, k):
        return k == 1

    def __iter__(self):
        return iter([1, 2])

    def __eq__(self, o):
        return "eq"

    def __lt__(self, o):
        return "lt"

    def __bool__(self):
        return False

    def __index__(self):
        return 7

    def __str__(self):
        return "str of Num"

    def __bytes__(self):
        return b"bytes"

    def __reversed__(self):
        return "reversed"


n = Num(5)
p = weakref.proxy(n)
print("type:", type(p).__name__, type(p) is weakref.ProxyType)
print("attr:", p.v)
p.w = 6
print("setattr:", n.w)
del p.w
print("delattr:", hasattr(n, "w"))
print("ops:", p + 1, 1 + p, -p, len(p), p[2], 1 in p, 2 in p, list(p))
p[1] = 2
del p[1]
print("cmp:", p == 1, p < 1, bool(p), str(p), bytes(p), reversed(p))
print("index:", [10, 11, 12, 13, 14, 15, 16, 17][p], hex(p))
q = p
q += 1
print("inplace:", q)
print("shared:", weakref.proxy(n) is p, weakref.getweakrefcount(n))
try:
    hash(p)
except TypeError as e:
    print("hash:", e)


def f(a, b=2):
    return a + b


cp = weakref.proxy(f)
print("callable:", type(cp).__name__, cp(1), cp(1, b=5))

nums = weakref.proxy(Num(1)) if False else None
x = Num(2)
px = weakref.proxy(x)
del x
for label, fn in [("getattr", lambda: px.v), ("add", lambda: px + 1), ("len", lambda: len(px)),
                  ("str", lambda: str(px)), ("bool", lambda: bool(px)), ("eq", lambda: px == 1),
                  ("iter", lambda: iter(px)), ("setattr", lambda: setattr(px, "a", 1))]:
    try:
        fn()
        print(label, "no error")
    except ReferenceError as e:
        print(label, "ReferenceError:", e)
print("repr dead starts:", repr(px).startswith("<weakproxy at 0x"), repr(px).split(" ")[3])
try:
    weakref.proxy(1)
except TypeError as e:
    print(e)
