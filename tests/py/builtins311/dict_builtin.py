print(dict(), dict(a=1), dict([("a", 1), ("b", 2)]), dict({"x": 1}, y=2))
print(dict(zip("ab", [1, 2])), dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
d = {"a": 1, "b": 2}
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("c"), d.setdefault("c", 3), d.pop("a"), d.pop("zz", "none"), d)
print(d.popitem(), d)
d |= {"q": 9}
print(d, d | {"r": 1}, {"r": 1} | d)
print(list(reversed({"x": 1, "y": 2})))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
print({1: "a"} == {1: "a"}, {1: 2}.keys() & {1, 3}, {1: 2}.items() == {(1, 2)})
