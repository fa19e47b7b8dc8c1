a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
f = frozenset(b)
print(a | f, a & f, a - f, a ^ f)
print(f | a, f & a, f - a, f ^ a)
print(type(a | f).__name__, type(f | a).__name__)
x = set(a)
x |= {10}
print(x)
x &= set([1, 2, 10, 11])
print(x)
x -= {1}
print(x)
x ^= {2, 3}
print(x)
y = x
y |= {100}
print(x is y, x)
g = frozenset({1})
h = g
g |= {2}
print(g, h, g is h)
for f in [lambda: a | [1], lambda: a & [1], lambda: a - [1], lambda: a ^ [1], lambda: (1,) - a]:
    try:
        f()
    except TypeError as e:
        print(e)
try:
    a |= [1]
except TypeError as e:
    print(e)
try:
    a += {1}
except TypeError as e:
    print(e)
print(set(range(20)) - {3})
print(set(range(100)) - set(range(2, 100)))
print({1, 2} | {1, 2})
