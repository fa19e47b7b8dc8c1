# _collections.defaultdict: __missing__, the factory attribute, repr,
# copies, | and |=, reduce, subclassing, and bad arguments.
from _collections import defaultdict as dd
import copy

d = dd(list)
d["a"].append(1)
d["b"]
print(d, d.default_factory, len(d), "c" in d, d.get("c"), isinstance(d, dict))
n = dd(int, {"x": 1}, y=2)
n["z"] += 5
print(n, sorted(n.items()))
print(dd(None, {1: 2}), repr(dd()), dd(list, a=1))
try:
    dd()[3]
except KeyError as e:
    print("KeyError", e)
try:
    dd(None).__missing__("k")
except KeyError as e:
    print("KeyError", e)
c = d.copy()
print(c, c is d, type(c).__name__, c.default_factory, copy.copy(d), copy.deepcopy(d) == d)
print(dd(list, {1: 2}) | {3: 4}, {3: 4} | dd(list, {1: 2}))
u = dd(int, {1: 1})
u |= {2: 2}
u |= [(3, 3)]
print(u)
red = dd(list, {1: 2}).__reduce__()
print(red[0].__name__, red[1], red[2], red[3], list(red[4]))
print(dd().__reduce__()[1])
d.default_factory = str
print(d["q"] == "", d.default_factory)
d.default_factory = None
print(d)
class Sub(dd):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = "e"
s = Sub(int, {"k": 1})
s["m"] += 1
print(s, s.extra, type(s.copy()).__name__)
rec = dd(list)
rec.default_factory = rec.__getitem__
print(repr(rec)[:20])
for bad in [lambda: dd(1), lambda: dd("x", {}), lambda: dd(list) | 1, lambda: 1 | dd(list),
            lambda: dd(list, 1), lambda: dd(list).__missing__(), lambda: d.copy(1), lambda: hash(dd())]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
