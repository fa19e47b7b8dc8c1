print(bool(), bool(0), bool(0.0), bool(0j), bool(""), bool([]), bool({}), bool(()), bool(set()))
print(bool(1), bool(-1), bool(" "), bool([0]), bool(None), bool(range(0)), bool(range(1)))
print(True + True, True * 3, True / 2, -True, ~True, True & False, True | False, True ^ True)
print(type(True & False).__name__, type(True + 0).__name__)
print(repr(True), str(False), int(True), float(False))
print(isinstance(True, int), issubclass(bool, int))
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
print(True == 1, False == 0, True is bool(1), hash(True) == 1)
