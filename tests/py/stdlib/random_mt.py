# _random.Random: the Mersenne Twister gives CPython's exact sequences for
# int seeds (small, big, negative, bool), hashed seeds (floats, tuples),
# getrandbits of every size, getstate/setstate round trips; bad input.
import _random

for seed in [0, 1, 5, 42, -5, True, 2**32, 2**32 - 1, 2**100 + 7, 12345678901234567890, 3.5, (1, 2), -1.25]:
    r = _random.Random(seed)
    print(repr(seed)[:24], [r.random() for _ in range(3)], r.getrandbits(7), r.getrandbits(32))
r = _random.Random(2024)
print([r.getrandbits(k) for k in (1, 31, 32, 33, 63, 64, 65, 100, 200)])
st = r.getstate()
print(len(st), st[-1], st[:3])
a = [r.random() for _ in range(700)]
r.setstate(st)
b = [r.random() for _ in range(700)]
print(a == b, a[699])
r.seed(7)
print(r.random(), r.getstate()[-1])
r.seed()
x = r.random()
print(0.0 <= x < 1.0, type(r).__name__)
class Sub(_random.Random):
    def __init__(self, seed, extra):
        self.extra = extra
s = Sub(9, "e")
print(s.random(), s.extra, isinstance(s, _random.Random))
t = tuple([0] * 623 + [2**32 + 3, 1])
r.setstate(t)
print(r.getstate()[623], r.getstate()[-1])
for bad in [lambda: _random.Random(1, 2), lambda: _random.Random(x=1), lambda: r.seed(1, 2),
            lambda: r.getrandbits(-1), lambda: r.getrandbits("a"), lambda: r.getrandbits(2**70),
            lambda: r.setstate(1), lambda: r.setstate((1,)), lambda: r.setstate(tuple([0] * 624 + [625])),
            lambda: r.setstate(tuple([0] * 624 + [-1])), lambda: r.setstate(tuple([0] * 623 + [-1, 1])),
            lambda: r.setstate(tuple([0] * 623 + [2**64, 1])), lambda: r.setstate(tuple([0] * 623 + ["a", 1])),
            lambda: r.random(1), lambda: r.seed([1]), lambda: r.getrandbits()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(r.getrandbits(0))
