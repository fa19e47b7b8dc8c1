# Coroutines driven by hand: send(None) until StopIteration.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, i)
    return total


print(run(add(2, 3)))
print(run(chain(5)))

c = add(1, 2)
print(type(c).__name__)
print(repr(c).startswith("<coroutine object add at 0x"))
print(c.__name__, c.__qualname__, c.cr_code.co_name)
print(c.cr_running, c.cr_await, c.cr_suspended)
print(run(c))


class Suspend:
    """An awaitable that suspends once, yielding a tag to the driver."""
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


async def talker():
    a = await Suspend("first")
    b = await Suspend("second")
    return (a, b)


co = talker()
print(co.send(None))
print(co.cr_suspended, type(co.cr_await).__name__)
print(co.send(10))
try:
    co.send(20)
except StopIteration as e:
    print("returned", e.value)

# A tiny round-robin scheduler.
log = []


async def worker(name, n):
    for i in range(n):
        log.append((name, i))
        await Suspend(name)
    return name + " done"


def schedule(*coros):
    ready = list(coros)
    results = []
    while ready:
        c = ready.pop(0)
        try:
            c.send(None)
        except StopIteration as e:
            results.append(e.value)
        else:
            ready.append(c)
    return results


print(schedule(worker("a", 2), worker("b", 3), worker("c", 1)))
print(log)


async def nested():
    async def inner(x):
        return x * 2
    return await inner(await inner(3))


print(run(nested()))
print(nested.__qualname__, nested().__qualname__ if False else "")


class Outer:
    async def meth(self):
        return "meth"


o = Outer().meth()
print(o.__qualname__)
print(run(o))

# __await__ on a coroutine returns a coroutine_wrapper iterator
async def seven():
    await Suspend("x")
    return 7

w = seven().__await__()
print(type(w).__name__)
print(next(w))
try:
    next(w)
except StopIteration as e:
    print("wrapper result", e.value)
