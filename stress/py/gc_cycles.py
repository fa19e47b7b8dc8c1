# stress/py/gc_cycles.py -- four threads build and drop cyclic graphs (lists,
# dicts, instances with __del__, generators, weak references) while two of
# them also call gc.collect(); every finalizer must run exactly once, every
# weak reference must die with its referent, shared live data must survive
# untouched, and nothing may crash.  In ft the collections stop the world
# while the other threads allocate; run under ft-tsan too.
import gc
import threading
import weakref
import _stress

N = 300 * _stress.SCALE
lock = threading.Lock()
finalized = {}
created = [0]
live = [[i, {'i': i}] for i in range(50)]
for cell in live:
    cell.append(cell)


class Node:
    def __init__(self, key):
        self.key = key
        self.peer = None

    def __del__(self):
        with lock:
            finalized[self.key] = finalized.get(self.key, 0) + 1


def gen(box):
    try:
        yield box
    finally:
        box.append('closed')


def worker(tid, collects):
    def body():
        refs = []
        for i in range(N):
            key = (tid, i)
            a, b = Node(key + ('a',)), Node(key + ('b',))
            a.peer, b.peer = b, a
            a.graph = {'list': [a, b], 'self': None}
            a.graph['self'] = a.graph
            g = gen([a])
            next(g)
            b.gen = g
            refs.append(weakref.ref(a))
            with lock:
                created[0] += 2
            del a, b, g
            if collects and i % 25 == 0:
                gc.collect()
            if len(refs) > 50:
                refs = [r for r in refs if r() is not None]
        gc.collect()
    body.__name__ = 'worker%d' % tid
    return body


gc.set_threshold(200)
_stress.run([worker(0, True), worker(1, False), worker(2, True), worker(3, False)])
gc.collect()
gc.collect()
bad = [k for k, n in finalized.items() if n != 1]
if bad:
    _stress.errors.append('finalizers run %d times for %d objects' % (max(finalized[k] for k in bad), len(bad)))
if len(finalized) != created[0]:
    _stress.errors.append('%d objects created, %d finalized' % (created[0], len(finalized)))
for i, cell in enumerate(live):
    if cell[0] != i or cell[1] != {'i': i} or cell[2] is not cell:
        _stress.errors.append('live data changed at %d' % i)
_stress.finish('gc_cycles', '%d objects finalized once' % len(finalized))
