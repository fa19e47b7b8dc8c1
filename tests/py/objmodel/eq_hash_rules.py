class OnlyEq:
    def __eq__(self, other):
        return True

print(OnlyEq.__hash__)
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError", e)

class EqHash:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, EqHash) and self.v == other.v
    def __hash__(self):
        return hash(self.v)

s = {EqHash(1), EqHash(1), EqHash(2)}
print(len(s))

class Child(OnlyEq):
    __hash__ = object.__hash__
print(isinstance(hash(Child()), int))

class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError", e)
print(OnlyEq() == 3, OnlyEq() != 3)
