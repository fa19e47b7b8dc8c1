print(max(1, 2, 3), min(1, 2, 3), max([4, 9, 2]), min("hello"), max("a", "b"))
print(max([], default="empty"), min([], default=None), max([1, 2], default=0))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len))
print(max([(1, "a"), (1, "b")]), max([3, 1, 3], key=lambda x: 0))
print(max(1, 2.5), min(-0.0, 0.0), max(0.0, -0.0))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    min()
except TypeError as e:
    print("TypeError", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError", e)
try:
    max(1, 2, default=3)
except TypeError as e:
    print("TypeError", e)
try:
    max(5)
except TypeError as e:
    print("TypeError", e)
