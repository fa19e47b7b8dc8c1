# missing attribute on an int
n = 5
print("n =", n)
n.foo()
