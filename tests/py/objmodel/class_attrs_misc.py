class A:
    "doc of A"
    x = 1
    def f(self):
        pass

print(A.__name__, A.__qualname__, A.__doc__, A.__module__)
print(A.__bases__, A.__base__)
print("x" in A.__dict__, "f" in vars(A))
class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
def fn():
    class Local:
        pass
    return Local
print(fn().__qualname__)
A.y = 2
print(A().y)
print(isinstance(A, type), type(type), type(object), object.__bases__)
