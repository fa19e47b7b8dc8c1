# A set subclass is filled by set.__init__, not by set.__new__ (found by
# tools/fuzz: a subclass whose __init__ ignores its argument hung on
# Tagged(range(-3, 10**20, 7)), because __new__ iterated the range).
class Tagged(set):
    def __init__(self, tag):
        self.tag = tag          # never looks at the set's contents


t = Tagged([1, 2, 3])
print(len(t), t.tag)
class NotIterable:
    def __iter__(self):
        raise RuntimeError("__new__ iterated the argument")


t = Tagged(NotIterable())       # __new__ must not iterate this
print(len(t), type(t.tag).__name__)


class Plain(set):
    pass


print(sorted(Plain([3, 3, 4])))
p = Plain([1])
print(p.__init__([5, 6]), sorted(p))      # __init__ empties, then fills
print(p.__init__(), p)
for args, kw in [((1, 2), {}), ((), {"a": 1})]:
    try:
        Plain(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)

s = {1, 2}
print(s.__init__("ab"), sorted(s))
try:
    set.__init__(s, 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    set.__init__(s, x=1)
except TypeError as e:
    print("TypeError:", e)
print(set("aab") == {"a", "b"}, set() == set([]))


class Counted(set):
    calls = 0

    def __init__(self, *a):
        Counted.calls += 1
        super().__init__(*a)


c = Counted("xyz")
print(sorted(c), Counted.calls)
print(type(c | {1}).__name__, type(frozenset(c)).__name__)
