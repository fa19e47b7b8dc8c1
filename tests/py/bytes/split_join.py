# split, rsplit, splitlines, partition, join
print(b'a,b,,c'.split(b','), b'a,b,c'.split(b',', 1), b'  a  b c '.split(), b' a b c '.split(None, 1))
print(b'a,b,c'.rsplit(b',', 1), b' a b c '.rsplit(None, 1), b'a b c'.rsplit(), b''.split(), b''.split(b','))
print(b'x--y--z'.split(sep=b'--'), b'x y z'.split(maxsplit=1), b'abc'.split(b'abc'))
print(b'one\ntwo\r\nthree\rfour'.splitlines(), b'a\n\nb\n'.splitlines(True), b''.splitlines(), b'x\r\n'.splitlines(keepends=True))
print(b'a=b=c'.partition(b'='), b'a=b=c'.rpartition(b'='), b'abc'.partition(b'x'), b'abc'.rpartition(b'x'))
print(b', '.join([b'a', b'b', b'c']), b''.join([bytearray(b'x'), memoryview(b'y')]), b'-'.join(iter([b'1', b'2'])))
print(bytearray(b'a,b').split(b','), bytearray(b'-').join([b'x', b'y']), type(bytearray(b'a b').split()[0]).__name__)
for bad in [lambda: b'a'.split(b''), lambda: b'a'.partition(b''), lambda: b'a'.join(['x']), lambda: b'a'.split('x'),
            lambda: b'a'.join([b'x', 1])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
