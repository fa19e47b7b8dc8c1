d = {1: 'a', 2: 'b', 3: 'c', 9: 'd'}
e = {3: 'x', 4: 'y', 9: 'z'}
k = d.keys()
print(k & e.keys(), k | e.keys(), k - e.keys(), k ^ e.keys())
print(k & [1, 2, 100], k | [5], k - [1], k ^ [1, 50])
print(k & {1, 2}, k | {17}, k - {9}, k ^ {9, 10})
print(set([2, 3]) & k, [1, 2] - k, (9,) | k, set([1, 2, 50]) ^ k)
print(type(k & k).__name__, k - k, k & k)
print(k.isdisjoint([5, 6]), k.isdisjoint({9}), k.isdisjoint(e.keys()), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
i = d.items()
print(sorted(i & {(1, 'a'), (2, 'zz')}), sorted(i - {(1, 'a')}), len(i | {(7, 'q')}))
print(i.isdisjoint([(1, 'a')]), i.isdisjoint([(1, 'b')]))
print(k == {1, 2, 3, 9}, {1, 2, 3, 9} == k, k < {1, 2, 3, 9, 10}, k >= {1}, k != {1})
print(i == {(1, 'a'), (2, 'b'), (3, 'c'), (9, 'd')})
try:
    k & 5
except TypeError as ex:
    print(ex)
try:
    d.values() & {1}
except TypeError as ex:
    print(ex)
try:
    k.isdisjoint()
except TypeError as ex:
    print(ex)
