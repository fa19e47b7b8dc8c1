# The boxed traceback of an uncaught, nested exception group.
def f():
    raise ValueError(1)

def g():
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("inner", [e, TypeError("t")])

try:
    g()
except ExceptionGroup as e:
    eg = e
try:
    raise KeyError("k")
except KeyError as k:
    kk = k
raise ExceptionGroup("outer", [eg, kk, BaseExceptionGroup("deep", [ExceptionGroup("deeper", [OSError(2, "x")])])])
