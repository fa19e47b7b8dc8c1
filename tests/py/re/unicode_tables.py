# _sre's case helpers and \w \d \s over every code point: the same tables as CPython's.
import _sre, re

def digest(seq):
    h = 0
    for x in seq:
        h = (h * 1000003 + x) & 0xFFFFFFFFFFFF
    return h

N = 0x30000
print("tolower", digest(_sre.unicode_tolower(c) for c in range(N)))
print("iscased", digest(_sre.unicode_iscased(c) for c in range(N)))
s = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, N)))
for pat in [r"\w", r"\d", r"\s", r"(?i)[a-z]", r"(?i)[^\W\d_]"]:
    print(pat, digest(m.start() for m in re.finditer(pat, s)))
print("bytes", [len(re.findall(p, bytes(range(256)))) for p in [rb"\w", rb"\d", rb"\s", rb"(?i)[a-z]"]])
