def src():
    print("src started")
    yield 1
    yield 0
    yield 2
g = (10 // v for v in src())
print("created")
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(next(g, "exhausted"))
try:
    (v for v in 5)
except TypeError as e:
    print("TypeError", e)
gen = (x for x in [1])
print(type(gen).__name__, iter(gen) is gen)
