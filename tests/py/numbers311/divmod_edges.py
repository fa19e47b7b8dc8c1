for a in [7, -7, 0, 10**30, -10**30]:
    for b in [1, -1, 3, -3, 10**15, -10**15]:
        q, r = divmod(a, b)
        assert q * b + r == a
        print(a, b, q, r)
for a in [7.0, -7.0, 0.0, -0.0, 1e10]:
    for b in [3.0, -3.0, 0.1, float("inf"), float("-inf")]:
        print(repr(a), repr(b), divmod(a, b))
