def g():
    yield 1
x = g()
next(x)
next(x)
