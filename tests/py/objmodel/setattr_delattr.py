class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)

o = Logged()
o.a = 1
o.b = [2]
print(sorted(o.__dict__))
del o.a
print(sorted(o.__dict__))
setattr(o, "c", 3)
delattr(o, "c")
try:
    del o.zzz
except AttributeError as e:
    print("AttributeError", e)

class Frozen:
    def __setattr__(self, n, v):
        raise AttributeError("frozen " + n)
try:
    Frozen().q = 1
except AttributeError as e:
    print(e)
