class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale

a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=3))
print(callable(a), callable(Adder), callable(3))
print(list(map(a, [1, 2])))

class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError", e)

class M:
    def method(self):
        return self
m = M()
bm = m.method
print(bm() is m, bm.__self__ is m, bm.__func__ is M.method)
print(M.method(m) is m)
