class C:
    def who(self):
        return "C"
class D:
    def who(self):
        return "D"
c = C()
c.z = 26
c.__class__ = D
print(type(c).__name__, c.z, c.who())
try:
    c.__class__ = int
except TypeError as e:
    print("TypeError", e)
