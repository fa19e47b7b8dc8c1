# _collections._count_elements (Counter's helper) and _tuplegetter
# (namedtuple's field descriptor), with bad input.
from _collections import _count_elements, _tuplegetter

m = {}
_count_elements(m, "abracadabra")
_count_elements(m, ["a", 1, 1])
print(m)

class Logged(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
l = Logged()
_count_elements(l, "aba")
class WithGet(dict):
    def get(self, k, default=None):
        return 10
w = WithGet()
_count_elements(w, "xx")
print(l, w)
for bad in [lambda: _count_elements({}, 1), lambda: _count_elements({}), lambda: _count_elements(1, "a"),
            lambda: _count_elements({"a": "s"}, "a")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

g = _tuplegetter(1, "second field")
print(g.__get__((5, 6)), g.__doc__, g.__get__(None, tuple) is g, g.__reduce__())
class P(tuple):
    x = _tuplegetter(0, "x doc")
    y = _tuplegetter(1, "y doc")
p = P((3, 4))
print(p.x, p.y, P.x.__doc__, type(P.x).__name__)
P.y.__doc__ = "new"
print(P.y.__doc__)
for bad in [lambda: setattr(p, "x", 1), lambda: delattr(p, "x"), lambda: _tuplegetter(5, "d").__get__((1,)),
            lambda: _tuplegetter(0, "d").__get__([1]), lambda: _tuplegetter("a", "d"), lambda: _tuplegetter(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
