class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(%s)" % self.x
    def __add__(self, o):
        if isinstance(o, (int, V)):
            return V(self.x + (o.x if isinstance(o, V) else o))
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return V(o + self.x)
    def __sub__(self, o):
        return V(self.x - o)
    def __rsub__(self, o):
        return V(o - self.x)
    def __mul__(self, o):
        return V(self.x * o)
    __rmul__ = __mul__
    def __rpow__(self, o):
        return V(o ** self.x)
    def __neg__(self):
        return V(-self.x)
    def __abs__(self):
        return V(abs(self.x))
    def __invert__(self):
        return V(~self.x)

v = V(3)
print(v + 1, 1 + v, v + v, 10 - v, v - 1, 2 * v, v * 2, 2 ** v)
print(-v, abs(V(-4)), ~v)
print(sum([V(1), V(2)]))
try:
    v + "s"
except TypeError as e:
    print("TypeError", e)
