class A: pass
class B: pass
for op in ["<", "<=", ">", ">="]:
    try: eval("A() %s B()" % op)
    except TypeError as e: print("TypeError", e)
print(A() == B(), A() != B())
class NI:
    def __eq__(s, o): return NotImplemented
    def __lt__(s, o): return NotImplemented
x = NI()
print(x == x, x == NI(), x != x)
try: x < x
except TypeError as e: print("TypeError", e)
class Ip:
    def __init__(s, v): s.v = v
    def __add__(s, o): return Ip(s.v + o)
    def __iadd__(s, o): return NotImplemented
i = Ip(1); j = i; i += 2; print(i.v, j.v, i is j)
class OnlyAdd:
    def __add__(s, o): return "add"
o = OnlyAdd(); o += 1; print(o)
class Same:
    def __radd__(s, o): return "radd"
try: Same() + Same()
except TypeError as e: print("TypeError", e)
class Bo:
    def __bool__(s): return 1
try: bool(Bo())
except TypeError as e: print("TypeError", e)
class Ln:
    def __len__(s): return -1
try: len(Ln())
except ValueError as e: print("ValueError", e)
class Lb:
    def __len__(s): return 2**70
try: len(Lb())
except OverflowError as e: print("OverflowError", e)
class Lf:
    def __len__(s): return 1.5
try: len(Lf())
except TypeError as e: print("TypeError", e)
class It:
    def __iter__(s): return iter([1, 2, 3])
print(2 in It(), 5 in It())
class Gi:
    def __getitem__(s, i):
        if i > 2: raise IndexError
        return i * 10
print(list(Gi()), 20 in Gi(), list(reversed([1])))
class NoIt:
    __iter__ = None
try: iter(NoIt())
except TypeError as e: print("TypeError", e)
class NoRev:
    def __len__(s): return 2
    def __getitem__(s, i): return i
    __reversed__ = None
try: reversed(NoRev())
except TypeError as e: print("TypeError", e)
class Rev:
    def __len__(s): return 3
    def __getitem__(s, i): return "abc"[i]
print(list(reversed(Rev())))
class GaErr:
    def __getattr__(s, n): raise KeyError(n)
try: GaErr().zz
except KeyError as e: print("KeyError", e)
class PropFallback:
    @property
    def p(self): raise AttributeError("inner")
    def __getattr__(self, n): return "fallback " + n
print(PropFallback().p)
class Desc:
    def __set_name__(self, owner, name): self.name = name; print("set_name", owner.__name__, name)
class Own:
    a = Desc()
    b = Desc()
print(Own.a.name, Own.b.name)
class BadSN:
    def __set_name__(self, owner, name): raise ValueError("bad")
try:
    class Own2:
        x = BadSN()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
print(hash(A) == hash(A), A == A, A != B)
class Call:
    def __call__(self, *a, **k): return a, k
print(Call()(1, x=2), callable(Call()), callable(A()))
