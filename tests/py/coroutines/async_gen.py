# Async generators driven with asend / __anext__ / athrow / aclose.

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
        got = yield i
        if got is not None:
            print("got", got)


g = agen(3)
print(type(g).__name__, repr(g).startswith("<async_generator object agen at 0x"))
print(g.__aiter__() is g)
print(g.__name__, g.__qualname__, g.ag_code.co_name, g.ag_running, g.ag_await)
print(run(g.__anext__()))
print(run(g.asend("hello")))
print(run(g.__anext__()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration again")

# The awaitable passes through values yielded by awaits inside the generator.
g = agen(2)
aw = g.__anext__()
print(type(aw).__name__)
print(aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def collect(ag):
    out = []
    while True:
        try:
            out.append(await ag.__anext__())
        except StopAsyncIteration:
            return out


print(run(collect(agen(4))))


async def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


g = with_finally()
print(run(g.__anext__()))
print(run(g.aclose()))
print(run(g.aclose()))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("closed: StopAsyncIteration")


async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield "caught " + str(e)


g = catcher()
print(run(g.__anext__()))
print(run(g.athrow(ValueError("x"))))
print(run(g.__anext__()))
print(run(g.athrow(ValueError, ValueError("y"))))
try:
    run(g.athrow(KeyError("k")))
except KeyError as e:
    print("KeyError", e)
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("finished")


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = stubborn()
run(g.__anext__())
try:
    run(g.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)


async def raises_stop():
    yield 1
    raise StopAsyncIteration

g = raises_stop()
run(g.__anext__())
try:
    run(g.__anext__())
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    next(agen(1))
except TypeError as e:
    print("TypeError:", e)

g = agen(1)
aw = g.__anext__()
aw.send(None)
try:
    run(g.__anext__())
except RuntimeError as e:
    print("RuntimeError:", e)
aw.close()


# empty async generator: a yield that never runs
async def empty():
    return
    yield

try:
    run(empty().__anext__())
except StopAsyncIteration:
    print("empty")
