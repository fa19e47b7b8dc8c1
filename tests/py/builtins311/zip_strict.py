print(list(zip()), list(zip("ab")), list(zip("ab", [1, 2, 3])), list(zip("ab", "cd", "ef")))
print(list(zip("ab", "cd", strict=True)), dict(zip("xy", range(2))))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip("abc", "ab", strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    list(zip("a", "a", "ab", strict=True))
except ValueError as e:
    print("ValueError", e)
try:
    zip(1)
except TypeError as e:
    print("TypeError", e)
a, b = zip(*[(1, 2), (3, 4), (5, 6)])
print(a, b)
