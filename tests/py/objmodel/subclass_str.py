class S(str):
    def shout(self):
        return self.upper() + "!"

s = S("hello")
print(s, s.shout(), len(s), repr(s))
print(type(s + "x").__name__, type(s[1:]).__name__, type(s.upper()).__name__)
print(s == "hello", "ell" in s)
d = {s: 1}
print(d["hello"])

class Up(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
u = Up("abc")
print(u, type(u).__name__)
print(str(u), type(str(u)).__name__)
print("%s|%r" % (u, u))
print(f"{u}|{u!r}")
