import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]["k"] is a[2]["k"])
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
nested = ([1],)
print(copy.deepcopy(nested) is nested, copy.deepcopy(nested) == nested)
for v in (5, "s", None, 2.5, b"x", len, int, range(3), frozenset({1})):
    print(copy.copy(v) is v, end=" ")
print()
print(copy.deepcopy({1, 2}), copy.deepcopy(frozenset({3})), copy.copy(bytearray(b"ab")))

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)
p = P(1, [2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p3, p2.y is p.y, p3.y is p.y, type(p3) is P)

class Slotted:
    __slots__ = ("a", "b")
s1 = Slotted()
s1.a = [1]
s2 = copy.deepcopy(s1)
print(s2.a, s2.a is s1.a, hasattr(s2, "b"))

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Custom("shallow " + self.v)
    def __deepcopy__(self, memo):
        return Custom("deep " + self.v)
print(copy.copy(Custom("c")).v, copy.deepcopy(Custom("c")).v, copy.deepcopy([Custom("c")])[0].v)

class State:
    def __init__(self):
        self.n = 1
    def __getstate__(self):
        return {"n": self.n + 100}
    def __setstate__(self, st):
        self.n = st["n"] * 2
print(copy.copy(State()).n, copy.deepcopy(State()).n)

class Red:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Red, (self.v + 1,))
print(copy.copy(Red(1)).v, copy.deepcopy(Red([1])).v if False else copy.deepcopy(Red(5)).v)

cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2 is not cyc)
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is not shared)
memo = {}
x = [1]
y = copy.deepcopy(x, memo)
print(memo[id(x)] is y)

class L(list):
    pass
l = L([1, [2]])
l.tag = "t"
lc = copy.deepcopy(l)
print(type(lc).__name__, lc, lc.tag, lc[1] is l[1])
class D(dict):
    pass
dd = copy.copy(D(a=1))
print(type(dd).__name__, dd)
print(issubclass(copy.Error, Exception), copy.error is copy.Error, copy.__all__)
