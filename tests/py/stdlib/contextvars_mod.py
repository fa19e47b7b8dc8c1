# contextvars (CPython's contextvars.py over Tandem's _contextvars):
# ContextVar get/set/reset, Token, Context mapping and run, copy_context,
# and bad input; reprs with addresses are not printed.
import contextvars as cv

v = cv.ContextVar("v")
w = cv.ContextVar("w", default=5)
print(v.name, w.get(), v.get("dflt"), repr(cv.Token.MISSING))
t = v.set(1)
print(t.var is v, t.old_value is cv.Token.MISSING, v.get())
ctx = cv.copy_context()
print(len(ctx), ctx[v], list(ctx.keys()) == [v], list(ctx.values()), v in ctx, w in ctx, ctx.get(w), ctx.get(w, 9))
print([k.name for k in ctx], [(k.name, x) for k, x in ctx.items()])

def inside(x):
    v.set(x)
    w.set(x * 2)
    return v.get(), w.get()
c2 = cv.copy_context()
print(c2.run(inside, 42), v.get(), w.get(), c2[v], c2[w])
t2 = v.set(2)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get("unset"), len(cv.copy_context()))
print(cv.Context() == cv.Context(), ctx == cv.copy_context(), len(cv.Context()))

t3 = v.set(3)
c3 = cv.copy_context()
for name, call in [
        ("no name", lambda: cv.ContextVar()), ("bad name", lambda: cv.ContextVar(1)),
        ("two positional", lambda: cv.ContextVar("a", 1)), ("extra kw", lambda: cv.ContextVar("a", default=1, x=2)),
        ("reset non-token", lambda: v.reset(1)), ("bad key", lambda: ctx[1]), ("missing key", lambda: ctx[w]),
        ("Context args", lambda: cv.Context(1)), ("hash", lambda: hash(ctx)), ("run no args", lambda: ctx.run()),
        ("reentry", lambda: ctx.run(ctx.run, len, [])), ("unset", lambda: cv.ContextVar("q").get()),
        ("subclass var", lambda: type("X", (cv.ContextVar,), {})), ("subclass ctx", lambda: type("X", (cv.Context,), {})),
        ("Token()", lambda: cv.Token()), ("get args", lambda: v.get(1, 2)),
        ("other context", lambda: c3.run(v.reset, t3))]:
    try:
        call()
        print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, str(e).split(" at 0x")[0])
v.reset(t3)
try:
    v.reset(t3)
except RuntimeError as e:
    print("twice", str(e).split(" var=")[0])
try:
    w.reset(v.set(7))
except ValueError as e:
    print("different var", str(e).split(" was ")[1])
print(cv.ContextVar[int], cv.Token[int])
import threading
seen = []
def in_thread():
    seen.append(v.get("fresh context"))
th = threading.Thread(target=in_thread)
th.start(); th.join()
print(seen, v.get())
