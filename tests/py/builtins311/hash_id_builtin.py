print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False))
print(hash(-1) == -2, hash(2**61 - 1) == 0, hash((1, 2)) == hash((1, 2)))
print(hash(float("inf")), hash(1.5) == hash(3/2), hash(-2) == -2)
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]) and False, isinstance(id(a), int))
try:
    hash([])
except TypeError as e:
    print("TypeError", e)
try:
    hash({})
except TypeError as e:
    print("TypeError", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)
print(hash(None) == hash(None), hash(frozenset()) == hash(frozenset()))
class H:
    def __hash__(self):
        return 2**100
print(hash(H()) == hash(2**100))
