class A:
    x = 1
    def __getattr__(self, name):
        return "getattr:" + name

a = A()
print(a.x, a.y)

class B:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return "ga:" + name
    def __getattr__(self, name):
        return "fallback:" + name

b = B()
print(b.foo)
print(b.boom)

class C:
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def m(self):
        return "m"
c = C()
c.z = 3
print(c.z)
print(c.m())
