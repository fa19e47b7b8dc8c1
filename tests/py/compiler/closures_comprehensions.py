def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20))
a = b = 3
x, (y, z) = 1, (2, 3)
print(a, b, x, y, z)
l = [1, 2, 3]
l[1] += 10
print(l)
d = {'a': 1, 'b': 2}
d['a'] -= 5
print(d, 1 < 2 < 3, 3 < 2 < 1, 1 < 5 > 2)
for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print(i)
else:
    print("no")
for i in range(3):
    pass
else:
    print("else", i)
n = 0
while n < 5:
    n += 1
else:
    print("while else", n)
print(1 and 2, 0 and 2, 0 or 3, 4 or 5, not 1, -3, ~5, +2)
print(1 if n else 2, [1, *l, 4], (1, 2, 3), {1: 2, **d})
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{'c': 7}))
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
g = outer()
print(g(), g())
print([i * i for i in range(5)], {k: k + 1 for k in range(3)})
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [(lambda j: lambda: j)(i) for i in range(3)]
print([f() for f in fs])
s = "abc"
print(f"{s!r:>10} {n} {3.5:.2f}", f"{s}")
print(l[0:2], l[::-1], l[1:])
del l[0]
print(l)
print([y := 5, y ** 2])
print([(w := v) for v in range(3)], w)
print(*[1, 2], sep='-')
assert n == 5
try:
    assert n == 4, "bad n"
except AssertionError as e:
    print("caught", e)
a, *b, c = range(6)
print(a, b, c)
