class AIt:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def main():
    it = aiter(AIt(3))
    print(await anext(it))
    print(await anext(it))
    print(await anext(it))
    print(await anext(it, "default"))
    out = []
    async for v in AIt(2):
        out.append(v)
    print(out)

coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print("done", e.value)
try:
    aiter(5)
except TypeError as e:
    print("TypeError", e)
