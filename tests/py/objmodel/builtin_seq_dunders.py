print("x".__add__("y"), "ab".__mul__(2), "ab".__rmul__(2))
print([1].__add__([2]), [1].__mul__(2), (1,).__add__((2,)), b"a".__add__(b"b"))
l = [1]
print(l.__iadd__([2]), l)
print(str.__add__("a", "b"), list.__add__([1], [2]))
