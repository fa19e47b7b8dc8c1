class A: pass
class E(A): pass
print(list(E.__dict__), E().__dict__)

class G(type): pass
print(list(G.__dict__))
class L(list): pass
print(list(L.__dict__))
class S(set): pass
print(list(S.__dict__))
class A:
    x = 1
print(list(A.__dict__))
class B:
    __slots__ = ('a', '__weakref__')
print(list(B.__dict__))
class C(B): pass
print(list(C.__dict__))
class D:
    "doc"
    __slots__ = ('__dict__',)
print(list(D.__dict__), D.__doc__)
print(A().__weakref__, type(A.__dict__['__weakref__']).__name__)
