# _weakref._remove_dead_weakref: removes a key only if its value is a dead
# weak reference.
import _weakref


class Obj:
    pass


a, b = Obj(), Obj()
d = {"a": _weakref.ref(a), "b": _weakref.ref(b), "x": 1}
del a
_weakref._remove_dead_weakref(d, "a")
_weakref._remove_dead_weakref(d, "b")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _weakref._remove_dead_weakref(d, "x")
except TypeError as e:
    print("not a weakref:", e)
try:
    _weakref._remove_dead_weakref([], "x")
except TypeError as e:
    print(e)
print(sorted(n for n in dir(_weakref) if not n.startswith("__")))
print(_weakref.ref is _weakref.ReferenceType, _weakref.proxy)
try:
    _weakref.getweakrefcount()
except TypeError as e:
    print(e)
try:
    _weakref.proxy()
except TypeError as e:
    print(e)
