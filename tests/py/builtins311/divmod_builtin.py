for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (10**20, 7), (-10**20, 7)]:
    print(a, b, divmod(a, b), a // b, a % b)
for a, b in [(7.5, 2), (-7.5, 2), (7, -2.5), (1e300, 1e-300)]:
    print(a, b, divmod(a, b))
print(divmod(True, 2))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(1j, 1)
except TypeError as e:
    print("TypeError", e)
