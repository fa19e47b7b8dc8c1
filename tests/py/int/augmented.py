# augmented assignment operators on int names
x = 10
x += 5
print("+=", x)
x -= 3
print("-=", x)
x *= 4
print("*=", x)
x //= 5
print("//=", x)
x %= 4
print("%=", x)
x **= 5
print("**=", x)
x /= 8
print("/=", x)
y = 7
y -= 20
print("negative:", y)
y //= 2
print("floor div negative:", y)
y %= 5
print("mod negative:", y)
counter = 0
for i in range(100):
    counter += i
print("sum 0..99:", counter)
