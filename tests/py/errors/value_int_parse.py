# int() of an invalid literal
print(int("42"))
print(int("ff", 16))
print(int("abc"))
