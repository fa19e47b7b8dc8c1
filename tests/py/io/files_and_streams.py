import sys
path = "io_test_tmp.txt"
with open(path, "w") as f:
    n = f.write("héllo\nworld\r\nthird")
    print(n, f.writable(), f.readable(), f.closed, f.name, f.mode)
print(f.closed)
with open(path) as f:
    print(repr(f.read(5)), repr(f.readline()), repr(f.readline()), repr(f.read()))
with open(path) as f:
    print([line for line in f])
with open(path, encoding="utf-8") as f:
    print(f.readlines(), f.tell() > 0)
with open(path, "a") as f:
    f.write("\nappended")
print(open(path).read().splitlines())
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:6])
with open(path, "wb") as f:
    f.write(b"\x00\x01binary")
print(open(path, "rb").read())
print("to stderr", file=sys.stderr)
sys.stdout.write("direct write\n")
print("x", "y", sep="-", end="!\n", file=sys.stdout)
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
for bad in ["rw", "q", "rb+t"]:
    try:
        open(path, bad)
    except ValueError as e:
        print(e)
try:
    open("no/such/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
import os
os.remove(path) if hasattr(os, "remove") else None
class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
cap = Capture()
old = sys.stdout
sys.stdout = cap
print("captured", 1)
sys.stdout = old
print(cap.parts)
