print(str(), str(1), str(1.5), str([1, "a"]), str(b"x"), str(None))
print(sum([1, 2, 3]), sum([], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1, 2], start=5))
print(sum([1.5, 2, True]), sum([1j, 2]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
try:
    sum(["a"])
except TypeError as e:
    print("TypeError", e)
print(type(1), type("s"), type(None), type(type), type(len), type([].append).__name__)
T = type("T", (), {"v": 3})
print(T.v, T.__name__, type(T()).__name__)
try:
    type("T", 1, {})
except TypeError as e:
    print("TypeError", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError", e)
