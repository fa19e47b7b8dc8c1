class A:
    async def __aenter__(self): pass
async def f():
    async with A(): pass
try:
    f().send(None)
except TypeError as e:
    print(e)
