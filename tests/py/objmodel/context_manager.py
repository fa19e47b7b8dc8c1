class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with CM("a") as v:
    print("body", v)
with CM("b", True):
    raise ValueError("x")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)
with CM("d") as x, CM("e") as y:
    print(x, y)
def f():
    with CM("f"):
        return "ret"
print(f())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
