it = iter([1])
print(next(it), next(it, "dflt"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    object(1)
except TypeError as e:
    print("TypeError", e)
print(object.__name__, len(object.__bases__), str(o).startswith("<object object at"))
