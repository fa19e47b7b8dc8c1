# except* with finally, return in the try body, generators, BaseExceptions
# and a subclass overriding derive().
def body_return():
    try:
        return "from body"
    except* ValueError:
        pass
    finally:
        print("finally runs")
print(body_return())

def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError("in gen")])
    except* ValueError as e:
        yield repr(e.exceptions)
print(list(gen()))

try:
    raise KeyboardInterrupt
except* KeyboardInterrupt as e:
    print(type(e).__name__, repr(e.exceptions))

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG("derived " + self.message, excs)

try:
    try:
        raise MyEG("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print(type(e).__name__, e.message)
except MyEG as rest:
    print("rest", type(rest).__name__, rest.message, repr(rest.exceptions))

# raise ... from inside the clause
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as r:
    print(repr(r), repr(r.__cause__))

# nested try/except* inside a clause
try:
    raise ExceptionGroup("outer", [ValueError(1)])
except* ValueError:
    try:
        raise ExceptionGroup("inner", [TypeError(2)])
    except* TypeError as t:
        print("inner", repr(t))
import sys
print("after:", sys.exc_info())
