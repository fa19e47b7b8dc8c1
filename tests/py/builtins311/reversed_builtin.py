print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
try:
    reversed(iter([1]))
except TypeError as e:
    print("TypeError", e)
r = reversed([1, 2])
print(next(r), next(r), next(r, "end"))
