# _collections.deque: bad input gets CPython's exception and message.
from _collections import deque

d = deque([1, 2, 3])
calls = [
    lambda: d.remove(9), lambda: d.index(9), lambda: d.index(1, 2), lambda: d.index(3, -1),
    lambda: d[5], lambda: d[-4], lambda: d["a"], lambda: d[1:2], lambda: d.__setitem__(9, 1),
    lambda: d.__delitem__(-9), lambda: deque(maxlen=-1), lambda: deque(maxlen="a"), lambda: deque(maxlen=1.0),
    lambda: deque([], 1, 2), lambda: deque(x=1), lambda: d + [1], lambda: d + None,
    lambda: d.insert("a", 1), lambda: deque([1], maxlen=1).insert(0, 2), lambda: d.rotate("a"),
    lambda: deque().pop(), lambda: deque().popleft(), lambda: d.index(1, "a"), lambda: d.count(),
    lambda: d * "a", lambda: hash(d), lambda: d < [1], lambda: d.extend(1), lambda: d.extendleft(None),
    lambda: d.append(), lambda: d.append(1, 2), lambda: d.pop(1), lambda: d.rotate(1, 2),
    lambda: d.insert(1), lambda: d.maxlen.__class__, lambda: setattr(d, "maxlen", 3),
    lambda: deque.__class_getitem__(), lambda: d.index(),
]
for c in calls:
    try:
        print("ok", c())
    except Exception as e:
        print(type(e).__name__, e)

class Eq:
    def __init__(self, d):
        self.d = d
    def __eq__(self, other):
        self.d.append(0)
        return False
for meth in ("count", "index", "remove", "__contains__"):
    m = deque([1, 2])
    try:
        getattr(m, meth)(Eq(m))
    except Exception as e:
        print(meth, type(e).__name__, e)
m = deque([1, 2, 3])
it = iter(m)
print(next(it))
m.pop()
for step in range(2):
    try:
        next(it)
    except (RuntimeError, StopIteration) as e:
        print(type(e).__name__, e)
m = deque([1, 2])
it = reversed(m)
m.appendleft(0)
try:
    next(it)
except RuntimeError as e:
    print("reversed", e)
m = deque([1, 2])
it = iter(m)
m[0] = 9                    # replacing an item is not a change of shape
print(list(it), it.__length_hint__())
