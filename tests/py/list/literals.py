# list literals and printing
print([])
print([1])
print([1, 2, 3])
print([1, "two", 3.0, None, True])
print([[1, 2], [3, [4, 5]]])
print([[]])
print(["quote's", 'dq"'])
print([-1, -2.5, 0.0])
print(len([]), len([1, 2, 3]), len([[1, 2, 3]]))
x = 5
print([x, x * 2, x * 3])
trailing = [1, 2, 3,]
print(trailing)
print([1, 2] == [1, 2], [1, 2] == [2, 1], [] == [])
print(isinstance([], list))
