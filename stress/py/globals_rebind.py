# stress/py/globals_rebind.py -- values the interpreter looks up in a dict and
# then uses, rebound by other threads to fresh objects (the old ones die at
# once unless the reader took a reference inside the dict's lock):
#   - a module's __name__, read by every `def` (the function's __module__);
#   - builtins.__build_class__, read by every `class` statement;
#   - a function's __kwdefaults__ items, read by calls that omit them;
#   - os.environ, read by os.getenv;
#   - sys.breakpointhook, read by breakpoint().
# Checks: every value read is one a writer installed (never a freed or
# foreign object); the functions, classes and calls all work.
import builtins
import os
import sys
import threading

from _stress import SCALE, errors, finish, run

N = 3000 * SCALE
g = globals()
ORIG_NAME = __name__
ORIG_BUILD_CLASS = builtins.__build_class__
ORIG_ENVIRON = os.environ
ORIG_HOOK = sys.breakpointhook


def fresh(tag, i):
    return "%s-%d" % (tag, i)          # a new str every time


def kw_target(*, k=None):
    return k


def check_str(where, v, prefix):
    if not (isinstance(v, str) and (v == ORIG_NAME or v.startswith(prefix))):
        errors.append("%s: read %r" % (where, v))
        return False
    return True


def writer():
    for i in range(N):
        g["__name__"] = fresh("mod", i)
        builtins.__build_class__ = (lambda j: lambda *a, **kw: ORIG_BUILD_CLASS(*a, **kw))(i)
        kw_target.__kwdefaults__["k"] = fresh("kw", i)
        os.environ = {"TN_STRESS_VAR": fresh("env", i)}
        sys.breakpointhook = (lambda j: lambda: fresh("hook", j))(i)


def reader():
    for i in range(N):
        def f():
            pass
        if not check_str("def __module__", f.__module__, "mod-"):
            return

        class K:
            pass
        if not check_str("class __module__", K.__module__, "mod-"):
            return
        if not check_str("kwdefault", kw_target(), "kw-"):
            return
        v = os.getenv("TN_STRESS_VAR")
        if v is not None and not check_str("getenv", v, "env-"):
            return
        h = breakpoint()
        if h is not None and not check_str("breakpointhook", h, "hook-"):
            return


kw_target.__kwdefaults__["k"] = fresh("kw", -1)
os.environ = {"TN_STRESS_VAR": fresh("env", -1)}
sys.breakpointhook = lambda: fresh("hook", -1)
run([writer, reader, reader])
g["__name__"] = ORIG_NAME
builtins.__build_class__ = ORIG_BUILD_CLASS
os.environ = ORIG_ENVIRON
sys.breakpointhook = ORIG_HOOK
finish("globals_rebind", "%d rebinds of each" % N)
