# for loops over range with 1, 2, 3 arguments
for i in range(4):
    print("range(4):", i)
for i in range(2, 5):
    print("range(2, 5):", i)
for i in range(0, 10, 3):
    print("range(0, 10, 3):", i)
for i in range(5, 0, -1):
    print("range(5, 0, -1):", i)
for i in range(10, -10, -7):
    print("range(10, -10, -7):", i)
for i in range(0):
    print("never")
for i in range(5, 5):
    print("never")
for i in range(3, 1):
    print("never")
total = 0
for i in range(1, 101):
    total += i
print("sum 1..100:", total)
for i in range(-3, 0):
    print("negative start:", i)
