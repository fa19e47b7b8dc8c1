# Exceptions visit args, __traceback__, __context__, __cause__, __dict__,
# __notes__, and their subclass fields.
import gc

def has(obj, x):
    return any(r is x for r in gc.get_referents(obj))

def fail():
    raise ValueError("inner")

try:
    try:
        fail()
    except ValueError as e1:
        raise KeyError("outer") from e1
except KeyError as e2:
    err = e2

print("args", has(err, err.args))
print("traceback", has(err, err.__traceback__))
print("cause", has(err, err.__cause__), "context", has(err, err.__context__))
def in_dict(obj, name):
    # The attribute's value, held by a visited dict (__dict__ is not
    # readable on every exception type here).
    value = getattr(obj, name)
    return any(type(r) is dict and r.get(name) is value for r in gc.get_referents(obj))

err.extra = [1]
print("dict", in_dict(err, "extra"))
err.add_note("note")
print("notes", has(err, err.__notes__) or in_dict(err, "__notes__"))

v = [2]
si = StopIteration(v)
print("StopIteration.value", has(si, v))
se = SystemExit(v)
print("SystemExit.code", has(se, v))
fn = ["file"]
oe = OSError(2, "no such file", fn)
print("OSError.filename", has(oe, fn))
try:
    [].nope
except AttributeError as ae:
    print("AttributeError.name", has(ae, ae.name))
ne = NameError("x")
ne.name = v
print("NameError.name", has(ne, v))
sy = SyntaxError("msg", ("f.py", 1, 2, "text", 1, 3))
print("SyntaxError", has(sy, sy.msg), has(sy, sy.text), has(sy, sy.filename))
eg = ExceptionGroup("group", [ValueError(1)])
print("ExceptionGroup", has(eg, eg.exceptions), has(eg, eg.message))

class MyError(Exception):
    pass
me = MyError(1)
me.payload = v
print("subclass", in_dict(me, "payload"), has(me, MyError))
