class A:
    def f(self): 'doc'
A.f.attr = 1
m = A().f
print(m.attr, m.__doc__, m.__name__, m.__qualname__, m.__module__, m.__func__ is A.f, m.__self__.__class__.__name__)
try: m.attr2 = 1
except AttributeError as e: print(e)
try: m.nope
except AttributeError as e: print(e)
print(m == A().f, m == m, hash(m) == hash(m), type(m).__name__)
