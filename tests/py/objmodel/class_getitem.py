class Box:
    def __class_getitem__(cls, item):
        return ("Box", cls.__name__, item)

class Sub(Box):
    pass

print(Box[int])
print(Sub[str, int])
print(list[int])
print(dict[str, list[int]])
print(type(list[int]).__name__)
print(tuple[int, ...])
try:
    object[int]
except TypeError as e:
    print("TypeError", e)
