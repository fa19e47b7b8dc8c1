# reading a local before assignment
x = 10
def f():
    print("inside f")
    print(x)
    x = 20
print("x =", x)
f()
