class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print("AttributeError", e)
p.y = 5
print(p.y)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(p, "__dict__"))
print(type(P.x).__name__)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError", e)
