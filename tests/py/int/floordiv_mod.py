# floor division and modulo sign rules (result of % has the sign of the divisor)
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5), (1, 7), (-1, 7)]
for p in pairs:
    a, b = p
    print(a, "//", b, "=", a // b, "  ", a, "%", b, "=", a % b)
ok = True
for p in pairs:
    a, b = p
    if (a // b) * b + a % b != a:
        ok = False
        print("identity broken for", a, b)
print("identity a == (a//b)*b + a%b holds:", ok)
print("-1 // 1000000 =", -1 // 1000000)
print("-1000000 % 3 =", -1000000 % 3)
print("1000000 % -3 =", 1000000 % -3)
print("-9223372036854775807 // 2 =", -9223372036854775807 // 2)
print("-9223372036854775807 % 10 =", -9223372036854775807 % 10)
