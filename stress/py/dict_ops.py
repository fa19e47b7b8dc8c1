# stress/py/dict_ops.py -- threads set / delete / read keys of ONE shared
# dict.  d[k] = v, del d[k], d.get(k), k in d, d.pop(k, None),
# d.setdefault(k, v) and len(d) are atomic in CPython (GIL or not), so:
#   - each thread owns a key range; after set + delete rounds the dict holds
#     exactly the expected keys and values;
#   - a key read by another thread is either absent or holds a value some
#     thread wrote for it (never garbage, never a crash);
#   - setdefault racing on one key: every caller gets the same winner;
#   - pop(k) racing on one key: exactly one thread gets the value.

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 16000 * SCALE


d = {}

def owner(tid):
    def own():
        base = tid * N
        for i in range(N):                 # insert (forces resizes)
            d[base + i] = (tid, i)
        for i in range(0, N, 2):           # delete the even keys
            del d[base + i]
        for i in range(1, N, 4):           # overwrite some odd ones
            d[base + i] = (tid, -i)
        for i in range(N):                 # read back our own keys
            v = d.get(base + i)
            want = None if i % 2 == 0 else ((tid, -i) if i % 4 == 1 else (tid, i))
            if v != want:
                raise AssertionError("key %d: %r, expected %r" % (base + i, v, want))
        # string keys too (the str fast path of lookups)
        for i in range(N // 4):
            d["s%d_%d" % (tid, i)] = i
        for i in range(0, N // 4, 3):
            if d.pop("s%d_%d" % (tid, i), None) != i:
                raise AssertionError("pop of own str key lost")
    return own

def snooper():
    # Reads keys other threads are writing: absent or a value written for it.
    for r in range(3):
        for k in range(0, NTHREADS * N, 7):
            v = d.get(k)
            if v is not None:
                t, i = v
                if t * N + abs(i) != k:
                    raise AssertionError("key %d holds %r" % (k, v))
            _ = k in d
        n = len(d)
        if n < 0:
            raise AssertionError("negative len")

run([owner(t) for t in range(NTHREADS)] + [snooper])
expected = {}
for t in range(NTHREADS):
    for i in range(1, N, 2):
        expected[t * N + i] = (t, -i) if i % 4 == 1 else (t, i)
    for i in range(N // 4):
        if i % 3:
            expected["s%d_%d" % (t, i)] = i
if d != expected:
    missing = len(set(expected) - set(d))
    extra = len(set(d) - set(expected))
    errors.append("final dict differs: %d missing, %d extra, len %d vs %d"
                  % (missing, extra, len(d), len(expected)))

# setdefault: all racers see the same stored object.
for round_ in range(50 * SCALE):
    box = {}
    seen = []

    def sd(tag):
        def setdefault_racer():
            seen.append(box.setdefault("k", [tag]))
        return setdefault_racer
    run([sd(t) for t in range(NTHREADS)])
    if len(seen) != NTHREADS or any(s is not seen[0] for s in seen) or box["k"] is not seen[0]:
        errors.append("setdefault: racers saw different values")
        break

# pop: exactly one winner per key.
keys = {i: i for i in range(N)}
won = [[] for _ in range(NTHREADS)]

def popper(tid):
    def pop_keys():
        for i in range(N):
            v = keys.pop(i, None)
            if v is not None:
                won[tid].append(v)
    return pop_keys

run([popper(t) for t in range(NTHREADS)])
allw = sorted(v for w in won for v in w)
if allw != list(range(N)) or keys:
    errors.append("pop: %d values popped for %d keys" % (len(allw), N))

finish("dict_ops", "%d threads, %d keys each" % (NTHREADS, N))
