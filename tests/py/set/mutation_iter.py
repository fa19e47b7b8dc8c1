s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
it = iter(s)
print(next(it))
s.add(4)
for i in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print('again', e)
s = {1, 2, 3}
for x in s:
    s.add(1)
print(s)
it = iter({1, 2})
print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__())
print(list(it))
