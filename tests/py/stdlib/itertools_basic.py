# itertools: the infinite iterators, the filtering and mapping ones,
# islice and zip_longest, with their reprs and edge cases.
import itertools as it
import operator

print("count", list(it.islice(it.count(), 4)), list(it.islice(it.count(10, 5), 3)))
print("count float", list(it.islice(it.count(1.5, 0.5), 3)), list(it.islice(it.count(start=-2, step=-1), 3)))
print("count big", list(it.islice(it.count(2**63 - 2), 4)), list(it.islice(it.count(2**70, 2**70), 2)))
c = it.count(5)
next(c)
print("count repr", repr(c), repr(it.count(1.5)), repr(it.count(3, 1)), repr(it.count(3, 2)),
      repr(it.count(1, 1.0)), repr(it.count(1j)), repr(it.count(True)))
c = it.count(2**63 - 2)
next(c); next(c)
print("count repr big", repr(c), repr(it.count(2**70)))
print("cycle", list(it.islice(it.cycle("abc"), 8)), list(it.cycle([])))
print("repeat", list(it.repeat("x", 3)), list(it.repeat(1, -2)), list(it.islice(it.repeat(None), 2)))
r = it.repeat(7, 2)
print("repeat repr", repr(r), repr(it.repeat([1])), r.__length_hint__(), next(r), r.__length_hint__(), repr(r))
print("accumulate", list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4], max)),
      list(it.accumulate([1, 2, 3], operator.mul, initial=10)), list(it.accumulate([], initial=5)),
      list(it.accumulate("abc")), list(it.accumulate([])))
print("chain", list(it.chain("ab", [1, 2], (), range(2))), list(it.chain()),
      list(it.chain.from_iterable(["xy", [3]])), type(it.chain.from_iterable([])).__name__)
print("compress", list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.compress("abc", [1])),
      list(it.compress(data=range(5), selectors=it.cycle([0, 1]))))
print("dropwhile", list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 4])))
print("takewhile", list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1, 4])))
print("filterfalse", list(it.filterfalse(lambda x: x % 2, range(7))), list(it.filterfalse(None, [0, 1, "", "a"])))
print("starmap", list(it.starmap(pow, [(2, 3), [3, 2]])), list(it.starmap(operator.add, ["ab", "cd"])))
print("pairwise", list(it.pairwise("abcd")), list(it.pairwise("a")), list(it.pairwise([])))
print("islice", list(it.islice("abcdefg", 3)), list(it.islice("abcdefg", 2, None)),
      list(it.islice("abcdefg", 1, 6, 2)), list(it.islice("abcdefg", None)),
      list(it.islice("abcdefg", None, None, 3)), list(it.islice(range(10), 5, 3)))
src = iter(range(10))
print("islice consumes", list(it.islice(src, 2, 4)), next(src))
print("zip_longest", list(it.zip_longest("abc", [1])), list(it.zip_longest("ab", "xyz", fillvalue="-")),
      list(it.zip_longest()), list(it.zip_longest([])))
# subclassing
class MyCount(it.count):
    pass
m = MyCount(3)
print("subclass", next(m), repr(m), isinstance(m, it.count))
# exhaustion is sticky
tw = it.takewhile(lambda x: x < 2, [1, 5, 1])
print("sticky", list(tw), list(tw))
for name in ("count", "cycle", "repeat", "chain", "islice", "groupby", "tee", "product"):
    print(name, type(getattr(it, name)).__name__, getattr(it, name).__module__ if name != "tee" else "")
