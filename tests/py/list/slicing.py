# list slicing (read)
a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[2:5])
print(a[:3])
print(a[7:])
print(a[:])
print(a[-3:])
print(a[:-3])
print(a[5:5], a[7:3], a[20:])
print(a[-20:2])
c = a[:]
c[0] = "changed"
print(a[0], c[0])
print(a[2:8][1:3])
