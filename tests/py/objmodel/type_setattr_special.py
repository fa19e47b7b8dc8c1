class A:
    x = 1
try:
    del A.nope
except AttributeError as e:
    print("AttributeError", e)
A.__name__ = "Z"
print(A.__name__, A, A.__qualname__)
A.__qualname__ = "Q"
print(A, A.__name__)
try:
    A.__name__ = 3
except TypeError as e:
    print(e)
try:
    A.__qualname__ = 3
except TypeError as e:
    print(e)
A.__doc__ = "hi"
print(A.__doc__)
A.__module__ = "mod"
print(A, repr(A()).split(" at")[0])
try:
    A.__mro__ = ()
except AttributeError as e:
    print(e)
try:
    del A.__name__
except TypeError as e:
    print(e)
try:
    print(type.__abstractmethods__)
except AttributeError as e:
    print("AttributeError", e)
try:
    print(A.__abstractmethods__)
except AttributeError as e:
    print("AttributeError", e)
A.__abstractmethods__ = frozenset({"f", "g"})
try:
    A()
except TypeError as e:
    print(e)
A.__abstractmethods__ = frozenset({"f"})
try:
    A()
except TypeError as e:
    print(e)
A.__abstractmethods__ = ()
print(type(A()).__name__)
A.__abstractmethods__ = ["k"]
del A.__abstractmethods__
print(type(A()).__name__)
try:
    del A.__abstractmethods__
except AttributeError as e:
    print("AttributeError", e)
try:
    int.__abstractmethods__ = 1
except TypeError as e:
    print(e)
class B(A): pass
A.__abstractmethods__ = {"q"}
print(type(B()).__name__)
try:
    A()
except TypeError as e:
    print(e)
