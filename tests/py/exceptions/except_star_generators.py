# except* inside generators (yield in a clause), loops with finally, errors in the type.
import sys
def gen():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield "in value " + repr(sys.exception())
    except* TypeError as e:
        yield "in type " + repr(sys.exception())
    yield "after " + repr(sys.exception())
for x in gen():
    print(x, repr(sys.exception()))

def loop():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError as e:
            out.append(e.exceptions[0].args[0])
        finally:
            out.append("f")
    return out
print(loop())

def bad_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* undefined_name:
        pass
try:
    bad_type()
except NameError as e:
    print("NameError", e, type(e.__context__).__name__)
with_ctx = []
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        with_ctx.append(a[0].__name__ if a[0] else None)
        return False
try:
    with CM():
        try:
            raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
        except* ValueError:
            pass
except* KeyError as ke:
    print("outer", repr(ke))
print(with_ctx)
