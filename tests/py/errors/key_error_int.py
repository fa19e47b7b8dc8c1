# missing int key after deletion
d = {1: "one", 2: "two"}
del d[1]
print(d)
print(d[1])
