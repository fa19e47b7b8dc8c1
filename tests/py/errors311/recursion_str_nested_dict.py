d = {}
for _ in range(100000):
    d = {"k": d}
str(d)
