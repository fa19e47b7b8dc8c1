# len() on builtin containers
print(len(""), len("abc"), len("日本"))
print(len([]), len([1, [2, 3]]))
print(len(()), len((1,)), len((1, 2, 3)))
print(len({}), len({"a": 1, "b": 2}))
print(len(range(10)), len(range(0)), len(range(2, 10, 3)), len(range(10, 0, -2)))
print(len(range(5, 0)), len(range(-5, 5)))
d = {"a": 1}
print(len(d.keys()), len(d.values()), len(d.items()))
big = [0] * 1000
print(len(big))
s = "ab" * 50
print(len(s))
print(len(str(12345)))
