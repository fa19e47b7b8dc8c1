# *args and **kwargs
def f(*args):
    return args
print(f(), f(1), f(1, "two", 3.0))
def g(a, *rest):
    return [a, rest]
print(g(1), g(1, 2, 3))
def h(**kwargs):
    return kwargs
print(h(), h(x=1, y=2))
def everything(a, b=2, *args, c=3, **kw):
    return [a, b, args, c, kw]
print(everything(1))
print(everything(1, 20, 30, 40, c=5, d=6))
nums = [3, 4]
print(f(*nums), f(0, *nums, 5))
opts = {"x": 1, "y": 2}
print(h(**opts), h(z=0, **opts))
def add3(a, b, c):
    return a + b + c
print(add3(*[1, 2, 3]), add3(1, *(2, 3)), add3(**{"a": 1, "b": 2, "c": 3}))
print(*[1, 2, 3])
print(*"abc", sep="-")
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
