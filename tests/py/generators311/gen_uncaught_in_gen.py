def g():
    yield 1
    raise KeyError("from generator")

for v in g():
    print(v)
