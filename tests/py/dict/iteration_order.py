# dicts preserve insertion order
d = {}
for k in ["zeta", "alpha", "mu", "beta"]:
    d[k] = len(k)
print(d)
for k in d:
    print(k, d[k])
d["alpha"] = 99
print("updating keeps position:", d)
del d["zeta"]
d["zeta"] = 0
print("re-inserted goes last:", d)
n = {}
for i in range(10, 0, -1):
    n[i] = i * i
print(n)
keys = []
for k in n:
    keys.append(k)
print(keys)
