# breakpoint() calls sys.breakpointhook; the default hook obeys $PYTHONBREAKPOINT.
import os
import sys

print(sys.breakpointhook is sys.__breakpointhook__, callable(breakpoint))
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint(), breakpoint(1, key=2))
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
print(breakpoint("via", "print", sep="-"))
os.environ["PYTHONBREAKPOINT"] = "repr"
print(breakpoint([1]))
os.environ["PYTHONBREAKPOINT"] = "0"

def hook(*args, **kws):
    print("hook called", args, sorted(kws.items()))
    return "result"
sys.breakpointhook = hook
print(breakpoint(), breakpoint(3, a=1))
sys.breakpointhook = sys.__breakpointhook__
print(breakpoint())
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError", e)
sys.breakpointhook = sys.__breakpointhook__
