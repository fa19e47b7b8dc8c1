class M(dict):
    def __missing__(self, k): return "miss:" + str(k)
m = M(a=1)
print(m['a'], m['b'], m.get('b'), 'b' in m)
class Idx:
    def __init__(s, v): s.v = v
    def __index__(s): return s.v
print([1,2,3][Idx(1)], "abc"[Idx(-1)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), range(Idx(3)), [0]*Idx(2))
print(int.__index__(7), (2).__index__())
import operator
try: [1][Idx("x")]
except TypeError as e: print("TypeError", e)
class F:
    def __format__(s, spec): return "F[" + spec + "]"
print(format(F(), "x>5"), f"{F():abc}", "{:zz}".format(F()))
try: format(object(), "x")
except TypeError as e: print("TypeError", e)
class R:
    def __radd__(s, o): return "radd"
    def __rsub__(s, o): return "rsub"
    def __iadd__(s, o): return "iadd"
r = R()
print(1 + r, 1 - r, [1] + r)
r += 1
print(r)
class N:
    def __eq__(s, o): return True
try: hash(N())
except TypeError as e: print("TypeError", e)
class H:
    def __eq__(s, o): return True
    __hash__ = object.__hash__
print(type(hash(H())).__name__)
class HN:
    __hash__ = None
try: {HN(): 1}
except TypeError as e: print("TypeError", e)
class HB:
    def __hash__(self): return 2**70
print(hash(HB()) == hash(2**70))
class HBad:
    def __hash__(self): return "x"
try: hash(HBad())
except TypeError as e: print("TypeError", e)
class Sub(N):
    pass
print(Sub.__hash__)
