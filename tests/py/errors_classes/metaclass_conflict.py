class Meta(type): pass
class M2(type): pass
class A(metaclass=Meta): pass
class B(metaclass=M2): pass
class C(A, B): pass
