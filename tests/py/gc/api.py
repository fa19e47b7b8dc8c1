# The gc module's interface: CPython 3.11's functions, values and errors.
import gc

gc.collect()
print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())
print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5, 6)
print(gc.get_threshold())
print(gc.set_threshold(-1), gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())
for bad in ((), (1, 2, 3, 4), ('a',), (1.5,)):
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print('set_threshold', bad, e)
for g in (5, 3, -1, 'x'):
    try:
        gc.collect(g)
    except (ValueError, TypeError) as e:
        print('collect', repr(g), type(e).__name__, e)
for g in (3, -2):
    try:
        gc.get_objects(g)
    except ValueError as e:
        print('get_objects', g, e)
print(type(gc.get_objects()), type(gc.get_objects(0)), type(gc.get_objects(None)))
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
print(all(isinstance(v, int) for s in stats for v in s.values()))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL); print(gc.get_debug()); gc.set_debug(0)
print(type(gc.garbage), gc.garbage, type(gc.callbacks), gc.callbacks)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))

# Tracking: containers are tracked, atoms are not.
class C:
    pass
print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked(None), gc.is_tracked(2.5))
print(gc.is_tracked([]), gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(lambda: 0))
print(gc.is_tracked(int), gc.is_tracked(len))
print(gc.is_finalized(C()), gc.is_finalized(1))

# Referents and referrers.
x, y = C(), C()
lst = [x, y]
print(sorted(map(id, gc.get_referents(lst))) == sorted([id(x), id(y)]))
print(gc.get_referents(1, 'a'), gc.get_referents())
print(any(r is lst for r in gc.get_referrers(x)))
d = {'k': x}
print(any(r is d for r in gc.get_referrers(x)))

# Objects created after a freeze are not frozen; unfreeze empties it.
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
