# pop and update
d = {"a": 1, "b": 2, "c": 3}
print(d.pop("b"))
print(d)
print(d.pop("zzz", "fallback"))
print(d.pop("a", None))
print(d)
d.update({"x": 10, "c": 30})
print(d)
d.update(y=20, z=30)
print(d)
d.update([("p", 1), ("q", 2)])
print(d)
d.update({})
print(len(d))
e = {"c": 0}
e.update(d)
print(e)
