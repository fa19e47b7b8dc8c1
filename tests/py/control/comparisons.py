# comparison operators, chaining, identity and membership
a, b, c = 1, 2, 3
print(a < b < c, a < c < b, a <= a < b)
print(a == 1 != b, a != b != a)
print(c > b > a > 0)
print(1 < 2 > 1.5)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(0) < v(5))
print("short-circuit chain calls:", calls)
x = None
print(x is None, x is not None)
lst = [1, 2]
other = [1, 2]
same = lst
print(lst == other, lst is other, lst is same, lst is not other)
print(2 in lst, 3 not in lst, "b" in "abc", "k" in {"k": 1})
print(True is True, (1 == 1) is True)
print(not 1 == 2, not (1 < 2 < 3))
print("abc" < "abd" <= "abd" < "b")
