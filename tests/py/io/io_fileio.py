# FileIO over a descriptor: modes, reads, writes, positions and errors.
import io, os
path = "io_fileio_tmp.bin"
f = io.FileIO(path, "w")
print(f.mode, f.name, f.closefd, f.readable(), f.writable(), f.seekable(), f.isatty())
print(f.write(b"hello world"), f.tell(), f.write(bytearray(b"!")), f.write(memoryview(b"??")))
print(repr(f).startswith("<_io.FileIO name='io_fileio_tmp.bin' mode='wb' closefd=True>"))
try:
    f.read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
f.close()
print(f.closed, repr(f))
f.close()
try:
    f.write(b"x")
except ValueError as e:
    print(e)
f = io.FileIO(path)
print(f.mode, f.read(5), f.read(1), f.tell(), f.readall(), f.read(), f.read(3))
print(f.seek(0), f.seek(3, 0), f.seek(2, 1), f.seek(-2, 2), f.read())
buf = bytearray(4)
f.seek(0)
print(f.readinto(buf), buf, f.readinto(memoryview(buf)[1:3]), buf)
try:
    f.write(b"x")
except io.UnsupportedOperation as e:
    print(e)
try:
    f.readinto(b"abc")
except TypeError as e:
    print(e)
f.close()
with io.FileIO(path, "r+") as f:
    print(f.mode, f.read(5), f.write(b"_"), f.seek(0), f.read())
    print(f.truncate(4), f.seek(0, 2), f.truncate(), f.tell())
with io.FileIO(path, "a") as f:
    print(f.mode, f.tell(), f.write(b"++"))
with io.FileIO(path, "rb+") as f:
    print(f.mode, f.read())
try:
    io.FileIO(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno == 17)
os.remove(path)
with io.FileIO(path, "xb") as f:
    print(f.mode)
with io.FileIO(path, "x+" if False else "a+") as f:
    print(f.mode)
for bad in ["rw", "z", "", "r++", "rb+w"]:
    try:
        io.FileIO(path, bad)
    except ValueError as e:
        print(repr(bad), e)
for bad in [1.5, -1]:
    try:
        io.FileIO(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    io.FileIO(path, "r", closefd=False)
except ValueError as e:
    print(e)
try:
    io.FileIO("no/such/dir/file")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    io.FileIO(".")
except IsADirectoryError as e:
    print(type(e).__name__, e.filename)
keep = io.FileIO(path)
fd = keep.fileno()
f = io.FileIO(fd, closefd=False)
print(f.name == fd, f.closefd, f.fileno() == fd, repr(f) == "<_io.FileIO name=%d mode='rb' closefd=False>" % fd)
f.close()
print(keep.read(3))
calls = []
def opener(name, flags):
    calls.append((name, flags & 3))
    return keep.fileno()
with io.FileIO(path, "r", opener=opener) as f:
    print(calls, f.read(2))
try:
    keep.close()
except OSError as e:
    print("closed by the other:", e.errno)
try:
    io.FileIO(path, opener=lambda n, fl: -3)
except ValueError as e:
    print(e)
try:
    io.FileIO(path, opener=lambda n, fl: "x")
except TypeError as e:
    print(e)
os.remove(path)
