# array.array: construction for every typecode, sequence protocol,
# slicing, operators, comparisons, repr.
from array import array, typecodes, ArrayType
import array as array_mod

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(typecodes, ArrayType is array, array.__name__, array.__module__, array_mod.array.__qualname__)
for tc in typecodes:
    init = 'abc' if tc == 'u' else [1, 2, 3]
    a = array(tc, init)
    print(tc, a, a.itemsize, a.typecode, len(a), a[0], a[-1], list(a), a.tobytes())
t('empty', lambda: array('d'))
t('from bytes', lambda: array('h', b'\x01\x00\x02\x00'))
t('from bytearray', lambda: array('B', bytearray(b'xy')))
t('from iter', lambda: array('i', (x * x for x in range(5))))
t('from array', lambda: array('d', array('i', [1, 2])))
t('from range', lambda: array('q', range(3)))
t('bad typecode', lambda: array('x'))
t('two chars', lambda: array('ii'))
t('int code', lambda: array(3))
t('no args', lambda: array())
t('too many', lambda: array('i', [1], 3))
t('kw', lambda: array('i', x=3))
t('str init', lambda: array('i', 'abc'))
t('unicode array init', lambda: array('i', array('u', 'ab')))
t('odd bytes', lambda: array('i', b'abc'))
for tc in 'bBhHiIlLqQ':
    for v in (-2**70, -129, -1, 128, 256, 2**16, 2**31, 2**32, 2**63, 2**64, 1.5, 'a'):
        t('%s %r' % (tc, v), lambda: array(tc, [v]))
t('f str', lambda: array('f', ['a']))
t('d big', lambda: array('d', [2**2000]))
t('f values', lambda: array('f', [1.5, 2**-200, 1e300, -0.0]))
t('d int', lambda: array('d', [1, True]))
t('u int', lambda: array('u', [1]))
t('u long', lambda: array('u', ['ab']))
a = array('i', range(10))
print(a[2:5], a[::-2], a[-3:], a[5:2], a[::3])
a[1] = 100
a[-1] = -1
print(a)
a[2:4] = array('i', [7, 7, 7, 7])
print(a)
a[::2] = array('i', [0] * len(a[::2]))
print(a)
del a[0]
del a[1:3]
del a[::2]
print(a)
t('setitem range', lambda: a.__setitem__(100, 1))
t('getitem range', lambda: a[100])
t('setitem type', lambda: a.__setitem__(0, 'x'))
t('slice list', lambda: a.__setitem__(slice(0, 2), [1, 2]))
t('slice kind', lambda: a.__setitem__(slice(0, 2), array('h', [1])))
t('ext slice size', lambda: a.__setitem__(slice(None, None, 2), array('i', [1])))
t('index str', lambda: a['x'])
b = array('i', [1, 2]) + array('i', [3])
print(b, b * 2, 2 * b, b * 0, b * -1)
b += array('i', [9])
b *= 2
print(b)
t('add list', lambda: array('i') + [1])
t('add kind', lambda: array('i') + array('h'))
t('iadd kind', lambda: array('i').__iadd__(array('h')))
t('iadd list', lambda: array('i').__iadd__([1]))
x, y = array('i', [1, 2, 3]), array('d', [1.0, 2.0, 3.5])
print(x == array('i', [1, 2, 3]), x != x, x < y, x <= y, x > array('i', [1, 2]), x == [1, 2, 3], x == y)
print(3 in x, 4 in x, 2.0 in x, 'a' in array('u', 'abc'))
t('hash', lambda: hash(x))
print(repr(array('u', 'hé\U0001f600')), str(array('f', [0.1])), array('u'))
class Sub(array):
    pass
s = Sub('i', [1, 2])
print(s, type(s + s).__name__, isinstance(s, array))
t("subscript", lambda: array[int])
it = iter(array('b', [1, 2]))
print(type(it).__name__, next(it), next(it), next(it, 'end'))
n = array('h', [1, 2, 3, 4])
print(n[-1], n[-4])
t('get -5', lambda: n[-5])
n[-1] = 40
del n[-4]
print(n)
t('set -4', lambda: n.__setitem__(-4, 1))
t('del -4', lambda: n.__delitem__(-4))
t('del 3', lambda: n.__delitem__(3))
import operator
t('operator.getitem', lambda: operator.getitem(n, -2))
