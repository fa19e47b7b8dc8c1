class A:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("A.__lt__")
        return NotImplemented
    def __gt__(self, other):
        print("A.__gt__")
        if isinstance(other, A):
            return self.v > other.v
        return NotImplemented
    def __eq__(self, other):
        print("A.__eq__")
        return NotImplemented

print(A(1) < A(2))
print(A(1) == A(1))
a = A(1)
print(a == a)
print(A(1) != A(2))
try:
    A(1) < 3
except TypeError as e:
    print("TypeError", e)
