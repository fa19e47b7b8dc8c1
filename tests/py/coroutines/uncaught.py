# An exception escaping nested coroutines: the traceback shows every frame.

class Yield:
    def __await__(self):
        yield 1


async def deepest():
    await Yield()
    raise ValueError("from deepest")


async def middle():
    return await deepest()


async def top():
    await middle()


c = top()
c.send(None)
print("resumed")
c.send(None)
