# isinstance() with single types and tuples of types
print(isinstance(1, int), isinstance(1, float), isinstance(1.0, float))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(True, bool), isinstance(True, int), isinstance(0, bool))
print(isinstance(None, int))
print(isinstance(1, (int, float)), isinstance(1.5, (int, float)), isinstance("1", (int, float)))
print(isinstance([], (tuple, list)), isinstance({}, (list, tuple)))
print(isinstance(3, ()), isinstance(3, (str, (list, int))))
def describe(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, (list, tuple)):
        return "sequence"
    return "other"
for v in [True, 3, 2.5, "x", [1], (2,), {}, None]:
    print(describe(v))
