# stress/py/array_shared.py -- one array.array shared by threads.
#
# Part 1: mutators append / pop / insert / remove / extend / slice-assign /
# delete on one array('q') of one repeated value.  Each operation is atomic
# (the array's critical section), so none is lost: the final length is
# exactly the items added minus the items removed, and no other value ever
# appears.
#
# Part 2: a writer keeps resizing one array('i') between runs of one value
# (the run's length always in LENS) while readers copy it every way there is
# (bytes(a), tobytes, tolist, a[:], copy, repr, a * 1, array(a), in; not
# list(a), whose iteration may interleave with writes): every copy must be
# a run the array really held, so a read never copies memory a resize freed
# or sees half a write.

from _stress import SCALE, errors, finish, run
from array import array
import copy

MUT_THREADS = 3
MUT_OPS = 2000 * SCALE
shared = array('q', [7] * 100)
balance = [0] * MUT_THREADS


def mutator(tid):
    def body():
        d = 0
        for i in range(MUT_OPS):
            k = (i + tid) % 8
            try:
                if k == 0:
                    shared.append(7)
                    d += 1
                elif k == 1:
                    shared.pop()
                    d -= 1
                elif k == 2:
                    shared.insert(len(shared) // 2, 7)
                    d += 1
                elif k == 3:
                    shared.remove(7)
                    d -= 1
                elif k == 4:
                    shared.extend([7, 7])
                    d += 2
                elif k == 5:
                    shared.extend(array('q', [7, 7, 7]))
                    d += 3
                elif k == 6:
                    shared[0:0] = array('q', [7])
                    d += 1
                else:
                    shared.pop(0)
                    d -= 1
            except (IndexError, ValueError):
                pass   # empty at that moment
        balance[tid] = d
    return body


run([mutator(t) for t in range(MUT_THREADS)])
if len(shared) != 100 + sum(balance):
    errors.append("mutators: length %d, expected %d" % (len(shared), 100 + sum(balance)))
if shared.count(7) != len(shared):
    errors.append("mutators: a value other than 7 appeared")

LENS = (0, 1, 5, 64, 300, 1000)
LENSET = set(LENS)
NREADERS = 3
READS = 150 * SCALE
arr = array('i', [1] * 64)
stop = []
writes = []


def writer():
    i = 0
    while not stop:
        v = i % 9 + 1
        k = i % 5
        n = LENS[i % len(LENS)]
        if k == 0:
            arr[:] = array('i', [v]) * n
        elif k == 1:
            del arr[n:]            # truncate (or keep) to a length in LENS
        elif k == 2:
            arr[:] = array('i', [v] * len(arr))   # same length, rewritten
        elif k == 3:
            arr[:] = array('i', [v]) * 1000
        else:
            arr[:] = array('i')
        junk = array('i', [0]) * (n + 1)   # reuse freed blocks with zeros
        i += 1
    writes.append(i)


def run_ok(seq):
    n = len(seq)
    return n in LENSET and (n == 0 or (seq[0] != 0 and seq.count(seq[0]) == n))


def reader(tid):
    def body():
        bad = []
        for r in range(READS):
            b = bytes(arr)
            for what, v in (
                ("bytes(a)", array('i', b).tolist()),
                ("tobytes", array('i', arr.tobytes()).tolist()),
                ("tolist", arr.tolist()),
                ("a[:]", arr[:].tolist()),
                ("copy", copy.copy(arr).tolist()),
                ("a * 1", (arr * 1).tolist()),
                ("array(a)", array('i', arr).tolist()),
                ("repr", eval(repr(arr)).tolist()),
            ):
                if not run_ok(v):
                    bad.append((what, len(v), v[:3]))
            c = arr[:]
            if not (c == c and c == array('i', c.tolist()) and not c != c):
                bad.append(("==", len(c), []))
            if 0 in arr:
                bad.append(("in", 0, []))
        if bad:
            errors.append("reader %d: %d corrupt reads, e.g. %r" % (tid, len(bad), bad[:3]))
        stop.append(tid)
    return body


run([writer] + [reader(t) for t in range(NREADERS)], on_error=lambda: stop.append(-1))
finish("array_shared", "%d mutators x %d ops (final length %d); %d readers x %d reads vs %d writes"
       % (MUT_THREADS, MUT_OPS, len(shared), NREADERS, READS, sum(writes)))
