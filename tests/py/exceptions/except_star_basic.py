# except* splits an exception group between its clauses (PEP 654).
import sys

def show(label, e):
    print(label, type(e).__name__, repr(e.message), [repr(x) for x in e.exceptions])

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    show("value", e)
    print("exc_info is match:", sys.exc_info()[1] is e)
except* TypeError as e:
    show("type", e)

# a naked exception is wrapped in ExceptionGroup("", [exc])
try:
    raise KeyError("k")
except* KeyError as e:
    show("naked", e)
    print("inner is original:", type(e.exceptions[0]).__name__)

# tuple of types, nested groups
try:
    raise ExceptionGroup("outer", [OSError("o"), ExceptionGroup("inner", [ZeroDivisionError("z"), ValueError("v")])])
except* (OSError, ZeroDivisionError) as e:
    show("tuple", e)
    show("nested", e.exceptions[1])
except* ValueError as e:
    show("rest", e)

# once everything matched, later clauses do not run
try:
    raise ExceptionGroup("all", [ValueError(1)])
except* ValueError:
    print("first")
except* Exception:
    print("never")

# no exception: else and finally
try:
    x = 1
except* ValueError:
    print("no")
else:
    print("else", x)
finally:
    print("finally")

# unmatched part propagates
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("handled", e)
except ExceptionGroup as outer:
    show("propagated", outer)

# name is deleted after the clause
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* ValueError as err:
    pass
try:
    err
except NameError as ne:
    print("NameError:", ne)

# handler without a name, and in a function
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("f value")
    except* TypeError:
        print("f type")
    return "done"
print(f())
