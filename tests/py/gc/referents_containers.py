# gc.get_referents on containers, iterators and views: each visits what it holds.
import gc

def has(obj, x):
    return any(r is x for r in gc.get_referents(obj))

a, b = [1], [2]
lst = [a, b]
print("list", has(lst, a), has(lst, b), len(gc.get_referents(lst)))
tup = (a, b)
print("tuple", has(tup, a), has(tup, b), len(gc.get_referents(tup)))
d = {1: a, 2: b}
print("dict values", has(d, a), has(d, b))
class Key:
    pass
k = Key()
d2 = {k: None}
print("dict tuple key", has(d2, k))
fs = frozenset([k])
print("frozenset", has(fs, k), len(gc.get_referents(fs)))
s = {k}
print("set", has(s, k))

print("list iterator", has(iter(lst), lst))
print("tuple iterator", has(iter(tup), tup))
print("set iterator", has(iter(s), s))
print("dict iterators", has(iter(d), d), has(iter(d.values()), d), has(iter(d.items()), d))
print("dict views", has(d.keys(), d), has(d.values(), d), has(d.items(), d))
print("reversed list", has(reversed(lst), lst))

class Seq:
    def __getitem__(self, i):
        raise IndexError
sq = Seq()
print("seq iterator", has(iter(sq), sq))
e = enumerate(lst)
print("enumerate", len(gc.get_referents(e)) >= 1)
def fn(x):
    return x
m = map(fn, lst)
print("map", has(m, fn))
flt = filter(fn, lst)
print("filter func", has(flt, fn))
ci = iter(fn, 5)
print("callable_iterator", has(ci, fn))
sl = slice(a, b, None)
print("slice", has(sl, a), has(sl, b))
print("empty", gc.get_referents(), gc.get_referents(1, "s", 2.5))
print("several", len(gc.get_referents([a], [b, a])))
