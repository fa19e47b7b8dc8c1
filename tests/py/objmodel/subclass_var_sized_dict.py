class I(int):
    pass
class S(str):
    pass
class T(tuple):
    pass
for obj in [I(3), S("s"), T((1,))]:
    obj.extra = "x"
    print(type(obj).__name__, obj.extra, obj.__dict__)
