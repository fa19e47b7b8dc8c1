# tuple unpacking assignment
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = (10, 20, 30)
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
m, (n, (o, s)) = 1, (2, (3, 4))
print(m, n, o, s)
first, second = "hi"
print(first, second)
u, v = [7, 8]
print(u, v)
a, b, c = range(3)
print(a, b, c)
a = b = 5
a, b = a + 1, a - 1
print(a, b)
[g, h] = 1, 2
print(g, h)
pts = [(1, 2), (3, 4)]
for (px, py) in pts:
    print("point", px, py)
def pair():
    return 3, 4
w, l = pair()
print("area", w * l)
fib = [0, 1]
a, b = 0, 1
for i in range(8):
    a, b = b, a + b
print("fib:", a, b)
