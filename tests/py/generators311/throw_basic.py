def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield "recovered"
    finally:
        print("finally in gen")

g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("stopped")
g = gen()
try:
    g.throw(KeyError("before start"))
except KeyError as e:
    print("KeyError", e)
print(list(g))
g = gen()
next(g)
try:
    g.throw(TypeError, TypeError("typed"))
except TypeError as e:
    print("TypeError", e)
