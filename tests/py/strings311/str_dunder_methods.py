print("x".__add__("y"), "abc".__getitem__(slice(1, None)), "ab".__mul__(2))
print("a".__eq__("a"), "a".__lt__("b"), "a".__eq__(1), "ab".__contains__("a"))
print(str.__add__("p", "q"), int.__add__(1, 2), list.__len__([1]))
