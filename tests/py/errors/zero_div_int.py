# true division of ints by zero
a = 10
b = 0
print("a =", a, "b =", b)
print("a / 2 =", a / 2)
print("about to divide by zero")
print(a / b)
print("not reached")
