a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b < a, b <= a, b > a, b >= a)
print(a < a, a <= a, a == a, a != a)
print(a == frozenset(a), frozenset(a) == a, frozenset(a) < b, b > frozenset(a))
print({1, 2} == {2, 1}, set() == frozenset(), set() == [], {1} != [1])
print({1} == {1.0}, {(1, 2)} == {(1, 2)})
print(set() < {1}, {3} <= {1, 2})
try:
    print({1} < [1])
except TypeError as e:
    print(e)
try:
    print([1] >= {1})
except TypeError as e:
    print(e)
print(frozenset({1, 2}) == frozenset({2, 1}))
print(sorted([{1, 2}, {1}, set()], key=len))
