# __weakref__: on instances of plain classes, with __slots__ only if listed,
# inherited by subclasses; the attribute returns the first ref or None.
import _weakref as weakref


class Plain:
    pass


class Slots:
    __slots__ = ("a",)


class SlotsWeak:
    __slots__ = ("a", "__weakref__")


class Sub(SlotsWeak):
    __slots__ = ("b",)


class SubPlain(Slots):
    pass


for cls in (Plain, Slots, SlotsWeak, Sub, SubPlain):
    o = cls()
    try:
        r = weakref.ref(o)
        print(cls.__name__, "ok", o.__weakref__ is r, "__weakref__" in cls.__dict__)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)

o = Plain()
print("no refs:", o.__weakref__)
r1 = weakref.ref(o, lambda w: None)
print("first is callback ref:", o.__weakref__ is r1)
r0 = weakref.ref(o)
print("basic ref goes first:", o.__weakref__ is r0)
print("getweakrefs order:", weakref.getweakrefs(o) == [r0, r1])
print("count:", weakref.getweakrefcount(o), weakref.getweakrefcount(1), weakref.getweakrefs(1))

class IntSub(int):
    pass


class StrSub(str):
    pass


try:
    weakref.ref(IntSub(3))
except TypeError as e:
    print("int subclass:", e)
s = StrSub("abc")
rs = weakref.ref(s)
print("str subclass:", rs() == "abc")
del s
print("str subclass dead:", rs())


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


rm = weakref.ref(WithMeta)
print("metaclass instance:", rm() is WithMeta)


class Both(Plain, SlotsWeak):
    pass


print("multiple bases:", weakref.ref(Both())() is None)

# __class__ assignment between classes of the same layout keeps refs.
class A:
    pass


class B:
    pass


a = A()
ra = weakref.ref(a)
a.__class__ = B
print("class assigned:", ra() is a, type(ra()).__name__)
del a
print("dead after class change:", ra())
