# list assignment index out of range
a = [0, 0]
a[1] = 5
print(a)
a[2] = 6
