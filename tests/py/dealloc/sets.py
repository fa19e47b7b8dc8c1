# frozensets nested 300,000 deep (and sets holding such frozensets),
# dropped at once.

N = 300000

s = frozenset()
for i in range(N):
    s = frozenset([s])
print('frozenset chain:', len(s))
del s
print('frozensets ok')

s = set()
for i in range(N // 3):
    s = {frozenset(s), i}
print('sets:', len(s))
del s
print('sets ok')
