class A:
    def __hash__(self):
        return 42
class B(A):
    def __eq__(self, o):
        return True
class C(A):
    pass
print(hash(C()))
print(B.__hash__)
try:
    hash(B())
except TypeError as e:
    print("TypeError", e)
class D(B):
    __hash__ = A.__hash__
print(hash(D()))
class E:
    __eq__ = object.__eq__
print(E.__hash__ is None)
