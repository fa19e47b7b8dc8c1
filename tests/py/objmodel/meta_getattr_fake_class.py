class Meta(type):
    def __getattr__(cls, n): return "meta-ga:" + n
    x = "meta-x"
class A(metaclass=Meta):
    y = 1
print(A.y, A.zz, A.x)
try: A().x
except AttributeError as e: print("AttributeError", e)
class Fake:
    @property
    def __class__(self): return int
f = Fake()
print(isinstance(f, int), isinstance(f, Fake), type(f).__name__)
class D: pass
d = D(); d.a = 1
d.__dict__ = {"b": 2}
print(vars(d), d.b)
try: d.__dict__ = 5
except TypeError as e: print("TypeError", e)
vars(d)["c"] = 3; print(d.c)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("m", 3)
except E as e:
    print(e, e.code, e.args, repr(e))
class E3(Exception): pass
print(repr(E3()), repr(E3(1, 2)), str(E3(1, 2)), E3("a").args)
class KE(KeyError): pass
print(str(KE("k")), repr(KE("k")))
class OE(OSError): pass
print(OE(2, "No such").errno, OE(2, "No such").strerror, str(OE(2, "x")))
e = E3("z"); e.note = 1; print(e.__dict__)
