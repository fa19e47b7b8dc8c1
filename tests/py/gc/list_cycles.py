# Cycles of builtin containers are found and freed by gc.collect(), which
# returns how many unreachable objects it found; gc.callbacks see each
# collection's start and stop.
import gc

gc.collect()
l = []
l.append(l)
del l
print('list', gc.collect())
d = {}
d['self'] = d
del d
print('dict', gc.collect())
a, b = [], {}
a.append(b); b['a'] = a
del a, b
print('pair', gc.collect())
t = ([],)
t[0].append(t)
del t
print('tuple+list', gc.collect())
s = [[] for _ in range(10)]
for i in range(10):
    s[i].append(s[(i + 1) % 10])
del s
print('ring', gc.collect())
print('nothing', gc.collect())

# Live containers survive a collection untouched.
keep = []
keep.append(keep)
keep.append('v')
print(gc.collect(), keep[1], keep[0] is keep)

phases = []
def cb(phase, info):
    phases.append((phase, info['generation'], info['collected'], info['uncollectable']))
gc.callbacks.append(cb)
l = []; l.append(l); del l
gc.collect()
gc.callbacks.remove(cb)
print(phases)

# DEBUG_SAVEALL keeps what was found in gc.garbage instead of freeing it.
gc.set_debug(gc.DEBUG_SAVEALL)
l = [1, 2]
l.append(l)
del l
print(gc.collect(), len(gc.garbage), gc.garbage[0][:2])
gc.set_debug(0)
gc.garbage.clear()
