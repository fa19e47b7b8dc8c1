# Exact lists, tuples and dicts nested 200,000 deep, then chains that
# alternate between many kinds of holders (containers, instances with a
# __dict__ or __slots__, functions, iterators, exceptions, frozensets),
# dropped at once.

x = None
for i in range(200000):
    x = [x]
del x
print('lists ok')

x = ()
for i in range(200000):
    x = (x,)
del x
print('tuples ok')

x = {}
for i in range(150000):
    x = {'k': x}
del x
print('dicts ok')

class Plain:
    pass

class Slotted:
    __slots__ = ('ref',)

def holder_plain(x):
    p = Plain()
    p.ref = x
    return p

def holder_slotted(x):
    s = Slotted()
    s.ref = x
    return s

def holder_closure(x):
    return lambda: x

holders = [
    lambda x: [x],
    lambda x: (x, 1),
    lambda x: {'k': x},
    holder_plain,
    holder_slotted,
    holder_closure,
    lambda x: map(abs, [x]),
    lambda x: KeyError(x),
    lambda x: frozenset([x]),
    lambda x: iter([x]),
    lambda x: {1: x}.items(),
    lambda x: [x].__iter__,
]

x = None
for i in range(150000):
    x = holders[i % len(holders)](x)
print('mixed chain built:', type(x).__name__)
del x
print('mixed ok')

# Wide and deep: a tree whose leaves hang below long chains.
x = [None] * 200
for j in range(200):
    y = None
    for i in range(500):
        y = holders[(i + j) % len(holders)](y)
    x[j] = y
del x, y
print('tree ok')
