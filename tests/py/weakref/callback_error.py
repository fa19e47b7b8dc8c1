# An exception in a callback is reported as unraisable ("Exception ignored
# in:" and the traceback, on stderr) and the program goes on; the other
# callbacks still run.
import _weakref as weakref


class Callback:
    def __init__(self, tag, fail):
        self.tag = tag
        self.fail = fail

    def __call__(self, wr):
        print("callback", self.tag)
        if self.fail:
            raise ValueError("boom " + self.tag)

    def __repr__(self):
        return "<Callback %s>" % self.tag


class Obj:
    pass


o = Obj()
r1 = weakref.ref(o, Callback("first", False))
r2 = weakref.ref(o, Callback("second", True))
r3 = weakref.ref(o, Callback("third", False))
del o
print("after del")

# An exception being handled is not disturbed by the callback's, and the
# report does not show it as the callback error's context.
o = Obj()
r5 = weakref.ref(o, Callback("in except", True))
try:
    raise KeyError("outer")
except KeyError as e:
    del o
    print("still handling:", repr(e))
print("end")
