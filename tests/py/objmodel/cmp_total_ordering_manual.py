class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    __hash__ = None

vs = [Ver(1, 2), Ver(1, 0, 5), Ver(0, 9), Ver(1, 2, 0)]
print(sorted(vs))
print(max(vs), min(vs))
print(Ver(1) < Ver(2), Ver(2) > Ver(1), Ver(1) >= Ver(1), Ver(3) <= Ver(2))
print(sorted(vs, reverse=True))
