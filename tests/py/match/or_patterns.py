# Or-patterns: alternatives binding the same names in different orders.
def f(x):
    match x:
        case (a, b, 0) | (b, a, 1):
            return f"a={a} b={b}"
        case [x1] | (x1, _, _, _):
            return f"x1={x1}"
        case {"k": v} | [{"k": v}]:
            return f"v={v}"
        case 1 | 2 | (3 | 4):
            return "small"
        case str() | bytes():
            return "text"
    return "none"

for v in [(1, 2, 0), (1, 2, 1), [9], (5, 6, 7, 8), {"k": "kv"}, [{"k": "lk"}],
          1, 4, "s", b"b", 5.5]:
    print(repr(v), f(v))

# captures from an or-pattern combined with captures around it
match (1, [2, 3]):
    case (p, [q, r] | (r, q)):
        print(p, q, r)

# rotation of many captures
match (1, 2, 3, 4):
    case (a, b, c, d, 0) | (d, c, b, a):
        print(a, b, c, d)

# or-pattern inside a class pattern with an as
class C:
    __match_args__ = ("v",)
    def __init__(self, v):
        self.v = v
for v in [C(1), C("a"), C(None)]:
    match v:
        case C((int() | str()) as inner):
            print("inner", repr(inner))
        case C(other):
            print("other", other)

# the last alternative may be irrefutable on the last case
match 42:
    case 1 | _:
        print("irrefutable last alternative")
