s = {1, 2}
tests = [
    lambda: s.remove(3),
    lambda: s.remove([]),
    lambda: s.add([]),
    lambda: set().pop(),
    lambda: s.add(),
    lambda: s.clear(1),
    lambda: s.update(x=1),
    lambda: set(x=1),
    lambda: frozenset(x=1),
    lambda: s.union(1),
    lambda: s.issubset(1),
    lambda: s.isdisjoint(),
    lambda: frozenset().copy(1),
    lambda: frozenset().add(1),
    lambda: [] in s,
    lambda: s.discard({}),
    lambda: s - 1,
    lambda: 1 & s,
    lambda: s.symmetric_difference(5),
    lambda: s.difference(None),
    lambda: s.intersection(3),
    lambda: iter(s).__length_hint__(1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
s.remove(1)
print(s)
