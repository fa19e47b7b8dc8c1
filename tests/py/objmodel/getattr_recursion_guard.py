class Lazy:
    def __init__(self):
        self.loaded = {}
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        print("loading", name)
        val = name.upper()
        setattr(self, name, val)
        return val

z = Lazy()
print(z.alpha)
print(z.alpha)
print(hasattr(z, "_private"))
print(getattr(z, "_p", "default"))

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, v):
        setattr(self._t, name, v)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1))
