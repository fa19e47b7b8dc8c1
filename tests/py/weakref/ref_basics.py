# weakref.ref: calling, sharing of the callback-less ref, death by refcount,
# __callback__, errors of the constructor and of the call.
import _weakref as weakref


class Foo:
    pass


o = Foo()
r = weakref.ref(o)
print("alive:", r() is o)
print("shared:", weakref.ref(o) is r, weakref.ref(o, None) is r)
print("ref type:", type(r) is weakref.ref, weakref.ref is weakref.ReferenceType)
print("names:", weakref.ref.__name__, weakref.ref.__module__, type(r).__qualname__)
print("callback none:", r.__callback__)
f = lambda w: None
r2 = weakref.ref(o, f)
print("with callback distinct:", r2 is not r, r2.__callback__ is f)
print("count:", weakref.getweakrefcount(o))
del o
print("dead:", r(), r2())
print("callback after death:", r2.__callback__)


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


o = Foo()
attempt("no args:", lambda: weakref.ref())
attempt("three args:", lambda: weakref.ref(o, None, 3))
attempt("keyword:", lambda: weakref.ref(o, callback=None))
attempt("call with arg:", lambda: weakref.ref(o)(1))
attempt("call with kw:", lambda: weakref.ref(o)(x=1))
attempt("non-callable callback accepted:", lambda: weakref.ref(o, 5)() is o)
for x in (1, "s", (1,), [1], {1: 2}, None, 1.5, b"x", object()):
    attempt("ref(%s):" % type(x).__name__, lambda: weakref.ref(x))
