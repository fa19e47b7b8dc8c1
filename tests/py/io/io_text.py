# TextIOWrapper: encodings, newline modes, seek/tell, reconfigure, detach.
import io, os
def show(t):
    print(repr(t.buffer.getvalue()))
t = io.TextIOWrapper(io.BytesIO())
print(repr(t), t.encoding, t.errors, t.line_buffering, t.write_through, t.newlines, t.seekable())
print(t.write("héllo\nwörld\n"), t.tell())
t.flush()
show(t)
t.seek(0)
print(repr(t.read()), t.tell(), t.newlines)
for nl in [None, "", "\n", "\r", "\r\n"]:
    t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=nl)
    t.write("a\nb\r\nc\rd")
    t.flush()
    data = t.buffer.getvalue()
    t.seek(0)
    print(repr(nl), data, t.readlines(), t.newlines)
src = b"one\r\ntwo\rthree\nfour"
for nl in [None, "", "\n", "\r", "\r\n"]:
    t = io.TextIOWrapper(io.BytesIO(src), newline=nl)
    print(repr(nl), [t.readline() for _ in range(5)])
t = io.TextIOWrapper(io.BytesIO(src))
print(list(t))
t = io.TextIOWrapper(io.BytesIO("ä€😀x\ny".encode()), encoding="utf-8")
t._CHUNK_SIZE = 3
print(t._CHUNK_SIZE, repr(t.read(1)), t.tell(), repr(t.read(2)), t.tell(), repr(t.readline()), t.tell(), repr(t.read()))
t.seek(2)
print(repr(t.read()))
t.seek(0)
print(repr(t.read(4)), t.seek(0, 1) if False else t.tell())
for enc, data in [("latin-1", "café"), ("ascii", "plain"), ("latin1", "ÿ"), ("utf8", "ok"), ("UTF-8", "é")]:
    t = io.TextIOWrapper(io.BytesIO(), encoding=enc)
    t.write(data)
    t.flush()
    t.seek(0)
    print(enc, t.encoding, t.buffer.getvalue(), repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
try:
    t.write("é")
    t.flush()
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
t.write("é!")
t.flush()
show(t)
t = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8")
try:
    t.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8", errors="replace")
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b"ok \xff bad"), encoding="utf-8", errors="surrogateescape")
print(repr(t.read()))
for kw in [{"encoding": "no-such-codec"}, {"newline": "x"}, {"newline": 5}, {"encoding": 5}, {"errors": 5}]:
    try:
        io.TextIOWrapper(io.BytesIO(), **kw)
    except (LookupError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(b"abc"))
for args in [(1, 1), (1, 2), (0, 3), (-1,)]:
    try:
        t.seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
print(t.seek(0, 2), t.seek(0, 1), t.seek(0))
t = io.TextIOWrapper(io.BytesIO(), line_buffering=True)
t.write("no newline")
print(t.buffer.getvalue(), end=" ")
t.write(" then\n")
print(t.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO(), write_through=True)
t.write("through")
print(t.buffer.getvalue())
t.reconfigure(line_buffering=True, write_through=False)
print(t.line_buffering, t.write_through)
t.reconfigure(encoding="latin-1")
t.write("é")
t.flush()
print(t.encoding, t.errors, t.buffer.getvalue())
t.reconfigure(newline="\r\n")
t.write("\n")
t.flush()
print(t.buffer.getvalue())
try:
    t.reconfigure(newline="bad")
except ValueError as e:
    print(e)
r = io.TextIOWrapper(io.BytesIO(b"a\nb\nc\n"))
r.readline()
try:
    r.reconfigure(encoding="latin-1")
except io.UnsupportedOperation as e:
    print(e)
b = r.detach()
print(type(b).__name__, repr(r))
try:
    r.read()
except ValueError as e:
    print(e)
t = io.TextIOWrapper(io.BytesIO(b"x\ny\n"))
next(t)
try:
    t.tell()
except OSError as e:
    print(e)
t.close()
print(t.closed)
for meth in ["read", "write", "readline", "tell", "flush"]:
    try:
        getattr(t, meth)("x") if meth == "write" else getattr(t, meth)()
    except ValueError as e:
        print(meth, e)
try:
    io.TextIOWrapper(io.BytesIO()).write(b"bytes")
except TypeError as e:
    print(e)
w = io.TextIOWrapper(io.BufferedWriter(io.BytesIO()))
try:
    w.read()
except io.UnsupportedOperation as e:
    print(e)
rd = io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"r")))
try:
    rd.write("x")
except io.UnsupportedOperation as e:
    print(e)
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines, d.getstate())
d.reset()
print(d.newlines, repr(d.decode("x\r")), d.getstate())
d.setstate((b"", 0))
print(repr(d.decode("y", final=True)))
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("a\r\nb\rc\n", final=True)), d.newlines)
