# Class patterns with __match_args__ and keyword sub-patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z) if z == 0:
            return f"flat 3d at {x},{y}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y=yy):
            return f"somewhere {x},{yy}"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 2), Point3(1, 2, 0),
          Point3(0, 0, 1), "point"]:
    print(p, "->", where(p))

# no positional sub-patterns: only isinstance
match Point(1, 2):
    case Point():
        print("is a Point")

# keyword sub-patterns on any class, missing attribute = no match
class Anything:
    pass
a = Anything()
a.color = "red"
match a:
    case Anything(size=s):
        print("size", s)
    case Anything(color=c):
        print("color", c)

# properties are called
class Temp:
    __match_args__ = ("celsius",)
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        print("property read")
        return self._c
match Temp(30):
    case Temp(c) if c > 25:
        print("hot", c)

# builtin types match their single positional sub-pattern against themselves
for v in [1, 1.0, "s", b"b", bytearray(b"ba"), [1], (1,), {1: 1}, {1}, frozenset({2}), True]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case bytes(b):
            print("bytes", b)
        case bytearray(b):
            print("bytearray", b)
        case list(l):
            print("list", l)
        case tuple(t):
            print("tuple", t)
        case dict(d):
            print("dict", d)
        case set(s):
            print("set", s)
        case frozenset(s):
            print("frozenset", sorted(s))

# subclasses of builtin types inherit the self-matching
class MyInt(int):
    pass
match MyInt(5):
    case MyInt(n):
        print(type(n).__name__, n)
match MyInt(6):
    case int(real=r):
        print("real", r)

# __match_args__ inherited from the base class
class Point2(Point):
    pass
match Point2(7, 8):
    case Point2(a, b):
        print("inherited", a, b)

# dotted class names
import math
class NS:
    P = Point
match Point(4, 5):
    case NS.P(x, y):
        print("dotted", x, y)

# a class that also defines a different equality does not matter
class Weird:
    __match_args__ = ("v",)
    def __init__(self):
        self.v = 1
    def __eq__(self, other):
        return False
match Weird():
    case Weird(1):
        print("weird matched")
