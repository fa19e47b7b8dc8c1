print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)))
print(list(enumerate("ab", start=-2)), list(enumerate("ab", 10**20)))
e = enumerate(iter([1, 2]))
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print("StopIteration")
print(type(e).__name__, iter(e) is e)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError", e)
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
