# keyword-only arguments and nonlocal
def connect(host, *, port=80, secure=False):
    return host + ":" + str(port) + (" secure" if secure else "")
print(connect("a"))
print(connect("b", port=443, secure=True))
def required_kw(*, name):
    return "name=" + name
print(required_kw(name="z"))
def accumulator():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
acc = accumulator()
print(acc(5), acc(10), acc(-3))
def outer():
    x = 1
    def middle():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
        inner()
    middle()
    return x
print(outer())
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def get():
        return n
    return inc, get
inc, get = counter_pair()
inc()
inc()
print(get())
