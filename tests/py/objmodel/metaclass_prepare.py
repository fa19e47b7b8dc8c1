class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 99}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)

class A(metaclass=OrderedMeta, flag=True):
    x = 1
    def f(self):
        return injected

print(A.injected, A.x)
print(type(A).__name__)

class B(A):
    y = 2
print(type(B).__name__)
