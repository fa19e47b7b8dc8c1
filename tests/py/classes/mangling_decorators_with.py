class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", self.n, a[0])
        if self.n == "raise":
            raise RuntimeError("from exit")
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print("meta", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(m, name, bases, ns)
class K(metaclass=Meta, flag=1):
    a = 1
    def f(self): pass
try:
    with CM("raise"):
        pass
except RuntimeError as e:
    print("caught", e)
try:
    with CM("raise"):
        1/0
except RuntimeError as e:
    print("caught", e, type(e.__context__).__name__)
def w():
    try:
        with CM("x"):
            return 1
    finally:
        print("finally")
print(w())
def nested_gen():
    x = yield
    while True:
        x = yield x * 2
g = nested_gen(); next(g)
print(g.send(3), g.send(5))
def yf():
    r = yield from nested_sub()
    print("sub returned", r)
def nested_sub():
    yield "a"
    return "R"
print(list(yf()))
class P:
    def __init__(self):
        self.__x = 1
    def __get(self):
        return self.__x
    def call(self):
        return self.__get()
print(P().call(), [n for n in dir(P) if "get" in n])
print([c for c in (x*2 for x in range(3))], list(map(lambda t: t, (i for i in "ab"))))
with CM("last"):
    [][1]
