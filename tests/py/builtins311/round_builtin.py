print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(round(2.675, 2), round(1.25, 1), round(1234.5678, -2), round(15, -1), round(25, -1), round(-25, -1))
print(round(7), round(7, 0), type(round(7.0)).__name__, type(round(7.0, 0)).__name__, round(1e300, 2))
print(round(123456789, -3), round(10**30 + 5 * 10**10, -11), round(0.1 + 0.2, 10))
print(round(float("inf"), 2), round(-0.0, 1))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    round("1")
except TypeError as e:
    print("TypeError", e)
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
