# BufferedReader, BufferedWriter, BufferedRandom and BufferedRWPair.
import io, os
path = "io_buffered_tmp.bin"
with open(path, "wb") as f:
    print(type(f).__name__, repr(f), f.raw, f.mode, f.name)
    print(f.write(b"first line\nsecond line\nthird"), f.tell(), f.raw.tell())
    f.flush()
    print(f.raw.tell(), f.writable(), f.readable(), f.seekable())
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("read:", e)
with open(path, "rb") as f:
    print(type(f).__name__, f.peek(4)[:4], f.read(5), f.read1(3), f.tell())
    print(f.readline(), f.readline(3), f.readline(), f.readline(), f.read())
    print(f.seek(0), f.read(5), f.seek(2, 1), f.read(3), f.seek(-5, 2), f.read(), f.tell())
    f.seek(0)
    print(list(f), f.read(), f.read(10), f.read1())
    f.seek(0)
    b = bytearray(6)
    print(f.readinto(b), b, f.readinto1(memoryview(b)), b)
    f.seek(0)
    print(f.readlines(12))
    try:
        f.write(b"x")
    except io.UnsupportedOperation as e:
        print("write:", e)
print(f.closed)
for meth in ["read", "peek", "readline", "tell", "seek"]:
    try:
        getattr(f, meth)(0) if meth in ("seek", "peek") else getattr(f, meth)()
    except ValueError as e:
        print(meth, type(e).__name__, e)
with open(path, "r+b") as f:
    print(type(f).__name__, f.read(6), f.write(b"LINE"), f.tell(), f.seek(0), f.read(12))
    f.seek(0, 2)
    f.write(b"\nend")
    f.seek(0)
    print(f.read())
    print(f.truncate(5), f.seek(0), f.read())
with open(path, "ab") as f:
    print(type(f).__name__, f.tell(), f.write(b"+appended"))
print(open(path, "rb").read())
with open(path, "wb", buffering=4) as f:
    f.write(b"ab")
    print(os.path.getsize(path), end=" ")
    f.write(b"cdefgh")
    print(os.path.getsize(path), end=" ")
    f.write(b"i")
    print(os.path.getsize(path))
print(open(path, "rb").read())
raw = open(path, "rb", buffering=0)
print(type(raw).__name__, raw.read(3))
raw.close()
# Over in-memory streams.
r = io.BufferedReader(io.BytesIO(b"abc\ndef\n"), 2)
print(r.read(1), r.peek(), r.readline(), r.read())
w = io.BufferedWriter(io.BytesIO(), buffer_size=3)
w.write(b"12")
print(w.raw.getvalue(), end=" ")
w.write(b"345")
print(w.raw.getvalue(), end=" ")
w.flush()
print(w.raw.getvalue())
rnd = io.BufferedRandom(io.BytesIO(b"0123456789"))
print(rnd.read(3), rnd.write(b"abc"), rnd.tell(), rnd.seek(0), rnd.read())
pair = io.BufferedRWPair(io.BytesIO(b"from reader"), io.BytesIO())
print(pair.read(4), pair.peek()[:3], pair.read1(2), pair.write(b"to writer"), pair.readable(), pair.writable())
print(pair.closed)
pair.close()
print(pair.closed)
for args in [(io.BytesIO(), 0), (io.BytesIO(), -1)]:
    try:
        io.BufferedReader(*args)
    except ValueError as e:
        print(e)
class NotReadable(io.RawIOBase):
    def readable(self):
        return False
try:
    io.BufferedReader(NotReadable())
except io.UnsupportedOperation as e:
    print(e)
try:
    io.BufferedWriter(NotReadable())
except io.UnsupportedOperation as e:
    print(e)
d = io.BufferedReader(io.BytesIO(b"x"))
raw = d.detach()
print(type(raw).__name__)
for meth in ["read", "close", "tell"]:
    try:
        getattr(d, meth)()
    except ValueError as e:
        print(meth, e)
print(repr(d))
try:
    io.BufferedReader(io.BytesIO()).read(-2)
except ValueError as e:
    print(e)
try:
    open(path, "rb").seek(0, 3)
except ValueError as e:
    print(e)
os.remove(path)
