# The sys functions and attributes of the builtins issue, one line each.
import sys

print(type(sys.argv).__name__, sys.argv[0].endswith("sys_functions.py"), len(sys.argv))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print("sys" in sys.modules, sys.modules["sys"] is sys, sys.modules["__main__"].__name__)
print(sys.stdout.write("out\n"), sys.stderr is not None, hasattr(sys.stdin, "readline"))
print(sys.version.startswith("3.11"), sys.version_info[:2], type(sys.hexversion).__name__)
print(sys.implementation.name == sys.implementation.name.lower(), sys.implementation.version[:2])
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder)
old = sys.getrecursionlimit()
print(type(old).__name__, old > 50)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in (0, -5, "x", 2.5, 2**64):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit()
except TypeError as e:
    print("TypeError", e)
x = object()
print(type(sys.getrefcount(x)).__name__, sys.getrefcount(x) >= 1)
print(sys.getsizeof(1.5) > 0, sys.getsizeof(x, 3) > 0)
class BadSize:
    def __sizeof__(self):
        return -1
class StrSize:
    def __sizeof__(self):
        return "big"
for obj in (BadSize(), StrSize()):
    try:
        sys.getsizeof(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(StrSize(), 7))
s = "".join(["inter", "ned"])
print(sys.intern(s) is sys.intern("interned"), sys.intern(s) == "interned")
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError", e)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, type(tb).__name__, sys.exception() is e)
print(sys.exc_info(), sys.exception())
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1, True, False), type(sys.flags).__name__)
def who():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
print(who())
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("SystemExit", e.code, e.args)
