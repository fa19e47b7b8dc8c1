# marshal: every type it writes read back, CPython's own output read,
# the errors for short and bad data and for what cannot be marshalled
import marshal
vals = [None, True, False, ..., 0, 1, -1, 2**31-1, -2**31, 2**31, -2**40, 2**100, -(2**200)+7, 1.5, -0.0, float('inf'), 1+2j,
        "", "abc", "é日本", "x"*300, b"", b"\x00\xff", (), (1, "a"), tuple(range(300)), [1, [2, [3]]], {"a": 1, 2: (3,)},
        {1, 2, 3}, frozenset({"x"}), StopIteration, "\ud800"]
for v in vals:
    d = marshal.dumps(v)
    back = marshal.loads(d)
    print(repr(back)[:60], back == v or (v != v), type(back).__name__)
print(marshal.version)
for bad in (b"", b"i\x01", b"q", b"(\x02\x00\x00\x00N"):
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError", e)
try:
    marshal.dumps(lambda: 0)
except ValueError as e:
    print("ValueError", e)
# CPython's own output read back
print(marshal.loads(b'\xa9\x03\xe9\x01\x00\x00\x00\xda\x01ar\x01\x00\x00\x00'))
print(marshal.loads(b'{\xda\x01a\xe9\x01\x00\x00\x00\xda\x01b[\x02\x00\x00\x00\xe9\x02\x00\x00\x00r\x00\x00\x00\x000'))
print(marshal.loads(b'\xa9\x02\xda\x02abr\x01\x00\x00\x00'))
