class Data:
    def __get__(self, obj, owner):
        return "data-get"
    def __set__(self, obj, value):
        print("data-set", value)

class NonData:
    def __get__(self, obj, owner):
        return "nondata-get"

class C:
    d = Data()
    n = NonData()

c = C()
c.__dict__["d"] = "inst-d"
c.__dict__["n"] = "inst-n"
print("d:", c.d)
print("n:", c.n)
c.d = 5
print("dict d:", c.__dict__["d"])
print("class access d:", C.d)
print("class access n:", C.n)
del c.__dict__["n"]
print("n after del:", c.n)
