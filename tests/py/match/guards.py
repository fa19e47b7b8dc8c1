# Guards: evaluated after the captures are bound, in order, only when the
# pattern matched; a failing guard falls through to the next case.
def trace(msg, value=True):
    print("guard:", msg)
    return value

def classify(x):
    match x:
        case int(n) if trace(f"negative? {n}", n < 0):
            return "negative"
        case int(n) if trace(f"even? {n}", n % 2 == 0):
            return "even"
        case int(n):
            return "odd"
        case [a, b] if trace("pair equal?", a == b):
            return "equal pair"
        case [a, b]:
            return "pair"
        case _ if trace("default guard", False):
            return "never"
        case _:
            return "default"

for v in [-3, 4, 7, [1, 1], [1, 2], "x"]:
    print(v, classify(v))

# names bound by a case whose guard failed stay bound (as in CPython)
match (1, 2):
    case (a, b) if a > b:
        pass
    case _:
        print("bound anyway:", a, b)

# guard with a walrus
match [3, 4]:
    case [x, y] if (s := x + y) > 5:
        print("sum", s)

# a guard may raise
def bad():
    raise ValueError("guard failed")
try:
    match 1:
        case 1 if bad():
            print("no")
except ValueError as e:
    print("caught", e)

# guard on the only case
match 5:
    case v if v > 10:
        print("big")
print("done")
