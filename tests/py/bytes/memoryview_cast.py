# memoryview.cast: byte views as native integer items and back (re's compiler uses cast('I')).
b = bytes(range(16))
m = memoryview(b).cast("I")
print(m.format, m.itemsize, len(m), m.nbytes, m.shape, m.strides, m.readonly)
print(m.tolist() == [int.from_bytes(b[i:i + 4], "little") for i in range(0, 16, 4)])
print(m[0] == int.from_bytes(b[:4], "little"), m[-1] == int.from_bytes(b[12:], "little"))
print(m.tobytes() == b, bytes(m) == b, m.cast("B").tolist() == list(b))
h = memoryview(bytearray(b"\x01\x00\xff\xff")).cast("h")
print(h.tolist(), h.format, h.readonly, memoryview(b"\xff\x01").cast("b").tolist())
print(memoryview(b"ab").cast("c").tolist(), memoryview(b"\x00\x02").cast("?").tolist())
print(memoryview(bytes(8)).cast("Q").tolist(), memoryview(b"\xff" * 8).cast("Q").tolist(), memoryview(b"\xff" * 8).cast("q").tolist())
for fmt, data in [("I", b"abc"), ("x", b"ab"), ("II", b"abcd"), (3, b"a")]:
    try:
        memoryview(data).cast(fmt)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    memoryview(b"abcdefgh").cast("I").cast("H")
except TypeError as e:
    print("TypeError:", e)
try:
    memoryview(b"abcdef")[::2].cast("B")
except TypeError as e:
    print("TypeError:", e)
