class OnceIter:
    def __init__(self):
        self.done = False
    def __iter__(self):
        return self
    def __next__(self):
        if self.done:
            raise StopIteration
        self.done = True
        return "once"
o = OnceIter()
print(list(o), list(o))
class GetItemOnly:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return chr(97 + i)
print(list(GetItemOnly()), "".join(GetItemOnly()), sorted(GetItemOnly(), reverse=True))
a, b, c = GetItemOnly()
print(a, b, c)
class KeyErrStops:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrStops())
except KeyError as e:
    print("KeyError", e)
class IterNotIterator:
    def __iter__(self):
        return [1, 2]
try:
    for x in IterNotIterator():
        pass
except TypeError as e:
    print("TypeError", e)
