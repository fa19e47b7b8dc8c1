# ImportError's name/path/msg and keyword arguments; the from-list of a
# package reports the module really missing, not the submodule that failed
import sys
try:
    import _support.innerfail
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
print("_support.innerfail" in sys.modules, "_support.innerfail.sub_bad" in sys.modules)
try:
    from _support import no_such_sub
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name, e.path is not None and e.path.endswith("__init__.py"))
try:
    import _tandem_missing.deep
except ModuleNotFoundError as e:
    print(e, e.name, e.path, e.msg)
sys.modules["_support.blocked"] = None
try:
    from _support import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
e = ImportError("a", "b", name="n", path="p")
print(repr(e), str(e), e.msg, e.name, e.path, e.__reduce__())
e = ImportError(name="n")
print(repr(e), repr(str(e)), e.msg)
e = ImportError(1)
print(repr(e), repr(str(e)), e.msg, e.__reduce__())
e.__init__("z", path="p2")
print(e.msg, e.name, e.path)
e = ModuleNotFoundError("m", name="mod")
print(e.name, e.__reduce__())
e = AttributeError("a", name="n", obj=3)
print(e.name, e.obj, e.__reduce__())
print(NameError("x", name="v").name)
for f in (lambda: AttributeError("x", foo=1), lambda: ImportError("x", foo=1),
          lambda: NameError("x", obj=1), lambda: ValueError(x=1), lambda: KeyError("k", a=2)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
class E(Exception):
    def __init__(self, a, b=1):
        super().__init__(a)
        self.b = b
e = E(1, b=2)
print(repr(e), e.b, e.__reduce__())
class I(ImportError):
    pass
print(I("x", name="q").name, I("x", path="r").path)
e = ValueError(1, 2)
e.__setstate__({"extra": 5})
print(e.extra, e.__reduce__())
e.__setstate__(None)
try:
    e.__setstate__(3)
except TypeError as err:
    print("TypeError:", err)
import copy
c = copy.copy(ImportError("m", name="nm", path="pp"))
print(c, c.name, c.path)
