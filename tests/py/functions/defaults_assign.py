# Assigning __defaults__ / __kwdefaults__: only a tuple / a dict (or None)
# is accepted, whatever the call then reads (found by tools/fuzz:
# f.__defaults__ = [1] crashed the next call).
def f(a, b=1, *, c=2):
    return a, b, c


for value in ([1], 1, "ab", {1: 2}, range(3)):
    try:
        f.__defaults__ = value
    except TypeError as e:
        print("TypeError:", e)
    print(f(0), f.__defaults__)

for value in ([("c", 1)], (("c", 1),), 1, "c"):
    try:
        f.__kwdefaults__ = value
    except TypeError as e:
        print("TypeError:", e)
    print(f(0), f.__kwdefaults__)

f.__defaults__ = (7, 8, 9)          # more defaults than parameters: the last ones
print(f(0))
f.__defaults__ = ()
try:
    f(0)
except TypeError as e:
    print("TypeError:", e)
f.__defaults__ = None
print(f.__defaults__)
del f.__defaults__
print(f.__defaults__)


class T(tuple):
    pass


class D(dict):
    pass


f.__defaults__ = T((5,))
f.__kwdefaults__ = D(c=6)
print(f(0), type(f.__defaults__).__name__, type(f.__kwdefaults__).__name__)
f.__kwdefaults__ = {"c": 3, "zz": 4, 1: 5}     # extra keys are ignored
print(f(0))
f.__kwdefaults__ = None
try:
    f(0)
except TypeError as e:
    print("TypeError:", e)
del f.__kwdefaults__
print(f.__kwdefaults__)


def g(*args, x=1, **kw):
    return args, x, kw


g.__kwdefaults__ = {}
try:
    g()
except TypeError as e:
    print("TypeError:", e)
g.__kwdefaults__ = {"x": 3}
g.__defaults__ = (1, 2)             # no positional parameter to fill
print(g(), g.__defaults__)
