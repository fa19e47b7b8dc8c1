def f(*, key):
    pass
f()
