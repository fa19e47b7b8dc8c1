# reading an undefined name
y = 1
print("y =", y)
def f():
    return y + x
print("calling f")
print(f())
