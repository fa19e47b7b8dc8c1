import math
class N:
    def __index__(self): return "x"
try: [1][N()]
except TypeError as e: print("TypeError", e)
try: hex(N())
except TypeError as e: print("TypeError", e)
class Num:
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 3
    def __floor__(self): return 1
    def __ceil__(self): return 2
    def __bytes__(self): return b"by"
    def __complex__(self): return 1j
    def __abs__(self): return "abs"
    def __invert__(self): return "inv"
    def __pos__(self): return "pos"
print(round(Num()), round(Num(), 2), math.trunc(Num()), math.floor(Num()), math.ceil(Num()), bytes(Num()), complex(Num()))
print(abs(Num()), ~Num(), +Num())
class BadInt:
    def __int__(self): return "no"
try: int(BadInt())
except TypeError as e: print("TypeError", e)
class BadFloat:
    def __float__(self): return 1
try: float(BadFloat())
except TypeError as e: print("TypeError", e)
class BadStr:
    def __str__(self): return 1
try: str(BadStr())
except TypeError as e: print("TypeError", e)
class BadRepr:
    def __repr__(self): return None
try: repr(BadRepr())
except TypeError as e: print("TypeError", e)
class BadFmt:
    def __format__(self, s): return 5
try: format(BadFmt(), "")
except TypeError as e: print("TypeError", e)
class GA:
    def __getattribute__(self, n):
        if n == "special": return "sp"
        return object.__getattribute__(self, n)
g = GA(); g.v = 1
print(g.special, g.v)
try: g.missing
except AttributeError as e: print("AttributeError", e)
class SG(GA):
    def __getattribute__(self, n):
        return "SG:" + str(super().__getattribute__(n))
print(SG().special)
class BS(bytes):
    def __bytes__(self): return self
print(BS(BS(b"xy")), type(BS(Num())).__name__, bytes(BS(b"q")))
class BadB:
    def __bytes__(self): return "s"
try: bytes(BadB())
except TypeError as e: print("TypeError", e)
