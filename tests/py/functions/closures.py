# closures: nested functions capturing variables
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def outer():
    x = "outer"
    def inner():
        return x
    x = "rebound before call"
    return inner()
print(outer())
def make_multipliers():
    result = []
    for i in range(3):
        def m(x, i=i):
            return x * i
        result.append(m)
    return result
for f in make_multipliers():
    print(f(10))
def late_binding():
    fs = []
    for i in range(3):
        def g():
            return i
        fs.append(g)
    return fs
for g in late_binding():
    print("late:", g())
