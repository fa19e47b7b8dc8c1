class Counter(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0

c = Counter()
for w in "a b a c a b".split():
    c[w] = c[w] + 1
print(c)
print(c.get("zz"), "zz" in c)

class Raise(dict):
    def __missing__(self, k):
        raise KeyError("custom " + k)
try:
    Raise()["q"]
except KeyError as e:
    print("KeyError", e)

class NotDict:
    def __missing__(self, k):
        return 1
try:
    NotDict()["a"]
except TypeError as e:
    print("TypeError", e)
