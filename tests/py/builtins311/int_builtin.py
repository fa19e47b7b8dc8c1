print(int(), int(3.9), int(-3.9), int("  42 "), int("-0"), int("1_000"), int(True))
print(int("ff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36), int("10", 2))
print(int(1e20), int("9" * 30))
for s, b in [("12", 1), ("12", 37)]:
    try:
        int(s, b)
    except ValueError as e:
        print("ValueError", e)
for s in ["", "1.5", "0x10", " ", "1__0", "٣"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    int([1])
except TypeError as e:
    print("TypeError", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError", e)
