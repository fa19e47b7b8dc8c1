# sys.setswitchinterval / sys.getswitchinterval: values round-trip through
# whole microseconds, bad values raise CPython's errors.
import sys

print("default", sys.getswitchinterval())
for v in (0.001, 0.0005, 1, 2.5, 1e-6, 1e-9, 0.0000015, True):
    sys.setswitchinterval(v)
    print(repr(v), "->", sys.getswitchinterval())

for bad in (0, 0.0, -1, -0.5, "0.1", None, [0.1], 10 ** 400):
    try:
        sys.setswitchinterval(bad)
        print("no error for", type(bad).__name__)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(bad).__name__, type(e).__name__, e)
print("unchanged after errors", sys.getswitchinterval())

for call in (lambda: sys.setswitchinterval(), lambda: sys.setswitchinterval(0.1, 0.2),
             lambda: sys.getswitchinterval(1), lambda: sys.setswitchinterval(interval=0.1)):
    try:
        call()
        print("no error")
    except TypeError as e:
        print("TypeError", e)
sys.setswitchinterval(0.005)
print("restored", sys.getswitchinterval())
