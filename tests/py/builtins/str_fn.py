# str() as a builtin
print(str(1) + str(2.0) + str(True) + str(None))
print(str([1, "a"]), str((1,)), str({"k": [1]}))
print(str(-0.5), str(1e100), str(10 ** 15))
print(str("x") + str())
print(len(str(range(3))), str(range(3)))
n = 255
print("n is " + str(n) + " and half is " + str(n / 2))
print(str(str(str(5))))
print(str(1 == 1), str(1 == 2))
