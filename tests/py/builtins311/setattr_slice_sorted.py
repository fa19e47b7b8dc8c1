class C: pass
c = C()
setattr(c, "name", "v")
setattr(c, "with space", 1)
print(c.name, getattr(c, "with space"))
s = slice(1, 5)
print(s, slice(3), slice(1, 2, 3), [0, 1, 2, 3, 4, 5][s], "abcdef"[slice(None, None, -2)])
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted([]))
print(sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted({3: 1, 1: 2}), sorted([1.5, 1, True, 0]))
data = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
print(sorted(data, key=lambda t: t[1]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], key=1)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([3, 2], lambda a: a)
except TypeError as e:
    print("TypeError", e)
