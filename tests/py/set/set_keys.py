s = {frozenset({1, 2}), 3}
print({1, 2} in s, {9} in s, {3} in s)
s.discard({1, 2})
print(s)
s.add(frozenset({5}))
s.remove({5})
print(s)
try:
    s.remove({7})
except KeyError as e:
    print('KeyError', e)
print(frozenset({1}) in {frozenset({1})})
d = {frozenset(): 1}
print(d[frozenset()])
print({1, 2}.__contains__({1}))
