# Errors around coroutines and await.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def f():
    return 1

c = f()
print(run(c))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

c = f()
try:
    c.send(1)
except TypeError as e:
    print("TypeError:", e)
c.close()


async def await_int():
    return await 5

try:
    run(await_int())
except TypeError as e:
    print("TypeError:", e)


class BadAwait:
    def __await__(self):
        return 42

async def await_bad():
    await BadAwait()

try:
    run(await_bad())
except TypeError as e:
    print("TypeError:", e)


made = []

class CoroAwait:
    def __await__(self):
        made.append(f())
        return made[-1]

async def await_coro():
    await CoroAwait()

try:
    run(await_coro())
except TypeError as e:
    print("TypeError:", e)
made[0].close()

c = f()
try:
    iter(c)
except TypeError as e:
    print("TypeError:", e)

try:
    for x in c:
        pass
except TypeError as e:
    print("TypeError:", e)
c.close()


async def raises_stop():
    raise StopIteration(3)

try:
    run(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


class Yield1:
    def __await__(self):
        yield 1

async def ignore_exit():
    try:
        await Yield1()
    except GeneratorExit:
        await Yield1()

c = ignore_exit()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)


async def catcher():
    try:
        await Yield1()
    except ValueError as e:
        return "caught " + str(e)

c = catcher()
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)


async def awaiting_same(co):
    return await co

async def slow():
    await Yield1()
    return "slow"

s = slow()
a = awaiting_same(s)
a.send(None)
b = awaiting_same(s)
try:
    b.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
b.close()
print(run(a))

for src in ["await x", "def g():\n    await x\n", "def g():\n    async for x in y: pass\n",
            "def g():\n    async with x: pass\n", "async def g():\n    yield from x\n",
            "async def g():\n    yield 1\n    return 2\n", "lambda: await x",
            "class C:\n    await x\n", "def g():\n    [x async for x in y]\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)


# The coroutine is closed at the end: a never-awaited one would make
# CPython warn on stderr when it is collected.
never_awaited = f()


def plain_gen():
    yield from never_awaited

c = plain_gen()
try:
    next(c)
except TypeError as e:
    print("TypeError:", e)
never_awaited.close()
