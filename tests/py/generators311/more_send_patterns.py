def coroutine_avg():
    total = count = 0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count
c = coroutine_avg()
next(c)
print(c.send(10), c.send(30), c.send(5))
def g():
    x = yield
    while x:
        x = yield x * 2
it = g()
next(it)
print(it.send(3), it.send(4))
try:
    it.send(0)
except StopIteration:
    print("finished")
