class Base:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        print("Base setter", x)
        self._v = x

class Child(Base):
    @Base.v.setter
    def v(self, x):
        print("Child setter", x)
        Base.v.fset(self, x * 2)

c = Child()
c.v = 5
print(c.v)
b = Base()
b.v = 1
print(b.v)
print(Child.v is not Base.v, Child.v.fget is Base.v.fget)

class Over(Base):
    v = 99
print(Over().v)
