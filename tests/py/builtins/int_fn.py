# int() as a builtin
print(int("12") + int("30"))
print(int(" -7 "))
print(int(9.99), int(-9.99))
print(int("1010", 2), int("z", 36), int("0x1f", 16), int("0b11", 0))
print(int(True) + int(False))
print(int(1e15))
print(int("0000"))
vals = ["1", "22", "333"]
total = 0
for v in vals:
    total += int(v)
print(total)
print(isinstance(int("5"), int), isinstance(int(5.0), int), int(5.0))
print(int(-0.0))
