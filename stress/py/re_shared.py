# stress/py/re_shared.py -- one compiled pattern, one Scanner and one
# bytearray subject shared by several threads.  A Pattern is immutable, so
# every thread gets exactly the serial results; the Scanner's steps by all
# threads together are the serial sequence of matches (none repeated or
# lost); a bytearray resized by another thread while matches run over it
# never moves under the matcher (the match holds an export: the resize
# fails with BufferError, as CPython's), and every match sees one value it
# really had.

import re

from _stress import SCALE, errors, finish, run

NTHREADS = 4
N = 300 * SCALE

pat = re.compile(r"(?P<key>[a-z]+)(\d*)=(?P<val>\d+|'[^']*')")
text = " ".join("k%d=%d" % (i, i * 7) if i % 3 else "name%d='v %d'" % (i, i) for i in range(N))
expected_all = pat.findall(text)
expected_sub = pat.sub(r"\g<val>:\g<key>", text)

scan_text = " ".join("w%d" % i for i in range(N * NTHREADS))
scanner = re.compile(r"w(\d+)").scanner(scan_text)
scanned = [[] for _ in range(NTHREADS)]

ba = bytearray(b"ab" * 50)
pair = re.compile(rb"(?:ab)*")
stop = []
resizes = [0, 0]


def pattern_user(tid):
    def work():
        for i in range(max(1, N // 60)):
            if pat.findall(text) != expected_all:
                errors.append("findall differs")
            if pat.sub(r"\g<val>:\g<key>", text) != expected_sub:
                errors.append("sub differs")
            m = pat.search(text, len(text) // 2)
            if m is None or m.start() < len(text) // 2:
                errors.append("search from pos went wrong")
    work.__name__ = "pattern_user_%d" % tid
    return work


def scanner_user(tid):
    def work():
        mine = scanned[tid]
        while True:
            m = scanner.search()
            if m is None:
                break
            mine.append(int(m.group(1)))
    work.__name__ = "scanner_user_%d" % tid
    return work


def resizer():
    grow = True
    while not stop:
        try:
            if grow:
                ba.extend(b"ab")
            else:
                del ba[-2:]
            resizes[0] += 1
        except BufferError:
            resizes[1] += 1
        grow = not grow if len(ba) > 4 else True


def bytearray_user(tid):
    def work():
        try:
            for i in range(N):
                m = pair.fullmatch(ba)
                if m is None or len(m.group()) % 2:
                    errors.append("a match over the bytearray saw a torn value")
                for piece in re.findall(rb"ab", ba):
                    if piece != b"ab":
                        errors.append("findall over the bytearray saw a torn value: %r" % (piece,))
        finally:
            if tid == 0:
                stop.append(1)
    work.__name__ = "bytearray_user_%d" % tid
    return work


run([pattern_user(t) for t in range(NTHREADS)] + [scanner_user(t) for t in range(NTHREADS)] +
    [resizer] + [bytearray_user(t) for t in range(2)])
got = sorted(x for s in scanned for x in s)
if got != list(range(N * NTHREADS)):
    errors.append("the scanner's matches were repeated or lost: %d of %d" % (len(got), N * NTHREADS))
for s in scanned:
    if s != sorted(s):
        errors.append("a thread's scanner matches came out of order")

finish("re_shared", "%d threads, %d scanner steps, %d resizes, %d refused" % (
    NTHREADS * 2 + 3, len(got), resizes[0], resizes[1]))
