# open(): argument checks, modes, buffering, closefd, opener and what each mode returns.
import io, os
path = "io_open_tmp.txt"
with open(path, "w") as f:
    f.write("data\n")
for mode in ["r", "rt", "w", "a", "r+", "w+", "a+", "x", "rb", "wb", "ab", "r+b", "rb+", "w+b", "xb"]:
    if "x" in mode and os.path.exists(path):
        os.remove(path)
    with open(path, mode) as f:
        inner = f.buffer if hasattr(f, "buffer") else f
        print(mode, type(f).__name__, type(inner).__name__, f.mode, inner.raw.mode, f.readable(), f.writable())
with open(path, "w") as f:
    f.write("data\n")
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.read())
with open(path, buffering=1) as f:
    print(f.line_buffering, f.buffer.raw.isatty())
with open(path, "rb", buffering=16) as f:
    print(f.read())
checks = [
    dict(mode="rw"), dict(mode="rr"), dict(mode="q"), dict(mode="tb"), dict(mode="rwb"), dict(mode=""),
    dict(mode="t"), dict(mode="b"), dict(mode="+"), dict(mode=5), dict(mode="rb", encoding="utf-8"),
    dict(mode="rb", errors="strict"), dict(mode="rb", newline="\n"), dict(mode="r", buffering=0),
    dict(mode="r", buffering=-2), dict(mode="r", buffering="x"), dict(encoding=3), dict(errors=3), dict(newline=3),
    dict(newline="x"), dict(closefd=False), dict(encoding="no-such-encoding"), dict(mode="r", buffering=1.5),
]
for kw in checks:
    try:
        f = open(path, **kw)
        print("opened", kw, type(f).__name__)
        f.close()
    except (ValueError, TypeError, LookupError) as e:
        print(kw, type(e).__name__, e)
for bad in [None, 1.5, [], b"no\x00pe", "no\x00pe"]:
    try:
        open(bad)
    except (TypeError, ValueError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    open("no/such/file")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
class P:
    def __fspath__(self):
        return path
with open(P()) as f:
    print(f.name, f.read())
with open(path.encode()) as f:
    print(f.name, f.read())
raw = open(path, "rb")
fd = raw.fileno()
with open(fd, closefd=False) as f:
    print(f.name == fd, f.read())
print(raw.closed, raw.read())
raw.close()
opened = []
def opener(p, flags):
    opened.append(p)
    return keep.fileno()
keep = open(path, "rb", buffering=0)
with open(path, "r", opener=opener) as f:
    print(opened, f.read())
print(io.open is open, io.open_code(path).read(), type(io.open_code(path)).__name__)
try:
    io.open_code(b"x")
except TypeError as e:
    print(e)
print(io.text_encoding(None), io.text_encoding("latin-1"))
os.remove(path)
