# A class deriving from a variable-size builtin (str, int, tuple, bytes) and
# a plain mixin class: the builtin decides the instance layout (CPython's
# best_base keeps the first of equally good bases), so instance attributes
# live after the items and never overwrite them.  This is enum.StrEnum's
# shape: str.__new__(S, value) then attributes set on the member.
class M:
    def hello(self):
        return "hello " + str(self)[:3]

class M2:
    __slots__ = ("a",)

class Empty:
    __slots__ = ()

def attempt(name, bases):
    try:
        C = type(name, bases, {})
        print(name, "base:", C.__base__.__name__, "mro:", [k.__name__ for k in C.__mro__])
        return C
    except TypeError as e:
        print(name, "TypeError:", e)

class A: pass
class B: pass
print("C(A, B) base:", type("C", (A, B), {}).__base__.__name__)
S = attempt("S", (str, M))
attempt("S1", (M, str))
attempt("S2", (str, M2))
attempt("S3", (str, Empty))
attempt("S4", (str, int))
I = attempt("I", (int, M))
attempt("I2", (int, M2))
T = attempt("T", (tuple, M))
By = attempt("By", (bytes, M))

for n in (1, 10, 100, 1000):
    s = str.__new__(S, "ab\u20ac" * n)
    s._value_ = n
    s._name_ = "N" + str(n)
    s.data = list(range(5))
    print(len(s), s[:4], s._value_, s._name_, s.data, s.hello(), sorted(vars(s)))

members = [str.__new__(S, "x" * k) for k in range(40)]
for k, m in enumerate(members):
    m.k = k
    m.twice = m + m
print(sum(m.k for m in members), all(m.twice == m * 2 for m in members))

class Sub(S):
    pass
t = Sub("subclass value " * 3)
t.extra = {"a": 1}
print(t[:8], t.extra, t.hello(), isinstance(t, M))

i = I(10 ** 40)
i.tag = "big"
print(i, i.tag, i + 1, i.hello())
tp = T(range(30))
tp.tag = "tuple"
print(tp[-1], tp.tag, len(tp))
b = By(b"\xff" * 50)
b.tag = "bytes"
print(b[:4], b.tag, len(b))
