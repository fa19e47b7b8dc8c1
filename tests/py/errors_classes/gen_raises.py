def g():
    yield 1
    raise ValueError("in gen")
for v in g():
    print(v)
