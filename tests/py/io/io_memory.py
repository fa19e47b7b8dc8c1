# BytesIO and StringIO.
import io
b = io.BytesIO(b"hello\nworld\n")
print(b.read(3), b.read1(2), b.readline(), b.readline(2), b.readlines(), b.read(), b.tell())
print(b.seek(0), list(b), b.seek(-3, 2), b.read(), b.seek(2, 1), b.tell())
print(b.seek(20), b.write(b"!"), b.getvalue())
print(b.truncate(3), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")), b.write(memoryview(b"fg")), b.getvalue())
b.writelines([b"1", b"2"])
print(b.getvalue(), b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
buf = bytearray(4)
b.seek(1)
print(b.readinto(buf), buf, b.readinto(memoryview(buf)[:2]), buf)
v = b.getbuffer()
print(len(v), bytes(v[:3]))
v[0] = ord("Z")
print(b.getvalue()[:3])
for op in [lambda: b.write(b"x"), lambda: b.truncate(1), lambda: b.close()]:
    try:
        op()
    except BufferError as e:
        print(type(e).__name__, e)
v.release()
print(b.write(b"ok"), b.getvalue())
b.seek(0)
b.__init__(b"reinit")
print(b.read(), b.tell())
for op in [lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.truncate(-1), lambda: b.read(1.0), lambda: b.write("s")]:
    try:
        op()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
b.close()
print(b.closed)
for name in ["read", "getvalue", "tell", "readline", "getbuffer", "flush", "isatty", "readable"]:
    try:
        getattr(b, name)()
    except ValueError as e:
        print(name, e)
try:
    b.write(b"x")
except ValueError as e:
    print("write", e)
print(io.BytesIO(bytearray(b"ba")).getvalue(), io.BytesIO(initial_bytes=b"kw").getvalue())
try:
    io.BytesIO("str")
except TypeError as e:
    print(e)
s = io.StringIO("a\nb\r\nc\rd")
print(repr(s.read(2)), repr(s.readline()), repr(s.readline()), repr(s.read()), s.tell(), s.newlines)
s.seek(0)
print(s.readlines(), list(io.StringIO("x\ny")), s.line_buffering, s.encoding, s.errors)
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO(newline=nl)
    s.write("1\n2\r\n3\r4")
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
s = io.StringIO()
print(s.write("héllo"), s.tell(), s.seek(10), s.write("x"), repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell(), s.seek(0, 2), s.seek(0, 1))
s = io.StringIO("abc")
for op in [lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(0, 5),
           lambda: s.truncate(-1), lambda: s.write(b"x"), lambda: io.StringIO(b"x"),
           lambda: io.StringIO("x", newline=5), lambda: io.StringIO("x", newline="a"), lambda: s.read(1.5)]:
    try:
        op()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(s.readable(), s.writable(), s.seekable())
s.close()
print(s.closed)
for name in ["read", "getvalue", "tell", "readline", "readable"]:
    try:
        getattr(s, name)()
    except ValueError as e:
        print(name, e)
s.close()
class Sub(io.StringIO):
    def readline(self, *a):
        return super().readline(*a).upper()
print(list(Sub("a\nb\n")))
class SubB(io.BytesIO):
    pass
sb = SubB(b"sub")
sb.extra = 1
print(sb.read(), sb.extra, type(sb).__name__)
