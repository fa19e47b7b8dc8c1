print(hash(frozenset()))
print(hash(frozenset({1, 2})))
print(hash(frozenset(range(100))))
print(hash(frozenset({(1, 2), (3, 4)})))
print(hash(frozenset({frozenset({1}), frozenset({2, 3})})))
print(hash(frozenset([-1, -2, 2**61, 2**62 + 5])))
f = frozenset({1, 2, 3})
g = frozenset([3, 2, 1])
print(hash(f) == hash(g), f == g)
d = {f: 'abc'}
print(d[g], frozenset({1, 2, 3}) in d, frozenset({1}) in d)
d[frozenset()] = 'empty'
print(d)
s = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(s), s)
try:
    hash({1})
except TypeError as e:
    print(e)
try:
    {1: 2}[{1}]
except TypeError as e:
    print(e)
try:
    {{1}}
except TypeError as e:
    print(e)
print(frozenset({1, 2}).copy() is not None)
