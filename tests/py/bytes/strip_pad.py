# strip family, padding, expandtabs
b = b'  \t hi there \n '
print(b.strip(), b.lstrip(), b.rstrip(), b'xxhixx'.strip(b'x'), b'abcba'.strip(b'ab'), b'ab'.strip(None))
print(bytearray(b'  a ').strip(), b'xy'.lstrip(bytearray(b'x')), b'xy'.rstrip(memoryview(b'y')))
print(b'abc'.center(9, b'*'), b'abc'.center(8), b'abc'.center(2), b'ab'.center(5, b'-'))
print(b'abc'.ljust(6), b'abc'.rjust(6, b'-'), b'abc'.ljust(2), bytearray(b'x').rjust(3, b'0'))
print(b'42'.zfill(5), b'-42'.zfill(6), b'+7'.zfill(4), b''.zfill(3), b'abc'.zfill(2))
print(b'a\tb\tc'.expandtabs(), b'a\tb\tc'.expandtabs(4), b'ab\ncd\tx'.expandtabs(tabsize=3), b'\t'.expandtabs(0))
for bad in [lambda: b'a'.center(5, 'x'), lambda: b'a'.center(5, b'xy'), lambda: b'a'.strip('a'),
            lambda: b'a'.zfill('x'), lambda: b'a'.expandtabs('x'), lambda: b'a'.ljust(3, 32)]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
