# Bytes patterns over bytes, bytearray and memoryview subjects; str/bytes mixing errors.
import re

p = re.compile(rb"(\w+)@(\w+)\.com")
for subj in [b"mail bob@example.com now", bytearray(b"x a@b.com"), memoryview(b"c@d.com")]:
    m = p.search(subj)
    print(type(subj).__name__, m.span(), m.group(1), m.groups(), type(m.group()).__name__, type(m.string).__name__)
print(p.findall(bytearray(b"a@b.com c@d.com")), p.sub(b"<>", bytearray(b"q a@b.com")))
print(p.split(memoryview(b"1 a@b.com 2")), re.match(rb"\x00\xff", b"\x00\xff"))
print(re.compile(rb"[\x80-\xff]+").findall(bytes(range(120, 140))))
print(re.compile(rb"\d\s\w").match(b"1 _"), re.compile(rb"\d").match(b"\xb2"))
print(re.match(b"(?i)\xe9", b"\xc9"), re.match(b"[^a]", b"\xe9"))
ba = bytearray(b"abcabc")
m = re.search(b"b(c)", ba)
ba[1:2] = b"X"
print(m.group(), m.group(1), m.span(), ba)
mv = memoryview(b"hello world")[6:]
print(re.match(b"wor", mv), re.findall(b"o", mv))
for pat, subj in [("a", b"a"), (b"a", "a"), ("a", bytearray(b"a")), (b"a", ["a"]), ("a", 5)]:
    try:
        re.match(pat, subj)
    except TypeError as e:
        print("TypeError:", e)
try:
    re.sub(b"a", "x", b"a")
except TypeError as e:
    print("TypeError:", e)
try:
    re.sub("a", b"x", "a")
except TypeError as e:
    print("TypeError:", e)
try:
    re.compile(b"a", re.U)
except ValueError as e:
    print("ValueError:", e)
print(re.compile(b"x", re.I), re.compile(b"x", re.L), re.compile(b"x"))
