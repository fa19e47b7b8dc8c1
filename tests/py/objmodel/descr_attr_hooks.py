# descriptors precedence
class D:
    def __get__(s, o, t=None): return "D.get"
    def __set__(s, o, v): print("D.set", v)
class ND:
    def __get__(s, o, t=None): return "ND.get"
class A:
    d = D()
    nd = ND()
a = A()
a.__dict__['d'] = 'inst'
a.__dict__['nd'] = 'inst'
print(a.d, a.nd)
a.d = 5
print(A.d, A.nd)
class OnlySet:
    def __set__(s, o, v): print("set only")
class B:
    x = OnlySet()
b = B()
print(b.x.__class__.__name__)
b.__dict__['x'] = 1
print(b.x)
b.x = 2
class G:
    def __getattr__(s, n): return "ga:" + n
    y = 1
g = G()
print(g.y, g.zz)
class GA:
    def __getattribute__(s, n):
        if n == "boom": raise AttributeError("no boom")
        return "gat:" + n
    def __getattr__(s, n): return "fallback:" + n
print(GA().q, GA().boom)
class SA:
    def __setattr__(s, n, v):
        print("setattr", n, v)
        object.__setattr__(s, n, v * 2)
    def __delattr__(s, n):
        print("delattr", n)
        object.__delattr__(s, n)
sa = SA(); sa.k = 3; print(sa.k); del sa.k
try: del sa.k
except AttributeError as e: print("AttributeError", e)
try: object.__setattr__(1, 'x', 1)
except AttributeError as e: print("AttributeError", e)
try: object.__setattr__(A, 'x', 1)
except TypeError as e: print("TypeError", e)
print(type(A.__dict__['d']).__name__)
class P:
    @property
    def v(self): return 1
try: P().v = 2
except AttributeError as e: print("AttributeError", e)
try: del P().v
except AttributeError as e: print("AttributeError", e)
class TT(type): pass
try: object.__setattr__(TT("X", (), {}), 'x', 1)
except TypeError as e: print("TypeError", e)
try: object.__delattr__(A, 'd')
except TypeError as e: print("TypeError", e)
type.__setattr__(A, 'zz', 1); print(A.zz)
class Q: pass
q = Q(); object.__setattr__(q, 'w', 1); print(q.w)
try: type.__setattr__(q, 'x', 1)
except TypeError as e: print("TypeError", e)
try: type.__setattr__(int, 'x', 1)
except TypeError as e: print("TypeError", e)
