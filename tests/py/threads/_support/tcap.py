"""Helpers for the threading tests: capture stderr, make reports comparable."""
import sys

# Modules whose frames show up in tracebacks with interpreter-specific paths
# and line numbers.
LIB_FILES = ("threading.py", "queue.py", "_base.py", "thread.py", "__init__.py")


class Capture:
    """A file-like object that keeps what is written to it."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

    def getvalue(self):
        return "".join(self.parts)


def normalise(text):
    """Basenames for every file; line numbers hidden for library files; no addresses."""
    out = []
    for line in text.splitlines():
        if line.startswith('  File "'):
            path, _, rest = line[len('  File "'):].partition('"')
            base = path.rsplit("/", 1)[-1]
            if base in LIB_FILES:
                rest = ", line N," + rest.split(",", 2)[2]
            line = '  File "%s"%s' % (base, rest)
        out.append(mask_addresses(line))
    return "\n".join(out)


def mask_addresses(text):
    """Replace every 0x... hex address with 0xADDR."""
    result = []
    i = 0
    while i < len(text):
        if text.startswith("0x", i):
            j = i + 2
            while j < len(text) and text[j] in "0123456789abcdef":
                j += 1
            if j > i + 2:
                result.append("0xADDR")
                i = j
                continue
        result.append(text[i])
        i += 1
    return "".join(result)


def run_capturing_stderr(func, *args):
    """Call func(*args) with sys.stderr captured; return the normalised text."""
    saved = sys.stderr
    cap = Capture()
    sys.stderr = cap
    try:
        func(*args)
    finally:
        sys.stderr = saved
    return normalise(cap.getvalue())
