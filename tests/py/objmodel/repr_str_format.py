class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(%r)" % (self.x,)
    def __str__(self):
        return "v=%s" % (self.x,)
    def __format__(self, spec):
        if not spec:
            return str(self)
        return "V[" + format(self.x, spec) + "]"

v = V(3.5)
print(v)
print(repr(v), str(v))
print([v], (v,), {"k": v})
print(f"{v}|{v!r}|{v:08.2f}|{v!s:>10}")
print("{0}|{0!r}|{0:.1f}".format(v))
print(format(v, "e"))

class OnlyRepr:
    def __repr__(self):
        return "OR"
print(str(OnlyRepr()), f"{OnlyRepr()}")
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError", e)
