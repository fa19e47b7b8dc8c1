# sys.exception() inside and outside a generator suspended in an except clause.
import sys
def g():
    yield repr(sys.exception())
    try:
        raise ValueError("inner")
    except ValueError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())
it = g()
try:
    raise KeyError("outer")
except KeyError:
    print(next(it))
    print(next(it), repr(sys.exception()))
try:
    raise TypeError("other")
except TypeError:
    print(next(it), repr(sys.exception()))

def ctx():
    yield
    raise OSError("in gen")
c = ctx()
next(c)
try:
    raise KeyError("caller")
except KeyError:
    try:
        next(c)
    except OSError as e:
        print("context:", repr(e.__context__))
print(next(it), repr(sys.exception()))

def thrower():
    try:
        yield 1
    except ZeroDivisionError:
        yield repr(sys.exception())
t = thrower()
next(t)
print(t.throw(ZeroDivisionError("z")), repr(sys.exception()))

def raising():
    try:
        raise ValueError("a")
    except ValueError:
        yield
        raise KeyError("b")
r = raising()
next(r)
try:
    next(r)
except KeyError as e:
    print(repr(e), repr(e.__context__))
