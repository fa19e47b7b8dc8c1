# A base class refers to its subclasses weakly (CPython's tp_subclasses): a
# subclass nobody uses is freed though its base lives on, __subclasses__()
# lists the live ones in creation order, and a special method assigned to
# the base still reaches every live subclass.
import gc
import weakref


class Base:
    pass


refs = []
for i in range(200):
    cls = type("C%d" % i, (Base,), {})
    refs.append(weakref.ref(cls))
del cls
gc.collect()
print("dead:", sum(r() is None for r in refs), "of", len(refs))
print(Base.__subclasses__())


class Keep1(Base):
    pass


class Keep2(Base):
    pass


class Deeper(Keep2):
    pass


tmp = type("Tmp", (Base,), {})
r = weakref.ref(tmp)
del tmp
gc.collect()
print(r(), [c.__name__ for c in Base.__subclasses__()], Keep2.__subclasses__())
Base.__len__ = lambda self: 42
print(len(Keep1()), len(Deeper()))
Base.__repr__ = lambda self: "<%s via Base>" % type(self).__name__
print(repr(Keep2()), repr(Deeper()))
del Base.__len__
try:
    len(Deeper())
except TypeError as e:
    print("TypeError:", e)
for i in range(50):
    type("Again%d" % i, (Base,), {})
gc.collect()
print([c.__name__ for c in Base.__subclasses__()])
# a class made after a dead one still comes last, as in CPython
class Base2:
    pass
for i in range(20):
    type("Dead%d" % i, (Base2,), {})
class Live1(Base2):
    pass
gc.collect()
class Live2(Base2):
    pass
for i in range(40):
    type("Dead%d" % i, (Base2,), {})
    if i % 7 == 0:
        gc.collect()
class Live3(Base2):
    pass
gc.collect()
print([c.__name__ for c in Base2.__subclasses__()])
