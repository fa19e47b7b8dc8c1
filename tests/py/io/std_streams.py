# sys.stdin/stdout/stderr are _io.TextIOWrapper objects over buffered
# objects over FileIO(0/1/2); print() writes through them.
import io
import sys
for name in ("stdout", "stderr"):
    f = getattr(sys, name)
    print(name, type(f).__name__, repr(f), f.encoding, f.errors, f.name, f.mode, f.fileno(), f.writable())
    print(" ", type(f.buffer).__name__, repr(f.buffer), repr(f.buffer.raw), f.buffer.raw.closefd)
    print(" ", f is getattr(sys, "__%s__" % name), isinstance(f, io.TextIOBase), f.newlines, f.closed)
print("stdin", type(sys.stdin).__name__, sys.stdin.name, sys.stdin.mode, sys.stdin.fileno(), sys.stdin.encoding,
      sys.stdin.errors, type(sys.stdin.buffer).__name__, sys.stdin.readable(), sys.stdin.writable())
print(sys.stderr.line_buffering)
print("text then", end=" ")
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes through .buffer\n")
sys.stdout.buffer.flush()
print("to stderr", 1, file=sys.stderr)
sys.stderr.write("stderr partial ")
sys.stderr.write("and the rest\n")
sys.stderr.buffer.write(b"stderr bytes\n")
sys.stderr.flush()
print(sys.stdout.write("written\n"), sys.stdout.writelines(["a\n", "b\n"]))
print("lone surrogate \udcff", file=sys.stderr)
print("flushed", flush=True)
saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
captured, sys.stdout = sys.stdout.getvalue(), saved
print(repr(captured))
sys.stdout = None
print("dropped")
sys.stdout = saved
print("back")
print("last line without newline", end="")
