def make():
    return (lambda: (yield 1))()
g = make()
print(next(g), type(g).__name__)

def gen_with_default(x=[]):
    x.append(1)
    yield len(x)
print(next(gen_with_default()), next(gen_with_default()))

def yields_expr():
    a = yield
    b = (yield a) + 1
    yield b
y = yields_expr()
print(next(y), y.send(5), y.send(10))
