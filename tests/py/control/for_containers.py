# for loops over list, tuple, dict, str
for x in [1, "two", 3.0]:
    print("list item:", x)
for x in (None, True):
    print("tuple item:", x)
d = {"a": 1, "b": 2}
for k in d:
    print("dict key:", k, d[k])
for k, v in d.items():
    print("dict item:", k, v)
for ch in "hey":
    print("char:", ch)
for x in []:
    print("never")
lst = [1, 2, 3]
for x in lst:
    x = x * 10
print("loop variable rebinding does not change list:", lst)
print("loop var keeps last value:", x)
