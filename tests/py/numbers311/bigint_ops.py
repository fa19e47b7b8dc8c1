a = 3 ** 200
b = 7 ** 150
print(a)
print(b)
print(a * b)
print(a // b, a % b)
print(divmod(-a, b))
print(a - b * 10**30)
print(pow(a, 3, b), pow(b, 2) == b * b)
f = 1
for i in range(1, 60):
    f *= i
print(f, len(str(f)), str(f)[-14:])
print(int(str(a)) == a, hex(a)[:20], -a // 7, -(a // 7))
print((a ** 2) ** 0.5 == float(a) if False else int(a ** 0.5 if False else 0))
print(a > b, a == 3 ** 200, a < -b, abs(-a) == a, hash(a) == hash(int(str(a))))
print(10**50 // 10**25, 10**50 % (10**25 + 1), (10**50) >> 100, 2**1000 % 1000007)
