try:
    class A:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print("ValueError", e)

class B:
    __slots__ = ()
try:
    B().a = 1
except AttributeError as e:
    print("AttributeError", e)

class C:
    __slots__ = ["a", "b"]
    def __init__(self):
        self.a = 1
c = C()
print(c.a, [s for s in C.__slots__])
class D(C):
    __slots__ = ("d",)
d = D()
d.d = 4
d.b = 2
print(d.a, d.b, d.d)
