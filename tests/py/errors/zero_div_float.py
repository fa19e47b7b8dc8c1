# float division by zero
x = 1.5
print("x =", x)
y = x - 1.5
print("y =", y)
print(x / y)
