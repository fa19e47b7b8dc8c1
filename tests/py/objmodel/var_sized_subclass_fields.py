class I(int): pass
class S(str): pass
class T(tuple): pass
class B(bytes): pass
for obj in [I(3), I(10**40), I(-10**25), S("s"), S("héllo€"), S(""), T((1,)), T(), T(range(7)), B(b"abc"), B(b"")]:
    obj.extra = ["x", obj]
    obj.extra2 = 5
    print(type(obj).__name__, obj, obj.extra[0], sorted(obj.__dict__), obj + obj if not isinstance(obj, int) else obj * 2)
    del obj.extra
class SS(str):
    __slots__ = ("a", "b")
s = SS("xyz"); s.a = 1; s.b = [2]
print(s, s.a, s.b, SS.a, SS.__dict__.get("__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError", e)
class SD(SS):
    pass
d = SD("q"*100); d.a = 7; d.c = 9
print(d.a, d.c, d.__dict__)
for base in (int, tuple, bytes):
    try:
        class X(base):
            __slots__ = ("a",)
    except TypeError as e:
        print("TypeError", e)
    try:
        class X(base):
            __slots__ = ("__dict__",)
    except TypeError as e:
        print("TypeError", e)
    class Y(base):
        __slots__ = ()
    try:
        Y().z = 1
    except AttributeError as e:
        print("AttributeError", e)
class A(tuple): pass
class Bt(tuple): pass
try:
    class C(A, Bt): pass
    print("ok")
except TypeError as e: print(e)
class A(str): pass
class Bs(str): pass
class C(A, Bs): pass
print("ok", C("x").__dict__)
class A(tuple): __slots__ = ()
class Bt(tuple): __slots__ = ()
class C(A, Bt): pass
c = C((1, 2)); c.q = 1
print("ok", c, c.q)
class II(I): pass
ii = II(2**100); ii.k = 1; print(ii, ii.k, ii.__dict__)
