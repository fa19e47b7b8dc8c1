# `match` and `case` stay usable as names; the subject can be any expression.
match = [1, 2]
case = {"a": 1}
print(match, case)
match[0] = 5
print(match)

def match_fn(*args):
    return args
print(match_fn(1))

match match:
    case [case, *other]:
        print("case =", case, "other =", other)

# tuple subject without parentheses
a, b = 1, 2
match a, b:
    case (1, 2):
        print("tuple subject")

# starred subject
rest = [3, 4]
match 1, *rest:
    case (1, 3, 4):
        print("starred subject")

# subject is evaluated exactly once even with many cases
count = 0
def subj():
    global count
    count += 1
    return count
match subj():
    case 5:
        pass
    case 6:
        pass
    case 7:
        pass
print("evaluations:", count)

# a wildcard default only
match subj():
    case _:
        print("default only, count", count)
