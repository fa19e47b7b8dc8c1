try:
    class X(bool): pass
except TypeError as e: print("TypeError", e)
class I(int):
    def __eq__(s, o): return True
try: hash(I(1))
except TypeError as e: print("TypeError", e)
class I2(int):
    def __new__(cls, v, extra=None):
        o = super().__new__(cls, v)
        o.extra = extra
        return o
print(I2(5, "e").extra, I2(5) + 0, I2("7", extra=1))
class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __init__(self, v):
        self.orig = v
s = S("abc"); print(s, s.orig, s.lower(), type(s.lower()).__name__)
class L(list):
    def __init__(self, it, tag):
        super().__init__(it)
        self.tag = tag
l = L((1, 2), "t"); print(l, l.tag, l == [1, 2], sorted(l, reverse=True))
class DD(dict):
    def __getitem__(self, k): return "gi:" + k
d = DD(a=1); print(d["a"], d.get("a"), "{a}".format_map(d), dict(d))
class Cnt(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
c = Cnt(); c["x"] += 1; c["x"] += 1; print(c)
class Lst(list):
    def __getitem__(self, i): return "item"
print(Lst([1, 2])[0], list(Lst([1, 2])), [x for x in Lst([3])])
class Tup(tuple):
    @property
    def first(self): return self[0]
print(Tup((9, 8)).first, Tup((9,)) == (9,), hash(Tup((1,))) == hash((1,)))
class St(set): pass
print(St([1]) | {2}, type(St([1]) | {2}).__name__, St([3]))
class Fr(frozenset): pass
print(Fr([1]), type(Fr([1]) | {2}).__name__)
class Fl(float):
    def __repr__(self): return "Fl!"
print(Fl(1), [Fl(2)], str(Fl(3)), f"{Fl(4)}")
class Cx(complex): pass
print(Cx(1, 2), type(Cx(1, 2) + 1).__name__)
class BA(bytearray): pass
b = BA(b"x"); b.extend(b"y"); print(b, type(b).__name__)
print(int.__new__(I, 3), type(int.__new__(I, 3)).__name__)
try: int.__new__(str, 3)
except TypeError as e: print("TypeError", e)
try: object.__new__(int)
except TypeError as e: print("TypeError", e)
try: list.__new__(dict)
except TypeError as e: print("TypeError", e)
class Nobj:
    pass
try: Nobj(1)
except TypeError as e: print("TypeError", e)
class WithInit:
    def __init__(self, a): pass
try: WithInit()
except TypeError as e: print("TypeError", e)
try: object.__init__(WithInit(1), 2)
except TypeError as e: print("TypeError", e)
class A: pass
for f, a in [(object.__new__, (int,)), (object.__new__, (list,)), (int.__new__, (A,)), (object.__new__, (A,)), (list.__new__, (A,)), (object.__new__, (type,)), (float.__new__, (bool,))]:
    try: print(type(f(*a)).__name__)
    except TypeError as e: print(e)
class NI(int):
    def __new__(cls, *a): return int.__new__(cls, *a)
class NI2(NI): pass
print(type(NI2(4)).__name__, NI2(4))
try: object.__new__(NI2)
except TypeError as e: print(e)
