class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "Point(%r, %r)" % self

p = Point(1, 2)
print(p, p.x, len(p), p == (1, 2), hash(p) == hash((1, 2)))
a, b = p
print(a, b)
print(type(p + (3,)).__name__)
print(p[::-1])
print(Point(3, 4) > p)
