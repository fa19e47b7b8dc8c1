# unary operators on ints
x = 5
print("-x =", -x)
print("+x =", +x)
print("~x =", ~x)
print("--x =", --x)
print("-(-x) =", -(-x))
print("~~x =", ~~x)
print("-0 =", -0)
print("+-x =", +-x)
y = -42
print("-y =", -y, " abs(y) =", abs(y))
print("not x =", not x, " not 0 =", not 0)
print("-True =", -True, " ~True =", ~True, " +False =", +False)
print("-9223372036854775807 =", -9223372036854775807)
