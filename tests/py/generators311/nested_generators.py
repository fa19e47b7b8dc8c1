def counter(n):
    for i in range(n):
        yield i

def pairs(n):
    for i in counter(n):
        for j in counter(i):
            yield (i, j)

print(list(pairs(4)))

def chain(*its):
    for it in its:
        yield from it

print(list(chain(counter(2), "xy", pairs(3))))

def tree(d):
    if d == 0:
        yield "leaf"
        return
    for _ in range(2):
        yield from tree(d - 1)
print(len(list(tree(6))))

def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    squares = (e * e for e in evens)
    return list(squares)
print(pipeline())
