# _imp (what importlib's bootstrap calls), _warnings (its warn reaches the
# warnings machinery), function.__dict__ (importlib's _wrap copies it)
import _imp
import sys
print(_imp.is_builtin("sys"), _imp.is_builtin("builtins"), _imp.is_builtin("_thread"), _imp.is_builtin("json"))
# (CPython freezes os and friends and loads .so extensions; Tandem neither)
print(_imp.is_frozen("zzz"), _imp.find_frozen("zzz"), _imp.init_frozen("zzz"))
for f in (_imp.get_frozen_object, _imp.is_frozen_package):
    try:
        f("zzz")
    except ImportError as e:
        print("ImportError:", e, e.name)
try:
    _imp.is_builtin(3)
except TypeError as e:
    print("TypeError")
class Spec:
    name = "_thread"
print(type(_imp.create_builtin(Spec)).__name__, _imp.create_builtin(Spec).__name__)
Spec.name = "sys"
print(_imp.create_builtin(Spec) is sys)
Spec.name = "no_such_builtin"
print(_imp.create_builtin(Spec))
print(_imp.lock_held())
_imp.acquire_lock(); _imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock(); _imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(_imp.source_hash(3, b"abc")), _imp.source_hash(3, b"abc") == _imp.source_hash(3, b"abc"))
import _warnings
print(all(n in dir(_warnings) for n in ("warn", "warn_explicit")))
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    _warnings.warn("careful", UserWarning)
    _warnings.warn_explicit("explicit", DeprecationWarning, "f.py", 3)
print([(str(x.message), x.category.__name__) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        _warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", e)
def f():
    pass
f.x = 1
print(f.__dict__)
f.__dict__ = {"y": 2}
print(f.y, hasattr(f, "x"))
try:
    f.__dict__ = 3
except TypeError as e:
    print("TypeError:", e)
print("_imp" in sys.builtin_module_names, "marshal" in sys.builtin_module_names, list(sys.builtin_module_names) == sorted(sys.builtin_module_names))
