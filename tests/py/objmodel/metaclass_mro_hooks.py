# A metaclass mro() runs while the class has no MRO yet: reading the class
# (attributes, __mro__, isinstance/issubclass, super, repr, a subclass of
# it) must not crash, and what mro() returns is checked as in CPython.
class A:
    y = 1
    def f(self):
        return "A.f"

STMTS = (
    "cls.__mro__", "cls.x", "cls.__dict__['x']", "cls.__bases__", "cls.__base__.__name__", "repr(cls)",
    "isinstance(cls, M)", "issubclass(cls, object)", "issubclass(cls, A)", "issubclass(A, cls)",
    "isinstance(1, cls)", "cls.__subclasses__()", "A.__subclasses__()", "type(cls).__name__",
    "cls.__qualname__", "cls.__doc__", "cls.__module__", "hasattr(cls, 'y')", "getattr(cls, 'y', 'dflt')",
    "str(cls)", "cls == cls", "cls()", "object.__new__(cls)", "depth < 2 and type('Sub', (cls,), {})",
    "super(cls, cls)", "super(cls, cls).y", "super(M, cls).__name__", "sorted(vars(cls))",
    "len(dir(cls)) >= 0", "type.mro(cls)", "cls.mro.__name__",
)

depth = 0

class M(type):
    def mro(cls):
        global depth
        depth += 1
        print("mro() of", cls.__name__, depth)
        for expr in STMTS:
            try:
                print("   ", expr, "->", eval(expr))
            except Exception as e:
                print("   ", expr, "!!", type(e).__name__, e)
        cls.z = "set in mro"
        return type.mro(cls)

class C(A, metaclass=M):
    x = 5
print("C:", C.__mro__, C.x, C.y, C.z, C().f())

def make(result):
    class Meta(type):
        def mro(cls):
            return result(cls) if callable(result) else result
    return Meta

class B:
    b = "B.b"
class I(int):
    pass

cases = {
    "empty list": [],
    "non-class": lambda cls: [cls, 1, object],
    "None": None,
    "int": 5,
    "str": "abc",
    "missing self": [A, object],
    "self not first": lambda cls: [A, cls, object],
    "unrelated": lambda cls: [cls, B, A, object],
    "no object": lambda cls: [cls, A],
    "only self": lambda cls: [cls],
    "int base": lambda cls: [cls, int, object],
    "int subclass": lambda cls: [cls, I, A, object],
    "generator": lambda cls: (x for x in [cls, A, object]),
    "duplicates": lambda cls: [cls, A, A, object],
    "raises": lambda cls: 1 / 0,
}
for name, res in cases.items():
    try:
        K = make(res)("K", (A,), {"k": "K.k"})
    except Exception as e:
        print(name, "!!", type(e).__name__, e)
        continue
    print(name, "->", [k.__name__ for k in K.__mro__],
          [getattr(K, attr, "-") for attr in ("y", "b", "k")], getattr(K, "f", None) is A.f)
    try:
        o = K()
        o.attr = 1
        print("    instance:", type(o).__name__, o.attr, isinstance(o, A))
    except Exception as e:
        print("    instance !!", type(e).__name__, e)
    try:
        class D(K):
            pass
        print("    subclass:", [k.__name__ for k in D.__mro__])
    except Exception as e:
        print("    subclass !!", type(e).__name__, e)
