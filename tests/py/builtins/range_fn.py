# range() with 1, 2, 3 arguments
def show(r):
    out = []
    for i in r:
        out.append(i)
    print(out)
show(range(5))
show(range(0))
show(range(-3))
show(range(2, 7))
show(range(7, 2))
show(range(0, 20, 5))
show(range(0, 21, 5))
show(range(10, 0, -3))
show(range(-1, -10, -2))
show(range(3, 3))
print(range(5))
print(range(1, 5))
print(range(1, 10, 2))
r = range(0, 100, 7)
print(r[0], r[1], r[-1], len(r))
print(14 in r, 15 in r)
print(range(3) == range(0, 3), range(0) == range(5, 5))
