for v in [0, 5, -5, 10**20, -(2**100)]:
    print(str(v), repr(v), "%d" % v, "%x" % v, "%o" % v, "%e" % v, f"{v:,}", f"{v:_x}", f"{v:+}")
print(str(10**4000)[:20], len(str(10**4000)))
print(int("1" * 4000) % 9)
