# Callbacks: called with the (dead) weak reference once the referent is
# gone, newest first; a callback-less ref is not called; a callback may
# create weak references to other objects and drop other weak references.
import _weakref as weakref


class Obj:
    def __init__(self, name):
        self.name = name


log = []


def make_cb(tag):
    def cb(wr):
        log.append((tag, wr() is None))
    return cb


o = Obj("a")
refs = [weakref.ref(o, make_cb(i)) for i in range(4)]
plain = weakref.ref(o)
prx = weakref.proxy(o, lambda p: log.append(("proxy", type(p).__name__)))
del o
print("order:", log)
log.clear()

# The callback receives the weak reference itself.
seen = []
o = Obj("b")
r = weakref.ref(o, lambda wr: seen.append(wr))
del o
print("got itself:", seen[0] is r, seen[0]())

# A weakref that dies before its referent is never called.
o = Obj("c")
r = weakref.ref(o, make_cb("dropped"))
del r
del o
print("dropped ref not called:", log)

# A callback that makes new weak references to other objects.
keep = Obj("keep")
made = []


def cb_new(wr):
    made.append(weakref.ref(keep, make_cb("second")))
    made.append(weakref.proxy(keep))


o = Obj("d")
r = weakref.ref(o, cb_new)
del o
print("made in callback:", len(made), made[0]() is keep, made[1].name)
print("count on keep:", weakref.getweakrefcount(keep))
del made[:]
del keep
print("after keep died:", log)

# A callback that deletes another weak reference to the same object.
holder = {}
o = Obj("e")


def cb_del(wr):
    holder.pop("other", None)
    log.append("del-cb")


holder["other"] = weakref.ref(o, make_cb("other"))
r1 = weakref.ref(o, cb_del)
log.clear()
del o
print("delete inside callback:", log)

# Callback on an object that dies inside a function and in a container.
lst = [Obj("f")]
r = weakref.ref(lst[0], make_cb("in list"))
log.clear()
lst.clear()
print("container:", log)
