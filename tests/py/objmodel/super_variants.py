class A:
    def who(self):
        return "A"
    @classmethod
    def cwho(cls):
        return "A.c(" + cls.__name__ + ")"

class B(A):
    def who(self):
        return "B>" + super().who()
    @classmethod
    def cwho(cls):
        return "B.c>" + super().cwho()

class C(A):
    def who(self):
        return "C>" + super().who()

class D(B, C):
    def who(self):
        return "D>" + super().who()

d = D()
print(d.who())
print(super(B, d).who())
print(super(D, d).who())
print(D.cwho())
print(super(B, D).cwho())
s = super(C, d)
print(s.who())

def outside(self):
    return super(D, self).who()
print(outside(d))
try:
    super(B, 5)
except TypeError as e:
    print("TypeError", e)
