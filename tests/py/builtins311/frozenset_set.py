s = set([3, 1, 2, 3])
print(sorted(s), len(s), 2 in s)
f = frozenset([1, 2])
print(sorted(f), type(f).__name__, hash(f) == hash(frozenset([2, 1])))
print(sorted(s | f), sorted(s & f), sorted(s - f), sorted(s ^ {9}))
print(f <= s, f < s, s >= f, s.isdisjoint({7}), f.issubset(s))
print(type(f | s).__name__, type(s | f).__name__)
print(set(), frozenset(), set(range(3)), frozenset(range(2)))
s.add(10); s.discard(99); s.remove(1)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    f.add(3)
except AttributeError as e:
    print("AttributeError", e)
print({frozenset([1]): "ok"}[frozenset([1])])
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
print(set([1, 2]) == frozenset([1, 2]))
