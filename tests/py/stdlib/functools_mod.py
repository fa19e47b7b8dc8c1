import functools
from functools import reduce, partial, wraps, lru_cache, cache, cached_property
from functools import total_ordering, cmp_to_key, singledispatch, update_wrapper

print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10), reduce(max, "hello"))
for bad in [lambda: reduce(max, []), lambda: reduce(max, 5), lambda: partial(), lambda: partial(3),
            lambda: lru_cache("x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

def power(base, exp=2, *, mod=None):
    return base ** exp if mod is None else base ** exp % mod
sq = partial(power, exp=2)
p3 = partial(partial(power, 3), mod=5)
print(sq(7), p3(), p3(exp=3), p3.func is power, p3.args, p3.keywords)
print(repr(partial(max, 1, 2, key=abs)))

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k)
    return inner

@deco
def hello(x):
    "say hello"
    return "hello " + x
print(hello("w"), hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)

calls = []
@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n
print([slow(i) for i in (1, 2, 1, 3, 2, 1)], calls)
print(slow.cache_info(), slow.cache_info().hits, slow.cache_parameters())
slow.cache_clear()
print(slow.cache_info())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@cache
def twice(x, y=1):
    calls.append((x, y))
    return 2 * x
print(twice(3), twice(3), twice(3, y=2), twice.cache_info())

@lru_cache(maxsize=None, typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t.cache_info())

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, "area" in vars(c))
del c.area
print(c.area, type(Circle.__dict__["area"]).__name__)

@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2), V.__gt__.__name__)
try:
    @total_ordering
    class W:
        pass
except ValueError as e:
    print("ValueError", e)

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

@singledispatch
def show(x):
    return "object " + repr(x)
@show.register(int)
def _(x):
    return "int %d" % x
@show.register(list)
def _(x):
    return "list of %d" % len(x)
print(show(1), show(True), show([1, 2]), show("s"), show.dispatch(bool).__name__)
print(sorted(c.__name__ for c in show.registry))
try:
    show()
except TypeError as e:
    print("TypeError", e)
def plain():
    pass
print(update_wrapper(lambda: 0, plain).__name__)
