class A:
    x = 1
m = A.__dict__
print(type(m), type(m).__name__)
try:
    hash(m)
except Exception as e: print(e)
p = type(m)({'a': 1})
print(repr(p), str(p))
print(p | {'b': 2}, {'b': 2} | p, p == {'a': 1}, p.get('a'), p.get('z', 3), list(reversed(p)), len(p))
try: p |= {}
except Exception as e: print(e)
try: del p['a']
except Exception as e: print(e)
try: p['a'] = 2
except Exception as e: print(e)
try: type(m)([1])
except Exception as e: print(e)
try: p.x = 1
except Exception as e: print(e)
print(p.copy(), type(p.copy()))
print(type(p.keys()), p.items(), p.values(), list(p), 'a' in p, 'q' in p)
A.y = 5
print(m['y'], sorted(k for k in m if not k.startswith('__')))
print(type(vars(A)).__name__, vars(A)['x'])
try: m['zz']
except KeyError as e: print('KeyError', e)
