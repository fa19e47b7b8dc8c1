class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 100)
    def __repr__(self):
        return "MyInt(%d)" % int(self)

a = MyInt(5)
print(a, a + 1, 1 + a, a * 2)
print(type(a * 2).__name__, type(a + 1).__name__)
print(isinstance(a, int), a == 5, hash(a) == hash(5))
print(MyInt("12", 8), MyInt())

class Flag(int):
    pass
f = Flag(3)
print(f, f.bit_length())
print(sorted([MyInt(3), MyInt(1), 2]))
