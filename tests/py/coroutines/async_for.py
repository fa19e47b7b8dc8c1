# async for over async generators and custom async iterators.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Suspend:
    def __await__(self):
        yield "tick"


class Counter:
    """A custom asynchronous iterator."""
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def agen(n):
    for i in range(n):
        await Suspend()
        yield i * 10


async def main():
    async for x in Counter(3):
        print("counter", x)
    async for x in agen(3):
        print("agen", x)
    else:
        print("else ran")
    async for x in agen(5):
        if x == 10:
            continue
        if x == 30:
            break
        print("loop", x)
    else:
        print("not printed")
    total = 0
    async for a in agen(3):
        async for b in Counter(2):
            total += a + b
    print("total", total)
    return "main done"


print(run(main()))

# The number of suspensions passed through to the driver.
def count_ticks(coro):
    n = 0
    try:
        while True:
            coro.send(None)
            n += 1
    except StopIteration as e:
        return n, e.value


async def ret_in_loop():
    async for x in agen(10):
        if x == 20:
            return x


print(count_ticks(ret_in_loop()))


class NoAiter:
    pass


class BadAiter:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


async def loop_over(obj):
    async for x in obj:
        pass

for obj in [NoAiter(), BadAiter(), BadAnext(), [1, 2]]:
    try:
        run(loop_over(obj))
    except TypeError as e:
        print("TypeError:", e)


async def raising():
    yield 1
    raise ValueError("inside")


async def propagate():
    try:
        async for x in raising():
            print("got", x)
    except ValueError as e:
        print("ValueError:", e)

run(propagate())


# async for in a plain (non-async) generator-based iterator with __anext__
class Sync:
    def __init__(self):
        self.items = [1, 2, 3]

    def __aiter__(self):
        return self

    def __anext__(self):
        return Ready(self.items)


class Ready:
    def __init__(self, items):
        self.items = items

    def __await__(self):
        if not self.items:
            raise StopAsyncIteration
        return self.items.pop(0)
        yield


async def sync_loop():
    out = []
    async for v in Sync():
        out.append(v)
    return out

print(run(sync_loop()))
