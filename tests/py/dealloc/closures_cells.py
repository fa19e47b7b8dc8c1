# Dropping a long chain of functions and cells must not recurse in C once
# per link (each link's deallocation drops the next one): the trashcan
# defers deep deallocations.

N = 200000

def mk(f):
    def g():
        return f
    return g

f = None
for i in range(N):
    f = mk(f)
print('closure chain built, depth 3:', f()()() is not None)
del f
print('closures ok')

# A lambda holding the previous one as a default argument.
f = None
for i in range(N):
    f = lambda f=f: f
print('lambda chain built:', f()() is not None)
del f
print('default-argument lambdas ok')

# Cells holding cells.
def cell_of(x):
    return (lambda: x).__closure__[0]

c = None
for i in range(N):
    c = cell_of(c)
print('cell chain built:', type(c.cell_contents).__name__)
del c
print('cells ok')

# Bound methods of functions bound to functions.
def h():
    pass

m = h
for i in range(N):
    m = m.__get__(i)
print('bound method chain built:', m.__self__ == N - 1)
del m
print('bound methods ok')
