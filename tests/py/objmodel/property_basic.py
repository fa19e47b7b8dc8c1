class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v + 1
    @x.deleter
    def x(self):
        print("del x")
        self._x = None

c = C()
print(c.x)
c.x = 10
print(c.x)
del c.x
print(c.x)
print(C.x.__doc__)
print(type(C.x).__name__)
print(C.x.fget.__name__, C.x.fset.__name__, C.x.fdel.__name__)
