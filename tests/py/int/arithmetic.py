# basic int arithmetic
a = 17
b = 5
print("a + b =", a + b)
print("a - b =", a - b)
print("a * b =", a * b)
print("a / b =", a / b)
print("a // b =", a // b)
print("a % b =", a % b)
print("a ** 2 =", a ** 2)
print("b - a =", b - a)
print("0 * a =", 0 * a)
print("a + 0 =", a + 0)
print("10 / 2 =", 10 / 2)
print("isinstance(10/2, float):", isinstance(10 / 2, float))
print("big product:", 123456789 * 987654321)
print("large add:", 4611686018427387903 + 4611686018427387903)
print("sum of negatives:", -1000000007 + -999999937)
