# stress/py/random_shared.py -- one _random.Random shared by several threads.
# Each call is atomic in CPython, so the draws of all threads together are
# exactly the serial sequence of the seed (no draw repeated, lost or torn),
# and each thread's draws come in the sequence's order.

import _random

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 5000 * SCALE

shared = _random.Random(20240601)
got = [[] for _ in range(NTHREADS)]


def drawer(tid):
    def draw():
        mine = got[tid]
        for i in range(N):
            mine.append(shared.getrandbits(40) if i & 1 else shared.random())
    draw.__name__ = "drawer_%d" % tid
    return draw


run([drawer(t) for t in range(NTHREADS)])
# The serial sequence, drawn as 32-bit words: each random() takes two
# words, each getrandbits(40) two words as well.
serial = _random.Random(20240601)
words = [serial.getrandbits(32) for _ in range(4 * NTHREADS * N)]
pairs = {}
for j in range(0, len(words), 2):
    a, b = words[j], words[j + 1]
    as_float = ((a >> 5) * 67108864.0 + (b >> 6)) * (1.0 / 9007199254740992.0)
    as_bits = a | (b >> 24) << 32
    pairs[as_float] = j
    pairs[as_bits] = j
seen = set()
for g in got:
    pos = []
    for v in g:
        j = pairs.get(v)
        if j is None or j in seen:
            errors.append("a draw is not in the serial sequence, or repeated: %r" % (v,))
            break
        seen.add(j)
        pos.append(j)
    if pos != sorted(pos):
        errors.append("a thread's draws are out of order")
if len(seen) != NTHREADS * N:
    errors.append("%d distinct draws, expected %d" % (len(seen), NTHREADS * N))

finish("random_shared", "%d threads, %d draws each" % (NTHREADS, N))
