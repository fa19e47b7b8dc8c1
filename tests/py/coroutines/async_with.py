# async with over custom asynchronous context managers.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Suspend:
    def __await__(self):
        yield "tick"


class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await Suspend()
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        await Suspend()
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress


async def main():
    async with Manager("a") as v:
        print("body", v)
    async with Manager("b", suppress=True):
        raise ValueError("suppressed")
    print("after b")
    try:
        async with Manager("c"):
            raise KeyError("kept")
    except KeyError as e:
        print("caught", e)
    async with Manager("d") as d, Manager("e") as e:
        print("two", d, e)
    for i in range(3):
        async with Manager("loop%d" % i):
            if i == 1:
                continue
            if i == 2:
                break
            print("iteration", i)
    return "done"


print(run(main()))


async def ret():
    async with Manager("r") as v:
        return "returned " + v


print(run(ret()))


class NoAenter:
    pass


class NoAexit:
    async def __aenter__(self):
        return 1


class SyncEnter:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


class SyncExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


async def use(m):
    async with m:
        pass

for m in [NoAenter(), NoAexit(), SyncEnter(), SyncExit()]:
    try:
        run(use(m))
    except TypeError as e:
        print("TypeError:", e)


async def sync_with_in_coro():
    class M:
        def __enter__(self):
            print("sync enter")
        def __exit__(self, *a):
            print("sync exit")
    with M():
        await Suspend()
    return 1

print(run(sync_with_in_coro()))
