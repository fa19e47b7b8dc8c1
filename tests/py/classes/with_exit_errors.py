def outer():
    x = "outer-x"
    class C:
        x = "class-x"
        def m(self):
            return x
        y = x
    return C
C = outer()
print(C().m(), C.y)
class D:
    v = 1
    try:
        w = [v for _ in range(2)]
    except NameError as e:
        w = str(e)
print(D.w)
class E:
    def f(self):
        class F:
            def g(self):
                return __class__.__name__, super().__class__.__name__
        return F().g()
print(E().f())
def gen_expr_stack():
    x = [1, (yield from iter([5, 6])), 3]
    return x
g = gen_expr_stack()
print(next(g), next(g))
try:
    g.send("S")
except StopIteration as e:
    print("stop", e.value)
def loopwith():
    out = []
    for i in range(4):
        try:
            with open_cm(i):
                if i == 1:
                    continue
                if i == 3:
                    break
                out.append(i)
        finally:
            out.append("f%d" % i)
    return out
class open_cm:
    def __init__(self, i): self.i = i
    def __enter__(self): return self
    def __exit__(self, *a): print("exit", self.i)
print(loopwith())
def g2():
    try:
        yield 1
    except ValueError:
        yield "handled"
    yield from ()
it = g2(); print(next(it), it.throw(ValueError), list(it))
class G:
    def __iter__(self):
        yield from range(3)
print(list(G()), sum(x for x in G()))
print(type((i for i in ())).__name__, (lambda: (yield))().__class__.__name__)
class H:
    global hx
    hx = 5
    del hx
    z = 1
    del z
print(hasattr(H, "z"))
