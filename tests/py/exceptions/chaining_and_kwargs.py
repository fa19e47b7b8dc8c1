def f(x):
    try:
        return 10 / x
    except ZeroDivisionError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", x)
print(f(2), f(0))
try:
    try:
        [][1]
    except KeyError:
        print("no")
except IndexError as e:
    print("outer", repr(e))
def g():
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
try:
    g()
except TypeError as e:
    print(e, repr(e.__context__))
def h(**kw): return kw
print(h(**{'a': 1}, b=2))
try:
    h(a=1, **{'a': 2})
except TypeError as e:
    print(e)
x: int = 5
print(__annotations__)
def d():
    "doc here"
print(d.__doc__)
for i in range(3):
    try:
        if i == 1:
            continue
        print("i", i)
    finally:
        print("f", i)
raise RuntimeError("end")
