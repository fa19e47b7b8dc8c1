class D:
    def __init__(self):
        self.store = {}
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return self.store.get(id(obj), "unset")
    def __set__(self, obj, v):
        self.store[id(obj)] = v * 2
    def __delete__(self, obj):
        print("deleting")
        self.store.pop(id(obj), None)

class C:
    a = D()

c = C()
print(c.a)
c.a = 21
print(c.a)
del c.a
print(c.a)
print(type(C.a).__name__)
print("a" in c.__dict__)
