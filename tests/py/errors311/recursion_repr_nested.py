l = []
for _ in range(100000):
    l = [l]
repr(l)
