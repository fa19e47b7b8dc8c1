# Long chains dropped in threads: in a thread with a small C stack, by a
# thread other than the one that built them (in the free-threaded build the
# last reference then belongs to another thread), and by several threads at
# once.  The deallocation must not recurse once per link in any of them.
import threading

N = 40000

def mk(f):
    def g():
        return f
    return g

kinds = [
    ('closure', mk),
    ('map', lambda x: map(abs, [x])),
    ('filter', lambda x: filter(None, [x])),
    ('list iterator', lambda x: iter([x])),
    ('dict values', lambda x: {1: x}.values()),
    ('exception', lambda x: ValueError(x)),
]

def chain(make, n=N):
    x = None
    for i in range(n):
        x = make(x)
    return x

def build_and_drop(make, out, i):
    c = chain(make, N // 4)
    del c
    out[i] = 'ok'

def drop(box):
    box.pop()

# 1. Built here, last reference dropped in a thread with a 1 MiB stack.
threading.stack_size(1 << 20)
for name, make in kinds:
    box = [chain(make)]
    t = threading.Thread(target=drop, args=(box,))
    t.start()
    t.join()
    print('dropped by another thread:', name, box)

# 2. Built and dropped inside small-stack threads, four at a time.
for name, make in kinds:
    out = [None] * 4
    ts = [threading.Thread(target=build_and_drop, args=(make, out, i)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print('built and dropped in threads:', name, out)
threading.stack_size(0)
print('done')
