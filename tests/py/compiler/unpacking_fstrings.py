g = 10
def read_g():
    return g
def write_g():
    global g
    g = 20
print(read_g()); write_g(); print(g)
def posonly(a, b, /, c, *, d=4):
    return a, b, c, d
print(posonly(1, 2, 3), posonly(1, 2, c=3, d=5))
def star(*args, **kwargs):
    return args, kwargs
print(star(), star(1, *[2, 3], 4, x=1, **{'y': 2}, z=3))
print(star(*(), **{}))
args = [1, 2]
print(star(*args), star(0, *args))
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get())
def cells(a, b):
    def f():
        return a + b
    a = a * 10
    return f
print(cells(1, 2)())
def deep():
    x = 1
    def l1():
        def l2():
            def l3():
                return x
            return l3
        return l2
    return l1()()()
print(deep())
funcs = []
for i in range(3):
    def f(i=i):
        return i
    funcs.append(f)
print([f() for f in funcs])
def loopclosure():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(loopclosure())
def comp_in_func(n):
    k = 2
    return [x * k for x in range(n) if x % 2 == 0]
print(comp_in_func(7))
print([(a, b) for a in range(3) for b in range(a)])
print({x: y for x, y in [(1, 2), (3, 4)]})
print([y for x in [[1, 2], [3]] for y in x])
print([z for x in range(3) for z in [x * 10]])
m = [[1, 2], [3, 4]]
print([[row[i] for row in m] for i in range(2)])
def walrus():
    data = [1, 2, 3, 4]
    r = [t for v in data if (t := v * 2) > 4]
    return r, t
print(walrus())
print((lambda x, y=2, *a, k=3, **kw: (x, y, a, k, kw))(1))
add = lambda a, b: a + b
print(add(2, 3), add.__name__ if hasattr(add, '__name__') else '')
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(10))
x = 5
x **= 2; x //= 3; x %= 5; x <<= 3; x >>= 1; x |= 1; x &= 7; x ^= 2; x -= 1; x *= 3; x /= 2
print(x)
class_like = {'a': [1, 2]}
class_like['a'][0] += 100
print(class_like)
s = 'abcdef'
print(s[1:4], s[::2], s[-3:], s[:-1:2])
t = 1, 2, 3
a, b, c = t
print(a + b + c)
(a, b), c = (1, 2), 3
[a, [b, c]] = [4, [5, 6]]
print(a, b, c)
first, *rest = [1, 2, 3]
*init, last = [1, 2, 3]
print(first, rest, init, last)
print(1 is 1 if False else 'ok', None is None, 1 is not None, 2 in [1, 2], 3 not in [1, 2])
if not (1 < 2 < 3):
    print('bad')
if 1 < 2 and 2 < 3 or False:
    print('cond ok')
v = None
if v is None:
    print('v none')
if v is not None:
    print('bad')
print(f"{'x'!r} {1+1} {'a':>3}|{3.14159:.3}|{10:#x}")
print(f"{s=}" if False else "nofeq")
w = 3
while True:
    w -= 1
    if w == 0:
        break
print('w', w)
def default_mut(a, l=[]):
    l.append(a)
    return l
default_mut(1)
print(default_mut(2))
def kwonly(*, a, b=2):
    return a, b
print(kwonly(a=1))
def f_doc():
    "a docstring"
    return 1
print(f_doc.__doc__)
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print([*range(3), *'ab'])
print((*range(2),))
del g
try:
    print(g)
except NameError as e:
    print(e)
