# enumerate() and zip()
for i, ch in enumerate("abc"):
    print(i, ch)
for i, v in enumerate([10, 20], 1):
    print(i, v)
print(list(enumerate(["x", "y"], start=5)))
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for n, a in zip(names, ages):
    print(n, a)
print(list(zip([1, 2, 3], "ab")))
print(list(zip()))
print(list(zip([1, 2], (3, 4), "56")))
print(dict(zip(names, ages)))
pairs = list(zip(range(3), range(10, 13)))
print(pairs)
