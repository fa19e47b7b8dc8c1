class L(list):
    def append(self, x):
        super().append(x * 10)

l = L([1, 2])
l.append(3)
print(l, len(l), type(l).__name__)
l.extend([4])
print(l)
print(type(l + [1]).__name__, type(l[:1]).__name__)

class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))

d = D(a=1)
d["b"] = 2
print(d)
d.update(c=3)
print(d)

class Dflt(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
dd = Dflt(x=1)
print(dd["x"], dd["y"], dd.get("y"), "y" in dd)
