# keys, values, items views
d = {"one": 1, "two": 2, "three": 3}
for k in d.keys():
    print("key", k)
for v in d.values():
    print("value", v)
for k, v in d.items():
    print("item", k, v)
print(len(d.keys()), len(d.values()), len(d.items()))
print("two" in d.keys(), 2 in d.values(), ("one", 1) in d.items())
keys = d.keys()
d["four"] = 4
print("view sees new key:", "four" in keys, len(keys))
total = 0
for v in d.values():
    total += v
print("total:", total)
print(sum(d.values()), max(d.keys()), min(d.values()))
