def add_repr(cls):
    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % kv for kv in sorted(vars(self).items())))
    cls.__repr__ = __repr__
    return cls

@add_repr
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(P(1, "a"), [P(2, 3)])
def add_len(cls):
    cls.__len__ = lambda self: 7
    return cls
@add_len
class Q:
    pass
print(len(Q()))
