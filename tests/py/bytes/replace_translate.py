# replace, translate, maketrans, removeprefix/removesuffix
print(b'abcabc'.replace(b'b', b'XX'), b'abc'.replace(b'', b'-'), b'aaa'.replace(b'a', b'b', 2), b'abc'.replace(b'x', b'y'))
print(b'aaaa'.replace(b'aa', b''), b''.replace(b'', b'x'), bytearray(b'abc').replace(b'b', b''))
t = bytes.maketrans(b'abc', b'xyz')
print(len(t), b'aabbcc'.translate(t), b'hello'.translate(None, b'l'), b'hello'.translate(t, delete=b'h'))
print(bytearray(b'abc').translate(t), bytearray.maketrans(b'a', b'b')[97])
print(b'abcdef'.removeprefix(b'abc'), b'abcdef'.removesuffix(b'def'), b'abc'.removeprefix(b'x'), b'abc'.removesuffix(b''))
for bad in [lambda: b'a'.translate(b'x'), lambda: bytes.maketrans(b'a', b'bc'), lambda: b'a'.replace('a', b'b'),
            lambda: b'a'.removeprefix('a')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
