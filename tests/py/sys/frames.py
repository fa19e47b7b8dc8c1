# sys._getframe, sys.exc_info, sys.exception, displayhook.
import sys

# Tandem's frame objects are snapshots taken by _getframe (CPython's are
# live views), so every attribute is read in the statement that makes it.
def f(x):
    y = x * 2
    print(sys._getframe().f_code.co_name, sys._getframe().f_lineno,
          sorted(sys._getframe().f_locals), sys._getframe().f_locals['y'])
    print(sys._getframe().f_back.f_code.co_name, sys._getframe().f_back.f_lineno,
          sys._getframe().f_globals is globals())
    print(sys._getframe().f_back.f_back)
    return sys._getframe(1).f_code.co_name

print(f(21))

def outer():
    def inner():
        return [sys._getframe(i).f_code.co_name for i in range(3)]
    return inner()
print(outer())

class C:
    def m(self):
        return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
print(C().m())
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)
print(type(sys._getframe()).__name__, sys._getframe().f_lineno)

print(sys.exc_info(), sys.exception())
try:
    raise KeyError(3)
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v), type(tb).__name__, sys.exception() is v)
    try:
        raise ValueError("inner")
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info(), sys.exception())

import builtins
sys.displayhook(42)
print(builtins._)
sys.displayhook(None)
print(builtins._)
sys.displayhook("s")
print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__)
