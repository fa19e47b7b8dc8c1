# + * in == < on lists
a = [1, 2]
b = [3]
print(a + b)
print(a * 3)
print(2 * b)
print([] * 5, a * 0, a * -1)
print(2 in a, 5 in a, 5 not in a)
print([1] in [[1], [2]])
print(a == [1, 2], a != [1, 2])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9])
print([] < [0])
c = a
c += [9]
print(a, c is a)
d = [0]
d *= 3
print(d)
nested = [[0] * 2] * 2
nested[0][0] = 5
print("shared rows:", nested)
print(len(a + b + [4, 5]))
