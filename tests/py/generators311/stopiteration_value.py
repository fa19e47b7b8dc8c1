def g():
    yield 1
    return {"result": 42}

it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)

def empty():
    return 5
    yield
try:
    next(empty())
except StopIteration as e:
    print("value", e.value)

def none_ret():
    yield
e = None
try:
    n = none_ret()
    next(n)
    next(n)
except StopIteration as ex:
    print("value", ex.value, ex.args)

def catcher():
    r = yield from g()
    yield r
print(list(catcher()))
