# tuple methods index and count, iteration
t = (3, 1, 3, 2, 3)
print(t.count(3), t.count(9))
print(t.index(2), t.index(3), t.index(3, 1))
total = 0
for v in t:
    total += v
print("sum by loop:", total)
print(sum(t), min(t), max(t), len(t))
words = ("alpha", "beta", "gamma")
for w in words:
    print(w, len(w))
print(", ".join(words))
