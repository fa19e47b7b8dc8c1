import os
name = "_tmp_open_builtin.txt"
with open(name, "w") as f:
    print(f.write("line1\nline2\n"), f.closed, f.mode, f.name)
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(f.readline(), end="")
    print(list(f))
with open(name, "a") as f:
    f.write("line3")
with open(name, "rb") as f:
    print(f.read())
with open(name, "r") as f:
    print([l.rstrip() for l in f])
os.remove(name)
try:
    open(name)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
try:
    open(name, "zz")
except ValueError as e:
    print("ValueError", e)
