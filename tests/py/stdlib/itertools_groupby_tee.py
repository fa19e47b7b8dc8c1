# itertools.groupby (keys, groups invalidated by advancing) and tee
# (independent iterators over one source, copies, n=0/1).
import itertools as it

print([(k, list(g)) for k, g in it.groupby("aaabccdaa")])
print([(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([k for k, g in it.groupby("")])
groups = list(it.groupby("aabbb"))
print("stale groups", [(k, list(g)) for k, g in groups])
g = it.groupby("aabb")
k1, g1 = next(g)
print("partial", k1, next(g1))
k2, g2 = next(g)
print("after advance", k2, list(g1), list(g2))
print("none key", [(k, len(list(v))) for k, v in it.groupby([None, None, 0, 0])])

a, b = it.tee(range(5))
print("tee", next(a), next(a), list(b), list(a))
a, b, c = it.tee("xyz", 3)
print("tee3", list(c), list(a), next(b))
print("tee0", it.tee([1], 0), len(it.tee([1], 1)))
t1, t2 = it.tee(iter(range(200)))
print("long", sum(t1), sum(t2))
x, = it.tee([1, 2], 1)
y = x.__copy__()
print("copy", type(x).__name__, next(x), list(y), list(x))
p, q = it.tee(x)
print("tee of tee", type(p).__name__, list(p), list(q))
src = iter([1, 2, 3])
u, v = it.tee(src)
print("shared source", next(u), next(src), list(v))

def gen():
    yield 1
    yield next(reenter)
reenter, other = it.tee(gen())
try:
    print(list(reenter))
except RuntimeError as e:
    print("RuntimeError", e)
print(type(it._tee([1])).__name__, list(it._tee("ab")))
