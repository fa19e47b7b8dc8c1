# memoryview over bytes and bytearray
m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes(), bytes(m[2:]))
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.readonly, m.obj, m.hex(), m[1:3].hex(':'))
print(m == b'abcdef', m == bytearray(b'abcdef'), m[:2] == b'ab', m == b'x', m == m, list(m[:3]))
ba = bytearray(b'xyz')
mv = memoryview(ba)
mv[0] = 65; mv[1:3] = b'BC'; print(ba, mv.readonly, bytes(mv), bytearray(mv), mv.tolist())
try:
    ba.append(1)
except BufferError as e:
    print('BufferError', e)
mv.release()
ba.append(33); print(ba)
with memoryview(ba) as v:
    print(v[0], v.tobytes())
try:
    v[0]
except ValueError as e:
    print('ValueError', e)
ba.extend(b'!'); print(ba)
sub = memoryview(ba)[1:]
try:
    ba.clear()
except BufferError as e:
    print('BufferError', e)
del sub
ba.clear(); print(ba)
for bad in [lambda: memoryview('a'), lambda: m.__setitem__(0, 1), lambda: hash(memoryview(bytearray())),
            lambda: memoryview(bytearray(b'ab')).__setitem__(slice(0, 1), b'xy'), lambda: m[10]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(hash(m) == hash(b'abcdef'), memoryview(m).tobytes())
