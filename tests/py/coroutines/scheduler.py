# A minimal event loop: tasks, sleeping by virtual time, futures, gather.

class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []

    def set_result(self, value):
        self.done = True
        self.result = value
        for cb in self.callbacks:
            cb()

    def __await__(self):
        if not self.done:
            yield self
        return self.result


class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.timers = []

    def call_soon(self, fn):
        self.ready.append(fn)

    def call_at(self, when, fn):
        self.timers.append((when, len(self.timers), fn))

    def run_until_complete(self, coro):
        task = Task(self, coro)
        while not task.done:
            if not self.ready:
                self.timers.sort()
                when, _, fn = self.timers.pop(0)
                self.now = when
                fn()
                continue
            self.ready.pop(0)()
        return task.result


class Task(Future):
    def __init__(self, loop, coro):
        super().__init__()
        self.loop = loop
        self.coro = coro
        loop.call_soon(self.step)

    def step(self, value=None):
        try:
            fut = self.coro.send(value)
        except StopIteration as e:
            self.set_result(e.value)
            return
        fut.callbacks.append(lambda: self.loop.call_soon(lambda: self.step(fut.result)))


loop = Loop()


async def sleep(t, value=None):
    f = Future()
    loop.call_at(loop.now + t, lambda: f.set_result(value))
    return await f


async def gather(*coros):
    tasks = [Task(loop, c) for c in coros]
    return [await t for t in tasks]


async def job(name, delay):
    print(loop.now, "start", name)
    v = await sleep(delay, name * 2)
    print(loop.now, "end", name)
    return v


async def producer(q, n):
    for i in range(n):
        await sleep(1)
        q.append(i)
        print(loop.now, "produced", i)


async def ticker(n):
    for i in range(n):
        yield loop.now
        await sleep(2)


async def main():
    r = await gather(job("a", 3), job("b", 1), job("c", 2))
    print("gathered", r)
    q = []
    await producer(q, 3)
    print("queue", q)
    print("ticks", [t async for t in ticker(3)])
    return loop.now


print("finished at", loop.run_until_complete(main()))
