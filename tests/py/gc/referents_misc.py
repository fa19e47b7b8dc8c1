# Modules, mapping proxies, generic aliases, unions, memoryviews and the
# module-level objects.
import gc
import sys

def has(obj, x):
    return any(r is x for r in gc.get_referents(obj))

print("module", has(sys, sys.__dict__))
d = {"a": 1}
mp = type(type.__dict__)(d)
print("mappingproxy", has(mp, d))
ga = list[int]
print("GenericAlias", has(ga, list), has(ga, ga.__args__))
un = int | str
print("UnionType", has(un, un.__args__))
bb = bytearray(b"xy")
mv = memoryview(bb)
print("memoryview", len(gc.get_referents(mv)))
print("builtin function", has(len, sys.modules["builtins"]))
print("referents of referents", len(gc.get_referents(*gc.get_referents([[1], [2]]))))
