# str() of ints
print(str(0))
print(str(-0))
print(str(12345))
print(str(-12345))
print(str(9223372036854775807))
print(str(-9223372036854775807))
print(str(0x10) + "!")
print("len of str(1000000):", len(str(1000000)))
print("concat: " + str(1) + str(2) + str(3))
n = 1
for i in range(20):
    n = n * 3
print("3**20 via loop:", n)
