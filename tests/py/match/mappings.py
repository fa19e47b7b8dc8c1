# Mapping patterns.
def m(x):
    match x:
        case {}:
            pass
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"type": t}:
            return f"type {t}"
        case {1: one, **kw}:
            return f"one={one} kw={kw}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"

for v in [{"type": "point", "x": 1, "y": 2},
          {"type": "point", "x": 1},
          {"type": "circle", "r": 3, "color": "red", "z": 0},
          {"type": "square"},
          {1: "a", 2: "b"},
          {},
          [("type", "point")],
          "type",
          None]:
    print(m(v))

# extra keys are allowed; **rest collects them
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **rest}:
        print(sorted(rest.items()))

# **rest with no keys copies the dict
d = {"k": "v"}
match d:
    case {**everything}:
        print(everything, everything is d)

# dict subclasses with __missing__: get() is used, not []
class Default(dict):
    def __missing__(self, key):
        print("missing called")
        return 0
match Default(a=1):
    case {"b": b}:
        print("b", b)
    case {"a": a}:
        print("a", a)

# a subclass whose get is overridden
class Loud(dict):
    def get(self, key, default=None):
        print("get", key)
        return dict.get(self, key, default)
match Loud(x=1, y=2):
    case {"x": x, "y": y}:
        print(x, y)

# attribute (value) keys
class K:
    A = "alpha"
    B = "beta"
match {"alpha": 1, "beta": 2}:
    case {K.A: a, K.B: b}:
        print(a, b)

# numeric keys, negative and complex literals
match {-1: "neg", 2j: "imag", 1.5: "float"}:
    case {-1: n, 2j: i, 1.5: f}:
        print(n, i, f)

# nested mappings and sequences
match {"user": {"name": "ann", "roles": ["admin", "dev"]}}:
    case {"user": {"name": str(name), "roles": [*roles]}}:
        print(name, roles)

# non-dict mappings do not match
match [(1, 2)]:
    case {1: 2}:
        print("wrong")
    case _:
        print("list is not a mapping")
