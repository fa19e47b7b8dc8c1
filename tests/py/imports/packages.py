# modules and packages from .py files: caching, relative imports, __all__
import _support
import _support.shapes
from _support.shapes import *
from _support import shapes as s2, geometry
import _support.sub as sub
print(_support.VERSION, _support.shapes.square(4), square(5), Circle(2).area())
print(s2 is _support.shapes, geometry.area(3, 4), sub.PARENT_VERSION, sub.leaf_value)
print("helper" in dir(), "_hidden" in dir(), "Circle" in dir())
import sys
print("_support.geometry" in sys.modules, sys.modules["_support.sub.leaf"].leaf_value)
print(_support.shapes.__name__, _support.shapes.__package__, _support.sub.__package__)
import _support.cyc_a
print(_support.cyc_a.use_b(), _support.cyc_b.use_a())
try:
    import _support.broken
except ValueError as e:
    print("failed:", e, "_support.broken" in sys.modules)
try:
    import _support.missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _support.geometry.nothing
except ModuleNotFoundError as e:
    print(e)
try:
    from _support import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0], "DIR"))
m = __import__("_support.geometry", fromlist=["area"])
print(m.__name__, __import__("_support").__name__)
