# int() of bytes, bytearray and memoryview, with and without a base.
cases = [(b"12",), (bytearray(b" -7 "),), (memoryview(b"42"),), (b"ff", 16),
         (bytearray(b"0x1f"), 0), (b" 1_000 ",), (b"z", 36), (b"0b101", 0),
         (b"x",), (bytearray(b"x"),), (memoryview(b"1.5"),), (b"1\x00",),
         (b"\xff",), (b"",), (bytearray(),), (b"12", 2), (b"1__0",),
         (memoryview(b"1"), 10), (b"1", 1), (b"1", 37)]
for args in cases:
    try:
        print(repr(int(*args)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(int(b"a", base=16), int(bytearray(b"11"), base=2))
print(int(memoryview(b"123")[1:]))
