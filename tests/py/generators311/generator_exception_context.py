def g():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        raise ValueError("after yield")

it = g()
next(it)
try:
    next(it)
except ValueError as e:
    print("ValueError", e, "context:", repr(e.__context__))

def h():
    yield 1
try:
    raise TypeError("outer")
except TypeError:
    x = h()
    next(x)
try:
    x.throw(IndexError("thrown"))
except IndexError as e:
    print("IndexError", e, repr(e.__context__))
