class Meta(type):
    @property
    def info(cls):
        return "info for " + cls.__name__
    def shout(cls):
        return cls.__name__.upper()

class A(metaclass=Meta):
    pass

print(A.info, A.shout())
print(hasattr(A(), "info"))

class Meta2(type):
    x = "meta-x"
class B(metaclass=Meta2):
    x = "class-x"
class C(metaclass=Meta2):
    pass
print(B.x, C.x)
class DataD:
    def __get__(self, o, t):
        return "meta-data"
    def __set__(self, o, v):
        pass
class Meta3(type):
    y = DataD()
class D(metaclass=Meta3):
    y = "class-y"
print(D.y)
