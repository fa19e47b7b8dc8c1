# ExceptionGroup / BaseExceptionGroup (PEP 654): construction, attributes,
# str/repr, hierarchy.
eg = ExceptionGroup("msg", [ValueError(1), TypeError("t")])
print(type(eg).__name__, str(eg), repr(eg))
print(eg.message, eg.exceptions, eg.args)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), isinstance(eg, BaseException))
print(ExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
one = ExceptionGroup("one", (KeyError("k"),))
print(str(one), repr(one), one.exceptions)

b = BaseExceptionGroup("only exceptions", [ValueError()])
print(type(b).__name__, b)
b = BaseExceptionGroup("with base", [ValueError(), KeyboardInterrupt()])
print(type(b).__name__, b, isinstance(b, Exception))

for args in [(), ("m",), ("m", 5), ("m", []), ("m", [1]), (5, [ValueError()]),
             ("m", {1: 2}), ("m", "ab"), ("m", [ValueError()], 3),
             ("m", [ValueError(), 7])]:
    try:
        print(repr(BaseExceptionGroup(*args)))
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
try:
    ExceptionGroup("m", [ValueError()], x=1)
except TypeError as e:
    print(e)

# a generator of exceptions is not a sequence; a tuple, list or range-like is
try:
    ExceptionGroup("m", (e for e in [ValueError()]))
except TypeError as e:
    print(e)

class MyEG(ExceptionGroup):
    pass
m = MyEG("mine", [ValueError(1)])
print(type(m).__name__, m, isinstance(m, ExceptionGroup))
try:
    MyEG("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)

# catching
try:
    raise ExceptionGroup("caught", [ValueError(1)])
except Exception as e:
    print("caught by Exception:", repr(e))
try:
    raise BaseExceptionGroup("base", [SystemExit(2)])
except Exception:
    print("wrong")
except BaseExceptionGroup as e:
    print("caught by BaseExceptionGroup:", repr(e), e.exceptions[0].code)
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except ExceptionGroup as e:
    print(e.exceptions[0].args)
