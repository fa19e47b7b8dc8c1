class A: pass
class B(A): pass
class C(B): pass
print(A.__subclasses__(), B.__subclasses__(), type(1).__subclasses__ is not None)
print(type("X", (A,), {"v": 1}).__mro__, type("Y", (), {})().__class__.__name__)
try: type("X", 1, {})
except TypeError as e: print("TypeError", e)
try: type("X", (1,), {})
except TypeError as e: print("TypeError", e)
try: type(1, (), {})
except TypeError as e: print("TypeError", e)
try: type("X", (), [])
except TypeError as e: print("TypeError", e)
try: type()
except TypeError as e: print("TypeError", e)
try: type(1, 2)
except TypeError as e: print("TypeError", e)
class Meta(type):
    @classmethod
    def __prepare__(m, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(m, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(m, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
class K(metaclass=Meta, flag=True):
    x = 1
print(K.injected, type(K).__name__)
class MroMeta(type):
    def mro(cls):
        return [cls, object]
class Z(A, metaclass=MroMeta): pass
print(Z.__mro__)
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Sub(Base, tag="t"): pass
print(Sub.tag)
try:
    class Bad(Base, unknown=1): pass
except TypeError as e: print("TypeError", e)
class Mro:
    def __mro_entries__(self, bases): return (A,)
class UsesMro(Mro()): pass
print(UsesMro.__bases__, UsesMro.__orig_bases__[0].__class__.__name__)
class Init:
    def __init__(self): return 1
try: Init()
except TypeError as e: print("TypeError", e)
class NewOther:
    def __new__(cls): return 5
    def __init__(self): print("never")
print(NewOther())
print(dir(B)[:3] == dir(A)[:3], "__dict__" in dir(A), sorted(set(dir(C())) - set(dir(object))))
class WithDir:
    def __dir__(self): return ["b", "a"]
print(dir(WithDir()))
print(A.__bases__, object.__bases__, A.__base__, object.__base__, type.__base__, type(type))
print(isinstance(A, type), issubclass(type, object), type.__mro__, type(object))
print(C.mro(), type.mro(type) if False else "")
class RevMeta(type):
    def mro(cls):
        return list(reversed(super().mro()))[1:] + [object] if cls.__name__ == "R2" else super().mro()
class R1(metaclass=RevMeta): pass
print(R1.mro(), R1.__mro__)
class BadMeta(type):
    def mro(cls):
        return [cls, 1]
try:
    class BM(metaclass=BadMeta): pass
except TypeError as e:
    print("TypeError", e)
class LayoutMeta(type):
    def mro(cls):
        return [cls, int, object]
try:
    class LM(list, metaclass=LayoutMeta): pass
except TypeError as e:
    print("TypeError", e)
def entries_bad():
    class E:
        def __mro_entries__(self, b): return [A]
    class X(E()): pass
try: entries_bad()
except TypeError as e: print("TypeError", e)
class Two:
    def __mro_entries__(self, b): return (A, object)
class X2(int, Two()):
    pass
print(X2.__bases__, len(X2.__orig_bases__))
