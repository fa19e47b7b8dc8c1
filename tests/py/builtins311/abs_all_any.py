print(abs(-3), abs(3.5), abs(-0.0), abs(-10**30), abs(3+4j), abs(True))
print(abs(float("-inf")))
print(all([]), all([1, 2]), all([1, 0]), all(iter("ab")))
print(any([]), any([0, "", None]), any([0, 1]), any(x > 2 for x in range(4)))
class A:
    def __abs__(self):
        return "absed"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print("TypeError", e)
try:
    all(5)
except TypeError as e:
    print("TypeError", e)
