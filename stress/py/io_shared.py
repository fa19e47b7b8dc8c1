# stress/py/io_shared.py -- _io objects shared by threads.
#
# 1. Threads write whole lines to one BufferedWriter over a file and to one
#    TextIOWrapper over a file (each write() is atomic, as in CPython): every
#    line arrives whole, each writer's lines in order.
# 2. Threads write to one BytesIO and one StringIO while others seek, tell
#    and read them: every line arrives whole.
# 3. A reader thread keeps reading a BufferedReader / TextIOWrapper while
#    another thread closes it: the reader stops with ValueError (never a
#    crash or a freed buffer).
import io
import os
import _stress

N = 200 * _stress.SCALE
WRITERS = 4
base = "/tmp/tandem_io_shared_%d" % os.getpid()


def check_lines(what, data, nl):
    lines = data.split(nl)
    if lines and not lines[-1]:
        lines.pop()
    seen = {}
    for line in lines:
        parts = line.split(b" " if isinstance(line, bytes) else " ")
        if len(parts) != 2 or parts[0] not in seen and len(seen) >= WRITERS:
            _stress.errors.append("%s: torn line %r" % (what, line[:40]))
            return
        seen.setdefault(parts[0], []).append(int(parts[1]))
    for tag, nums in seen.items():
        if nums != list(range(N)):
            _stress.errors.append("%s: writer %r lines out of order or missing" % (what, tag))
    if len(seen) != WRITERS:
        _stress.errors.append("%s: %d writers seen" % (what, len(seen)))


def shared_files():
    bpath, tpath = base + ".bin", base + ".txt"
    bf = open(bpath, "wb", buffering=64)
    tf = open(tpath, "w", buffering=64, encoding="utf-8")

    def writer(tag):
        def body():
            for i in range(N):
                bf.write(b"%s %d\n" % (tag.encode(), i))
                tf.write("%s %d\n" % (tag, i))
        body.__name__ = "writer_" + tag
        return body
    _stress.run([writer(t) for t in "abcd"])
    bf.close()
    tf.close()
    with open(bpath, "rb") as f:
        check_lines("BufferedWriter", f.read(), b"\n")
    with open(tpath, "rb") as f:
        check_lines("TextIOWrapper", f.read(), b"\n")
    os.remove(bpath)
    os.remove(tpath)


def shared_memory():
    bio, sio = io.BytesIO(), io.StringIO()
    done = []

    def writer(tag):
        def body():
            for i in range(N):
                bio.seek(0, 2)
                bio.write(b"%s %d\n" % (tag.encode(), i))
                sio.seek(0, 2)
                sio.write("%s %d\n" % (tag, i))
        body.__name__ = "writer_" + tag
        return body

    def reader():
        while len(done) < 1:
            bio.tell()
            bio.getvalue()
            sio.tell()
            sio.getvalue()
            if len(bio.getvalue()) >= WRITERS * 4 * N:
                break

    def writers():
        _stress.run([writer(t) for t in "abcd"])
        done.append(1)
    _stress.run([writers, reader])
    check_lines("BytesIO", bio.getvalue(), b"\n")
    check_lines("StringIO", sio.getvalue().encode(), b"\n")


def close_while_reading():
    path = base + ".rd"
    with open(path, "wb") as f:
        f.write(b"line\n" * 1000)
    for mode in ("rb", "r"):
        for _ in range(5 * _stress.SCALE):
            f = open(path, mode)
            stopped = []

            def reader():
                try:
                    while True:
                        if not f.readline():
                            f.seek(0)
                except ValueError:
                    stopped.append(1)

            def closer():
                for _ in range(50):
                    f.tell() if not f.closed else None
                f.close()
            _stress.run([reader, closer])
            if stopped != [1]:
                _stress.errors.append("reader of %r did not stop with ValueError" % mode)
    os.remove(path)


shared_files()
shared_memory()
close_while_reading()
_stress.finish("io_shared", "%d lines per writer, %d writers" % (N, WRITERS))
