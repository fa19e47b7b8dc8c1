class A:
    x = 1
print(type(A.__dict__).__name__)
try:
    A.__dict__["y"] = 1
except TypeError as e:
    print("TypeError", e)
print(A.__dict__["x"], "x" in A.__dict__)
