# stress/py/set_ops.py -- threads add / discard / test membership on ONE
# shared set.  set.add, set.discard, set.remove, x in s and len(s) are
# atomic in CPython, so:
#   - adds of disjoint ranges from several threads all land (exact final set);
#   - discards of a range shared by all threads remove each item once, and
#     remove() of a shared item raises KeyError in all but one thread;
#   - readers see each item either present or absent, never a crash.

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 6000 * SCALE


s = set()

def adder(tid):
    def add_items():
        for i in range(N):
            s.add(tid * N + i)
            s.add("x%d" % (tid * N + i))
    return add_items

def reader():
    for r in range(2):
        for k in range(0, NTHREADS * N, 5):
            _ = k in s
        _ = len(s)

run([adder(t) for t in range(NTHREADS)] + [reader])
want = set(range(NTHREADS * N)) | {"x%d" % i for i in range(NTHREADS * N)}
if s != want or len(s) != 2 * NTHREADS * N:
    errors.append("add: len %d, expected %d" % (len(s), 2 * NTHREADS * N))

# Everyone discards every string item; then remove() of the ints: exactly
# one remover succeeds per item.
removed = [0] * NTHREADS

def remover(tid):
    def remove_items():
        for i in range(NTHREADS * N):
            s.discard("x%d" % i)
            try:
                s.remove(i)
                removed[tid] += 1
            except KeyError:
                pass
    return remove_items

run([remover(t) for t in range(NTHREADS)])
if s:
    errors.append("remove: %d items left" % len(s))
if sum(removed) != NTHREADS * N:
    errors.append("remove: %d successful removes, expected %d" % (sum(removed), NTHREADS * N))

# Mixed add/discard churn on a small key space, then a final add of all.
def churn(tid):
    def churn_items():
        for i in range(N):
            k = (i * 7 + tid) % 97
            if i & 1:
                s.add(k)
            else:
                s.discard(k)
        for k in range(97):
            s.add(k)
    return churn_items

run([churn(t) for t in range(NTHREADS)])
if s != set(range(97)):
    errors.append("churn: final set wrong (len %d)" % len(s))

finish("set_ops", "%d threads, %d items each" % (NTHREADS, N))
