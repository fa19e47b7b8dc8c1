# min() and max() with args, iterables and key=
print(min(3, 1, 2), max(3, 1, 2))
print(min([5, 9, -1]), max([5, 9, -1]))
print(min((2.5, 1.5)), max((2.5, 1.5)))
print(min("hello"), max("hello"))
print(min(["pear", "fig", "apple"]), max(["pear", "fig", "apple"]))
print(min(1, 2.0), max(1, 1.0), max(1.0, 1))
print(min([3, -7, 5], key=abs), max([3, -7, 5], key=abs))
print(max(["a", "bbb", "cc"], key=len), min(["a", "bbb", "cc"], key=len))
print(max(["x", "yy", "zz"], key=len))
print(min(range(10, 0, -1)), max(range(5)))
print(max({"a": 3, "b": 1}), min({"a": 3, "b": 1}))
def neg(x):
    return -x
print(max(1, 5, 3, key=neg), min(1, 5, 3, key=neg))
print(max([[1, 2], [1, 3], [0, 9]]))
print(min(7, 7.0), max(True, 0))
