print(set(), frozenset(), set([]), set(()))
print(set([3, 1, 2, 3, 1]))
print(set(range(10)))
print(set((1, 2, (3, 4))))
print(set({'a': 1}.keys()) == {'a'})
print(set({5: 'x', 9: 'y', 1: 'z'}))
print(frozenset([1, 2, 2]))
f = frozenset([1, 2])
print(frozenset(f) is f, set(f) is f)
print({1, 2, 3}, {(1, 2), (3, 4)})
print({*range(5), *[10, 11]})
print({1, True, 1.0}, {0, False})
print(len({1, 2, 3}), len(set()), bool(set()), bool({0}))
print(type(set()).__name__, type(frozenset()).__name__)
print(set("") , len(set("abcabc")))
s = set(range(100))
print(len(s), sum(s), min(s), max(s))
print(sorted({-5, 3, -1, 7}))
try:
    set(1)
except TypeError as e:
    print(e)
try:
    set([1], [2])
except TypeError as e:
    print(e)
try:
    frozenset([1], [2])
except TypeError as e:
    print(e)
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    set([[1]])
except TypeError as e:
    print(e)
