print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, int)), isinstance(1, ()))
print(isinstance(1, (str, (float, int))), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(int, (str, int)), issubclass(int, int))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, A), issubclass(A, B), isinstance(A, A))
print(isinstance([], list), isinstance({}, dict), isinstance(b"", bytes), isinstance("", bytes))
try:
    isinstance(1, [int])
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)
