# Subclasses of weakref.ref: extra state, __init__ with more arguments,
# never shared, and themselves weakly referenceable.
import _weakref as weakref


class KeyedRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class Tagged(weakref.ref):
    def __new__(cls, ob, tag, **kw):
        return weakref.ref.__new__(cls, ob)

    def __init__(self, ob, tag):
        super().__init__(ob)
        self.tag = tag


class Obj:
    pass


o = Obj()
log = []
kr = KeyedRef(o, lambda wr: log.append(wr.key), "the key")
print("keyed:", kr() is o, kr.key, isinstance(kr, weakref.ref), type(kr).__name__)
t = Tagged(o, "tag")
print("tagged:", t() is o, t.tag, t is not weakref.ref(o), Tagged(o, "x") is not t)
print("count:", weakref.getweakrefcount(o))
rt = weakref.ref(t)
print("ref to a ref subclass:", rt() is t)
del o
print("callback saw key:", log, kr(), t())
del t
print("ref subclass dead:", rt())
try:
    weakref.ref(weakref.ref(Obj))
except TypeError as e:
    print(e)
try:
    Tagged(Obj(), "a", x=1)
except TypeError as e:
    print(e)


class NoInit(weakref.ref):
    pass


try:
    NoInit(Obj, kw=1)
except TypeError as e:
    print(e)
print("alias:", weakref.ref[int])
