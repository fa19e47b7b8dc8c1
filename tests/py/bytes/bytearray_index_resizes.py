# An __index__ that resizes the bytearray being sliced or searched: the
# data is read after the index is converted (found by tools/fuzz under
# ASan: heap-use-after-free in B[I():], B[::I()] and I() in B; CPython 3.11
# itself reads the old buffer in `I() in B`, so that one is not compared).
B = bytearray()


def make(grow, value):
    class I:
        def __index__(self):
            if grow:
                B.extend(b"x" * 100)
            else:
                B.clear()
            return value
    return I


for grow in (True, False):
    for value in (0, 2, -1, 100, 120):
        I = make(grow, value)
        for op in ("B[I():]", "B[:I()]", "B[::I()]", "B[I():I()]",
                   "B[I()::2]", "B[-3:I():-1]"):
            B[:] = b"abcde"
            try:
                r = eval(op)
            except (ValueError, IndexError) as e:
                r = "%s: %s" % (type(e).__name__, e)
            print(grow, value, op, r if not isinstance(r, bytearray) else bytes(r)[:12], len(B))

B[:] = b"abc"
print(ord("b") in B, 256 in B if False else None, b"bc" in B, B in B)
try:
    300 in B
except ValueError as e:
    print("ValueError:", e)
