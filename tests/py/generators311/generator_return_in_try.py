def g():
    try:
        yield 1
        return "from try"
    finally:
        print("finally runs")
        yield "from finally"

it = g()
print(next(it))
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value)

def h():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
print(list(h()))
