# sys.getsizeof(dict) counts the key table: it grows exactly when the
# table is resized (after 5, 10, 21 ... items) and clear() gives it back.
# Absolute sizes differ from CPython's (docs/objects.md), so only the
# steps are printed.
import sys

base = sys.getsizeof({})
sizes = []
d = {}
for i in range(22):
    d[i] = i
    sizes.append(sys.getsizeof(d))
steps = [i + 1 for i in range(1, 22) if sizes[i] != sizes[i - 1]]
print(steps, sizes[0] > base, sizes[5] > sizes[4], sizes[10] > sizes[9])
print(sys.getsizeof({i: i for i in range(5)}) == sizes[4], sys.getsizeof(dict.fromkeys(range(8))) == sizes[7])
d.clear()
print(sys.getsizeof(d) == base, {}.__sizeof__() <= base, type({}.__sizeof__()).__name__)
class D(dict):
    pass
print(sys.getsizeof(D(a=1)) >= sys.getsizeof({"a": 1}))
