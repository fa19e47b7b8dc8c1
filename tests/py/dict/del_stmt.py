# del and order after deletion
d = {"a": 1, "b": 2, "c": 3, "d": 4}
del d["b"]
print(d)
d["b"] = 22
print(d)
del d["a"]
del d["d"]
print(d, len(d))
d["a"] = 1
print(d)
for k in ["c", "b", "a"]:
    del d[k]
print(d, len(d))
