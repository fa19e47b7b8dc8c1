# WeakValueDictionary, WeakKeyDictionary and WeakSet lose entries when their
# objects die (reference counting only).
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n


objs = [Obj(i) for i in range(5)]
wvd = weakref.WeakValueDictionary()
for o in objs:
    wvd[o.n] = o
del o
print("values:", len(wvd), sorted(wvd.keys()))
del objs[0]
print("after del:", len(wvd), sorted(wvd.keys()), wvd.get(0), wvd[1])
wkd = weakref.WeakKeyDictionary()
for o in objs:
    wkd[o] = o.n * 10
del o
print("keys:", len(wkd), sorted(wkd.values()))
objs.pop()
print("after pop:", len(wkd), sorted(wkd.values()), objs[0] in wkd)
ws = weakref.WeakSet(objs)
print("set:", len(ws), objs[1] in ws)
objs.pop(1)
print("set after pop:", len(ws), sorted(o.n for o in ws))
ws2 = weakref.WeakSet([objs[0]])
print("set ops:", len(ws | ws2), len(ws & ws2), ws2 <= ws)
wvd.clear()
print("cleared:", len(wvd))
wvd["k"] = objs[0]
print("setdefault:", wvd.setdefault("k", Obj(9)), "pop:", wvd.pop("k"), len(wvd))
