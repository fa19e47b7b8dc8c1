class A:
    def f(self):
        return "A.f"
    @property
    def p(self):
        return "A.p"
class B(A):
    def f(self):
        return "B.f+" + super().f()
    @property
    def p(self):
        return "B.p+" + super().p
b = B()
print(b.f(), b.p, super(B, b).f(), super(B, B).f(b))
sup = super(B, b)
print(type(sup).__name__)
def bad():
    return super().f()
try:
    bad()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    super(A, 1)
except TypeError as e:
    print("TypeError", e)
try:
    super(B, b).nothere
except AttributeError as e:
    print("AttributeError", e)
