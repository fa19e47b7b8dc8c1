# stress/py/bytearray_reads.py -- reads of ONE bytearray while another
# thread keeps resizing it, then several threads mutating one bytearray.
#
# Part 1: the writer only ever stores a run of one repeated letter whose
# length is in LENS (slice assignment, truncation, ba *= 2, clear), so every
# value the bytearray ever holds is such a run.  Readers copy it every way
# there is (bytes(ba), ba[:], ba.copy(), decode, hex, join, translate,
# upper, bytearray(ba), ba + b'', ba * 1, %-format, memoryview-free compare,
# int.from_bytes, count) and check that each result is a value it really
# held: a mixed run, a byte that is no letter or a length not in LENS means
# the read copied memory the resize had freed.  Under a GIL every read is
# atomic; without one each read must hold the bytearray's lock for its copy.
#
# Part 2: threads append / pop / insert / remove / extend on one bytearray
# of one repeated byte.  Each mutation resolves its index against the size
# inside the lock, so none is lost: the final length is exactly the number
# of bytes added minus the number removed.

from _stress import SCALE, errors, finish, run

LETTERS = b"abcdefghijklmnopqrstuvwxyz"
LENS = (0, 1, 7, 64, 300, 1024, 2048, 4096)
LENSET = set(LENS)
NREADERS = 3
READS = 300 * SCALE

ba = bytearray(b"a" * 64)
stop = []
writes = []


def uniform(b, alphabet=LETTERS):
    """b is a run of one byte of alphabet with a length in LENS."""
    n = len(b)
    if n not in LENSET:
        return False
    return n == 0 or (b[0] in alphabet and b.count(b[0]) == n)


def writer():
    global ba
    i = 0
    while not stop:
        c = LETTERS[i % 26]
        k = i % 7
        if k == 0:
            ba[:] = bytes([c]) * LENS[i % len(LENS)]
        elif k == 1:
            del ba[LENS[i % 4]:]          # truncate to a smaller length in LENS
        elif k == 2:
            if len(ba) <= 2048 and len(ba) in (1024, 2048):
                ba *= 2                   # 1024 -> 2048 -> 4096
        elif k == 3:
            ba.clear()
        elif k == 6:
            ba[:] = bytes([c]) * 4096
        elif k == 4:
            ba[:] = bytes([c]) * LENS[(i * 7) % len(LENS)]
        else:
            ba[:] = bytes([c]) * len(ba)   # same length: rewritten in place
        # Reuse the blocks a resize just freed, with zeros: a read that
        # copies freed memory then sees bytes that are no letter.
        junk = bytes(LENS[i % len(LENS)] + 1)
        i += 1
    writes.append(i)


def reader(tid):
    def read_loop():
        bad = []
        upper = LETTERS.upper()
        for r in range(READS):
            for what, v, ok in (
                ("bytes(ba)", bytes(ba), uniform),
                ("ba[:]", ba[:], uniform),
                ("ba.copy()", ba.copy(), uniform),
                ("bytearray(ba)", bytearray(ba), uniform),
                ("b''.join([ba])", b"".join([ba]), uniform),
                ("ba.translate(None)", ba.translate(None), uniform),
                ("ba.upper()", ba.upper(), lambda b: uniform(b, upper)),
                ("ba + b''", ba + b"", uniform),
                ("b'' + ba", b"" + ba, uniform),
                ("ba * 1", ba * 1, uniform),
                ("b'%b' % ba", b"%b" % ba, uniform),
                ("ba.decode()", ba.decode().encode(), uniform),
                ("ba.hex()", bytes.fromhex(ba.hex()), uniform),
                ("ba.strip(b'')", ba.strip(b"!"), uniform),
                ("ba.split()[0]", (ba.split() or [b""])[0], uniform),
                ("bytes(ba[::1])", bytes(ba[::1]), uniform),
            ):
                if not ok(v):
                    bad.append((what, len(v), bytes(v[:8])))
            n = ba.count(ba[:1] or b"a")
            if n not in LENSET:
                bad.append(("ba.count", n, b""))
            x = int.from_bytes(ba, "big")
            b = x.to_bytes((x.bit_length() + 7) // 8, "big")
            if b and not (b.count(b[0]) == len(b) and b[0] in LETTERS):
                bad.append(("int.from_bytes", len(b), b[:8]))
        if bad:
            errors.append("reader %d: %d corrupt reads of %d, e.g. %r"
                          % (tid, len(bad), READS * 18, bad[:3]))
        stop.append(tid)
    return read_loop


run([writer] + [reader(t) for t in range(NREADERS)], on_error=lambda: stop.append(-1))

# ---- part 2: concurrent mutators ------------------------------------------

MUT_THREADS = 3
MUT_OPS = 3000 * SCALE
shared = bytearray(b"x" * 100)
balance = [0] * MUT_THREADS   # bytes added minus bytes removed, per thread


def mutator(tid):
    def body():
        d = 0
        for i in range(MUT_OPS):
            k = (i + tid) % 6
            try:
                if k == 0:
                    shared.append(120)
                    d += 1
                elif k == 1:
                    shared.pop()
                    d -= 1
                elif k == 2:
                    shared.insert(len(shared) // 2, 120)
                    d += 1
                elif k == 3:
                    shared.remove(120)
                    d -= 1
                elif k == 4:
                    shared.extend(b"xx")
                    d += 2
                else:
                    shared.pop(len(shared) - 1)
                    d -= 1
            except (IndexError, ValueError):
                pass   # empty at that moment (pop index may be stale: -1)
        balance[tid] = d
    return body


run([mutator(t) for t in range(MUT_THREADS)])
if len(shared) != 100 + sum(balance):
    errors.append("mutators: length %d, expected %d" % (len(shared), 100 + sum(balance)))
if shared.count(b"x") != len(shared):
    errors.append("mutators: a byte other than 'x' appeared")

finish("bytearray_reads", "%d readers x %d reads vs a resizing writer (%d writes); %d mutators x %d ops"
       % (NREADERS, READS, sum(writes), MUT_THREADS, MUT_OPS))
