# abs()
print(abs(5), abs(-5), abs(0))
print(abs(-2.5), abs(2.5), abs(-0.0))
print(abs(-9223372036854775807))
print(abs(True), abs(False))
print(abs(float("-inf")))
print(abs(3 - 10), abs(10 - 3))
vals = [-3, 1, -4, 1, -5]
total = 0
for v in vals:
    total += abs(v)
print(total)
print(abs(-1e-300))
