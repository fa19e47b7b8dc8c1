class A:
    def __init__(self):
        self.log = ["A"]

class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def cls(self):
        return __class__.__name__

class C(B):
    def __init__(self):
        super().__init__()
        self.log.append("C")

c = C()
print(c.log)
print(c.cls())

class Base:
    def __new__(cls, *args):
        print("Base.__new__", cls.__name__, args)
        return super().__new__(cls)

class Kid(Base):
    def __new__(cls, v):
        inst = super().__new__(cls, v)
        inst.v = v
        return inst
print(Kid(3).v)
