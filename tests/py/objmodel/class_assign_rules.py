class A: pass
class B: __slots__=('x',)
class C: __slots__=('x',)
class D(A): pass
a=A()
a.v = 1
for v in [B, D, int, 3, None, A]:
  try:
    a.__class__ = v; print('ok', type(a).__name__, a.v)
  except Exception as e: print(type(e).__name__, e)
try: del a.__class__
except Exception as e: print(type(e).__name__, e)
b=B(); b.x = 4; b.__class__=C; print(type(b).__name__, b.x)
try: (1).__class__ = bool
except Exception as e: print(type(e).__name__, e)
class I(int): pass
class J(int): pass
i=I(5)
try: i.__class__=J
except Exception as e: print(type(e).__name__, e)
class I2(int): __slots__ = ()
class J2(int): __slots__ = ()
i=I2(5); i.__class__=J2; print(type(i).__name__, i)
class S1(str): pass
class S2(str): pass
s = S1("x"); s.q = 3; s.__class__ = S2; print(type(s).__name__, s, s.q)
class L(list): pass
l=L()
try: l.__class__ = A
except Exception as e: print(type(e).__name__, e)
class L2(list): pass
l.__class__ = L2; print(type(l).__name__)
class E(B): __slots__=('y',)
class F(C): __slots__=('y',)
e = E()
try: e.__class__ = F
except TypeError as x: print(x)
class G: __slots__=('b', 'a')
class H: __slots__=('a', 'b')
g = G(); g.a = 1; g.b = 2; g.__class__ = H; print(g.a, g.b)
class P: __slots__ = ('__dict__',)
p = P(); p.z = 1
try:
    p.__class__ = A
except TypeError as e:
    print(e)
class PW: __slots__ = ('__dict__', '__weakref__')
p = PW(); p.z = 1; p.__class__ = A; print(type(p).__name__, p.z)
