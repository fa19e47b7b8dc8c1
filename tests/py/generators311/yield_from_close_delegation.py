def inner():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("inner GeneratorExit")
        raise
    finally:
        print("inner finally")

def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")

g = outer()
next(g)
g.close()

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
    def close(self):
        print("It.close called")

def deleg():
    yield from It()
d = deleg()
print(next(d))
d.close()
