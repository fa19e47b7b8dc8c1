# f = f.__call__ a million times: each method-wrapper holds the previous
# one.  Dropping the chain must neither recurse in C per link nor be slow.

def f():
    return 42

g = f
for i in range(1000000):
    g = g.__call__
print(type(g).__name__)
del g
print('method-wrapper chain ok')
print(f())
