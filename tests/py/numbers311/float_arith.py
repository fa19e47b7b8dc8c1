vals = [0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, float("inf"), float("-inf"), float("nan")]
for a in vals:
    row = []
    for b in [2.0, -0.5, float("inf")]:
        try:
            row.append((a + b, a - b, a * b, a / b, a // b, a % b))
        except ZeroDivisionError as e:
            row.append("ZDE")
    print(repr(a), row)
print(-7.5 % 2, 7.5 % -2, -7.5 // 2, 0.1 * 3, 1e308 + 1e308, (-1.5) ** 2, 2.0 ** -1, (-8.0) ** 0.5 if False else 0)
try:
    (-8.0) ** 0.5
    print("complex result", type((-8.0) ** 0.5).__name__)
except ValueError as e:
    print("ValueError", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError", e)
print(float("nan") == float("nan"), float("inf") == float("inf"), 0.0 == -0.0)
