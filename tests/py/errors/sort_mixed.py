# sorting a list of mixed types
a = [3, 1, 2]
a.sort()
print(a)
b = [3, "one", 2]
b.sort()
print(b)
