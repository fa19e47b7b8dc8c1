print(7 / 2, -7 / 2, 1 / 3, 10**30 / 10**10, 2**1000 / 2**999, 1 / 2**1074 if False else 0)
print(10**400 // 10**399, (10**400) / (10**399))
print(6 / 3, type(6 / 3).__name__, 0 / 5, -0 / 5)
try:
    10**400 / 1
except OverflowError as e:
    print("OverflowError", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(2**53 + 1, float(2**53 + 1), (2**53 + 1) / 1, 1 / (2**53 + 1) > 0)
