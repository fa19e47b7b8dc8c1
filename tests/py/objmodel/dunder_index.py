class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

l = list(range(10))
print(l[I(3)], l[I(-1)])
print(l[I(2):I(5)])
print(bin(I(5)), hex(I(255)), oct(I(8)))
print(range(I(4)))
print("ab" * I(3))
print(int(I(9)) if hasattr(I, "__int__") else "no __int__")
try:
    l[I("x")]
except TypeError as e:
    print("TypeError", e)
try:
    l[3.0]
except TypeError as e:
    print("TypeError", e)
