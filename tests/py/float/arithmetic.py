# float arithmetic operators
a = 7.5
b = 2.0
print("a + b =", a + b)
print("a - b =", a - b)
print("a * b =", a * b)
print("a / b =", a / b)
print("a // b =", a // b)
print("a % b =", a % b)
print("a ** b =", a ** b)
print("-a // b =", -a // b)
print("-a % b =", -a % b)
print("a % -b =", a % -b)
print("-a =", -a, " +a =", +a)
print("0.5 ** 0.5 =", 0.5 ** 0.5)
print("1.1 * 3 =", 1.1 * 3)
print("2.0 ** -1 =", 2.0 ** -1)
print("(-8.0) ** 2 =", (-8.0) ** 2)
print("1e308 * 10 =", 1e308 * 10)
print("-1e308 * 10 =", -1e308 * 10)
print("5.0 % 3.0 =", 5.0 % 3.0)
print("-5.0 % 3.0 =", -5.0 % 3.0)
print("5.5 // 1 =", 5.5 // 1)
x = 1.0
x += 0.5
x *= 3
x -= 0.25
x /= 2
print("augmented:", x)
