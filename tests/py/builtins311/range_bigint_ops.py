# range over ints beyond 64 bits: every operation except len() works.
big = range(10**20)
print(repr(big), big.start, big.stop, big.step)
print(big[0], big[-1], big[10**19], big[-10**20])
for bad in (10**20, -10**20 - 1):
    try:
        big[bad]
    except IndexError as e:
        print("IndexError", e)
print(bool(big), bool(range(10**20, 10**20)))
print(big[2:5], big[::-1][:3], big[10**19::10**18], big[-3:])
print(big[::2][-1], big[1::-2**70])
print(10**19 in big, -1 in big, 10**20 in big, 2.5 in range(3), True in big)
print(big.count(5), big.count(10**21), big.index(10**19 + 7))
try:
    big.index(-1)
except ValueError as e:
    print("ValueError", e)
print(list(range(2**64 - 2, 2**64 + 2)))
print(list(reversed(range(2**64 - 2, 2**64 + 2))))
print(list(range(-2**70, -2**70 - 5, -2)))
it = iter(range(2**65, 2**65 + 3))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
r = range(-10**25, 10**25, 10**24)
print(len(r), r[3], 10**24 in r, r.index(0), r.count(3))
print(range(0, 2**64, 2**63) == range(0, 2**64 - 1, 2**63), range(10**20) == range(10**20 + 1))
print(range(2**70, 2**70) == range(0), range(2**70, 2**70 + 1) == range(2**70, 2**70 + 1, 5))
print(hash(range(10**20)) == hash(range(0, 10**20, 1)), hash(range(2**70, 0)) == hash(range(0)))
print({range(10**20): 1}[range(0, 10**20)])
print(slice(None, None, -1).indices(10**20), slice(-5, 10**30, 2**70).indices(10**20))
print(range(2**63 - 2, 2**63 + 2)[1:3], range(-2**63, 2**63 - 1)[-2:])
print(repr(range(0, 2**64, 2**62)), repr(range(5, -10**20, -3)))
for n in (10**20, 2**63, 2**64):
    try:
        print(len(range(n)))
    except OverflowError as e:
        print("OverflowError", e)
print(len(range(2**63 - 1)), len(range(-2**63 + 1, 0)))
try:
    range(0, 10**20, 0)
except ValueError as e:
    print("ValueError", e)
try:
    big["a"]
except TypeError as e:
    print("TypeError", e)
try:
    big[1:2:0]
except ValueError as e:
    print("ValueError", e)
