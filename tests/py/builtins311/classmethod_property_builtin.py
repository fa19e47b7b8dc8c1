class C:
    def m(cls):
        return cls.__name__
    m = classmethod(m)
    def s():
        return "static"
    s = staticmethod(s)
    def g(self):
        return "got"
    p = property(g, doc="pdoc")
print(C.m(), C().m(), C.s(), C().s(), C().p, C.p.__doc__)
print(isinstance(C.__dict__["m"], classmethod), isinstance(C.__dict__["s"], staticmethod))
sm = staticmethod(abs)
print(sm.__func__ is abs)
try:
    classmethod(1)()
except TypeError as e:
    print("TypeError", e)
