# slicing with steps, slice assignment and deletion
a = list(range(10))
print(a[::3], a[1:8:2], a[::-2], a[8:1:-3])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[:0] = [-1]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
s = "abcdefghij"
print(s[::4], s[-2::-3], s[100:0:-4])
t = tuple(range(8))
print(t[1::2], t[::-1][:3])
c = [1, 2, 3]
c[1:2] = []
print(c)
c[len(c):] = [4, 5]
print(c)
u = "Hello, World"
print(u[::2], u[::-1], u[1::3], u[10:2:-2], u[-1:-6:-1], u[::-3])
print("αβγδε"[::-1], (1, 2, 3)[::-1], [0, 1, 2, 3, 4][::3][::-1])
