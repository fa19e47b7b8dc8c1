# Function fields a setter replaces: __code__ (checked: a code object with
# as many free variables as the closure), __defaults__ (a tuple or None),
# __kwdefaults__ (a dict or None), and replacing __code__ while a frame of
# the function is running the old code (the frame keeps its own reference).


def f():
    return 1


def g():
    return 2


def h(x):
    def inner():
        return x
    return inner


f.__code__ = g.__code__
print(f(), f.__code__ is g.__code__, f.__name__)
for value in (h(1).__code__, 5, None):
    try:
        f.__code__ = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del f.__code__
except TypeError as e:
    print(type(e).__name__, e)
inner = h(3)
inner.__code__ = h(4).__code__
print(inner())


def k(a, b=2, *, c=3):
    return a, b, c


for value in (5, [1], (1,)):
    try:
        k.__defaults__ = value
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        k.__kwdefaults__ = value
    except TypeError as e:
        print(type(e).__name__, e)
print(k(1))
k.__defaults__ = (20,)
k.__kwdefaults__ = {"c": 30}
print(k(1), k.__defaults__, k.__kwdefaults__)
k.__defaults__ = None
del k.__kwdefaults__
print(k.__defaults__, k.__kwdefaults__)
for call in (lambda: k(1), lambda: k(1, 2)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)


def body(n):
    # Replace our own code while this frame runs it, then keep using it.
    body.__code__ = other.__code__
    total = 0
    for i in range(n):
        total += i
    return total


def other(n):
    return -n


print(body(5), body(5))


def gen():
    gen.__code__ = other.__code__
    yield 1
    yield 2


print(list(gen()), gen(7))
