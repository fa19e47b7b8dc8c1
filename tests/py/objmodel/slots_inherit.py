class A:
    __slots__ = ("a",)

class B(A):
    __slots__ = ("b",)

class C(B):
    pass

b = B()
b.a = 1
b.b = 2
print(b.a, b.b, hasattr(b, "__dict__"))
try:
    b.c = 3
except AttributeError as e:
    print("AttributeError", e)
c = C()
c.a = 1
c.zz = 9
print(c.a, c.zz, c.__dict__)

class D:
    __slots__ = ("__dict__", "v")
d = D()
d.v = 1
d.w = 2
print(d.v, d.__dict__)

class E:
    __slots__ = "single"
e = E()
e.single = "s"
print(e.single, E.__slots__)
