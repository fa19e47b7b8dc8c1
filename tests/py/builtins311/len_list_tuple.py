print(len(""), len("abc"), len([1]), len((1, 2)), len({1: 2}), len(set()), len(range(10)), len(b"ab"))
print(len(range(0, 100, 7)), len(range(10, 0, -3)), len("日本"))
print(list(), list("ab"), list((1, 2)), list({"a": 1}), list(range(3)), list(x for x in "xy"))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(2)))
try:
    len(5)
except TypeError as e:
    print("TypeError", e)
try:
    len(iter([1]))
except TypeError as e:
    print("TypeError", e)
try:
    list(5)
except TypeError as e:
    print("TypeError", e)
print(len(range(10**20)) if False else "skip-big")
try:
    len(range(10**20))
except OverflowError as e:
    print("OverflowError", e)
