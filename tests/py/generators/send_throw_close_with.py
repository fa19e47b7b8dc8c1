def gen(n):
    for i in range(n):
        x = yield i
        if x: print("got", x)
    return "done"
g = gen(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(gen(4)), sum(x*x for x in range(10)))
def deleg():
    r = yield from gen(2)
    print("r", r)
    yield 99
print(list(deleg()))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
f = fin(); print(next(f)); f.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
t = thrower(); next(t); print(t.throw(ValueError("x")))
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return True
with CM() as c:
    print("body")
    raise KeyError("k")
print("after")
with CM():
    pass
def bad():
    raise StopIteration
    yield
try:
    list(bad())
except RuntimeError as e:
    print(e)
print([x for x in (y*2 for y in range(3))])
