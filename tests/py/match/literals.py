# Value, singleton and literal patterns.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -1 + 2j:
            return "complex"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"

for v in [0, 1, 2, 3, -1, 1.5, 2j, -1 + 2j, "hello", b"bytes", None, True, False,
          0.0, 1.0, "x", [], 4]:
    print(repr(v), describe(v))

# True/False/None use identity, numbers use ==
class Eq:
    def __eq__(self, other):
        print("eq called with", other)
        return True
match Eq():
    case None:
        print("none?")
    case 42:
        print("equal to 42")

# string concatenation and f-less implicit concatenation
match "ab":
    case "a" "b":
        print("concat")

# no case matches: falls through
match 99:
    case 1:
        print("one")
    case 2:
        print("two")
print("after")
