class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        print("plain add")
        return self

a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x is y, x.v, y.v)

l = [1]
t = (l,)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError", e)
print(t)

class Weird:
    def __imul__(self, o):
        return "replaced"
w = Weird()
w *= 3
print(w)
n = 7
n //= 2; print(n)
n **= 3; print(n)
n %= 5; print(n)
n <<= 4; print(n)
n |= 1; print(n)
n ^= 3; print(n)
n &= 6; print(n)
n >>= 1; print(n)
