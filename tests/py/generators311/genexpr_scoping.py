x = 10
g = (x * i for i in range(3))
x = 20
print(list(g))
ys = [1, 2]
g2 = (y for y in ys)
ys = [9]
print(list(g2))
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    total = sum(v for v in vals)
print(C.doubled, C.total)
try:
    class D:
        n = 2
        bad = [n * i for i in range(3)]
except NameError as e:
    print("NameError", e)
i = "outer"
_ = [i for i in range(3)]
print(i)
g3 = (a + b for a in range(2) for b in range(a, 3))
print(list(g3))
print(sum(x for x in range(10) if x % 2), list(x for x in ()))
