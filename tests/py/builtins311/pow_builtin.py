print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(-2, 3), pow(2.0, 0.5), pow(0, 0))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, 100, 10**9 + 7), pow(-3, 3, 5))
print(pow(10, 30), 2 ** 0.5, (-8) ** (1/3) == (-8) ** (1/3), pow(1j, 2))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2.0, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    pow(0.0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(pow(base=2, exp=5), pow(2, exp=3, mod=5))
