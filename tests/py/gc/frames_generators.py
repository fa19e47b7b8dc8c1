# Generators that form cycles are collected; a suspended generator found in
# a cycle is closed (its finally runs).  (Tracebacks hold no frames in
# Tandem yet, so an exception kept in a local makes no cycle there.)
import gc, sys

gc.collect()

def gen():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
g = gen()
next(g)
holder = [g]
def self_ref():
    g2 = gen()
    next(g2)
    box = [g2]
    return box
b = self_ref()
b.append(b)
del b
print('collected', gc.collect() > 0)

class Box:
    pass
def gen2(box):
    try:
        yield box
    finally:
        print('gen2 finally')
bx = Box()
bx.g = gen2(bx)
next(bx.g)
del bx
print('gen cycle', gc.collect() > 0)
holder.clear()
print('done')
