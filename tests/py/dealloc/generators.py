# Generator expressions nested 150,000 deep, and suspended generators whose
# deallocation runs Python code (their finally blocks), 100,000 deep.

g = iter(())
for i in range(150000):
    g = (x for x in g)
print(type(g).__name__)
del g
print('generator expressions ok')

g = iter(())
for i in range(2000):
    g = (x + 1 for x in g)
try:
    print(next(g))
except RecursionError:
    print('RecursionError from next()')
except StopIteration:
    print('StopIteration')
del g
print('after next() ok')

done = []
def gen(inner):
    try:
        yield 1
    finally:
        done.append(1)

g = None
for i in range(100000):
    g = gen(g)
    next(g)
print('finally blocks before:', len(done))
del g
print('finally blocks after:', len(done))
