# a from-import of a name the partially initialised module does not have yet
import sys
try:
    import _support.circ1
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0], "DIR"))
