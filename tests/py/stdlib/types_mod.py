import types
import sys

def f():
    yield 1

print(types.FunctionType is type(f), types.LambdaType is types.FunctionType)
print(isinstance(f(), types.GeneratorType), isinstance(sys, types.ModuleType))
print(types.BuiltinFunctionType is type(len), types.NoneType is type(None))
print(types.EllipsisType is type(...), types.NotImplementedType is type(NotImplemented))
print(types.MethodType.__name__, types.CodeType.__name__, types.CellType.__name__)
print(types.GenericAlias is type(list[int]), types.UnionType is type(int | str))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns != types.SimpleNamespace())
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError", e)
del ns.a
print(ns, vars(ns))
class Sub(types.SimpleNamespace):
    pass
print(Sub(z=3))
r = types.SimpleNamespace()
r.me = r
print(r)
C = types.new_class("C", (object,), {}, lambda ns: ns.update(x=5))
print(C.__name__, C.x)
print(types.prepare_class("D", (int,)))
print(types.resolve_bases((int, str)))
def g():
    raise ValueError
try:
    g()
except ValueError as e:
    print(isinstance(e.__traceback__, types.TracebackType), isinstance(sys._getframe(), types.FrameType))
