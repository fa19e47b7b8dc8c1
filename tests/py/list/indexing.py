# list indexing and item assignment
a = [10, 20, 30, 40, 50]
print(a[0], a[2], a[4])
print(a[-1], a[-5])
a[1] = 21
print(a)
a[-1] = 55
print(a)
a[0] += 100
print(a)
a[2] *= 2
print(a)
m = [[1, 2], [3, 4]]
print(m[1][0])
m[0][1] = 99
print(m)
i = 3
print(a[i], a[i - 1], a[-i])
a[True] = "one"
print(a)
