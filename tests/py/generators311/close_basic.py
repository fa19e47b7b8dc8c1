def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")

g = gen()
next(g)
g.close()
g.close()
print(list(g))
g = gen()
g.close()
print("closed unstarted")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "nope"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)

def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
r = returns_on_close()
next(r)
print(r.close())
