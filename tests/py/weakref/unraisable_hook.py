# A failing weakref callback goes through sys.unraisablehook: the hook gets
# the exception and the callback as the object; the program continues.
import sys
import _weakref


def hook(u):
    print("hook:", type(u.exc_value).__name__, u.exc_value, u.object is cb, u.err_msg)


def cb(wr):
    raise ValueError("in callback")


class Obj:
    pass


sys.unraisablehook = hook
o = Obj()
r = _weakref.ref(o, cb)
del o
print("after:", r())
sys.unraisablehook = sys.__unraisablehook__
print("restored")
