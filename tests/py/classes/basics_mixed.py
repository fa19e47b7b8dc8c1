class A:
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.x
    def __repr__(self):
        return f"A({self.v})"
    def __add__(self, o):
        return A(self.v + o.v)
    def __eq__(self, o):
        return isinstance(o, A) and self.v == o.v
a = A(3)
print(a.get(), a, a + A(4), a == A(3), a != A(3))
class B(A):
    def get(self):
        return super().get() * 10
print(B(2).get(), isinstance(B(1), A), B.__mro__)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @staticmethod
    def s(a): return a + 1
    @classmethod
    def c(cls): return cls.__name__
p = P(); p.x = 5; print(p.x, P.s(1), P.c(), p.c())
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 42)
except E as e:
    print(e, e.code, e.args)
class L(list):
    def total(self): return sum(self)
l = L([1,2,3]); l.append(4); print(l, l.total(), len(l))
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d[5])
print(type(a).__name__, A.__qualname__, repr(A))
class M(type):
    def __new__(mcs, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class Q(metaclass=M): pass
print(Q.tag, type(Q))
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
try:
    s.c = 2
except AttributeError as e:
    print(e)
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()))
print(hasattr(a, 'v'), getattr(a, 'zz', 'dflt'))
