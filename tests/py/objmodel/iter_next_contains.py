class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i

print(list(Count(3)))
print(2 in Count(3), 5 in Count(3))

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), 10 in Seq())

class Cont:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
print(1 in Cont(), 2 not in Cont())

class NotIter:
    __iter__ = None
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError", e)
try:
    3 in 5
except TypeError as e:
    print("TypeError", e)
