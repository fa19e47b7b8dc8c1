print(float(), float(1), float("1.5"), float(" -2.25e3 "), float("inf"), float("-Infinity"), float("nan"))
print(float("1_000.5"), float(True), float("0x1p3".replace("0x", "0")) if False else "skip")
print(float(10**20), float(2**53 + 1))
for bad in ["", "abc", "1.2.3", "1__0", "_1", "0x10"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    float([1])
except TypeError as e:
    print("TypeError", e)
class F:
    def __float__(self):
        return 2.5
print(float(F()))
class Idx:
    def __index__(self):
        return 7
print(float(Idx()))
print(float.fromhex("0x1.8p1"), (1.5).hex(), (0.1).as_integer_ratio(), (2.0).is_integer())
