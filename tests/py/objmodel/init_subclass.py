registry = []

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, tag))

class A(Base):
    pass

class B(Base, tag="bee"):
    pass

class C(B, tag="see"):
    pass

print(registry)

try:
    class Bad(Base, nope=1):
        pass
except TypeError as e:
    print("TypeError", e)

class Plain:
    pass
try:
    class Bad2(Plain, x=1):
        pass
except TypeError as e:
    print("TypeError", e)
