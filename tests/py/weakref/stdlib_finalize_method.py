# weakref.finalize and weakref.WeakMethod over _weakref.
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def get(self):
        return self.n


o = Obj(1)
wm = weakref.WeakMethod(o.get)
print("method alive:", wm()(), wm() == o.get)
del o
print("method dead:", wm())

o = Obj(2)
f = weakref.finalize(o, print, "finalized", 2)
print("alive:", f.alive, f.peek()[0] is o)
del o
print("after del:", f.alive)

o = Obj(3)
f = weakref.finalize(o, print, "never")
print("detach:", f.detach()[1], f.alive)
del o

o = Obj(4)
f = weakref.finalize(o, lambda: "called")
print("call now:", f(), f(), f.alive)
print("proxy:", weakref.proxy(Obj(5), None) is not None)
print("getweakrefcount:", weakref.getweakrefcount(wm))
