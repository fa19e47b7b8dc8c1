# throw() and close() on coroutines suspended inside nested awaits.

class Yield:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        try:
            return (yield self.v)
        finally:
            print("awaitable finally", self.v)


async def inner():
    try:
        got = await Yield("inner")
        return got
    except KeyError as e:
        print("inner caught", repr(e))
        return "recovered"
    finally:
        print("inner finally")


async def outer():
    r = await inner()
    print("outer got", r)
    r2 = await Yield("second")
    return r2


c = outer()
print(c.send(None))
print(c.cr_await is not None, type(c.cr_await).__name__)
print(c.throw(KeyError("k")))
try:
    c.send("last")
except StopIteration as e:
    print("result", e.value)

c = outer()
c.send(None)
c.close()
print("closed", c.cr_await, c.cr_suspended)
c.close()

c = outer()
c.send(None)
try:
    c.throw(ValueError, "v")
except ValueError as e:
    print("propagated", e)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# throw into a never-started coroutine
c = outer()
try:
    c.throw(TypeError("early"))
except TypeError as e:
    print("early", e)


# dealloc of a suspended coroutine runs its finally blocks
async def fin():
    try:
        await Yield("fin")
    finally:
        print("fin finally")

c = fin()
c.send(None)
del c
print("after del")


# Coroutine chains three deep with a value threaded through send().
async def level3():
    return (await Yield(3)) * 3

async def level2():
    return (await level3()) + 2

async def level1():
    return (await level2()) * 10

c = level1()
print(c.send(None))
try:
    c.send(4)
except StopIteration as e:
    print("chain", e.value)
