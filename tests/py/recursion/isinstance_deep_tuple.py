# isinstance / issubclass with tuples nested deeper than the recursion
# limit raise RecursionError (each tuple level counts), as in CPython.

c = int
for i in range(300000):
    c = (c,)

for f, a in [(isinstance, 1), (issubclass, int), (isinstance, 'x'), (issubclass, str)]:
    try:
        print(f(a, c))
    except RecursionError as e:
        print(f.__name__, 'RecursionError:', e)

# Within the limit they work, and stop at the first match.
c = (int,)
for i in range(500):
    c = (str, c)
print(isinstance(1, c), issubclass(bool, c), isinstance(1.0, c))
print(isinstance(1, (float, (str, int | None))), issubclass(int, (float, int | str)))

# Any object whose class defines the hooks can stand for a class; the
# hook runs before arg 1 is checked.
class Checker:
    def __instancecheck__(self, x):
        return x == 5
    def __subclasscheck__(self, x):
        return x == 'five'
print(isinstance(5, Checker()), isinstance(6, Checker()), isinstance(5, (str, Checker())))
print(issubclass('five', Checker()), issubclass(int, Checker()))
for f, a, b in [(isinstance, 1, 2), (issubclass, 1, int), (issubclass, int, 2)]:
    try:
        f(a, b)
    except TypeError as e:
        print('TypeError:', e)

# After the error the interpreter is still fine.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
