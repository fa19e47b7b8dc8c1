print(format(3.14159, ".2f"), format(42, "05d"), format("ab", "^6"), format(1234567, ","))
print(format(0.5, "%"), format(1e10, "g"), format(255, "X"), format(-3, "+d"), format(3, " d"))
print(format(12345.678, "_.1f"), format(10**6, "_x"), format("x", "*>4"), format(True))
print(format(None), format([1, 2]), format(1.0), format(1e16), format(1e-5))
try:
    format(1, "q")
except ValueError as e:
    print("ValueError", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError", e)
