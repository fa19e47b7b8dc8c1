# bytes() and bytearray() constructor forms
print(bytes(), bytes(0), bytes(3), bytes([65, 66, 67]), bytes(range(5)))
print(bytes(b'abc'), bytes(bytearray(b'xy')), bytes(memoryview(b'mv')))
print(bytes('héllo', 'utf-8'), bytes('abc', 'ascii'), bytes('é', encoding='latin-1'))
print(bytes('é€', 'ascii', 'replace'), bytes(source='x', encoding='utf-8'))
print(bytes(x for x in [1, 2, 3]), bytes((255,)), bytes.fromhex('de ad be ef'), bytes.fromhex(''))
print(bytearray(), bytearray(2), bytearray(b'ab'), bytearray([1, 2]), bytearray('é', 'utf-8'))
print(bytearray.fromhex('ff00'), type(bytearray.fromhex('ff')).__name__)
for args in [('a',), (1, 'utf-8'), (1.5,), (-1,), ([256],), (['a'],), ([1], 2), (b'a', 'utf-8'), (None,)]:
    try:
        print(bytes(*args))
    except Exception as e:
        print(type(e).__name__, e)
for args in [('a',), (-1,), ([300],), (3.0,)]:
    try:
        print(bytearray(*args))
    except Exception as e:
        print(type(e).__name__, e)
for s in ['zz', 'a', '0g', '00 1']:
    try:
        print(bytes.fromhex(s))
    except ValueError as e:
        print('ValueError', e)
