# One thread: a circular import sees the partially initialised module (and
# CPython's message for a missing attribute of one); None in sys.modules
# stops an import.
import sys
import _support.circ_x as x
import _support.circ_y as y
import _support.counter as counter
print(y.SAW_EARLY, x.X_LATE, counter.runs.count("_support.circ_x"))
print(y.MESSAGE)
try:
    x.X_MISSING
except AttributeError as e:
    print(e)
sys.modules["_support.blocked"] = None
try:
    import _support.blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
