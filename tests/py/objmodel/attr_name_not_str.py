# The attribute special methods called directly with a name that is not a
# str raise TypeError (found by tools/fuzz under ASan: int.__getattribute__
# (1, 5) read past the end of a buffer while formatting the error).
class K:
    pass


calls = [
    "object.__getattribute__(1, False)", "int.__getattribute__(1, 5)",
    "object.__getattribute__(K(), None)", "type.__getattribute__(int, 3)",
    "object.__setattr__(K(), 1, 2)", "object.__delattr__(K(), b'x')",
    "K().__getattribute__(2.5)", "K().__setattr__((1,), 0)", "K().__delattr__(K)",
    "getattr(1, 5)", "setattr(K(), 1, 2)", "delattr(K(), None)",
    "object.__getattribute__(1, 'nope')", "object.__getattribute__(1, 'real')",
]
for call in calls:
    try:
        print(call, "->", eval(call))
    except (TypeError, AttributeError) as e:
        print(call, "->", type(e).__name__, e)
