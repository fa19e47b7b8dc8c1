# Cycles through instances, their __dict__ and __slots__, classes, functions
# and closures are collected; finalizers in cycles run once (PEP 442), in a
# cycle all of them run before any object is cleared.
import gc

gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

a, b = Node('a'), Node('b')
a.other, b.other = b, a
del a, b
print('pair', gc.collect() >= 2)

class Slotted:
    __slots__ = ('peer', 'name')
x, y = Slotted(), Slotted()
x.peer, y.peer = y, x
del x, y
print('slots', gc.collect())

def make_closure():
    def f():
        return f
    return f
f = make_closure()
del f
print('closure collected', gc.collect() > 0)

class Meta(type):
    pass
C = Meta('C', (), {})
C.me = C
del C
print('class collected', gc.collect() > 0)

log = []
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        # Both objects of the cycle are still intact when either finalizer runs.
        log.append((self.name, self.peer.name))
d1, d2 = D('d1'), D('d2')
d1.peer, d2.peer = d2, d1
del d1, d2
print('del cycle', gc.collect() >= 2)
print(sorted(log))
print('again', gc.collect(), len(log))

# A finalizer that resurrects its cycle: nothing is freed, the finalizer is
# not run a second time when the cycle becomes garbage again.
keep = []
class R:
    def __del__(self):
        keep.append(self)
r1, r2 = R(), R()
r1.peer, r2.peer = r2, r1
del r1, r2
gc.collect()
print('resurrected', len(keep), keep[0].peer.peer is keep[0] or keep[1].peer.peer is keep[1])
print(all(gc.is_finalized(o) for o in keep))
keep.clear()
print('second time', gc.collect() >= 2, 'no new finalizer runs')

# A finalizer deleting another object of the same cycle.
class K:
    def __del__(self):
        other = getattr(self, 'peer', None)
        if other is not None:
            other.__dict__.clear()
k1, k2 = K(), K()
k1.peer, k2.peer = k2, k1
del k1, k2
print('killer', gc.collect() >= 0)

# Live data is untouched.
live = Node('live'); live.other = live
gc.collect()
print(live.other.name)
