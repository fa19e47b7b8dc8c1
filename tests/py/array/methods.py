# array.array methods: append/extend/insert/pop/remove/index/count/reverse,
# byteswap, bytes/list/unicode/file conversions, copy and pickling.
from array import array
import copy

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
a.extend(x for x in (8, 9))
a.insert(0, 0)
a.insert(-1, 85)
a.insert(100, 10)
a.insert(-100, -1)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
t('pop empty', lambda: array('i').pop())
t('pop range', lambda: array('i', [1]).pop(5))
print(a.index(3), a.index(3, 2), a.count(3), a.count(42))
t('index missing', lambda: a.index(42))
t('index range', lambda: a.index(1, 3, 5))
a.remove(3)
t('remove missing', lambda: a.remove(42))
a.reverse()
print(a)
t('extend kind', lambda: a.extend(array('h', [1])))
t('extend bad item', lambda: a.extend([1, 'x']))
print('after bad extend', a)
t('append bad', lambda: a.append(1.5))
t('insert bad', lambda: a.insert('x', 1))
h = array('H', [1, 0x0203])
h.byteswap()
print(h, h.tobytes())
d = array('d', [1.5])
d.byteswap()
d.byteswap()
print(d)
b = array('h')
b.frombytes(b'\x01\x00\x02\x00')
b.frombytes(bytearray(b'\x03\x00'))
b.frombytes(array("B", [4, 0]))
t("frombytes array h", lambda: b.frombytes(array("h", [4])))
print(b, b.tobytes(), b.tolist())
t('frombytes odd', lambda: b.frombytes(b'\x01'))
t('frombytes str', lambda: b.frombytes('ab'))
b.fromlist([5, 6])
t('fromlist tuple', lambda: b.fromlist((1,)))
t('fromlist bad', lambda: b.fromlist([7, 'x']))
print('after fromlist', b)
u = array('u', 'ab')
u.fromunicode('cé')
print(u, u.tounicode(), u.tolist())
t('fromunicode int array', lambda: b.fromunicode('x'))
t('fromunicode int', lambda: u.fromunicode(3))
t('tounicode int array', lambda: b.tounicode())
print(len(array('q', [1, 2]).buffer_info()), array('q', [1, 2]).buffer_info()[1])

class File:
    def __init__(self, data=b''):
        self.data = data
        self.writes = []
    def write(self, b):
        self.writes.append(bytes(b))
        return len(b)
    def read(self, n):
        r, self.data = self.data[:n], self.data[n:]
        return r
f = File()
array('i', [1, 2, 3]).tofile(f)
print(f.writes)
g = array('i')
g.fromfile(File(b''.join(f.writes)), 2)
print(g)
t('fromfile short', lambda: g.fromfile(File(b'\x05\x00\x00\x00\x06\x00'), 2))
print('after short', g)
t('fromfile negative', lambda: g.fromfile(File(), -1))
class Str:
    def read(self, n):
        return 'x'
t('fromfile str', lambda: g.fromfile(Str(), 1))

c = array('d', [1.0, 2.5])
print(copy.copy(c), copy.deepcopy(c), copy.copy(c) is c)
for proto in range(0, 6):
    f, args, state = c.__reduce_ex__(proto)
    p = f(*args)
    print(proto, f.__name__, p, type(p).__name__, p == c, state)
print(c.__reduce_ex__(2)[1], c.__reduce_ex__(3)[1][1:])
print(array('u', 'x').__reduce_ex__(4)[1][1:], array('b', [-1]).__reduce_ex__(4)[1][1:])
import array as array_mod
rc = array_mod._array_reconstructor
print(rc(array, 'i', 8, b'\x01\x00\x00\x00'), rc(array, 'i', 9, b'\x00\x00\x00\x02'), rc(array, 'd', 17, b'?\xf8\x00\x00\x00\x00\x00\x00'))
print(rc(array, 'u', 18, 'hé'.encode('utf-16-le')), rc(array, 'H', 3, b'\x01\x02'))
t('rc type', lambda: rc(3, 'i', 8, b''))
t('rc subtype', lambda: rc(int, 'i', 8, b''))
t('rc code', lambda: rc(array, 'x', 8, b''))
t('rc mformat', lambda: rc(array, 'i', 99, b''))
t('rc bytes', lambda: rc(array, 'i', 8, 'ab'))
t('rc size', lambda: rc(array, 'i', 9, b'abc'))
print(bytes(array('h', [1, 2])), bytearray(array('B', [65, 66])), b''.join([array('B', [67]).tobytes()]))
print(array('i', [1, 2]).__sizeof__() > 0)
