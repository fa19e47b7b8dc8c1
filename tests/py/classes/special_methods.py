# special methods dispatched through slots
class Vec:
    def __init__(self, *xs): self.xs = list(xs)
    def __len__(self): return len(self.xs)
    def __getitem__(self, i): return self.xs[i]
    def __setitem__(self, i, v): self.xs[i] = v
    def __delitem__(self, i): del self.xs[i]
    def __contains__(self, v): return v in self.xs
    def __iter__(self): return iter(self.xs)
    def __call__(self, k): return [x * k for x in self.xs]
    def __bool__(self): return any(self.xs)
    def __repr__(self): return "Vec(%s)" % ", ".join(map(str, self.xs))
    def __str__(self): return "<" + " ".join(map(str, self.xs)) + ">"
    def __radd__(self, other): return Vec(*[other + x for x in self.xs])
    def __iadd__(self, other):
        self.xs.append(other)
        return self
    def __neg__(self): return Vec(*[-x for x in self.xs])
    def __lt__(self, other): return sum(self.xs) < sum(other.xs)
    def __hash__(self): return hash(tuple(self.xs))
    def __eq__(self, other): return self.xs == other.xs
v = Vec(1, 2, 3)
print(len(v), v[1], v[-1], 2 in v, 9 in v, v(2), bool(v), bool(Vec(0)), repr(v), str(v))
v[0] = 10; del v[1]; print(v, list(v), 10 + v, -v)
v += 7; print(v)
print(sorted([Vec(3), Vec(1, 1), Vec(0)]), hash(Vec(1, 2)) == hash((1, 2)), {Vec(1): 'one'}[Vec(1)])
print(f"{v!r} {v!s} {v}")
class Lazy:
    def __getattr__(self, name): return name.upper()
    def __setattr__(self, name, value): object.__setattr__(self, name, value * 2)
    def __delattr__(self, name): print("del", name)
z = Lazy(); z.a = 3; print(z.a, z.anything); del z.q
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, owner):
        return self if obj is None else f"{self.name} of {type(obj).__name__}"
    def __set__(self, obj, value): print("set", self.name, value)
class Host:
    d = Desc()
h = Host(); print(h.d, Host.d.name); h.d = 5
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))
class K1(Base, tag="one"): pass
class K2(Base): pass
print(Base.registry)
class G:
    def __class_getitem__(cls, item): return f"G[{item.__name__}]"
print(G[int])
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class Counter:
    count = 0
    def __init__(self): Counter.count += 1
    @classmethod
    def made(cls): return cls.count
for _ in range(3): Counter()
print(Counter.made(), Counter().count)
class MyErr(ValueError): pass
try:
    raise MyErr("custom")
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, Exception), MyErr.__mro__[1].__name__)
class Num(int):
    def double(self): return self * 2
n = Num(21); print(n.double(), n + 1, type(n + 1).__name__, isinstance(n, int))
class Str(str):
    def shout(self): return self.upper() + "!"
print(Str("hi").shout(), len(Str("abc")))
print(type(3).__name__, type("x") is str, type(type), issubclass(D, A), issubclass(bool, int))
T = type("T", (object,), {"x": 5, "f": lambda self: self.x + 1})
print(T().f(), T.__name__)
class WithSlots:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
print(WithSlots().a, hasattr(WithSlots(), "__dict__"))
print(A().who.__func__ is A.who, callable(A), callable(A()))
