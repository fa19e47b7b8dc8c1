# Functions, closures, cells, methods and the descriptors that wrap them.
import gc

def has(obj, x):
    return any(r is x for r in gc.get_referents(obj))

default = [1]
def f(a=default, *, k=default):
    "doc"
    return a
print("function", has(f, f.__code__), has(f, f.__globals__), has(f, f.__defaults__),
      has(f, f.__kwdefaults__), has(f, f.__name__), has(f, f.__qualname__),
      has(f, f.__doc__), has(f, f.__module__))
f.__annotations__ = {"x": int}
print("annotations", has(f, f.__annotations__))

def outer():
    x = [2]
    def inner():
        return x
    return inner, x
inner, x = outer()
cell = inner.__closure__[0]
print("closure", has(inner, inner.__closure__), "cell", has(cell, x))

class C:
    def m(self):
        return 1
    @staticmethod
    def sm():
        return 2
    @classmethod
    def cm(cls):
        return 3
    @property
    def p(self):
        return 4
    @p.setter
    def p(self, v):
        pass

c = C()
bm = c.m
print("bound method", has(bm, c), has(bm, C.__dict__["m"]))
sm = C.__dict__["sm"]
cm = C.__dict__["cm"]
print("staticmethod", has(sm, sm.__func__), "classmethod", has(cm, cm.__func__))
pr = C.__dict__["p"]
print("property", has(pr, pr.fget), has(pr, pr.fset))
lst = []
ap = lst.append
print("builtin method", has(ap, lst))
ln = lst.__len__
print("method-wrapper", has(ln, lst))

class B:
    def who(self):
        return "B"
class D(B):
    def who(self):
        return super()
sup = D().who()
print("super", has(sup, D))
