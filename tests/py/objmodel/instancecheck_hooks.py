class Meta(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        return sub is bool

class IntLike(metaclass=Meta):
    pass

print(isinstance(3, IntLike), isinstance("s", IntLike))
print(issubclass(bool, IntLike), issubclass(int, IntLike))
print(isinstance(3, (str, IntLike)))
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError", e)
