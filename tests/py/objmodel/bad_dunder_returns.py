class S:
    def __str__(self):
        return 5
class R:
    def __repr__(self):
        return None
class F:
    def __format__(self, spec):
        return 1
class It:
    def __iter__(self):
        return 5
class L:
    def __len__(self):
        return "3"
class H:
    def __hash__(self):
        return "h"
for make, op in [(S, str), (R, repr), (F, format), (It, iter), (L, len), (H, hash)]:
    try:
        op(make())
    except TypeError as e:
        print(make.__name__, "TypeError", e)
class I:
    def __index__(self):
        return 1.5
try:
    [1, 2][I()]
except TypeError as e:
    print("TypeError", e)
