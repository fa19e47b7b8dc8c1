# Function __annotations__: every parameter kind, return, laziness,
# assignment and deletion (CPython 3.11).
def f(a: int, b: "str" = "x", /, c: float = 1.0, *args: tuple, d: list, e=3, **kw: dict) -> bool:
    pass
print(f.__annotations__)
print(list(f.__annotations__))

def g(a, b=2, *c, **d):
    pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)

def h(x: 1 + 2, y: [i for i in range(3)]) -> None: pass
print(h.__annotations__)

order = []
def note(v):
    order.append(v)
    return v
def k(a: note("a") = note("default"), *, b: note("b") = note("kwdefault")) -> note("ret"): pass
print(order)

h.__annotations__ = {"new": int}
print(h.__annotations__)
del h.__annotations__
print(h.__annotations__)
h.__annotations__ = None
print(h.__annotations__)
try:
    h.__annotations__ = [1]
except TypeError as e:
    print("TypeError:", e)

class C:
    def m(self, __x: int) -> "C": pass
    lam = lambda self, q: q
print(C.m.__annotations__, C.lam.__annotations__)

# annotations of locals inside a function are never evaluated
def local():
    x: undefined_name = 1
    y: also_undefined
    return x
print(local(), local.__annotations__)
