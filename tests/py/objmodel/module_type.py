# types.ModuleType(name, doc=None): the attributes it sets, its argument
# errors, subclasses with and without their own __init__
import types
m = types.ModuleType("x")
print(sorted(m.__dict__.items()))
m = types.ModuleType("x", "doc")
print(m.__doc__, repr(m))
m = types.ModuleType(name="kw", doc="d")
print(m.__name__, m.__doc__)
for args in ((3,), (), ("a", "b", "c")):
    try:
        types.ModuleType(*args)
    except TypeError as e:
        print("TypeError:", e)


class M(types.ModuleType):
    def __init__(self, n):
        super().__init__(n)
        self.extra = 1


class Plain(types.ModuleType):
    pass


q = M("q")
print(q.__name__, q.extra, type(q).__name__, isinstance(q, types.ModuleType))
p = Plain("p", "pdoc")
print(p.__name__, p.__doc__, type(p).__name__)
p.attr = 5
print(p.attr, "attr" in p.__dict__)
