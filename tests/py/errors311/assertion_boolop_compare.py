a = 1
assert a and not a == 1
