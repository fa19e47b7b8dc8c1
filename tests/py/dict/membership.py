# in / not in check keys
d = {"x": 1, "y": None, 3: "three"}
print("x" in d)
print("z" in d)
print("z" not in d)
print(1 in d)
print(3 in d, 3.0 in d)
print("y" in d, d["y"])
print(None in d)
print(1 in d.values(), None in d.values())
empty = {}
print("a" in empty)
