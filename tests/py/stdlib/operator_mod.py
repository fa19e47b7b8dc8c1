import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(4), op.pos(-4), op.abs(-4), op.inv(5), op.invert(5))
print(op.lshift(1, 4), op.rshift(16, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 1), op.ge(1, 2), op.gt(2, 1))
print(op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
d = {}
op.setitem(d, "k", 1)
print(op.getitem(d, "k"), d)
op.delitem(d, "k")
print(d)
lst = [1]
print(op.iadd(lst, [2]), lst, op.iconcat(lst, [3]), op.imul([1], 2), op.ipow(2, 3), op.ixor(6, 3))
print(op.index(5), op.index(True), op.length_hint([1, 2]), op.length_hint(iter(range(7))), op.length_hint(5, 9))
print(op.call(max, 1, 5, 2), op.__add__(1, 1), op.__not__(1))
for bad in [lambda: op.concat(1, 2), lambda: op.index(1.5), lambda: op.index("x"),
            lambda: op.indexOf([1], 5), lambda: op.length_hint([], "x"),
            lambda: op.itemgetter(), lambda: op.attrgetter(), lambda: op.attrgetter(1),
            lambda: op.methodcaller(), lambda: op.methodcaller(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
g = op.itemgetter(1)
g2 = op.itemgetter(0, -1)
print(g("abc"), g2("abc"), repr(g), repr(g2), repr(op.itemgetter("k")))
class P:
    def __init__(self):
        self.name = "n"
        self.sub = self
    def greet(self, who, punct="!"):
        return "hi " + who + punct
a = op.attrgetter("name")
b = op.attrgetter("name", "sub.sub.name")
print(a(P()), b(P()), repr(a), repr(b))
m = op.methodcaller("greet", "bob", punct="?")
print(m(P()), repr(m), repr(op.methodcaller("upper")))
print(sorted([(1, "b"), (0, "a"), (1, "a")], key=op.itemgetter(1, 0)))
class H:
    def __length_hint__(self):
        return 4
print(op.length_hint(H()), op.truth(H()))
