# split(), subgroup(), derive(): matching by type, tuple of types and predicate,
# with the group's traceback, context, cause and notes copied to the parts.
def show(x):
    if x is None:
        return "None"
    if isinstance(x, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(x).__name__, x.message, ", ".join(show(e) for e in x.exceptions))
    return repr(x)

v1, v2, t1, k1 = ValueError(1), ValueError(2), TypeError("t"), KeyError("k")
inner = ExceptionGroup("inner", [v2, k1])
eg = ExceptionGroup("outer", [v1, t1, inner])

for cond in [ValueError, TypeError, (TypeError, KeyError), LookupError, Exception,
             ExceptionGroup, OSError, lambda e: isinstance(e, ValueError) and e.args[0] == 2,
             lambda e: False, lambda e: True]:
    m, r = eg.split(cond)
    print(show(m), "|", show(r), "|", show(eg.subgroup(cond)))

m, r = eg.split(ValueError)
print(m.exceptions[0] is v1, m.exceptions[1].exceptions[0] is v2, r.exceptions[0] is t1)
print(eg.subgroup(ExceptionGroup) is eg, eg.subgroup(lambda e: e is inner).exceptions[0] is inner)

for bad in [5, "x", (ValueError, 5), None]:
    try:
        eg.split(bad)
    except TypeError as e:
        print(e)
try:
    eg.subgroup(int)
except TypeError as e:
    print(e)

d = eg.derive([v1])
print(show(d), d.exceptions[0] is v1, d.__traceback__)
d = eg.derive([KeyboardInterrupt()])
print(type(d).__name__, show(d))

# the parts keep the group's __traceback__, __context__, __cause__, __notes__
try:
    try:
        raise RuntimeError("ctx")
    except RuntimeError:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)]) from KeyError("cause")
except ExceptionGroup as e:
    g = e
g.__notes__ = ["note 1"]
m, r = g.split(ValueError)
print(m.__traceback__ is g.__traceback__, repr(m.__cause__), repr(m.__context__))
print(m.__suppress_context__, m.__notes__, m.__notes__ is g.__notes__, r.__notes__)

# derive overridden in a subclass
class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + "!", excs)
t = Tagged("tag", [ValueError(1), TypeError(2)])
m, r = t.split(ValueError)
print(type(m).__name__, show(m), show(r))

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 5
try:
    BadDerive("b", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print(e)
# a predicate that raises
def boom(e):
    raise ZeroDivisionError("in predicate")
try:
    eg.subgroup(boom)
except ZeroDivisionError as e:
    print(repr(e))
