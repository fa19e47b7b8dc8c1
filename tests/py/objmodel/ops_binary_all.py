class T:
    def __init__(self, n):
        self.n = n
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
             "lshift", "rshift", "and", "or", "xor", "matmul", "divmod"]:
    def mk(name):
        return lambda self, o: "%s(%s)" % (name, o)
    setattr(T, "__%s__" % name, mk(name))
    setattr(T, "__r%s__" % name, mk("r" + name))
t = T(1)
print(t + 1, t - 1, t * 1, t / 1, t // 1, t % 1, t ** 1)
print(t << 1, t >> 1, t & 1, t | 1, t ^ 1, t @ 1, divmod(t, 1))
print(1 + t, 1 - t, 1 * t, 1 / t, 1 // t, 1 % t, 1 ** t)
print(1 << t, 1 >> t, 1 & t, 1 | t, 1 ^ t, 1 @ t, divmod(1, t))
print(pow(t, 2), pow(2, t))
