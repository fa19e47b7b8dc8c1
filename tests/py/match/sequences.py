# Sequence patterns.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a} {b}"
        case [a, *_, b] if a == b:
            return f"same ends {a}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
        case _:
            return "not a sequence"

for v in [[], [1], (1, 2), [1, 2, 1], [1, 2, 3, 4], range(5), "ab", b"ab",
          bytearray(b"ab"), {1: 2}, {1, 2}, 7, None, (i for i in range(2))]:
    print(repr(v) if not hasattr(v, "__next__") else "<gen>", "->", seq(v))

# star in every position
for v in [[1, 2, 3, 4, 5], [1, 2], [1]]:
    match v:
        case [*init, last] if len(init) > 2:
            print("init", init, "last", last)
        case [a, *mid, b]:
            print("a", a, "mid", mid, "b", b)
        case [*everything]:
            print("everything", everything)

# starred wildcard: indexing instead of unpacking
match [10, 20, 30, 40]:
    case [a, b, *_, z]:
        print(a, b, z)

match (1, (2, 3), [4, [5, 6]]):
    case (a, (b, c), [d, [e, f]]):
        print(a + b + c + d + e + f)

# tuple and list patterns are equivalent
match [1, 2]:
    case (1, 2):
        print("tuple pattern matches list")
match (1, 2):
    case [1, 2]:
        print("list pattern matches tuple")

# subclasses of list/tuple are sequences
class MyList(list):
    pass
match MyList([1, 2]):
    case [x, y]:
        print("mylist", x, y)

# memoryview is a sequence
match memoryview(b"hi"):
    case [a, b]:
        print("memoryview", a, b)

# the star capture is always a list
match (1, 2, 3):
    case (a, *b):
        print(type(b).__name__, b)

# parenthesized and bracketed forms
match [1, [2]]:
    case [1, [2 as two]]:
        print("two is", two)
