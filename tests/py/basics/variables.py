# assignment and rebinding of names
x = 1
print("x =", x)
x = "now a string"
print("x =", x)
a = b = c = 7
print("chained:", a, b, c)
a = 8
print("after a=8:", a, b, c)
_private = 3
name2 = 4
camelCase = 5
print("names:", _private, name2, camelCase)
first, second = 10, 20
print("unpacked:", first, second)
first, second = second, first
print("swapped:", first, second)
y = x
print("y is x:", y is x)
lst = [1, 2]
alias = lst
alias.append(3)
print("alias shares:", lst)
