def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", e)
        yield "inner-recovered"
    finally:
        print("inner finally")

def outer():
    try:
        yield from inner()
        yield "after"
    except ValueError as e:
        print("outer caught", e)
        yield "outer-recovered"

g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
g = outer()
next(g)
print(g.throw(ValueError("v")))
g = outer()
next(g)
g.close()
print("closed")
