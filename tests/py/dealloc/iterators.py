# Chains of iterators, each holding the previous one, dropped at once: the
# deallocations must not nest one C frame per link.

N = 60000

def chain(make):
    it = iter(())
    for i in range(N):
        it = make(it)
    return it

kinds = [
    ('map', lambda it: map(abs, it)),
    ('zip', lambda it: zip(it, it)),
    ('filter', lambda it: filter(None, it)),
    ('enumerate', lambda it: enumerate(it)),
    ('reversed', lambda it: reversed([it])),
    ('list iterator', lambda it: iter([it])),
    ('tuple iterator', lambda it: iter((it,))),
    ('dict key iterator', lambda it: iter({it: 1})),
    ('dict values', lambda it: {1: it}.values()),
    ('dict items', lambda it: {1: it}.items()),
    ('iter(callable, sentinel)', lambda it: iter(it.__class__, it)),
]
for name, make in kinds:
    it = chain(make)
    print(name, type(it).__name__)
    del it
    print(name, 'ok')

# A map over a chain of maps can still be consumed (the chain is alive).
it = iter([3, -4])
for i in range(50):
    it = map(abs, it)
print(list(it))
