class A:
    "doc A"
    x: int = 1
    __p = 5
    def __init__(self, v):
        self.v = v
        self.__q = v * 2
    def get(self):
        return self.v, self.__q, self.__p
    @staticmethod
    def s():
        return "static"
class B(A):
    def get(self):
        return ("B",) + super().get()
    def cls(self):
        return __class__.__name__
b = B(3)
print(b.get(), b.cls(), A.__doc__, A.__qualname__, A.__module__, A.__annotations__)
print(A.s(), B.__mro__ if False else B.__name__, hasattr(b, "_A__q"), hasattr(b, "__q"))
def f(n):
    class C:
        y = n
        def m(self):
            return y if False else self.y
    return C
print(f(7)().m(), f(7).__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__)
def deco(c):
    c.tag = "t"
    return c
@deco
class D(*[A], **{}):
    pass
print(D.tag, D(1).get())

class CM:
    def __init__(self, name, suppress=False):
        self.name = name; self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("s", True):
    raise ValueError("boom")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def r():
    with CM("r") as v:
        return v + "!"
print(r())
for i in range(3):
    with CM(str(i)):
        if i == 0:
            continue
        if i == 1:
            break
def gen():
    with CM("g"):
        yield 1
        yield 2
print(list(gen()))
class Bad: pass
try:
    with Bad():
        pass
except TypeError as e:
    print(e)
