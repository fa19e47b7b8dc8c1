# Capture patterns, wildcards, as-patterns; the subject is evaluated once.
def subject():
    print("evaluating subject")
    return [1, 2, 3]

match subject():
    case [1]:
        print("one")
    case [a, b]:
        print("two", a, b)
    case [a, *rest] as whole:
        print("first", a, "rest", rest, "whole", whole)

match 42:
    case x:
        print("captured", x)
print("x is still", x)

match (1, 2):
    case (_, _):
        print("two wildcards")

match "anything":
    case _:
        print("wildcard default")

def f(v):
    match v:
        case int() as n if n > 10:
            return f"big int {n}"
        case (int() | float()) as n:
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case other:
            return f"other {other!r}"

for v in [5, 50, 2.5, "s", None]:
    print(f(v))

# captures in a function are locals
def g():
    match 7:
        case y:
            pass
    return y
print(g())

# captures in a nested function visible through closures
def h():
    match (3, 4):
        case (p, q):
            pass
    return lambda: p + q
print(h()())
