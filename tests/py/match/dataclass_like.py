# Classes shaped like dataclasses: __match_args__ generated from fields,
# nested patterns, an expression evaluator.
def record(name, fields):
    def __init__(self, *args):
        for f, a in zip(fields, args):
            setattr(self, f, a)
    def __repr__(self):
        return name + "(" + ", ".join(repr(getattr(self, f)) for f in fields) + ")"
    return type(name, (), {"__match_args__": tuple(fields), "__init__": __init__,
                           "__repr__": __repr__})

Num = record("Num", ["value"])
Add = record("Add", ["left", "right"])
Mul = record("Mul", ["left", "right"])
Neg = record("Neg", ["operand"])
Var = record("Var", ["name"])

def simplify(e):
    match e:
        case Add(Num(0), x) | Add(x, Num(0)):
            return simplify(x)
        case Mul(Num(1), x) | Mul(x, Num(1)):
            return simplify(x)
        case Mul(Num(0), _) | Mul(_, Num(0)):
            return Num(0)
        case Neg(Neg(x)):
            return simplify(x)
        case Add(l, r):
            return Add(simplify(l), simplify(r))
        case Mul(l, r):
            return Mul(simplify(l), simplify(r))
        case _:
            return e

def evaluate(e, env):
    match e:
        case Num(v):
            return v
        case Var(n) if n in env:
            return env[n]
        case Var(n):
            raise NameError(n)
        case Add(l, r):
            return evaluate(l, env) + evaluate(r, env)
        case Mul(l, r):
            return evaluate(l, env) * evaluate(r, env)
        case Neg(o):
            return -evaluate(o, env)

exprs = [
    Add(Num(0), Var("x")),
    Mul(Add(Var("x"), Num(0)), Num(1)),
    Mul(Var("y"), Num(0)),
    Neg(Neg(Add(Num(2), Num(3)))),
    Add(Mul(Num(2), Var("x")), Neg(Var("y"))),
]
for e in exprs:
    s = simplify(e)
    print(e, "=>", s, "=", evaluate(s, {"x": 10, "y": 3}))

try:
    evaluate(Var("z"), {})
except NameError as exc:
    print("NameError", exc)

# keyword patterns with the generated classes
match Add(Num(1), Num(2)):
    case Add(left=Num(value=a), right=Num(value=b)):
        print("sum of literals", a + b)
