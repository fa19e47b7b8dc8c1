# __del__ (PEP 442): run once per object when its count reaches zero; it may
# resurrect the object; errors are reported as unraisable and execution goes on.
import gc

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

a = A('a'); del a
A('temp')
def f():
    x = A('local')
f()
print('after f')

saved = []
class R:
    count = 0
    def __del__(self):
        R.count += 1
        print('R.__del__', R.count)
        saved.append(self)
r = R()
del r
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()      # the second death does not call __del__ again
print('R count', R.count)

class B:
    def __del__(self):
        raise ValueError('boom in del')
b = B(); del b
print('still running')

class Sub(A):
    pass
s = Sub('sub'); del s

class NoDel:
    pass
n = NoDel(); del n
print(hasattr(NoDel, '__del__'))
A.__del__(A('explicit'))
print('end')
