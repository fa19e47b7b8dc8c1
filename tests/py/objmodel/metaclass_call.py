class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            print("creating", cls.__name__, a, k)
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]

class S(metaclass=Singleton):
    def __init__(self, v):
        self.v = v

s1 = S(1)
s2 = S(2)
print(s1 is s2, s1.v)

class Meta(type):
    def __call__(cls):
        return "not an instance"
class T(metaclass=Meta):
    pass
print(T())

class M2(type):
    def describe(cls):
        return "I am " + cls.__name__
class U(metaclass=M2):
    pass
print(U.describe())
print(hasattr(U(), "describe"))
