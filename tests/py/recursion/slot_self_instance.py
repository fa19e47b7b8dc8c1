# A special method set to an instance of the class itself: calling it
# calls that instance, whose __call__ is again an instance ...  The C-level
# recursion must end in RecursionError (CPython's message), not a crash.

def t(label, fn):
    try:
        r = fn()
        print(label, 'returned', type(r).__name__)
    except RecursionError as e:
        print(label, 'RecursionError:', e)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

class A:
    pass
A.__call__ = A()
t('A()()', lambda: A()())
t('A()() again', lambda: A()(1, 2, k=3))

ops = [
    ('__getattr__', lambda o: o.x), ('__getattribute__', lambda o: o.x),
    ('__getitem__', lambda o: o[0]), ('__setitem__', lambda o: o.__setitem__(0, 1)),
    ('__len__', len), ('__hash__', hash), ('__eq__', lambda o: o == 1), ('__lt__', lambda o: o < 1),
    ('__iter__', iter), ('__next__', next), ('__contains__', lambda o: 1 in o),
    ('__repr__', repr), ('__str__', str), ('__format__', lambda o: format(o, '')),
    ('__bool__', bool), ('__index__', lambda o: [1][o]), ('__int__', int), ('__float__', float),
    ('__add__', lambda o: o + 1), ('__radd__', lambda o: 1 + o), ('__neg__', lambda o: -o),
    ('__init__', lambda o: type(o)()), ('__delattr__', lambda o: delattr(o, 'x')),
    ('__instancecheck__', lambda o: isinstance(1, o)), ('__subclasscheck__', lambda o: issubclass(int, o)),
    ('__dir__', dir), ('__reversed__', reversed),
]
for name, op in ops:
    cls = type('K' + name.strip('_'), (), {})
    inst = cls()
    cls.__call__ = cls()
    setattr(cls, name, cls())
    t(name, lambda: op(inst))

# __get__ set to an instance of the class: the descriptor protocol calls
# type(d).__get__(d, obj, type) without binding it first, so no recursion.
class D:
    pass
D.__get__ = D()
class C:
    x = D()
t('__get__ is a D', lambda: C().x)

for name, op in [('__getattr__', lambda o: o.x), ('__len__', len), ('__init__', lambda o: type(o)())]:
    cls = type('G' + name.strip('_'), (), {})
    inst = cls()
    cls.__get__ = cls()
    setattr(cls, name, cls())
    t('__get__ and ' + name, lambda: op(inst))

# Deleting __get__ later leaves a plain object.
class E:
    def __get__(self, obj, tp):
        return 'got'
class F:
    e = E()
print(F().e)
del E.__get__
print(type(F().e).__name__)

# staticmethod objects are callable; a chain of them counts each level.
def f(*a):
    return len(a)
s = f
for i in range(100000):
    s = staticmethod(s)
t('staticmethod chain', lambda: s(1, 2))
del s
s = staticmethod(staticmethod(f))
class C:
    sm = s
print(s(1, 2), C.sm(1), C().sm(1, 2, 3))
