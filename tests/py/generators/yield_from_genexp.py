def g(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("got", x)
    return "done"

def outer():
    r = yield from g(3)
    print("r =", r)
    yield from [10, 20]
    return r

print(list(g(4)))
print(list(outer()))
it = g(5)
print(next(it), it.send("hi"), next(it))
print(sum(i * i for i in range(10) if i % 2))
print(list(x + y for x in range(3) for y in "ab" if True) if False else [(x, y) for x in range(2) for y in (x for x in "ab")])
lam = lambda: (yield 7)
print(list(lam()))
def closure(k):
    return (k * i for i in range(3))
print(list(closure(5)))
def deleg():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in deleg():
    print(v)
    break
print(tuple(c for c in "xyz"))
def early():
    yield 1
    return
    yield 2
print(list(early()))
def gen_in_loop():
    for i in range(3):
        while True:
            yield i
            break
print(list(gen_in_loop()))
