# lambda expressions and closures
square = lambda x: x * x
print(square(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
words = ["banana", "Apple", "cherry"]
print(sorted(words, key=lambda w: w.lower()))
print(max([(1, "b"), (3, "a"), (2, "c")], key=lambda p: p[1]))
def make_scaler(k):
    return lambda v: v * k
triple = make_scaler(3)
print(triple(5), make_scaler(0.5)(9))
fs = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in fs])
late = [lambda: n for n in range(3)]
print([f() for f in late])
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))
