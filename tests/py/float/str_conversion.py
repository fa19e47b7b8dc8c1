# str()/repr() of floats and string concatenation
x = 2.5
print("x = " + str(x))
print("list: " + str([0.1]))
print(str(1e100))
print(str(1.0e-7))
print(str(123.0))
print(str(-1.25e-10))
print(str(3.0 * 1.1))
print(str(float("inf")) + " " + str(float("-inf")) + " " + str(float("nan")))
print(str(1/7))
print(str(22/7))
print(len(str(1/3)))
values = [0.5, 1.25, 2e20, 3e-20]
print(values)
print((0.1, -0.2))
print({"pi": 3.14})
