# _struct: calcsize (native alignment, standard sizes), pack/unpack of every
# code in every byte order, s/p/e/f/d, unpack_from/pack_into/iter_unpack,
# Struct, and bad input with CPython's messages.
import _struct as struct
for fmt in ["i", "@i", "<i", ">i", "!h", "=q", "hi", "cih", "@ci", "=ci", "3h", "10s", "0s", "5p", "0p", "x", "3x", "?", "e", "f", "d",
            "@bhiq", "@qb", "@b0q", "lLqQnNP", "<lL", " 2i  h ", "P", "@?h"]:
    print(repr(fmt), struct.calcsize(fmt))
vals = [(1,), (-2,), (3, 4)]
print(struct.pack("<i", 1), struct.pack(">i", -2), struct.pack("@hi", 1, 2), struct.pack("<hi", 1, 2))
print(struct.pack("<q", -1), struct.pack(">Q", 2**64 - 1), struct.pack("@N", 2**64 - 1), struct.pack("@P", 12345))
print(struct.pack("3s", b"abcdef"), struct.pack("5s", b"ab"), struct.pack("5p", b"abc"), struct.pack("300p", b"x" * 300)[:3])
print(struct.pack("c?x?", b"z", 0, [1]), struct.pack("<e", 1.5), struct.pack(">e", -0.0), struct.pack("<e", 65504.0))
print(struct.pack("<f", 3.14), struct.pack(">d", 2.5), struct.pack("<e", 1e-8), struct.pack("<e", 5.96e-8), struct.pack("<e", float("inf")))
for fmt, data in [("<i", b"\x01\x00\x00\x00"), (">i", b"\xff\xff\xff\xfe"), ("<Q", b"\xff" * 8), ("<q", b"\xff" * 8),
                  ("@hi", struct.pack("@hi", -5, 7)), ("3s", b"abc"), ("5p", b"\x03abcd"), ("5p", b"\x09abcd"), ("?", b"\x02"),
                  ("<e", b"\x00\x3c"), ("<e", b"\x00\x7c"), ("<e", b"\x01\x00"), (">f", b"\x40\x49\x0f\xdb"), ("<d", struct.pack("<d", 0.1)),
                  ("bB", b"\x80\x80"), ("<hH", b"\x00\x80\x00\x80"), ("c", b"q"), ("@P", struct.pack("@P", 99))]:
    print(fmt, struct.unpack(fmt, data))
print(struct.unpack_from("<h", b"\x00\x01\x02\x03", 1), struct.unpack_from("<h", b"\x00\x01\x02\x03", offset=-2),
      struct.unpack_from(">h", bytearray(b"\x01\x02")), struct.unpack(">h", memoryview(b"\x01\x02")))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")), struct.iter_unpack("<h", b"").__length_hint__())
ba = bytearray(8)
struct.pack_into("<hh", ba, 2, 1, -1)
print(ba)
mv = memoryview(ba)[4:]
struct.pack_into(">h", mv, 0, 258)
print(ba)
s = struct.Struct("<hq")
print(s.format, s.size, s.pack(1, 2), s.unpack(s.pack(-1, -2)), s.unpack_from(b"\x00" * 20, 5), type(s).__name__)
print(struct.Struct(b">h").format, struct.Struct(format="i").size)
bad = [lambda: struct.calcsize("z"), lambda: struct.calcsize("3"), lambda: struct.calcsize("<n"), lambda: struct.calcsize("<P"),
       lambda: struct.calcsize("99999999999999999999i"), lambda: struct.calcsize(1), lambda: struct.pack("h"), lambda: struct.pack("h", 1, 2),
       lambda: struct.pack("<h", 70000), lambda: struct.pack(">h", 70000), lambda: struct.pack("<l", 2**40), lambda: struct.pack("@l", 2**70),
       lambda: struct.pack(">q", 2**63), lambda: struct.pack(">Q", -1), lambda: struct.pack("<Q", -1), lambda: struct.pack("<I", 2**32),
       lambda: struct.pack("@I", -1), lambda: struct.pack("b", 200), lambda: struct.pack("B", -1), lambda: struct.pack("H", 70000),
       lambda: struct.pack("@P", 2**64), lambda: struct.pack("i", "x"), lambda: struct.pack("i", 1.0), lambda: struct.pack("f", "x"),
       lambda: struct.pack(">f", 1e300), lambda: struct.pack("@f", 1e300), lambda: struct.pack("e", 1e10), lambda: struct.pack(">e", 2**63),
       lambda: struct.pack("c", b"ab"), lambda: struct.pack("s", "a"), lambda: struct.pack("p", 1),
       lambda: struct.unpack("<h", b"\x00"), lambda: struct.unpack("<h", 5), lambda: struct.unpack("<h", "ab"),
       lambda: struct.unpack_from("<i", b"\x00" * 4, 2), lambda: struct.unpack_from("<i", b"\x00" * 4, -8), lambda: struct.unpack_from("<i", b"\x00" * 4, 9),
       lambda: struct.iter_unpack("<h", b"\x00"), lambda: struct.iter_unpack("", b""), lambda: struct.pack_into("<i", bytearray(2), 0, 1),
       lambda: struct.pack_into("<i", b"1234", 0, 1), lambda: struct.pack_into("<i", bytearray(8), 6, 1), lambda: struct.pack_into("<i"),
       lambda: struct.pack_into("<i", bytearray(4)), lambda: struct.pack_into("<i", bytearray(4), -9, 1), lambda: struct.Struct(),
       lambda: struct.Struct(5), lambda: struct.pack(), lambda: struct.unpack("i"), lambda: struct.pack("<x", 1)]
for b in bad:
    try:
        print("ok", b())
    except Exception as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 7
print(struct.pack("<h", Idx()), struct.pack("<q", True), issubclass(struct.error, Exception), struct.error.__module__)
for b in [lambda: struct.pack_into(), lambda: struct.pack_into("i"), lambda: struct.pack_into("<i", bytearray(8), -2, 1),
          lambda: struct.Struct("i").pack_into(), lambda: struct.pack_into("<i", bytearray(8), -4, 5), lambda: struct.pack(">H", -1),
          lambda: struct.pack("<H", -1), lambda: struct.pack(">B", -1)]:
    try:
        print("ok", b())
    except Exception as e:
        print(type(e).__name__, e)
