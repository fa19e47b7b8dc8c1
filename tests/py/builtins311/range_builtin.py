print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(1, 20, 4)
print(r, r[0], r[-1], r[1:3], r[::-1], len(r), 9 in r, 10 in r, r.index(13), r.count(5))
print(range(3) == range(0, 3, 1), range(0) == range(5, 5), hash(range(3)) == hash(range(0, 3)))
print(r.start, r.stop, r.step, list(reversed(range(3))))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError", e)
try:
    r.index(2)
except ValueError as e:
    print("ValueError", e)
