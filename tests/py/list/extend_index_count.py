# extend, index, count
a = [1, 2, 3]
a.extend([4, 5])
print(a)
a.extend((6,))
a.extend("ab")
print(a)
a.extend([])
print(len(a))
b = [3, 1, 3, 2, 3]
print(b.index(3))
print(b.index(2))
print(b.index(3, 1))
print(b.count(3), b.count(1), b.count(9))
print(["a", "b", "a"].count("a"))
print([1, 1.0, True].count(1))
c = [[1], [1], [2]]
print(c.count([1]), c.index([2]))
d = [1, 2]
d.extend(d)
print(d)
