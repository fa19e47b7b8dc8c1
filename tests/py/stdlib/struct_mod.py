# struct (CPython's struct.py over Tandem's _struct): the module's names
# and a record round trip.
import struct
print(sorted(n for n in dir(struct) if not n.startswith("__")))
rec = struct.Struct("<4sHIq?")
data = rec.pack(b"TNDM", 3, 70000, -5, True)
print(rec.size, data, rec.unpack(data), struct.unpack(">2h", b"\x00\x01\xff\xfe"))
try:
    struct.pack("<H", 2**20)
except struct.error as e:
    print("struct.error", e)
