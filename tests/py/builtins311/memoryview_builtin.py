m = memoryview(b"abcdef")
print(m[0], m[1:3].tobytes(), len(m), m.readonly, bytes(m[::2]), m.tolist()[:3])
ba = bytearray(b"xyz")
mv = memoryview(ba)
mv[0] = 65
print(ba, mv.readonly, mv.nbytes, mv.itemsize, mv.format)
try:
    m[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    memoryview("str")
except TypeError as e:
    print("TypeError", e)
print(m == b"abcdef", m.hex())
with memoryview(b"q") as q:
    print(q.tobytes())
