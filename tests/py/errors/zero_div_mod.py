# int modulo by zero
print("7 % 3 =", 7 % 3)
print("-7 % 3 =", -7 % 3)
n = 0
print("7 % n ...")
print(7 % n)
