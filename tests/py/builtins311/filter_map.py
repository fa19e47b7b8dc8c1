print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
m = map(int, "123")
print(next(m), list(m), list(m))
try:
    map(1, [1])
    print("map lazily accepts non-callable")
    list(map(1, [1]))
except TypeError as e:
    print("TypeError", e)
try:
    filter(None, 5)
except TypeError as e:
    print("TypeError", e)
try:
    map(str)
except TypeError as e:
    print("TypeError", e)
