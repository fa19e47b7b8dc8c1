# comparisons and hashing
print(b'abc' == b'abc', b'abc' != b'abd', b'abc' < b'abd', b'ab' < b'abc', b'b' > b'abc', b'' <= b'')
print(b'a' == bytearray(b'a'), bytearray(b'a') == b'a', bytearray(b'a') < b'b', b'a' == 'a', b'a' != 'a')
print(sorted([b'b', b'a', b'', b'ab']), max(b'x', b'y'), min([bytearray(b'q'), bytearray(b'p')]))
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(b''), hash(memoryview(b'ab')) == hash(b'ab'))
d = {b'a': 1, 'a': 2, b'b': 3}
print(d[b'a'], d['a'], len(d), b'b' in d, {b'x', b'x', b'y'} == {b'y', b'x'})
for bad in [lambda: b'a' < 'a', lambda: hash(bytearray(b'x')), lambda: {bytearray(): 1}, lambda: b'a' >= 1]:
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
