class M1(type):
    pass
class M2(type):
    pass
class A(metaclass=M1):
    pass
class B(metaclass=M2):
    pass
try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError", e)

class M3(M1):
    pass
class D(metaclass=M3):
    pass
class E(A, D):
    pass
print(type(E).__name__)

X = type("X", (object,), {"a": 1, "f": lambda self: self.a + 1})
print(X.__name__, X().f(), X.__bases__)
Y = M1("Y", (X,), {})
print(type(Y).__name__, Y().a)
