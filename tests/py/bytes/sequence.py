# indexing, slicing, iteration, membership, + and *
b = b'hello world'
print(b[0], b[-1], b[1:4], b[::2], b[::-1], b[-3:], b[100:], b[2:2], b[1:-1:3])
print(list(b[:5]), [c for c in b'abc'], len(b), len(b''))
print(b'o' in b, b'wor' in b, 111 in b, 5 in b, b'' in b, bytearray(b'ld') in b, memoryview(b'he') in b)
print(b'ab' + b'cd', b'ab' + bytearray(b'cd'), b'ab' * 3, 2 * b'xy', b'a' * 0, b'a' * -1)
for bad in [lambda: b[20], lambda: b['x'], lambda: b + 'x', lambda: b * 'x', lambda: 'x' in b, lambda: 300 in b]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
it = iter(b'ab')
print(next(it), next(it), next(it, 'done'))
print(bool(b''), bool(b'\x00'), b''.join([]), tuple(bytearray(b'xy')))
print(ord(b'a'), ord(bytearray(b'z')), chr(b'a'[0]))
try:
    ord(b'ab')
except TypeError as e:
    print(e)
