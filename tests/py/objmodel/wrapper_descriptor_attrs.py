def f(x):
    "fdoc"
    return x
sm = staticmethod(f); cm = classmethod(f)
print(sm.__name__, sm.__doc__, sm.__qualname__, sm.__module__, cm.__name__, cm.__doc__)
print(sm(3), sm.__func__ is f, cm.__func__ is f, repr(sm).startswith("<staticmethod("))
class A:
    @staticmethod
    def s(): return "s"
    @classmethod
    def c(cls): return cls.__name__
print(A.s(), A().s(), A.c(), A().c(), A.__dict__["s"].__func__.__name__)
class P:
    def g(self): "getter doc"; return 1
    p = property(g)
    q = property(g, doc="explicit")
print(P.p.__doc__, P.q.__doc__, P.p.fget is P.g, P.p.fset)
class MyProp(property):
    "subclass doc"
class Q:
    @MyProp
    def v(self): "vdoc"; return 5
print(Q().v, type(Q.v).__name__, Q.v.__doc__)
class R:
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("deleting"); del self._x
r = R(); r.x = 4; print(r.x); del r.x
try: r.x
except AttributeError as e: print("AttributeError", e)
print(type(R.x.getter(lambda s: 0)).__name__, R.x.setter(None).fset is R.x.fset)
try: staticmethod()
except TypeError as e: print("TypeError", e)
try: property(1, 2, 3, 4, 5)
except TypeError as e: print("TypeError", e)
print(property().fget, property(doc="d").__doc__)
print(staticmethod(f).__dict__ == {"__module__": "__main__", "__name__": "f", "__qualname__": "f", "__doc__": "fdoc", "__annotations__": {}})
