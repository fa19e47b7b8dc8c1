class Base:
    @property
    def v(self):
        return "base"

class Child(Base):
    @Base.v.getter
    def v(self):
        return "child:" + super().v

print(Base().v)
print(Child().v)

class P(property):
    pass

class D:
    @P
    def y(self):
        return 7
print(D().y, type(D.y).__name__)
