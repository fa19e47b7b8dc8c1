class SetOnly:
    def __set__(self, obj, v):
        print("set", v)

class C:
    s = SetOnly()

c = C()
c.s = 1
print(type(c.s).__name__)
c.__dict__["s"] = "inst"
print(type(c.s).__name__)
c.s = 2
print(c.__dict__["s"])
