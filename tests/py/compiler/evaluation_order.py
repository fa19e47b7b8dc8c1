log = []
def t(x):
    log.append(x)
    return x
print(t(1) < t(2) < t(3), log); log.clear()
print(t(3) < t(2) < t(5), log); log.clear()
d = {}
def key():
    log.append('key')
    return 'k'
def obj():
    log.append('obj')
    return d
d['k'] = 1
obj()[key()] += t(10)
print(d, log); log.clear()
def deco(name):
    log.append('make ' + name)
    def w(f):
        log.append('apply ' + name)
        return f
    return w
@deco('a')
@deco('b')
def decorated():
    return 'd'
print(decorated(), log); log.clear()
def defaults(a=t(1), *, b=t(2)):
    return a, b
print(defaults(), log); log.clear()
def outer():
    v = 'outer'
    def mid():
        return [[v + str(i) + str(j) for j in range(2)] for i in range(2)]
    return mid()
print(outer())
g1 = 'global'
def shadow():
    g1 = 'local'
    def inner():
        global g1
        return g1
    return inner(), g1
print(shadow())
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print('ULE', e)
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        print('ULE2', e)
unbound()
def free_unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print('NE', e)
    y = 2
    return inner()
print(free_unbound())
print([v for v in range(3) if v if v > 0])
x = 10
print([x for x in range(3)], x)
print([(lambda: x)() for x in range(2)])
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, *c = [1]
except ValueError as e:
    print(e)
width = 7
print(f"{'hi':{width}}|{3.14159:{width}.{2}f}|{'x'!a}")
n = 3
res = []
while n:
    n -= 1
    if n == 1:
        continue
    res.append(n)
print(res)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print('never')
    if i == 1:
        break
print(i, j)
def varargs_only(*a):
    return a
print(varargs_only(*range(3), *'xy'))
def kwargs_only(**k):
    return sorted(k.items())
print(kwargs_only(**{'a': 1}, b=2, **{'c': 3}))
print(1 if 0 else 2 if 0 else 3)
print(not 1 == 2, -2 ** 2, (-2) ** 2, 2 ** -1, 7 // -2, -7 % 3, 1 << 3 >> 1, 5 & 3 | 8 ^ 2)
print([1, 2, 3][-1], 'abc'[::-1], (1,)[0])
s = {'a': [1, {'b': 2}]}
s['a'][1]['b'] *= 21
print(s)
print((lambda *a, **k: (a, k))(1, 2, x=3))
z = 0
def gl():
    global z
    z += 1
gl(); gl()
print(z)
print({1: 'a', True: 'b', 1.0: 'c'}, [1, 1.0, True].count(1))
