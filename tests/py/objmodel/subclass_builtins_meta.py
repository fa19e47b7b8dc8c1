class I(int):
    def __repr__(s): return "I(%d)" % s
print(I(3) + 1, type(I(3) + 1).__name__, repr(I(4)), I("12"), I("ff", 16), int(I(9)), type(int(I(9))).__name__)
print(I(5) == 5, hash(I(5)) == hash(5), {I(5): 1}[5], isinstance(I(1), int), I.__mro__)
class S(str):
    def shout(s): return s.upper() + "!"
s = S("hi")
print(s.shout(), s + "x", type(s + "x").__name__, type(s[0]).__name__, s == "hi", str(s), type(str(s)).__name__)
print(repr(s), "%s" % s, f"{s}", len(s), S() == "")
class L(list):
    def append(s, x): super().append(x * 2)
l = L([1]); l.append(3); print(l, type(l[:]).__name__, l + [1], type(l + [1]).__name__, len(l))
class Dd(dict):
    def __setitem__(s, k, v): super().__setitem__(k, v * 10)
d = Dd(); d['a'] = 1; d.update(b=2); print(d, type(d.copy()).__name__)
class E(Exception):
    def __init__(s, a, b):
        super().__init__(a, b)
        s.a = a
e = E(1, 2)
print(e.args, e.a, str(e), repr(e))
class E2(ValueError):
    def __str__(s): return "custom"
try: raise E2("x")
except ValueError as x: print(x, repr(x), x.args)
class T(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
t = T(1, 2); print(t, t[0], type(t).__name__, t + (3,), type(t + (3,)).__name__)
class F(float):
    pass
print(F(1.5) * 2, type(F(1.5) * 2).__name__, F("2.5"), repr(F(2.0)))
class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", a, k)
        return super().__call__(*a, **k)
class W(metaclass=Meta):
    def __init__(s, x=0): s.x = x
print(W(5).x)
class Single(type):
    _inst = {}
    def __call__(cls):
        if cls not in cls._inst: cls._inst[cls] = super().__call__()
        return cls._inst[cls]
class One(metaclass=Single): pass
print(One() is One())
class NoInit(metaclass=Meta):
    def __new__(cls, x): return 42
print(NoInit(1))
