class D:
    def __get__(self, obj, owner=None):
        return (obj is None, owner.__name__ if owner else None)

class A:
    x = D()

class B(A):
    pass

print("A.x", A.x)
print("A().x", A().x)
print("B.x", B.x)
print("B().x", B().x)
print("direct", D().__get__(None, A))
