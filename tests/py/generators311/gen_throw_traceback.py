def g():
    yield 1
    yield 2

it = g()
next(it)
try:
    it.throw(ValueError("x"))
except ValueError as e:
    print("ValueError", e)
print(next(it, "exhausted"))
def h():
    try:
        yield
    except Exception as e:
        yield type(e).__name__
z = h()
next(z)
print(z.throw(ZeroDivisionError))
print(z.throw(StopIteration) if False else "skip")
