# list and dict comprehensions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in "abc"])
print([[r * c for c in range(3)] for r in range(3)])
print({k: len(k) for k in ["a", "bb", "ccc"]})
print({v: k for k, v in {"x": 1, "y": 2}.items()})
print({i: i * i for i in range(5) if i % 2})
print([x if x > 0 else 0 for x in [-2, 5, -1, 3]])
x = "outer"
print([x for x in "ab"], x)
nested = [[1, 2], [3], []]
print([v for row in nested for v in row])
print(sum([n for n in range(101)]))
