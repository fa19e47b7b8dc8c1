# gi_frame / cr_frame / ag_frame and the other generator attributes.
def g(a):
    x = a + 1
    yield x
    y = x * 2
    yield y
    return "done"

it = g(10)
fr = it.gi_frame
print(type(fr).__name__, fr.f_code is it.gi_code, fr.f_code.co_name, fr.f_back)
print(it.gi_running, it.gi_suspended, it.gi_yieldfrom)
print(next(it))
fr = it.gi_frame
print(fr.f_lineno, sorted(fr.f_locals.items()), it.gi_suspended)
print(next(it), it.gi_frame.f_lineno, sorted(it.gi_frame.f_locals.items()))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)
print(it.gi_frame, it.gi_running, it.gi_suspended, it.gi_code.co_name)

def inner():
    me = yield
    print("running inside:", me.gi_running, me.gi_frame.f_code.co_name, me.gi_frame.f_back is not None)
    yield
gen = inner()
next(gen)
gen.send(gen)

def delegate():
    yield from sub
sub = iter([1, 2])
d = delegate()
next(d)
print(d.gi_yieldfrom is sub)

closed = g(1)
closed.close()
print(closed.gi_frame)

async def coro():
    return 1
c = coro()
print(c.cr_frame.f_code.co_name, c.cr_running, c.cr_suspended, c.cr_await)
c.close()
print(c.cr_frame)

async def agen():
    yield 1
a = agen()
print(a.ag_frame.f_code.co_name, a.ag_running)
print("created:", g(0).gi_frame.f_lineno, g(0).gi_frame.f_locals)
