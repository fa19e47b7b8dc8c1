class Base:
    def __eq__(self, o):
        print("Base.__eq__")
        return "base"
    def __lt__(self, o):
        print("Base.__lt__")
        return "base-lt"

class Sub(Base):
    def __eq__(self, o):
        print("Sub.__eq__")
        return "sub"
    def __gt__(self, o):
        print("Sub.__gt__")
        return "sub-gt"

print(Base() == Sub())
print(Base() < Sub())
print(Sub() == Base())
print(1 == Base())
print(Base() > 1 if False else "skip")

class R:
    def __ge__(self, o):
        return "R.ge"
print(3 <= R())
