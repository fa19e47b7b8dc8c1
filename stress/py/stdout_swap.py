# stress/py/stdout_swap.py -- sys.stdout / sys.stderr rebound while print()
# and error reports write to them.  print() looks the stream up once and
# calls its write() several times (objects, separators, end); the stream
# must stay alive until the call is done even when the last other reference
# to it goes away meanwhile.
#
# Part 1 (one thread, so it matters in the gil flavour too): a stream whose
# write() rebinds sys.stdout, dropping the last reference to itself.
# Part 2: a thread rebinds sys.stdout to fresh streams (the old ones die as
# soon as no print() holds them) while two threads print.
# Part 3: the same for sys.stderr while threads' uncaught exceptions are
# reported to it (threading.excepthook).
# Checks: no crash; every write of one print() call reaches the stream the
# call started with, so each thread's writes to each stream form whole
# "a-b-c!\n" records (CPython 3.14 behaves so: it holds a strong reference).
# CPython 3.11 itself crashes in part 1 (it holds a borrowed one), so compare
# with a CPython >= 3.13.
import sys
import threading

from _stress import SCALE, errors, finish, run

REAL_OUT = sys.stdout
REAL_ERR = sys.stderr
N = 300 * SCALE
log = []   # (stream serial, thread ident, text) of every write


class Sink:
    """A stream that logs its writes; with swap_on_write, write() rebinds
    sys.stdout to a fresh Sink, dropping the last other reference to self."""
    serial = 0

    def __init__(self, swap_on_write=False):
        self.swap_on_write = swap_on_write
        Sink.serial += 1
        self.serial = Sink.serial

    def write(self, s):
        log.append((self.serial, threading.get_ident(), s))
        if self.swap_on_write:
            sys.stdout = Sink()
            junk = [Sink() for _ in range(20)]   # reuse the freed memory
            del junk
        return len(s)

    def flush(self):
        pass


def check_log(where):
    """Each thread's writes to one stream must be whole records (two
    threads' calls may interleave on one stream, as in CPython)."""
    texts = {}
    for serial, ident, text in log:
        texts.setdefault((serial, ident), []).append(text)
    for key, parts in texts.items():
        if "".join(parts).replace("a-b-c!\n", ""):
            errors.append("%s: a print() was split across streams: %r" % (where, parts[:8]))
            break
    del log[:]
    return len(texts)


def part1():
    for i in range(N):
        sys.stdout = Sink(swap_on_write=True)
        print("a", "b", "c", sep="-", end="!\n")
    sys.stdout = REAL_OUT
    written = check_log("part1")
    if written != N:
        errors.append("part1: %d streams written, expected %d" % (written, N))


def part2():
    stop = threading.Event()

    def swapper():
        for i in range(N * 20):
            sys.stdout = Sink()
        stop.set()

    def printer():
        while not stop.is_set():
            print("a", "b", "c", sep="-", end="!\n")

    sys.stdout = Sink()
    run([swapper, printer, printer])
    sys.stdout = REAL_OUT
    check_log("part2")


def part3():
    reported = [0]
    target = max(8, N // 20)

    def swapper():
        while reported[0] < target:
            sys.stderr = Sink()

    def fail():
        raise ValueError("expected")

    def raiser():
        for i in range(target):
            t = threading.Thread(target=fail)
            t.start()
            t.join()
            reported[0] += 1

    sys.stderr = Sink()
    run([swapper, raiser])
    sys.stderr = REAL_ERR
    del log[:]


part1()
part2()
part3()
finish("stdout_swap", "%d prints in one thread, then with swapping threads" % N)
