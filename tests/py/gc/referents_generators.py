# Generators, coroutines and async generators visit their suspended frame:
# locals, cells and the code.
import gc

def has(obj, x):
    return any(r is x for r in gc.get_referents(obj))

def gen(arg):
    local = [arg]
    yield 1
    yield local

payload = [1]
g = gen(payload)
print("created", has(g, payload), has(g, g.gi_code))
next(g)
print("suspended", has(g, payload))
g.close()
print("closed", has(g, payload))

def cellgen(arg):
    def use():
        return arg
    yield use

cg = cellgen(payload)
next(cg)
print("cell local", any(type(r).__name__ == "cell" for r in gc.get_referents(cg)))

async def coro(arg):
    return arg

c = coro(payload)
print("coroutine", has(c, payload), has(c, c.cr_code))
w = c.__await__()
print("coroutine_wrapper", has(w, c))
c.close()

async def agen(arg):
    yield arg

ag = agen(payload)
print("async generator", has(ag, payload))
asend = ag.asend(None)
print("asend", has(asend, ag))
athrow = ag.athrow(ValueError)
print("athrow", has(athrow, ag))
aclose = ag.aclose()
print("aclose", has(aclose, ag))
asend.close()
athrow.close()
aclose.close()
