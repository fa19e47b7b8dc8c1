big = range(10**20)
print(big[-1], 10**19 in big, big[10**19], big[2:5])
r = range(-10**25, 10**25, 10**24)
print(len(r), r[3], 10**24 in r, r.index(0))
try:
    len(range(10**20))
except OverflowError as e:
    print("OverflowError", e)
