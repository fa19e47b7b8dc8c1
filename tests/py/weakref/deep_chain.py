# Referents freed deep inside a long deallocation chain (the trashcan
# defers them) and weak references that die while their referent's
# callbacks run: every callback of a live weak reference runs once, and
# every ref reports its referent dead afterwards.
import _weakref


class Node:
    pass


log = []


def cb(wr):
    log.append(wr() is None)


head = None
refs = []
for i in range(20000):
    n = Node()
    n.next = head
    head = n
    if i % 10 == 0:
        refs.append(_weakref.ref(n, cb))
        refs.append(_weakref.ref(n))
        refs.append(_weakref.proxy(n))
del n
head = None
print("chain:", len(log), all(log), all(r() is None for r in refs[0::3]))


class R(_weakref.ref):
    pass


class O:
    pass


objs = [O() for i in range(500)]
rs = [R(o, cb) for o in objs]
rr = [_weakref.ref(r, cb) for r in rs]
log.clear()
del rs
print("ref subclasses freed:", len(log), all(r() is None for r in rr))
del objs
print("their referents freed:", len(log))

# A callback that drops the other weak references to the same object.
victims = {}
o = O()


def killer(wr):
    victims.clear()
    log.append("killer")


victims.update((i, _weakref.ref(o, cb)) for i in range(50))
k = _weakref.ref(o, killer)
log.clear()
del o
print("killer first, others not called:", log)
