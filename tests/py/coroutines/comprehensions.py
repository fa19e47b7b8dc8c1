# Asynchronous comprehensions and generator expressions.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Suspend:
    def __await__(self):
        yield "tick"


async def agen(n):
    for i in range(n):
        await Suspend()
        yield i


async def double(x):
    await Suspend()
    return x * 2


async def main():
    print([x async for x in agen(4)])
    print([x async for x in agen(6) if x % 2])
    print({x % 3 async for x in agen(7)})
    print({x: x * x async for x in agen(3)})
    print([await double(x) for x in range(3)])
    print([await double(x) async for x in agen(3)])
    print([(x, y) async for x in agen(2) for y in "ab"])
    print([(x, y) for x in "ab" async for y in agen(2)])
    g = (x + 1 async for x in agen(3))
    print(type(g).__name__)
    print([v async for v in g])
    g2 = (await double(x) for x in [5, 6])
    print(type(g2).__name__, [v async for v in g2])
    return "ok"


print(run(main()))


def not_async():
    # an async generator expression is allowed in a plain function
    return (x async for x in agen(2))

g = not_async()
print(type(g).__name__)


async def consume(ag):
    return [x async for x in ag]

print(run(consume(g)))


async def nested_closure():
    k = 10
    return [x + k async for x in agen(3)]

print(run(nested_closure()))
