# list index out of range
a = [10, 20, 30]
i = 0
while True:
    print("a[" + str(i) + "] =", a[i])
    i += 1
