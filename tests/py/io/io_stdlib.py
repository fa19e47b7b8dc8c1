# io.py over _io: what imports, files in a fresh directory, print(file=...).
import sys
import io
import os
print(sorted(k for k in ("io", "_io", "abc") if k in sys.modules))
print(io.IOBase.__module__, io.TextIOWrapper.__module__, io.open.__name__)
d = "io_stdlib_tmp_dir"
os.mkdir(d)
p = os.path.join(d, "inner.txt")
with open(p, "w") as f:
    print("via print", 1, 2, sep=",", file=f)
    print("second", end="!", file=f)
    f.writelines(["\n", "third\n"])
with open(p) as f:
    print(f.read().splitlines())
with open(p, "a+") as f:
    print(f.tell(), f.write("more\n"), f.seek(0), f.readline(), f.mode)
os.remove(p)
os.rmdir(d)
print(os.path.exists(d))
s = io.StringIO()
print("into", "stringio", file=s, sep="|")
print(repr(s.getvalue()))
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
print("through text", file=t, flush=True)
print(t.buffer.getvalue())
b = io.BytesIO()
try:
    print("x", file=b)
except TypeError as e:
    print(type(e).__name__, e)
