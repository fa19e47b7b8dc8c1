# Repeating an empty bytes/bytearray any number of times is instant, also when
# __index__ empties the bytearray first (the fuzzer found both hanging), and a
# non-empty one with an impossible count raises MemoryError at once.
B = bytearray(b'abcde')


class EmptiesB:
    def __index__(self):
        B[:] = b''
        return 2**62


print(B * EmptiesB())
B[:] = b'abcde'
B *= EmptiesB()
print(B)
print(b'' * 2**62, bytearray() * 2**62, [] * 2**62, '' * 2**62, () * 2**62)
for v in (b'ab', bytearray(b'ab'), 'ab', [1, 2], (1, 2)):
    for n in (2**62, 2**40):
        try:
            v * n
        except (MemoryError, OverflowError) as e:
            print(type(v).__name__, n.bit_length(), type(e).__name__, e)
ba = bytearray(b'xyz')
try:
    ba *= 2**62
except MemoryError:
    print('inplace MemoryError', ba)
# The doubling copy gives exactly n copies.
for n in (0, 1, 2, 3, 7, 8, 9, 1000):
    r = bytearray(b'abc') * n
    assert r == bytearray(b'abc' * n) and bytes(b'abc') * n == b'abc' * n
    x = bytearray(b'ab'); x *= n
    assert x == b'ab' * n, (n, x)
print('ok')
