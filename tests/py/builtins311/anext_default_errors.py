# anext() with a default over async generators and awaitables; error messages.
async def agen():
    yield 1
    yield 2

class NoNext:
    def __aiter__(self):
        return 5

async def main():
    g = agen()
    print(await anext(g), await anext(g, "d"), await anext(g, "d"), await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    aw = anext(agen(), 0)
    print(type(aw).__name__, await aw)
    it = aiter(agen())
    print(type(it).__name__, [x async for x in it])
    print(await anext(aiter(agen()), (1, 2)))
    g2 = agen()
    await anext(g2)
    await anext(g2)
    print(await anext(g2, [1, 2]))

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

run(main())
for f, args in [(aiter, (5,)), (aiter, (NoNext(),)), (anext, (5,)), (anext, ()),
                (anext, (1, 2, 3)), (aiter, ())]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    anext(agen(), default=1)
except TypeError as e:
    print("TypeError", e)
aw = anext(agen(), "x")
print(aw.send(None) if False else "skip")
try:
    aw.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
aw2 = anext(agen(), "x")
try:
    aw2.throw(ValueError("boom"))
except ValueError as e:
    print("ValueError", e)
