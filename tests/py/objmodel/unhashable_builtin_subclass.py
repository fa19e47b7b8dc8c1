# Subclasses of the unhashable builtins stay unhashable: list, dict, set and
# bytearray carry __hash__ = None, which the subclass inherits (found by
# tools/fuzz: a set subclass was hashable, so min(L, key=hash) went on to a
# __hash__ that appended to L and never ended).
for base in (list, dict, set, bytearray, frozenset, tuple, int, str, bytes, object):
    C = type("C", (base,), {})
    try:
        h = hash(C())
        print(base.__name__, "hashable", type(h).__name__)
    except TypeError as e:
        print(base.__name__, "TypeError:", e)
    print(" ", "__hash__" in base.__dict__, base.__dict__.get("__hash__", "absent") is None,
          base.__hash__ is None, getattr(base(), "__hash__") is None)


class MySet(set):
    def __iter__(self):
        return iter([1])


for v in (MySet({1, 2}), [MySet()], (1, MySet())):
    try:
        print(hash(v))
    except TypeError as e:
        print("TypeError:", e)
try:
    {MySet(): 1}
except TypeError as e:
    print("TypeError:", e)


class Keyed(list):
    __hash__ = object.__hash__      # a subclass may opt back in


print(type(hash(Keyed())).__name__, len({Keyed(): 1, Keyed(): 2}))


class Deeper(Keyed):
    pass


print(type(hash(Deeper())).__name__)


class NoEq(dict):
    def __eq__(self, o):
        return True


print(NoEq.__dict__["__hash__"], "__hash__" in dict.__dict__)
try:
    hash(NoEq())
except TypeError as e:
    print("TypeError:", e)
