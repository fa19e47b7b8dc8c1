# _collections.deque: appends, pops, rotate, insert/remove/index, maxlen,
# operators, copies, repr (recursive), iteration invalidation, subclassing;
# plus defaultdict, _count_elements and _tuplegetter basics.
from _collections import deque, defaultdict, _count_elements, _tuplegetter
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, d.count(2), d.index(3))
d.rotate(2); print(d); d.rotate(-3); print(d)
d.extend("ab"); d.extendleft("xy"); print(d)
print(d.pop(), d.popleft(), d)
d.insert(2, "I"); d.insert(-1, "J"); d.insert(100, "K"); d.insert(-100, "L"); print(d)
d.remove("I"); del d[0]; d[0] = "Z"; print(d)
d.reverse(); print(d, list(reversed(d)))
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.append(10); m.appendleft(-1); print(m)
print(deque("ab") + deque("cd"), deque("ab") * 3, 2 * deque("ab"))
x = deque([1, 2], maxlen=3); x *= 5; print(x)
x += [7]; print(x, x == deque([2, 1, 7]), x < deque([3]), deque() == deque())
c = x.copy(); print(c, c is x, type(c).__name__)
cnt = {}; _count_elements(cnt, "abracadabra"); print(cnt)
dd = defaultdict(list); dd["a"].append(1); dd["b"]; print(dd, dd.default_factory)
g = _tuplegetter(1, "doc1"); print(g.__get__((5, 6)), g.__doc__)

it = iter(d); d.append(1)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
r = deque(); r.append(r); print(r)
class D(deque):
    pass
sd = D([1, 2], 5); print(sd, sd.copy(), type(sd.copy()).__name__)
print(deque.__class_getitem__(int), deque[int])
import copy
print(copy.copy(deque([1])), copy.deepcopy(deque([[1]], 4)))
