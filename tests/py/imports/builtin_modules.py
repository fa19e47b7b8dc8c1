import sys
from sys import argv, maxsize as m
print(len(sys.argv), argv[0] == sys.argv[0], m)
import builtins
print(builtins.len([1,2]))
def f():
    import sys as s
    return s.byteorder
print(f())
try:
    import nosuchmod
except ImportError as e:
    print(type(e).__name__, e)
try:
    from sys import nosuch
except ImportError as e:
    print(e)
