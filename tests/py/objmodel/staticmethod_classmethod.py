class C:
    @staticmethod
    def s(a, b=2):
        return a + b
    @classmethod
    def c(cls, a):
        return (cls.__name__, a)

class D(C):
    pass

print(C.s(1), C().s(1, 5))
print(C.c(3), D.c(4), D().c(5))
sm = C.__dict__["s"]
cm = C.__dict__["c"]
print(type(sm).__name__, type(cm).__name__)
print(sm.__func__(10, 1))
print(cm.__func__(D, 9))
print(cm.__get__(None, D)(1))
print(callable(sm))
print(staticmethod(len)([1, 2, 3]))
