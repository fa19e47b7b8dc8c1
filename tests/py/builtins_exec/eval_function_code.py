# eval/exec of a function's code object: run as a call with no arguments
# (binding errors, *args/**kwargs empty, a generator or coroutine returned);
# a code object with free variables is refused (test_scope crashed Tandem)
def f(x):
    return lambda: x + 1
g = f(3)
try:
    eval(g.__code__)
except TypeError as e:
    print("TypeError:", e)
try:
    exec(g.__code__, {})
except TypeError as e:
    print("TypeError:", e)
def h(a, b=2):
    return a
def k(*, key):
    return key
def star(*args, **kw):
    return args, kw
for fn in (h, k, star):
    try:
        print(eval(fn.__code__, {}))
    except TypeError as e:
        print("TypeError:", e)
def gen():
    yield 1
    yield 2
print(list(eval(gen.__code__, {})))
async def co():
    return 1
c = eval(co.__code__, {})
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
def uses_global():
    return G * 2
print(eval(uses_global.__code__, {"G": 21}))
print(exec(uses_global.__code__, {"G": 1}))
