# find, rfind, index, rindex, count, startswith, endswith
b = b'abcabcab'
print(b.find(b'c'), b.find(b'ca', 3), b.find(b'x'), b.find(97, 1), b.find(b'', 3), b.find(b'b', -3, -1))
print(b.rfind(b'ab'), b.rfind(98), b.rfind(b'ab', 0, 5), b.rfind(b'z'), b.find(b'a', None, None))
print(b.index(b'bc'), b.rindex(b'bc'), b.count(b'ab'), b.count(97), b.count(b''), b'aaaa'.count(b'aa'))
print(b.startswith(b'abc'), b.startswith((b'x', b'ab')), b.startswith(b'ca', 2), b.endswith(b'ab'), b.endswith(b'ca', 0, 7))
print(bytearray(b'xyz').find(b'z'), b'xyz'.find(bytearray(b'y')), b'xyz'.count(memoryview(b'x')))
for bad in [lambda: b.index(b'zz'), lambda: b.rindex(b'q'), lambda: b.find('a'), lambda: b.find(300),
            lambda: b.startswith('a'), lambda: b.count(b'a', 'x'), lambda: b.endswith([b'a'])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
