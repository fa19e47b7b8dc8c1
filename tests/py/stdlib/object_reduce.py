# object.__reduce_ex__ / __reduce__ (copyreg's protocol, which copy and pickle use),
# object.__str__, and enum on top of them (CPython 3.11's own enum.py).
import copy, copyreg
class P:
    def __init__(self, x): self.x = x
p = P([1, 2])
print(p.__reduce_ex__(2)[0] is copyreg.__newobj__, p.__reduce_ex__(2)[1][0] is P, p.__reduce_ex__(2)[2])
q = copy.deepcopy(p); print(q.x, q.x is not p.x)
class L(list): pass
l = L([1,2]); l.a = 3
r = l.__reduce_ex__(4); print(r[0].__name__, r[1], r[2], list(r[3]), r[4])
class D(dict): pass
d = D(a=1); r = d.__reduce_ex__(2); print(r[3], list(r[4]))
pass
class S:
    __slots__ = ('a',)
try: print(type(S().__reduce_ex__(1)))
except TypeError as e: print('TypeError', e)
class R:
    def __reduce__(self): return (R, ())
print(R().__reduce_ex__(2))
try: object().__reduce_ex__()
except TypeError as e: print(e)
import enum
class Color(enum.Enum):
    RED = 1
print(Color.RED, Color(1), list(Color), Color.RED.name)
