# The _io class hierarchy, io.py's ABCs over it, and reprs.
import io, _io
for name in ["_IOBase", "_RawIOBase", "_BufferedIOBase", "_TextIOBase", "FileIO", "BytesIO", "StringIO",
             "BufferedReader", "BufferedWriter", "BufferedRandom", "BufferedRWPair", "TextIOWrapper"]:
    cls = getattr(_io, name)
    print(name, [c.__name__ for c in cls.__mro__])
print(_io.IncrementalNewlineDecoder.__mro__)
print(io.UnsupportedOperation.__mro__, io.UnsupportedOperation.__module__)
print(io.BlockingIOError is BlockingIOError, issubclass(BlockingIOError, OSError))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BytesIO, io.BufferedIOBase))
print(issubclass(io.StringIO, io.TextIOBase), issubclass(io.TextIOWrapper, io.IOBase))
print(isinstance(io.BytesIO(), io.IOBase), isinstance(io.StringIO(), io.BufferedIOBase))
print(sorted(n for n in dir(_io) if not n.startswith("__")))
# The abstract bases: their methods and errors.
b = io.IOBase()
for meth in ["seek", "truncate", "fileno"]:
    try:
        getattr(b, meth)(0) if meth != "fileno" else b.fileno()
    except io.UnsupportedOperation as e:
        print(meth, type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
b.close()
print(b.closed)
try:
    b.flush()
except ValueError as e:
    print("flush:", e)
for meth in ["_checkReadable", "_checkWritable", "_checkSeekable"]:
    try:
        getattr(io.IOBase(), meth)()
    except io.UnsupportedOperation as e:
        print(meth, e)
try:
    io.BufferedIOBase().read()
except io.UnsupportedOperation as e:
    print("read:", e)
try:
    io.TextIOBase().write("x")
except io.UnsupportedOperation as e:
    print("write:", e)
print(io.TextIOBase().encoding, io.TextIOBase().newlines, io.TextIOBase().errors)
# A raw stream written in Python gets read/readall/readline/iteration from the bases.
class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data, self.pos = data, 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
r = Raw(b"one\ntwo\nthree")
print(r.read(2), r.readline(), r.readall())
print(list(Raw(b"a\nb\nc")), Raw(b"xyz").read())
print(io.BufferedReader(Raw(b"buffered\nraw\n")).readlines())
class Closing(io.IOBase):
    def close(self):
        print("closing", type(self).__name__)
        super().close()
c = Closing()
del c
with Closing() as c:
    print("in with", c.closed)
print(c.closed)
# the abstract RawIOBase methods raise a bare NotImplementedError()
for meth, arg in (("readinto", bytearray(1)), ("write", b"x")):
    try:
        getattr(io.RawIOBase(), meth)(arg)
    except NotImplementedError as e:
        print(meth, repr(e))
