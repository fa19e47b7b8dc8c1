class M(type):
    @property
    def p(cls): return "p of " + cls.__name__
    @p.setter
    def p(cls, v): print("M.p set", v)
class A(metaclass=M): pass
print(A.p)
A.p = 5
try:
    A.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
A.mro = 1
print(A.__dict__["mro"])
import types
mp = types.MappingProxyType
class UM:
    def __getitem__(self, k): return k * 2
    def keys(self): return ["a"]
    def get(self, k, d=None): return "got " + k
    def __len__(self): return 1
    def __iter__(self): return iter(["a"])
u = mp(UM())
print(u["x"], u.get("z"), list(u.keys()), len(u), list(u), "a" in u)
print(type(int.__dict__).__name__, int.__dict__["__add__"])
class I(int): pass
for n in [0, 1, -1, 2**30, 2**60, -(2**200)]:
    i = I(n); i.x = n; print(i.x == n, i == n)
class S(str):
    __slots__ = ("a",)
s = S("é" * 3); s.a = s
print(s.a is s, s)
