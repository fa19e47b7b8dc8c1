class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    @property
    def p(self):
        return "A.p"
class B(A):
    def f(self):
        return "B.f+" + super().f()
    @classmethod
    def c(cls):
        return "B.c+" + super().c()
b = B()
s = super(B, b)
print(repr(s), s.__thisclass__, s.__self__ is b, s.__self_class__)
print(repr(super(B, B)), super(B, B).__self__, super(B, B).__self_class__)
u = super(B)
print(repr(u), u.__self__, u.__self_class__, u.__thisclass__)
print(b.f(), B.c(), s.p, s.f())
print(super(A, b).__init__ is not None, type(s).__name__)
try:
    super(B, 1)
except TypeError as e:
    print("TypeError", e)
try:
    super(1, b)
except TypeError as e:
    print("TypeError", e)
try:
    s.nothing
except AttributeError as e:
    print("AttributeError", e)
print(s.__class__)
class C(B):
    pass
print(super(B, C()).f(), super(A, C()).__thisclass__.__name__)
